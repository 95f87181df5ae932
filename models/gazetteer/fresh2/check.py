"""Consistency check for the fresh2 evaluation set (run: python3 check.py).

Checks every record of dev.jsonl and test.jsonl: unique ids, known category,
year 2006-2013, every `name` and `ric` an exact substring of `text` (the name's
first occurrence starting and ending on a word boundary), a plausible ticker
shape, no company listed twice in one record, no_company records empty, a
`ric` only in reuters_codes records and at least one in each of them, no text
in both splits. Prints counts per category and split; exits 1 on any error.
"""
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED = {
    "ordinary_word_subject": 60, "wire_prefix": 40, "short_form": 40,
    "exchange_company": 30, "sponsor_fund": 20, "former_listing": 40,
    "multi_company": 40, "foreign": 20, "case": 20, "no_company": 20,
    "reuters_codes": 80,
}
TICKER = re.compile(r"^[A-Z0-9&]+([.-][A-Z0-9]+)?(\.[A-Z]{1,2})?$")
errors = []
texts = {}
ids = set()
for split in ("dev", "test"):
    counts = collections.Counter()
    for n, line in enumerate(open(HERE / f"{split}.jsonl", encoding="utf-8"), 1):
        r = json.loads(line)
        where = f"{split}:{n}:{r.get('id')}"
        if set(r) != {"id", "text", "companies", "category", "year"}:
            errors.append(f"{where}: keys {sorted(r)}")
        if r["id"] in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(r["id"])
        cat, text = r["category"], r["text"]
        counts[cat] += 1
        if cat not in EXPECTED:
            errors.append(f"{where}: unknown category {cat}")
        if not 2006 <= r["year"] <= 2013:
            errors.append(f"{where}: year {r['year']}")
        if text in texts:
            errors.append(f"{where}: text also in {texts[text]}")
        texts[text] = where
        if cat == "no_company" and r["companies"]:
            errors.append(f"{where}: no_company with companies")
        seen = set()
        for c in r["companies"]:
            name, ticker = c["name"], c["ticker"]
            if set(c) - {"name", "ticker", "ric"}:
                errors.append(f"{where}: company keys {sorted(c)}")
            i = text.find(name)
            if i < 0:
                errors.append(f"{where}: name {name!r} not in text")
            else:
                before = text[i - 1] if i else " "
                after = text[i + len(name)] if i + len(name) < len(text) else " "
                if before.isalnum() or after.isalnum():
                    errors.append(f"{where}: name {name!r} first found inside a word")
            if not TICKER.match(ticker):
                errors.append(f"{where}: odd ticker {ticker!r}")
            if ticker in seen:
                errors.append(f"{where}: ticker {ticker} listed twice")
            seen.add(ticker)
            if "ric" in c:
                if cat != "reuters_codes":
                    errors.append(f"{where}: ric outside reuters_codes")
                if c["ric"] not in text:
                    errors.append(f"{where}: ric {c['ric']!r} not in text")
                elif text.find(c["ric"], max(i, 0)) < 0:
                    errors.append(f"{where}: ric {c['ric']!r} not after its name")
        if cat == "reuters_codes" and not any("ric" in c for c in r["companies"]):
            errors.append(f"{where}: reuters_codes without a ric")
    total = sum(counts.values())
    print(f"{split}: {total} records")
    for cat, want in EXPECTED.items():
        flag = "" if counts[cat] == want else f"  (expected {want})"
        print(f"  {cat:24s}{counts[cat]:4d}{flag}")
        if counts[cat] != want:
            errors.append(f"{split}: {cat} has {counts[cat]}, expected {want}")
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
