"""finsent's directional lexicon: which way a financial quantity should move for a shareholder,
the words news uses for movement, and the constructions that decide a sentence.

`generate.py` builds labelled training sentences from it. The challenge set in `challenge/`
was written by hand, separately, and never reads this file. See LEXICON.md for the design.
"""

# Quantities whose rise is good news for a shareholder: (noun phrase, grammatical number).
UP_GOOD = [
    ("revenue", "s"), ("sales", "p"), ("net profit", "s"), ("operating profit", "s"), ("net income", "s"),
    ("earnings per share", "p"), ("operating margin", "s"), ("gross margin", "s"), ("EBITDA", "s"),
    ("orders", "p"), ("order intake", "s"), ("the order backlog", "s"), ("bookings", "p"),
    ("market share", "s"), ("subscriber numbers", "p"), ("the quarterly dividend", "s"),
    ("free cash flow", "s"), ("production", "s"), ("same-store sales", "p"), ("comparable sales", "p"),
    ("deliveries", "p"), ("passenger numbers", "p"), ("net interest income", "s"),
    ("assets under management", "p"), ("shipments", "p"), ("pre-tax profit", "s"), ("core earnings", "p"),
    ("operating income", "s"), ("cash flow from operations", "s"), ("occupancy", "s"),
    ("average revenue per user", "s"), ("fee income", "s"), ("underlying profit", "s"), ("output", "s"),
    ("new business volumes", "p"), ("premiums written", "p"), ("like-for-like sales", "p"),
    ("the profit forecast", "s"), ("the share price", "s"), ("its shares", "p"), ("the stock", "s"),
    ("recurring revenue", "s"), ("the capital ratio", "s"), ("cash reserves", "p"), ("ore grades", "p"),
]

# Quantities whose rise is bad news for a shareholder.
UP_BAD = [
    ("operating costs", "p"), ("expenses", "p"), ("net debt", "s"), ("leverage", "s"), ("net loss", "s"),
    ("impairment charges", "p"), ("write-downs", "p"), ("loan-loss provisions", "p"), ("default rates", "p"),
    ("delinquencies", "p"), ("non-performing loans", "p"), ("customer churn", "s"), ("short interest", "s"),
    ("inventories", "p"), ("cash burn", "s"), ("the pension deficit", "s"), ("borrowing costs", "p"),
    ("fines", "p"), ("product recalls", "p"), ("customer complaints", "p"), ("job cuts", "p"),
    ("restructuring charges", "p"), ("bad loans", "p"), ("debt", "s"), ("unsold inventory", "s"),
    ("warranty claims", "p"), ("claims costs", "p"), ("the operating loss", "s"), ("the pre-tax loss", "s"),
    ("interest expense", "s"), ("raw material costs", "p"), ("labour costs", "p"), ("the cost-to-income ratio", "s"),
    ("credit losses", "p"), ("arrears", "p"), ("the combined ratio", "s"), ("staff turnover", "s"),
    ("funding costs", "p"), ("legal costs", "p"), ("the net loss per share", "s"), ("loan loss reserves", "p"),
]

# Direction words: past tense, present (3rd person singular, plural), present perfect participle.
UP = [
    ("rose", "rises", "rise", "risen"), ("climbed", "climbs", "climb", "climbed"), ("jumped", "jumps", "jump", "jumped"),
    ("surged", "surges", "surge", "surged"), ("increased", "increases", "increase", "increased"),
    ("grew", "grows", "grow", "grown"), ("soared", "soars", "soar", "soared"), ("advanced", "advances", "advance", "advanced"),
    ("edged up", "edges up", "edge up", "edged up"), ("doubled", "doubles", "double", "doubled"),
    ("swelled", "swells", "swell", "swollen"), ("spiked", "spikes", "spike", "spiked"), ("went up", "goes up", "go up", "gone up"),
    ("rose sharply", "rises sharply", "rise sharply", "risen sharply"), ("ballooned", "balloons", "balloon", "ballooned"),
    ("ticked up", "ticks up", "tick up", "ticked up"), ("expanded", "expands", "expand", "expanded"),
]
DOWN = [
    ("fell", "falls", "fall", "fallen"), ("declined", "declines", "decline", "declined"), ("dropped", "drops", "drop", "dropped"),
    ("slumped", "slumps", "slump", "slumped"), ("decreased", "decreases", "decrease", "decreased"),
    ("eased", "eases", "ease", "eased"), ("shrank", "shrinks", "shrink", "shrunk"), ("tumbled", "tumbles", "tumble", "tumbled"),
    ("plunged", "plunges", "plunge", "plunged"), ("slid", "slides", "slide", "slid"), ("edged down", "edges down", "edge down", "edged down"),
    ("halved", "halves", "halve", "halved"), ("contracted", "contracts", "contract", "contracted"), ("dipped", "dips", "dip", "dipped"),
    ("went down", "goes down", "go down", "gone down"), ("retreated", "retreats", "retreat", "retreated"),
    ("sank", "sinks", "sink", "sunk"), ("ticked down", "ticks down", "tick down", "ticked down"),
]
# Nouns of movement, for "a 12% rise in X" and "X posted a drop".
UP_NOUNS = ["rise", "increase", "jump", "surge", "gain", "climb", "improvement", "boost"]
DOWN_NOUNS = ["fall", "decline", "drop", "slump", "decrease", "plunge", "slide", "contraction", "reduction"]
# "X was higher / lower", "helped by higher X", "hurt by lower X".
UP_ADJ = ["higher", "increased", "rising", "growing", "stronger"]
DOWN_ADJ = ["lower", "reduced", "falling", "declining", "shrinking"]

