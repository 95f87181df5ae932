#!/usr/bin/env python3
"""Precision of a judged sample of ticker detections, with Wilson 95 % intervals.

Usage: ticker_judged_precision.py DIR [--finsent PATH] [--data DIR]

Reads DIR/detections.tsv (as written by ticker_judged_sample.py and filled by a reader:
verdict `right` or `wrong`) and prints precision overall and by `form`, then the same
counting as wrong every `right` whose `why` starts with "doubtful" (the reader's unsure
calls), and the number of rows still unjudged; then the verdict counts of DIR/recall.tsv and,
when --finsent is given, recall: the share of `listed` entities whose symbol `finsent tickers`
reports for their text (texts read as ticker_judged_sample.py reads them, from --data).
"""

import argparse
import csv
import importlib.util
import math
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sampler():
    """ticker_judged_sample.py as a module (its text loading and detection)."""
    spec = importlib.util.spec_from_file_location("ticker_judged_sample", HERE / "ticker_judged_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wilson(k, n, z=1.96):
    """Wilson score interval of k successes in n trials."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def line(label, k, n):
    lo, hi = wilson(k, n)
    share = k / n if n else float("nan")
    return f"{label:<18} {share:.3f}  ({k} of {n}, 95 % {lo:.3f}-{hi:.3f})"


def report(rows, strict):
    right = Counter()
    total = Counter()
    for r in rows:
        ok = r["verdict"] == "right" and not (strict and r["why"].startswith("doubtful"))
        for key in ("all", r["form"]):
            total[key] += 1
            right[key] += ok
    print(line("all", right["all"], total["all"]))
    for form in sorted(k for k in total if k != "all"):
        print(line(form, right[form], total[form]))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", type=Path)
    p.add_argument("--finsent", type=Path, help="finsent binary; with it, recall is computed")
    p.add_argument("--data", type=Path, default=HERE.parent.parent / "shared/data")
    args = p.parse_args()
    with open(args.dir / "detections.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    judged = [r for r in rows if r["verdict"] in ("right", "wrong")]
    print(f"{len(judged)} of {len(rows)} detections judged")
    print("precision (doubtful calls as judged):")
    report(judged, strict=False)
    print("precision (doubtful `right`s counted as wrong):")
    report(judged, strict=True)
    recall = args.dir / "recall.tsv"
    if recall.exists():
        with open(recall, encoding="utf-8", newline="") as f:
            entities = list(csv.DictReader(f, delimiter="\t"))
        verdicts = Counter(r["verdict"] or "unjudged" for r in entities)
        print("recall.tsv verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
        if args.finsent:
            print_recall(args, [r for r in entities if r["verdict"] == "listed"])


def print_recall(args, listed):
    module = sampler()
    texts = module.load_texts(args.data)
    found = module.detect(args.finsent, {r["text_id"]: texts[r["text_id"]] for r in listed})
    hits = [r["symbol"] in {m["symbol"] for m in found[r["text_id"]]} for r in listed]
    print(line("recall", sum(hits), len(hits)))
    for r, hit in zip(listed, hits):
        if not hit:
            print(f"  missed {r['symbol']:<14} {r['entity']!r} in {r['text_id']}")


if __name__ == "__main__":
    main()
