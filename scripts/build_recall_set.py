#!/usr/bin/env python3
"""Builds the rule-made recall set of the ticker finder (tests/tickers_recall.rs).

Usage: build_recall_set.py [--data DIR] [--out FILE] [--reference-commit SHA]

Which companies a headline names is decided by rule, from what its publisher or annotators
tagged, never by finsent and never by hand:

- SEntFiN (train, dev; MIT): each annotated entity. FiQA 2018 task 1 (train, dev; headlines
  and posts): each target.
  An entity is a listed company when its name, without a possessive and a legal form
  (`Ltd`, `Inc`, ...), is exactly one reference company's name, or the leading words of
  exactly one reference company's name (`Northrop` of `Northrop Grumman`) and neither an
  ordinary English word, a place or first name (Webster's 2nd, english-words: `India`), a
  currency (`Euro`) nor a word in capitals (`ECB`). Filed names of securities (`... Sec
  Backed Ser 2004-6`) are not companies.
  Names two companies share, and names of an index or a fund (`Dow`), are left out.
- Twitter Financial News (train, dev; MIT): each cashtag of a company of SEC's list. The
  cashtags are removed from the text; the company counts when the rest still names it: a
  reference name, leading words of one (capitalised when an ordinary word), or its ticker
  in capitals.

The reference is what was known before any rule of finsent was tuned on this set, pinned
to `--reference-commit`: SEC's company_tickers_exchange.json (filed names, cleaned as the
gazetteer builder does) and the curated names of that commit's `curated.tsv` and
`us_aliases.tsv`. Codes of one company (a home listing and its ADR) are one company, as that
commit's gazetteer joins them; funds and indices are not companies.

Each headline is put into a half by the SHA-256 of its normalised text: `tune` (its misses
may be read and rules changed for them) or `untouched` (only its totals are read).

Each company gets a form, the first that applies: `ticker` (its code in capitals),
`all_caps` (a headline in capitals), `possessive` (`Goodyear's`), `full_name` (the company's
name without its legal form), `short_name` (anything else: a short name, a brand, an
abbreviation).

Output (JSON Lines, one headline per line):
{"id": "sentfin:train:12", "half": "tune", "text": "...", "companies": [{"found": "Infosys",
 "code": "NSE:INFY", "exchange": "NSE", "form": "full_name"}]}
`text` is kept for the MIT-licensed sources; FiQA texts (licence unclear) are read from
../shared/data by the test. For Twitter Financial News, `text` is the text without its
cashtags, which is what the test gives finsent.
"""

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_COMMIT = "ef5d236"
SALT = "finsent-recall-v1:"
SOURCES = [
    ("sentfin", "sentfin", ["train", "dev"]),
    ("fiqa", "fiqa_2018_task1", ["train", "dev"]),
    ("tfns", "twitter_financial_news_sentiment", ["train", "dev"]),
]
MIT = {"sentfin", "tfns"}
SEC_EXCHANGE = {"Nasdaq": "NASDAQ", "NYSE": "NYSE", "CBOE": "CBOE"}

sys.path.insert(0, str(ROOT / "models/gazetteer"))
import build_gazetteer as gb  # noqa: E402  (the builder's name cleaning, not its output)

LEGAL = re.compile(
    r"(?:[\s,]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|l\.?p|n\.?v|s\.?a|ag|se|"
    r"asa|ab|oyj|spa|s\.p\.a))+\.?$",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)$")
CURRENCIES = {"euro", "dollar", "yen", "yuan", "renminbi", "rupee", "sterling", "franc", "won", "rouble", "ruble"}
# Filed names of securities rather than companies (`Lehman ABS Corp ... Sec Backed Ser 2004-6`).
SECURITIES = re.compile(r"\b(?:ser|series|backed|trust)\b|\d{4}-\d", re.IGNORECASE)
CASHTAG = re.compile(r"\$([A-Z][A-Z.]{0,5})\b")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    p.add_argument("--out", type=Path, default=ROOT / "tests/fixtures/tickers_real/recall_set.jsonl")
    p.add_argument("--reference-commit", default=REFERENCE_COMMIT)
    return p.parse_args()


