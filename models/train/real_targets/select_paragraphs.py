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
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "companies" / "fresh"))
from select_candidates import company_paragraphs, draw, write_draw  # noqa: E402

SEED = 20261207


EVALUATION = HERE.parents[1] / "companies" / "fresh2" / "candidates.jsonl"


def main(reuters_dir, n, out, text_out, more=False):
    n = int(n)
    taken = [json.loads(line) for line in open(out)] if more else []
    skip_docs = {json.loads(line)["doc"] for line in open(EVALUATION)} if more else set()
    skip = {(r["doc"], r["start"]) for r in taken}
    paragraphs = (p for p in company_paragraphs(reuters_dir, skip_docs) if (p[0], p[1]) not in skip)
    take, multi, single = draw(paragraphs, n, SEED + len(taken))
    write_draw(take, out, text_out, "t", first=len(taken), append=more)
    print(f"{len(take)} paragraphs ({multi} multi-company, {single} single available)", file=sys.stderr)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--more"]
    main(*args[:4], more="--more" in sys.argv)
