"""networkx reads irkg's GraphML: every node and edge, typed attributes, the same relations as the JSON-LD; and
networkx's own view of the graph gives the counts, components and rankings `irkg stats --format json` prints.

check_against_stats() is shared with check_gexf.py (networkx's view of the GEXF 1.2draft).
"""
import collections
import json
import os

from irkg_outputs import JsonldFacts, check, need, outputs, run_irkg

nx = need("networkx")


def irkg_stats(jsonld, *options):
    """What `irkg stats JSONLD --format json` prints, parsed."""
    done = run_irkg("stats", jsonld, "--format", "json", "--quiet", *options)
    return json.loads(done.stdout)


def _ranked(values, top):
    """[(id, value)] of the `top` highest values, ties by id: irkg's order."""
    return sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def _same_ranking(name, ours, theirs, top, tolerance):
    """irkg's ranking `ours` ([{"id", "value"}]) against networkx's values `theirs` ({id: value}): the same
    values in the same order, and the same entities wherever two values are not tied within `tolerance`."""
    expected = _ranked(theirs, top)
    check(len(ours) == len(expected), f"{name}: {len(ours)} entries, expected {len(expected)}")
    for i, (entry, (node, value)) in enumerate(zip(ours, expected)):
        check(abs(entry["value"] - theirs[entry["id"]]) <= tolerance,
              f"{name}: irkg says {entry['id']} has {entry['value']}, networkx {theirs[entry['id']]}")
        check(abs(entry["value"] - value) <= tolerance,
              f"{name} #{i + 1}: irkg's value {entry['value']} ({entry['id']}), networkx's {value} ({node})")
        tied = [n for n, v in theirs.items() if abs(v - value) <= tolerance]
        check(entry["id"] == node or entry["id"] in tied,
              f"{name} #{i + 1}: irkg ranks {entry['id']}, networkx {node}")


def check_against_stats(G, stats, facts, source):
    """networkx's view `G` of an export (`source` names it) against irkg's stats of the same graph: node and
    edge counts, counts by type, category and predicate, weakly connected components, the top actors by
    degree and weighted degree (exactly), and PageRank and betweenness (within 1e-9) computed by networkx
    with the definitions graph/graph_stats.hpp states."""
    check(G.number_of_nodes() == stats["entities"],
          f"{source}: networkx sees {G.number_of_nodes()} nodes, irkg stats says {stats['entities']} entities")
    check(G.number_of_edges() == stats["relations"],
          f"{source}: networkx sees {G.number_of_edges()} edges, irkg stats says {stats['relations']} relations")
    types = collections.Counter(data.get("type") for _, data in G.nodes(data=True))
    check(dict(types) == stats["types"], f"{source}: types {dict(types)}, irkg stats says {stats['types']}")
    categories = collections.defaultdict(lambda: {"relations": 0, "mentions": 0})
    predicates = collections.Counter()
    for _, _, data in G.edges(data=True):
        categories[data["category"]]["relations"] += 1
        categories[data["category"]]["mentions"] += int(data["weight"])
        predicates[data["label"]] += 1
    check(dict(categories) == stats["categories"],
          f"{source}: categories {dict(categories)}, irkg stats says {stats['categories']}")
    check(dict(predicates) == {p: c["relations"] for p, c in stats["predicates"].items()},
          f"{source}: relations per predicate {dict(predicates)}")
    check(sum(int(w) for _, _, w in G.edges(data="weight")) == stats["mentions"], f"{source}: mentions")

    top = stats["top"]
    degree = dict(G.degree())
    check([[e["id"], e["value"]] for e in stats["degree"]] == [list(x) for x in _ranked(degree, top)],
          f"{source}: top degree {stats['degree']}, networkx {_ranked(degree, top)}")
    weighted = {n: int(d) for n, d in G.degree(weight="weight")}
    check([[e["id"], e["value"]] for e in stats["weighted_degree"]] == [list(x) for x in _ranked(weighted, top)],
          f"{source}: top weighted degree {stats['weighted_degree']}, networkx {_ranked(weighted, top)}")

    sizes = sorted((len(c) for c in nx.weakly_connected_components(G)), reverse=True)
    check(stats["components"]["count"] == len(sizes) and stats["components"]["largest"] == sizes[:top],
          f"{source}: components {stats['components']}, networkx {sizes}")
    check(stats["components"]["isolated"] == sum(1 for d in degree.values() if d == 0), f"{source}: isolated")

    # PageRank: subject -> object, symmetric relations both ways (the JSON-LD says which are), weighted by
    # mentions; networkx sums parallel edges' weights and spreads dangling rank evenly, as irkg does.
    directed = nx.MultiDiGraph()
    directed.add_nodes_from(G.nodes)
    for u, v, w in G.edges(data="weight"):
        directed.add_edge(u, v, weight=w)
    for statement in facts.statements:
        u, v = facts.endpoints(statement)
        if statement["symmetric"] and u != v:
            directed.add_edge(v, u, weight=float(statement["weight"]))
    try:
        pagerank = nx.pagerank(directed, alpha=stats["pagerank"]["damping"], weight="weight", tol=1e-13, max_iter=1000)
    except ImportError as error:  # networkx 2.x computes PageRank with scipy
        print(f"NOTE: networkx cannot compute PageRank here ({error}); PageRank not compared")
    else:
        _same_ranking(f"{source}: PageRank", stats["pagerank"]["top"], pagerank, top, 1e-9)

    # Betweenness: the simple undirected view, self-loops dropped, normalised.
    check(stats["betweenness"]["method"] == "exact", f"{source}: betweenness {stats['betweenness']['method']}")
    simple = nx.Graph(G.to_undirected())
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    _same_ranking(f"{source}: betweenness", stats["betweenness"]["top"], nx.betweenness_centrality(simple), top,
                  1e-9)


def main():
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

    # irkg's own statistics of the same graph agree with networkx's view of the GraphML.
    if os.environ.get("IRKG"):
        multi = nx.read_graphml(graphml, force_multigraph=True)
        check_against_stats(multi, irkg_stats(jsonld), facts, "GraphML")
        stats_note = ", and irkg stats agrees (counts, components, degree, PageRank, betweenness)"
    else:
        stats_note = " (irkg stats not compared: no IRKG binary)"
    print(f"networkx {nx.__version__}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, all match the JSON-LD"
          + stats_note)


if __name__ == "__main__":
    main()
