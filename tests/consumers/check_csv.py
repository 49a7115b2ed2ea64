"""pandas reads irkg's CSV pair (graph.csv edges, graph.nodes.csv nodes) with the right dtypes, the
counts match the JSON-LD of the same run, and networkx.from_pandas_edgelist builds the graph."""
from irkg_outputs import JsonldFacts, check, csv_outputs, need

pd = need("pandas")
nx = need("networkx")

edges_path, nodes_path, jsonld_path = csv_outputs()
facts = JsonldFacts(jsonld_path)
nodes = pd.read_csv(nodes_path, keep_default_na=False, dtype={"Country": str, "Aliases": str})
# Cameo codes keep their leading zero ("040") only when read as text; every other column is inferred.
edges = pd.read_csv(edges_path, dtype={"Cameo": str})

check(list(nodes.columns) == ["Id", "Label", "Type", "Country", "Aliases"], f"node columns {list(nodes.columns)}")
check(list(edges.columns) == ["Source", "Target", "Type", "Kind", "Id", "Label", "Weight", "Category", "Cameo",
                              "Goldstein", "FirstDate", "LastDate", "MeanConfidence", "Modalities"],
      f"edge columns {list(edges.columns)}")
check(len(nodes) == len(facts.entities), f"{len(nodes)} node rows, not {len(facts.entities)} JSON-LD entities")
check(nodes["Id"].is_unique, "node ids are not unique")
check(set(nodes["Id"]) == set(facts.irkg_id.values()), "node ids differ from the JSON-LD entities' irkg ids")
check(len(edges) == len(facts.statements),
      f"{len(edges)} edge rows, not {len(facts.statements)} JSON-LD statements")
check(edges["Id"].is_unique, "edge ids are not unique")
check(pd.api.types.is_integer_dtype(edges["Weight"]), f"Weight is {edges['Weight'].dtype}, not an integer")
check(pd.api.types.is_float_dtype(edges["Goldstein"]), f"Goldstein is {edges['Goldstein'].dtype}, not a float")
check(pd.api.types.is_float_dtype(edges["MeanConfidence"]), f"MeanConfidence is {edges['MeanConfidence'].dtype}")
check(set(edges["Type"]) <= {"Directed", "Undirected"}, f"edge Type values {set(edges['Type'])}")
check((edges["Weight"] >= 1).all(), "an edge has no mention")
check(set(edges["Source"]) | set(edges["Target"]) <= set(nodes["Id"]), "an edge endpoint is not a node")

# Each JSON-LD statement is one CSV edge; its evidence count is the edge's Weight.
rows = {(r.Source, r.Kind, r.Target): r.Weight for r in edges.itertuples()}
for statement in facts.statements:
    subject, obj = facts.endpoints(statement)
    predicate = facts.predicate(statement)
    weight = rows.get((subject, predicate, obj), rows.get((obj, predicate, subject)))
    check(weight is not None, f"no CSV edge {subject} -{predicate}-> {obj}")
    check(weight == len(statement["evidence"]),
          f"{subject} -{predicate}-> {obj}: Weight {weight}, {len(statement['evidence'])} evidence items")

G = nx.from_pandas_edgelist(edges, "Source", "Target", edge_attr=True, create_using=nx.MultiDiGraph, edge_key="Id")
G.add_nodes_from(nodes.set_index("Id").to_dict("index").items())
check(G.number_of_edges() == len(edges), f"{G.number_of_edges()} networkx edges, not {len(edges)}")
check(G.number_of_nodes() == len(nodes), f"{G.number_of_nodes()} networkx nodes, not {len(nodes)}")
for row in edges.itertuples():
    data = G.edges[row.Source, row.Target, row.Id]
    check(data["Weight"] == row.Weight and data["Kind"] == row.Kind, f"{row.Id}: attributes lost")
print(f"pandas {pd.__version__} + networkx: {len(nodes)} nodes, {len(edges)} edges from the CSV pair")
