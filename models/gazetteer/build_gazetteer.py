"""Builds finsent's company gazetteer (gazetteer.jsonl) from these sources:

1. SEC's company_tickers_exchange.json (US public domain), read from ../shared/data:
   Nasdaq, NYSE and Cboe listings; OTC, shells (SPACs), units, warrants, rights and
   preferred shares are dropped; funds become `kind: etf` entries known by their codes
   only; filed names are cleaned into the names news uses.
2. pytickersymbols (MIT, PyPI): Nikkei 225 constituents with their Tokyo codes, and the
   constituents of European indices that have a home-exchange symbol.
3. curated.tsv (written by finsent's developers): Japanese, European, UK and Asian companies
   with their home listings, ADR and other listings, and the short names news writes;
   us_aliases.tsv: extra names of US companies (brands, short forms, former names);
   display_names.tsv: the names finsent shows for listings whose filed name reads badly;
   funds_indices.tsv: ETFs, ETNs and indices with their codes and names (`kind` etf or
   index: matched so that they are not taken for a company, never reported);
   former_listings.tsv: delisted, merged and renamed companies with the day their listing
   ended (`listed_until`) and the listing that took them over (`successor`);
   brands.tsv: companies' own brands, units and products that news writes after their names.
4. Wire abbreviations, derived: a name of several words also stands with one of its words
   cut as wire headlines cut it (`LG Electronics` -> `LG Elec`, `International Paper` ->
   `Intl Paper`, `Standard Chartered` -> `Std Chartered`).
5. Codes as names, derived: a company with a curated name (curated.tsv, us_aliases.tsv,
   former_listings.tsv) is also named by its own codes of three to five letters (`UTX`,
   `BARC`, `WBC`, `RIMM`), as wires and posts write it (`code_names`): finsent reads one only in
   capitals, as the subject opening a headline, in business context (`UTX Q1 profit rises`, `RIMM shares
   slide`). Codes that are words (`CAT`), news acronyms (`GDP`, `FII`), other listings'
   names, words of other companies' names (`PSA`) or funds' codes are not names.

An alias that is also an ordinary English word (a lower-case entry of Webster's 2nd
edition word list from the english-words package, MIT) or that curated files mark with `~`
is "ambiguous": finsent accepts it only in business context (see src/tickers/).

Output, one listing per line:
{"symbol","exchange","name","aliases":[...],"ambiguous":[...],"codes":["EXCHANGE:CODE",...],"kind",
 "listed_until","successor","ended","brands","word_brands","code_names"}
(`kind` only when not "company"; `listed_until`, `successor` and `ended` only for former
listings: `ended` is "private" for a listing taken private with no listed successor,
"renamed" for a company renamed under its successor's code, "listed_elsewhere" for one still
listed on another market, "failed" for a bankruptcy, failure or nationalisation with no
successor; `brands` and `word_brands` (brands.tsv, the latter ordinary words) only when the
listing has some; `code_names` (item 5) only when its code may stand as its name).
`codes` holds the listing's own code first, then its other listings (ADRs).
"""

import argparse
import csv
import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Yahoo-style suffix -> exchange code used in finsent's output.
SUFFIX_EXCHANGE = {
    "T": "TSE", "L": "LSE", "DE": "XETRA", "PA": "EPA", "AS": "AMS", "BR": "EBR", "MI": "BIT",
    "MC": "BME", "SW": "SIX", "CO": "CPH", "ST": "STO", "HE": "HEL", "OL": "OSL", "KS": "KRX",
    "KQ": "KRX", "TW": "TWSE", "HK": "HKEX", "SS": "SSE", "SZ": "SZSE", "NS": "NSE", "AX": "ASX",
    "TO": "TSX", "BO": "BSE", "SI": "SGX",
}
SEC_EXCHANGE = {"Nasdaq": "NASDAQ", "NYSE": "NYSE", "CBOE": "CBOE"}
INDEX_SUFFIX = {
    "NIKKEI 225": "T", "DAX": "DE", "MDAX": "DE", "TecDAX": "DE", "FTSE 100": "L", "CAC_40": "PA",
    "AEX": "AS", "Switzerland 20": "SW", "OMX Stockholm 30": "ST", "OMX Helsinki 25": "HE",
    "IBEX 35": "MC", "BEL 20": "BR",
}

