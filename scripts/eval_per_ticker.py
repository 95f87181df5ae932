"""Per-ticker sentiment of `finsent score` against labelled entities.

  eval_per_ticker.py [--finsent BIN] [--model DIR] [--data DIR] [--all] [--entities FILE]

Reads SEntFiN dev (../shared/data/sentfin/dev.jsonl: headlines with a label per entity),
keeps the headlines whose entities disagree (--all: every headline), scores each headline as
an article body with `finsent score`, finds which listing each labelled entity is with
`finsent tickers` (a ticker mention overlapping the entity's first occurrence), and compares
the direction of that ticker's `label` with the entity's label. Entities the gazetteer does not
find are counted apart, not scored. Prints accuracy with a 95 % bootstrap interval, and the
same for the sentence-level label (what v1's per-ticker scores amounted to).

`--entities FILE` reads written multi-company sentences instead (records {text, date?, entities:
[{name, label, listed}]}, published on `date` when given, e.g. models/train/fresh/companies.jsonl; listed entities only), and
counts the listed companies `tickers` does not find as "not found". `--model` scores with
another model directory.

Also takes the hand-written multi-company table `tests/fixtures/per_ticker_cases.jsonl`
(records {text, expected: {symbol: label}}) with --cases FILE.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def direction(label):
    """"mildly positive" -> positive; "neutral" -> neutral."""
    return label.split()[-1] if label else None


def run(finsent, command, path, extra=()):
    quiet = ["-q"] if command == "score" else []
    out = subprocess.run([finsent, command, str(path), *quiet, *extra], capture_output=True, text=True, cwd=ROOT)
    if out.returncode not in (0, 1):
        sys.exit(f"finsent {command} failed: {out.stderr}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def interval(hits, rounds=1000, seed=0):
    rng = random.Random(seed)
    n = len(hits)
    means = sorted(sum(rng.choice(hits) for _ in range(n)) / n for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


def report(name, hits):
    if not hits:
        print(f"{name}: nothing scored")
        return
    low, high = interval(hits)
    print(f"{name}: {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.3f} [{low:.3f}, {high:.3f}] (95 % bootstrap)")


def model_flag(args):
    return ["--model", str(args.model)] if args.model else []


def sentfin(args):
    if args.entities:
        rows = [json.loads(l) for l in open(args.entities, encoding="utf-8")]
        rows = [{"text": r["text"], "date": r.get("date"),
                 "entities": {e["name"]: e["label"] for e in r["entities"] if e.get("listed", True)}}
                for r in rows]
        title = f"{args.entities}, listed companies"
    else:
        rows = [json.loads(l) for l in open(args.data / "sentfin" / "dev.jsonl", encoding="utf-8")]
        if not args.all:
            rows = [r for r in rows if len(set(r["entities"].values())) > 1]
        title = f"SEntFiN dev, {'all headlines' if args.all else 'headlines whose entities disagree'}"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "headlines.jsonl"
        path.write_text("".join(json.dumps({"id": str(i), "body": r["text"], **({"published_at": r["date"]} if r.get("date") else {})})
                                + "\n" for i, r in enumerate(rows)))
        scored = {r["id"]: r for r in run(args.finsent, "score", path, ["--sentences", *model_flag(args)])}
        found = {r["id"]: r["tickers"] for r in run(args.finsent, "tickers", path)}
    hits, sentence_hits, missed = [], [], 0
    for i, row in enumerate(rows):
        record = scored.get(str(i))
        if record is None or "tickers" not in record:
            continue
        by_symbol = {t["symbol"]: t for t in record["tickers"]}
        sentence_label = direction(record["label"])
        for entity, gold in row["entities"].items():
            start = row["text"].lower().find(entity.lower())
            end = start + len(entity)
            chars = [(m["start"], m["end"], m["symbol"]) for m in found.get(str(i), [])]
            # `tickers` gives character offsets; find() gives them too on str.
            symbols = {s for a, b, s in chars if start >= 0 and a < end and b > start}
            if len(symbols) != 1 or next(iter(symbols)) not in by_symbol:
                missed += 1
                continue
            ticker = by_symbol[symbols.pop()]
            hits.append(direction(ticker["label"]) == gold)
            sentence_hits.append(sentence_label == gold)
    print(f"{title}: {len(rows)} texts, {len(hits)} entities found by the gazetteer, {missed} not found")
    report("  per-ticker label", hits)
    report("  headline label given to every ticker", sentence_hits)


def cases(args):
    rows = [json.loads(l) for l in open(args.cases, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.jsonl"
        path.write_text("".join(json.dumps({"id": str(i), "body": r["text"]}) + "\n" for i, r in enumerate(rows)))
        scored = {r["id"]: r for r in run(args.finsent, "score", path, model_flag(args))}
    hits, wrong = [], []
    for i, row in enumerate(rows):
        by_symbol = {t["symbol"]: direction(t["label"]) for t in scored[str(i)].get("tickers", [])}
        for symbol, gold in row["expected"].items():
            ok = by_symbol.get(symbol) == gold
            hits.append(ok)
            if not ok:
                wrong.append(f"  {symbol}: expected {gold}, got {by_symbol.get(symbol)}: {row['text']}")
    report(f"{args.cases}", hits)
    print("\n".join(wrong))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--finsent", default=str(ROOT / "target" / "release" / "finsent"))
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--all", action="store_true", help="every SEntFiN dev headline, not only those whose entities disagree")
    p.add_argument("--cases", type=Path, help="a per-ticker case table instead of SEntFiN")
    p.add_argument("--entities", type=Path, help="written sentences with labelled entities instead of SEntFiN")
    p.add_argument("--model", type=Path, help="a model directory to score with instead of the default")
    args = p.parse_args()
    if args.cases:
        cases(args)
    else:
        sentfin(args)


if __name__ == "__main__":
    main()
