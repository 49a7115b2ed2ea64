#!/usr/bin/python3
"""irkg on a Dask cluster: extraction mapped over the partitions of a bag, partial graphs reduced
with ``irkg merge`` in a tree, the same bytes as ``irkg build`` of all the articles on one machine.

irkg grows no cluster of its own. Each partition of a Dask bag of articles becomes a partial graph
on a worker (``irkg build - -o - --format jsonld``: articles as JSON Lines on stdin, the graph on
stdout, no temporary file), and the partial graphs are merged ``split_every`` at a time
(``irkg merge``) until one is left, which the last merge writes in every format asked for. Merging
is associative, commutative and idempotent, so neither the partitioning nor the order of the
articles nor the shape of the tree changes a byte of the result.

Each worker needs the ``irkg`` binary (found on the worker's PATH, in its ``IRKG`` environment
variable, or given as ``irkg=``) and the ``schemas/`` directory it reads (``schemas=``, else the
worker's ``IRKG_SCHEMAS``, else the binary's built-in default); the article files must be readable
by the workers under the same path (a shared file system, or any fsspec URL such as ``s3://``).
The workers do not need this module: it travels with the tasks (cloudpickle by value).

Example, on this machine (a real cluster: ``Client("tcp://scheduler:8786")`` instead)::

    >>> from dask.distributed import Client, LocalCluster
    >>> import irkg_dask
    >>> cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)  # doctest: +SKIP
    >>> client = Client(cluster)                                                            # doctest: +SKIP
    >>> articles = irkg_dask.read_articles("../shared/corpora/news/*.jsonl", npartitions=16)  # doctest: +SKIP
    >>> irkg_dask.build(articles, ["news.jsonld", "news.graphml"], client=client,        # doctest: +SKIP
    ...                 irkg="build/irkg", schemas="schemas")
    {'news.jsonld': 7406158, 'news.graphml': 4145834}

``build`` accepts any bag: its elements may be JSON Lines records (``str`` lines or ``bytes``
blocks of whole lines, as ``read_articles`` or ``dask.bag.read_text`` make them), article dicts
(``{"id", "date", "title", "text", ...}``), or ``pathlib.Path`` objects naming article files on the
workers (``.jsonl``, or ``.txt`` with ``extract_args=["--date", ...]``).

From the shell (progress on stderr)::

    python3 python/irkg_dask.py --scheduler tcp://scheduler:8786 --partitions 64 \\
        --irkg /opt/irkg/bin/irkg --schemas /opt/irkg/schemas corpus/*.jsonl -o news.jsonld -o news.graphml
    python3 python/irkg_dask.py --local-workers 2 ../shared/corpora/news/*.jsonl -o news.jsonld

Errors: a failing ``irkg`` raises :class:`IrkgError` with the command, the exit code, the host and
irkg's stderr (which names the bad record: ``-:LINE`` counts lines of the partition's stdin). A bad
article record fails the run, where ``irkg build`` would skip it and exit 1; pass
``bad_records="skip"`` to skip them as build does (its warnings are then logged).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from typing import Iterable, Sequence

import dask
import dask.bag as db
from dask.delayed import Delayed, delayed

__all__ = ["IrkgError", "read_articles", "build", "graph", "build_partition", "merge_graphs", "main"]

log = logging.getLogger("irkg_dask")

# irkg's exit code for bad data (a bad article record among good ones: the rest is still extracted).
_EXIT_BAD_DATA = 1


class IrkgError(RuntimeError):
    """``irkg`` failed (or could not start) on a worker: the command, its exit code (None when it did
    not start), the worker's host name and what irkg wrote on stderr."""

    def __init__(self, command: Sequence[str], returncode: int | None, stderr: str, host: str):
        super().__init__(list(command), returncode, stderr, host)
        self.command, self.returncode, self.stderr, self.host = list(command), returncode, stderr, host

    def __str__(self) -> str:
        what = "could not start" if self.returncode is None else f"exited with {self.returncode}"
        detail = self.stderr.strip() or "(no message on stderr)"
        return f"{' '.join(self.command)} {what} on {self.host}:\n{detail}"


# --- what runs on the workers ---------------------------------------------------------------------


def _irkg_binary(irkg: str | None) -> str:
    """The irkg executable on this worker: `irkg` (a path, or a name looked up on PATH), else $IRKG,
    else `irkg` on PATH."""
    name = irkg or os.environ.get("IRKG") or "irkg"
    found = name if os.sep in name else shutil.which(name)
    if not found or not (os.path.isfile(found) and os.access(found, os.X_OK)):
        raise IrkgError([name], None,
                        f"no executable irkg binary {name!r} here (PATH={os.environ.get('PATH', '')}): install "
                        "irkg on every worker, or pass irkg=/path/to/irkg (--irkg) or set IRKG on the workers",
                        socket.gethostname())
    return found


