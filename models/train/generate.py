"""Labelled training sentences generated from the lexicon (lexicon.py): direction sentences with
counterfactual pairs, constructions, newswire figure lines and prose comparisons, multi-company
sentences for target-aware training, and counterfactual edits of Financial PhraseBank sentences.

Every generator takes a random.Random, so a seed fixes the data. `python generate.py --sample 20`
prints examples of each kind.
"""

import argparse
import random
import re

import lexicon as lx

COMPANIES = [
    "Toyota", "Nissan", "Sony", "Siemens", "BASF", "Unilever", "Nestle", "HSBC", "Barclays", "Lloyds", "BP", "Shell",
    "Rio Tinto", "Glencore", "Vale", "Petrobras", "Infosys", "Wipro", "Reliance Industries", "Tata Motors", "Samsung",
    "Hyundai", "LG Chem", "TSMC", "Foxconn", "Alibaba", "Tencent", "Baidu", "Apple", "Microsoft", "Intel", "Nvidia",
    "AMD", "Boeing", "Airbus", "Ford", "General Motors", "Tesla", "Volkswagen", "BMW", "Renault", "Stellantis",
    "Pfizer", "Moderna", "Novartis", "Roche", "AstraZeneca", "GSK", "Walmart", "Costco", "Tesco", "Carrefour",
    "Ahold Delhaize", "Amazon", "eBay", "Netflix", "Disney", "Comcast", "Verizon", "AT&T", "Vodafone", "Orange",
    "Telefonica", "Nokia", "Ericsson", "ABB", "Schneider Electric", "Danone", "Heineken", "Diageo", "Anheuser-Busch InBev",
    "JPMorgan", "Citigroup", "Wells Fargo", "Goldman Sachs", "Deutsche Bank", "BNP Paribas", "UBS", "Santander",
    "ING", "Nordea", "DBS", "ICICI Bank", "HDFC Bank", "Canon", "Panasonic", "Hitachi", "Komatsu", "Caterpillar",
    "Deere", "3M", "Honeywell", "Lufthansa", "Ryanair", "easyJet", "Delta Air Lines", "Maersk", "Fortum", "Neste",
    "Kone", "Outokumpu", "Stora Enso", "UPM", "Elisa", "Sampo", "Wartsila", "Metso", "Nokian Tyres", "Kesko",
    "Acme Industrial", "Northwind Foods", "Harbor Bancorp", "Redwood Mining", "Bluefin Software", "Alder Pharma",
    "Silverline Retail", "Cobalt Energy", "Meridian Telecom", "Granite Homes", "Pinecrest Insurance", "Orion Logistics",
]
GENERIC_SUBJECTS = ["the company", "the group", "the bank", "the retailer", "the carmaker", "the insurer", "the miner",
                    "the chipmaker", "the airline", "the drugmaker"]
PEOPLE = ["Maria Lindqvist", "John Carter", "Hiroshi Tanaka", "Priya Nair", "Thomas Becker", "Laura Rossi", "Chen Wei",
          "Ahmed Khan", "Sofia Alvarez", "Peter Novak"]
CITIES = ["Helsinki", "London", "Tokyo", "Frankfurt", "New York", "Mumbai", "Paris", "Zurich", "Seoul", "Toronto"]
COUNTRIES = ["Finland", "Germany", "Japan", "India", "Brazil", "Canada", "France", "Poland", "Sweden", "Mexico"]
CURRENCY_UNITS = [("$", " million"), ("$", " billion"), ("EUR ", " mn"), ("EUR ", " million"), ("", " million euros"),
                  ("", " billion yen"), ("Rs ", " crore"), ("GBP ", "m"), ("", " million Swiss francs"), ("", " billion won")]
PERIODS = ["in the third quarter", "in the first half", "in 2026", "for the year", "in the three months to June",
           "year on year", "from a year earlier", "in the fourth quarter", "last quarter", "in the six months to September",
           "compared with the same period last year", "in the quarter ended March 31", ""]
