#!/usr/bin/env python3
"""Scores finsent's HTML loader on the article extraction benchmark, with the
benchmark's own scorer.

The benchmark (181 saved news and blog pages, `html/<id>.html.gz`, their hand-annotated
article text in `ground-truth.json`, and `evaluate.py`) is read from
`../shared/data/article_extraction_benchmark` unless `--bench` names another copy; it is
never copied into the project. The pages are unpacked into a temporary directory, read by
`finsent split --json` (one process, one thread), and the body sentences of each page,
one per line, are its predicted article text (the title is finsent's title, not body
text, and the annotations leave it out). A page finsent reports as an error record
(`empty_text`) predicts an empty text. `evaluate.py` then runs on a copy of the
benchmark's files in the temporary directory and prints F1, precision, recall and
accuracy with bootstrap spreads.

Usage: benches/html_extraction.py [--bench DIR] [--finsent BINARY] [--keep DIR]
(build first: `cargo build --release`).
"""

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--bench",
        type=Path,
        default=ROOT.parent / "shared/data/article_extraction_benchmark",
    )
    parser.add_argument("--finsent", type=Path, default=ROOT / "target/release/finsent")
    parser.add_argument(
        "--keep", type=Path, help="write the predictions (finsent.json) here as well"
    )
    args = parser.parse_args()
    if not (args.bench / "ground-truth.json").exists():
        sys.exit(f"no benchmark at {args.bench} (ground-truth.json missing)")
    if not args.finsent.exists():
        sys.exit(f"no finsent binary at {args.finsent}: run cargo build --release")
    truth = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf8"))

    with tempfile.TemporaryDirectory(prefix="finsent-html-") as tmp:
        tmp = Path(tmp)
        pages = tmp / "pages"
        pages.mkdir()
        size = 0
        for page_id in truth:
            html = gzip.decompress((args.bench / "html" / f"{page_id}.html.gz").read_bytes())
            size += len(html)
            (pages / f"{page_id}.html").write_bytes(html)

        start = time.perf_counter()
        run = subprocess.run(
            [str(args.finsent), "split", "--json", str(pages)],
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        if run.returncode not in (0, 1):
            sys.exit(f"finsent failed ({run.returncode}):\n{run.stderr}")

        predicted = {page_id: {"articleBody": ""} for page_id in truth}
        for line in run.stdout.splitlines():
            record = json.loads(line)
            page_id = Path(record["id"]).stem
            text = "\n".join(s["text"] for s in record["sentences"])
            predicted[page_id] = {"articleBody": text}
        failed = [l for l in run.stderr.splitlines() if ".html: " in l]

        evaluation = tmp / "evaluation"
        (evaluation / "output").mkdir(parents=True)
        for name in ("evaluate.py", "ground-truth.json"):
            shutil.copy(args.bench / name, evaluation / name)
        predictions = json.dumps(predicted, ensure_ascii=False)
        (evaluation / "output" / "finsent.json").write_text(predictions, encoding="utf8")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / "finsent.json").write_text(predictions, encoding="utf8")
        scored = subprocess.run(
            [sys.executable, "evaluate.py"], cwd=evaluation, capture_output=True, text=True
        )
        if scored.returncode != 0:
            sys.exit(f"evaluate.py failed:\n{scored.stderr}")

    print(scored.stdout, end="")
    print(
        f"{len(truth)} pages ({size / len(truth) / 1024:.0f} KB on average), "
        f"{len(failed)} error records; finsent split took {seconds:.2f} s "
        f"({len(truth) / seconds:.0f} pages/s, one process, loading and splitting)"
    )
    for line in failed:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
