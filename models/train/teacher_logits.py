"""Writes a shipped-format teacher's logits (a finsent model directory: config.json,
model.onnx, tokenizer.json — e.g. the accurate tier) over the training texts, for the fast
tier's distillation (`train.py --teacher-logits FILE --kd-extra sentfin,tfns`).

  teacher_logits.py MODEL_DIR -o FILE [--limit N]

Texts: the train splits of Financial PhraseBank (news), TFNS (tweet) and SEntFiN headlines
(headline), each scored in its own domain as finsent scores it. Dev splits are never read.
Rows are {"text": the raw text, "logits": log-probabilities} (a softmax of them gives the
teacher's probabilities back; train.py divides them by --kd-temperature).
"""

import argparse
import json
import random
from pathlib import Path

import numpy as np

import common

HERE = Path(__file__).resolve().parent


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--limit", type=int, help="at most this many random texts per source (smoke tests)")
    return p.parse_args()


def main():
    args = parse_args()
    config = json.loads((args.model / "config.json").read_text())
    tokenizer = common.load_tokenizer(args.model / "tokenizer.json", config["max_length"])
    scorer = common.OnnxScorer(args.model / config["onnx"], tokenizer, threads=args.threads)
    prefixes = config.get("domain_prefix") or {}
    sources = [
        ("news", [t for t, _ in common.fpb(args.data, "train")]),
        ("tweet", [t for t, _ in common.tfns(args.data, "train")]),
        ("headline", [t for t, _ in common.sentfin_headlines(args.data, "train")]),
    ]
    rng = random.Random(0)
    seen = set()
    with open(args.output, "w", encoding="utf-8") as out:
        for domain, texts in sources:
            texts = [t for t in dict.fromkeys(texts) if t not in seen]
            if args.limit:
                texts = rng.sample(texts, min(args.limit, len(texts)))
            seen.update(texts)
            probs = scorer.probs([prefixes.get(domain, "") + t for t in texts])
            for text, row in zip(texts, np.log(np.clip(probs, 1e-12, 1.0))):
                out.write(json.dumps({"text": text, "logits": [round(float(x), 5) for x in row]}) + "\n")
            print(f"{domain}: {len(texts)} texts")


if __name__ == "__main__":
    main()