def _run_irkg(irkg: str | None, arguments: Sequence[str], stdin: bytes = b"", bad_records: str = "raise") -> bytes:
    """Runs irkg (no shell) with `arguments`, `stdin` on its standard input; returns its stdout.
    Raises IrkgError on a non-zero exit (with bad_records="skip": on one other than bad data)."""
    command = [_irkg_binary(irkg), *arguments]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, check=False)
    except OSError as error:
        raise IrkgError(command, None, str(error), socket.gethostname()) from None
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode == _EXIT_BAD_DATA and bad_records == "skip" and done.stdout:
        log.warning("%s skipped bad records on %s:\n%s", " ".join(command), socket.gethostname(), stderr.strip())
        return done.stdout
    if done.returncode != 0:
        raise IrkgError(command, done.returncode, stderr, socket.gethostname())
    return done.stdout


def _common_args(schemas: str | None) -> list[str]:
    return ["--quiet"] + (["--schemas", os.fspath(schemas)] if schemas else [])


def build_partition(elements: Iterable, *, irkg: str | None = None, schemas: str | None = None,
                    extract_args: Sequence[str] = (), threads: int = 1, bad_records: str = "raise") -> bytes:
    """The partial graph (irkg's JSON-LD, as bytes) of one partition's articles.

    Elements: ``str`` (a JSON Lines record), ``bytes`` (whole JSON Lines), ``dict`` (an article
    record) go to ``irkg build -`` on stdin, byte for byte; ``os.PathLike`` objects are article files
    on this worker, given to irkg as arguments. An empty partition gives the empty graph."""
    files: list[str] = []
    chunks: list[bytes] = []
    for element in elements:
        if isinstance(element, os.PathLike):
            files.append(os.fspath(element))
            continue
        if isinstance(element, bytes):
            chunk = element
        elif isinstance(element, str):
            chunk = element.encode("utf-8", "surrogateescape")
        elif isinstance(element, dict):
            chunk = json.dumps(element, ensure_ascii=False).encode("utf-8")
        else:
            raise TypeError(f"irkg_dask: a bag element must be a JSON Lines str or bytes, an article dict or "
                            f"an os.PathLike article file, not {type(element).__name__}")
        if chunk:
            chunks.append(chunk if chunk.endswith(b"\n") else chunk + b"\n")
    inputs = files + ["-"] if chunks or not files else files
    arguments = ["build", *inputs, "-o", "-", "--format", "jsonld", "--threads", str(threads),
                 *_common_args(schemas), *extract_args]
    return _run_irkg(irkg, arguments, b"".join(chunks), bad_records)


def _merge_to_files(graphs: Sequence[bytes], outputs: Sequence[str], directory: str, irkg: str | None,
                    schemas: str | None, output_args: Sequence[str]) -> None:
    inputs = []
    for i, data in enumerate(graphs):
        inputs.append(os.path.join(directory, f"part-{i}.jsonld"))
        with open(inputs[-1], "wb") as f:
            f.write(data)
    arguments = ["merge", *inputs, *_common_args(schemas), *output_args]
    for output in outputs:
        arguments += ["-o", output]
    _run_irkg(irkg, arguments)


def merge_graphs(graphs: Sequence[bytes], *, irkg: str | None = None, schemas: str | None = None) -> bytes:
    """One partial graph (JSON-LD bytes) of several: ``irkg merge`` on this worker."""
    if len(graphs) == 1:
        return graphs[0]
    with tempfile.TemporaryDirectory(prefix="irkg-dask-") as directory:
        merged = os.path.join(directory, "merged.jsonld")
        _merge_to_files(graphs, [merged], directory, irkg, schemas, ())
        with open(merged, "rb") as f:
            return f.read()


def _write_outputs(graphs: Sequence[bytes], names: Sequence[str], *, irkg: str | None, schemas: str | None,
                   output_args: Sequence[str]) -> list[dict[str, bytes]]:
    """The last merge: writes output i as out-i/names[i] and returns, per output, every file irkg
    wrote for it (a .csv output also writes <stem>.nodes.csv) by name."""
    with tempfile.TemporaryDirectory(prefix="irkg-dask-") as directory:
        outputs = []
        for i, name in enumerate(names):
            os.mkdir(os.path.join(directory, f"out-{i}"))
            outputs.append(os.path.join(directory, f"out-{i}", name))
        _merge_to_files(graphs, outputs, directory, irkg, schemas, output_args)
        files = []
        for i in range(len(names)):
            folder = os.path.join(directory, f"out-{i}")
            written = {}
            for entry in sorted(os.listdir(folder)):
                with open(os.path.join(folder, entry), "rb") as f:
                    written[entry] = f.read()
            files.append(written)
        return files


