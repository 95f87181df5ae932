#!/usr/bin/env python3
"""Score how well finsent keeps the article and drops the page furniture in saved-page texts.

Two modes (see benches/PAGE_TEXT.md for what the figures mean):

pages (default): the 181 real pages of the article extraction benchmark.
  Each page is rendered to browser "Save As -> Text" text by page_text.py
  (or read from --pages-dir if already rendered), then scored with the
  benchmark's own metric (word 4-shingle precision/recall/F1, imported from
  the benchmark's evaluate.py, unchanged) for:
    (a) finsent-text: `finsent split --json` on the rendered .txt files; the
        article text is the title and the sentences joined with spaces;
    (b) all-text:     the rendered text itself (keep everything: the floor
        a furniture filter has to beat on precision);
    (c) finsent-html: `finsent split --json` on the original pages, saved
        as .html in a temporary folder (finsent's HTML loader, for comparison).
  Figures are means over pages (as evaluate.py computes them) with 95 %
  percentile-bootstrap intervals over pages (same resamples for every system).
  Title accuracy: share of pages whose finsent title equals, after
  normalisation (case, punctuation, whitespace), one of the page's reference
  headlines: its og:title, og:title without a " | Site" tail, or its first
  <h1> (see page_text.headline_candidates).  For (b) the "title" is the first
  line of the text, as a plain-text reader without a filter would take it.

cases (--cases): the hand-written saved-page texts in benches/page_text_cases/
  with cases.json saying which lines are article text and which is the
  headline.  Each input line counts as kept when at least half of its words
  are found, in order, in finsent's sentences (difflib alignment of word
  sequences; the title is not part of the sentences).  Reports precision and
  recall of article lines over all kept lines (micro over lines, with a
  per-case table) and headline-as-title accuracy.  The baseline "all-kept"
  is a plain-text reader without a filter: first line as the title, every
  other line kept.

Usage:
    python3 benches/page_text_eval.py --finsent target/release/finsent
    python3 benches/page_text_eval.py --finsent target/release/finsent --cases
    python3 benches/page_text_eval.py --baseline-only          # no binary needed
"""

import argparse
import difflib
import gzip
import importlib.util
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import page_text  # noqa: E402  (the renderer beside this script)

DEFAULT_FINSENT = HERE.parent / "target" / "release" / "finsent"
DEFAULT_CASES = HERE / "page_text_cases"
WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- finsent

