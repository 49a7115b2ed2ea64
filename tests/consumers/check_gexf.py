"""networkx reads irkg's GEXF: every node and edge, its attributes and dated spells, the same relations as the
JSON-LD; and the file itself has the Gephi timeline FORMATS.md asks for (timeformat, spells with both ends).

networkx reads GEXF 1.3 only from 3.6 on (Debian has 2.8.8, which reads 1.2draft), and no version reads an
undirected edge in a directed graph, which is how irkg's 1.3 marks symmetric relations for Gephi. So when
this networkx cannot read the file as it is, the check reads it as irkg's 1.2draft writer
(WriterOptions::gexf_version) writes it: the same document in the 1.2draft namespace, without the 1.3-only
kind and timerepresentation attributes and with symmetric relations as plain directed edges.
"""
import os
import re
import xml.etree.ElementTree as ET

from check_networkx import check_against_stats, irkg_stats
from irkg_outputs import JsonldFacts, build_with, check, need, run_irkg

nx = need("networkx")

gexf, jsonld = build_with("graph.gexf")
facts = JsonldFacts(jsonld)
with open(gexf, encoding="utf-8") as f:
    text = f.read()

# The file as Gephi reads it: the timeline needs timeformat="date" and spells with start and end.
NS = "{http://gexf.net/1.3}"
root = ET.fromstring(text)
check(root.tag == f"{NS}gexf" and root.get("version") == "1.3", f"not a GEXF 1.3 document: {root.tag}")
graph = root.find(f"{NS}graph")
check(graph is not None, "no <graph>")
check(graph.get("timeformat") == "date" and graph.get("mode") == "dynamic" and graph.get("defaultedgetype") == "directed",
      f"graph attributes {graph.attrib}")
date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
for spell in root.iter(f"{NS}spell"):
    check(date.match(spell.get("start", "")) and date.match(spell.get("end", "")) and spell.get("start") <= spell.get("end"),
          f"a spell without a full date range: {spell.attrib}")
xml_edges = {e.get("id"): e for e in root.iter(f"{NS}edge")}
check(len(xml_edges) == len(facts.statements), f"{len(xml_edges)} edges, the JSON-LD has {len(facts.statements)} statements")

version = tuple(int(p) for p in re.findall(r"\d+", nx.__version__)[:2])
if version >= (3, 6) and 'type="undirected"' not in text:
    G = nx.read_gexf(gexf, version="1.3")
else:
    draft = (text.replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz")
                 .replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft")
                 .replace('version="1.3"', 'version="1.2"')
                 .replace(' timerepresentation="interval"', "")
                 .replace(' type="undirected"', ""))
    draft = re.sub(r' kind="[^"]*"', "", draft)
    path = os.path.join(os.path.dirname(gexf), "graph-1.2draft.gexf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(draft)
    G = nx.read_gexf(path)

check(G.is_directed(), "the graph is not directed")
check(G.number_of_nodes() == len(facts.entities),
      f"networkx sees {G.number_of_nodes()} nodes, the JSON-LD has {len(facts.entities)} entities")
check(G.number_of_edges() == len(facts.statements),
      f"networkx sees {G.number_of_edges()} edges, the JSON-LD has {len(facts.statements)} statements")
check(set(G.nodes) == set(facts.irkg_id.values()), "node ids differ from the JSON-LD's irkgId values")

entity_by_id = {n["irkgId"]: n for n in facts.entities}
for node, data in G.nodes(data=True):
    entity = entity_by_id[node]
    check(data.get("label") == entity["label"], f"node {node}: label {data.get('label')!r}, the JSON-LD says {entity['label']!r}")
    check(data.get("type") == entity["entityType"], f"node {node}: type {data.get('type')!r}")
    if entity.get("country"):
        check(data.get("country") == entity["country"], f"node {node}: country {data.get('country')!r}")
    colour = data.get("viz", {}).get("color", {})
    check(all(type(colour.get(c)) is int and 0 <= colour[c] <= 255 for c in "rgb"), f"node {node}: colour {colour!r}")
    check(data.get("viz", {}).get("size", 0) >= 10, f"node {node}: size {data.get('viz')!r}")

edges = {}
for source, target, key, data in G.edges(keys=True, data=True):
    edges[(source, target, data.get("label"))] = dict(data, id=data.get("id", key))
check(len(edges) == len(facts.statements), "two edges share source, target and label")

for statement in facts.statements:
    source, target = facts.endpoints(statement)
    predicate = facts.predicate(statement)
    data = edges.get((source, target, predicate))
    check(data is not None, f"networkx has no edge {source} -[{predicate}]-> {target} that the JSON-LD states")
    edge_id = f"{source}--{predicate}--{target}"
    check(data["id"] == edge_id, f"edge id {data['id']!r}")
    xml_edge = xml_edges.get(edge_id)
    check(xml_edge is not None and xml_edge.get("kind") == predicate, f"edge {edge_id}: kind in the 1.3 file")
    check(data.get("weight") == float(len(statement["evidence"])),
          f"edge {edge_id}: weight {data.get('weight')!r}, the JSON-LD has {len(statement['evidence'])} pieces of evidence")
    check(type(data.get("goldstein")) is float and data["goldstein"] == statement["goldstein"],
          f"edge {edge_id}: goldstein {data.get('goldstein')!r}, the JSON-LD says {statement['goldstein']}")
    check(data.get("category") == statement["category"], f"edge {edge_id}: category {data.get('category')!r}")
    if "firstDate" in statement:
        check(data.get("first_date") == statement["firstDate"], f"edge {edge_id}: first_date {data.get('first_date')!r}")
        check(data.get("spells"), f"edge {edge_id} is dated ({statement['firstDate']}) but has no spells")
    for start, end in data.get("spells", []):
        check(start is not None and end is not None, f"edge {edge_id}: an open spell ({start}, {end})")
    check(type(data.get("symmetric")) is bool, f"edge {edge_id}: symmetric {data.get('symmetric')!r}")
    check((xml_edge.get("type") == "undirected") == data["symmetric"], f"edge {edge_id}: type vs symmetric")

# The article's first sentence: "US Secretary of State Antony Blinken will travel to China next week".
visits = edges.get(("person:antony-blinken", "country:CHN", "visits"))
check(visits is not None, "no edge person:antony-blinken -[visits]-> country:CHN")
check(visits["category"] == "CONSULT" and visits.get("spells"), f"person:antony-blinken -[visits]-> country:CHN has {visits}")
check(G.nodes["country:CHN"].get("spells"), "country:CHN has no spell though it takes part in dated relations")

# The GEXF 1.2draft flavour (--gexf-version 1.2draft), which this networkx reads as it is: networkx's view of it
# gives the counts, components and rankings `irkg stats` prints for the same graph.
draft_path = os.path.join(os.path.dirname(gexf), "graph.1.2draft.gexf")
run_irkg("subgraph", jsonld, "--gexf-version", "1.2draft", "-o", draft_path, "--quiet")
with open(draft_path, encoding="utf-8") as f:
    check('xmlns="http://www.gexf.net/1.2draft"' in f.read(), f"{draft_path} is not GEXF 1.2draft")
draft = nx.read_gexf(draft_path)
check(set(draft.nodes) == set(facts.irkg_id.values()), "1.2draft: node ids differ from the JSON-LD's irkgId values")
check_against_stats(draft, irkg_stats(jsonld), facts, "GEXF 1.2draft")
print(f"networkx {nx.__version__}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, all match the JSON-LD; "
      "the 1.2draft file matches irkg stats")