LEGAL_SUFFIX = re.compile(
    r"(?:[\s,]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|l\.?p|n\.?v|s\.?a|public|"
    r"s\.?p\.?a|se|ag|a/s|asa|ab|oyj|kk|k\.k|holdings? inc|the))+\.?$",
    re.IGNORECASE,
)
GROUP_SUFFIX = re.compile(r"\s+(?:group|holdings?|holding co|bancorp|bancshares|enterprises)$", re.IGNORECASE)
SEC_NOISE = re.compile(r"\s*(/[A-Z]{2,}/?|/ADR|/NEW/?|\\[A-Z]+\\?)\s*$", re.IGNORECASE)
DROP_NAME = re.compile(r"\b(acquisition|blank check|spac|warrant|units?)\b", re.IGNORECASE)
FUND_NAME = re.compile(
    r"\b(etf|etn|etns|fund|funds|trust,? series|series trust|ishares|spdr|proshares|portfolio|"
    r"municipal|income trust|royalty trust|closed[- ]end|capital trust|exchange[- ]traded|"
    r"etf trust|index trust|commodity|bitcoin trust|ether trust|gold trust|silver trust)\b",
    re.IGNORECASE,
)
# Words that name nothing in particular: a generated name made of these alone (`National
# Bank`, `Global Partners`, `Five Star`, `News`) is dropped; the full filed name stays.
GENERIC_WORDS = {
    "national", "global", "first", "united", "american", "general", "international", "capital",
    "financial", "bank", "banc", "bancorp", "partners", "group", "holdings", "trust", "energy",
    "resources", "star", "five", "one", "two", "three", "eastern", "western", "southern",
    "northern", "central", "pacific", "atlantic", "continental", "premier", "popular", "team",
    "root", "beyond", "next", "news", "alliance", "community", "citizens", "peoples", "security",
    "republic", "commerce", "federal", "home", "savings", "mutual", "heritage", "pioneer",
    "summit", "frontier", "liberty", "patriot", "union", "great", "new", "old", "royal",
    "standard", "universal", "bankshares", "bancshares", "financial", "services", "industries",
    "systems", "technologies", "solutions", "company", "corp", "of", "the", "and", "&", "inc",
    "world", "media", "health", "care", "medical", "life", "insurance", "realty", "properties",
    "investors", "investment", "investments", "value", "income", "growth", "select", "equity",
}
# Names that news also uses in their ordinary sense although the word list does not say so.
ALWAYS_AMBIGUOUS = {"amazon", "box", "target", "block", "meta", "gap", "shell", "oracle", "apple", "visa", "ford"}
# Names that must never be aliases: common acronyms and words (see the list).
NEVER_ALIAS = {
    "ai", "us", "it", "on", "all", "now", "ceo", "esg", "etf", "imf", "gdp", "nisa", "gpif", "fed", "eps",
    "ipo", "cfo", "ev", "new", "one", "first", "general", "american", "national", "united", "global",
    "international", "group", "holdings", "bank", "energy", "capital", "financial", "technologies",
}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sec", type=Path, default=HERE.parents[2] / "shared/data/sec_company_tickers/company_tickers_exchange.json")
    p.add_argument("--out", type=Path, default=HERE / "gazetteer.jsonl")
    return p.parse_args()


