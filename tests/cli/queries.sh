#!/usr/bin/env bash
# The actor queries on the sample article built to .jsonld: neighbors (text, JSON checked against its
# schema, DOT drawn by Graphviz), timeline (date order, evidence), find (typo, alias, word, prefix),
# the shared filters changing their answers, caps with "... and N more", and the errors with their
# exit codes and messages.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
PYTHON=${PYTHON:-python3}

expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/graph.jsonld" --quiet
G=$work/graph.jsonld

# golden NAME CMD...: runs CMD (exit 0) and compares its stdout with the expected text on stdin.
golden() {
  local name=$1
  shift
  cat >"$work/$name.expected"
  expect 0 "$@"
  if ! cmp -s "$work/$name.expected" "$work/stdout"; then
    fail "$name: output differs from the expected text"
    diff "$work/$name.expected" "$work/stdout" | head -20 >&2 || true
  fi
}

# lacks stdout|stderr TEXT [WHAT]: checks the last run's output does not hold TEXT.
lacks() {
  if grep -qF -- "$2" "$work/$1"; then fail "${3:-last command}: $1 holds \"$2\""; fi
  return 0
}

# JSON Schema checks with Debian's python3-jsonschema (the consumer tests' interpreter); skipped without it.
schema_python=
for candidate in /usr/bin/python3 "$PYTHON"; do
  if [[ -x $(command -v "$candidate") ]] && "$candidate" -c 'import jsonschema' 2>/dev/null; then
    schema_python=$candidate
    break
  fi
