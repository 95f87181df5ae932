"""Check script for headlines4: every line parses, ids unique, names are substrings, split is odd/even."""
import json, sys, collections, re
D = str(__import__("pathlib").Path(__file__).resolve().parent) + "/"
def load(p):
    rows = []
    for n, line in enumerate(open(p, encoding="utf-8"), 1):
        r = json.loads(line)  # raises on bad line
        rows.append(r)
    return rows
allr = load(D + "all.jsonl"); dev = load(D + "dev.jsonl"); test = load(D + "test.jsonl")
ok = True
ids = [r["id"] for r in allr]
assert len(ids) == len(set(ids)), "duplicate ids"
for r in allr:
    assert set(r) == {"id", "text", "date", "companies", "category"}, r
    assert re.fullmatch(r"h4-\d{3}", r["id"]), r["id"]
    assert re.fullmatch(r"(2006|2007|2008|2009|2010|2011|2012|2013)-\d\d-\d\d", r["date"]), r
    for c in r["companies"]:
        assert set(c) == {"name", "ticker", "exchange"}, c
        if c["name"] not in r["text"]:
            print("NOT SUBSTRING:", r["id"], c["name"], "|", r["text"]); ok = False
assert [r["id"] for r in dev] == [r["id"] for r in allr if int(r["id"][3:]) % 2 == 1]
assert [r["id"] for r in test] == [r["id"] for r in allr if int(r["id"][3:]) % 2 == 0]
print("rows", len(allr), "dev", len(dev), "test", len(test))
print("empty", sum(1 for r in allr if not r["companies"]))
print("distinct (ticker,exchange)", len({(c["ticker"], c["exchange"]) for r in allr for c in r["companies"]}))
print(collections.Counter(r["category"] for r in allr).most_common())
print("OK" if ok else "FAIL"); sys.exit(0 if ok else 1)
