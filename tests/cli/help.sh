#!/usr/bin/env bash
# Every --help exits 0, explains the exit codes and names its options; --version prints the version.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

for cmd in "" extract build path subgraph render; do
  # shellcheck disable=SC2086
  expect 0 "$IRKG" $cmd --help
  for text in "Exit codes" "0  done" "1  bad data" "2  bad usage"; do
    contains stdout "$text" "irkg $cmd --help"
  done
done

expect 0 "$IRKG" --help
for cmd in extract build path subgraph render; do contains stdout "$cmd" "irkg --help"; done
contains stdout "IRKG_SCHEMAS" "irkg --help"

expect 0 "$IRKG" extract --help
for option in --output --schemas --lexicon --date --strict --quiet FILE:LINE; do contains stdout "$option" "extract --help"; done
expect 0 "$IRKG" build --help
for option in --output --format graphml jsonld --date; do contains stdout "$option" "build --help"; done
expect 0 "$IRKG" path --help
for option in GRAPH FROM TO --format --directed '"hops"' '"direction"' '"evidence"' undirected; do
  contains stdout "$option" "path --help"
done

expect 0 "$IRKG" build --help
for option in --category --predicate --since --until --min-mentions --modality --type --around --depth --edges \
  nquads ntriples dot gexf csv; do
  contains stdout "$option" "build --help"
done
expect 0 "$IRKG" subgraph --help
for option in GRAPH --output --around --depth --since --category --edges; do contains stdout "$option" "subgraph --help"; done

expect 0 "$IRKG" --version
grep -Eq '^irkg [0-9]+\.[0-9]+\.[0-9]+$' "$work/stdout" || fail "--version printed: $(cat "$work/stdout")"

finish
