#!/usr/bin/env python3
"""Extraction quality report on a gold set: P/R/F1, events only, per-category recall, the most
common false positives, and the precision-recall curve over --min-confidence thresholds.

usage: bench/eval_report.py [--irkg build/irkg] [--shared ../shared] [--set dev|seed]
Runs irkg extract itself; needs the shared evaluation material (eval/score.py, the gold files)."""
import argparse, collections, json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--irkg", default=os.path.join(root, "build", "irkg"))
ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
ap.add_argument("--set", default="dev", choices=["dev", "seed"])
ap.add_argument("--dictionaries", metavar="DIR",
                help="also load the CAMEO/Phoenix dictionaries in DIR (--actors, --agents, --verbs)")
args = ap.parse_args()
score = os.path.join(args.shared, "eval", "score.py")
if args.set == "dev":
    gold = os.path.join(args.shared, "eval", "dev-gold.json")
    inputs = [os.path.join(args.shared, "corpora", "dev.jsonl")]
else:
    gold = os.path.join(args.shared, "eval", "seed-gold.json")
    inputs = [os.path.join(root, "samples", "blinken-china-visit.txt"), "--date", "2024-04-20"]
if args.dictionaries:
    d = args.dictionaries
    inputs += ["--actors", f"{d}/Phoenix.Countries.actors.txt", "--actors", f"{d}/Phoenix.International.actors.txt",
               "--actors", f"{d}/Phoenix.MilNonState.actors.txt", "--agents", f"{d}/Phoenix.agents.txt",
               "--verbs", f"{d}/CAMEO.2.0.txt"]
if not os.path.exists(score):
    sys.exit(f"{score} not found: the shared evaluation material must be beside the project")

def run_score(triples, *extra):
    out = subprocess.run([sys.executable, score, gold, triples, "--json", *extra], capture_output=True, text=True,
                         check=True).stdout
    return json.JSONDecoder().raw_decode(out)[0]

with tempfile.TemporaryDirectory() as tmp:
    def extract(min_conf=0.0):
        path = os.path.join(tmp, f"t{min_conf}.jsonl")
        subprocess.run([args.irkg, "extract", "--quiet", *inputs, "--min-confidence", str(min_conf), "-o", path],
                       check=True)
        return path
    base = extract()
    full, events = run_score(base), run_score(base, "--events-only")
    print(f"all:         P={full['p']:.3f} R={full['r']:.3f} F1={full['f1']:.3f} "
          f"(tp={full['tp']} fp={full['fp']} fn={full['fn']}), modality accuracy {full['modality_accuracy']:.2f}")
    print(f"events only: P={events['p']:.3f} R={events['r']:.3f} F1={events['f1']:.3f} "
          f"(tp={events['tp']} fp={events['fp']} fn={events['fn']})")

    # Per-category recall: a gold triple's first category names it.
    goldfile = json.load(open(gold))
    totals = collections.Counter()
    for doc in goldfile if isinstance(goldfile, list) else goldfile.get("docs", goldfile.get("articles", [])):
        for t in doc.get("triples", []):
            if not t.get("optional"):
                cats = t["c"] if isinstance(t.get("c"), list) else [t.get("category", "?")]
                totals[cats[0]] += 1
    missed = collections.Counter()
    fps = collections.Counter()
    for doc in full["docs"]:
        for m in doc["missed"]:
            missed[m["c"][0]] += 1
        for fp in doc["false_positives"]:
            fps[" ".join(str(x) for x in fp) if isinstance(fp, list) else str(fp)] += 1
    print("\nrecall per category (first gold category):")
    for cat in sorted(totals, key=lambda c: -totals[c]):
        found = totals[cat] - missed[cat]
        print(f"  {cat:12s} {found:3d}/{totals[cat]:3d} = {found / totals[cat]:.2f}")
    print("\nfalse positives:")
    for text, n in fps.most_common(10):
        print(f"  {n} x {text}")
    print("\nprecision-recall by --min-confidence:")
    for threshold in (0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        s = run_score(extract(threshold))
        print(f"  >= {threshold:.2f}: P={s['p']:.3f} R={s['r']:.3f} F1={s['f1']:.3f} (tp={s['tp']} fp={s['fp']})")
