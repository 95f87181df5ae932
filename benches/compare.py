"""Side by side, in one run: finsent vs (b) a Python program with the same ONNX model vs (c)
a BERT-base transformers pipeline, on the same archive, alternating the contestants each
round (machines are noisy: medians and ratios are reported).

Usage: compare.py ARCHIVE.jsonl [--rounds R] [--threads N] [--transformers-articles K] [--only A,B]
(c) runs on the first K articles only (it is ~30x slower), and so does finsent's accurate tier
(`--model accurate`, an encoder of BERT-base's size); rates are per second either way.
finsent runs end to end with tickers, its sentence cache off for the ratios; a second finsent
run with the cache on (its default) is reported apart.
Run through benches/compare.sh, which installs the Python contestants into a venv.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "finsent-minilm-v2"


def run(cmd, stdout_path):
    """Runs cmd; returns (wall seconds, peak RSS in MB of that child)."""
    start = time.perf_counter()
    with open(stdout_path, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def count(path):
    """(articles, sentences) in a contestant's JSONL output."""
    articles = sentences = 0
    for line in open(path):
        r = json.loads(line)
        articles += 1
        s = r["sentences"]
        sentences += s["total"] if isinstance(s, dict) else s
    return articles, sentences


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("archive", type=Path)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--transformers-articles", type=int, default=50,
                   help="articles (the archive's first) scored by the transformers pipeline and by finsent's "
                   "accurate tier")
    p.add_argument("--only", help="comma-separated contestants to run (default: all), e.g. "
                   "'finsent accurate,transformers pipeline'")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="finsent-compare-"))
    subset = tmp / "subset.jsonl"
    with open(args.archive) as src, open(subset, "w") as dst:
        for i, line in enumerate(src):
            if i == args.transformers_articles:
                break
            dst.write(line)
    finsent = ROOT / "target" / "release" / "finsent"
    contestants = {
        # The ratios use finsent with its sentence cache off; the cache-on run is reported apart.
        "finsent": [str(finsent), "score", str(args.archive), "-q", "--no-sentence-cache", "-j", str(args.threads)],
        "finsent (sentence cache)": [str(finsent), "score", str(args.archive), "-q", "-j", str(args.threads)],
        "python+onnxruntime": [sys.executable, str(ROOT / "benches" / "baseline_onnx.py"), str(args.archive),
                               str(MODEL), "--threads", str(args.threads)],
        # The accurate tier (110 M parameters, as BERT-base) on the transformers pipeline's articles.
        "finsent accurate": [str(finsent), "score", str(subset), "-q", "--no-sentence-cache", "--model", "accurate",
                             "-j", str(args.threads)],
        "transformers pipeline": [sys.executable, str(ROOT / "benches" / "baseline_transformers.py"), str(subset),
                                  str(MODEL / "tokenizer.json"), "--threads", str(args.threads)],
    }
    if args.only:
        wanted = args.only.split(",")
        unknown = [name for name in wanted if name not in contestants]
        if unknown:
            p.error(f"unknown contestants {unknown}; known: {list(contestants)}")
        contestants = {name: cmd for name, cmd in contestants.items() if name in wanted}
    results = {name: {"wall": [], "rss": []} for name in contestants}
    for r in range(args.rounds):
        names = list(contestants)
        names = names[r % len(names):] + names[: r % len(names)]
        for name in names:
            wall, rss = run(contestants[name], tmp / f"{name}.jsonl")
            results[name]["wall"].append(wall)
            results[name]["rss"].append(rss)
            print(f"round {r + 1}: {name}: {wall:.1f} s", file=sys.stderr)
    rows = {}
    for name in contestants:
        articles, sentences = count(tmp / f"{name}.jsonl")
        wall = statistics.median(results[name]["wall"])
        rows[name] = {"articles": articles, "sentences": sentences, "median_s": wall,
                      "articles_per_s": articles / wall, "sentences_per_s": sentences / wall,
                      "peak_rss_mb": max(results[name]["rss"])}
    print(f"archive {args.archive}, {args.threads} threads, {args.rounds} rounds, medians")
    print(f"{'contestant':24} {'articles':>8} {'sentences':>9} {'median s':>9} {'articles/s':>10} "
          f"{'sentences/s':>11} {'peak RSS MB':>11}")
    for name, row in rows.items():
        print(f"{name:24} {row['articles']:8d} {row['sentences']:9d} {row['median_s']:9.2f} "
              f"{row['articles_per_s']:10.2f} {row['sentences_per_s']:11.1f} {row['peak_rss_mb']:11.0f}")
    ratios = [("finsent", "python+onnxruntime"), ("finsent", "transformers pipeline"),
              ("finsent accurate", "transformers pipeline")]
    for a, b in ratios:
        if a in rows and b in rows:
            print(f"{a} / {b}: {rows[a]['articles_per_s'] / rows[b]['articles_per_s']:.2f}x articles/s")


if __name__ == "__main__":
    main()
