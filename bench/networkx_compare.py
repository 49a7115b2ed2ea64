#!/usr/bin/python3
"""irkg against networkx on the same synthetic graph: writing GraphML, and loading irkg's .jsonld.

usage: bench/networkx_compare.py [--build build-bench] [--work DIR] [--sizes 20000:100000,100000:500000]
                                 [--seed 1] [--runs 3] [--markdown OUT.md]

For each size ENTITIES:EDGES it generates the graph with synthetic_graph (kept in --work, reused when
there), then times, in this one run:
  - irkg writing GraphML: query_bench --write G.graphml (the graph loaded once, the write timed alone);
  - networkx.write_graphml of the same graph (the attributes irkg's GraphML carries), timed alone;
    both writes are timed to the data on disk: irkg's AtomicFile fsyncs before its rename, and the
    networkx run fsyncs its file before the clock stops;
  - irkg loading its .jsonld: read_jsonld, as query_bench reports it;
  - json.load of the same file plus building a networkx MultiDiGraph of its entities and statements.
Each networkx measurement runs in a fresh interpreter (so its peak RSS is its own); medians of --runs.
It prints a markdown table with the ratios (networkx time / irkg time). Needs Debian's
/usr/bin/python3 with python3-networkx. networkx needs about 9 KB of memory per relation loaded, so
the 5M-relation graph (about 45 GB) is out of reach on ordinary machines: compare at smaller sizes.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def nx_load(path):
    """json.load + a MultiDiGraph with every entity and statement (attributes as loaded)."""
    import networkx as nx

    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.MultiDiGraph()
    for node in doc["@graph"]:
        if node["type"] == "Statement":
            g.add_edge(node["subject"], node["object"], key=node["predicate"],
                       **{k: v for k, v in node.items() if k not in ("subject", "object")})
        else:
            g.add_node(node["id"], irkgId=node["irkgId"], label=node["label"], entityType=node["entityType"],
                       country=node.get("country", ""), aliases=node.get("aliases", []))
    return time.perf_counter() - start, g


def graphml_view(g):
    """The graph with the scalar attributes irkg's GraphML writes (networkx writes scalars only)."""
    import networkx as nx

    out = nx.MultiDiGraph()
    for n, a in g.nodes(data=True):
        out.add_node(a["irkgId"], label=a["label"], type=a["entityType"], country=a["country"],
                     aliases="; ".join(a["aliases"]), r=0, g=0, b=0, size=1.0)
    for s, o, k, a in g.edges(keys=True, data=True):
        evidence = a["evidence"]
        out.add_edge(g.nodes[s]["irkgId"], g.nodes[o]["irkgId"], key=a["id"], label=k[4:], predicate=k[4:],
                     category=a["category"], cameo=a["cameo"], goldstein=float(a["goldstein"]),
                     weight=float(a["weight"]), mentions=int(a["weight"]), first_date=a.get("firstDate", ""),
                     last_date=a.get("lastDate", ""), modalities=", ".join(a["modalities"]),
                     confidence=float(a["confidence"]), docs="; ".join(sorted({e["doc"] for e in evidence})),
                     evidence=evidence[0]["text"], sentence=int(evidence[0]["sentence"]))
    return out


