#!/usr/bin/env bash
# `irkg stats` (text and JSON, checked against schemas/stats-result.schema.json and against the counts
# read independently from the JSON-LD), `irkg merge` (commutative, idempotent, triple files == build) and
# `irkg build --into` (idempotent, == building everything at once), and their errors.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
PYTHON=${PYTHON:-python3}

# A second article that overlaps the sample (Blinken visits China; Xi Jinping) and adds a symmetric
# relation named the other way round in a third.
cat >"$work/second.txt" <<'EOF'
Putin and Xi pledge closer ties

Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday, and the two leaders signed an agreement on energy cooperation. North Korea criticized the United States for its military drills with South Korea. Secretary of State Antony Blinken will travel to China next week.
EOF
cat >"$work/third.txt" <<'EOF'
Xi meets Putin again

Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow.
EOF

expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/a.jsonld" -o "$work/a.graphml" --quiet
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$work/second.txt" "$work/third.txt" -o "$work/b.jsonld" --quiet

# ---------------------------------------------------------------------------------------------- stats

expect 0 "$IRKG" stats "$work/a.jsonld" --format json
cp "$work/stdout" "$work/stats.json"
contains stderr "irkg stats: "
[[ $(wc -l <"$work/stats.json") == 1 ]] || fail "stats --format json is not one line"

# The JSON against its schema (jsonschema, Draft 4), and every count against the JSON-LD read independently.
"$PYTHON" - "$IRKG_SOURCE_DIR/schemas/stats-result.schema.json" "$work/stats.json" "$work/a.jsonld" <<'PY' || fail "stats JSON"
import collections, json, sys
schema_path, stats_path, jsonld_path = sys.argv[1:4]
stats = json.load(open(stats_path, encoding="utf-8"))
schema = json.load(open(schema_path, encoding="utf-8"))
try:
    import jsonschema
except ImportError:
    jsonschema = None
    print("NOTE: jsonschema is not installed; the schema check is skipped", file=sys.stderr)
if jsonschema:
    jsonschema.Draft4Validator.check_schema(schema)
    errors = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in jsonschema.Draft4Validator(schema).iter_errors(stats)]
    assert not errors, errors

graph = json.load(open(jsonld_path, encoding="utf-8"))["@graph"]
entities = {n["id"]: n for n in graph if "irkgId" in n}
statements = [n for n in graph if n.get("type") == "Statement"]
assert stats["entities"] == len(entities), (stats["entities"], len(entities))
assert stats["relations"] == len(statements)
assert stats["mentions"] == sum(s["weight"] for s in statements)
assert stats["types"] == dict(collections.Counter(n["entityType"] for n in entities.values()))
categories, predicates = {}, {}
for s in statements:
    for table, name in ((categories, s["category"]), (predicates, s["predicate"].split(":")[-1])):
        row = table.setdefault(name, {"relations": 0, "mentions": 0})
        row["relations"] += 1
        row["mentions"] += s["weight"]
    predicates[s["predicate"].split(":")[-1]]["category"] = s["category"]
assert stats["categories"] == categories, (stats["categories"], categories)
assert stats["predicates"] == predicates
assert list(stats["categories"]) == sorted(categories) and list(stats["types"]) == sorted(stats["types"])

degree, weighted = collections.Counter(), collections.Counter()
for n in entities.values():
    degree[n["irkgId"]] += 0
    weighted[n["irkgId"]] += 0
neighbours = collections.defaultdict(set)
for s in statements:
    a, b = entities[s["subject"]]["irkgId"], entities[s["object"]]["irkgId"]
    for end in (a, b):
        degree[end] += 1
        weighted[end] += s["weight"]
    neighbours[a].add(b)
    neighbours[b].add(a)
def top(counter):
    return [[i, v] for i, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:stats["top"]]]
assert [[r["id"], r["value"]] for r in stats["degree"]] == top(degree), (stats["degree"], top(degree))
assert [[r["id"], r["value"]] for r in stats["weighted_degree"]] == top(weighted)
for r in stats["degree"]:
    node = next(n for n in entities.values() if n["irkgId"] == r["id"])
    assert r["label"] == node["label"] and r["type"] == node["entityType"], r

