#!/usr/bin/env bash
# irkg path's queries on the sample article built to .jsonld: the plain shortest path, --weight, --k,
# --all with its caps, --via and --directed, in every format (text against the expected output, JSON
# against schemas/path-result.schema.json and for its content, DOT through Graphviz), and the errors
# with their exit codes and messages.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
PYTHON=${PYTHON:-python3}

expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/graph.jsonld" --quiet
G=$work/graph.jsonld

# golden NAME CMD...: runs CMD (exit 0, nothing on stderr) and compares its stdout with the expected
# text on stdin.
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

# JSON Schema checks with Debian's python3-jsonschema (what scripts/install-deps installs).
schema_python=
for candidate in /usr/bin/python3 "$PYTHON"; do
  if [[ -x $(command -v "$candidate") ]] && "$candidate" -c 'import jsonschema' 2>/dev/null; then
    schema_python=$candidate
    break
  fi
done
[[ -n $schema_python ]] || fail "no python3 with jsonschema (apt-get install python3-jsonschema): path JSON not validated"
# valid FILE: FILE (one JSON document) matches schemas/path-result.schema.json.
valid() {
  [[ -n $schema_python ]] || return 0
  "$schema_python" - "$IRKG_SOURCE_DIR/schemas/path-result.schema.json" "$1" <<'PY' || fail "$1 does not match path-result.schema.json"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft4Validator.check_schema(schema)
errors = list(jsonschema.Draft4Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
for e in errors[:10]:
    print(f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message}", file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}
# json NAME ARGS...: irkg path $G ARGS --format json into $work/NAME.json (exit 0), checked against the schema.
json() {
  local name=$1
  shift
  expect 0 "$IRKG" path "$G" "$@" --format json
  cp "$work/stdout" "$work/$name.json"
  valid "$work/$name.json"
}
# check NAME PYTHON: runs the Python assertions with `doc` = the parsed $work/NAME.json.
check() {
  "$PYTHON" -c "import json, sys
doc = json.load(open(sys.argv[1], encoding='utf-8'))
ids = lambda path: [path['hops'][0]['from']] + [h['to'] for h in path['hops']] if path['hops'] else []
$2" "$work/$1.json" || fail "$1.json: $2"
}
# drawn NAME: $work/stdout is DOT that Graphviz draws, kept as $work/NAME.dot and .svg.
drawn() {
  cp "$work/stdout" "$work/$1.dot"
  if ! command -v dot >/dev/null; then
    fail "Graphviz is not installed (apt-get install graphviz): $1.dot not drawn"
    return 0
  fi
  dot -Tsvg "$work/$1.dot" -o "$work/$1.svg" 2>"$work/dot.err" || fail "dot -Tsvg rejects $1.dot: $(cat "$work/dot.err")"
  [[ ! -s $work/dot.err ]] || fail "dot -Tsvg warns on $1.dot: $(cat "$work/dot.err")"
}

# --- the plain query: the fewest hops, undirected -----------------------------------------------------

# One line per hop, aligned, with the category, mentions, dates, the other relations between the same
# two entities ("also") and the evidence sentence with its article id.
golden plain "$IRKG" path "$G" Blinken Pyongyang <<'EOF'
Undirected path from Antony Blinken [person:antony-blinken] to North Korea [country:PRK]: 3 hops
(relations followed in either direction; arrows show who acts on whom)

1. Antony Blinken --visits-->                      China
   CONSULT, 2 mentions (asserted, planned), 2024-04-20 to 2024-04-28
   evidence [blinken-china-visit, sentence 0]: "US Secretary of State Antony Blinken will travel to China next week to discuss an array of issues, including North Korea's "threatening" rhetoric and "reckless" actions, a senior US official has said."

2. China          --supports-->                    Russia
   SUPPORT, 1 mention (asserted), 2024-04-20
   evidence [blinken-china-visit, sentence 10]: "Blinken will also reiterate Washington's "deep concerns" over China's support for Russia's industrial base and reaffirm the importance of peace and stability across the Taiwan Strait, according to the official."

3. Russia         <--cooperates-militarily-with--> North Korea
   COOPERATE, 1 mention (asserted), 2024-04-20
   also: <--transfers-weapons-to-- (1 mention)
   evidence [blinken-china-visit, sentence 7]: "Adding to the concerns is the North's deepening military cooperation with Russia that has spawned speculation that Pyongyang might have received or will receive military technology assistance in return for its transfers of weapons to Russia for use in Ukraine."
EOF
[[ ! -s $work/stderr ]] || fail "path wrote to stderr: $(cat "$work/stderr")"

# JSON: exactly the keys the plain query always had (scripts written for them keep working).
json plain Blinken Pyongyang
check plain "assert list(doc) == ['directed', 'from', 'to', 'length', 'hops'], list(doc)
assert doc['directed'] is False and doc['length'] == 3
assert ids(doc) == ['person:antony-blinken', 'country:CHN', 'country:RUS', 'country:PRK'], ids(doc)
assert [h['direction'] for h in doc['hops']] == ['forward', 'forward', 'backward']
assert doc['hops'][2]['predicate'] == 'cooperates-militarily-with' and doc['hops'][2]['symmetric'] is True
assert all(set(h) == {'from', 'to', 'subject', 'predicate', 'object', 'direction', 'symmetric', 'category', 'cameo',
                      'goldstein', 'mentions', 'modalities', 'first_date', 'last_date', 'evidence'} for h in doc['hops'])
assert doc['hops'][0]['evidence']['doc'] == 'blinken-china-visit' and doc['hops'][0]['mentions'] == 2"

# DOT: the entities of the path and its relations, drawn from subject to object, that Graphviz draws.
expect 0 "$IRKG" path "$G" Blinken Pyongyang --format dot
drawn plain
contains stdout 'digraph irkg_path {'
contains stdout '"person:antony-blinken" -> "country:CHN" [label="visits"'
contains stdout '"country:CHN" -> "country:RUS" [label="supports"'
contains stdout '"country:PRK" -> "country:RUS" [label="cooperates-militarily-with"'
contains stdout 'dir=none'
grep -q 'country:USA' "$work/stdout" && fail "the DOT of one path draws an entity off the path"
[[ $(grep -c ' -> ' "$work/stdout") == 3 ]] || fail "the DOT of a 3-hop path has $(grep -c ' -> ' "$work/stdout") relations"
grep -q '<title>person:antony&#45;blinken</title>' "$work/plain.svg" || fail "plain.svg lacks Blinken's node"

# The same answer from the article itself, in every format.
for format in text json dot; do
  expect 0 "$IRKG" path "$G" Blinken Pyongyang --format "$format"
  cp "$work/stdout" "$work/from-graph"
  expect 0 "$IRKG" path "$SAMPLE" --date "$SAMPLE_DATE" --quiet Blinken Pyongyang --format "$format"
  cmp -s "$work/from-graph" "$work/stdout" || fail "path --format $format: .jsonld and article differ"
done

# --- --directed -----------------------------------------------------------------------------------------

expect 0 "$IRKG" path "$G" Blinken Russia --directed
contains stdout "Directed path from Antony Blinken [person:antony-blinken] to Russia [country:RUS]: 2 hops"
contains stdout "(relations followed from subject to object only, symmetric ones both ways)"
expect 0 "$IRKG" path "$G" Blinken Russia
contains stdout "Undirected path from"
contains stdout "(relations followed in either direction; arrows show who acts on whom)"
# Russia acts on nobody in the sample but through a symmetric relation with North Korea: no way back.
expect 1 "$IRKG" path "$G" Russia Blinken --directed
contains stderr "irkg: error: no directed path from country:RUS (Russia, country) to person:antony-blinken"
contains stderr "Russia reaches 1 other entity of the graph's"
[[ ! -s $work/stdout ]] || fail "path printed something without a path"
json directed Blinken Russia --directed --k 2
check directed "assert doc['directed'] is True and doc['mode'] == 'k-shortest'
assert all(h['direction'] == 'forward' or h['symmetric'] for p in doc['paths'] for h in p['hops'])"

# --- --weight -------------------------------------------------------------------------------------------

# Goldstein: the cooperative transfer of weapons (AID) is cheaper than the military cooperation.
expect 0 "$IRKG" path "$G" Blinken Pyongyang --weight goldstein
contains stdout ": 3 hops, cost 0.845 by goldstein (a hop costs (10 - Goldstein)/20 + 0.01)"
contains stdout "3. Russia         <--transfers-weapons-to-- North Korea"
contains stdout "   AID, 1 mention (asserted), 2024-04-20, cost 0.095"
contains stdout "   also: <--cooperates-militarily-with--> (1 mention)"
json weight-hops Blinken Pyongyang --weight hops
check weight-hops "assert list(doc) == ['directed', 'from', 'to', 'length', 'hops'], 'an explicit --weight hops is the plain query'"
for weight in mentions confidence goldstein; do
  json "weight-$weight" Blinken Pyongyang --weight "$weight"
  check "weight-$weight" "assert doc['weight'] == '$weight' and doc['mode'] == 'shortest' and len(doc['paths']) == 1
assert abs(doc['cost'] - sum(h['cost'] for h in doc['hops'])) < 1e-5 and doc['hops'] == doc['paths'][0]['hops']
assert ids(doc)[0] == 'person:antony-blinken' and ids(doc)[-1] == 'country:PRK'"
done
check weight-mentions "assert abs(doc['hops'][0]['cost'] - 1 / (1 + __import__('math').log(2))) < 1e-5"

# --- --k: Yen's loopless paths, cheapest first --------------------------------------------------------

golden k3 "$IRKG" path "$G" Blinken Russia --k 3 --weight mentions <<'EOF'
Undirected paths from Antony Blinken [person:antony-blinken] to Russia [country:RUS]: the 3 cheapest loopless paths by mentions (a hop costs 1/(1 + ln mentions))
(relations followed in either direction; arrows show who acts on whom)

Path 1: 2 hops, cost 1.591
  1. Antony Blinken --visits-->   China
     CONSULT, 2 mentions (asserted, planned), 2024-04-20 to 2024-04-28, cost 0.591
     evidence [blinken-china-visit, sentence 0]: "US Secretary of State Antony Blinken will travel to China next week to discuss an array of issues, including North Korea's "threatening" rhetoric and "reckless" actions, a senior US official has said."
  2. China          --supports--> Russia
     SUPPORT, 1 mention (asserted), 2024-04-20, cost 1.000
     evidence [blinken-china-visit, sentence 10]: "Blinken will also reiterate Washington's "deep concerns" over China's support for Russia's industrial base and reaffirm the importance of peace and stability across the Taiwan Strait, according to the official."

Path 2: 3 hops, cost 3.000
  1. Antony Blinken --holds-office-in--> United States
     AFFILIATION, 1 mention (asserted), 2024-04-20, cost 1.000
     evidence [blinken-china-visit, sentence 0]: "US Secretary of State Antony Blinken will travel to China next week to discuss an array of issues, including North Korea's "threatening" rhetoric and "reckless" actions, a senior US official has said."
  2. United States  --calls-on-->        China
     REQUEST, 1 mention (asserted), 2024-04-20, cost 1.000
     also: <--meets--> (1 mention), --raises-concerns-with--> (1 mention)
     evidence [blinken-china-visit, sentence 5]: "North Korea has been an agenda item for high-level meetings between the United States and China, as Washington has been calling on China to exert its influence to rein in Pyongyang's provocative acts and persuade it to return to dialogue."
  3. China          --supports-->        Russia
     SUPPORT, 1 mention (asserted), 2024-04-20, cost 1.000
     evidence [blinken-china-visit, sentence 10]: "Blinken will also reiterate Washington's "deep concerns" over China's support for Russia's industrial base and reaffirm the importance of peace and stability across the Taiwan Strait, according to the official."

Path 3: 3 hops, cost 3.000
  1. Antony Blinken <--holds-talks-with--> Wang Yi
     CONSULT, 1 mention (planned), 2024-04-24 to 2024-04-26, cost 1.000
     evidence [blinken-china-visit, sentence 1]: "Blinken plans to visit Shanghai and Beijing from Wednesday to Friday for talks with Chinese Foreign Minister Wang Yi and other senior officials in an endeavor, which the official said builds on America's push to "responsibly" manage the Sino-US relationship through closer communication to reduce the "risk of miscalculation and conflict.""
  2. Wang Yi        --holds-office-in-->   China
     AFFILIATION, 1 mention (asserted), 2024-04-20, cost 1.000
     evidence [blinken-china-visit, sentence 1]: "Blinken plans to visit Shanghai and Beijing from Wednesday to Friday for talks with Chinese Foreign Minister Wang Yi and other senior officials in an endeavor, which the official said builds on America's push to "responsibly" manage the Sino-US relationship through closer communication to reduce the "risk of miscalculation and conflict.""
  3. China          --supports-->          Russia
     SUPPORT, 1 mention (asserted), 2024-04-20, cost 1.000
     evidence [blinken-china-visit, sentence 10]: "Blinken will also reiterate Washington's "deep concerns" over China's support for Russia's industrial base and reaffirm the importance of peace and stability across the Taiwan Strait, according to the official."
EOF
json k3 Blinken Russia --k 3
check k3 "assert doc['mode'] == 'k-shortest' and len(doc['paths']) == 3 and doc['hops'] == doc['paths'][0]['hops']
keys = [(p['cost'], p['length'], ids(p)) for p in doc['paths']]
assert keys == sorted(keys), keys
assert len({tuple(ids(p)) for p in doc['paths']}) == 3
assert all(len(set(ids(p))) == len(ids(p)) for p in doc['paths']), 'a path loops'"
# Fewer than asked when fewer loopless paths exist, and the text says so.
expect 0 "$IRKG" path "$G" Pelosi Taiwan --k 5
contains stdout "Undirected paths from Nancy Pelosi [person:nancy-pelosi] to Taiwan [country:TWN]: 1 loopless path, all there are (--k 5)"
expect 0 "$IRKG" path "$G" Blinken Russia --k 3 --format dot
drawn k3
contains stdout 'paths 1, 2, 3"'

# --- --all: every simple path up to --max-hops, with its caps ----------------------------------------

expect 0 "$IRKG" path "$G" Pelosi Xi --all --max-hops 6
contains stdout "Undirected paths from Nancy Pelosi [person:nancy-pelosi] to Xi Jinping [person:xi-jinping]: 4 simple paths of at most 6 hops"
[[ ! -s $work/stderr ]] || fail "path --all wrote to stderr without a cap: $(cat "$work/stderr")"
json all Pelosi Xi --all --max-hops 6
check all "assert doc['mode'] == 'all' and doc['truncated'] is False and doc['truncated_by'] == ''
assert [p['length'] for p in doc['paths']] == [3, 3, 4, 5], [p['length'] for p in doc['paths']]
assert all(len(set(ids(p))) == len(ids(p)) for p in doc['paths'])"
json all3 Pelosi Xi --all --max-hops 3
check all3 "assert [p['length'] for p in doc['paths']] == [3, 3]"
# The path cap: a note on stderr, "(truncated ...)" in the text, "truncated" in JSON; the shortest are kept.
golden capped "$IRKG" path "$G" Pelosi Xi --all --max-paths 2 <<'EOF'
Undirected paths from Nancy Pelosi [person:nancy-pelosi] to Xi Jinping [person:xi-jinping]: 2 simple paths of at most 4 hops
(relations followed in either direction; arrows show who acts on whom)
(truncated: more than 2 paths exist; these have the fewest hops; raise --max-paths)

Path 1: 3 hops
  1. Nancy Pelosi  --holds-office-in--> United States
     AFFILIATION, 1 mention (asserted), 2024-04-20
     evidence [blinken-china-visit, sentence 16]: "Military communications between the two sides were suspended after former House Speaker Nancy Pelosi's visit to Taiwan in August 2022."
  2. United States --calls-on-->        China
     REQUEST, 1 mention (asserted), 2024-04-20
     also: <--meets--> (1 mention), --raises-concerns-with--> (1 mention)
     evidence [blinken-china-visit, sentence 5]: "North Korea has been an agenda item for high-level meetings between the United States and China, as Washington has been calling on China to exert its influence to rein in Pyongyang's provocative acts and persuade it to return to dialogue."
  3. China         <--holds-office-in-- Xi Jinping
     AFFILIATION, 1 mention (asserted), 2024-04-20
     evidence [blinken-china-visit, sentence 14]: "Relations between Washington and Beijing have seen progress since President Joe Biden and Chinese President Xi Jinping held a summit in California in November."

Path 2: 3 hops
  1. Nancy Pelosi  --holds-office-in--> United States
     AFFILIATION, 1 mention (asserted), 2024-04-20
     evidence [blinken-china-visit, sentence 16]: "Military communications between the two sides were suspended after former House Speaker Nancy Pelosi's visit to Taiwan in August 2022."
  2. United States <--holds-office-in-- Joe Biden
     AFFILIATION, 1 mention (asserted), 2024-04-20
     evidence [blinken-china-visit, sentence 14]: "Relations between Washington and Beijing have seen progress since President Joe Biden and Chinese President Xi Jinping held a summit in California in November."
  3. Joe Biden     <--agrees-with-->    Xi Jinping
     AGREE, 1 mention (asserted), 2024-04-20
     also: <--holds-summit-with--> (1 mention)
     evidence [blinken-china-visit, sentence 15]: "During the summit, the leaders agreed to curb illicit fentanyl production and restore bilateral military-to-military communication."
EOF
contains stderr "irkg path: note: more than 2 paths of at most 4 hops exist; listed are the 2 with the fewest hops (raise --max-paths or lower --max-hops)"
json capped Pelosi Xi --all --max-paths 2
check capped "assert doc['truncated'] is True and doc['truncated_by'] == 'max-paths' and len(doc['paths']) == 2"
expect 0 "$IRKG" path "$G" Pelosi Xi --all --max-paths 2 --quiet
[[ ! -s $work/stderr ]] || fail "--quiet still printed the note"
expect 1 "$IRKG" path "$G" Pelosi Xi --all --max-hops 2
contains stderr "no undirected path of at most 2 hops from person:nancy-pelosi (Nancy Pelosi, person) to person:xi-jinping (Xi Jinping, person) (the shortest without --via has 3); raise --max-hops"
expect 0 "$IRKG" path "$G" Pelosi Xi --all --format dot
drawn all

# --- --via ------------------------------------------------------------------------------------------------

# The best ways to and from Xi Jinping both pass China: the loopless answer goes round by Joe Biden.
golden via "$IRKG" path "$G" Blinken Pyongyang --via Xi <<'EOF'
Undirected path from Antony Blinken [person:antony-blinken] to North Korea [country:PRK] via Xi Jinping [person:xi-jinping]: 6 hops
(relations followed in either direction; arrows show who acts on whom)

1. Antony Blinken --holds-office-in-->             United States
   AFFILIATION, 1 mention (asserted), 2024-04-20
   evidence [blinken-china-visit, sentence 0]: "US Secretary of State Antony Blinken will travel to China next week to discuss an array of issues, including North Korea's "threatening" rhetoric and "reckless" actions, a senior US official has said."

2. United States  <--holds-office-in--             Joe Biden
   AFFILIATION, 1 mention (asserted), 2024-04-20
   evidence [blinken-china-visit, sentence 14]: "Relations between Washington and Beijing have seen progress since President Joe Biden and Chinese President Xi Jinping held a summit in California in November."

3. Joe Biden      <--agrees-with-->                Xi Jinping
   AGREE, 1 mention (asserted), 2024-04-20
   also: <--holds-summit-with--> (1 mention)
   evidence [blinken-china-visit, sentence 15]: "During the summit, the leaders agreed to curb illicit fentanyl production and restore bilateral military-to-military communication."

4. Xi Jinping     --holds-office-in-->             China
   AFFILIATION, 1 mention (asserted), 2024-04-20
   evidence [blinken-china-visit, sentence 14]: "Relations between Washington and Beijing have seen progress since President Joe Biden and Chinese President Xi Jinping held a summit in California in November."

5. China          --supports-->                    Russia
   SUPPORT, 1 mention (asserted), 2024-04-20
   evidence [blinken-china-visit, sentence 10]: "Blinken will also reiterate Washington's "deep concerns" over China's support for Russia's industrial base and reaffirm the importance of peace and stability across the Taiwan Strait, according to the official."

6. Russia         <--cooperates-militarily-with--> North Korea
   COOPERATE, 1 mention (asserted), 2024-04-20
   also: <--transfers-weapons-to-- (1 mention)
   evidence [blinken-china-visit, sentence 7]: "Adding to the concerns is the North's deepening military cooperation with Russia that has spawned speculation that Pyongyang might have received or will receive military technology assistance in return for its transfers of weapons to Russia for use in Ukraine."
EOF
json via Blinken Pyongyang --via Xi
check via "assert doc['via']['id'] == 'person:xi-jinping' and 'person:xi-jinping' in ids(doc)
assert len(set(ids(doc))) == len(ids(doc)) and doc['length'] == 6"
json via-all Blinken Pyongyang --via Xi --all --max-hops 6
check via-all "assert doc['mode'] == 'all' and len(doc['paths']) == 1 and all('person:xi-jinping' in ids(p) for p in doc['paths'])"
expect 0 "$IRKG" path "$G" Blinken Pyongyang --via Xi --format dot
drawn via

# --- errors -------------------------------------------------------------------------------------------

expect 1 "$IRKG" path "$G" Blinken Atlantis
contains stderr 'irkg: error: no entity called "Atlantis"'
contains stderr "the nearest are:"
expect 1 "$IRKG" path "$G" Blinken Pyongyang --via Atlantis
contains stderr 'no entity called "Atlantis"'
printf '%s\n' '{"id": "k", "date": "2024-04-20", "title": "Kims", "text": "North Korean leader Kim Jong Un met his sister Kim Yo Jong in Pyongyang."}' \
  >"$work/kims.jsonl"
expect 1 "$IRKG" path "$work/kims.jsonl" kim Pyongyang --quiet
contains stderr '"kim" is ambiguous'
contains stderr "person:kim-jong-un (Kim Jong Un, person)"
contains stderr "person:kim-yo-jong (Kim Yo Jong, person)"
expect 2 "$IRKG" path "$G" Blinken Russia --weight distance
contains stderr 'irkg: error: unknown --weight "distance"; valid weights: hops, confidence, mentions, goldstein'
expect 2 "$IRKG" path "$G" Blinken Russia --k 0
contains stderr "irkg: error: --k 0 asks for no path; give --k 1 or more"
expect 2 "$IRKG" path "$G" Blinken Russia --all --max-hops 0
contains stderr "irkg: error: --max-hops 0 allows no hop; give --max-hops 1 or more"
expect 2 "$IRKG" path "$G" Blinken Russia --max-hops 3
contains stderr "--all"
expect 2 "$IRKG" path "$G" Blinken Russia --all --k 2
contains stderr "--k and --all do not combine"
expect 2 "$IRKG" path "$G" Blinken Russia --via China --k 2
contains stderr "--via does not combine with --k"
expect 2 "$IRKG" path "$G" Blinken Russia --via RUSSIA
contains stderr 'irkg: error: --via "RUSSIA" is country:RUS, the path'"'"'s end; --via names an actor between them'
expect 2 "$IRKG" path "$G" Blinken Russia --via "antony blinken"
contains stderr "the path's start"
expect 2 "$IRKG" path "$G" Blinken Russia --format svg
contains stderr "valid formats: text, json, dot"
expect 1 "$IRKG" path "$G" Blinken Taiwan --via Russia
contains stderr "irkg: error: no loopless undirected path from person:antony-blinken (Antony Blinken, person) to country:TWN (Taiwan, country) via country:RUS (Russia, country)"

finish