def norm(name):
    """Lower case, `’` as `'`, without a possessive, a legal form or a leading `the`."""
    n = re.sub(r"\s+", " ", name.replace("’", "'").strip(" .,:;\"'"))
    n = POSSESSIVE.sub("", n)
    n = LEGAL.sub("", n).strip(" ,.")
    n = re.sub(r"^the\s+", "", n, flags=re.IGNORECASE)
    return n.lower()


def at_commit(commit, path):
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{path}"], capture_output=True, text=True,
                          check=True).stdout


def tsv(text):
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


class Reference:
    """Names of listed companies -> company (the set of its codes' listing)."""

    def __init__(self, data, commit, common, proper):
        self.common = common
        self.proper = proper
        gazetteer = [json.loads(l) for l in at_commit(commit, "models/gazetteer/gazetteer.jsonl").splitlines() if l]
        self.listing_of = {}  # code -> listing symbol of the reference gazetteer
        self.kind = {}
        self.exchange = {}
        self.own_code = {}
        for l in gazetteer:
            if l["codes"]:
                self.own_code[l["symbol"]] = l["codes"][0]
            for c in l["codes"]:
                self.listing_of.setdefault(c, l["symbol"])
            self.kind[l["symbol"]] = l.get("kind", "company")
            self.exchange[l["symbol"]] = l["exchange"]
        # Names of indices and funds (`Dow`, `Nifty`): an entity written so is not a company.
        self.not_companies = {norm(a) for l in gazetteer if l.get("kind", "company") != "company"
                              for a in l["aliases"] + l["ambiguous"]}
        self.exact = {}  # normalised name -> {company}
        self.leading = {}  # normalised leading words -> {company}
        self.code = {}  # company -> its code for the fixture
        self.full = {}  # company -> normalised full names
        self.ticker = {}  # company -> SEC ticker
        self.by_ticker = {}  # SEC ticker -> company
        words = (common, proper)
        sec = json.loads((data / "sec_company_tickers/company_tickers_exchange.json").read_text())
        for cik, name, ticker, exchange in sec["data"]:
            if exchange not in SEC_EXCHANGE:
                continue
            ticker = ticker.replace("-", ".")
            code = f"{SEC_EXCHANGE[exchange]}:{ticker}"
            company = self.company(code)
            cleaned = gb.clean_sec_name(name, words)
            if company is None or gb.FUND_NAME.search(cleaned) or SECURITIES.search(cleaned):
                continue
            self.code.setdefault(company, code)
            self.ticker.setdefault(company, ticker)
            self.by_ticker.setdefault(ticker, company)
            self.add(company, cleaned, full=True)
        for row in tsv(at_commit(commit, "models/gazetteer/curated.tsv")):
            code = gb.home_code(row["symbol"], row["exchange"])
            company = self.company(code)
            if company is None:
                continue
            self.code.setdefault(company, code)
            self.add(company, row["name"], full=True)
            for alias in row["aliases"].split("|"):
                self.add(company, alias.lstrip("~"), full=False)
        for row in tsv(at_commit(commit, "models/gazetteer/us_aliases.tsv")):
            company = row["symbol"]
            if self.kind.get(company) != "company":
                continue
            self.code.setdefault(company, self.own_code[company])
            for alias in row["aliases"].split("|"):
                self.add(company, alias.lstrip("~"), full=False)

    def company(self, code):
        """The company of a code (its reference listing), None for funds and indices."""
        listing = self.listing_of.get(code, code)
        return None if self.kind.get(listing, "company") != "company" else listing

    def add(self, company, name, full):
        n = norm(name)
        if len(n) < 2 or gb.generic(n):
            return
        self.exact.setdefault(n, set()).add(company)
        if full:
            self.full.setdefault(company, set()).add(n)
            words = n.split()
            for k in range(1, len(words)):
                lead = " ".join(words[:k])
                if len(lead) >= 3 and not gb.generic(lead) and words[k - 1] not in gb.SMALL_WORDS:
                    self.leading.setdefault(lead, set()).add(company)

    def resolve(self, entity):
        """The one company an annotated entity names, or None."""
        n = norm(entity)
        if n in self.not_companies:
            return None
        exact = self.exact.get(n, set())
        if len(exact) == 1:
            return next(iter(exact))
        # An ordinary word, a place or first name (`India`), a currency (`Euro`) or an acronym
        # (`ECB`) is the leading word of too many names.
        if exact or " " not in n and (n in self.common or n in self.proper or n in CURRENCIES
                                      or entity.isupper()):
            return None
        leading = self.leading.get(n, set())
        return next(iter(leading)) if len(leading) == 1 else None

    def named_in(self, company, text):
        """The span of `text` naming `company` (a name, leading words of one, its ticker)."""
        ticker = self.ticker.get(company)
        if ticker and len(ticker) >= 2:
            m = re.search(rf"(?<![\w$.]){re.escape(ticker)}(?![\w])", text)
            if m:
                return m.start(), m.end()
        names = [n for n, cs in self.exact.items() if company in cs]
        names += [n for n, cs in self.leading.items() if cs == {company}]
        for n in sorted(names, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w$]){re.escape(n)}(?:'s|’s)?(?![\w])", text, re.IGNORECASE):
                found = text[m.start():m.end()]
                if " " not in n and n in self.common and not found[:1].isupper():
                    continue
                return m.start(), m.end()
        return None

    def form(self, company, text, start, end):
        found = text[start:end]
        if found == self.ticker.get(company):
            return "ticker"
        if not re.search(r"[a-z]", text) and re.search(r"[A-Z]{2}", text):
            return "all_caps"
        if re.match(r"['’]s\b", text[end:]) or POSSESSIVE.search(found):
            return "possessive"
        if norm(found) in self.full.get(company, ()):
            return "full_name"
        return "short_name"


def half(text):
    key = re.sub(r"\s+", " ", text.strip().lower())
    return "tune" if hashlib.sha256((SALT + key).encode()).digest()[0] % 2 == 0 else "untouched"


def entity_rows(ref, text, entities):
    rows = []
    for entity in entities:
        company = ref.resolve(entity)
        if company is None:
            continue
        start = text.find(entity)
        if start < 0:
            continue
        end = start + len(entity)
        rows.append((company, start, end))
    return rows


def cashtag_rows(ref, text):
    companies = []
    for m in CASHTAG.finditer(text):
        company = ref.by_ticker.get(m.group(1))
        if company and company not in companies:
            companies.append(company)
    bare = re.sub(r"\s+", " ", CASHTAG.sub("", text)).strip(" -:")
    rows = []
    for company in companies:
        span = ref.named_in(company, bare)
        if span:
            rows.append((company, *span))
    return bare, rows


def main():
    args = parse_args()
    common, proper = gb.english_words()
    ref = Reference(args.data, args.reference_commit, common, proper)
    out, seen, counts = [], set(), {}
    for source, folder, splits in SOURCES:
        for split in splits:
            with open(args.data / folder / f"{split}.jsonl", encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    record = json.loads(line)
                    text = record["text"]
                    if source == "tfns":
                        text, rows = cashtag_rows(ref, text)
                    else:
                        rows = entity_rows(ref, text, record.get("entities") or record.get("targets") or {})
                    key = re.sub(r"\s+", " ", text.strip().lower())
                    if not rows or key in seen:
                        continue
                    seen.add(key)
                    companies, named = [], set()
                    for company, start, end in rows:
                        if company in named:
                            continue
                        named.add(company)
                        companies.append({
                            "found": text[start:end],
                            "code": ref.code[company],
                            "exchange": ref.exchange.get(company, ref.code[company].split(":")[0]),
                            "form": ref.form(company, text, start, end),
                        })
                    row = {"id": f"{source}:{split}:{n}", "half": half(text)}
                    if source in MIT:
                        row["text"] = text
                    row["companies"] = companies
                    out.append(row)
                    counts[source] = counts.get(source, 0) + len(companies)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    halves = {h: sum(len(r["companies"]) for r in out if r["half"] == h) for h in ("tune", "untouched")}
    print(f"{len(out)} headlines, companies per source {counts}, per half {halves}", file=sys.stderr)


if __name__ == "__main__":
    main()