seen, sizes = set(), []
for start in sorted(degree):
    if start in seen:
        continue
    stack, size = [start], 0
    seen.add(start)
    while stack:
        v = stack.pop()
        size += 1
        for w in neighbours[v] - seen:
            seen.add(w)
            stack.append(w)
    sizes.append(size)
sizes.sort(reverse=True)
assert stats["components"] == {"count": len(sizes), "isolated": sum(1 for v in degree.values() if v == 0),
                               "largest": sizes[:stats["top"]]}, stats["components"]

assert stats["betweenness"]["method"] == "exact" and stats["betweenness"]["sources"] == len(entities)
assert stats["pagerank"]["converged"] and stats["pagerank"]["damping"] == 0.85
assert abs(sum(r["value"] for r in stats["pagerank"]["top"])) <= 1.0
for ranking in ("betweenness", "pagerank"):
    values = [(-r["value"], r["id"]) for r in stats[ranking]["top"]]
    assert values == sorted(values), f"{ranking} is not sorted by value, then id"
PY

# The text form: the same figures in aligned tables, and no colour in a file.
expect 0 "$IRKG" stats "$work/a.jsonld"
cp "$work/stdout" "$work/stats.txt"
for text in "Graph" "Entities by type" "Relations by category" "Relations by predicate" \
  "Top 10 by degree (relations as subject or object)" "Top 10 by weighted degree" \
  "Top 10 by betweenness (exact; undirected, normalised)" "Top 10 by PageRank (damping 0.85, weighted by mentions; converged"; do
  contains stdout "$text" "stats text"
done
"$PYTHON" - "$work/stats.json" "$work/stats.txt" <<'PY' || fail "stats text disagrees with the JSON"
import json, re, sys
stats = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
assert "\x1b" not in text, "colour codes in a file"
for name, key in (("entities", "entities"), ("relations", "relations"), ("mentions", "mentions")):
    assert re.search(rf"^  {name} +{stats[key]}$", text, re.M), f"no line '{name} {stats[key]}'"
first = stats["degree"][0]
assert re.search(rf"^ +1  {re.escape(first['label'])} \[{re.escape(first['id'])}\] +{first['type']} +{first['value']}$", text, re.M), \
    "the first degree row"
# Columns line up: in each ranking, the value column ends at the same place on every row.
for block in text.split("\n\n"):
    rows = [line for line in block.splitlines()[1:] if line.strip()]
    if rows and rows[0].lstrip().startswith("#"):
        assert len({len(row) for row in rows}) == 1, f"ragged table:\n{block}"
PY

# Article input gives the same stats as its graph.
expect 0 "$IRKG" stats --date "$SAMPLE_DATE" "$SAMPLE" --format json --quiet
cmp -s "$work/stdout" "$work/stats.json" || fail "stats of the article differ from stats of its graph"

# An estimate says so, with its number of sources, and is the same for any thread count and run.
expect 0 "$IRKG" stats "$work/a.jsonld" --betweenness-samples 5 --format json --threads 1
cp "$work/stdout" "$work/estimate1.json"
for threads in 2 4; do
  expect 0 "$IRKG" stats "$work/a.jsonld" --betweenness-samples 5 --format json --threads "$threads"
  cmp -s "$work/stdout" "$work/estimate1.json" || fail "the estimate with $threads threads differs from 1 thread"
done
expect 0 "$IRKG" stats "$work/a.jsonld" --betweenness-samples 5 --format json --threads 1
cmp -s "$work/stdout" "$work/estimate1.json" || fail "the estimate differs between two runs"
contains stdout '"method":"estimate","sources":5,"seed":20240420'
expect 0 "$IRKG" stats "$work/a.jsonld" --betweenness-samples 5
contains stdout "Top 10 by betweenness (ESTIMATE from 5 of"
expect 0 "$IRKG" stats "$work/a.jsonld" --betweenness-samples 0 --format json
contains stdout '"method":"skipped","sources":0'
expect 0 "$IRKG" stats "$work/a.jsonld" --exact --top 3 --format json
contains stdout '"method":"exact"'
"$PYTHON" -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert s["top"] == 3 and all(len(x) <= 3 for x in (s["degree"], s["weighted_degree"], s["betweenness"]["top"], s["pagerank"]["top"]))
' "$work/stdout" || fail "--top 3 lists more than 3"

