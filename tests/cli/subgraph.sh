#!/usr/bin/env bash
# The shared filters and `irkg subgraph`: what each filter keeps, that filtering at build time equals
# filtering the built graph, --edges mentions, and the errors for bad filter values.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
PYTHON=${PYTHON:-python3}

expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" -o "$work/graph.jsonld" -o "$work/graph.graphml" --quiet

# No filter: the graph comes back byte for byte.
expect 0 "$IRKG" subgraph "$work/graph.jsonld" -o "$work/same.jsonld"
cmp -s "$work/graph.jsonld" "$work/same.jsonld" || fail "subgraph without filters changed the graph"
contains stderr "(no filter given)"

# graph_facts FILE: one line per relation "subject predicate object category first last mentions"
# and one per entity "entity id type", from irkg's JSON-LD.
graph_facts() {
  "$PYTHON" - "$1" <<'PY'
import json, sys
graph = json.load(open(sys.argv[1], encoding="utf-8"))["@graph"]
ids = {node["id"]: node["irkgId"] for node in graph if "irkgId" in node}
for node in graph:
    if node.get("type") == "Statement":
        print("relation", ids[node["subject"]], node["predicate"].split("#")[-1].split(":")[-1], ids[node["object"]],
              node["category"], node.get("firstDate", "-"), node.get("lastDate", "-"), node["weight"])
    elif "irkgId" in node:
        print("entity", node["irkgId"], node["entityType"])
PY
}
graph_facts "$work/graph.jsonld" >"$work/all.facts"
grep -q '^relation ' "$work/all.facts" || fail "cannot read relations from irkg's JSON-LD: $(head -3 "$work/all.facts")"

# --around: every relation kept touches North Korea (depth 1), and the summary says what was kept.
expect 0 "$IRKG" subgraph "$work/graph.jsonld" --around Pyongyang --depth 1 -o "$work/nk.jsonld"
contains stderr "within 1 hop of country:PRK"
graph_facts "$work/nk.jsonld" >"$work/nk.facts"
grep -q '^relation ' "$work/nk.facts" || fail "--around North Korea kept no relation"
if grep '^relation ' "$work/nk.facts" | grep -v 'country:PRK' | grep . >/dev/null; then
  fail "--around North Korea --depth 1 kept a relation not touching it: $(grep '^relation ' "$work/nk.facts" | grep -v country:PRK | head -1)"
fi
# depth 2 keeps at least as much, and not more than the whole graph.
expect 0 "$IRKG" subgraph "$work/graph.jsonld" --around "North Korea" --depth 2 -o "$work/nk2.jsonld" --quiet
graph_facts "$work/nk2.jsonld" >"$work/nk2.facts"
n1=$(grep -c '^relation ' "$work/nk.facts"); n2=$(grep -c '^relation ' "$work/nk2.facts"); n=$(grep -c '^relation ' "$work/all.facts")
((n1 <= n2 && n2 <= n)) || fail "relations at depth 1, 2, all: $n1, $n2, $n"

# --category: only that category; build --category equals build then subgraph --category.
expect 0 "$IRKG" subgraph "$work/graph.jsonld" --category consult -o "$work/consult.jsonld" --quiet
graph_facts "$work/consult.jsonld" >"$work/consult.facts"
grep -q '^relation ' "$work/consult.facts" || fail "--category CONSULT kept nothing"
if grep '^relation ' "$work/consult.facts" | grep -v ' CONSULT ' | grep . >/dev/null; then fail "--category CONSULT kept another category"; fi
expect 0 "$IRKG" build --date "$SAMPLE_DATE" "$SAMPLE" --category CONSULT -o "$work/built-consult.jsonld" --quiet
cmp -s "$work/consult.jsonld" "$work/built-consult.jsonld" || fail "build --category differs from subgraph --category"

