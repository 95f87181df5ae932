"""Scores labelled texts through an exported finsent model (ONNX) and reports accuracy,
macro-F1 (each with a 95 % bootstrap interval over the texts) and the confusion matrix.

  evaluate.py FILE.jsonl [...]          any JSONL of {"text", "label"} (labels negative/neutral/positive)
  evaluate.py --dev-sets                every dev split in ../shared/data, each in its own domain, the
                                        hand-written challenge sets (challenge/, per category too), plus
                                        batch invariance and throughput (the model card's figures)
  FILE rows may carry a "target" (scored toward it, as `finsent classify` does) and a
  "category" (accuracy per category is printed too); a row with "entities" ([{"name", "label"}])
  is scored toward each of them.
  --fit-temperature                      fits one temperature per domain on the dev splits
  Probabilities are calibrated with config.json's "temperature" per domain (--raw: not); each
  report gives the expected calibration error (10 bins) and the errors made at >= 0.95.

The model is scored as finsent scores it: its own tokenizer.json and config.json, the
domain tag prepended, length-sorted batches with a real attention mask.
"""

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

import common
from common import LABEL_ID, LABELS

HERE = Path(__file__).resolve().parent


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", type=Path)
    p.add_argument("--model", type=Path, default=HERE.parent / "finsent-minilm-v2", help="model directory")
    p.add_argument("--onnx", type=Path, help="score this ONNX file instead of the directory's (e.g. the fp32 build)")
    p.add_argument("--domain", help="domain tag for FILE inputs [default: the model's default]")
    p.add_argument("--dev-sets", action="store_true", help="evaluate every dev split in --data")
    p.add_argument("--data", type=Path, default=HERE.parents[2] / "shared" / "data")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--checks-sample", type=int, metavar="N",
                   help="with --dev-sets: check batch invariance and throughput on N random dev texts "
                   "(default: all of them; the accurate tier scores ~30 sentences/s here)")
    p.add_argument("--raw", action="store_true", help="ignore the temperatures in config.json (uncalibrated)")
    p.add_argument("--cross-fit-temperature", action="store_true",
                   help="two folds per domain: fit on one random half of the dev splits, report the ECE "
                   "before and after on the other half")
    p.add_argument("--fit-temperature", action="store_true",
                   help="fit one temperature per domain on the dev splits (news: FPB; tweet: TFNS; headline: "
                   "SEntFiN headlines and entities) and print them as config.json's \"temperature\"")
    return p.parse_args()


def print_metrics(name, m):
    acc_low, acc_high = m["accuracy_ci95"]
    f1_low, f1_high = m["macro_f1_ci95"]
    print(f"{name}: n={m['n']} accuracy={m['accuracy']:.4f} [{acc_low:.3f}, {acc_high:.3f}] "
          f"macro-F1={m['macro_f1']:.4f} [{f1_low:.3f}, {f1_high:.3f}] (95 % bootstrap intervals)")
    if "calibration" in m:
        print("  calibration: " + ", ".join(f"{k} {v}" for k, v in m["calibration"].items()))
    print("  confusion (rows gold, columns predicted): " + " ".join(f"{l[:3]:>5}" for l in LABELS))
    for label, row in zip(LABELS, m["confusion"]):
        print(f"  {label:>8} " + " ".join(f"{v:5d}" for v in row))


def text_of(row):
    """The model input of a row: its text, marked toward its target when it has one."""
    return common.mark_target(row["text"], row["target"]) if row.get("target") else row["text"]


def per_entity(rows):
    """Rows with an "entities" list (fresh/companies.jsonl) as one row per entity, scored
    toward it; other rows as they are."""
    out = []
    for r in rows:
        if "entities" not in r:
            out.append(r)
            continue
        for e in r["entities"]:
            out.append({"text": r["text"], "target": e["name"], "label": e["label"], "category": r.get("category", "")})
    return out