# The filters apply: stats of a filtered graph == stats of the subgraph (but for the "filters" note).
expect 0 "$IRKG" stats "$work/a.jsonld" --type country --format json
contains stdout '"filters":"type country"'
contains stdout '"types":{"country":'
cp "$work/stdout" "$work/countries-stats.json"
expect 0 "$IRKG" subgraph "$work/a.jsonld" --type country -o "$work/countries.jsonld" --quiet
expect 0 "$IRKG" stats "$work/countries.jsonld" --format json
sed 's/"filters":"type country"/"filters":""/' "$work/countries-stats.json" | cmp -s - "$work/stdout" ||
  fail "stats --type country differ from stats of subgraph --type country"

# Usage errors.
expect 2 "$IRKG" stats "$work/a.jsonld" --format xml
contains stderr 'unknown stats output format "xml"; valid formats: text, json'
expect 2 "$IRKG" stats "$work/a.jsonld" --top 0
contains stderr "--top 0"
expect 2 "$IRKG" stats "$work/a.jsonld" --exact --betweenness-samples 10
contains stderr "--exact and --betweenness-samples"
expect 2 "$IRKG" stats "$work/graph.unknown"
contains stderr "cannot read a graph from"
expect 1 "$IRKG" stats "$work/missing.jsonld"
contains stderr "missing.jsonld"

# ---------------------------------------------------------------------------------------------- merge

# Commutative, and the same bytes as building both inputs at once.
expect 0 "$IRKG" merge "$work/a.jsonld" "$work/b.jsonld" -o "$work/ab.jsonld"
contains stderr "irkg merge: 2 graphs, 0 triple files (0 triples) -> "
expect 0 "$IRKG" merge "$work/b.jsonld" "$work/a.jsonld" -o "$work/ba.jsonld" --quiet
cmp -s "$work/ab.jsonld" "$work/ba.jsonld" || fail "merge a b differs from merge b a"
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/a-only.jsonld" --quiet
cmp -s "$work/a-only.jsonld" "$work/a.jsonld" || fail "building the same article twice gave different bytes"
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" "$work/second.txt" "$work/third.txt" -o "$work/all.jsonld" --quiet
cmp -s "$work/ab.jsonld" "$work/all.jsonld" || fail "merge of two graphs differs from building all their articles at once"
# Idempotent and associative: merging a graph into the merge again, or grouping differently, changes nothing.
expect 0 "$IRKG" merge "$work/ab.jsonld" "$work/a.jsonld" "$work/b.jsonld" -o "$work/aba.jsonld" --quiet
cmp -s "$work/ab.jsonld" "$work/aba.jsonld" || fail "merging a graph into itself changed it"
expect 0 "$IRKG" merge "$work/ab.jsonld" -o "$work/ab-again.jsonld" --quiet
cmp -s "$work/ab.jsonld" "$work/ab-again.jsonld" || fail "merge of one graph changed it"

