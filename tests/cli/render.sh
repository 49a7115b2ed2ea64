#!/usr/bin/env bash
# DOT export and irkg render: the sample built as .dot is valid Graphviz input; render draws SVG, PNG
# and PDF with the sample's actors in them; a failed render (no Graphviz, a failing engine, a bad
# option, a graph too large) exits with the documented code and leaves an existing picture intact and
# no temporary file. The parts that need Graphviz are skipped (exit 77) only when dot is absent.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

# no_leftovers WHAT: no temporary file of a render (or a build) is left in $work.
no_leftovers() {
  for leftover in "$work"/*.tmp-*; do [[ -e $leftover ]] && fail "$1 left $leftover"; done
  return 0
}

# intact FILE WHAT: FILE still holds the "previous picture" it was given.
intact() {
  [[ $(cat "$1") == "previous picture" ]] || fail "$2 changed or removed $1"
}

expect 0 "$IRKG" render --help
for text in "Exit codes" "0  done" "1  bad data" "2  bad usage" "Graphviz is not installed" --engine --format \
  --force --output sfdp neato "irkg render graph.jsonld -o graph.svg" "package graphviz" "irkg build -o graph.dot" \
  --around; do
  contains stdout "$text" "render --help"
done

expect 0 "$IRKG" build --date "$SAMPLE_DATE" --quiet "$SAMPLE" -o "$work/graph.dot" -o "$work/graph.jsonld" \
  -o "$work/graph.gv"
cmp -s "$work/graph.dot" "$work/graph.gv" || fail "build -o graph.gv differs from graph.dot"
head -1 "$work/graph.dot" | grep -x 'digraph irkg {' >/dev/null || fail "graph.dot does not start a digraph: $(head -1 "$work/graph.dot")"
grep -q '^  "person:antony-blinken" \[label="Antony Blinken", fillcolor="#ff7f0e", ' "$work/graph.dot" ||
  fail "graph.dot has no Blinken node with his label and colour"
grep -q '^  "person:antony-blinken" -> "person:wang-yi" \[label="[a-z-]*", .*dir=none' "$work/graph.dot" ||
  fail "graph.dot has no symmetric Blinken-Wang Yi edge with dir=none"
expect 0 "$IRKG" build --date "$SAMPLE_DATE" --quiet "$SAMPLE" -o - --format dot
cmp -s "$work/graph.dot" "$work/stdout" || fail "build --format dot to stdout differs from -o graph.dot"
entities=$(grep -c '^  "[^"]*" \[' "$work/graph.dot")
relations=$(grep -c '^  "[^"]*" -> ' "$work/graph.dot")
((entities > 5 && relations > 5)) || fail "graph.dot has $entities nodes and $relations edges"

# Bad usage is found before anything is read or written: exit 2, the picture left as it was.
echo "previous picture" >"$work/keep.svg"
expect 2 "$IRKG" render "$work/graph.jsonld" -o "$work/keep.svg" --engine bogus
contains stderr 'unknown layout engine "bogus"; valid engines: sfdp, neato, dot, fdp, circo, twopi'
intact "$work/keep.svg" "render --engine bogus"
expect 2 "$IRKG" render "$work/graph.jsonld" -o "$work/keep.svg" --format gif
contains stderr 'unknown picture format "gif"; valid formats: svg, png, pdf'
intact "$work/keep.svg" "render --format gif"
expect 2 "$IRKG" render "$work/graph.jsonld" -o "$work/picture.jpg"
contains stderr '"'"$work/picture.jpg"'"'
contains stderr ".svg, .png or .pdf"
expect 2 "$IRKG" render "$work/graph.jsonld" -o "$work/picture.dot"
contains stderr "irkg build -o graph.dot writes the DOT file"
expect 2 "$IRKG" render "$work/graph.jsonld" -o -
contains stderr "not standard output"
expect 2 "$IRKG" render "$work/graph.graphml" -o "$work/keep.svg"
contains stderr ".jsonld"
expect 2 "$IRKG" render "$work/graph.jsonld"
contains stderr "--output"
[[ ! -e $work/picture.jpg && ! -e $work/picture.dot ]] || fail "render wrote a picture after a usage error"
no_leftovers "render with bad usage"

# No Graphviz on PATH: exit 1, a message that says so, names the package and the DOT way out.
expect 1 env PATH=/nonexistent "$IRKG" render "$work/graph.jsonld" -o "$work/keep.svg"
contains stderr 'irkg: error: Graphviz is not installed: no "neato" program on PATH'
contains stderr "apt-get install graphviz"
contains stderr "irkg build ... -o graph.dot"
intact "$work/keep.svg" "render without Graphviz"
expect 1 env PATH=/nonexistent "$IRKG" render "$work/graph.jsonld" -o "$work/new.png" --engine sfdp
contains stderr 'no "sfdp" program on PATH'
[[ ! -e $work/new.png ]] || fail "render without Graphviz created new.png"
no_leftovers "render without Graphviz"

# An engine that writes half a picture and fails: its message and exit status are shown, nothing of
# its output is kept. One that exits 0 without a picture fails too.
mkdir "$work/failing" "$work/silent" "$work/succeeding"
cat >"$work/failing/neato" <<'SH'
#!/bin/sh
while [ $# -gt 0 ]; do
  if [ "$1" = -o ]; then printf '<svg>partial' >"$2"; fi
  shift
done
echo "Error: fake layout failure" >&2
exit 3
SH
printf '#!/bin/sh\necho "Warning: nothing to draw" >&2\n' >"$work/silent/neato"
cat >"$work/succeeding/sfdp" <<'SH'
#!/bin/sh
while [ $# -gt 0 ]; do
  if [ "$1" = -o ]; then printf '<svg xmlns="http://www.w3.org/2000/svg"/>\n' >"$2"; fi
  shift
done
SH
chmod +x "$work/failing/neato" "$work/silent/neato" "$work/succeeding/sfdp"
expect 1 env PATH="$work/failing" "$IRKG" render "$work/graph.jsonld" -o "$work/keep.svg"
contains stderr "keep.svg not written (an existing file is left as it was): Graphviz's neato failed (exit status 3):"
contains stderr "  Error: fake layout failure"
intact "$work/keep.svg" "a failing engine"
expect 1 env PATH="$work/failing" "$IRKG" render "$work/graph.jsonld" -o "$work/new.svg"
[[ ! -e $work/new.svg ]] || fail "a failing engine left new.svg: $(cat "$work/new.svg")"
expect 1 env PATH="$work/silent" "$IRKG" render "$work/graph.jsonld" -o "$work/keep.svg"
contains stderr "Graphviz's neato wrote nothing:"
contains stderr "  Warning: nothing to draw"
intact "$work/keep.svg" "an engine that wrote nothing"
no_leftovers "a failing engine"

# More than 5000 entities: refused (exit 2) with the ways out, unless --force or a filter cuts it down;
# sfdp is the default engine at that size.
if [[ -n ${PYTHON:-} ]]; then
  "$PYTHON" - "$work/graph.jsonld" "$work/big.jsonld" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["@graph"] += [{"id": f"ent:other/x{i}", "type": "Thing", "irkgId": f"other:x{i}", "label": f"X {i}",
                   "entityType": "other"} for i in range(5000)]
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"))
PY
  expect 2 env PATH="$work/succeeding" "$IRKG" render "$work/big.jsonld" -o "$work/keep.svg"
  contains stderr "big.jsonld has $((entities + 5000)) entities, more than render draws without --force (5000)"
  contains stderr "--around ACTOR --depth 1"
  contains stderr "irkg subgraph GRAPH --around ACTOR -o part.jsonld"
  contains stderr "add --force"
  intact "$work/keep.svg" "render of a graph too large"
  expect 0 env PATH="$work/succeeding" "$IRKG" render "$work/big.jsonld" -o "$work/big.svg" --force
  contains stderr "irkg render: $((entities + 5000)) entities, $relations relations -> $work/big.svg (sfdp, svg, "
  grep -q '<svg' "$work/big.svg" || fail "render --force did not keep the engine's picture"
  # A filter brings it under the limit: the (failing) engine runs instead of the refusal.
  expect 1 env PATH="$work/failing" "$IRKG" render "$work/big.jsonld" -o "$work/around.svg" --around Blinken
  contains stderr "fake layout failure"
fi

if ! command -v dot >/dev/null 2>&1; then
  echo "Graphviz (dot) is not installed: the drawing checks are skipped" >&2
  ((failures > 0)) && finish
  exit 77
fi

# Graphviz reads the DOT file, in canonical form and as a drawing.
run dot -Tcanon "$work/graph.dot"
[[ $code == 0 && ! -s $work/stderr ]] || fail "dot -Tcanon rejects graph.dot: $(cat "$work/stderr")"
contains stdout "Antony Blinken" "dot -Tcanon graph.dot"
run dot -Tsvg "$work/graph.dot"
[[ $code == 0 && ! -s $work/stderr ]] || fail "dot -Tsvg rejects graph.dot: $(cat "$work/stderr")"

# SVG: valid XML holding the actors' labels; replaces an existing picture; the summary line.
expect 0 "$IRKG" render "$work/graph.jsonld" -o "$work/keep.svg"
grep -Eq "^irkg render: $entities entities, $relations relations -> $work/keep.svg \(neato, svg, [0-9.]+ s\)$" \
  "$work/stderr" ||
  fail "render summary line: $(cat "$work/stderr")"
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$work/keep.svg" || fail "render wrote an SVG that is not well-formed XML"
fi
grep -q '<svg' "$work/keep.svg" || fail "keep.svg is not an SVG"
for label in "Antony Blinken" "Wang Yi" "China"; do
  grep -q ">$label</text>" "$work/keep.svg" || fail "the SVG lacks the label $label"
done
grep -q '<title>person:antony&#45;blinken&#45;&gt;person:wang&#45;yi</title>' "$work/keep.svg" ||
  fail "the SVG lacks the Blinken-Wang Yi edge"
grep -q '<a xlink:title="person:antony&#45;blinken&#10;type: person&#10;country: USA">' "$work/keep.svg" ||
  fail "the SVG lacks Blinken's tooltip"
no_leftovers "render to SVG"

# The same picture from the article itself, and with every engine.
expect 0 "$IRKG" render "$SAMPLE" --date "$SAMPLE_DATE" --quiet -o "$work/from-article.svg"
[[ ! -s $work/stderr ]] || fail "render --quiet wrote to stderr: $(cat "$work/stderr")"
cmp -s "$work/keep.svg" "$work/from-article.svg" || fail "render of the .jsonld and of the article differ"
for engine in sfdp neato dot fdp circo twopi; do
  expect 0 "$IRKG" render "$work/graph.jsonld" -o "$work/$engine.svg" --engine "$engine" --quiet
  grep -q '>Wang Yi</text>' "$work/$engine.svg" || fail "--engine $engine drew no Wang Yi"
done

# PNG and PDF by extension, and --format when the name does not say.
expect 0 "$IRKG" render "$work/graph.jsonld" -o "$work/graph.png" --quiet
[[ $(head -c 8 "$work/graph.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
  fail "graph.png does not start with the PNG signature"
expect 0 "$IRKG" render "$work/graph.jsonld" -o "$work/GRAPH.PDF" --quiet
[[ $(head -c 5 "$work/GRAPH.PDF") == "%PDF-" ]] || fail "GRAPH.PDF is not a PDF"
expect 0 "$IRKG" render "$work/graph.jsonld" -o "$work/picture.out" --format svg --quiet
grep -q '<svg' "$work/picture.out" || fail "--format svg did not write an SVG"

# The filters cut what is drawn.
expect 0 "$IRKG" render "$work/graph.jsonld" -o "$work/around.svg" --around "Wang Yi" --depth 1
grep -q '>Wang Yi</text>' "$work/around.svg" || fail "render --around Wang Yi lacks Wang Yi"
grep -q '>Taiwan</text>' "$work/around.svg" && fail "render --around Wang Yi --depth 1 drew Taiwan"
contains stderr "kept by the filters"
no_leftovers "render"

finish
