"""Stories, measured: accuracy on planted near-duplicates, memory from 100,000 to 1,000,000
articles, and what finding stories costs `finsent score`, side by side in one run.

  python3 benches/stories.py [--finsent target/release/finsent] [--articles 100000,1000000]
                             [--score-articles 1000] [--rounds 3] [--keep DIR]

1. Accuracy: benches/gen_stories.py (written by a helper who had not seen the detector)
   writes an archive with planted updates, reposts, trimmed, reordered and exact copies and
   planted non-duplicates (template notices, one company's next-quarter report, shared
   boilerplate, another writer's story of the same event); `finsent stories` reads it and
   benches/score_stories.py scores the result against the labels.
2. Memory: `finsent stories` over each size of archive (same seed), peak RSS and wall time.
   Each archive spans --days-per-100k days per 100,000 articles, so that they differ in
   length, not in density (a denser archive holds more articles in one window).
3. Cost: `finsent score` on a benches/gen_archive.py archive with stories (the default) and
   with --no-stories, alternating each round; medians and their ratio.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd, stdout_path):
    """Runs cmd; returns (wall seconds, peak RSS in MB of that child)."""
    start = time.perf_counter()
    with open(stdout_path, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed: {proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--finsent", default=str(ROOT / "target" / "release" / "finsent"))
    parser.add_argument("--articles", default="100000,1000000")
    parser.add_argument("--score-articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--days-per-100k", type=float, default=24.0)
    parser.add_argument("--keep", type=Path, help="keep the archives and outputs here")
    args = parser.parse_args()
    sizes = [int(n) for n in args.articles.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for i, n in enumerate(sizes):
            archive, labels = work / f"stories-{n}.jsonl", work / f"stories-{n}.labels.jsonl"
            if not archive.exists():
                days = max(1, round(args.days_per_100k * n / 100_000))
                gen = [sys.executable, ROOT / "benches" / "gen_stories.py", str(n),
                       "--seed", str(args.seed), "--days", str(days), "-o", archive, "-q"]
                if i == 0:
                    gen += ["--labels", labels]
                subprocess.run(gen, check=True)
            out = work / f"stories-{n}.out.jsonl"
            wall, rss = run([args.finsent, "stories", archive], out)
            print(f"finsent stories, {n:,} articles: {wall:.1f} s "
                  f"({n / wall:,.0f} articles/s), peak RSS {rss:.0f} MB", flush=True)
            if i == 0:
                subprocess.run([sys.executable, ROOT / "benches" / "score_stories.py",
                                labels, out], check=True)

        archive = work / f"archive-{args.score_articles}.jsonl"
        subprocess.run([sys.executable, ROOT / "benches" / "gen_archive.py",
                        str(args.score_articles), "-o", archive], check=True)
        times = {"stories": [], "no stories": []}
        for _ in range(args.rounds):
            for name, extra in [("stories", []), ("no stories", ["--no-stories"])]:
                wall, _ = run([args.finsent, "score", "-q", *extra, archive],
                              work / "score.out.jsonl")
                times[name].append(wall)
        with_s, without = (statistics.median(times[k]) for k in ("stories", "no stories"))
        print(f"finsent score, {args.score_articles:,} articles, {args.rounds} rounds "
              f"alternating: median {with_s:.2f} s with stories, {without:.2f} s without: "
              f"ratio {with_s / without:.3f} (rounds: {times})")


if __name__ == "__main__":
    main()
