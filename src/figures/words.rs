//! The vocabulary of the prose reader: which quantities are good when they rise, which are
//! bad, which it does not judge, and the words that say which way a figure went. Phrases are
//! lower case, hyphens written as spaces ("loan-loss" is `loan loss`), as the reader
//! tokenizes.

/// What a rise in a quantity means for a shareholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Quantity {
    /// A result that may be a profit or a loss, named as a profit: up is good.
    Profit,
    /// The same, named as a loss: its figures are losses, so up is bad.
    Loss,
    /// Up is good: revenue, margins, dividends, orders.
    Good,
    /// Up is bad: costs, debt, provisions, bad loans, impairments, cost ratios.
    Bad,
    /// A figure the reader does not judge (taxes, capital spending, prices, share moves, the
    /// economy): a sentence that moves one is left to the model.
    Unjudged,
}

/// The quantities the reader knows, longest phrases first within each list (the reader
/// takes the longest match, so "net interest income" beats "income", "loan loss provisions"
/// beats "loss").
pub(super) const QUANTITIES: &[(Quantity, &[&str])] = &[
    (
        Quantity::Profit,
        &[
            "net income",
            "net profit",
            "net profits",
            "net earnings",
            "profit",
            "profits",
            "earnings",
            "income",
            "operating income",
            "operating profit",
            "operating earnings",
            "operating result",
            "net result",
            "pretax profit",
            "pre tax profit",
            "pretax income",
            "pre tax income",
            "pretax earnings",
            "profit before tax",
            "profit before taxes",
            "profit before taxation",
            "profit after tax",
            "profit after taxes",
            "income before taxes",
            "income before income taxes",
            "income from continuing operations",
            "earnings per share",
            "earnings per diluted share",
            "per share earnings",
            "per share profit",
            "eps",
            "earnings before interest and taxes",
            "earnings before interest and tax",
            "ebit",
            "ebitda",
            "attributable profit",
            "net attributable profit",
            "trading profit",
            "gross profit",
            "bottom line",
        ],
    ),
    (
        Quantity::Loss,
        &[
            "net loss",
            "net losses",
            "loss",
            "losses",
            "operating loss",
            "operating losses",
            "pretax loss",
            "pre tax loss",
            "loss before tax",
            "loss before taxes",
            "loss per share",
            "net loss per share",
            "loss per diluted share",
            "per share loss",
            "attributable loss",
            "trading loss",
        ],
    ),
    (
        Quantity::Good,
        &[
            "revenue",
            "revenues",
            "sales",
            "net sales",
            "total sales",
            "turnover",
            "margin",
            "margins",
            "gross margin",
            "gross margins",
            "operating margin",
            "operating margins",
            "profit margin",
            "profit margins",
            "net interest margin",
            "ebitda margin",
            "dividend",
            "dividends",
            "payout",
            "orders",
            "order intake",
            "new orders",
            "bookings",
            "backlog",
            "order backlog",
            "order book",
            "free cash flow",
            "operating cash flow",
            "cash flow",
            "net interest income",
            "interest income",
            "fee income",
            "commission income",
            "assets under management",
            "aum",
            "net inflows",
            "inflows",
            "subscribers",
            "same store sales",
            "comparable sales",
            "comparable store sales",
            "like for like sales",
            "deliveries",
            "shipments",
            "premiums",
            "written premiums",
            "gross written premiums",
            "cet1 ratio",
            "capital ratio",
            "return on equity",
            "return on tangible equity",
            "roe",
            "book value",
            "tangible book value",
            "net asset value",
            "market share",
            "cost savings",
            "savings",
            "synergies",
        ],
    ),
    (
        Quantity::Bad,
        &[
            "costs",
            "cost",
            "expenses",
            "expense",
            "operating expenses",
            "operating costs",
            "opex",
            "interest expense",
            "non interest expense",
            "non interest expenses",
            "debt",
            "net debt",
            "total debt",
            "borrowings",
            "leverage",
            "leverage ratio",
            "provisions",
            "provision",
            "loan loss provisions",
            "loan loss provision",
            "credit loss provisions",
            "provisions for bad loans",
            "impairment",
            "impairments",
            "impairment charge",
            "impairment charges",
            "impairment losses",
            "write downs",
            "write down",
            "writedowns",
            "writedown",
            "write offs",
            "writeoffs",
            "charge offs",
            "net charge offs",
            "chargeoffs",
            "bad loans",
            "bad debts",
            "bad debt",
            "bad loan ratio",
            "non performing loans",
            "nonperforming loans",
            "non performing loan ratio",
            "npls",
            "npl ratio",
            "non performing assets",
            "nonperforming assets",
            "npas",
            "gross npa",
            "gross npas",
            "net npa",
            "net npas",
            "cost to income ratio",
            "cost income ratio",
            "cost ratio",
            "combined ratio",
            "expense ratio",
            "loss ratio",
            "credit losses",
            "loan losses",
            "credit costs",
            "delinquencies",
            "delinquency rate",
            "default rate",
            "defaults",
            "churn",
            "churn rate",
            "cash burn",
            "restructuring charges",
            "restructuring costs",
            "one time charges",
            "special charges",
            "exceptional charges",
            "job losses",
        ],
    ),
    (
        Quantity::Unjudged,
        &[
            "tax",
            "taxes",
            "tax rate",
            "income tax",
            "income taxes",
            "sales tax",
            "capex",
            "capital expenditure",
            "capital expenditures",
            "capital spending",
            "spending",
            "investment",
            "investments",
            "inventory",
            "inventories",
            "price",
            "prices",
            "share price",
            "price target",
            "shares",
            "stock",
            "stocks",
            "index",
            "futures",
            "crude",
            "bonds",
            "yield",
            "yields",
            "rate",
            "rates",
            "interest rates",
            "spread",
            "spreads",
            "headcount",
            "employees",
            "workforce",
            "jobs",
            "output",
            "production",
            "exports",
            "imports",
            "gdp",
            "inflation",
            "unemployment",
            "deficit",
            "surplus",
            "buyback",
            "buybacks",
            "valuation",
            "market value",
            "market capitalisation",
            "market capitalization",
            "profit warning",
            "profit taking",
            "margin call",
            "margin calls",
            "loss making",
            "asset sales",
            "share sales",
            "stake sales",
            "cost cutting",
        ],
    ),
];