def english_words():
    """(ordinary lower-case words, capitalised proper names such as Noah or Dave) of Webster's 2nd."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return {w for w in words if w.islower()}, {w.lower() for w in words if w[:1].isupper()}


# Four letters read as a word (`CATO`, `ARES`) are a name, not an acronym (`ASML`, `AAON`).
PRONOUNCEABLE = re.compile(r"[^aeiouy]?[aeiouy][^aeiouy][aeiouy][^aeiouy]?|[^aeiouy]{0,2}[aeiouy]{1,2}[^aeiouy]{0,2}")
SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "an", "or", "by"}


def cap_word(word):
    """`FREEPORT-MCMORAN` -> `Freeport-McMoran`, `CAMPBELL'S` -> `Campbell's`."""
    parts = re.split(r"([-/])", word.lower())
    out = []
    for part in parts:
        part = part[:1].upper() + part[1:]
        part = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), part)
        out.append(part)
    return "".join(out)


def display_case(name, common=frozenset(), proper=frozenset()):
    """Filed names are often in capitals: case each all-capitals word as a name, keeping
    acronyms (up to three letters that are not a word, four that are not a word or name, or
    with `&` or dots: `TIM`, `ASML`, `AT&T`), so that `TIM S.A.` stays `TIM` and does not
    match the first name Tim, and small words in lower case (`Bank of America`)."""
    words = []
    for i, w in enumerate(name.split()):
        core = re.sub(r"[^A-Za-z]", "", w)
        lower = core.lower()
        if not core or w != w.upper():
            words.append(w)
        elif i > 0 and lower in SMALL_WORDS:
            words.append(w.lower())
        elif core in ("CO", "INC", "LTD", "CORP", "PLC"):
            words.append(w.capitalize())
        elif "&" in w or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?,?", w):
            words.append(w)
        elif (len(core) <= 3 or (len(core) == 4 and not PRONOUNCEABLE.fullmatch(lower))) and not (
                lower in common or (lower.endswith("s") and lower[:-1] in common) or lower in proper):
            words.append(w)
        else:
            words.append(cap_word(w))
    return " ".join(words)


def tidy(name):
    """A display name without a dangling `&`, `and` or comma left by a removed legal form."""
    name = re.sub(r"(?:[\s,]+(?:&|and))+$", "", name.strip(" ,."), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", name).strip(" ,")


def clean_sec_name(name, words):
    name = SEC_NOISE.sub("", name).strip(" ,./")
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"\bCOM\b(?=\s+INC)", "", name, flags=re.IGNORECASE)  # AMAZON COM INC
    return display_case(name, *words).strip()


def short_names(name, common):
    """(name, needs context) pairs: the full name; the name without its legal form; and
    without Group/Holdings/Bancshares when distinctive. Shortened names that name nothing in
    particular (`National Bank`, `Global Partners`) are left out; a one-word name left by
    removing Group or Bancshares is usually a place or a surname (`Huntington`), so it needs
    context."""
    out = [(name, False)]
    base = tidy(LEGAL_SUFFIX.sub("", name))
    base = re.sub(r"^the\s+", "", base, flags=re.IGNORECASE)
    if base and base != name and not generic(base):
        out.append((base, False))
    shorter = tidy(GROUP_SUFFIX.sub("", base))
    if (shorter and shorter != base and not generic(shorter)
            and (" " in shorter or (shorter.lower() not in common and len(shorter) >= 4))):
        out.append((shorter, " " not in shorter))
    return out


# Words of NEVER_ALIAS that a curated file may still give as a `~` name: finsent reads them
# only in their own industry's news (src/tickers/context.rs, AIRLINE_NAMES).
CONTEXT_ONLY = {"american", "united"}


def usable(alias, curated_ambiguous=False):
    a = alias.strip()
    if curated_ambiguous and a.lower() in CONTEXT_ONLY:
        return True
    return len(a) >= 2 and a.lower() not in NEVER_ALIAS and not a.isdigit()


def generic(alias):
    """Every word of the name is a word that names nothing in particular."""
    return all(w in GENERIC_WORDS for w in re.split(r"[\s,.]+", alias.lower()) if w)


# How wire headlines cut the words of company names (`LG Elec`, `Intl Paper`, `Hon Hai Prec`).
WIRE_ABBREVIATIONS = {
    "electronics": ["Elec"], "electric": ["Elec"], "electrical": ["Elec"],
    "international": ["Intl", "Int'l"], "holdings": ["Hldgs"], "holding": ["Hldg"],
    "financial": ["Finl", "Fin"], "finance": ["Fin"], "group": ["Grp"], "bank": ["Bk"],
    "banking": ["Bkg"], "industries": ["Inds", "Ind"], "industrial": ["Indl", "Ind"],
    "manufacturing": ["Mfg"], "communications": ["Comms", "Commun"], "commercial": ["Comm"],
    "technologies": ["Tech"], "technology": ["Tech"], "pharmaceuticals": ["Pharma", "Pharm"],
    "pharmaceutical": ["Pharma", "Pharm"], "chemical": ["Chem"], "chemicals": ["Chem"],
    "precision": ["Prec"], "insurance": ["Ins"], "petroleum": ["Petrol"], "motors": ["Mtrs"],
    "motor": ["Mtr"], "resources": ["Res"], "properties": ["Props"], "development": ["Dev"],
    "devices": ["Dev"], "investment": ["Inv"], "national": ["Natl", "Nat"], "natural": ["Nat"],
    "general": ["Gen"], "semiconductor": ["Semi"], "systems": ["Sys"], "services": ["Svcs"],
    "securities": ["Secs"], "engineering": ["Eng"], "heavy": ["Hvy"], "pacific": ["Pac"],
    "standard": ["Std"], "brothers": ["Bros"], "construction": ["Constr"], "british": ["Brit"],
    "telecommunications": ["Telecom", "Tel"], "telecommunication": ["Telecom", "Tel"],
    "telecom": ["Tel"], "telekom": ["Tel"], "telephone": ["Tel"], "australia": ["Aust"],
    "compagnie": ["Cie"], "saint": ["St"], "and": ["&"], "corporation": ["Corp"],
    "company": ["Co"], "limited": ["Ltd"],
}
# Places that wires write by their initials inside names (`HK Exchanges`).
WIRE_PLACES = {"Hong Kong": "HK"}
# The most words of a name cut at once (`Ind & Comm Bk of China`).
MOST_CUTS = 3


def wire_abbreviations(alias):
    """A name of several words with one to three of them cut as wires cut them: `LG Elec`,
    `Intl Paper`, `Lloyds Bkg Grp`, `HK Exchanges`."""
    for place, initials in WIRE_PLACES.items():
        alias = re.sub(rf"\b{place}\b", initials, alias)
    words = alias.split(" ")
    if len(words) < 2 or len(words) > 7:
        return
    if words[0].lower() in SMALL_WORDS | {"on", "in", "at", "to", "as", "is", "it", "up", "us", "no", "go"}:
        return  # `ON Semi` would be `on semi-conductors` in a line of lower case
    choices = [[word] + WIRE_ABBREVIATIONS.get(word.lower(), []) for word in words]
    for pick in itertools.product(*choices):
        cuts = sum(a != b for a, b in zip(pick, words))
        if cuts <= MOST_CUTS and not all(w in ("&", "Co", "Corp", "Ltd") for w in pick[1:]):
            yield " ".join(pick)


# All-capital words of market news (agencies, state funds, market terms) that are listings'
# codes too: never a code read as a name.
NEWS_ACRONYMS = {
    "gdp", "cpi", "ppi", "pmi", "ism", "imf", "ecb", "boe", "boj", "fed", "sec", "fda", "ftc",
    "doj", "epa", "ipo", "ceo", "cfo", "coo", "cto", "eps", "lbo", "etf", "opec", "nato", "wto",
    "nfp", "adp", "api", "cds", "cdo", "mbs", "abs", "tarp", "esg", "rba", "rbi", "boc", "snb",
    "pboc", "lng", "otc", "nyse", "lse", "asx", "tsx", "ftse", "dax", "cac", "vix", "wti",
    "usd", "eur", "gbp", "jpy", "cny", "inr", "aud", "cad", "chf", "uae", "afp", "bbc", "cnn",
    "nbc", "cbs", "abc", "fbi", "cia", "nasa", "irs", "fcc", "ntsb", "faa", "who", "cdc", "nhs",
    "gop", "mps", "roe", "roi", "ebit", "ebitda", "yoy", "qoq", "ytd", "pct", "mln", "bln",
    "min", "max", "inc", "ltd", "plc", "corp", "llc", "usa", "ussr", "asean", "apec", "brics",
    "ipos", "ceos", "atm", "atms", "cme", "ice", "gao", "cbo", "occ", "fhfa", "fdic", "cftc",
    "finra", "nhtsa", "osha", "usda", "doe", "dod", "hud", "ferc", "nrc", "ofac", "cfpb",
    "sipc", "fasb", "iasb", "pcaob", "esma", "fca", "pra", "bafin", "asic", "apra", "accc",
    "osfi", "csrc", "cbrc", "sebi", "nse", "bse", "fii", "fiis", "dii", "diis", "fpi", "fpis",
    "omc", "omcs", "cci", "ifc", "psu", "psus", "nbfc", "nbfcs", "amc", "amcs", "gst", "cag",
    "cbi", "sfio", "irdai", "pfrda", "trai", "nclt", "cpse", "ppp", "spv", "reit", "reits",
    "invit", "ncd", "ncds", "qip", "ofs", "fdi", "nav", "aum", "sip", "ulip", "epfo", "nhai",
    "mou", "llp", "pvt", "cmd", "svp", "evp", "fpo", "sme", "smes", "msme", "msmes", "pms",
    "hni", "hnis", "nri", "nris", "ltcg", "stcg", "stt", "cess", "dtaa", "qia", "pif", "adia",
    "gic", "kia", "cic", "ema", "hdb", "pso", "rto", "sbs", "isp", "dfs", "dfa", "mof", "moe",
    "moc", "pla", "ccp", "anc", "bjp", "nda", "upa", "psb", "psbs", "sbi", "lic", "icj", "ilo",
    "wef", "oecd", "bis", "fsb", "ecj", "esm", "efsf",
}


class Gazetteer:
    def __init__(self, words):
        self.common, self.proper_names = words
        self.listings = {}  # symbol -> listing
        self.by_code = {}  # EXCHANGE:CODE -> symbol
        self.explicit = set()  # (symbol, lower-case alias) given by curated files

    def add(self, symbol, exchange, name, aliases, codes, ambiguous=(), explicit=False, kind="company"):
        listing = self.listings.setdefault(
            symbol,
            {"symbol": symbol, "exchange": exchange, "name": name, "aliases": [], "ambiguous": [], "codes": [],
             "kind": kind},
        )
        for code in codes:
            if code not in self.by_code:
                self.by_code[code] = symbol
                listing["codes"].append(code)
        for alias in aliases:
            self.add_alias(listing, alias, alias in ambiguous, explicit)

    def names(self):
        """Every name of every listing, lower case."""
        return {a.lower() for l in self.listings.values() for a in l["aliases"] + l["ambiguous"]}

    def is_common_word(self, alias):
        """One word that is also an ordinary English word (or the plural of one)."""
        word = alias.lower()
        if " " in word:
            return False
        common = self.common | ALWAYS_AMBIGUOUS
        return word in common or (word.endswith("s") and word[:-1] in common)

    def add_alias(self, listing, alias, marked_ambiguous=False, explicit=False):
        """`explicit` aliases come from the curated files and win over derived ones."""
        alias = alias.strip()
        if not usable(alias, explicit and marked_ambiguous):
            return
        if explicit:
            self.explicit.add((listing["symbol"], alias.lower()))
        if not explicit and len(alias) <= 3:
            return  # generated two- and three-letter names (`KE`, `NN`, `XP`) are acronyms, not names
        # Curated names are reviewed: only their `~` marks make them ambiguous. Generated
        # one-word names that are ordinary words, first names (`Noah`, `Dave`) or as short
        # as a ticker (`NOV`, `CTRL`) need context.
        ambiguous = marked_ambiguous or (
            not explicit
            and " " not in alias
            and (self.is_common_word(alias) or alias.lower() in self.proper_names or len(alias) <= 4)
        )
        if explicit and not ambiguous and alias in listing["ambiguous"]:
            listing["ambiguous"].remove(alias)  # a curated plain name overrides a generated mark
        target = listing["ambiguous"] if ambiguous else listing["aliases"]
        if alias not in listing["aliases"] and alias not in listing["ambiguous"]:
            target.append(alias)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def split_aliases(text):
    plain, marked = [], []
    for a in filter(None, (x.strip() for x in text.split("|"))):
        (marked if a.startswith("~") else plain).append(a.lstrip("~"))
    return plain, marked


def add_curated(gaz):
    for row in read_tsv(HERE / "curated.tsv"):
        symbol, exchange = row["symbol"], row["exchange"]
        own = home_code(symbol, exchange)
        plain, marked = split_aliases(row["aliases"])
        others = [c.strip() for c in row["codes"].split("|") if c.strip()]
        gaz.add(symbol, exchange, row["name"], [row["name"]] + plain + marked, [own] + others, set(marked), explicit=True)


def home_code(symbol, exchange):
    if "." in symbol and symbol.rsplit(".", 1)[1] in SUFFIX_EXCHANGE:
        return f"{exchange}:{symbol.rsplit('.', 1)[0]}"
    return f"{exchange}:{symbol}"


def add_sec(gaz, path):
    data = json.loads(path.read_text())
    rows = [dict(zip(data["fields"], r)) for r in data["data"]]
    by_cik = defaultdict(list)
    for r in rows:
        by_cik[r["cik"]].append(r)
    kept = dropped = funds = 0
    for cik, listings in by_cik.items():
        listed = [r for r in listings if r["exchange"] in SEC_EXCHANGE]
        if not listed:
            continue
        primary = listed[0]
        name = clean_sec_name(primary["name"], (gaz.common, gaz.proper_names))
        ticker = primary["ticker"].replace("-", ".")
        if DROP_NAME.search(name) or re.search(r"\.(P[A-Z]?|W[S]?|U|R|RT|WT|UN)$", ticker):
            dropped += 1
            continue
        codes = [f"{SEC_EXCHANGE[r['exchange']]}:{r['ticker'].replace('-', '.')}" for r in listed
                 if not re.search(r"-(P[A-Z]?|W[S]?|U|R|RT|WT|UN)$", r["ticker"])]
        if FUND_NAME.search(name):
            # Known by its codes only, so that `$SPY` is not taken for a company.
            gaz.add(ticker, SEC_EXCHANGE[primary["exchange"]], tidy(name), [], codes, kind="etf")
            funds += 1
            continue
        existing = next((gaz.by_code[c] for c in codes if c in gaz.by_code), None)
        if existing:
            # A foreign company's ADR: its names join the home listing curated.tsv gives.
            for alias, needs_context in short_names(name, gaz.common):
                gaz.add_alias(gaz.listings[existing], alias, needs_context)
            continue
        names = short_names(name, gaz.common)
        gaz.add(ticker, SEC_EXCHANGE[primary["exchange"]], tidy(LEGAL_SUFFIX.sub("", name)) or name,
                [a for a, _ in names], codes, {a for a, c in names if c})
        kept += 1
    print(f"SEC: {kept} US listings kept, {funds} funds known by code, {dropped} shells/units dropped",
          file=sys.stderr)


def add_us_aliases(gaz):
    for row in read_tsv(HERE / "us_aliases.tsv"):
        listing = gaz.listings.get(row["symbol"])
        if listing is None:
            print(f"us_aliases.tsv: {row['symbol']} is not in the SEC list; skipped", file=sys.stderr)
            continue
        plain, marked = split_aliases(row["aliases"])
        for alias in plain:
            gaz.add_alias(listing, alias, explicit=True)
        for alias in marked:
            if alias in listing["aliases"]:
                listing["aliases"].remove(alias)
            gaz.add_alias(listing, alias, marked_ambiguous=True, explicit=True)


def add_index_constituents(gaz):
    from pytickersymbols import PyTickerSymbols

    tickers = PyTickerSymbols()
    known_names = {a.lower() for l in gaz.listings.values() for a in l["aliases"] + l["ambiguous"]}
    added = 0
    for index, suffix in INDEX_SUFFIX.items():
        for stock in tickers.get_stocks_by_index(index):
            yahoo = [s.get("yahoo", "") for s in stock.get("symbols", [])]
            home = next((y for y in yahoo if y.endswith("." + suffix)), None)
            if home is None or home in gaz.listings or stock["name"].lower() in known_names:
                continue
            if suffix == "T" and not re.fullmatch(r"\d{4}\.T", home):
                continue
            exchange = SUFFIX_EXCHANGE[suffix]
            full = display_case(stock["name"], gaz.common, gaz.proper_names)
            names = short_names(full, gaz.common)
            gaz.add(home, exchange, tidy(LEGAL_SUFFIX.sub("", full)), [a for a, _ in names],
                    [home_code(home, exchange)], {a for a, c in names if c})
            known_names.add(stock["name"].lower())
            added += 1
    print(f"pytickersymbols: {added} index constituents added", file=sys.stderr)


def add_funds_and_indices(gaz):
    """ETFs, ETNs and indices that the SEC list lacks or files under a company's name."""
    for row in read_tsv(HERE / "funds_indices.tsv"):
        plain, marked = split_aliases(row["aliases"])
        codes = [c.strip() for c in row["codes"].split("|") if c.strip()]
        listing = gaz.listings.get(row["symbol"])
        if listing is not None:
            listing["kind"] = row["kind"]
            listing["name"] = row["name"]
            for code in codes:
                if code not in listing["codes"]:
                    listing["codes"].append(code)
                    gaz.by_code.setdefault(code, row["symbol"])
        else:
            gaz.add(row["symbol"], row["exchange"], row["name"], [], codes, kind=row["kind"])
            listing = gaz.listings[row["symbol"]]
        for alias in plain + marked:
            gaz.add_alias(listing, alias, alias in marked, explicit=True)


