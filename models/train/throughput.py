"""Throughput of two exported models on the same sentences, side by side in one run.

  throughput.py MODEL_DIR_A MODEL_DIR_B [--rounds 5] [--threads 2]

Scores every dev sentence of ../shared/data (as `evaluate.py --dev-sets` does: domain tag,
length-sorted batches of 32, tokenizing included) with each model in turn, alternating for
`--rounds` rounds, and prints each model's median sentences/s and the ratio B / A.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

import common

HERE = Path(__file__).resolve().parent


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("models", nargs=2, type=Path)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    args = p.parse_args()
    sets = common.dev_sets(args.data)
    scorers, texts = [], []
    for model in args.models:
        config = json.loads((model / "config.json").read_text())
        tokenizer = common.load_tokenizer(model / "tokenizer.json", config["max_length"])
        scorers.append(common.OnnxScorer(model / config["onnx"], tokenizer, threads=args.threads))
        prefixes = config.get("domain_prefix") or {}
        texts.append([prefixes.get(d, "") + t for name, (d, rows) in sets.items() if name != "fpb_all_agree" for t, _ in rows])
    rates = [[], []]
    for _ in range(args.rounds):
        for i, scorer in enumerate(scorers):
            start = time.perf_counter()
            scorer.probs(texts[i])
            rates[i].append(len(texts[i]) / (time.perf_counter() - start))
    a, b = (statistics.median(r) for r in rates)
    for model, r in zip(args.models, rates):
        print(f"{model}: median {statistics.median(r):.0f} sentences/s over {args.rounds} rounds "
              f"(min {min(r):.0f}, max {max(r):.0f}), {len(texts[0])} sentences, {args.threads} threads")
    print(f"ratio B / A: {b / a:.3f}")


if __name__ == "__main__":
    main()