# --- the task graph (client side) -----------------------------------------------------------------


def _as_partition(block: bytes) -> list[bytes]:
    return [block]


def read_articles(paths, npartitions: int | None = None, blocksize: int | str | None = "64MiB") -> db.Bag:
    """A bag of JSON Lines article files (local paths, globs or fsspec URLs) cut into blocks of whole
    lines, read on the workers byte for byte (no decoding, so irkg sees exactly the files' bytes).

    With `npartitions`, the blocks are sized so that there are exactly that many partitions (fewer
    when the files have fewer lines); otherwise each file is cut every `blocksize` bytes.
    Compressed files cannot be cut: read them with ``dask.bag.read_text(..., blocksize=None)``."""
    from dask.bytes import read_bytes
    import fsspec

    if npartitions is not None:
        if npartitions < 1:
            raise ValueError(f"npartitions must be at least 1, not {npartitions}")
        files = fsspec.open_files(paths)
        if not files:
            raise FileNotFoundError(f"no article file matches {paths!r}")
        total = sum(f.fs.size(f.path) for f in files)
        # Each file is cut on its own (its last block short): blocks of total/(npartitions + files)
        # bytes are more than npartitions in all, and repartition() joins neighbours down to it.
        blocksize = max(1, total // (npartitions + len(files)))
    _, blocks = read_bytes(paths, delimiter=b"\n", blocksize=blocksize, sample=False)
    flat = [block for per_file in blocks for block in per_file]
    if not flat:
        raise FileNotFoundError(f"no article file matches {paths!r}")
    bag = db.from_delayed([delayed(_as_partition, pure=True)(block) for block in flat])
    if npartitions is not None and bag.npartitions > npartitions:
        bag = bag.repartition(npartitions)
    return bag


def graph(articles: db.Bag, outputs: Sequence[str], *, irkg: str | None = None, schemas: str | None = None,
          extract_args: Sequence[str] = (), output_args: Sequence[str] = (), threads: int = 1,
          split_every: int = 8, bad_records: str = "raise") -> Delayed:
    """The lazy task graph of :func:`build`: a Delayed whose value is, per output, the files irkg
    wrote for it ({file name: bytes}). Nothing runs until it is computed."""
    if split_every < 2:
        raise ValueError(f"split_every must be at least 2, not {split_every}")
    if bad_records not in ("raise", "skip"):
        raise ValueError(f"bad_records must be 'raise' or 'skip', not {bad_records!r}")
    names = [os.path.basename(os.fspath(output)) for output in outputs]
    if not names or any(name in ("", "-", ".", "..") for name in names):
        raise ValueError(f"outputs must name files (not stdout or a directory): {list(outputs)!r}")
    options = dict(irkg=irkg, schemas=os.fspath(schemas) if schemas else None)
    # dask_key_name-free delayed calls with pure=False: every task is named by its function.
    level = [delayed(build_partition, pure=True)(part, extract_args=list(extract_args), threads=threads,
                                                 bad_records=bad_records, **options)
             for part in articles.to_delayed()]
    while len(level) > split_every:
        level = [delayed(merge_graphs, pure=True)(level[i:i + split_every], **options)
                 for i in range(0, len(level), split_every)]
    return delayed(_write_outputs, pure=True)(level, names, output_args=list(output_args), **options)


def _register_by_value() -> None:
    """Ships this module's functions with the tasks, so workers need irkg but not this file."""
    try:
        import cloudpickle
        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    except (ImportError, AttributeError, ValueError):  # cloudpickle < 2, or run as __main__
        pass


def _compute(task: Delayed, client, progress: bool):
    if client is None:
        with contextlib.suppress(ImportError, ValueError):
            from distributed import default_client
            client = default_client()
    if client is None:
        from dask.diagnostics import ProgressBar
        with ProgressBar() if progress else contextlib.nullcontext():
            return dask.compute(task)[0]
    from distributed import progress as show_progress
    future = client.compute(task)
    try:
        if progress:
            show_progress(future)  # blocks until done (in a notebook it returns a widget at once)
        return future.result()
    finally:
        future.release()


def _write_atomically(files: dict[str, bytes], directory: str) -> list[str]:
    """Writes every file under a temporary name in `directory`, then renames them all."""
    written = []
    try:
        for name, data in files.items():
            fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
            written.append((temporary, os.path.join(directory, name)))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
    except BaseException:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    for temporary, final in written:
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, final)
    return [final for _, final in written]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def build(articles: db.Bag, outputs: str | Sequence[str], *, client=None, irkg: str | None = None,
          schemas: str | None = None, extract_args: Sequence[str] = (), output_args: Sequence[str] = (),
          threads: int = 1, split_every: int = 8, bad_records: str = "raise", progress: bool = True) -> dict:
    """Builds the graph of every article in `articles` on the cluster and writes it to `outputs`
    (one path or several; the extension picks the format, as for ``irkg build -o``).

    - `client`: a ``distributed.Client`` (default: the current one, else dask's local scheduler).
    - `irkg`, `schemas`: the binary and the schemas/ directory as the workers see them.
    - `extract_args`: irkg options for reading articles (``--lexicon F``, ``--actors F``,
      ``--min-confidence X``, ``--date D``, ``--invalid-utf8 reject``...), given to every partition.
    - `output_args`: options of the final write only: the shared filters (``--category``,
      ``--since``, ``--min-mentions``... which must see the whole graph) and output flavours
      (``--gexf-version``, ``--csv-dialect``, ``--edges``).
    - `threads`: irkg's extraction threads per task (one Dask thread is one irkg thread by default).
    - `split_every`: how many partial graphs one merge reads (the fan-in of the tree).
    - `progress`: Dask's progress bar (distributed's on stdout, or dask.diagnostics' ProgressBar).

    Returns {written path: size in bytes}. Every file appears complete or not at all (temporary
    name beside it, then a rename); nothing is written when a task fails. Raises IrkgError when irkg
    fails on a worker."""
    outputs = [os.fspath(outputs)] if isinstance(outputs, (str, os.PathLike)) else [os.fspath(o) for o in outputs]
    task = graph(articles, outputs, irkg=irkg, schemas=schemas, extract_args=extract_args,
                 output_args=output_args, threads=threads, split_every=split_every, bad_records=bad_records)
    _register_by_value()
    results = _compute(task, client, progress)
    written = {}
    for output, files in zip(outputs, results):
        for path in _write_atomically(files, os.path.dirname(os.path.abspath(output))):
            written[path if os.path.isabs(output) else os.path.relpath(path)] = os.path.getsize(path)
    return written