def by_category(scorer, rows, prefix):
    """Accuracy (with its 95 % interval) per category of labelled rows."""
    pred = scorer.probs([prefix + text_of(r) for r in rows]).argmax(1)
    out = {}
    for category in sorted({r.get("category", "") for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.get("category", "") == category]
        m = common.metrics([LABEL_ID[rows[i]["label"]] for i in idx], pred[idx])
        out[category] = {"n": m["n"], "accuracy": m["accuracy"], "accuracy_ci95": m["accuracy_ci95"]}
    return out


def print_categories(name, categories):
    print(f"{name}:")
    for category, m in categories.items():
        low, high = m["accuracy_ci95"]
        print(f"  {category:<22} n={m['n']:4d} accuracy={m['accuracy']:.3f} [{low:.3f}, {high:.3f}]")


def main():
    args = parse_args()
    config = json.loads((args.model / "config.json").read_text())
    tokenizer = common.load_tokenizer(args.model / "tokenizer.json", config["max_length"])
    onnx_path = args.onnx or args.model / config["onnx"]
    scorer = common.OnnxScorer(onnx_path, tokenizer, threads=args.threads)
    prefixes = config.get("domain_prefix") or {}
    tags = bool(prefixes)
    temperatures = {} if args.raw else config.get("temperature", {})
    report = {"model": str(onnx_path), "temperature": temperatures}
    if args.cross_fit_temperature:
        for domain, folds in common.cross_fit_temperatures(scorer, common.dev_sets(args.data), tags).items():
            print(domain, " ".join(f"T {t}: ECE {raw} -> {calibrated};" for t, raw, calibrated in folds))
        return
    if args.fit_temperature:
        print(json.dumps(common.fit_temperatures(scorer, common.dev_sets(args.data), tags)))
        return

    if args.dev_sets:
        sets = common.dev_sets(args.data, challenge=True)
        report["dev"] = common.evaluate_sets(scorer, sets, tags=tags, temperatures=temperatures)
        for name in ("direction", "targets"):
            path = HERE / "challenge" / f"{name}.jsonl"
            if path.exists():
                report[f"challenge_{name}_by_category"] = by_category(scorer, common.read_jsonl(path), prefixes.get("news", ""))
        texts = [(prefixes.get(d, "") if tags else "") + t for name, (d, rows) in sets.items() if name != "fpb_all_agree" for t, _ in rows]
        if args.checks_sample:
            texts = random.Random(0).sample(texts, min(args.checks_sample, len(texts)))
        report["batch_invariance"] = scorer.batch_invariance(texts)
        report["sentences_per_second"] = scorer.throughput(texts)
    for path in args.files:
        rows = per_entity(common.read_jsonl(path))
        domain = args.domain or config.get("default_domain")
        prefix = prefixes.get(domain, "") if domain else ""
        probs = common.with_temperature(scorer.probs([prefix + text_of(r) for r in rows]), temperatures.get(domain, 1.0))
        gold = [LABEL_ID[r["label"]] for r in rows]
        report[str(path)] = {**common.metrics(gold, probs.argmax(1)), "calibration": common.calibration(gold, probs)}
        if any("category" in r for r in rows):
            report[f"{path} by category"] = by_category(scorer, rows, prefix)

    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return
    for name, m in report.get("dev", {}).items():
        print_metrics(f"{name} ({m['domain']})", m)
    for key, value in report.items():
        if key.endswith("by_category"):
            print_categories(key, value)
    for path in args.files:
        print_metrics(str(path), report[str(path)])
        if f"{path} by category" in report:
            print_categories(f"{path} by category", report[f"{path} by category"])
    if "batch_invariance" in report:
        b = report["batch_invariance"]
        print(f"batch invariance: {b['n']} texts alone vs in sorted batches of 32: "
              f"max |Δprob| {b['max_abs_delta_prob']:.2e}, label flips {b['label_flips']}")
        print(f"throughput: {report['sentences_per_second']:.0f} sentences/s "
              f"({args.threads} threads, sorted batches of 32, tokenizing included)")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
