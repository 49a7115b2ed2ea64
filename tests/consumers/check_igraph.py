"""python-igraph reads irkg's GraphML with every vertex, edge and attribute the JSON-LD has."""
from irkg_outputs import JsonldFacts, check, need, outputs

igraph = need("igraph")

graphml, jsonld = outputs()
facts = JsonldFacts(jsonld)
g = igraph.Graph.Read_GraphML(graphml)

check(g.is_directed(), "igraph reads the graph as undirected")
check(g.vcount() == len(facts.entities), f"igraph sees {g.vcount()} vertices, the JSON-LD has {len(facts.entities)}")
check(g.ecount() == len(facts.statements), f"igraph sees {g.ecount()} edges, the JSON-LD has {len(facts.statements)}")
for attribute in ("id", "label", "type", "r", "g", "b", "size"):
    check(attribute in g.vs.attributes(), f"vertex attribute {attribute!r} is missing (igraph drops for=\"all\" keys)")
for attribute in ("id", "label", "predicate", "weight", "mentions", "goldstein", "confidence", "category"):
    check(attribute in g.es.attributes(), f"edge attribute {attribute!r} is missing")

labels = {n["irkgId"]: n["label"] for n in facts.entities}
check(sorted(g.vs["id"]) == sorted(labels), "vertex ids differ from the JSON-LD's irkgId values")
for vertex in g.vs:
    check(vertex["label"] == labels[vertex["id"]], f"vertex {vertex['id']}: label {vertex['label']!r}")

edges = {}
for edge in g.es:
    key = (g.vs[edge.source]["id"], g.vs[edge.target]["id"], edge["label"])
    check(key not in edges, f"two edges {key}")
    edges[key] = edge
for statement in facts.statements:
    source, target = facts.endpoints(statement)
    predicate = facts.predicate(statement)
    edge = edges.get((source, target, predicate))
    check(edge is not None, f"igraph has no edge {source} -[{predicate}]-> {target}")
    check(edge["id"] == f"{source}--{predicate}--{target}", f"edge id {edge['id']!r}")
    check(edge["weight"] == statement["weight"], f"edge {edge['id']}: weight {edge['weight']!r}")
    check(edge["mentions"] == len(statement["evidence"]), f"edge {edge['id']}: mentions {edge['mentions']!r}")
    check(edge["goldstein"] == statement["goldstein"], f"edge {edge['id']}: goldstein {edge['goldstein']!r}")
print(f"igraph {igraph.__version__}: {g.vcount()} vertices, {g.ecount()} edges, all match the JSON-LD")