done
# valid SCHEMA FILE: FILE (one JSON document) matches schemas/SCHEMA.
valid() {
  if [[ -z $schema_python ]]; then
    echo "note: jsonschema not installed, $2 not checked against $1" >&2
    return 0
  fi
  "$schema_python" - "$IRKG_SOURCE_DIR/schemas/$1" "$2" <<'PY' || fail "$2 does not match $1"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft4Validator.check_schema(schema)
errors = list(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
for e in errors[:10]:
    print(f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}

# --- neighbors ---------------------------------------------------------------------------------------

# Depth 1, text: the header, one group per (predicate, direction) with its shape and counts, one line per
# neighbour with its mentions, dates and an evidence sentence with the article id.
expect 0 "$IRKG" neighbors "$G" China
cp "$work/stdout" "$work/china.txt"
contains stdout "Neighbours of China [country:CHN]: "
contains stdout "(relations followed in either direction)"
contains stdout "visits, incoming (X --visits--> China), CONSULT: 1 entity, 2 mentions, 2024-04-20 to 2024-04-28"
contains stdout "supports, outgoing (China --supports--> X), SUPPORT: 1 entity, 1 mention, 2024-04-20"
contains stdout "meets, symmetric (China <--meets--> X), CONSULT: 1 entity"
grep -Eq '^  Antony Blinken +person:antony-blinken +2 mentions +2024-04-20 to 2024-04-28 +\[blinken-china-visit, sentence 0\] "US Secretary of State Antony Blinken will travel to China' \
  "$work/stdout" || fail "neighbors China: no aligned Blinken line with his evidence"
grep -Eq '^  Russia +country:RUS +1 mention +2024-04-20 +\[blinken-china-visit, sentence 10\] ".*support for Russia' \
  "$work/stdout" || fail "neighbors China: no Russia line with its evidence"
# Aligned: in every neighbour line the id column starts at the same place.
columns=$(grep -E '^  [^ .]' "$work/stdout" | awk '{ print index($0, " country:") + index($0, " person:") + index($0, " location:") }' | sort -u | wc -l)
[[ $columns == 1 ]] || fail "neighbors China: the id column is not aligned ($columns positions)"
# Groups in predicate order, then outgoing, incoming, symmetric.
grep -E '^[a-z-]+, (outgoing|incoming|symmetric) ' "$work/stdout" | cut -d, -f1 >"$work/predicates"
LC_ALL=C sort -c "$work/predicates" 2>/dev/null || fail "neighbors China: groups not in predicate order: $(tr '\n' ' ' <"$work/predicates")"
lacks stdout $'\x1b[' "neighbors to a file (no colour)"

# The same answer from the article itself as from the built graph.
expect 0 "$IRKG" neighbors "$SAMPLE" --date "$SAMPLE_DATE" China --quiet
cmp -s "$work/china.txt" "$work/stdout" || fail "neighbors from the article differs from neighbors from the .jsonld"
# Any name of the actor gives the same answer.
expect 0 "$IRKG" neighbors "$G" PRC
cmp -s "$work/china.txt" "$work/stdout" || fail "neighbors PRC differs from neighbors China"

# A filter changes the answer: only CONSULT relations are left, described in the header (golden).
golden neighbors-consult "$IRKG" neighbors "$G" China --category consult <<'EOF'
Neighbours of China [country:CHN]: 2 entities, 2 relations, 3 mentions
(relations followed in either direction; filters: category CONSULT)

meets, symmetric (China <--meets--> X), CONSULT: 1 entity, 1 mention, 2024-04-20
  United States   country:USA            1 mention   2024-04-20                [blinken-china-visit, sentence 5] "North Korea has been an agenda item for high-level meetings between the United States and China, as Washington has been calling on China to exert its influence to rein in Pyongyang's provocative acts and persuade it to return to dialogue."

visits, incoming (X --visits--> China), CONSULT: 1 entity, 2 mentions, 2024-04-20 to 2024-04-28
  Antony Blinken  person:antony-blinken  2 mentions  2024-04-20 to 2024-04-28  [blinken-china-visit, sentence 0] "US Secretary of State Antony Blinken will travel to China next week to discuss an array of issues, including North Korea's "threatening" rhetoric and "reckless" actions, a senior US official has said."
EOF
# A filter that leaves the actor nothing: an empty answer, not "unknown actor".
expect 0 "$IRKG" neighbors "$G" China --category ASSAULT
contains stdout "Neighbours of China [country:CHN]: 0 entities, 0 relations, 0 mentions"
contains stdout "No relation left after the filters."
# --directed: China's outgoing and symmetric relations only.
expect 0 "$IRKG" neighbors "$G" China --directed
contains stdout "supports, outgoing"
lacks stdout "incoming"

# --limit caps each group and says how many more there are; the counts still cover everything.
expect 0 "$IRKG" neighbors "$G" China --limit 1
contains stdout "holds-office-in, incoming (X --holds-office-in--> China), AFFILIATION: 2 entities, 2 mentions"
contains stdout "  ... and 1 more (1 mention); --limit 0 lists all"
[[ $(grep -c '^  .*person:xi-jinping\|^  .*person:wang-yi' "$work/stdout") == 1 ]] ||
  fail "neighbors --limit 1 listed both office holders"

# Depth 2: rings by distance, each entity with the relation it was reached through.
expect 0 "$IRKG" neighbors "$G" China --depth 2
contains stdout "Neighbourhood of China [country:CHN] within 2 hops: "
contains stdout "1 hop: 5 entities"
contains stdout "2 hops: "
grep -Eq '^  North Korea +country:PRK +[0-9]+ mentions? +Russia <--cooperates-militarily-with--> North Korea' "$work/stdout" ||
  grep -Eq '^  North Korea +country:PRK +[0-9]+ mentions? +.* North Korea +20' "$work/stdout" ||
  fail "neighbors --depth 2: North Korea is not listed two hops away with its relation"
expect 0 "$IRKG" neighbors "$G" China --depth 2 --limit 2
contains stdout "... and 3 more"

# JSON: the schema, and the content.
for args in "" "--depth 2" "--depth 2 --limit 1" "--directed --category CONSULT,SUPPORT"; do
  # shellcheck disable=SC2086
  expect 0 "$IRKG" neighbors "$G" China --format json $args
  cp "$work/stdout" "$work/neighbors.json"
  valid neighbors-result.schema.json "$work/neighbors.json"
done
expect 0 "$IRKG" neighbors "$G" China --format json --depth 2 --limit 1
"$PYTHON" - "$work/stdout" <<'PY' || fail "neighbors --format json content"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["centre"]["id"] == "country:CHN" and doc["depth"] == 2 and doc["limit"] == 1, doc
assert doc["truncated"] is True
groups = {(g["predicate"], g["direction"]): g for g in doc["groups"]}
visits = groups[("visits", "incoming")]
assert visits["count"] == 1 and visits["mentions"] == 2 and visits["category"] == "CONSULT", visits
assert visits["neighbors"][0]["entity"]["id"] == "person:antony-blinken"
assert visits["neighbors"][0]["evidence"]["doc"] == "blinken-china-visit"
office = groups[("holds-office-in", "incoming")]
assert office["count"] == 2 and len(office["neighbors"]) == 1 and office["truncated"] and office["more"] == 1, office
assert [r["distance"] for r in doc["rings"]] == [1, 2]
ring1 = doc["rings"][0]
assert ring1["count"] == 5 and len(ring1["entities"]) == 1 and ring1["more"] == 4
assert doc["reached"] == sum(r["count"] for r in doc["rings"])
for ring in doc["rings"]:
    for e in ring["entities"]:
        assert e["distance"] == ring["distance"]
        assert e["direction"] == ("forward" if e["subject"] == e["via"] else "backward"), e
        assert e["entity"]["id"] in (e["subject"], e["object"])
PY

# DOT: Graphviz draws it; the centre has a double outline and the listed neighbours are there.
expect 0 "$IRKG" neighbors "$G" China --format dot
cp "$work/stdout" "$work/china.dot"
head -1 "$work/china.dot" | grep -x 'digraph irkg {' >/dev/null || fail "neighbors --format dot is not a digraph"
contains stdout '"country:CHN" [peripheries=2'
contains stdout '"person:antony-blinken" -> "country:CHN" [label="visits"'
contains stdout 'label="Neighbours of China [country:CHN]"'
expect 0 "$IRKG" neighbors "$G" China --format dot --depth 2 --limit 1
cp "$work/stdout" "$work/china2.dot"
contains stdout "2 of 10 listed (--limit)"
if command -v dot >/dev/null; then
  for file in china china2; do
    dot -Tsvg "$work/$file.dot" -o "$work/$file.svg" 2>"$work/dot.err" || fail "dot -Tsvg rejects $file.dot: $(cat "$work/dot.err")"
    grep -q '<svg' "$work/$file.svg" || fail "dot drew no SVG for $file.dot"
  done
  grep -q 'Antony Blinken' "$work/china.svg" || fail "the neighbors picture lacks Blinken"
else
  echo "note: Graphviz not installed, the DOT output is not drawn" >&2
fi

# --- timeline ----------------------------------------------------------------------------------------

expect 0 "$IRKG" timeline "$G" Blinken
cp "$work/stdout" "$work/timeline.txt"
contains stdout "Timeline of Antony Blinken [person:antony-blinken]: "
grep -Eq '^2024-04-22 to 2024-04-28 +Antony Blinken --visits--> China +planned +0\.80 +\[blinken-china-visit, sentence 0\] "US Secretary of State' \
  "$work/stdout" || fail "timeline Blinken: no line for the planned visit with its evidence"
contains stdout "Antony Blinken <--holds-talks-with--> Wang Yi"
# Date order: the items' start dates never decrease; every item has an article id and a sentence.
grep -E '^[0-9]{4}-' "$work/stdout" | cut -c1-10 >"$work/dates"
[[ -s $work/dates ]] || fail "timeline Blinken lists no dated item"
LC_ALL=C sort -c "$work/dates" 2>/dev/null || fail "timeline Blinken is not in date order: $(tr '\n' ' ' <"$work/dates")"
items=$(grep -cE '^(20|undated)' "$work/stdout")
with_evidence=$(grep -cE '\[blinken-china-visit, sentence [0-9]+\] "' "$work/stdout")
[[ $items == "$with_evidence" && $items -gt 3 ]] || fail "timeline: $items items, $with_evidence with evidence"
lacks stdout $'\x1b[' "timeline to a file (no colour)"

expect 0 "$IRKG" timeline "$SAMPLE" --date "$SAMPLE_DATE" blinken --quiet
cmp -s "$work/timeline.txt" "$work/stdout" || fail "timeline from the article differs from timeline from the .jsonld"

# --since (a shared filter) drops the earlier mentions; --limit caps the list.
expect 0 "$IRKG" timeline "$G" Blinken --since 2024-04-21
contains stdout "(filters: since 2024-04-21)"
lacks stdout "--holds-office-in-->" "timeline --since 2024-04-21"
if grep -Eq '^2024-04-20 ' "$work/stdout"; then fail "timeline --since 2024-04-21 kept a mention of 2024-04-20"; fi
expect 0 "$IRKG" timeline "$G" Blinken --limit 2
[[ $(grep -cE '^(20|undated)' "$work/stdout") == 2 ]] || fail "timeline --limit 2 did not list 2 items"
contains stdout "... and $((items - 2)) more; --limit 0 lists all"

expect 0 "$IRKG" timeline "$G" Blinken --format json
cp "$work/stdout" "$work/timeline.json"
valid timeline-result.schema.json "$work/timeline.json"
"$PYTHON" - "$work/timeline.json" <<'PY' || fail "timeline --format json content"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["actor"]["id"] == "person:antony-blinken"
items = doc["items"]
assert len(items) == doc["total"] > 3 and not doc["truncated"] and doc["more"] == 0
starts = [i["time"]["start"] for i in items]
assert starts == sorted(starts), starts
for i in items:
    me = "person:antony-blinken"
    assert me in (i["subject"]["id"], i["object"]["id"]), i
    want = "outgoing" if i["subject"]["id"] == me else "incoming"
    assert i["direction"] in (want, "symmetric"), i
    assert i["evidence"]["doc"] == "blinken-china-visit" and i["evidence"]["text"]
assert any(i["predicate"] == "visits" and i["object"]["id"] == "country:CHN" and i["modality"] == "planned" for i in items)
PY
expect 0 "$IRKG" timeline "$G" Blinken --format json --limit 1 --since 2024-04-21
cp "$work/stdout" "$work/timeline-cut.json"
valid timeline-result.schema.json "$work/timeline-cut.json"
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["truncated"] and len(d["items"]) == 1 and d["more"] == d["total"] - 1 and d["filters"] == "since 2024-04-21", d' \
  "$work/timeline-cut.json" || fail "timeline --limit 1 --format json: truncated, more, filters"

# --- find --------------------------------------------------------------------------------------------

golden find-prc "$IRKG" find "$G" PRC <<'EOF'
1 candidate for "PRC":
  ID           LABEL  TYPE     COUNTRY  MATCH        DEGREE  MENTIONS
  country:CHN  China  country  CHN      alias "PRC"       7         8
EOF
expect 0 "$IRKG" find "$G" blinkn
grep -Eq '^  person:antony-blinken +Antony Blinken +person +USA +typo "Blinken" \(1 edit\) ' "$work/stdout" ||
  fail "find blinkn: no typo match for Blinken"
expect 0 "$IRKG" find "$G" wang
grep -Eq '^  person:wang-yi +Wang Yi +person +CHN +word "Wang Yi" ' "$work/stdout" || fail "find wang: no word match"
expect 0 "$IRKG" find "$G" Chi
grep -Eq '^  country:CHN +China +country +CHN +prefix "China" ' "$work/stdout" || fail "find Chi: no prefix match"
expect 0 "$IRKG" find "$G" country:CHN
contains stdout 'id "country:CHN"'
# Several candidates, best first: an alias before a prefix.
expect 0 "$IRKG" find "$G" beijing
sed -n 3p "$work/stdout" | grep '^  location:beijing .* label "Beijing"' >/dev/null || fail "find beijing: the label match is not first"
sed -n 4p "$work/stdout" | grep '^  country:CHN .* alias "Beijing"' >/dev/null || fail "find beijing: China (alias) is not second"
expect 0 "$IRKG" find "$G" beijing --limit 1
contains stdout "2 candidates"
contains stdout "  ... and 1 more; --limit 0 lists all"

for name in blinkn PRC wang Chi beijing; do
  expect 0 "$IRKG" find "$G" "$name" --format json --limit 1
  cp "$work/stdout" "$work/find-$name.json"
  valid find-result.schema.json "$work/find-$name.json"
done
"$PYTHON" - "$work" <<'PY' || fail "find --format json content"
import json, sys
def load(name):
    return json.load(open(f"{sys.argv[1]}/find-{name}.json"))
for name, kind, want in [("blinkn", "typo", "person:antony-blinken"), ("PRC", "alias", "country:CHN"),
                         ("wang", "word", "person:wang-yi"), ("Chi", "prefix", "country:CHN")]:
    doc = load(name)
    first = doc["candidates"][0]
    assert doc["query"] == name and first["id"] == want and first["match"] == kind, (name, doc)
    assert first["degree"] > 0 and first["mentions"] > 0
doc = load("beijing")
assert doc["count"] == 2 and doc["truncated"] and doc["more"] == 1 and len(doc["candidates"]) == 1, doc
assert "PRC" in load("PRC")["candidates"][0]["aliases"]
PY

# Filters: find searches only what they keep.
expect 0 "$IRKG" find "$G" beijing --type location --format json
"$PYTHON" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [c["id"] for c in d["candidates"]] == ["location:beijing"] and d["filters"] == "type location", d' \
  "$work/stdout" || fail "find beijing --type location listed another type"
expect 1 "$IRKG" find "$G" PRC --type person
contains stderr 'no entity called or close to "PRC" after the filters (type person)'

# --- errors ------------------------------------------------------------------------------------------

# Unknown actor: exit 1, the nearest names listed.
for cmd in neighbors timeline; do
  expect 1 "$IRKG" $cmd "$G" Atlantis
  contains stderr 'irkg: error: no entity called "Atlantis"'
  contains stderr "country:"
  [[ ! -s $work/stdout ]] || fail "$cmd Atlantis printed a result"
done
expect 1 "$IRKG" find "$G" Atlantis
contains stderr 'no entity called or close to "Atlantis"'
contains stderr "the nearest are:"

# Ambiguous name: exit 1 with every candidate (two Kims in one graph).
printf 'Kim Jong Un met Kim Dae-jung in Pyongyang on Monday.\nKim Jong Un criticized the United States.\n' >"$work/kims.txt"
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" "$work/kims.txt" -o "$work/kims.jsonld" --quiet
for cmd in neighbors timeline; do
  expect 1 "$IRKG" $cmd "$work/kims.jsonld" kim
  contains stderr '"kim" is ambiguous: it matches 2 entities by word'
  contains stderr "person:kim-jong-un (Kim Jong Un, person)"
  contains stderr "person:kim-dae-jung (Kim Dae-jung, person)"
done
expect 0 "$IRKG" find "$work/kims.jsonld" kim
contains stdout "2 candidates for \"kim\""
expect 0 "$IRKG" neighbors "$work/kims.jsonld" "Kim Jong Un"
contains stdout "Neighbours of Kim Jong Un [person:kim-jong-un]"

# Bad --depth, format or limit: exit 2, the option named.
expect 2 "$IRKG" neighbors "$G" China --depth 0
contains stderr '--depth "0" is not a number of hops; give 1 or more'
expect 2 "$IRKG" neighbors "$G" China --depth two
contains stderr "--depth"
expect 2 "$IRKG" neighbors "$G" China --format svg
contains stderr 'unknown neighbors output format "svg"; valid formats: text, json, dot'
expect 2 "$IRKG" timeline "$G" China --format dot
contains stderr 'valid formats: text, json'
expect 2 "$IRKG" find "$G" China --limit many
contains stderr "--limit"
expect 2 "$IRKG" find "$G" " "
contains stderr "NAME is empty"
expect 2 "$IRKG" neighbors "$work/graph.graphml" China
contains stderr "cannot read a graph from"

# Unreadable graph file, and a .jsonld that is not irkg's: exit 1, the file named.
for cmd in neighbors timeline find; do
  expect 1 "$IRKG" $cmd "$work/missing.jsonld" China
  contains stderr "$work/missing.jsonld"
done
echo '{"@context": {}, "@graph": [{"id": "x", "name": "not irkg"}]}' >"$work/foreign.jsonld"
echo 'not json at all' >"$work/garbage.jsonld"
for file in foreign garbage; do
  for cmd in neighbors timeline find; do
    expect 1 "$IRKG" $cmd "$work/$file.jsonld" China
    contains stderr "$work/$file.jsonld"
    [[ ! -s $work/stdout ]] || fail "$cmd on $file.jsonld printed a result"
  done
done

finish