def add_former_codes(gaz):
    """Codes a company traded under before (`$FB` for Meta), and the roots Reuters gives a
    listing where they differ from the exchange's code (`<TOTF.PA>` is TotalEnergies,
    `<BASFn.DE>` BASF): finsent reads them only where no listing holds the code today."""
    for file in ("former_codes.tsv", "reuters_roots.tsv"):
        for row in read_tsv(HERE / file):
            listing = gaz.listings[row["symbol"]]
            listing.setdefault("former_codes", []).extend(c.strip() for c in row["codes"].split("|") if c.strip())


# Events of a listing that ended because the company failed: it stays in the news as itself.
FAILED = re.compile(r"bankrupt|chapter 11|chapter 7|fail|seized|nationali[sz]|liquidat|insolv|collapse|"
                    r"administration|wound up|closed by regulators")


def add_former_listings(gaz):
    """Listings that ended (delisted, merged, renamed with a new code), with the day they
    ended: finsent resolves their names and codes by an article's date. Added after
    `remove_shared_aliases`: a former listing may share a name or a code with a listing of
    today (`General Motors`, `$AMTD`); the date tells them apart."""
    for row in read_tsv(HERE / "former_listings.tsv"):
        plain, marked = split_aliases(row["aliases"])
        codes = [home_code(row["symbol"], row["exchange"])]
        codes += [c.strip() for c in row["codes"].split("|") if c.strip() and c.strip() not in codes]
        listing = {"symbol": row["symbol"], "exchange": row["exchange"], "name": row["name"], "aliases": [],
                   "ambiguous": [], "codes": codes, "kind": "company", "listed_until": row["listed_until"]}
        if row["successor"]:
            listing["successor"] = row["successor"]
        event = row["event"].lower()
        if "still listed" in event:
            listing["ended"] = "listed_elsewhere"
        elif "taken private" in event and not row["successor"]:
            listing["ended"] = "private"
        elif (row["successor"] and (event.startswith("renamed") or " and renamed" in event)
              and not re.search(r"acquired|bought|taken over|merged into", event)):
            listing["ended"] = "renamed"
        elif not row["successor"] and FAILED.search(event):
            listing["ended"] = "failed"
        for alias in plain + marked:
            gaz.add_alias(listing, alias, alias in marked, explicit=True)
        gaz.listings[f"{row['symbol']}@{row['listed_until']}"] = listing


