#!/usr/bin/env python3
"""Precision of a judged sample of ticker detections, with Wilson 95 % intervals.

Usage: ticker_judged_precision.py DIR

Reads DIR/detections.tsv (as written by ticker_judged_sample.py and filled by a reader:
verdict `right` or `wrong`) and prints precision overall and by `form`, then the same
counting as wrong every `right` whose `why` starts with "doubtful" (the reader's unsure
calls), and the number of rows still unjudged; then the verdict counts of DIR/recall.tsv.
"""

import argparse
import csv
import math
from collections import Counter
from pathlib import Path


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
            verdicts = Counter(r["verdict"] or "unjudged" for r in csv.DictReader(f, delimiter="\t"))
        print("recall.tsv verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))


if __name__ == "__main__":
    main()
