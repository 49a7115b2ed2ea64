"""Shared by the consumer checks: runs the real `irkg build` on the sample article and reads what
the JSON-LD says, so each check can compare a consumer's view of the export with irkg's own.

Environment (set by irkg_add_script_test): IRKG (the binary), IRKG_SOURCE_DIR, PYTHON.
Exit codes: 0 passed, 1 failed, 77 skipped (a Python package the check needs is not installed).
A missing or failing irkg binary is a failure, never a skip: the point is to check what irkg writes.
"""
import atexit
import importlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

SKIP = 77
SAMPLE = "samples/blinken-china-visit.txt"
DATE = "2024-04-20"
STATEMENT = "Statement"


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def need(module):
    """Imports `module`, or exits with 77 (skipped) when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        print(f"SKIP: {module} is not installed for {sys.executable} ({error})", file=sys.stderr)
        sys.exit(SKIP)


def forbid_network():
    """Makes any connection attempt fail, so a processor that tries to fetch a remote context is caught."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse


def _scratch_dir():
    path = tempfile.mkdtemp(prefix="irkg-consumers-")
    atexit.register(shutil.rmtree, path, True)
    return path


def run_irkg(*arguments):
    """Runs the irkg binary with `arguments`; fails the check on a missing binary or a non-zero exit."""
    irkg = os.environ.get("IRKG", "")
    check(irkg != "", "IRKG is not set: run this check through ctest (irkg_add_script_test)")
    check(os.path.isfile(irkg) and os.access(irkg, os.X_OK), f"the irkg binary {irkg} does not exist or is not executable")
    command = [irkg, *arguments]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        fail(f"{' '.join(command)} did not finish in 300 s")
    check(done.returncode == 0,
          f"{' '.join(command)} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def sample_path():
    source = os.environ.get("IRKG_SOURCE_DIR", "")
    check(source != "", "IRKG_SOURCE_DIR is not set: run this check through ctest")
    path = os.path.join(source, SAMPLE)
    check(os.path.isfile(path), f"the sample article {path} is missing")
    return path


def build_outputs():
    """Runs `$IRKG build SAMPLE --date DATE -o T/graph.graphml -o T/graph.jsonld`; returns both paths."""
    directory = _scratch_dir()
    graphml = os.path.join(directory, "graph.graphml")
    jsonld = os.path.join(directory, "graph.jsonld")
    run_irkg("build", sample_path(), "--date", DATE, "-o", graphml, "-o", jsonld)
    for path in (graphml, jsonld):
        check(os.path.isfile(path) and os.path.getsize(path) > 0, f"irkg build did not write {path}")
    leftovers = sorted(set(os.listdir(directory)) - {"graph.graphml", "graph.jsonld"})
    check(not leftovers, f"irkg build left other files beside its outputs: {leftovers}")
    return graphml, jsonld


def build_with(name):
    """Runs `$IRKG build SAMPLE --date DATE -o T/<name> -o T/graph.jsonld`; returns (T/<name>, T/graph.jsonld),
    for checks of a format other than GraphML (name "graph.gexf", ...)."""
    directory = _scratch_dir()
    path = os.path.join(directory, name)
    jsonld = os.path.join(directory, "graph.jsonld")
    run_irkg("build", sample_path(), "--date", DATE, "-o", path, "-o", jsonld)
    for written in (path, jsonld):
        check(os.path.isfile(written) and os.path.getsize(written) > 0, f"irkg build did not write {written}")
    return path, jsonld


def extract_output():
    """Runs `$IRKG extract SAMPLE --date DATE -o T/triples.jsonl`; returns the path."""
    path = os.path.join(_scratch_dir(), "triples.jsonl")
    run_irkg("extract", sample_path(), "--date", DATE, "-o", path)
    check(os.path.isfile(path), f"irkg extract did not write {path}")
    return path


class JsonldFacts:
    """What irkg's JSON-LD says: its entity nodes, its statement nodes and how its compact IRIs expand."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = json.load(f)
        check(isinstance(self.doc, dict) and "@context" in self.doc and "@graph" in self.doc,
              f"{path} is not an irkg JSON-LD graph (no @context and @graph)")
        self.context = self.doc["@context"]
        check(isinstance(self.context, dict), f"{path}: the @context is not inline")
        nodes = self.doc["@graph"]
        self.statements = [n for n in nodes if n.get("type") == STATEMENT]
        self.entities = [n for n in nodes if n.get("type") != STATEMENT]
        self.irkg_id = {n["id"]: n["irkgId"] for n in self.entities}  # entity IRI -> irkg id
        check(self.entities, f"{path} has no entity: irkg found nothing in the sample article")
        check(self.statements, f"{path} has no relation: irkg found no relation in the sample article")

    def expand(self, compact):
        """The absolute IRI of a compact IRI ("ent:country/CHN"), by the document's own prefixes."""
        prefix, _, suffix = compact.partition(":")
        base = self.context.get(prefix)
        check(isinstance(base, str), f"no prefix {prefix!r} in the @context for {compact!r}")
        return base + suffix

    def predicate(self, statement):
        """The predicate name ("meets") of a statement node."""
        check(statement["predicate"].startswith("rel:"), f"unexpected predicate IRI {statement['predicate']!r}")
        return statement["predicate"][len("rel:"):]

    def endpoints(self, statement):
        """(subject irkg id, object irkg id) of a statement node."""
        return self.irkg_id[statement["subject"]], self.irkg_id[statement["object"]]


def use_prebuilt_if_asked():
    """For developing the checks without the CLI: IRKG_CONSUMER_FILES=DIR holding graph.graphml and
    graph.jsonld replaces the irkg run. ctest never sets it."""
    directory = os.environ.get("IRKG_CONSUMER_FILES")
    if not directory:
        return None
    print(f"NOTE: using prebuilt files from {directory}, not the irkg binary", file=sys.stderr)
    return os.path.join(directory, "graph.graphml"), os.path.join(directory, "graph.jsonld")


def outputs():
    """(graphml path, jsonld path) of the sample article's graph."""
    return use_prebuilt_if_asked() or build_outputs()


def csv_outputs():
    """Runs `$IRKG build SAMPLE --date DATE -o T/graph.csv -o T/graph.jsonld`; returns
    (edges csv path, nodes csv path, jsonld path). The nodes table is T/graph.nodes.csv."""
    directory = _scratch_dir()
    edges = os.path.join(directory, "graph.csv")
    nodes = os.path.join(directory, "graph.nodes.csv")
    jsonld = os.path.join(directory, "graph.jsonld")
    run_irkg("build", sample_path(), "--date", DATE, "-o", edges, "-o", jsonld)
    for path in (edges, nodes, jsonld):
        check(os.path.isfile(path) and os.path.getsize(path) > 0, f"irkg build did not write {path}")
    leftovers = sorted(set(os.listdir(directory)) - {"graph.csv", "graph.nodes.csv", "graph.jsonld"})
    check(not leftovers, f"irkg build left other files beside its outputs: {leftovers}")
    return edges, nodes, jsonld
