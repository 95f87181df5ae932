#!/usr/bin/env python3
"""Checks for headlines5: each line parses, fields present, every company name is a
substring of its text, ids unique, dev = odd ids, test = even ids, dev+test == all."""
import json, os, re, sys, datetime
from collections import Counter

D = os.path.dirname(os.path.abspath(__file__))
CATS = {"ticker_as_name", "wire_abbreviation", "period_abbrev", "short_form", "not_a_company", "mixed"}
errs = []

def load(name):
    rows = []
    with open(os.path.join(D, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                errs.append(f"{name}:{i}: blank line"); continue
            try:
                rows.append(json.loads(line))
            except Exception as e:
                errs.append(f"{name}:{i}: bad JSON: {e}")
    return rows

allr, dev, test = load("all.jsonl"), load("dev.jsonl"), load("test.jsonl")
ids = [r.get("id") for r in allr]
if len(ids) != len(set(ids)): errs.append("duplicate ids in all.jsonl")
texts = [r.get("text") for r in allr]
if len(texts) != len(set(texts)): errs.append("duplicate texts in all.jsonl")
for r in allr:
    rid = r.get("id", "?")
    for k in ("id", "text", "date", "companies", "category"):
        if k not in r: errs.append(f"{rid}: missing {k}")
    if not re.fullmatch(r"h5-\d{3}", str(r.get("id", ""))): errs.append(f"{rid}: bad id")
    try:
        d = datetime.date.fromisoformat(r.get("date", ""))
        if not (2006 <= d.year <= 2013): errs.append(f"{rid}: date out of 2006-2013")
    except Exception:
        errs.append(f"{rid}: bad date {r.get('date')}")
    cat = r.get("category")
    if cat not in CATS: errs.append(f"{rid}: unknown category {cat}")
    cs = r.get("companies", [])
    if not isinstance(cs, list): errs.append(f"{rid}: companies not a list"); continue
    for c in cs:
        for k in ("name", "ticker", "exchange"):
            if not isinstance(c.get(k), str) or not c.get(k): errs.append(f"{rid}: company missing {k}")
        if c.get("name") and c["name"] not in r.get("text", ""):
            errs.append(f"{rid}: name {c['name']!r} not in text")
    if cat == "not_a_company" and cs: errs.append(f"{rid}: not_a_company row has companies")
    if cat != "not_a_company" and not cs: errs.append(f"{rid}: {cat} row has no companies")

byid = {r["id"]: r for r in allr if "id" in r}
for name, rows, parity in (("dev.jsonl", dev, 1), ("test.jsonl", test, 0)):
    for r in rows:
        n = int(r["id"][3:])
        if n % 2 != parity: errs.append(f"{name}: {r['id']} wrong split")
        if byid.get(r["id"]) != r: errs.append(f"{name}: {r['id']} differs from all.jsonl")
if sorted(r["id"] for r in dev + test) != sorted(ids): errs.append("dev+test != all")

print(f"all={len(allr)} dev={len(dev)} test={len(test)}")
for split, rows in (("all", allr), ("dev", dev), ("test", test)):
    c = Counter(r.get("category") for r in rows)
    print(split, dict(sorted(c.items())), "company mentions:", sum(len(r.get("companies", [])) for r in rows))
if errs:
    print(f"{len(errs)} ERRORS"); [print(" ", e) for e in errs[:50]]; sys.exit(1)
print("OK")