QUARTERS = ["first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "half-year", "full-year"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
HEDGES = ["", "", "", "analysts said", "according to a filing", "the company said", "people familiar with the matter said",
          "it said in a statement", "figures showed", "sources said"]
TAILS_GOOD_FIRST = ["", "", "analysts said", "the company said on Tuesday"]


def pick(rng, items):
    return items[rng.randrange(len(items))]


def money(rng):
    prefix, suffix = pick(rng, CURRENCY_UNITS)
    value = pick(rng, [f"{rng.uniform(1, 999):.1f}", str(rng.randint(2, 950)), f"{rng.uniform(1, 20):.2f}"])
    return f"{prefix}{value}{suffix}"


def pct(rng):
    return pick(rng, [f"{rng.randint(1, 60)}%", f"{rng.uniform(0.5, 30):.1f}%", f"{rng.randint(2, 45)} percent",
                      f"{rng.randint(1, 30)} per cent"])


def subject(rng):
    return pick(rng, COMPANIES) if rng.random() < 0.8 else pick(rng, GENERIC_SUBJECTS)


def cap(text):
    return text[:1].upper() + text[1:]


def possessive(s):
    return f"{s}'" if s.endswith("s") and not s.startswith("the ") else f"{s}'s"


def fill(rng, template, s=None):
    return template.format(
        s=s or subject(rng), money=money(rng), pct=pct(rng), n=rng.randint(2, 90), price=f"{rng.randint(5, 900)} {pick(rng, ['dollars', 'euros', 'pence', 'yen'])}",
        person=pick(rng, PEOPLE), city=pick(rng, CITIES), country=pick(rng, COUNTRIES), date=f"{pick(rng, MONTHS)} {rng.randint(1, 28)}",
        quarter=pick(rng, QUARTERS), currency=pick(rng, ["euros", "dollars", "yen", "Swiss francs"]), month=pick(rng, MONTHS),
    )


def sentence_label(up, good_when_up):
    return "positive" if up == good_when_up else "negative"


def verb_form(rng, verb, number):
    """(phrase, tense): past, present, perfect or an expectation."""
    past, present_s, present_p, participle = verb
    tense = rng.random()
    if tense < 0.55:
        return past
    if tense < 0.7:
        return present_s if number == "s" else present_p
    if tense < 0.85:
        return ("has " if number == "s" else "have ") + participle
    return pick(rng, ["is expected to ", "will ", "is set to ", "could "]).replace("is ", "is " if number == "s" else "are ") + present_p


def direction_sentence(rng, quantity, number, good_when_up, up, s):
    """One sentence where `quantity` of `s` moves up or down; label from the lexicon."""
    verb = verb_form(rng, pick(rng, lx.UP if up else lx.DOWN), number)
    amount = pick(rng, [f" {pct(rng)}", f" by {pct(rng)}", f" to {money(rng)}", f" {pct(rng)} to {money(rng)}", ""])
    period = pick(rng, PERIODS)
    period = f" {period}" if period else ""
    noun = pick(rng, lx.UP_NOUNS if up else lx.DOWN_NOUNS)
    adj = pick(rng, lx.UP_ADJ if up else lx.DOWN_ADJ)
    bare = re.sub(r"^(the|its) ", "", quantity)
    forms = [
        f"{cap(possessive(s))} {bare}{' ' + verb}{amount}{period}",
        f"{cap(bare)} at {s} {verb}{amount}{period}",
        f"{cap(s)} said {bare} {verb}{amount}{period}",
        f"{cap(period.strip()) + ', ' if period else ''}{bare} {verb}{amount}, {s} said",
        f"{cap(s)} reported a {pct(rng)} {noun} in {bare}{period}",
        f"{cap(s)} posted {adj} {bare}{period}",
        f"{cap(bare)} {verb}{amount}{period}",
        f"{cap(s)}'s results reflected {adj} {bare}",
        f"{cap(bare)} {'was' if number == 's' else 'were'} {'up' if up else 'down'} {pct(rng)}{period}",
        f"{cap(s)} expects {bare} to {pick(rng, lx.UP if up else lx.DOWN)[2]} next year",
    ]
    text = pick(rng, forms)
    hedge = pick(rng, HEDGES)
    if hedge and "said" not in text:
        text += f", {hedge}"
    return text + ".", sentence_label(up, good_when_up)


def direction_pairs(rng, n):
    """Counterfactual pairs: the same sentence with the direction flipped, or with the quantity
    swapped for one of the opposite kind; each flips the label."""
    out = []
    while len(out) < n:
        good_when_up = rng.random() < 0.5
        quantity, number = pick(rng, lx.UP_GOOD if good_when_up else lx.UP_BAD)
        up = rng.random() < 0.5
        s = subject(rng)
        state = rng.getstate()
        first = direction_sentence(rng, quantity, number, good_when_up, up, s)
        rng.setstate(state)
        if rng.random() < 0.6:
            second = direction_sentence(rng, quantity, number, good_when_up, not up, s)
        else:
            other, other_number = pick(rng, lx.UP_BAD if good_when_up else lx.UP_GOOD)
            second = direction_sentence(rng, other, other_number, not good_when_up, up, s)
        out += [(*first, "direction"), (*second, "direction")]
    return out


def widen_narrow(rng, n):
    out = []
    for _ in range(n):
        good = rng.random() < 0.5
        quantity = pick(rng, lx.WIDEN_NARROW_GOOD if good else lx.WIDEN_NARROW_BAD)
        widen = rng.random() < 0.5
        verb = (lx.WIDEN if widen else lx.NARROW)[0]
        s = subject(rng)
        text = pick(rng, [
            f"{cap(possessive(s))} {re.sub('^the ', '', quantity)} {verb} to {money(rng) if 'margin' not in quantity else pct(rng)} {pick(rng, PERIODS)}",
            f"{cap(quantity)} {verb} {pick(rng, PERIODS)}, {s} said",
            f"{cap(s)} said its {re.sub('^the ', '', quantity)} {verb} from a year earlier",
        ]).replace("  ", " ").replace(" ,", ",").rstrip()
        out.append((text + ".", "positive" if widen == good else "negative", "widen_narrow"))
    for _ in range(n // 2):
        s = subject(rng)
        good = rng.random() < 0.5
        text = pick(rng, [
            f"{cap(s)} swung to a {'profit' if good else 'loss'} of {money(rng)} {pick(rng, PERIODS)}",
            f"{cap(s)} turned {'profitable' if good else 'loss-making'} in the {pick(rng, QUARTERS)} period",
            f"{cap(s)} {'returned to profit' if good else 'slipped into the red'} {pick(rng, PERIODS)}",
            f"{cap(possessive(s))} {pick(rng, ['margins', 'results', 'balance sheet', 'order book'])} {pick(rng, lx.IMPROVED if good else lx.WORSENED)} {pick(rng, PERIODS)}",
        ]).rstrip()
        out.append((text + ".", "positive" if good else "negative", "widen_narrow"))
    return out


# Costs against estimates: above is bad news, below is good.
COST_ABOVE = ["came in above analysts' estimates", "were higher than the company had guided", "exceeded forecasts"]
COST_BELOW = ["came in below analysts' estimates", "were lower than the company had guided", "undershot forecasts"]


def constructions(rng, n_each):
    out = []
    for _ in range(n_each):
        s = subject(rng)
        label = pick(rng, ["positive", "negative", "negative", "positive", "neutral"])
        q, _ = pick(rng, lx.UP_GOOD[:12])
        out.append((f"{cap(possessive(s))} {re.sub('^the ', '', q)} {pick(rng, lx.ESTIMATES[label])}.", label, "estimates"))
        bad, _ = pick(rng, lx.UP_BAD[:20])
        cost_phrase = {"positive": COST_BELOW, "negative": COST_ABOVE, "neutral": lx.ESTIMATES["neutral"]}[label]
        out.append((f"{cap(possessive(s))} {re.sub('^the ', '', bad)} {pick(rng, cost_phrase)}.", label, "estimates"))
        guidance = pick(rng, lx.GUIDANCE[label]).format(g=pick(rng, lx.GUIDANCE_OBJECTS))
        out.append((f"{cap(s)} {guidance}{pick(rng, ['', ' on Thursday', ' after a strong quarter' if label == 'positive' else ' citing weak demand' if label == 'negative' else ''])}.", label, "guidance"))
        rating = pick(rng, lx.RATINGS[label])
        out.append((cap(fill(rng, f"{pick(rng, lx.BROKERS)} {rating}", s)) + ".", label, "ratings"))
        out.append((cap(fill(rng, pick(rng, lx.CREDIT[label]), s)) + ".", label, "credit"))
        polar = "positive" if label == "neutral" else label
        for name, table in (("negation", lx.NEGATION), ("dilution", lx.DILUTION), ("litigation", lx.LITIGATION), ("bankruptcy", lx.BANKRUPTCY)):
            out.append((cap(fill(rng, pick(rng, table[polar]), s)) + ".", polar, name))
        out.append((cap(fill(rng, pick(rng, lx.NEUTRAL), s)) + ".", "neutral", "neutral"))
    return out


def currency(rng, n):
    out = []
    for _ in range(n):
        cur, exporters, importers = pick(rng, lx.CURRENCIES)
        weaker = rng.random() < 0.5
        move = pick(rng, lx.WEAKER if weaker else lx.STRONGER)
        exporter = rng.random() < 0.75
        company = pick(rng, exporters if exporter else importers)
        good = weaker == exporter
        text = pick(rng, [
            f"The {cur} {move} against the dollar, {'lifting' if good else 'hurting'} {'exporters' if exporter else 'importers'} such as {company}",
            f"{company}, which earns most of its revenue abroad, said the {pick(rng, ['weaker' if weaker else 'stronger'])} {cur} would {'add' if weaker else 'cut'} {money(rng)} {'to' if weaker else 'from'} its operating profit"
            if exporter else f"{company} said the {'weaker' if weaker else 'stronger'} {cur} would {'raise' if weaker else 'lower'} its import costs this year",
            f"A {'weaker' if weaker else 'stronger'} {cur} {'boosted' if good else 'weighed on'} {possessive(company)} earnings {pick(rng, PERIODS)}",
            f"{company} shares {'rose' if good else 'fell'} as the {cur} {move}",
            f"The {cur} {move} {pct(rng)} in the quarter, {'a tailwind' if good else 'a headwind'} for {company}",
        ]).rstrip()
        out.append((text + ".", "positive" if good else "negative", "currency"))
    return out


def amount(rng, per_share):
    """A figure as wires write it, and its value: 3,244,000 / 67.7 mln / 562,231 for totals,
    1.20 dlrs / 15 cts for per-share lines."""
    if per_share:
        if rng.random() < 0.5:
            v = round(rng.uniform(0.01, 9), 2)
            return f"{v} dlrs", v
        v = rng.randint(1, 99)
        return f"{v} cts", v / 100
    value = rng.uniform(1, 999) * 10 ** rng.randint(3, 6)
    if rng.random() < 0.5 or value < 100_000:
        return f"{round(value):,}", round(value)
    v = round(value / 1e6, 1) or 0.1
    return f"{v} {pick(rng, ['mln', 'mln', 'billion'] if v > 1000 else ['mln'])}".replace(f"{v} billion", f"{round(v / 1000, 2)} billion"), v * 1e6


def figure_lines(rng, n):
    """Newswire figure lines: the first figure is the current period."""
    out = []
    while len(out) < n:
        label_word = pick(rng, lx.FIGURE_LINES_UP_GOOD)
        per_share = "Shr" in label_word or "shr" in label_word
        (a_text, a), (b_text, b) = amount(rng, per_share), amount(rng, per_share)
        kind = rng.random()
        if kind < 0.55:
            if abs(a - b) / max(a, b) < 0.02:
                continue
            text, label = f"{label_word} {a_text} vs {b_text}", "positive" if a > b else "negative"
        elif kind < 0.8:
            loss_now = rng.random() < 0.5
            head = label_word if label_word in ("Net", "Shr", "Oper net", "Oper shr") else "Net"
            text = f"{head} {'loss' if loss_now else 'profit'} {a_text} vs {'profit' if loss_now else 'loss'} {b_text}"
            label = "negative" if loss_now else "positive"
        elif kind < 0.9:
            if abs(a - b) / max(a, b) < 0.02:
                continue
            head = pick(rng, ["Net loss", "Oper loss"]) if not per_share else "Shr loss"
            text, label = f"{head} {a_text} vs loss {b_text}", "negative" if a > b else "positive"
        else:
            head = pick(rng, lx.FIGURE_LINES_NEUTRAL)
            same = amount(rng, "div" in head)[0]
            text = f"{head} {same} vs {same if 'div' in head else amount(rng, False)[0]}{pick(rng, [' prior', '', ' prior qtr'])}"
            label = "neutral"
        out.append((text, label, "figure_lines"))
    return out


def figure_prose(rng, n):
    out = []
    units = [(" million", 1e6), (" billion", 1e9)]
    for _ in range(n):
        q, _number = pick(rng, [x for x in lx.UP_GOOD[:8]] + [x for x in lx.UP_BAD[:5]])
        good_when_up = (q, _number) in lx.UP_GOOD
        cur = pick(rng, ["$", "EUR ", "£", "Rs "])
        (u1, m1) = pick(rng, units)
        (u2, m2) = (u1, m1) if rng.random() < 0.7 else pick(rng, units)
        a, b = round(rng.uniform(1, 99), 1), round(rng.uniform(1, 99), 1)
        if abs(a * m1 - b * m2) / max(a * m1, b * m2) < 0.03:
            continue
        up = a * m1 > b * m2
        bare = re.sub("^the ", "", q)
        s = subject(rng)
        text = pick(rng, [
            f"{cap(s)} reported {bare} of {cur}{a}{u1}, compared with {cur}{b}{u2} a year earlier",
            f"{cap(bare)} was {cur}{a}{u1}, against {cur}{b}{u2} in the same quarter last year",
            f"{cap(possessive(s))} {bare} came to {cur}{a}{u1} versus {cur}{b}{u2} a year ago",
            f"For the quarter, {s} posted {bare} of {cur}{a}{u1}, {'up' if up else 'down'} from {cur}{b}{u2}",
        ])
        out.append((text + ".", sentence_label(up, good_when_up), "figure_prose"))
    return out


HEADLINE_EVENTS = {
    "positive": ["{q} QTR NET RISES", "RAISES DIVIDEND", "{q} QTR PROFIT UP", "SEES HIGHER EARNINGS", "{q} QTR LOSS NARROWS",
                 "SWINGS TO {q} QTR PROFIT", "WINS CONTRACT", "UPS QTLY PAYOUT", "SEES RECORD YEAR", "RETURNS TO PROFIT"],
    "negative": ["{q} QTR LOSS", "{q} QTR NET FALLS", "CUTS DIVIDEND", "SEES LOWER PROFIT", "OMITS DIVIDEND", "{q} QTR LOSS WIDENS",
                 "FILES FOR CHAPTER 11", "TO CUT 2,000 JOBS", "DOWNGRADED BY MOODY'S", "OPER LOSS WIDENS", "SUSPENDS PAYOUT"],
    "neutral": ["SETS QTLY DIVIDEND", "{q} QTR NET", "SETS ANNUAL MEETING DATE", "NAMES NEW PRESIDENT", "SETS REGULAR PAYOUT",
                "{q} QTR SHR", "TO PRESENT AT CONFERENCE"],
}


def allcaps_headlines(rng, n):
    out = []
    for _ in range(n):
        label = pick(rng, list(HEADLINE_EVENTS))
        name = pick(rng, COMPANIES).upper() + pick(rng, [" CORP", " INC", " CO", " LTD", " PLC", ""])
        ticker = "".join(c for c in name if c.isalpha())[:3]
        code = f" <{ticker}>" if rng.random() < 0.5 else ""
        event = pick(rng, HEADLINE_EVENTS[label]).format(q=pick(rng, ["1ST", "2ND", "3RD", "4TH"]))
        out.append((f"{name}{code} {event}", label, "allcaps"))
    return out


def upper_copies(rng, rows, share):
    """ALL-CAPS copies of some sentences, as wire headlines write them."""
    return [(t.rstrip(".").upper(), l, c) for t, l, c in rows if rng.random() < share]


def direction_corpus(rng, n_pairs=1500):
    """Every kind of generated sentence-level example: (text, label, category)."""
    rows = direction_pairs(rng, 2 * n_pairs) + widen_narrow(rng, 300) + constructions(rng, 180) + currency(rng, 300)
    rows += figure_lines(rng, 700) + figure_prose(rng, 400) + allcaps_headlines(rng, 400)
    rows += upper_copies(rng, rows, 0.05)
    rows += [(cap(fill(rng, pick(rng, lx.NEUTRAL))) + ".", "neutral", "neutral") for _ in range(500)]
    return rows


# Multi-company sentences: (template, label of {a}, label of {b}).
PAIR_TEMPLATES = [
    ("{a} rose {p1} after strong sales, while {b} slumped {p2} on a profit warning", "positive", "negative"),
    ("{a} shares jumped {p1}; {b} fell {p2}", "positive", "negative"),
    ("{a} beat estimates, while {b} missed", "positive", "negative"),
    ("{a} won the {money} order that {b} lost", "positive", "negative"),
    ("{a} beat {b} to the {money} contract", "positive", "negative"),
    ("{b} lost market share to {a} in the quarter", "positive", "negative"),
    ("{a} raised its outlook, but {b} cut its forecast", "positive", "negative"),
    ("{broker} upgraded {a} to buy", "positive", "neutral"),
    ("{broker} downgraded {a} to sell", "negative", "neutral"),
    ("{a} agreed to buy {b} at a {p1} premium, sending {b} shares sharply higher", "neutral", "positive"),
    ("{a} and {b} both rose more than {p1}", "positive", "positive"),
    ("{a} and {b} fell after weak results", "negative", "negative"),
    ("Gainers included {a}, up {p1}, while {b} led the decliners, down {p2}", "positive", "negative"),
    ("{b} tumbled {p2} and {a} gained {p1} in a mixed session", "positive", "negative"),
    ("A court ordered {b} to pay {a} {money} in damages", "positive", "negative"),
    ("{a} posted record profit; rival {b} swung to a loss", "positive", "negative"),
    ("{b} cut its dividend, while {a} raised its payout", "positive", "negative"),
    ("{a}, a unit of {b}, won a {money} contract", "positive", "positive"),
    ("{b} shares fell after its subsidiary {a} reported a loss", "negative", "negative"),
    ("{a} said it would supply chips to {b}", "positive", "neutral"),
    ("{a} rallied while {b} was unchanged", "positive", "neutral"),
    ("{b} slipped while {a} held steady", "neutral", "negative"),
    ("{a} sued {b} over unpaid fees", "neutral", "negative"),
    ("Investors dumped {b} and bought {a} after the ruling", "positive", "negative"),
    # Roles: a broker, rating agency, index provider or adviser acting on a company is
    # neutral toward itself, whatever the news is for the company it acts on.
    ("{broker} raised its price target on {a} and reiterated an overweight rating", "positive", "neutral"),
    ("{broker} cut {a} to underperform, citing weaker margins", "negative", "neutral"),
    ("{a} shares fell {p1} after {broker} slashed its price target", "negative", "neutral"),
    ("{a} rose {p1} after {broker} started coverage with a buy rating", "positive", "neutral"),
    ("{agency} downgraded {a} deeper into junk territory", "negative", "neutral"),
    ("{agency} upgraded {a_pos} credit rating, citing lower debt", "positive", "neutral"),
    ("{agency} placed {a} on review for a possible downgrade", "negative", "neutral"),
    ("{a} will join the {index} index, its provider said, lifting the shares {p1}", "positive", "neutral"),
    ("{a} was removed from the {index} after its market value shrank", "negative", "neutral"),
    ("{a} hired {broker} to advise on a possible sale of its {unit} unit", "neutral", "neutral"),
    ("{broker} advised {a} on its {money} takeover of {b}", "neutral", "positive"),
    ("{regulator} fined {a} {money} over misleading disclosures", "negative", "neutral"),
    ("{a} won approval from {regulator} for its {unit} drug", "positive", "neutral"),
]
AGENCIES = ["Moody's", "S&P Global Ratings", "Fitch", "Fitch Ratings", "DBRS Morningstar", "Scope Ratings"]
INDEXES = ["S&P 500", "FTSE 100", "Nasdaq-100", "MSCI World", "Stoxx Europe 600", "Nikkei 225", "Sensex"]
REGULATORS = ["the European Commission", "the SEC", "Britain's Financial Conduct Authority", "the U.S. Justice Department",
              "China's market regulator", "the FDA", "India's markets regulator"]
UNITS = ["consumer health", "cloud", "trucking", "cancer", "payments", "asset management", "obesity"]


def target_pairs(rng, n):
    """(text, target mention, label) for each company of generated two-company sentences."""
    out = []
    while len(out) < n:
        template, la, lb = pick(rng, PAIR_TEMPLATES)
        a, b = rng.sample(COMPANIES[:-12] if rng.random() < 0.8 else COMPANIES, 2)
        broker = pick(rng, lx.BROKERS)
        if broker in (a, b):
            continue
        fields = {"agency": pick(rng, AGENCIES), "index": pick(rng, INDEXES), "regulator": pick(rng, REGULATORS),
                  "unit": pick(rng, UNITS), "a_pos": possessive(a)}
        text = cap(template.format(a=a, b=b, p1=pct(rng), p2=pct(rng), money=money(rng), broker=broker, **fields)) + "."
        out.append((text, a, la))
        if "{b}" in template:
            out.append((text, b, lb))
        for role in ("broker", "agency"):
            if "{" + role + "}" in template:
                out.append((text, broker if role == "broker" else fields["agency"], "neutral"))
    return out


def fpb_counterfactuals(rows):
    """Financial PhraseBank sentences whose label rests on one direction word next to a known
    quantity, with that word replaced by its opposite and the label flipped."""
    pairs = {}
    for up, down in zip(lx.UP, lx.DOWN):
        pairs[up[0]] = down[0]
        pairs[down[0]] = up[0]
    for word in ("increased", "decreased", "rose", "fell", "grew", "declined"):
        pairs.setdefault(word, {"increased": "decreased", "decreased": "increased", "rose": "fell", "fell": "rose",
                                "grew": "declined", "declined": "grew"}[word])
    verbs = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(pairs, key=len, reverse=True)) + r")\b")
    quantities = [q for q, _ in lx.UP_GOOD] + [q for q, _ in lx.UP_BAD]
    known = re.compile(r"\b(" + "|".join(re.escape(re.sub("^(the|its) ", "", q)) for q in quantities) + r")\b", re.I)
    out = []
    for text, label in rows:
        if label == "neutral" or len(verbs.findall(text)) != 1 or not known.search(text):
            continue
        # Negations, losses, a second direction cue or a "from <figure>" comparison would make the
        # edited sentence contradict itself.
        if re.search(r"\b(not|no|loss|losses|up|down|higher|lower|growth|rise|drop|increase|decrease)\b", text, re.I):
            continue
        if re.search(r"\bfrom\b\W{0,3}(EUR|USD|SEK|euro|\$)?\W{0,2}\d", text, re.I):
            continue
        flipped = verbs.sub(lambda m: pairs[m.group(1)], text)
        out.append((flipped, "negative" if label == "positive" else "positive", "fpb_counterfactual"))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sample", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    rng = random.Random(args.seed)
    rows = direction_corpus(rng)
    by_cat = {}
    for t, l, c in rows:
        by_cat.setdefault(c, []).append((t, l))
    for c, items in sorted(by_cat.items()):
        print(f"== {c}: {len(items)}")
        for t, l in rng.sample(items, min(args.sample, len(items))):
            print(f"  {l:8} {t}")
    print("== targets")
    for t, target, l in target_pairs(rng, args.sample):
        print(f"  {l:8} [{target}] {t}")


if __name__ == "__main__":
    main()
