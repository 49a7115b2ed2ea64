"""networkx reads irkg's GraphML: every node and edge, typed attributes, the same relations as the JSON-LD."""
from irkg_outputs import JsonldFacts, check, need, outputs

nx = need("networkx")

graphml, jsonld = outputs()
facts = JsonldFacts(jsonld)
G = nx.read_graphml(graphml)

check(G.is_directed(), "the graph is not directed")
check(G.number_of_nodes() == len(facts.entities),
      f"networkx sees {G.number_of_nodes()} nodes, the JSON-LD has {len(facts.entities)} entities")
check(G.number_of_edges() == len(facts.statements),
      f"networkx sees {G.number_of_edges()} edges, the JSON-LD has {len(facts.statements)} statements")
check(set(G.nodes) == set(facts.irkg_id.values()), "node ids differ from the JSON-LD's irkgId values")

entity_by_id = {n["irkgId"]: n for n in facts.entities}
for node, data in G.nodes(data=True):
    entity = entity_by_id[node]
    check(isinstance(data.get("label"), str) and data["label"] == entity["label"],
          f"node {node}: label {data.get('label')!r}, the JSON-LD says {entity['label']!r}")
    check(data.get("type") == entity["entityType"], f"node {node}: type {data.get('type')!r}")
    for channel in ("r", "g", "b"):
        check(type(data.get(channel)) is int, f"node {node}: {channel} is {data.get(channel)!r}, not an int")
    check(type(data.get("size")) is float and data["size"] >= 10.0, f"node {node}: size {data.get('size')!r}")
    if entity.get("country"):
        check(data.get("country") == entity["country"], f"node {node}: country {data.get('country')!r}")

# One edge per statement: (source, target, label) -> attributes. Parallel edges (two relations between
# the same pair) make read_graphml return a multigraph keyed by the GraphML edge id.
edges = {}
if G.is_multigraph():
    for source, target, key, data in G.edges(keys=True, data=True):
        edges[(source, target, data.get("label"))] = dict(data, id=key)
else:
    for source, target, data in G.edges(data=True):
        edges[(source, target, data.get("label"))] = data
check(len(edges) == len(facts.statements), "two edges share source, target and label")

for statement in facts.statements:
    source, target = facts.endpoints(statement)
    predicate = facts.predicate(statement)
    data = edges.get((source, target, predicate))
    check(data is not None, f"networkx has no edge {source} -[{predicate}]-> {target} that the JSON-LD states")
    check(data.get("id") == f"{source}--{predicate}--{target}", f"edge id {data.get('id')!r}")
    check(data.get("predicate") == predicate, f"edge {data.get('id')}: predicate {data.get('predicate')!r}")
    check(type(data.get("weight")) is float and data["weight"] == float(statement["weight"]),
          f"edge {data.get('id')}: weight {data.get('weight')!r}, the JSON-LD says {statement['weight']}")
    check(type(data.get("mentions")) is int and data["mentions"] == len(statement["evidence"]),
          f"edge {data.get('id')}: mentions {data.get('mentions')!r}")
    check(type(data.get("goldstein")) is float and data["goldstein"] == statement["goldstein"],
          f"edge {data.get('id')}: goldstein {data.get('goldstein')!r}, the JSON-LD says {statement['goldstein']}")
    check(type(data.get("confidence")) is float and abs(data["confidence"] - statement["confidence"]) < 1e-9,
          f"edge {data.get('id')}: confidence {data.get('confidence')!r}")
    check(data.get("category") == statement["category"], f"edge {data.get('id')}: category {data.get('category')!r}")
    if "firstDate" in statement:
        check(data.get("first_date") == statement["firstDate"], f"edge {data.get('id')}: first_date")
    check(data.get("modalities") == ";".join(statement["modalities"]), f"edge {data.get('id')}: modalities")

# A relation a reader of the article can name: China is the country the whole article is about.
check("country:CHN" in G, "no node country:CHN, though the article is about China")
check(G.degree("country:CHN") > 0, "country:CHN takes part in no relation")
# The article's first sentence: "US Secretary of State Antony Blinken will travel to China next week".
blinken_visits_china = edges.get(("person:antony-blinken", "country:CHN", "visits"))
check(blinken_visits_china is not None, "no edge person:antony-blinken -[visits]-> country:CHN")
check(blinken_visits_china["weight"] >= 1.0 and blinken_visits_china["category"] == "CONSULT",
      f"person:antony-blinken -[visits]-> country:CHN has {blinken_visits_china}")
print(f"networkx {nx.__version__}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, all match the JSON-LD")