def add_brands(gaz):
    """A company's own brands, units and products as news writes them right after its name
    (`Prius` after `Toyota`): finsent keeps the company there instead of reading a longer
    name of something else. A row's `symbol` is today's listing of that symbol when there is
    one, else the former listings that had it; `SYMBOL@YYYY-MM-DD` is the former listing
    that ended that day (`WM@2008-09-26`, Washington Mutual, not Waste Management). A brand
    that is an ordinary word (`One`, `Fire`, `Express`) goes to `word_brands`: it keeps a
    name from being part of a longer one, but is no business context for an ordinary-word
    name (`Delta One desk`)."""
    for row in read_tsv(HERE / "brands.tsv"):
        key = row["symbol"]
        listings = [gaz.listings[key]] if key in gaz.listings else [
            l for l in gaz.listings.values() if l["symbol"] == key and l.get("listed_until")]
        if not listings:
            raise SystemExit(f"brands.tsv: no listing {key}")
        brands = [b.strip() for b in row["brands"].split("|") if b.strip()]
        distinctive = [b for b in brands if b.lower() not in gaz.common]
        for listing in listings:
            listing["brands"] = distinctive
            listing["word_brands"] = [b for b in brands if b.lower() in gaz.common]
    # The same company under an older code (`Google`, NASDAQ:GOOG until 2014) has the
    # brands of the listing that succeeded it, when it had none of its own.
    for listing in gaz.listings.values():
        successor = gaz.listings.get(listing.get("successor"))
        names = {a.lower() for a in successor["aliases"] + successor["ambiguous"]} if successor else set()
        if "brands" not in listing and successor and "brands" in successor and listing["name"].lower() in names:
            listing["brands"] = successor["brands"]
            listing["word_brands"] = successor["word_brands"]