# Words whose direction depends on the quantity: a margin that widens is good, a loss that
# widens is bad; a loss that narrows is good, a margin that narrows is bad.
WIDEN = ("widened", "widens", "widen", "widened")
NARROW = ("narrowed", "narrows", "narrow", "narrowed")
WIDEN_NARROW_GOOD = ["operating margin", "gross margin", "the net interest margin", "the profit margin", "the trade surplus"]
WIDEN_NARROW_BAD = ["net loss", "the operating loss", "the quarterly loss", "the pension deficit", "the funding gap", "the loss per share"]

# Words that name an outcome whatever moved.
IMPROVED = ["improved", "strengthened", "recovered"]
WORSENED = ["worsened", "deteriorated", "weakened"]

# Constructions that decide a sentence: (phrase, label for the subject company).
ESTIMATES = {
    "positive": ["beat analysts' estimates", "topped consensus forecasts", "came in ahead of expectations",
                 "exceeded the average analyst estimate", "beat Wall Street expectations", "surpassed market forecasts"],
    "negative": ["missed analysts' estimates", "fell short of consensus forecasts", "came in below expectations",
                 "trailed the average analyst estimate", "missed Wall Street expectations", "disappointed the market"],
    "neutral": ["was in line with analysts' estimates", "matched consensus forecasts", "met expectations"],
}
GUIDANCE_OBJECTS = ["full-year profit forecast", "revenue guidance", "annual outlook", "earnings guidance",
                    "sales target for the year", "forecast for operating profit", "2027 guidance"]
GUIDANCE = {
    "positive": ["raised its {g}", "lifted its {g}", "increased its {g}", "upgraded its {g}"],
    "negative": ["cut its {g}", "lowered its {g}", "slashed its {g}", "withdrew its {g}", "suspended its {g}", "scrapped its {g}"],
    "neutral": ["reaffirmed its {g}", "maintained its {g}", "reiterated its {g}", "confirmed its {g}"],
}
BROKERS = ["Goldman Sachs", "Morgan Stanley", "JPMorgan", "Jefferies", "UBS", "Barclays", "Citi", "Bernstein",
           "Deutsche Bank", "Nomura", "Macquarie", "Berenberg", "HSBC", "Mizuho", "Raymond James", "Kepler Cheuvreux"]
