#!/usr/bin/env python3
"""Draws the real-text judged set of the ticker finder (tests/tickers_real.rs).

Usage: ticker_judged_sample.py [--finsent PATH] [--data DIR] [--out DIR] [--seed N]

Reads public datasets from ../shared/data (Twitter Financial News train/dev, SEntFiN
train/dev, FiQA 2018 task 1 train, Financial PhraseBank train), runs `finsent tickers`
over every text, and writes, seeded (--seed, 14 by default: the set tests/tickers_real.rs
reads), into --out (tests/fixtures/tickers_real/ by default):

- detections.tsv: every detection of a random sample of texts that have at least one, texts
  drawn until at least 400 detections are in, then more texts with a name-in-context
  detection until at least 60 of those are in (so that their precision has an interval);
  columns `text_id start end found symbol form verdict why`, verdict and why to be filled by
  a person who reads the text (`right`: the listed company the text names; `wrong`: not a
  company, or another company).
- recall.tsv: a random sample of the entities that SEntFiN dev and FiQA train name (150
  each), columns `text_id entity verdict symbol why`, to be filled (`listed` with the
  company's symbol as finsent reports it, or `excluded`: not a company, a fund, an index, a
  private or delisted firm).
- texts.jsonl: `{"id","text"}` of every text the two files need from the MIT-licensed
  sources (SEntFiN, Twitter Financial News). FiQA and PhraseBank texts are not copied: the
  test reads them from ../shared/data when it is there.

Text ids are `SOURCE:SPLIT:LINE` (line numbers from 1). Rerunning keeps the texts already
drawn and the verdicts of rows already judged (same text id, span and symbol), and leaves
new rows blank: after a change to the matcher, judge those and rerun the test.
"""

import argparse
import csv
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ("tfns", "twitter_financial_news_sentiment", ["train", "dev"]),
    ("sentfin", "sentfin", ["train", "dev"]),
    ("fiqa", "fiqa_2018_task1", ["train"]),
    ("fpb", "financial_phrasebank", ["train"]),
]
MIT = {"tfns", "sentfin"}
MIN_DETECTIONS = 400
MIN_IN_CONTEXT = 60
RECALL_PER_SOURCE = 150


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--finsent", type=Path, default=ROOT / "target/release/finsent")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    p.add_argument("--out", type=Path, default=ROOT / "tests/fixtures/tickers_real")
    p.add_argument("--seed", type=int, default=14,
                   help="seed of a new draw (14 is the set tests/tickers_real.rs reads; another seed with "
                        "another --out draws a fresh sample to judge)")
    return p.parse_args()


def load_texts(data):
    """id -> record of every text of every source."""
    texts = {}
    for source, folder, splits in SOURCES:
        for split in splits:
            with open(data / folder / f"{split}.jsonl", encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    texts[f"{source}:{split}:{n}"] = json.loads(line)
    return texts


def detect(finsent, texts):
    """id -> detections of `finsent tickers` (each text is an article body)."""
    lines = "".join(json.dumps({"id": i, "body": r["text"]}) + "\n" for i, r in texts.items())
    out = subprocess.run([str(finsent), "tickers", "-"], input=lines, capture_output=True, text=True, check=True)
    found = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        found[record["id"]] = record["tickers"]
    return found


def read_tsv(path):
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_tsv(path, fields, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def sample_detections(found, old, seed):
    """The texts of an earlier draw, when there is one (the judged sample stays the same
    texts as the matcher changes: their new detections come out blank), else a new draw."""
    judged = {(r["text_id"], r["start"], r["end"], r["symbol"]): r for r in old}
    if old:
        chosen = list(dict.fromkeys(r["text_id"] for r in old))
        return detection_rows(chosen, found, judged)
    rng = random.Random(seed)
    with_any = sorted(i for i, d in found.items() if d)
    rng.shuffle(with_any)
    chosen, n = [], 0
    for i in with_any:
        if n >= MIN_DETECTIONS:
            break
        chosen.append(i)
        n += len(found[i])
    in_context = sum(m["form"] == "name_in_context" for i in chosen for m in found[i])
    for i in with_any[len(chosen):]:
        if in_context >= MIN_IN_CONTEXT:
            break
        k = sum(m["form"] == "name_in_context" for m in found[i])
        if k:
            chosen.append(i)
            in_context += k
    return detection_rows(chosen, found, judged)


def detection_rows(chosen, found, judged):
    rows = []
    for i in chosen:
        for m in found[i]:
            key = (i, str(m["start"]), str(m["end"]), m["symbol"])
            prior = judged.get(key, {})
            rows.append({"text_id": i, "start": m["start"], "end": m["end"], "found": m["text"],
                         "symbol": m["symbol"], "form": m["form"], "verdict": prior.get("verdict", ""),
                         "why": prior.get("why", "")})
    return rows


def sample_recall(texts, old, seed):
    rng = random.Random(seed)
    judged = {(r["text_id"], r["entity"]): r for r in old}
    rows = []
    for prefix, field in (("sentfin:dev:", "entities"), ("fiqa:train:", "targets")):
        pairs = sorted((i, e) for i, r in texts.items() if i.startswith(prefix) for e in r[field])
        for i, e in rng.sample(pairs, RECALL_PER_SOURCE):
            prior = judged.get((i, e), {})
            rows.append({"text_id": i, "entity": e, "verdict": prior.get("verdict", ""),
                         "symbol": prior.get("symbol", ""), "why": prior.get("why", "")})
    return rows


def main():
    args = parse_args()
    texts = load_texts(args.data)
    found = detect(args.finsent, texts)
    args.out.mkdir(parents=True, exist_ok=True)
    detections = sample_detections(found, read_tsv(args.out / "detections.tsv"), args.seed)
    recall = sample_recall(texts, read_tsv(args.out / "recall.tsv"), args.seed)
    write_tsv(args.out / "detections.tsv", ["text_id", "start", "end", "found", "symbol", "form", "verdict", "why"],
              detections)
    write_tsv(args.out / "recall.tsv", ["text_id", "entity", "verdict", "symbol", "why"], recall)
    needed = sorted({r["text_id"] for r in detections} | {r["text_id"] for r in recall})
    with open(args.out / "texts.jsonl", "w", encoding="utf-8") as f:
        for i in needed:
            if i.split(":")[0] in MIT:
                f.write(json.dumps({"id": i, "text": texts[i]["text"]}, ensure_ascii=False) + "\n")
    blank = sum(not r["verdict"] for r in detections) + sum(not r["verdict"] for r in recall)
    print(f"{len(detections)} detections in {len({r['text_id'] for r in detections})} texts, "
          f"{len(recall)} entities; {blank} rows to judge", file=sys.stderr)


if __name__ == "__main__":
    main()
