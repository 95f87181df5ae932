#!/usr/bin/env python3
"""Fixed, mechanical selection of candidate paragraphs (run once; written before labelling).

AEB: pages in AEB_DOCS (chosen from the page URL only: business, markets, company or
technology-business stories), every paragraph (articleBody split on "\n", non-blank)
that contains a name from LISTED_NAMES (written before reading the texts) or a
capitalised word followed by a corporate suffix (SUFFIX_RE).

Reuters-21578: documents in NEWID order whose TOPICS include "acq" and that have a BODY;
take the first N_REUTERS_DOCS; every paragraph (see paragraphs()) matching SUFFIX_RE.
Paragraphs over 4 sentences (rough count) or over 700 characters are skipped in both.
"""
import hashlib, json, random, re, sys, os, html
from build_paragraphs import reuters_docs, reuters_paragraphs, norm_reuters

AEB_DOCS = {
 "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856": "wsj stadia/xcloud/arcade",
 "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2": "latimes disney-plus",
 "06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85": "venturebeat wework AG",
 "1ace8c85aaee21b9d4505eca506d50c4721c29db62848b567a9703bfe0583892": "techcrunch wework AG",
 "bc13ff87b2630ffbebc33bc37b11178b14f03109055e1d17bf644f804b63d98a": "therealdeal wework layoffs",
 "360c732d1fdbfc6895d7096c0c0b8c0d581bb1af80160f4c6a0f1fd9ff85e469": "cityam alibaba listing",
 "374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4": "cnbc emirates boeing",
 "39d5c43beb60605c3eec760c99500e62e7bd71ebbe4ae05edf382125e1b0b80a": "deccanherald tariff",
 "55bb6340e3d7dd8632ba45179ae43c39f8ad0cfcecb4719e3b9cf6106ffb70a3": "dealbreaker opening bell",
 "57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca": "reuters global markets",
 "51374560f40088e227f0053ff1bb0b8525d10a8d7bfbff1cd6033f42347fd85b": "foxbusiness home depot",
 "f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584": "barrons home depot",
 "8634d1211c3f2b73041e6cadd5d59676619838949999a83a23c51a3195b44892": "latimes gannett gatehouse",
 "9ebb3af65694a953005df5bd3869b2cefc263e1dea0471e3ef361c66a264cdd3": "chron new car sales",
 "291a8bf33ee49074f33dcff37544ac40506cae450db83b6cb63f02b9920b51c2": "crn tim cook apple",
 "d605bdef2cde7308a9f2fbd1484d4a9c3da0167177245d346da61e455f42208d": "cnn asian markets",
 "fde930b01859de8311c6a14f8aa8c72be0659b551367803deb6736cf3526cf2e": "businessinsider 10 things tech",
 "ffc109d474fdee1a59fa554df8b09643f4a7d45b23eceabad66f0712c3f7daed": "cnbc coty",
 "702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed": "nytimes trade war",
 "c50845a7158af12ee75acea301a3ea0dad1e848d6b9dbdb43ba7f2d825b2528b": "space.com nasa lander companies",
 "d1c57d7821e5a5b27fb468c59489601bb2a042b1c05221166e3221d2b5dc217f": "spacenews nasa lander companies",
 "42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc": "aljazeera nasa commercial moon",
 "d0382c0d9573a0a7beb1e649012d04ec7275ac23513ca6ca59e51477b028283c": "timesunion PG&E shutoff",
 "8267acacb9e4a109b1f7ee7bafe735b73e9c94180b703b131f9e90c9be044f39": "hollywoodreporter google stadia",
 "5ae11e580afc12d3ba1a12944281e6a7a5dded5c98b4efcf24aedcb28f0d5b22": "ascom distribution",
 "c69e539d689a8335a69042727f1b58edab09d5d99fb607ec625a63151a537dc2": "ascom draeger",
 "65408257dbe4b41f71a35ade24e30243265095fc1d4988a35b9a6ca52f2b4eab": "moneycontrol markets",
}

# Written before reading the texts: well-known listed companies (and obvious short forms).
LISTED_NAMES = """Apple|Google|Alphabet|Microsoft|Amazon|Facebook|Netflix|Disney|Boeing|Airbus|
Alibaba|Tencent|JD\\.com|Baidu|Home Depot|Lowe's|Walmart|Wal-Mart|Target Corp|Coty|Gannett|GateHouse|
New Media|Ford|General Motors|GM|Toyota|Nissan|Honda|Hyundai|Kia|Volkswagen|VW|Tesla|SoftBank|PG&E|
Lockheed|Northrop|Sony|Nintendo|Nvidia|AMD|Intel|Samsung|HSBC|Goldman Sachs|Goldman|JPMorgan|
JP Morgan|Morgan Stanley|Citi|Citigroup|Bank of America|BofA|Wells Fargo|Credit Suisse|UBS|Barclays|
Deutsche Bank|Nomura|Moody's|Thomson Reuters|Ascom|Draeger|Dräger|Uber|Lyft|Snap|Twitter|Verizon|AT&T|
Comcast|T-Mobile|Sprint|Qualcomm|IBM|Oracle|Salesforce|Cisco|Dell|HP|Ulta|Estee Lauder|L'Oreal|
Procter & Gamble|Unilever|Berkshire|Nasdaq|NYSE|Activision|Electronic Arts|Ubisoft|Take-Two|Spotify|Roku|
Fiat Chrysler|FCA|Daimler|BMW|Audi|Porsche|Emirates NBD|Infosys|Reliance|Tata|HDFC|ICICI|Sensex|
Berkshire Hathaway|McDonald's|Starbucks|Nike|Costco|Best Buy|eBay|PayPal|Visa|Mastercard|
Maxar|Ceres|Astrobotic|Intuitive Machines|Sierra Nevada""".replace("\n", "")
# (names of private firms in the list above - Astrobotic, Intuitive Machines, Sierra Nevada,
#  Ceres - only select a paragraph; whether a firm is listed is decided when labelling)
NAME_RE = re.compile(r"(?<![\w])(?:%s)(?![\w])" % LISTED_NAMES)
SUFFIX_RE = re.compile(r"\b[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|and|&))*\s+"
                       r"(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|plc|AG|NV|N\.V\.|S\.A\.|SA|SpA|Corporation|Company|Bancorp|Bancorporation)\b")
