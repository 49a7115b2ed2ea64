#!/usr/bin/env bash
# The sample article end to end: extract is deterministic, build writes both formats and a summary,
# path on the built .jsonld answers exactly as path on the article itself.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

# extract: twice to stdout and once to a file, byte-identical.
expect 0 "$IRKG" extract --date "$SAMPLE_DATE" "$SAMPLE"
cp "$work/stdout" "$work/first.jsonl"
contains stderr "irkg extract: 1 article"
[[ -s $work/first.jsonl ]] || fail "extract printed no triples for the sample"
expect 0 "$IRKG" extract --date "$SAMPLE_DATE" --quiet "$SAMPLE"
cmp -s "$work/first.jsonl" "$work/stdout" || fail "two extract runs differ"
[[ ! -s $work/stderr ]] || fail "extract --quiet wrote to stderr: $(cat "$work/stderr")"
expect 0 "$IRKG" extract --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/triples.jsonl"
cmp -s "$work/first.jsonl" "$work/triples.jsonl" || fail "extract -o differs from extract to stdout"
for leftover in "$work"/*.tmp-*; do [[ -e $leftover ]] && fail "extract -o left $leftover"; done
# The same article as a JSON Lines record on stdin ("-" and no input at all) gives the same bytes.
if [[ -n ${PYTHON:-} ]]; then
  "$PYTHON" -c 'import json, sys; print(json.dumps({"id": "blinken-china-visit", "date": sys.argv[2], "title": "",
                 "text": open(sys.argv[1], encoding="utf-8").read()}))' "$SAMPLE" "$SAMPLE_DATE" >"$work/sample.jsonl"
  expect 0 "$IRKG" extract - --quiet <"$work/sample.jsonl"
  cmp -s "$work/first.jsonl" "$work/stdout" || fail "extract - (JSON Lines on stdin) differs from extract of the .txt"
  expect 0 "$IRKG" extract --quiet <"$work/sample.jsonl"
  cmp -s "$work/first.jsonl" "$work/stdout" || fail "extract with no input differs from extract -"
fi
grep -q '"predicate":"visits"' "$work/first.jsonl" || fail "no visits triple in the sample"
grep -q '"id":"person:antony-blinken"' "$work/first.jsonl" || fail "no Blinken in the sample triples"

# build: both formats, one summary line with the counts.
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/graph.graphml" -o "$work/graph.jsonld"
grep -Eq '^irkg build: 1 article, [0-9]+ sentences, [0-9]+ triples -> [0-9]+ entities, [0-9]+ relations \([0-9.]+ s\)$' \
  "$work/stderr" || fail "build summary line: $(cat "$work/stderr")"
grep -q '<graphml' "$work/graph.graphml" || fail "graph.graphml is not GraphML"
grep -q 'person:antony-blinken' "$work/graph.graphml" || fail "graph.graphml lacks Blinken"
grep -q 'person:antony-blinken' "$work/graph.jsonld" || fail "graph.jsonld lacks Blinken"

# path: the same answer from the .jsonld and from the article; names resolve through aliases.
for pair in "Antony Blinken|Russia" "blinken|Wang Yi" "Blinken|PRC" "blinken|Pyongyang"; do
  from=${pair%%|*}
  to=${pair#*|}
  for format in text json; do
    expect 0 "$IRKG" path "$work/graph.jsonld" "$from" "$to" --format "$format"
    cp "$work/stdout" "$work/from-graph"
    expect 0 "$IRKG" path "$SAMPLE" --date "$SAMPLE_DATE" "$from" "$to" --format "$format"
    cmp -s "$work/from-graph" "$work/stdout" || fail "path $from -> $to ($format): .jsonld and article differ"
  done
done

expect 0 "$IRKG" path "$work/graph.jsonld" "Antony Blinken" Russia
contains stdout "Undirected path from Antony Blinken [person:antony-blinken] to Russia [country:RUS]"
contains stdout "evidence [blinken-china-visit, sentence"
grep -Eq -- '--[a-z-]+-->|<--[a-z-]+--' "$work/stdout" || fail "path shows no relation arrow"

expect 0 "$IRKG" path "$work/graph.jsonld" blinken "Wang Yi"
contains stdout "Wang Yi [person:wang-yi]"

expect 0 "$IRKG" path "$work/graph.jsonld" Blinken PRC
contains stdout "to China [country:CHN]"
expect 0 "$IRKG" path "$work/graph.jsonld" Blinken Pyongyang
contains stdout "to North Korea [country:PRK]"

if [[ -n ${PYTHON:-} ]] && "$PYTHON" -c 'import json' 2>/dev/null; then
  expect 0 "$IRKG" path "$work/graph.jsonld" Blinken Russia --format json
  "$PYTHON" - "$work/stdout" <<'PY' || fail "path --format json does not have the documented keys"
import json, sys
doc = json.load(open(sys.argv[1]))
assert set(doc) == {"directed", "from", "to", "length", "hops"}, doc.keys()
assert doc["directed"] is False and doc["length"] == len(doc["hops"]) > 0
assert doc["from"]["id"] == "person:antony-blinken" and doc["to"]["id"] == "country:RUS"
keys = {"from", "to", "subject", "predicate", "object", "direction", "symmetric", "category", "cameo",
        "goldstein", "mentions", "modalities", "first_date", "last_date", "evidence"}
for hop in doc["hops"]:
    assert set(hop) == keys, hop.keys()
    assert hop["direction"] in ("forward", "backward")
    assert set(hop["evidence"]) == {"doc", "sentence", "text", "span"}
    assert hop["evidence"]["doc"] == "blinken-china-visit" and hop["evidence"]["text"]
assert doc["hops"][0]["from"] == doc["from"]["id"] and doc["hops"][-1]["to"] == doc["to"]["id"]
PY
fi

# --min-confidence keeps only triples at or above the threshold, and fewer of them.
expect 0 "$IRKG" extract --date "$SAMPLE_DATE" --quiet --min-confidence 0.85 "$SAMPLE"
kept=$(wc -l < "$work/stdout")
all=$(wc -l < "$work/first.jsonl")
(( kept > 0 && kept < all )) || fail "--min-confidence 0.85 kept $kept of $all triples"
"$PYTHON" -c 'import json,sys; assert all(json.loads(l)["confidence"] >= 0.85 for l in open(sys.argv[1])), "a triple below 0.85"' \
  "$work/stdout" || fail "--min-confidence 0.85 let a lower confidence through"
expect 2 "$IRKG" extract --min-confidence 1.5 "$SAMPLE"
contains stderr "--min-confidence"

finish