# Triple files from extract merge to the graph build makes from the same articles, byte for byte:
# triples carry the names the article used (aliases), so nothing is lost on the way.
expect 0 "$IRKG" extract --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/a.jsonl" --quiet
expect 0 "$IRKG" extract --date "$SAMPLE_DATE" "$work/second.txt" "$work/third.txt" -o "$work/b.jsonl" --quiet
expect 0 "$IRKG" merge "$work/b.jsonl" "$work/a.jsonl" -o "$work/from-triples.jsonld"
contains stderr "irkg merge: 0 graphs, 2 triple files ("
grep -q '"aliases"' "$work/a.jsonl" || fail "extract wrote no aliases"
cmp -s "$work/from-triples.jsonld" "$work/all.jsonld" || fail "merge of extracted triples differs from build"
# Mixed inputs, in any order, and triples on stdin.
expect 0 "$IRKG" merge "$work/a.jsonl" "$work/b.jsonld" -o "$work/mixed1.jsonld" --quiet
expect 0 "$IRKG" merge "$work/b.jsonld" "$work/a.jsonl" -o "$work/mixed2.jsonld" --quiet
cmp -s "$work/mixed1.jsonld" "$work/mixed2.jsonld" || fail "merge of a triple file and a graph depends on their order"
run "$IRKG" merge - "$work/b.jsonld" -o "$work/mixed3.jsonld" --quiet <"$work/a.jsonl"
[[ $code == 0 ]] || fail "merge - (stdin) exited $code: $(cat "$work/stderr")"
cmp -s "$work/mixed1.jsonld" "$work/mixed3.jsonld" || fail "merge of triples from stdin differs from the file"
# The symmetric "meets" of Putin and Xi, named both ways round in two articles, is one relation.
"$PYTHON" - "$work/mixed1.jsonld" <<'PY' || fail "a symmetric relation named both ways is not one relation"
import json, sys
graph = json.load(open(sys.argv[1], encoding="utf-8"))["@graph"]
ids = {n["id"]: n["irkgId"] for n in graph if "irkgId" in n}
meets = [n for n in graph if n.get("type") == "Statement" and n["predicate"] == "rel:meets"
         and {ids[n["subject"]], ids[n["object"]]} == {"person:vladimir-putin", "person:xi-jinping"}]
assert len(meets) == 1 and meets[0]["symmetric"], meets
assert {e["doc"] for e in meets[0]["evidence"]} == {"second", "third"}, meets
PY
# Any output format, and the filters.
expect 0 "$IRKG" merge "$work/a.jsonld" "$work/b.jsonld" -o "$work/ab.graphml" --quiet
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" "$work/second.txt" "$work/third.txt" -o "$work/all.graphml" --quiet
cmp -s "$work/ab.graphml" "$work/all.graphml" || fail "merge -o .graphml differs from build -o .graphml"
expect 0 "$IRKG" merge "$work/a.jsonld" "$work/b.jsonld" --category CONSULT -o "$work/ab-consult.jsonld"
contains stderr "kept by category CONSULT"
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" "$work/second.txt" "$work/third.txt" --category CONSULT \
  -o "$work/all-consult.jsonld" --quiet
cmp -s "$work/ab-consult.jsonld" "$work/all-consult.jsonld" || fail "merge --category differs from build --category"

# Errors: exit 1 for bad data, 2 for bad usage, the file named, nothing written.
echo "keep me" >"$work/existing.jsonld"
expect 1 "$IRKG" merge "$work/a.jsonld" "$work/missing.jsonld" -o "$work/existing.jsonld"
contains stderr "missing.jsonld"
echo '{"@context": {"ex": "http://example.org/"}, "@graph": []}' >"$work/foreign.jsonld"
expect 1 "$IRKG" merge "$work/a.jsonld" "$work/foreign.jsonld" -o "$work/existing.jsonld"
contains stderr "foreign.jsonld: at /@context/irkg"
contains stderr "not a graph written by irkg"
{ head -1 "$work/a.jsonl"; echo '{"subject": "China"}'; sed -n 2p "$work/a.jsonl"; echo 'not json'; } >"$work/bad.jsonl"
expect 1 "$IRKG" merge "$work/a.jsonld" "$work/bad.jsonl" -o "$work/existing.jsonld"
contains stderr "bad.jsonl:2: \"subject\" must be an object, not a string"
contains stderr "bad.jsonl:4: not JSON"
contains stderr "2 bad triple lines (reported above); nothing written"
expect 1 "$IRKG" merge "$work/bad.jsonl" -o "$work/existing.jsonld" --strict
contains stderr "bad.jsonl:2: "
if grep -q "bad.jsonl:4" "$work/stderr"; then fail "--strict went on after the first bad line"; fi
echo '{"id": "a1", "date": "2024-04-20", "text": "Blinken met Wang Yi."}' >"$work/articles.jsonl"
expect 1 "$IRKG" merge "$work/articles.jsonl" -o "$work/existing.jsonld"
contains stderr "articles.jsonl:1: this is an article record"
expect 2 "$IRKG" merge "$SAMPLE" -o "$work/existing.jsonld"
contains stderr "cannot merge"
contains stderr ".jsonld"
expect 2 "$IRKG" merge "$work/a.graphml" -o "$work/existing.jsonld"
contains stderr "cannot merge"
expect 2 "$IRKG" merge "$work/a.jsonld"
contains stderr "-o"
# Graphs made with different ontologies: merging them would depend on the order.
"$PYTHON" - "$work/b.jsonld" "$work/other-ontology.jsonld" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
for node in doc["@graph"]:
    if node.get("predicate") == "rel:visits":
        node["goldstein"] = 2.5
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), indent=1)
PY
expect 1 "$IRKG" merge "$work/a.jsonld" "$work/other-ontology.jsonld" -o "$work/existing.jsonld"
contains stderr 'predicate "visits"'
contains stderr "defined differently"
[[ $(cat "$work/existing.jsonld") == "keep me" ]] || fail "a failed merge touched an existing output"

