"""python/irkg_dask.py on a real dask.distributed cluster: a LocalCluster of 2 worker processes on
loopback builds the graph of ../shared/corpora/news cut into 16 partitions, and every output
(.jsonld, .graphml, .nq) is byte for byte what `irkg build` writes from the same files on one
machine. Without the corpus, a generated one (300 articles, three files) stands in.
Then, on the same cluster: a bag of the same articles in another order and shape (reversed lines,
article dicts, a file given by path) gives the same bytes; a bad record and a missing binary raise
IrkgError with irkg's message; bad_records="skip" writes what `irkg build` writes despite the bad line.

Environment (set by irkg_add_script_test): IRKG, IRKG_SOURCE_DIR, IRKG_SHARED_DIR.
Exit codes: 0 passed, 1 failed, 77 skipped (python3-dask or python3-distributed not installed).
"""
import glob
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "consumers"))
from irkg_outputs import check, fail, need, run_irkg  # noqa: E402

need("dask.bag")
need("distributed")
import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

source = os.environ.get("IRKG_SOURCE_DIR", "")
check(source != "", "IRKG_SOURCE_DIR is not set: run this check through ctest")
sys.path.insert(0, os.path.join(source, "python"))
import irkg_dask  # noqa: E402

IRKG = os.environ["IRKG"]
SCHEMAS = os.path.join(source, "schemas")
OUTPUTS = ("graph.jsonld", "graph.graphml", "graph.nq")
PARTITIONS = 16