# Adjectives of nations that open companies' names (`British Petroleum`), lower case.
NATIONALITIES = {
    "american", "british", "canadian", "french", "german", "japanese", "chinese", "indian",
    "australian", "swiss", "dutch", "italian", "spanish", "korean", "european", "asian",
}
def ordinary_phrase(name, common):
    """Every word of `name` is an ordinary word (`common`: English words, `petrol` and `tech`
    among them, and nations' adjectives): `British Petrol`, `Fin Tech`, `Next Tech` would
    name a company in `British petrol prices rise`; `Std Chartered` stays."""
    return all(w.lower() in common or w.lower() in SMALL_WORDS for w in name.split(" "))


def add_wire_abbreviations(gaz):
    """Each company's plain names of several words also as wire headlines cut them: `LG
    Elec`, `Std Chartered`. Generated, so an abbreviation two listings share is dropped by
    `remove_shared_aliases`; one that is already another listing's name is not made (`Tetra
    Tech` is Tetra Tech, not Tetra Technologies), nor one of ordinary words only (`British
    Petrol`)."""
    taken = gaz.names()
    added = 0
    for listing in gaz.listings.values():
        if listing["kind"] != "company":
            continue
        for alias in list(listing["aliases"]):
            for cut in wire_abbreviations(alias):
                if cut.lower() in taken or ordinary_phrase(cut, gaz.common | NATIONALITIES):
                    continue
                before = len(listing["aliases"])
                gaz.add_alias(listing, cut)
                added += len(listing["aliases"]) - before
    print(f"{added} wire abbreviations of names", file=sys.stderr)


