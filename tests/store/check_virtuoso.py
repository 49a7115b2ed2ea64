"""irkg's N-Quads in a real triple store: scripts/virtuoso-load bulk-loads the news graph's .nq (the sample
article's without ../shared) into a throwaway Virtuoso, every quad arrives, and its SPARQL answers are
irkg's own: an actor's relations by category (`irkg neighbors --limit 0 --format json`: predicate,
direction, category, neighbour, mentions, first and last date) and the connections of at most two hops
between two actors (`irkg path --all --max-hops 2 --format json`: each middle entity, with every relation
on each side). The server is gone and its database removed afterwards.

Environment (set by irkg_add_script_test): IRKG, IRKG_SOURCE_DIR, IRKG_SHARED_DIR.
Exit codes: 0 passed, 1 failed, 77 skipped (virtuoso-opensource not installed).
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "consumers"))
from irkg_outputs import DATE, SKIP, check, fail, run_irkg, sample_path  # noqa: E402

ENTITY = "https://w3id.org/irkg/entity/"

for tool in ("virtuoso-t", "isql-vt"):
    if not shutil.which(tool):
        print(f"SKIP: {tool} is not installed (apt-get install virtuoso-opensource)", file=sys.stderr)
        sys.exit(SKIP)

source = os.environ["IRKG_SOURCE_DIR"]
shared = os.environ.get("IRKG_SHARED_DIR") or os.path.join(source, "..", "shared")
corpus = sorted(glob.glob(os.path.join(shared, "corpora", "news", "*.jsonl")))
if corpus:
    inputs = corpus
    actors = ["country:PRK", "country:JPN", "person:mikhail-gorbachev"]
    pairs = [("country:JPN", "country:RUS"), ("country:PRK", "country:USA"), ("person:mikhail-gorbachev", "country:CHN")]
else:
    print("NOTE: ../shared/corpora/news is absent: the sample article's graph stands in")
    inputs = [sample_path(), "--date", DATE]
    actors = ["country:PRK", "country:CHN", "person:antony-blinken"]
    pairs = [("person:antony-blinken", "country:RUS"), ("country:CHN", "country:PRK")]


def irkg_json(*arguments):
    return json.loads(run_irkg(*arguments, "--format", "json").stdout)


def neighbors_by_irkg(graph, actor):
    result = irkg_json("neighbors", graph, actor, "--limit", "0")
    check(result["centre"]["id"] == actor, f"irkg neighbors resolved {actor} to {result['centre']['id']}")
    return {(g["category"], g["predicate"], g["direction"], n["entity"]["id"], n["mentions"],
             n.get("first_date") or None, n.get("last_date") or None)  # undated: "" in irkg, unbound in SPARQL
            for g in result["groups"] for n in g["neighbors"]}


def neighbors_by_sparql(rows):
    return {(r["category"], r["predicate"], r["direction"], r["neighbor"], r["mentions"], r["first"], r["last"])
            for r in rows}


def relations_of(hop):
    """Every relation irkg found between a hop's two entities: the one it followed and the `also` list."""
    return {(hop["predicate"], hop["direction"])} | {(a["predicate"], a["direction"]) for a in hop.get("also", [])}


def paths_by_irkg(graph, source, target):
    """{middle entity id or None for the direct connection: (relations of hop 1, relations of hop 2)}."""
    done = subprocess.run([os.environ["IRKG"], "path", graph, source, target, "--all", "--max-hops", "2",
                           "--format", "json"], capture_output=True, text=True)
    if done.returncode == 1 and "no path" in done.stderr.lower():
        return {}
    check(done.returncode == 0, f"irkg path {source} {target} exited with {done.returncode}: {done.stderr}")
    result = json.loads(done.stdout)
    check(not result.get("truncated"), f"irkg path {source} {target}: the answer is truncated")
    out = {}
    for path in result["paths"]:
        hops = path["hops"]
        if len(hops) == 1:
            out[None] = (relations_of(hops[0]), set())
        else:
            check(len(hops) == 2, f"irkg path --max-hops 2 gave a path of {len(hops)} hops")
            out[hops[0]["to"]] = (relations_of(hops[0]), relations_of(hops[1]))
    return out


def paths_by_sparql(rows):
    out = {}
    for r in rows:
        first, second = out.setdefault(r["via"], (set(), set()))
        first.add((r["first"], r["firstDirection"]))
        if r["via"] is not None:
            second.add((r["second"], r["secondDirection"]))
    return out


def main():
    work = tempfile.mkdtemp(prefix="irkg-store-")
    try:
        nq, jsonld = os.path.join(work, "graph.nq"), os.path.join(work, "graph.jsonld")
        run_irkg("build", *inputs, "--quiet", "-o", nq, "-o", jsonld)
        with open(nq, "rb") as f:
            quads = sum(1 for _ in f)
        before = set(glob.glob(os.path.join(tempfile.gettempdir(), "irkg-virtuoso-*")))

        command = [sys.executable, os.path.join(source, "scripts", "virtuoso-load"), nq, "--json"]
        for actor in actors:
            command += ["--neighbors", actor]
        for a, b in pairs:
            command += ["--path", a, b]
        start = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
        elapsed = time.monotonic() - start
        check(done.returncode == 0, f"scripts/virtuoso-load exited with {done.returncode}:\n{done.stderr}")
        report = json.loads(done.stdout)
        t = report["timings"]
        print(f"Virtuoso: start {t['start_s']} s, load {t['load_s']} s ({report['quads']} quads), queries "
              f"{t['queries_s']} s; {elapsed:.1f} s in all")
        check(report["quads"] == quads, f"Virtuoso holds {report['quads']} quads of the {quads} lines of graph.nq")
        left = set(glob.glob(os.path.join(tempfile.gettempdir(), "irkg-virtuoso-*"))) - before
        check(not left, f"scripts/virtuoso-load left its database behind: {sorted(left)}")

        answers = iter(report["answers"])
        for actor in actors:
            answer = next(answers)
            check(answer["entity"] == ENTITY + actor.replace(":", "/"), f"{actor} resolved to {answer['entity']}")
            expected, actual = neighbors_by_irkg(jsonld, actor), neighbors_by_sparql(answer["rows"])
            check(expected, f"irkg neighbors {actor} is empty: pick an actor with relations")
            if expected != actual:
                fail(f"neighbors of {actor}: SPARQL and irkg differ\n  only irkg:   {sorted(expected - actual, key=str)}"
                     f"\n  only SPARQL: {sorted(actual - expected, key=str)}")
            print(f"neighbors {actor}: {len(actual)} relations, as irkg neighbors")
        for a, b in pairs:
            answer = next(answers)
            expected, actual = paths_by_irkg(jsonld, a, b), paths_by_sparql(answer["rows"])
            check(expected, f"irkg path {a} {b} finds no connection of 2 hops or less: pick another pair")
            if expected != actual:
                diff = sorted(set(expected) ^ set(actual), key=str) or \
                    [(k, expected[k], actual[k]) for k in expected if expected[k] != actual.get(k)][:3]
                fail(f"2-hop connections {a} -> {b}: SPARQL and irkg differ: {diff}")
            print(f"path {a} -> {b}: {len(actual)} connections of at most 2 hops, as irkg path --all")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