RATINGS = {
    "positive": ["upgraded {s} to buy from hold", "upgraded {s} to overweight", "raised its price target on {s} to {price}",
                 "lifted its rating on {s} to outperform", "added {s} to its conviction buy list", "started coverage of {s} with a buy rating"],
    "negative": ["downgraded {s} to sell", "cut {s} to underweight from neutral", "lowered its price target on {s} to {price}",
                 "slashed its rating on {s} to underperform", "removed {s} from its top picks", "started coverage of {s} with a sell rating"],
    "neutral": ["kept its neutral rating on {s}", "reiterated its hold rating on {s}", "initiated coverage of {s} with a neutral rating"],
}
CREDIT = {
    "positive": ["Moody's upgraded {s}'s credit rating to A2", "S&P raised {s}'s outlook to positive",
                 "Fitch lifted {s} back to investment grade", "S&P upgraded {s}'s debt by one notch"],
    "negative": ["Moody's downgraded {s}'s credit rating to junk", "S&P cut {s}'s outlook to negative",
                 "Fitch placed {s} on watch for a downgrade", "S&P lowered {s}'s rating to BB-"],
    "neutral": ["Fitch affirmed {s}'s A rating with a stable outlook", "Moody's confirmed {s}'s Baa1 rating"],
}
NEGATION = {
    "negative": ["{s} did not raise its dividend, disappointing investors", "{s} no longer expects sales to grow this year",
                 "{s} failed to win the defence contract", "{s} said it no longer expects to return to profit this year",
                 "{s} did not rule out a rights issue", "{s} has not been able to refinance its bonds",
                 "{s} failed to reach its margin target", "{s} no longer plans to pay a special dividend",
                 "{s} could not agree terms with its lenders", "{s} will not meet its delivery target this year",
                 "{s} said orders had not recovered as hoped", "{s} will no longer buy back shares"],
    "positive": ["{s} ruled out further job cuts", "{s} ruled out a capital increase", "{s} does not expect further impairments",
                 "{s} no longer expects a loss for the year", "{s} said it will not need to raise new equity",
                 "{s} ruled out a dividend cut", "{s} said the recall would not hurt its earnings",
                 "{s} does not see any need for further provisions", "{s} no longer faces the antitrust probe",
                 "{s} did not lose a single major customer in the quarter", "regulators did not object to {s}'s merger",
                 "{s} never missed a dividend payment during the crisis"],
}
DILUTION = {
    "negative": ["{s} plans to issue {n} million new shares, diluting existing shareholders",
                 "{s} launched a rights issue to raise {money} from shareholders at a deep discount",
                 "{s} will sell {n} million new shares at a discount to shore up its balance sheet",
                 "{s} priced a {money} convertible bond that could dilute shareholders by {pct}",
                 "{s} said it would raise capital by placing new shares worth {pct} of its equity"],
    "positive": ["{s} will buy back up to {money} of its own shares", "{s} completed a {money} share buyback",
                 "{s} announced a new {money} repurchase programme", "{s} cancelled {n} million treasury shares after its buyback"],
}
LITIGATION = {
    "positive": ["a court dismissed the lawsuit against {s}", "{s} won its appeal against the {money} fine",
                 "regulators closed their investigation into {s} without taking action", "{s} was cleared of wrongdoing by the court",
                 "a judge threw out the patent claims against {s}", "{s} won {money} in damages from a rival"],
    "negative": ["a jury ordered {s} to pay {money} in damages", "{s} was fined {money} by regulators",
                 "{s} agreed to pay {money} to settle fraud charges", "regulators opened an investigation into {s}'s accounting",
                 "{s} lost its appeal against the antitrust ruling", "a court ruled that {s} infringed a rival's patents"],
}
BANKRUPTCY = {
    "negative": ["{s} filed for Chapter 11 bankruptcy protection", "{s} entered administration", "{s} warned it may have to file for bankruptcy",
                 "auditors raised doubts about {s}'s ability to continue as a going concern", "{s} defaulted on its bond payments",
                 "{s} sought protection from its creditors"],
    "positive": ["{s} emerged from Chapter 11 bankruptcy", "{s} exited creditor protection with a stronger balance sheet",
                 "creditors approved {s}'s restructuring plan, clearing its way out of bankruptcy",
                 "{s} completed its debt restructuring and emerged from administration", "{s} avoided bankruptcy after lenders agreed a rescue"],
}
# Currency moves: (currency, exporters of that currency's country, importers).
CURRENCIES = [
    ("yen", ["Toyota", "Sony", "Honda", "Nintendo", "Canon", "Komatsu"], ["Nitori", "Japan Airlines"]),
    ("euro", ["Airbus", "Siemens", "BMW", "LVMH", "ASML"], ["Carrefour", "Air France-KLM"]),
    ("won", ["Samsung Electronics", "Hyundai Motor", "LG Electronics", "Kia"], ["Korean Air", "Korea Electric Power"]),
    ("rupee", ["Infosys", "TCS", "Wipro", "HCL Technologies"], ["Indian Oil", "Hindustan Petroleum"]),
    ("Swiss franc", ["Nestle", "Novartis", "Swatch", "ABB"], ["Migros"]),
    ("pound", ["Diageo", "Rolls-Royce", "AstraZeneca", "BAE Systems"], ["Tesco", "J Sainsbury"]),
]
WEAKER = ["weakened", "fell", "slid", "dropped", "depreciated", "tumbled"]
STRONGER = ["strengthened", "rose", "climbed", "rallied", "appreciated", "firmed"]

# Newswire figure lines: label words and whether the current figure being larger is good.
FIGURE_LINES_UP_GOOD = ["Net", "Shr", "Revs", "Oper net", "Oper shr", "Sales", "Net income", "Pretax net", "Shr profit"]
FIGURE_LINES_NEUTRAL = ["Avg shrs", "Qtly div", "Annual div"]

# Sentences with no direction for a shareholder.
NEUTRAL = [
    "{s} appointed {person} as chief financial officer, effective {date}",
    "{s} will publish its {quarter} results on {date}",
    "The annual general meeting of {s} will be held in {city} on {date}",
    "{s} is headquartered in {city} and employs about {n},000 people",
    "{s} said its board would meet on {date} to discuss the agenda",
    "{s} reports its results in {currency}",
    "{person} has been chairman of {s} since 2019",
    "{s} makes industrial pumps and valves for the water industry",
    "{s}'s shares are listed in {city}",
    "{s} will hold a conference call for analysts at 10 a.m. on {date}",
    "{s} said {person} would present the strategy at its capital markets day in {city}",
    "The company, {s}, operates {n} stores in {country}",
    "{s} changed its auditor to a new firm for the coming financial year",
    "{s} said it would report in a new segment structure from {date}",
    "{s} moved its registered office to {city}",
    "{s}'s financial year ends in {month}",
    "{s} published its annual report on {date}",
    "{s} said the figures were unaudited",
]
