#!/usr/bin/env python3
"""Fixed selection of Reuters-21578 paragraphs for per-company training labels (run once,
before labelling). Documents are every one with a body *except* the first 100 `acq`
documents in NEWID order, which `models/companies/fresh/` evaluates on. A paragraph counts
when it matches the evaluation set's company rule (a capitalised name before a legal form,
`SUFFIX_RE`), is at most 700 characters and 4 sentences, and is not mostly figures.
Paragraphs naming two or more companies make 60 % of a draw (where a company's own
sentiment can differ from the paragraph's), one-company ones the rest.

  select_paragraphs.py REUTERS_DIR N OUT_CANDIDATES OUT_TEXT(outside git)

A second draw (`--more`) appends N paragraphs to OUT_CANDIDATES, leaving out those already
in it and every document of the second evaluation set (`models/companies/fresh2/`, drawn
after the first training draw).
"""
import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "companies" / "fresh"))
from select_candidates import company_paragraphs  # noqa: E402

SEED = 20261207


EVALUATION = HERE.parents[1] / "companies" / "fresh2" / "candidates.jsonl"


def main(reuters_dir, n, out, text_out, more=False):
    n = int(n)
    taken = [json.loads(line) for line in open(out)] if more else []
    skip_docs = {json.loads(line)["doc"] for line in open(EVALUATION)} if more else set()
    skip = {(r["doc"], r["start"]) for r in taken}
    multi, single = [], []
    for newid, start, end, t, names in company_paragraphs(reuters_dir, skip_docs):
        if (newid, start) in skip:
            continue
        row = dict(source="reuters21578", doc=newid, start=start, end=end, text=t)
        (multi if len(names) >= 2 else single).append(row)
    rng = random.Random(SEED + len(taken))
    rng.shuffle(multi)
    rng.shuffle(single)
    take = multi[: int(n * 0.6)]
    take += single[: n - len(take)]
    rng.shuffle(take)
    with open(out, "a" if more else "w") as f, open(text_out, "w") as g:
        for k, r in enumerate(take, start=len(taken)):
            sha = hashlib.sha1(r["text"].encode("utf-8")).hexdigest()
            c = dict(id="t-%04d" % (k + 1), source=r["source"], doc=r["doc"], start=r["start"], end=r["end"], sha1=sha)
            f.write(json.dumps(c) + "\n")
            g.write(json.dumps(dict(c, text=r["text"]), ensure_ascii=False) + "\n")
    print(f"{len(take)} paragraphs ({len(multi)} multi-company, {len(single)} single available)", file=sys.stderr)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--more"]
    main(*args[:4], more="--more" in sys.argv)