# ------------------------------------------------------------------------------------------- build --into

rm -f "$work/store.jsonld"
expect 0 "$IRKG" build --into "$work/store.jsonld" --date "$SAMPLE_DATE" "$SAMPLE"
contains stderr "store.jsonld (created)"
cmp -s "$work/store.jsonld" "$work/a.jsonld" || fail "build --into a new file differs from build -o"
cp "$work/store.jsonld" "$work/store-1.jsonld"
expect 0 "$IRKG" build --into "$work/store.jsonld" --date "$SAMPLE_DATE" "$SAMPLE"
contains stderr "(updated): +0 entities, +0 relations, +0 mentions"
cmp -s "$work/store.jsonld" "$work/store-1.jsonld" || fail "build --into twice with the same article is not idempotent"
expect 0 "$IRKG" build --into "$work/store.jsonld" --date "$SAMPLE_DATE" "$work/second.txt" "$work/third.txt" --quiet
cmp -s "$work/store.jsonld" "$work/all.jsonld" || fail "build --into, one article after the other, differs from building all at once"
# -o writes a filtered view beside the stored graph, which keeps everything.
expect 0 "$IRKG" build --into "$work/store.jsonld" --date "$SAMPLE_DATE" "$SAMPLE" --category CONSULT \
  -o "$work/store-consult.jsonld" --quiet
cmp -s "$work/store.jsonld" "$work/all.jsonld" || fail "the filters cut the stored graph"
cmp -s "$work/store-consult.jsonld" "$work/all-consult.jsonld" || fail "build --into -o --category wrote another view"
for leftover in "$work"/*.tmp-*; do [[ -e $leftover ]] && fail "build --into left $leftover"; done
# A bad record: nothing written, the stored graph unchanged.
printf '%s\n' '{"id": "x", "date": "2024-13-45", "text": "Blinken met Wang Yi."}' >"$work/bad-articles.jsonl"
expect 1 "$IRKG" build --into "$work/store.jsonld" "$work/bad-articles.jsonl" "$work/second.txt"
contains stderr "left unchanged"
cmp -s "$work/store.jsonld" "$work/all.jsonld" || fail "a failed build --into changed the stored graph"
expect 1 "$IRKG" build --into "$work/foreign.jsonld" --date "$SAMPLE_DATE" "$SAMPLE"
contains stderr "not a graph written by irkg"
expect 2 "$IRKG" build --into "$work/store.graphml" "$SAMPLE"
contains stderr "--into"
contains stderr ".jsonld"
expect 2 "$IRKG" build --into "$work/store.jsonld" "$SAMPLE" --category CONSULT
contains stderr "the filters cut only the -o outputs"
expect 2 "$IRKG" build "$SAMPLE"
contains stderr "--output"

finish