/// Which way a word says a figure went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Way {
    Up,
    Down,
    Flat,
}

/// Words that move a figure, with the way and, for "doubled" and the like, the size of the
/// move in per cent.
pub(super) fn direction(word: &str) -> Option<(Way, Option<f64>)> {
    Some(match word {
        "rose" | "rise" | "rises" | "rising" | "risen" | "increased" | "increase" | "increases"
        | "increasing" | "grew" | "grow" | "grows" | "growing" | "grown" | "growth" | "climbed"
        | "climb" | "climbs" | "climbing" | "jumped" | "jump" | "jumps" | "surged" | "surge"
        | "surges" | "soared" | "soar" | "soars" | "gained" | "gain" | "advanced" | "rebounded"
        | "rebound" | "expanded" | "expand" | "expands" | "expansion" | "widened" | "widen"
        | "widens" | "widening" | "swelled" | "ballooned" | "spiked" | "leapt" | "leaped"
        | "raised" | "raise" | "raises" | "boosted" | "lifted" | "hiked" | "up" | "higher"
        | "bigger" | "larger" | "wider" | "record" => (Way::Up, None),
        "doubled" => (Way::Up, Some(100.0)),
        "tripled" | "trebled" => (Way::Up, Some(200.0)),
        "fell" | "fall" | "falls" | "falling" | "fallen" | "declined" | "decline" | "declines"
        | "declining" | "decreased" | "decrease" | "decreases" | "decreasing" | "dropped"
        | "drop" | "drops" | "dropping" | "slipped" | "slip" | "slips" | "slid" | "slide"
        | "slides" | "slumped" | "slump" | "slumps" | "plunged" | "plunge" | "plunges"
        | "plummeted" | "tumbled" | "tumble" | "sank" | "shrank" | "shrink" | "shrinks"
        | "shrunk" | "contracted" | "contraction" | "narrowed" | "narrow" | "narrows"
        | "narrowing" | "eased" | "dipped" | "dip" | "dips" | "retreated" | "cut" | "cuts"
        | "slashed" | "trimmed" | "lowered" | "reduced" | "reduce" | "reduces" | "reduction"
        | "down" | "lower" | "smaller" | "narrower" => (Way::Down, None),
        "halved" => (Way::Down, Some(50.0)),
        "unchanged" | "flat" => (Way::Flat, None),
        _ => return None,
    })
}

