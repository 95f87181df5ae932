#!/usr/bin/env python3
"""Rebuild {id, text} for models/companies/fresh/candidates.jsonl from the original sources.

  python3 build_paragraphs.py [--aeb DIR] [--reuters DIR] [--candidates FILE] [--out FILE]

--aeb      the article-extraction-benchmark folder (holding ground-truth.json); default
           ../shared/data/article_extraction_benchmark relative to the repository root.
--reuters  a folder holding the Reuters-21578 files reut2-000.sgm ... reut2-021.sgm.
Offsets:
  aeb           start/end index articleBody (Python str indices); text = articleBody[start:end].
  reuters21578  doc = NEWID; start/end index the raw content between <BODY> and </BODY>
                of that document, files read as latin-1; text = that slice with each
                newline plus following spaces turned into one space, entities unescaped.
sha1 = sha1 of the UTF-8 text. Rows whose source is missing are skipped (with a count);
a sha1 mismatch is an error (exit 1).
"""
import argparse, glob, hashlib, html, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

def reuters_docs(d):
    """Yield (NEWID, topics list, raw BODY) in NEWID order over reut2-*.sgm."""
    for fn in sorted(glob.glob(os.path.join(d, "reut2-*.sgm"))):
        s = open(fn, encoding="latin-1").read()
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', s, re.S):
            doc = m.group(2)
            b = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
            if not b:
                continue
            t = re.search(r"<TOPICS>(.*?)</TOPICS>", doc, re.S)
            topics = re.findall(r"<D>(.*?)</D>", t.group(1)) if t else []
            yield m.group(1), topics, b.group(1)

def reuters_paragraphs(body):
    """(start, end) of paragraphs: blocks that start at the body start or at a line indented
    by spaces; the closing ' Reuter' sign-off and the &#3; mark are not part of any."""
    stop = len(body)
    m = re.search(r"\n\s*REUTER\s*\n?\s*&#3;\s*$|\s*&#3;\s*$", body, re.I)
    if m:
        stop = m.start()
    starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]+(?=\S)", body[:stop])]
    out = []
    for i, s in enumerate(starts):
        e = (starts[i + 1] if i + 1 < len(starts) else stop)
        seg = body[s:e]
        e = s + len(seg.rstrip())
        if e > s:
            out.append((s, e))
    return out

def norm_reuters(raw):
    return html.unescape(re.sub(r"\s*\n\s*", " ", raw)).strip()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aeb", default=os.path.join(ROOT, "..", "shared", "data", "article_extraction_benchmark"))
    ap.add_argument("--reuters", default=None)
    ap.add_argument("--candidates", default=os.path.join(HERE, "candidates.jsonl"))
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.candidates) if l.strip()]
    gt = None
    p = os.path.join(a.aeb, "ground-truth.json")
    if os.path.exists(p):
        gt = json.load(open(p))
    rb = {}
    if a.reuters and os.path.isdir(a.reuters):
        need = {r["doc"] for r in rows if r["source"] == "reuters21578"}
        for nid, _, body in reuters_docs(a.reuters):
            if nid in need:
                rb[nid] = body
    out = sys.stdout if a.out == "-" else open(a.out, "w")
    skipped = bad = 0
    for r in rows:
        if r["source"] == "aeb" and gt is not None and r["doc"] in gt:
            text = gt[r["doc"]]["articleBody"][r["start"]:r["end"]]
        elif r["source"] == "reuters21578" and r["doc"] in rb:
            text = norm_reuters(rb[r["doc"]][r["start"]:r["end"]])
        else:
            skipped += 1
            continue
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["sha1"]:
            print("sha1 mismatch:", r["id"], file=sys.stderr)
            bad += 1
            continue
        out.write(json.dumps({"id": r["id"], "text": text}, ensure_ascii=False) + "\n")
    print("rebuilt %d, skipped %d (source missing), sha1 mismatches %d" % (len(rows) - skipped - bad, skipped, bad), file=sys.stderr)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