N_REUTERS_DOCS = 100
MAX_CHARS = 700

def nsent(t):
    return len(re.findall(r"[.!?][\"')]?(?:\s+[A-Z\"]|\s*$)", t.strip())) or 1

def company_paragraphs(reuters_dir, skip_docs=()):
    """(NEWID, start, end, text, names) of the Reuters-21578 paragraphs outside this set's
    documents (the first N_REUTERS_DOCS `acq` ones) and `skip_docs`, by this set's paragraph
    rule, at least 60 characters and not mostly figures: the draws of
    models/companies/fresh2/ and models/train/real_targets/."""
    acq_seen = 0
    for newid, topics, body in reuters_docs(reuters_dir):
        if "acq" in topics:
            acq_seen += 1
            if acq_seen <= N_REUTERS_DOCS:
                continue
        if newid in skip_docs:
            continue
        for start, end in reuters_paragraphs(body):
            t = norm_reuters(body[start:end])
            if len(t) > MAX_CHARS or nsent(t) > 4 or len(t) < 60:
                continue
            if sum(c.isdigit() for c in t) > 0.15 * len(t):
                continue
            names = {m.group(0) for m in SUFFIX_RE.finditer(t)}
            if names:
                yield newid, start, end, t, names

def draw(paragraphs, n, seed):
    """`n` of `paragraphs` (as `company_paragraphs` gives them), 60 % of them naming two or
    more companies, shuffled by `seed`; with how many of each kind there were."""
    multi, single = [], []
    for p in paragraphs:
        (multi if len(p[4]) >= 2 else single).append(p)
    rng = random.Random(seed)
    rng.shuffle(multi)
    rng.shuffle(single)
    take = multi[: int(n * 0.6)]
    take += single[: n - len(take)]
    rng.shuffle(take)
    return take, len(multi), len(single)


def write_draw(take, out, text_out, prefix, first=0, append=False):
    """Writes a draw's candidates (`{id, source, doc, start, end, sha1}`, ids `prefix-0001`
    on from `first` + 1) to `out`, appended or anew, and the same rows with their text to
    `text_out` (outside git)."""
    with open(out, "a" if append else "w") as f, open(text_out, "w") as g:
        for k, (newid, start, end, text, _) in enumerate(take, start=first):
            sha = hashlib.sha1(text.encode("utf-8")).hexdigest()
            c = dict(id="%s-%04d" % (prefix, k + 1), source="reuters21578", doc=newid, start=start, end=end, sha1=sha)
            f.write(json.dumps(c) + "\n")
            g.write(json.dumps(dict(c, text=text), ensure_ascii=False) + "\n")

def main(aeb_dir, reuters_dir, out, text_out):
    rows = []
    gt = json.load(open(os.path.join(aeb_dir, "ground-truth.json")))
    for doc in AEB_DOCS:  # dict order = order written above
        body = gt[doc]["articleBody"]
        pos = 0
        for i, line in enumerate(body.split("\n")):
            start, end = pos, pos + len(line)
            pos = end + 1
            t = line.strip()
            if not t:
                continue
            start += len(line) - len(line.lstrip()); end -= len(line) - len(line.rstrip())
            t = body[start:end]
            if len(t) > MAX_CHARS or nsent(t) > 4:
                continue
            if NAME_RE.search(t) or SUFFIX_RE.search(t):
                rows.append(dict(source="aeb", doc=doc, start=start, end=end, text=t))
    n = 0
    for newid, topics, body in reuters_docs(reuters_dir):
        if "acq" not in topics:
            continue
        n += 1
        if n > N_REUTERS_DOCS:
            break
        for start, end in reuters_paragraphs(body):
            t = norm_reuters(body[start:end])
            if len(t) > MAX_CHARS or nsent(t) > 4:
                continue
            if SUFFIX_RE.search(t):
                rows.append(dict(source="reuters21578", doc=newid, start=start, end=end, text=t))
    with open(out, "w") as f, open(text_out, "w") as g:
        for k, r in enumerate(rows):
            pid = "%s-%04d" % ("a" if r["source"] == "aeb" else "r", k + 1)
            sha = hashlib.sha1(r["text"].encode("utf-8")).hexdigest()
            c = dict(id=pid, source=r["source"], doc=r["doc"], start=r["start"], end=r["end"], sha1=sha)
            f.write(json.dumps(c) + "\n")
            g.write(json.dumps(dict(c, text=r["text"]), ensure_ascii=False) + "\n")
    print(len(rows), "paragraphs;", sum(r["source"] == "aeb" for r in rows), "aeb", file=sys.stderr)

if __name__ == "__main__":
    main(*sys.argv[1:5])  # AEB_DIR REUTERS_DIR candidates.jsonl TEXT_OUT(outside git)
