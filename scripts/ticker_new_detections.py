#!/usr/bin/env python3
"""Draws the judged sample of the ticker finder's new detections on real text
(tests/tickers_real.rs, `new_detections_are_precise`).

Usage: ticker_new_detections.py --baseline FINSENT [--finsent PATH] [--data DIR] [--out FILE]

Runs `finsent tickers` of the baseline (a build of the commit before the rule changes) and of
this tree over every text of the public datasets that ticker_judged_sample.py reads, keeps
the detections that only this tree makes (same text, span and symbol), and draws 320 of them:
the first by the SHA-256 of their key, so that a change to the rules keeps the rows it still
makes and brings in only the new ones it makes. Writes them, one JSON object per line, to
tests/fixtures/tickers_real/new_detections.jsonl:
{"text_id","text" (MIT-licensed sources only),"start","end","found","symbol","form","verdict","why"}
with offsets in characters. `verdict` (`right`: the listed company the text names; `wrong`:
not a company, or another one) and `why` are filled by a reader; rerunning keeps the
verdicts of rows drawn again.
"""

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from ticker_judged_sample import MIT, ROOT, load_texts

SALT = "finsent-new-detections-v1:"
SAMPLE = 320


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--baseline", type=Path, required=True)
    p.add_argument("--finsent", type=Path, default=ROOT / "target/release/finsent")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    p.add_argument("--out", type=Path, default=ROOT / "tests/fixtures/tickers_real/new_detections.jsonl")
    return p.parse_args()


def detect(finsent, texts):
    """id -> detections of `finsent tickers`; lines split on `\\n` only (a text may hold
    U+2028, which `str.splitlines` would split on)."""
    lines = "".join(json.dumps({"id": i, "body": r["text"]}) + "\n" for i, r in texts.items())
    out = subprocess.run([str(finsent), "tickers", "-"], input=lines, capture_output=True, text=True, check=True)
    found = {}
    for line in filter(None, out.stdout.split("\n")):
        record = json.loads(line)
        found[record["id"]] = record["tickers"]
    return found


def key(text_id, m):
    return (text_id, m["start"], m["end"], m["symbol"])


def main():
    args = parse_args()
    texts = load_texts(args.data)
    before = {key(i, m) for i, ms in detect(args.baseline, texts).items() for m in ms}
    after = detect(args.finsent, texts)
    new = sorted((key(i, m), m) for i, ms in after.items() for m in ms if key(i, m) not in before)
    old = {}
    if args.out.exists():
        for line in filter(None, args.out.read_text(encoding="utf-8").split("\n")):
            r = json.loads(line)
            old[(r["text_id"], r["start"], r["end"], r["symbol"])] = r
    # The first SAMPLE by a salted hash of their key: a change to the rules keeps the rows
    # it still makes, and only the new ones it makes need reading.
    drawn = sorted(new, key=lambda km: hashlib.sha256((SALT + json.dumps(km[0])).encode()).hexdigest())[:SAMPLE]
    with open(args.out, "w", encoding="utf-8") as f:
        for k, m in sorted(drawn):
            prior = old.get(k, {})
            row = {"text_id": k[0]}
            if k[0].split(":")[0] in MIT:
                row["text"] = texts[k[0]]["text"]
            row.update({"start": m["start"], "end": m["end"], "found": m["text"], "symbol": m["symbol"],
                        "form": m["form"], "verdict": prior.get("verdict", ""), "why": prior.get("why", "")})
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(new)} new detections, {len(drawn)} drawn", file=sys.stderr)


if __name__ == "__main__":
    main()