def codes_as_names(listing, words):
    """The listing's own codes of three to five letters that may stand as the company's
    name: `UTX`, `BARC` (of BARC.L), `RIMM` (its NASDAQ listing); not `CAT` (a word) nor
    `GDP` or `FII` (news acronyms). Two-letter codes (`FM`, `ML`, `CI`) are initials of too
    much else: only a curated `~` name makes one a name (`GS`, `MS`)."""
    codes = [listing["symbol"].split(".")[0]] + [c.split(":")[-1] for c in listing["codes"]]
    out = []
    for code in codes:
        lower = code.lower()
        if (re.fullmatch(r"[A-Z]{3,5}", code) and lower not in NEWS_ACRONYMS and lower not in words
                and not (len(lower) > 3 and lower.endswith("s") and lower[:-1] in words) and code not in out):
            out.append(code)
    return out


def add_codes_as_names(gaz):
    """Each company with a curated name (a listing of today or a former one) is also named
    by its own codes of three to five letters (`UTX`, `WBC`, `RIMM`), in `code_names`: finsent reads
    one only in capitals, as the subject opening a headline, in business context. "Curated"
    is a listing some name of which a curated file gives (curated.tsv, us_aliases.tsv,
    former_listings.tsv, display_names.tsv). A code names none of
    them when two listings have it (today's and a former one: `ADS`), or it is a fund's or an
    index's code or name, a listing's name already, or a word of another company's name
    (`PSA` of `PSA Peugeot Citroen` is not Public Storage's)."""
    funds = {a.lower() for l in gaz.listings.values() if l["kind"] != "company"
             for a in l["aliases"] + l["ambiguous"] + [c.split(":")[-1] for c in l["codes"]]}
    taken = gaz.names()
    in_names = defaultdict(set)
    for l in gaz.listings.values():
        for alias in l["aliases"] + l["ambiguous"]:
            for word in re.findall(r"\b[A-Z]{3,5}\b", alias):
                in_names[word].add(l["symbol"])
    curated = {symbol for symbol, _ in gaz.explicit}
    words = gaz.common | gaz.proper_names
    codes = defaultdict(list)
    for listing in gaz.listings.values():
        for code in codes_as_names(listing, words) if listing["kind"] == "company" else []:
            codes[code].append(listing)
    added = 0
    for code, listings in codes.items():
        [listing] = listings if len(listings) == 1 else [None]
        if (listing and listing["symbol"] in curated and code.lower() not in funds
                and code.lower() not in taken and in_names[code] <= {listing["symbol"]}):
            listing.setdefault("code_names", []).append(code)
            added += 1
    print(f"{added} codes as names", file=sys.stderr)


