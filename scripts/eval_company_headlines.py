"""Company detection on an outside-written set of headlines (models/gazetteer/fresh/).

Each row: {"text", "companies": [{"name", "ticker", "exchange"?, "ric"?}], "category",
"year"?, "date"?}. Every text goes through `finsent tickers` as an article body (published on
its `date`, else on 1 July of its `year`, when given), and a labelled company counts as found when a detected mention
overlaps its name (or its Reuters code, `<ric>` or `(ric)`, when labelled) in the text;
"right" counts those of them whose overlapping detections include the labelled ticker
(`BRK-A` and `BRK.A` alike; with an `exchange`, `7203` and `7203.T` alike).
A detection that overlaps no labelled name, and whose symbol is neither a labelled ticker
nor that of a detection that does, is counted as unlabelled (a false positive, or
a company the writer did not list: read them). Prints recall and unlabelled detections per
category, with Wilson 95 % intervals, and the misses with --misses.

  python3 scripts/eval_company_headlines.py [FILE] [--finsent target/release/finsent] [--misses]
"""

import argparse
import json
import math
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def detections(finsent, rows):
    """Row id -> the (start, end, symbol, text) of each mention `finsent tickers` finds."""
    articles = []
    for r in rows:
        a = {"id": r["id"], "body": r["text"]}
        if r.get("date"):
            a["published_at"] = r["date"]
        elif r.get("year"):
            a["published_at"] = f"{r['year']}-07-01"
        articles.append(json.dumps(a))
    out = subprocess.run([finsent, "tickers", "-"], input="\n".join(articles) + "\n",
                         capture_output=True, text=True, check=True)
    found = {}
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        found[rec["id"]] = [(m["start"], m["end"], m["symbol"], m["text"]) for m in rec.get("tickers", [])]
    return found


def char_spans(text, name):
    """Character spans of every occurrence of `name` in `text` (finsent's offsets are
    characters in `finsent tickers`' output)."""
    spans, at = [], text.find(name)
    while at >= 0:
        spans.append((at, at + len(name)))
        at = text.find(name, at + 1)
    return spans


def same_symbol(found, labelled, exchange=None):
    """Whether two symbols name one listing, whatever separates a share class. A label
    with its home exchange apart (`7203`, `TSE`) matches finsent's symbol of that code with
    any market suffix (`7203.T`), and a Stockholm class written with a space (`ERIC B`)
    its dashed form."""
    norm = lambda s: s.upper().replace("-", ".").replace(" ", ".")
    if norm(found) == norm(labelled):
        return True
    return exchange is not None and norm(found).rsplit(".", 1)[0] == norm(labelled)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", nargs="?", type=Path, default=ROOT / "models" / "gazetteer" / "fresh" / "headlines.jsonl")
    p.add_argument("--finsent", default=str(ROOT / "target" / "release" / "finsent"))
    p.add_argument("--misses", action="store_true", help="print every missed company and unlabelled detection")
    args = p.parse_args()
    rows = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
    found = detections(args.finsent, rows)
    stats = defaultdict(lambda: [0, 0, 0, 0, 0])  # labelled, found, detections, unlabelled, right
    for r in rows:
        mentions = found.get(r["id"], [])
        labelled = [
            (c, char_spans(r["text"], c["name"])
             + char_spans(r["text"], f"<{c.get('ric')}>")
             + char_spans(r["text"], f"({c.get('ric')})"))
            for c in r["companies"]
        ]
        for group in (r["category"], "all"):
            stats[group][2] += len(mentions)
        for c, spans in labelled:
            hit = any(s < me and ms < e for s, e in spans for ms, me, _, _ in mentions)
            right = any(s < me and ms < e and same_symbol(symbol, c["ticker"], c.get("exchange"))
                        for s, e in spans for ms, me, symbol, _ in mentions)
            for group in (r["category"], "all"):
                stats[group][0] += 1
                stats[group][1] += hit
                stats[group][4] += right
            if not hit and args.misses:
                print(f"miss  {r['id']} {c['name']!r} ({c['ticker']}): {r['text']}")
            elif not right and args.misses:
                symbols = sorted({m[2] for m in mentions})
                print(f"wrong {r['id']} {c['name']!r} ({c['ticker']}) as {symbols}")
        overlapping = {symbol for ms, me, symbol, _ in mentions
                       if any(s < me and ms < e for _, spans in labelled for s, e in spans)}
        tickers = {c["ticker"] for c in r["companies"]}
        for ms, me, symbol, text in mentions:
            # A code written beside a found name (`Apple Inc <AAPL.O>`) is that company too.
            if symbol not in overlapping and symbol not in tickers and not any(
                    s < me and ms < e for _, spans in labelled for s, e in spans):
                for group in (r["category"], "all"):
                    stats[group][3] += 1
                if args.misses:
                    print(f"extra {r['id']} {text!r} -> {symbol}: {r['text']}")
    print(f"{'category':24} {'companies':>9} {'found':>6} {'recall [95 %]':>20} "
          f"{'right [95 %]':>20} {'detections':>10} {'unlabelled':>10}")
    for group in sorted(stats, key=lambda g: (g == "all", g)):
        n, k, d, u, ok = stats[group]
        share = lambda x: f"{x / n:.3f} [{wilson(x, n)[0]:.2f}, {wilson(x, n)[1]:.2f}]" if n else "-"
        print(f"{group:24} {n:9d} {k:6d} {share(k):>20} {share(ok):>20} {d:10d} {u:10d}")


if __name__ == "__main__":
    sys.exit(main())