def generated_corpus(directory):
    """300 short articles in three JSON Lines files: states and persons of irkg's lexicons doing
    things the relation patterns know to each other, on dates across 2024 (fixed seed)."""
    rng = random.Random(8)
    actors = ["the United States", "China", "Russia", "Japan", "North Korea", "Iran", "Israel", "France",
              "Germany", "India", "Ukraine", "Turkey", "Antony Blinken", "Wang Yi", "Sergei Lavrov",
              "Emmanuel Macron", "Olaf Scholz"]
    verbs = ["met with", "criticized", "signed an agreement with", "attacked", "imposed sanctions on",
             "visited", "threatened", "accused", "praised"]
    paths = [os.path.join(directory, f"generated-{i}.jsonl") for i in range(3)]
    files = [open(path, "w", encoding="utf-8") for path in paths]
    for i in range(300):
        sentences = []
        for _ in range(rng.randint(1, 4)):
            a, b = rng.sample(actors, 2)
            sentences.append(f"{a[0].upper() + a[1:]} {rng.choice(verbs)} {b} on Tuesday.")
        article = {"id": f"generated-{i:04d}", "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "title": f"Report {i}", "text": " ".join(sentences)}
        files[i % 3].write(json.dumps(article) + "\n")
    for f in files:
        f.close()
    return paths


def read(path):
    with open(path, "rb") as f:
        return f.read()


def compare(expected_dir, actual_dir, what):
    for name in OUTPUTS:
        expected, actual = read(os.path.join(expected_dir, name)), read(os.path.join(actual_dir, name))
        if expected != actual:
            at = next((i for i, (x, y) in enumerate(zip(expected, actual)) if x != y), min(len(expected), len(actual)))
            fail(f"{what}: {name} differs from irkg build's at byte {at} ({len(actual)} vs {len(expected)} bytes):\n"
                 f"  build: {expected[max(0, at - 80):at + 80]!r}\n  dask:  {actual[max(0, at - 80):at + 80]!r}")


def expect_error(run, *needles):
    try:
        run()
    except irkg_dask.IrkgError as error:
        message = str(error)
        for needle in needles:
            check(needle in message, f"the IrkgError does not say {needle!r}:\n{message}")
        return
    except Exception as error:  # noqa: BLE001 - the class is what is being checked
        fail(f"expected an IrkgError, got {type(error).__module__}.{type(error).__name__}: {error}")
    fail(f"expected an IrkgError for {needles!r}, the run succeeded")


def main():
    # The workers are spawned processes that import this file: everything runs under main().
    work = tempfile.mkdtemp(prefix="irkg-dask-")
    try:
        shared = os.environ.get("IRKG_SHARED_DIR") or os.path.join(source, "..", "shared")
        corpus = sorted(glob.glob(os.path.join(shared, "corpora", "news", "*.jsonl")))
        if corpus:
            print(f"corpus: {len(corpus)} files of {os.path.join(shared, 'corpora', 'news')}")
        else:
            print("NOTE: ../shared/corpora/news is absent: a generated corpus of 300 articles stands in")
            corpus = generated_corpus(work)

        reference = os.path.join(work, "build")
        os.mkdir(reference)
        start = time.monotonic()
        run_irkg("build", *corpus, "--schemas", SCHEMAS, "--quiet", "-j", "1",
                 *[arg for name in OUTPUTS for arg in ("-o", os.path.join(reference, name))])
        print(f"irkg build (one process): {time.monotonic() - start:.1f} s")

        start = time.monotonic()
        with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            check(len(client.scheduler_info()["workers"]) == 2, "the LocalCluster does not have 2 workers")
            print(f"LocalCluster of 2 worker processes up in {time.monotonic() - start:.1f} s")

            # The corpus in 16 partitions, reduced 4 at a time (16 -> 4 -> 1: a real tree).
            articles = irkg_dask.read_articles(corpus, npartitions=PARTITIONS)
            check(articles.npartitions == PARTITIONS, f"read_articles made {articles.npartitions} partitions, not 16")
            distributed_dir = os.path.join(work, "dask")
            os.mkdir(distributed_dir)
            start = time.monotonic()
            written = irkg_dask.build(articles, [os.path.join(distributed_dir, name) for name in OUTPUTS],
                                      client=client, irkg=IRKG, schemas=SCHEMAS, split_every=4)
            print(f"irkg_dask.build on 2 workers, {PARTITIONS} partitions: {time.monotonic() - start:.1f} s")
            check(sorted(os.path.basename(p) for p in written) == sorted(OUTPUTS), f"build() reports {written}")
            compare(reference, distributed_dir, f"{PARTITIONS} partitions on 2 workers")
            check(sorted(os.listdir(distributed_dir)) == sorted(OUTPUTS),
                  f"build() left other files beside its outputs: {sorted(os.listdir(distributed_dir))}")
            graph = json.loads(read(os.path.join(distributed_dir, "graph.jsonld")))
            statements = [n for n in graph["@graph"] if n.get("type") == "Statement"]
            entities = [n for n in graph["@graph"] if n.get("type") != "Statement"]
            check(len(entities) > 10 and len(statements) > 100,
                  f"the graph has {len(entities)} entities and {len(statements)} relations: extraction found little")
            check(any(n.get("aliases") for n in entities), "no entity has aliases: partial graphs lost them")

            # Another order and shape of the same articles: one file's lines reversed as str, another's
            # as dicts, the third given by path (read by irkg on the worker), in 5 partitions.
            small = sorted(corpus, key=os.path.getsize)[:3]
            small_ref = os.path.join(work, "small-build")
            os.mkdir(small_ref)
            run_irkg("build", *small, "--schemas", SCHEMAS, "--quiet",
                     *[arg for name in OUTPUTS for arg in ("-o", os.path.join(small_ref, name))])
            with open(small[0], encoding="utf-8", newline="") as f:
                lines = f.readlines()[::-1]
            with open(small[1], encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()]
            mixed = db.from_sequence([*lines, *records, pathlib.Path(small[2])], npartitions=5)
            small_dir = os.path.join(work, "small-dask")
            os.mkdir(small_dir)
            irkg_dask.build(mixed, [os.path.join(small_dir, name) for name in OUTPUTS], client=client, irkg=IRKG,
                            schemas=SCHEMAS, split_every=2, progress=False)
            compare(small_ref, small_dir, "reversed lines, dicts and a path in 5 partitions")

            # Errors come back with irkg's own message; nothing is written.
            bad = db.from_sequence(['{"id": "x1", "date": "2024-01-02", "text": "Russia attacked Ukraine."}',
                                    "not json", '{"id": "x2", "text": "China praised Japan."}'], npartitions=1)
            error_dir = os.path.join(work, "errors")
            os.mkdir(error_dir)
            out = os.path.join(error_dir, "bad.jsonld")
            expect_error(lambda: irkg_dask.build(bad, out, client=client, irkg=IRKG, schemas=SCHEMAS, progress=False),
                         "exited with 1", ":2: not JSON", "1 bad record")
            check(os.listdir(error_dir) == [], f"a failed build() left files: {os.listdir(error_dir)}")
            expect_error(lambda: irkg_dask.build(bad, out, client=client, irkg=os.path.join(work, "no-such-irkg"),
                                                 progress=False),
                         "no executable irkg binary", "no-such-irkg")
            irkg_dask.build(bad, out, client=client, irkg=IRKG, schemas=SCHEMAS, bad_records="skip", progress=False)
            bad_file = os.path.join(work, "bad.jsonl")
            with open(bad_file, "w", encoding="utf-8") as f:
                f.write("\n".join(bad.compute()) + "\n")
            expected = os.path.join(work, "bad-build.jsonld")
            done = subprocess.run([IRKG, "build", bad_file, "--schemas", SCHEMAS, "--quiet", "-o", expected],
                                  capture_output=True, text=True)
            check(done.returncode == 1, f"irkg build of a file with a bad record exited with {done.returncode}")
            check(read(out) == read(expected), "bad_records='skip' does not write what irkg build writes")
        print("the distributed builds are byte-identical to irkg build")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