# --since/--until keep dated mentions inside the period only.
expect 0 "$IRKG" subgraph "$work/graph.jsonld" --since 2024-04-21 --until 2024-12 -o "$work/later.graphml" --quiet
"$PYTHON" - "$work/later.graphml" <<'PY' || fail "--since/--until kept a mention outside the period"
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
edges = root.findall(".//g:edge", ns)
assert edges, "nothing kept"
for e in edges:
    data = {d.get("key"): d.text for d in e.findall("g:data", ns)}
    assert data["e_first_date"] <= "2024-12-31" and data["e_last_date"] >= "2024-04-21", data
PY

# --type country: only countries.
expect 0 "$IRKG" subgraph "$work/graph.jsonld" --type country -o "$work/countries.jsonld" --quiet
graph_facts "$work/countries.jsonld" >"$work/countries.facts"
if grep '^entity ' "$work/countries.facts" | grep -v 'entity country:' | grep . >/dev/null; then fail "--type country kept another type"; fi

# --edges mentions: one GraphML edge per mention, unique ids, networkx reads it.
expect 0 "$IRKG" subgraph "$work/graph.jsonld" --edges mentions -o "$work/mentions.graphml"
if [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
  /usr/bin/python3 - "$work/graph.graphml" "$work/mentions.graphml" <<'PY' || fail "--edges mentions GraphML"
import sys, networkx as nx
agg = nx.read_graphml(sys.argv[1], force_multigraph=True)
per = nx.read_graphml(sys.argv[2], force_multigraph=True)
total = sum(d["mentions"] for _, _, d in agg.edges(data=True))
assert per.number_of_edges() == total, (per.number_of_edges(), total)
assert per.number_of_nodes() == agg.number_of_nodes()
ids = [k for _, _, k in per.edges(keys=True)]
assert len(set(ids)) == len(ids)
assert all(d["mentions"] == 1 and d["weight"] == 1.0 and "evidence" in d and "sentence" in d for _, _, d in per.edges(data=True))
PY
fi

# path honours the filters: no CONSULT-only route once CONSULT is filtered out of an all-CONSULT pair.
expect 0 "$IRKG" path "$work/graph.jsonld" Blinken "Wang Yi" --category CONSULT
expect 1 "$IRKG" path "$work/graph.jsonld" Blinken "Wang Yi" --category ASSAULT
contains stderr "has no relation left after the filters (category ASSAULT)"

# Errors: named, with the valid values, and no output written or truncated.
echo "keep me" >"$work/existing.graphml"
expect 2 "$IRKG" subgraph "$work/graph.jsonld" --category CONSLUT -o "$work/existing.graphml"
contains stderr '--category "CONSLUT" is not a relation category; valid:'
contains stderr "CONSULT"
expect 2 "$IRKG" subgraph "$work/graph.jsonld" --since 2024-02-30 -o "$work/existing.graphml"
contains stderr '--since "2024-02-30" is not a date'
expect 2 "$IRKG" subgraph "$work/graph.jsonld" --since 2024-05 --until 2024-04 -o "$work/existing.graphml"
contains stderr "is after --until"
expect 2 "$IRKG" subgraph "$work/graph.jsonld" --modality rumoured -o "$work/existing.graphml"
contains stderr "is not one of asserted, planned, speculative, negated"
expect 2 "$IRKG" subgraph "$work/graph.jsonld" --type nation -o "$work/existing.graphml"
contains stderr '--type "nation"'
expect 2 "$IRKG" subgraph "$work/graph.jsonld" --predicate meetz -o "$work/existing.graphml"
contains stderr '--predicate "meetz"'
expect 1 "$IRKG" subgraph "$work/graph.jsonld" --around "Atlantis" -o "$work/existing.graphml"
contains stderr "Atlantis"
expect 2 "$IRKG" subgraph "$work/graph.jsonld" --edges mentions -o "$work/x.jsonld"
contains stderr "--edges mentions applies to GraphML"
expect 2 "$IRKG" subgraph "$work/graph.unknown" -o "$work/existing.graphml"
contains stderr "cannot read a graph from"
[[ $(cat "$work/existing.graphml") == "keep me" ]] || fail "a failed subgraph touched an existing output"
for leftover in "$work"/*.tmp-*; do [[ -e $leftover ]] && fail "subgraph left $leftover"; done

finish
