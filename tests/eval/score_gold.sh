#!/usr/bin/env bash
# Scores irkg's triples with the shared evaluation script and fails below the project's bar:
#   seed: the sample article (samples/blinken-china-visit.txt): F1 >= 0.85 and P >= 0.85
#   dev:  shared corpora/dev.jsonl against eval/dev-gold.json: F1 >= 0.60 and P >= 0.65
# Exit 77 (skipped) when the shared material is not beside the project.
set -euo pipefail
which=${1:?seed or dev}
shared=${IRKG_SHARED_DIR:?}
irkg=${IRKG:?}
python=${PYTHON:-python3}
score=$shared/eval/score.py
[[ -f $score ]] || { echo "skipped: $score not found"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case $which in
  seed)
    gold=$shared/eval/seed-gold.json
    "$irkg" extract --quiet --date 2024-04-20 "$IRKG_SOURCE_DIR/samples/blinken-china-visit.txt" -o "$work/triples.jsonl"
    min_f1=0.85 min_p=0.85 ;;
  dev)
    gold=$shared/eval/dev-gold.json
    corpus=$shared/corpora/dev.jsonl
    [[ -f $corpus && -f $gold ]] || { echo "skipped: $corpus not found"; exit 77; }
    "$irkg" extract --quiet "$corpus" -o "$work/triples.jsonl"
    min_f1=0.60 min_p=0.65 ;;
  *) echo "unknown gold set $which" >&2; exit 2 ;;
esac

"$python" "$score" "$gold" "$work/triples.jsonl" > "$work/score.txt"
"$python" "$score" "$gold" "$work/triples.jsonl" --events-only > "$work/events.txt"
line=$(tail -n 1 "$work/score.txt")
echo "$which: $line"
echo "$which events only: $(tail -n 1 "$work/events.txt")"
"$python" - "$line" "$min_f1" "$min_p" <<'PY'
import re, sys
line, min_f1, min_p = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
m = re.search(r"P=([0-9.]+) R=([0-9.]+) F1=([0-9.]+)", line)
if not m:
    sys.exit(f"cannot read the score line: {line}")
p, r, f1 = map(float, m.groups())
if f1 < min_f1 or p < min_p:
    sys.exit(f"below the bar: F1={f1:.3f} (min {min_f1}), P={p:.3f} (min {min_p})")
PY