def run_split(finsent: Path, target: Path) -> list:
    """Run `finsent split --json TARGET` and return its records (one per article)."""
    proc = subprocess.run([str(finsent), "split", "--json", str(target)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"finsent split failed (exit {proc.returncode}): {proc.stderr.strip()}")
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if not records:
        raise RuntimeError(f"finsent split printed no records for {target}: {proc.stderr.strip()}")
    return records


def records_by_stem(records: list) -> dict:
    """Index split records by the stem of their id (a path: <dir>/<stem>.txt)."""
    return {Path(str(r.get("id", ""))).stem: r for r in records}


def record_title(record) -> str:
    return (record or {}).get("title") or ""


def record_sentences(record) -> list:
    return [s.get("text", "") if isinstance(s, dict) else str(s)
            for s in ((record or {}).get("sentences") or [])]


def record_text(record) -> str:
    """The article text finsent sees: title and sentences joined with spaces."""
    return " ".join([record_title(record)] + record_sentences(record)).strip()


def check_finsent(path: Path) -> Path:
    if not path.is_file():
        raise FileNotFoundError(
            f"no finsent binary at {path}: build it (cargo build --release) or pass "
            "--finsent PATH; --baseline-only scores the all-text baseline without it")
    return path


# ---------------------------------------------------------------- metric

def load_benchmark_metric(data: Path):
    """Import the benchmark's own evaluate.py (its shingle matching and averaging, unchanged)."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", data / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bootstrap(metric, per_page: dict, n_boot: int, seed: int) -> dict:
    """Mean metrics per system and 95 % percentile intervals; the same resamples for every system."""
    names = list(per_page)
    n = len(per_page[names[0]])
    rng = random.Random(seed)
    draws = {name: {"f1": [], "precision": [], "recall": []} for name in names}
    for _ in range(n_boot):
        idx = [rng.randrange(n) for _ in range(n)]
        for name in names:
            m = metric.metrics_from_tp_fp_fns([per_page[name][i] for i in idx])
            for key in draws[name]:
                draws[name][key].append(m[key])
    result = {}
    for name in names:
        point = metric.metrics_from_tp_fp_fns(per_page[name])
        result[name] = {}
        for key, values in draws[name].items():
            values.sort()
            lo = values[int(0.025 * (len(values) - 1))]
            hi = values[int(round(0.975 * (len(values) - 1)))]
            result[name][key] = (point[key], lo, hi)
    return result


def normalise_title(text: str) -> str:
    """Case, punctuation and whitespace folded away."""
    return " ".join(WORD.findall(text.casefold().replace("_", " ")))


def title_matches(title: str, candidates: list) -> bool:
    norm = normalise_title(title)
    return bool(norm) and norm in {normalise_title(c) for c in candidates}


# ---------------------------------------------------------------- pages mode

def evaluate_pages(args) -> dict:
    data = page_text.require_data(args.data)
    metric = load_benchmark_metric(data)
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    use_finsent = not args.baseline_only
    if use_finsent:
        check_finsent(args.finsent)

    with tempfile.TemporaryDirectory(prefix="page_text_") as tmp:
        tmp = Path(tmp)
        text_dir = args.pages_dir
        if text_dir is None:
            text_dir = tmp / "txt"
            text_dir.mkdir()
            for page_id in ids:
                (text_dir / f"{page_id}.txt").write_text(
                    page_text.render(page_text.read_page(data, page_id)), encoding="utf-8")
        texts = {i: (text_dir / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
        predictions = {"all-text": {i: texts[i] for i in ids}}
        titles = {"all-text": {i: next((l for l in texts[i].splitlines() if l.strip()), "")
                               for i in ids}}
        missing = {}
        if use_finsent:
            html_dir = tmp / "html"
            html_dir.mkdir()
            for page_id in ids:
                with gzip.open(data / "html" / f"{page_id}.html.gz") as f:
                    (html_dir / f"{page_id}.html").write_bytes(f.read())
            for name, folder in (("finsent-text", text_dir), ("finsent-html", html_dir)):
                recs = records_by_stem(run_split(args.finsent, folder))
                missing[name] = [i for i in ids if i not in recs or "sentences" not in recs[i]]
                predictions[name] = {i: record_text(recs.get(i)) for i in ids}
                titles[name] = {i: record_title(recs.get(i)) for i in ids}

    order = [n for n in ("finsent-text", "all-text", "finsent-html") if n in predictions]
    per_page = {name: [metric.string_shingle_matching(true=truth[i].get("articleBody", ""),
                                                      pred=predictions[name][i]) for i in ids]
                for name in order}
    scores = bootstrap(metric, per_page, args.n_bootstrap, args.seed)
    refs = {i: page_text.headline_candidates(page_text.read_page(data, i)) for i in ids}
    with_ref = [i for i in ids if refs[i]]
    title_acc = {name: sum(title_matches(titles[name][i], refs[i]) for i in with_ref) / len(with_ref)
                 for name in order}

    print(f"pages: {len(ids)}; bootstrap: {args.n_bootstrap} resamples over pages, seed {args.seed}; "
          "metric: the benchmark's evaluate.py (word 4-shingles, mean over pages)")
    print(f"title reference (og:title or first <h1>) found on {len(with_ref)} of {len(ids)} pages")
    print()
    print("| system | F1 [95% CI] | precision [95% CI] | recall [95% CI] | title accuracy |")
    print("| --- | --- | --- | --- | --- |")
    for name in order:
        cells = [f"{v:.3f} [{lo:.3f}, {hi:.3f}]" for v, lo, hi in
                 (scores[name][k] for k in ("f1", "precision", "recall"))]
        print(f"| {name} | " + " | ".join(cells) + f" | {title_acc[name]:.3f} |")
    for name, ids_missing in missing.items():
        if ids_missing:
            print(f"\n{name}: {len(ids_missing)} pages had no sentences record (scored as empty): "
                  + ", ".join(i[:12] for i in ids_missing))
    if args.json_out:
        args.json_out.write_text(json.dumps({
            "pages": len(ids), "title_reference_pages": len(with_ref),
            "systems": {n: {"f1": scores[n]["f1"], "precision": scores[n]["precision"],
                            "recall": scores[n]["recall"], "title_accuracy": title_acc[n]}
                        for n in order},
            "per_page": {n: {i: {"f1_parts": per_page[n][k], "title": titles[n][i]}
                             for k, i in enumerate(ids)} for n in order},
            "title_references": refs,
        }, indent=1, ensure_ascii=False), encoding="utf-8")
    return scores


# ---------------------------------------------------------------- cases mode

def kept_lines(lines: list, sentences: list, threshold: float = 0.5) -> set:
    """1-based numbers of the input lines whose words are found, in order, in the sentences."""
    words, owner = [], []
    for number, line in enumerate(lines, 1):
        for w in WORD.findall(line.casefold()):
            words.append(w)
            owner.append(number)
    out_words = WORD.findall(" ".join(sentences).casefold())
    matched = [False] * len(words)
    matcher = difflib.SequenceMatcher(None, words, out_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.a, block.a + block.size):
            matched[k] = True
    total, hit = {}, {}
    for k, number in enumerate(owner):
        total[number] = total.get(number, 0) + 1
        hit[number] = hit.get(number, 0) + matched[k]
    return {n for n in total if hit[n] / total[n] >= threshold}


def evaluate_cases(args) -> dict:
    folder = args.cases_dir
    spec = json.loads((folder / "cases.json").read_text(encoding="utf-8"))["cases"]
    use_finsent = not args.baseline_only
    recs = records_by_stem(run_split(check_finsent(args.finsent), folder)) if use_finsent else {}
    rows = []
    sums = {"finsent": [0, 0, 0], "all-kept": [0, 0, 0]}  # kept article, kept, article
    titles_ok = {"finsent": 0, "all-kept": 0}
    for name in sorted(spec):
        case = spec[name]
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        article = set(case["article"])
        scored = article | set(case["furniture"])
        # Keep-everything baseline: the first line is the title, every other line is kept.
        systems = {"all-kept": ((scored | {case["headline"]}) - {1}, lines[0])}
        if use_finsent:
            rec = recs.get(Path(name).stem)
            systems["finsent"] = (kept_lines(lines, record_sentences(rec)), record_title(rec))
        row = {"case": name}
        for system, (kept, title) in systems.items():
            kept_scored = kept & scored
            tp = len(kept_scored & article)
            sums[system][0] += tp
            sums[system][1] += len(kept_scored)
            sums[system][2] += len(article)
            ok = normalise_title(title) == normalise_title(case["headline_text"])
            titles_ok[system] += ok
            row[system] = {"precision": tp / len(kept_scored) if kept_scored else 1.0,
                           "recall": tp / len(article), "title_ok": ok, "title": title,
                           "dropped_article": sorted(article - kept),
                           "kept_furniture": sorted(kept_scored - article)}
        rows.append(row)

    shown = [s for s in ("finsent", "all-kept") if s in rows[0]]
    print(f"cases: {len(rows)} hand-written saved-page texts in {folder}; "
          "a line is kept when >= 50% of its words are in the sentences, in order")
    print()
    print("| case | " + " | ".join(f"{s} P | {s} R | {s} title" for s in shown) + " |")
    print("| --- | " + " | ".join("--- | --- | ---" for _ in shown) + " |")
    for row in rows:
        cells = [f"{row[s]['precision']:.2f} | {row[s]['recall']:.2f} | "
                 f"{'yes' if row[s]['title_ok'] else 'no'}" for s in shown]
        print(f"| {row['case']} | " + " | ".join(cells) + " |")
    cells = []
    for s in shown:
        tp, kept, art = sums[s]
        cells.append(f"{tp / kept if kept else 1.0:.3f} | {tp / art:.3f} | {titles_ok[s]}/{len(rows)}")
    print("| all (micro over lines) | " + " | ".join(cells) + " |")
    if use_finsent:
        print()
        for row in rows:
            r = row["finsent"]
            if r["dropped_article"] or r["kept_furniture"] or not r["title_ok"]:
                print(f"{row['case']}: title {r['title']!r}; article lines dropped "
                      f"{r['dropped_article']}; furniture lines kept {r['kept_furniture']}")
    if args.json_out:
        args.json_out.write_text(json.dumps({"rows": rows, "sums": sums, "titles_ok": titles_ok},
                                            indent=1, ensure_ascii=False), encoding="utf-8")
    return {"rows": rows, "sums": sums, "titles_ok": titles_ok}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--finsent", type=Path, default=DEFAULT_FINSENT,
                        help="the finsent binary to score (default: %(default)s)")
    parser.add_argument("--data", type=Path, default=page_text.DEFAULT_DATA,
                        help="the article extraction benchmark folder (default: %(default)s)")
    parser.add_argument("--pages-dir", type=Path,
                        help="already rendered <id>.txt files (default: render them now)")
    parser.add_argument("--baseline-only", action="store_true",
                        help="score only the keep-everything baseline (no finsent binary needed)")
    parser.add_argument("--cases", action="store_true",
                        help="score the hand-written cases line by line instead of the benchmark pages")
    parser.add_argument("--cases-dir", type=Path, default=DEFAULT_CASES,
                        help="folder of the hand-written cases and cases.json (default: %(default)s)")
    parser.add_argument("--n-bootstrap", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--seed", type=int, default=0, help="seed of the bootstrap resampling")
    parser.add_argument("--json-out", type=Path, help="also write the figures (and per-page parts) here")
    args = parser.parse_args(argv)
    try:
        if args.cases:
            evaluate_cases(args)
        else:
            evaluate_pages(args)
    except (page_text.DataMissing, FileNotFoundError, RuntimeError) as err:
        print(f"page_text_eval.py: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