/// Words that judge a move rather than give its way: "loss per share improved to 2 cents
/// from 8 cents". `true` for better.
pub(super) fn judgement(word: &str) -> Option<bool> {
    match word {
        "improved" | "improve" | "improves" | "improvement" | "strengthened" => Some(true),
        "worsened" | "worsen" | "worsens" | "deteriorated" | "deterioration" | "weakened" => {
            Some(false)
        }
        _ => None,
    }
}

/// Things a figure counts that are no reported figure's size: `5,000 jobs`, `30 stores`
/// (not `693,000 vehicles`, which is the size of deliveries).
#[rustfmt::skip]
pub(super) const COUNTED: &[&str] = &[
    "jobs", "job", "workers", "employees", "staff", "positions", "people", "stores", "shops",
    "branches", "plants", "factories",
];

/// Words after which a sentence is not a plain report of one figure: a contrast ("but",
/// "while"), a hedge or a condition ("could", "if"), a negation, or a comparison with what
/// was expected rather than with an earlier period ("estimates", "feared"), where the size
/// of the surprise, not the figure, decides.
pub(super) fn refuses(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "although"
            | "though"
            | "however"
            | "while"
            | "whilst"
            | "whereas"
            | "despite"
            | "even"
            | "yet"
            | "offset"
            | "offsetting"
            | "partly"
            | "partially"
            | "mixed"
            | "nevertheless"
            | "nonetheless"
            | "meanwhile"
            | "not"
            | "no"
            | "never"
            | "nor"
            | "without"
            | "if"
            | "unless"
            | "would"
            | "could"
            | "might"
            | "should"
            | "expected"
            | "expects"
            | "expect"
            | "expecting"
            | "expectation"
            | "expectations"
            | "estimate"
            | "estimates"
            | "estimated"
            | "forecast"
            | "forecasts"
            | "forecasted"
            | "consensus"
            | "analyst"
            | "analysts"
            | "feared"
            | "fears"
            | "guidance"
            | "outlook"
            | "projected"
            | "predicted"
            | "anticipated"
            | "poll"
            | "polled"
            | "target"
            | "targets"
    ) || word.ends_with("n't")
        || word.ends_with("n’t")
}

/// Words that end the stretch of a sentence about one quantity: what follows gives a cause
/// ("... as costs rose", "... on higher demand").
pub(super) fn ends_clause(word: &str) -> bool {
    matches!(
        word,
        "as" | "on"
            | "after"
            | "because"
            | "due"
            | "thanks"
            | "driven"
            | "helped"
            | "hurt"
            | "hit"
            | "amid"
            | "reflecting"
            | "fuelled"
            | "fueled"
            | "led"
            | "weighed"
            | "dragged"
            | "following"
            | "which"
            | "when"
    )
}

/// Words between a quantity and what is said about it that say nothing themselves.
pub(super) fn filler(word: &str) -> bool {
    matches!(
        word,
        "its"
            | "their"
            | "the"
            | "a"
            | "an"
            | "in"
            | "of"
            | "by"
            | "some"
            | "about"
            | "nearly"
            | "almost"
            | "more"
            | "than"
            | "roughly"
            | "around"
            | "approximately"
            | "just"
            | "over"
            | "only"
            | "further"
            | "another"
            | "slightly"
            | "sharply"
            | "marginally"
            | "strongly"
            | "significantly"
            | "quarterly"
            | "annual"
            | "interim"
            | "final"
            | "full"
            | "year"
            | "adjusted"
            | "underlying"
            | "core"
            | "total"
            | "group"
            | "reported"
            | "consolidated"
            | "organic"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "half"
            | "fiscal"
    )
}

/// Words after which "up", "down", "higher", "lower" or "flat" describe the figure just
/// named ("revenue was up 12%", "margins remained flat") rather than belong to a phrasal verb
/// ("made up 40% of sales").
pub(super) fn links(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "be"
            | "came"
            | "come"
            | "comes"
            | "ended"
            | "edged"
            | "inched"
            | "ticked"
            | "crept"
            | "moved"
            | "went"
            | "closed"
            | "finished"
            | "remained"
            | "stayed"
            | "held"
            | "virtually"
            | "broadly"
            | "largely"
            | "essentially"
            | "roughly"
            | "basically"
            | "slightly"
            | "sharply"
            | "marginally"
            | "significantly"
            | "substantially"
            | "much"
            | "far"
    )
}
