"""Which reading is right when a company's target pass disagrees with its sentence's score?

For every (text, company, gold label) of the sets below, scores the text once as a sentence
and once toward the company (its mentions marked, as `finsent classify --target` and the
per-company passes of `finsent score` do), and counts, where the two labels differ, how
often each is right, split by texts that name one company and texts that name two or more.

  target_rule.py [--model DIR] [--data ../shared/data]

Sets: SEntFiN dev entities (real headlines, every labelled entity; headline domain),
`fresh/companies.jsonl` and `fresh/error_kinds.jsonl` (written outside the project; news
domain). Probabilities are raw (a temperature never changes a label). The interval after
"target right" is Wilson's 95 % interval of the share of disagreements the target pass wins.
"""

import argparse
import json
import math
from collections import defaultdict
from pathlib import Path

import common
from common import LABEL_ID, LABELS

HERE = Path(__file__).resolve().parent


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


def rows_of(data):
    """(set name, text, target, gold label, companies named in the text)."""
    out = []
    by_text = defaultdict(list)
    for text, entity, label, _ in common.sentfin_entities(data, "dev"):
        by_text[text].append((entity, label))
    for text, entities in by_text.items():
        out += [("sentfin dev entities", text, e, l, len(entities)) for e, l in entities]
    for r in common.read_jsonl(HERE / "fresh" / "companies.jsonl"):
        out += [("fresh companies", r["text"], e["name"], e["label"], len(r["entities"])) for e in r["entities"]]
    per_text = defaultdict(set)
    rows = list(common.read_jsonl(HERE / "fresh" / "error_kinds.jsonl"))
    for r in rows:
        per_text[r["text"]].add(r["target"])
    out += [("fresh error kinds", r["text"], r["target"], r["label"], len(per_text[r["text"]])) for r in rows]
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", type=Path, default=HERE.parent / "finsent-minilm-v2")
    p.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    config = json.loads((args.model / "config.json").read_text())
    domain = {"sentfin dev entities": "headline", "fresh companies": "news", "fresh error kinds": "news"}
    prefix = {name: config["domain_prefix"].get(d, "") for name, d in domain.items()}
    tokenizer = common.load_tokenizer(args.model / "tokenizer.json", config["max_length"])
    scorer = common.OnnxScorer(args.model / config["onnx"], tokenizer, threads=args.threads)
    rows = rows_of(args.data)
    sentence = scorer.probs([prefix[name] + text for name, text, _, _, _ in rows]).argmax(1)
    targeted = scorer.probs([prefix[name] + common.mark_target(text, e) for name, text, e, _, _ in rows]).argmax(1)
    print(f"model {config['name']} {config['version']} (SEntFiN in the headline domain, the fresh sets as news)")
    print(f"{'set':22} {'companies':>9} {'n':>5} {'sentence':>8} {'target':>7} {'differ':>6} "
          f"{'target right':>12} {'sentence right':>14} {'neither':>7}")
    groups = defaultdict(list)
    for i, (name, _, _, _, named) in enumerate(rows):
        groups[(name, "one" if named == 1 else "2+")].append(i)
        groups[("all", "one" if named == 1 else "2+")].append(i)
    for (name, named), idx in sorted(groups.items()):
        gold = [LABEL_ID[rows[i][3]] for i in idx]
        s_right = sum(sentence[i] == g for i, g in zip(idx, gold))
        t_right = sum(targeted[i] == g for i, g in zip(idx, gold))
        differ = [(i, g) for i, g in zip(idx, gold) if sentence[i] != targeted[i]]
        d_t = sum(targeted[i] == g for i, g in differ)
        d_s = sum(sentence[i] == g for i, g in differ)
        low, high = wilson(d_t, len(differ))
        print(f"{name:22} {named:>9} {len(idx):5d} {s_right / len(idx):8.3f} {t_right / len(idx):7.3f} "
              f"{len(differ):6d} {d_t:5d} [{low:.2f}, {high:.2f}] {d_s:8d} {len(differ) - d_t - d_s:10d}")
    print("labels:", LABELS)


if __name__ == "__main__":
    main()
