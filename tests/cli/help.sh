#!/usr/bin/env bash
# Every --help exits 0, explains the exit codes and names its options; --version prints the version.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

for cmd in "" extract build path subgraph render neighbors timeline find merge stats; do
  # shellcheck disable=SC2086
  expect 0 "$IRKG" $cmd --help
  for text in "Exit codes" "0  done" "1  bad data" "2  bad usage"; do
    contains stdout "$text" "irkg $cmd --help"
  done
done

expect 0 "$IRKG" --help
for cmd in extract build path subgraph render neighbors timeline find merge stats; do contains stdout "$cmd" "irkg --help"; done
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

expect 0 "$IRKG" neighbors --help
for option in GRAPH ACTOR --depth --directed --limit --format dot '"groups"' '"rings"' '"truncated"' '"more"' \
  neighbors-result.schema.json "irkg neighbors out/graph.jsonld China" --category --since; do
  contains stdout "$option" "neighbors --help"
done
expect 0 "$IRKG" timeline --help
for option in GRAPH ACTOR --limit --format '"items"' '"direction"' '"evidence"' '"truncated"' timeline-result.schema.json \
  "irkg timeline out/graph.jsonld Blinken" --since --until "undated ones last"; do
  contains stdout "$option" "timeline --help"
done
expect 0 "$IRKG" find --help
for option in GRAPH NAME --limit --format '"candidates"' '"match"' '"degree"' '"mentions"' find-result.schema.json \
  "irkg find out/graph.jsonld blinkn" prefix typo alias; do
  contains stdout "$option" "find --help"
done

expect 0 "$IRKG" merge --help
for option in INPUT --output --format --schemas --strict .jsonld .jsonl "FILE:LINE" associative --category graphml; do
  contains stdout "$option" "merge --help"
done
expect 0 "$IRKG" stats --help
for option in GRAPH --top --format --betweenness-samples --exact --threads '"degree"' '"betweenness"' '"pagerank"' \
  '"components"' '"estimate"' stats-result.schema.json "damping 0.85" undirected --category; do
  contains stdout "$option" "stats --help"
done
expect 0 "$IRKG" build --help
for option in --into "created when it" "written back atomically"; do contains stdout "$option" "build --help"; done

expect 0 "$IRKG" --version
grep -Eq '^irkg [0-9]+\.[0-9]+\.[0-9]+$' "$work/stdout" || fail "--version printed: $(cat "$work/stdout")"

finish
