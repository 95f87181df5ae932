"""Each company's own label in real news paragraphs, through `finsent score`.

  eval_company_paragraphs.py --reuters DIR [--set DIR] [--model DIR] [--finsent BIN] [--aeb DIR] [--show]

The sets: models/companies/fresh/ (the default: 282 real paragraphs, 2019 news pages and
1987 Reuters wire) and models/companies/fresh2/ (`--set`: 300 more Reuters wire paragraphs
from documents no other set or training draw uses), each listed company labelled
positive/negative/neutral with its role, by an annotator who read neither finsent's rules
nor its code (README in each). The text is rebuilt from the sources (`--reuters`: a local
copy of Reuters-21578's reut2-0xx.sgm files; the news pages from ../shared/data).
`--model` scores with another model directory (`score --model`, `classify --model`).

Each paragraph is scored as an article body. A labelled company counts as found when a
`finsent tickers` mention overlaps the first occurrence of its name as labelled; its label is
then the direction of that ticker's `label` in the `score` record. Prints, with 95 %
bootstrap intervals:
  - found: labelled companies finsent finds;
  - `finsent classify` with the company as target over every labelled company, found or
    not: the model alone on the larger sample;
  - own label right, for found companies, beside the paragraph's label given to every
    company (what per-company scoring must beat) and `finsent classify` with the company
    as target (the model asked directly: the reference of the issue);
  - the same by role (subject/counterparty; analyst, broker, adviser, source, passing);
  - the agreement of a second annotator on a sample (labels_b.jsonl: 70 paragraphs of
    fresh, 60 of fresh2), as raw agreement and Cohen's kappa over companies both labelled.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_per_ticker import direction, report, run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "models" / "companies" / "fresh"
ROLES = {"analyst", "broker", "rating_agency", "adviser", "regulator", "data_provider", "index_compiler", "passing"}


def paragraphs(args):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "paras.jsonl"
        command = [sys.executable, str(SET / "build_paragraphs.py"), "--reuters", str(args.reuters), "--out", str(out),
                   "--candidates", str(args.set / "candidates.jsonl")]
        if args.aeb:
            command += ["--aeb", str(args.aeb)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return {r["id"]: r["text"] for r in map(json.loads, out.read_text().splitlines())}


def first(text, name):
    at = text.find(name)
    if at < 0:
        at = text.lower().find(name.lower())
    return (at, at + len(name)) if at >= 0 else None


def items(args, texts):
    labels = [json.loads(line) for line in (args.set / "labels.jsonl").read_text().splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paras.jsonl"
        path.write_text("".join(json.dumps({"id": i, "body": t}) + "\n" for i, t in texts.items()))
        scored = {r["id"]: r for r in run(args.finsent, "score", path, model_flag(args))}
        found = {r["id"]: r["tickers"] for r in run(args.finsent, "tickers", path)}
    out = []
    for row in labels:
        text = texts.get(row["id"])
        if text is None:
            continue
        record = scored[row["id"]]
        by_symbol = {t["symbol"]: t for t in record.get("tickers", [])}
        for company in row["companies"]:
            span = first(text, company["name"])
            symbols = {m["symbol"] for m in found.get(row["id"], []) if span and m["start"] < span[1] and m["end"] > span[0]}
            symbol = next(iter(symbols)) if len(symbols) == 1 and next(iter(symbols)) in by_symbol else None
            out.append({
                "id": row["id"], "text": text, "name": company["name"], "gold": company["label"],
                "role": company["role"], "companies": len(row["companies"]),
                "own": direction(by_symbol[symbol]["label"]) if symbol else None,
                "article": direction(record.get("label")), "symbol": symbol,
            })
    return out


def with_target(args, found):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "targets.jsonl"
        path.write_text("".join(json.dumps({"text": it["text"], "target": it["name"]}) + "\n" for it in found))
        for it, row in zip(found, run(args.finsent, "classify", path, model_flag(args))):
            it["target"] = direction(row.get("label"))


def model_flag(args):
    return ["--model", str(args.model)] if args.model else []


def agreement(folder):
    if not (folder / "labels_b.jsonl").exists():
        return
    a = {r["id"]: r for r in map(json.loads, (folder / "labels.jsonl").read_text().splitlines())}
    b = {r["id"]: r for r in map(json.loads, (folder / "labels_b.jsonl").read_text().splitlines())}
    pairs = []
    for pid, row in b.items():
        theirs = {c["name"].lower(): c["label"] for c in a.get(pid, {}).get("companies", [])}
        for c in row["companies"]:
            if c["name"].lower() in theirs:
                pairs.append((theirs[c["name"].lower()], c["label"]))
    if not pairs:
        return
    agree = sum(x == y for x, y in pairs) / len(pairs)
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    chance = sum(ca[k] * cb[k] for k in ca) / len(pairs) ** 2
    kappa = (agree - chance) / (1 - chance)
    print(f"second annotator, {len(b)} paragraphs, {len(pairs)} companies both labelled: "
          f"agreement {agree:.3f}, Cohen's kappa {kappa:.3f}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--finsent", default=str(ROOT / "target" / "release" / "finsent"))
    p.add_argument("--reuters", type=Path, required=True, help="a directory with Reuters-21578's reut2-0xx.sgm")
    p.add_argument("--aeb", type=Path, help="the article-extraction benchmark (default: ../shared/data/...)")
    p.add_argument("--set", type=Path, default=SET, help="the set's folder (default: models/companies/fresh)")
    p.add_argument("--model", type=Path, help="a model directory to score with instead of the default")
    p.add_argument("--show", action="store_true", help="print the companies whose own label is wrong")
    args = p.parse_args()
    all_items = items(args, paragraphs(args))
    found = [it for it in all_items if it["symbol"]]
    with_target(args, all_items)
    print(f"{len(all_items)} labelled companies in {len({it['id'] for it in all_items})} paragraphs")
    report("found", [bool(it["symbol"]) for it in all_items])
    # The model alone, toward every labelled company, found or not (a larger sample).
    report("classify with the company as target, every labelled company", [it["target"] == it["gold"] for it in all_items])
    groups = [
        ("all found", found),
        ("in paragraphs naming 2+ companies", [it for it in found if it["companies"] > 1]),
        ("subject or counterparty", [it for it in found if it["role"] not in ROLES]),
        ("roles and passing mentions", [it for it in found if it["role"] in ROLES]),
    ]
    for name, group in groups:
        print(name, len(group))
        report("  own label right", [it["own"] == it["gold"] for it in group])
        report("  paragraph's label for every company", [it["article"] == it["gold"] for it in group])
        report("  classify with the company as target", [it["target"] == it["gold"] for it in group])
    agreement(args.set)
    if args.show:
        for it in found:
            if it["own"] != it["gold"]:
                print(f"{it['id']} {it['name']} ({it['role']}): gold {it['gold']}, own {it['own']}")


if __name__ == "__main__":
    main()
