"""Sanity check for companies.jsonl: parses, schema, names are substrings, counts."""
import json, re, sys, collections
path = sys.argv[1] if len(sys.argv) > 1 else str(__import__("pathlib").Path(__file__).resolve().parent / "companies.jsonl")
rows = [json.loads(l) for l in open(path, encoding="utf-8")]
cats = collections.Counter(); labs = collections.Counter(); listed = collections.Counter()
sym = collections.Counter(); errs = []; ids = set(); dated = collections.Counter()
for r in rows:
    assert set(r) == {"id", "category", "text", "date", "entities"}, r["id"]
    if r["id"] in ids: errs.append("dup id " + r["id"])
    ids.add(r["id"]); cats[r["category"]] += 1
    if r["date"] is not None:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]): errs.append("bad date " + r["id"])
        dated[r["category"]] += 1
    if not 1 <= len(r["entities"]) <= 4: errs.append("entity count " + r["id"])
    seen = set()
    for e in r["entities"]:
        assert set(e) == {"name", "symbol", "label", "listed"}, r["id"]
        if e["name"] not in r["text"]: errs.append("not substring %s %r" % (r["id"], e["name"]))
        if e["label"] not in ("positive", "negative", "neutral"): errs.append("label " + r["id"])
        if e["listed"] != (e["symbol"] is not None): errs.append("listed/symbol " + r["id"])
        if e["name"] in seen: errs.append("dup name " + r["id"])
        seen.add(e["name"]); labs[e["label"]] += 1; listed[e["listed"]] += 1
        if e["symbol"]: sym[e["symbol"]] += 1
    if r["category"] == "older" and (r["date"] is None or not "2006" <= r["date"][:4] <= "2013"):
        errs.append("older date " + r["id"])
print("rows", len(rows)); print("categories", dict(cats)); print("dated", dict(dated))
print("labels", dict(labs)); print("listed", dict(listed)); print("entities", sum(labs.values()))
print("distinct symbols", len(sym)); print("most used", sym.most_common(12))
over = [s for s, n in sym.items() if n > 8]
if over: errs.append("symbols over 8: %s" % over)
print("errors", errs or "none")
sys.exit(1 if errs else 0)
