#!/usr/bin/env bash
# samples/notebook.ipynb executed headless, as a reader would run it: the irkg under test writes the sample
# article's exports (GraphML, JSON-LD, CSV, JSON Lines) into a temp dir, and Debian's `jupyter nbconvert --execute`
# runs every cell on them with IRKG_OUT pointing there. A failing cell (the notebook asserts that the exports
# agree) fails the test.
# Environment (set by irkg_add_script_test): IRKG, IRKG_SOURCE_DIR, PYTHON (Debian's /usr/bin/python3).
# Exit codes: 0 passed, 1 failed, 77 skipped (jupyter nbconvert, the python3 kernel or a package the notebook
# imports is not installed). A missing or failing irkg binary is a failure, never a skip.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IRKG_SOURCE_DIR=${IRKG_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
IRKG=${IRKG:-$IRKG_SOURCE_DIR/build/irkg}
PYTHON=${PYTHON:-/usr/bin/python3}
export IRKG_SCHEMAS=$IRKG_SOURCE_DIR/schemas
notebook=$IRKG_SOURCE_DIR/samples/notebook.ipynb
sample=$IRKG_SOURCE_DIR/samples/blinken-china-visit.txt
date=2024-04-20

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
skip() {
  echo "SKIP: $*" >&2
  exit 77
}

[[ -f $notebook ]] || fail "$notebook is missing"
[[ -x $IRKG ]] || fail "the irkg binary $IRKG does not exist or is not executable"

# Debian's jupyter, beside Debian's python3 (not a pyenv one first on PATH).
[[ -x $PYTHON ]] || skip "no python3 at $PYTHON"
jupyter=$(dirname "$PYTHON")/jupyter
[[ -x $jupyter ]] || skip "no jupyter beside $PYTHON (apt-get install jupyter-nbconvert)"
if ! missing=$("$PYTHON" - 2>&1 <<'EOF'
import importlib, sys
missing = []
for module in ("nbconvert", "nbclient", "ipykernel", "matplotlib", "pandas", "networkx", "rdflib", "scipy"):
    try:
        importlib.import_module(module)
    except ImportError:
        missing.append(module)
if not missing:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        missing.append("the python3 kernel spec")
print(", ".join(missing))
sys.exit(1 if missing else 0)
EOF
); then
  skip "not installed for $PYTHON: $missing (scripts/install-deps --with-tests installs them)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/irkg-notebook.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=$work/out
mkdir -p "$out"

# run_irkg ARGS...: runs the irkg under test; fails the check, with its output, when it exits non-zero.
run_irkg() {
  local code=0
  "$IRKG" "$@" >"$work/irkg.log" 2>&1 || code=$?
  ((code == 0)) || { cat "$work/irkg.log" >&2; fail "irkg $* exited with $code"; }
}
run_irkg build "$sample" --date "$date" -o "$out/graph.graphml" -o "$out/graph.jsonld" -o "$out/graph.csv" --quiet
run_irkg extract "$sample" --date "$date" -o "$out/triples.jsonl" --quiet
for file in graph.graphml graph.jsonld graph.csv graph.nodes.csv triples.jsonl; do
  [[ -s $out/$file ]] || fail "irkg did not write $file"
done

start=$SECONDS
if ! IRKG_OUT=$out IRKG_FIGURES=$work/figures JUPYTER_RUNTIME_DIR=$work/runtime PYDEVD_DISABLE_FILE_VALIDATION=1 \
  "$jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 --output-dir "$work/executed" \
  "$notebook" >"$work/nbconvert.log" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "$work/nbconvert.log" |
    grep -v -e 'Debugger warning' -e 'frozen modules' -e 'Debugging will proceed' | tail -40 >&2
  fail "jupyter nbconvert --execute $notebook failed (above: the failing cell)"
fi

# Every code cell ran without an error, the CSV cross-check ran, both figures were saved, and the committed
# notebook carries no outputs.
"$PYTHON" - "$work/executed/notebook.ipynb" "$notebook" "$work/figures" <<'EOF' || fail "checks of the executed notebook"
import json, os, sys
executed_path, committed_path, figures = sys.argv[1:]
with open(executed_path, encoding="utf-8") as f:
    executed = json.load(f)
problems = []
text = []
for cell in executed["cells"]:
    if cell["cell_type"] != "code":
        continue
    if cell.get("execution_count") is None:
        problems.append(f"cell {cell.get('id')} did not run")
    for output in cell.get("outputs", []):
        if output["output_type"] == "error":
            problems.append(f"cell {cell.get('id')}: {output['ename']}: {output['evalue']}")
        if output["output_type"] == "stream":
            text.append("".join(output["text"]))
text = "".join(text)
if "as in the GraphML and JSON-LD" not in text:
    problems.append("the CSV cross-check did not run")
for name in ("network.png", "timeline.png"):
    path = os.path.join(figures, name)
    if not (os.path.isfile(path) and os.path.getsize(path) > 0):
        problems.append(f"IRKG_FIGURES has no {name}")
with open(committed_path, encoding="utf-8") as f:
    committed = json.load(f)
for cell in committed["cells"]:
    if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
        problems.append(f"the committed notebook has outputs in cell {cell.get('id')}: clear them")
for problem in problems:
    print(f"FAIL: {problem}", file=sys.stderr)
summary = [line for line in text.splitlines() if line[:3] in ("1. ", "2. ", "3. ")]
print("\n".join(summary))
sys.exit(1 if problems else 0)
EOF
echo "notebook executed in $((SECONDS - start)) s: every cell passed"