# --- command line ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="irkg_dask.py",
        description="Build an irkg graph on a Dask cluster: irkg build per partition on the workers, "
                    "irkg merge in a tree; the same bytes as irkg build of the same articles.",
        epilog="Exit codes: 0 done, 1 irkg failed (its stderr is shown), 2 bad usage.")
    parser.add_argument("inputs", nargs="+", metavar="ARTICLES.jsonl",
                        help="JSON Lines article files (paths, globs or fsspec URLs the workers can read)")
    parser.add_argument("-o", "--output", action="append", required=True, metavar="GRAPH",
                        help="write the graph here; repeat for several formats (by extension)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running scheduler, e.g. tcp://10.0.0.1:8786")
    where.add_argument("--local-workers", type=int, metavar="N",
                       help="start a LocalCluster of N single-threaded worker processes on this machine")
    parser.add_argument("--partitions", type=int, metavar="N", help="cut the articles into N partitions")
    parser.add_argument("--blocksize", default="64MiB", help="without --partitions: bytes per partition")
    parser.add_argument("--split-every", type=int, default=8, metavar="K", help="partial graphs per merge")
    parser.add_argument("--irkg", help="the irkg binary on the workers (default: $IRKG, then PATH)")
    parser.add_argument("--schemas", metavar="DIR", help="the schemas/ directory on the workers")
    parser.add_argument("--threads", type=int, default=1, help="irkg threads per task")
    parser.add_argument("--extract-arg", action="append", default=[], metavar="ARG",
                        help="an irkg option for reading articles, e.g. --extract-arg=--min-confidence=0.6")
    parser.add_argument("--output-arg", action="append", default=[], metavar="ARG",
                        help="an option of the final write, e.g. --output-arg=--category=ASSAULT")
    parser.add_argument("--bad-records", choices=["raise", "skip"], default="raise")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("irkg_dask: %(message)s"))
    log.addHandler(handler)

    with contextlib.ExitStack() as stack:
        client = None
        if args.scheduler or args.local_workers:
            from distributed import Client, LocalCluster
            if args.local_workers:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=args.local_workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(args.scheduler))
        try:
            articles = read_articles(args.inputs, args.partitions, None if args.partitions else args.blocksize)
            with contextlib.redirect_stdout(sys.stderr):
                written = build(articles, args.output, client=client, irkg=args.irkg, schemas=args.schemas,
                                extract_args=args.extract_arg, output_args=args.output_arg,
                                threads=args.threads, split_every=args.split_every,
                                bad_records=args.bad_records, progress=not args.no_progress)
        except (IrkgError, FileNotFoundError) as error:
            print(f"irkg_dask: {error}", file=sys.stderr)
            return 1
        except ValueError as error:
            print(f"irkg_dask: {error}", file=sys.stderr)
            return 2
    for path, size in written.items():
        print(f"irkg_dask: wrote {path} ({size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