def apply_display_names(gaz):
    """Curated display names win; other names were cased by display_case and tidied."""
    for row in read_tsv(HERE / "display_names.tsv"):
        listing = gaz.listings.get(row["symbol"])
        if listing is None:
            print(f"display_names.tsv: {row['symbol']} is not listed; skipped", file=sys.stderr)
            continue
        listing["name"] = row["name"]
        # The display name is how news writes it (`Moody's`, `Kimberly-Clark`), but a name a
        # curated file marks `~` (`Oracle`, `Alphabet`) stays ambiguous.
        marked = (row["symbol"], row["name"].lower()) in gaz.explicit and row["name"] in listing["ambiguous"]
        if not marked:
            gaz.add_alias(listing, row["name"], explicit=True)


def remove_shared_aliases(gaz):
    """An alias naming several listings stays only with the one curated files give it to;
    otherwise it names none of them."""
    owners = defaultdict(set)
    for l in gaz.listings.values():
        for a in l["aliases"] + l["ambiguous"]:
            owners[a.lower()].add(l["symbol"])
    keep = {}
    for alias, symbols in owners.items():
        if len(symbols) > 1:
            curated = [s for s in symbols if (s, alias) in gaz.explicit]
            keep[alias] = curated[0] if len(curated) == 1 else None
    for l in gaz.listings.values():
        ok = lambda a: a.lower() not in keep or keep[a.lower()] == l["symbol"]
        l["aliases"] = [a for a in l["aliases"] if ok(a)]
        l["ambiguous"] = [a for a in l["ambiguous"] if ok(a)]
    dropped = sum(1 for v in keep.values() if v is None)
    for alias, symbol in sorted(keep.items()):
        print(f"  shared alias {alias!r}: {symbol or 'dropped'} ({', '.join(sorted(owners[alias]))})", file=sys.stderr)
    print(f"{len(keep)} aliases shared by several listings: {len(keep) - dropped} kept for the curated listing, "
          f"{dropped} dropped", file=sys.stderr)


def main():
    args = parse_args()
    gaz = Gazetteer(english_words())
    add_curated(gaz)
    add_sec(gaz, args.sec)
    add_us_aliases(gaz)
    add_index_constituents(gaz)
    add_funds_and_indices(gaz)
    add_former_codes(gaz)
    apply_display_names(gaz)
    add_wire_abbreviations(gaz)
    remove_shared_aliases(gaz)
    add_former_listings(gaz)
    add_codes_as_names(gaz)
    add_brands(gaz)
    listings = sorted(gaz.listings.values(), key=lambda l: (l["symbol"], l.get("listed_until", "")))
    with open(args.out, "w", encoding="utf-8") as f:
        for l in listings:
            if l["aliases"] or l["ambiguous"] or l["codes"]:
                if l["kind"] == "company":
                    del l["kind"]
                f.write(json.dumps(l, ensure_ascii=False) + "\n")
    print(f"wrote {len(listings)} listings to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
