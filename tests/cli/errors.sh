#!/usr/bin/env bash
# Error paths: each asserts the exit code (1 bad data, 2 bad usage) and what the message says.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

# Bad usage: exit 2.
expect 2 "$IRKG" frobnicate
contains stderr 'irkg: error: unknown subcommand "frobnicate"'
contains stderr "extract, build, merge, path, subgraph, render, neighbors, timeline, find, stats"

expect 2 "$IRKG"
contains stderr "irkg: error:"

expect 2 "$IRKG" extract --no-such-option
contains stderr "--no-such-option"

expect 2 "$IRKG" extract --date 2024-02-30 "$SAMPLE"
contains stderr 'irkg: error: --date "2024-02-30" is not a calendar date'

expect 2 "$IRKG" build "$SAMPLE"
contains stderr "--output"

expect 2 "$IRKG" build "$SAMPLE" -o "$work/graph.xyz"
contains stderr "graph.xyz"
contains stderr ".graphml"
[[ ! -e $work/graph.xyz ]] || fail "build wrote graph.xyz after a usage error"

expect 2 "$IRKG" build "$SAMPLE" -o "$work/g.graphml" --format nope
contains stderr '"nope"'
contains stderr "graphml, gexf, jsonld, csv"

expect 2 "$IRKG" path "$work/graph.graphml" Blinken China
contains stderr ".jsonld"

expect 2 "$IRKG" path "$SAMPLE" Blinken China --format yaml
contains stderr '"yaml"'

expect 2 "$IRKG" extract --schemas "$work/no-schemas" "$SAMPLE"
contains stderr "no-schemas"

# Bad data: exit 1, the message names the file (and line).
expect 1 "$IRKG" extract "$work/missing.txt"
contains stderr "irkg: error:"
contains stderr "missing.txt"

expect 1 "$IRKG" build "$work/missing.jsonl" -o "$work/g.jsonld"
contains stderr "missing.jsonl"
[[ ! -e $work/g.jsonld ]] || fail "build left g.jsonld after failing to read its input"

printf '%s\n' \
  '{"id": "one", "date": "2024-04-20", "title": "Talks", "text": "US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing."}' \
  '{"id": "two", "date": "2024-04-20", "title": "Broken", "text": ' \
  '{"id": "three", "date": "2024-04-21", "title": "Visit", "text": "US Secretary of State Antony Blinken will travel to China next week."}' \
  >"$work/bad.jsonl"
expect 1 "$IRKG" extract "$work/bad.jsonl"
contains stderr "bad.jsonl:2:"
contains stderr "1 bad record skipped"
contains stderr "2 articles read"
grep -q '"doc":"one"' "$work/stdout" || fail "extract dropped the good record before the bad line"
grep -q '"doc":"three"' "$work/stdout" || fail "extract did not go on after the bad line"

expect 1 "$IRKG" path "$work/missing.jsonld" Blinken China
contains stderr "missing.jsonld"

echo '{"not": "an irkg graph"}' >"$work/foreign.jsonld"
expect 1 "$IRKG" path "$work/foreign.jsonld" Blinken China
contains stderr "foreign.jsonld"

expect 1 "$IRKG" extract --strict "$work/bad.jsonl" -o "$work/strict.jsonl"
contains stderr "bad.jsonl:2"
[[ ! -e $work/strict.jsonl ]] || fail "extract --strict left a half-written output"

expect 1 "$IRKG" extract "$SAMPLE" --date "$SAMPLE_DATE" -o "$work/no/such/dir/triples.jsonl"
contains stderr "triples.jsonl"

expect 1 "$IRKG" extract --lexicon "$work/missing-lexicon.json" "$SAMPLE"
contains stderr "missing-lexicon.json"
# With threads, reading starts before the lexicons load: a lexicon that fails stops it, with the same error.
for i in $(seq 5000); do printf '{"id": "a%d", "text": "Blinken met Wang Yi in Beijing on Friday."}\n' "$i"; done >"$work/many.jsonl"
printf '{"actors": [\n' >"$work/broken-lexicon.json"
expect 1 "$IRKG" build -j 2 --lexicon "$work/broken-lexicon.json" "$work/many.jsonl" -o "$work/broken.graphml"
contains stderr "broken-lexicon.json: line 2, column 1: invalid JSON"
[[ ! -e $work/broken.graphml ]] || fail "build with a broken lexicon wrote a graph"

# Unknown and ambiguous actors in path: exit 1 with candidates.
expect 1 "$IRKG" path "$SAMPLE" --date "$SAMPLE_DATE" Blinken Atlantis
contains stderr 'no entity called "Atlantis"'
contains stderr "the nearest are:"
grep -Eq '^  [a-z]+:[^ ]+ \(.+, [a-z]+\)$' "$work/stderr" || fail "path lists no candidate as \"id (label, type)\""

expect 1 "$IRKG" path "$SAMPLE" --date "$SAMPLE_DATE" Blinkn China
contains stderr "closest:"
contains stderr "person:antony-blinken (Antony Blinken, person)"

expect 1 "$IRKG" path "$SAMPLE" --date "$SAMPLE_DATE" "the United Kingdom" China
contains stderr 'no entity called "the United Kingdom"'

# No path between two actors of separate components: exit 1, a message naming both, no stdout.
printf '%s\n' \
  '{"id": "a", "date": "2024-04-20", "title": "Visit", "text": "US Secretary of State Antony Blinken will travel to China next week."}' \
  '{"id": "b", "date": "2024-04-20", "title": "Trip", "text": "Russian President Vladimir Putin will travel to India next week."}' \
  >"$work/apart.jsonl"
for format in text json; do
  expect 1 "$IRKG" path "$work/apart.jsonl" Blinken Putin --format "$format"
  contains stderr "irkg: error: no undirected path from person:antony-blinken (Antony Blinken, person) to person:vladimir-putin"
  [[ ! -s $work/stdout ]] || fail "path printed something without a path: $(cat "$work/stdout")"
done

# Export flavours are checked before any work.
expect 2 "$IRKG" build "$SAMPLE" -o "$work/g.csv" --csv-dialect foo
contains stderr "--csv-dialect"
expect 2 "$IRKG" build "$SAMPLE" -o "$work/g.gexf" --gexf-version 9
contains stderr "--gexf-version"

finish
