#!/usr/bin/env python3
"""Fixed selection of a second set of real Reuters-21578 paragraphs for evaluating each
company's own sentiment (run once, before labelling). Same paragraph rule as
`models/companies/fresh/select_candidates.py` and `models/train/real_targets/` (a
capitalised name before a legal form, at most 700 characters and 4 sentences, not mostly
figures), over documents that neither of those sets draws from: not the first 100 `acq`
documents, and no document of `models/train/real_targets/candidates.jsonl`. Two-company
paragraphs make 60 % of the draw.

  select_candidates.py REUTERS_DIR N OUT_CANDIDATES OUT_TEXT(outside git)
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fresh"))
from select_candidates import company_paragraphs, draw, write_draw  # noqa: E402

SEED = 7122026
TRAINING = HERE.parents[1] / "train" / "real_targets" / "candidates.jsonl"


def main(reuters_dir, n, out, text_out):
    n = int(n)
    # The first training draw (t-0001..t-1200) existed when this set was drawn; the second
    # draw came after and leaves this set's documents out itself.
    used = {r["doc"] for r in map(json.loads, open(TRAINING)) if int(r["id"][2:]) <= 1200}
    take, _, _ = draw(company_paragraphs(reuters_dir, used), n, SEED)
    write_draw(take, out, text_out, "e")
    print(f"{len(take)} paragraphs", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:5])
