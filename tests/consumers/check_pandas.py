"""The notebook path of FORMATS.md: pandas.json_normalize over @graph gives flat statement columns, and
networkx.from_pandas_edgelist builds a MultiDiGraph keyed by statement id."""
import json

from irkg_outputs import JsonldFacts, check, need, outputs

pd = need("pandas")
nx = need("networkx")

_, path = outputs()
facts = JsonldFacts(path)
with open(path, encoding="utf-8") as f:
    doc = json.load(f)
df = pd.json_normalize(doc["@graph"])
for column in ("id", "type", "subject", "predicate", "object", "confidence"):
    check(column in df.columns, f"json_normalize gives no {column!r} column: {sorted(df.columns)}")
if any("date" in s for s in facts.statements):
    check("date" in df.columns, "no 'date' column although some statement is dated")
edges = df[df["type"] == "Statement"]
check(len(edges) == len(facts.statements), f"{len(edges)} statement rows, not {len(facts.statements)}")
G = nx.from_pandas_edgelist(edges, "subject", "object", edge_attr=True, create_using=nx.MultiDiGraph, edge_key="id")
check(G.number_of_edges() == len(facts.statements), f"{G.number_of_edges()} edges, not {len(facts.statements)}")
for statement in facts.statements:
    check(G.has_edge(statement["subject"], statement["object"], key=statement["id"]),
          f"no edge {statement['id']} from {statement['subject']} to {statement['object']}")
    data = G.edges[statement["subject"], statement["object"], statement["id"]]
    check(data["predicate"] == statement["predicate"], f"{statement['id']}: predicate {data['predicate']!r}")
    check(abs(data["confidence"] - statement["confidence"]) < 1e-12, f"{statement['id']}: confidence")
print(f"pandas {pd.__version__} + networkx: {G.number_of_edges()} statement edges from json_normalize")