def worker(args):
    """One networkx measurement in this process; prints JSON."""
    import networkx as nx

    load_s, g = nx_load(args.jsonld)
    result = {"load_s": load_s, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
              "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if args.write:
        view = graphml_view(g)
        del g
        start = time.perf_counter()
        nx.write_graphml(view, args.write)
        # irkg's writes are atomic and durable (a temporary file, fsync, rename): the same bytes on disk
        # here, so both times include the fsync.
        fd = os.open(args.write, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
        result["write_s"] = time.perf_counter() - start
        result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"), help="build directory with the bench binaries")
    ap.add_argument("--work", default=None, help="scratch directory for the graphs (default: a temporary one)")
    ap.add_argument("--sizes", default="20000:100000,100000:500000", help="ENTITIES:EDGES,...")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", help="also write the table to this file")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--jsonld", help=argparse.SUPPRESS)
    ap.add_argument("--write", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args)

    work = args.work or tempfile.mkdtemp(prefix="irkg-networkx-")
    os.makedirs(work, exist_ok=True)
    generator = os.path.join(args.build, "synthetic_graph")
    bench = os.path.join(args.build, "query_bench")
    for tool in (generator, bench):
        if not os.access(tool, os.X_OK):
            sys.exit(f"networkx_compare: {tool} not found; build the bench targets first (cmake --build {args.build} "
                     "--target synthetic_graph query_bench)")

    rows = []
    for size in args.sizes.split(","):
        entities, edges = (int(x) for x in size.split(":"))
        stem = os.path.join(work, f"synthetic-{entities}-{edges}-{args.seed}")
        jsonld = stem + ".jsonld"
        if not os.path.exists(jsonld):
            run([generator, "--entities", str(entities), "--edges", str(edges), "--seed", str(args.seed),
                 "-o", jsonld, "--quiet"])
        irkg_load, irkg_write, irkg_rss, nx_load_s, nx_write, nx_rss = [], [], [], [], [], []
        for _ in range(args.runs):
            with tempfile.NamedTemporaryFile(suffix=".json", dir=work) as results:
                run([bench, jsonld, "--no-queries", "--write", stem + ".irkg.graphml", "--json", results.name],
                    stdout=subprocess.DEVNULL)
                r = json.load(open(results.name))
            irkg_load.append(r["load_s"])
            irkg_write.append(r["writes"][stem + ".irkg.graphml"])
            irkg_rss.append(r["peak_rss_mib"])
            out = run([sys.executable, os.path.abspath(__file__), "--worker", "--jsonld", jsonld,
                       "--write", stem + ".nx.graphml"], stdout=subprocess.PIPE).stdout
            n = json.loads(out)
            nx_load_s.append(n["load_s"])
            nx_write.append(n["write_s"])
            nx_rss.append(n["peak_rss_mib"])
        med = statistics.median
        rows.append({
            "size": f"{entities:,} / {edges:,}", "bytes": os.path.getsize(jsonld),
            "irkg_write": med(irkg_write), "nx_write": med(nx_write),
            "irkg_load": med(irkg_load), "nx_load": med(nx_load_s),
            "irkg_rss": med(irkg_rss), "nx_rss": med(nx_rss),
            "irkg_graphml": os.path.getsize(stem + ".irkg.graphml"), "nx_graphml": os.path.getsize(stem + ".nx.graphml"),
        })
        for suffix in (".irkg.graphml", ".nx.graphml"):
            os.remove(stem + suffix)

    lines = [
        f"Medians of {args.runs} runs, seed {args.seed}. Ratio = networkx time / irkg time "
        "(targets: GraphML writing at least 20x, loading at least 10x). Both writes are timed until the "
        "file is on disk (irkg fsyncs before its atomic rename; the networkx run fsyncs its file too).",
        "",
        "| entities / relations | .jsonld | GraphML write: irkg | networkx | ratio | load .jsonld: irkg | "
        "json.load + networkx | ratio | peak RSS irkg | peak RSS networkx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']} | {r['bytes'] / 2**20:.0f} MiB | {r['irkg_write']:.2f} s | {r['nx_write']:.2f} s | "
            f"**{r['nx_write'] / r['irkg_write']:.1f}x** | {r['irkg_load']:.2f} s | {r['nx_load']:.2f} s | "
            f"**{r['nx_load'] / r['irkg_load']:.1f}x** | {r['irkg_rss']:.0f} MiB | {r['nx_rss']:.0f} MiB |")
    lines.append("")
    lines.append("GraphML sizes: " + ", ".join(
        f"{r['size']}: irkg {r['irkg_graphml'] / 2**20:.0f} MiB, networkx {r['nx_graphml'] / 2**20:.0f} MiB" for r in rows)
        + " (the same nodes, edges and attributes).")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
