//! Business context: the words around an ordinary-word name (`Apple`, `Target`, `Shell`)
//! that make it the company, and those that make it a word, a market or a thing.

use super::local::{Local, Spans, ceil_char_boundary, floor_char_boundary};
use super::names::{FREE_CAPITALISED, is_wire_tag, names_a_fund};

/// Words after an ordinary-word name that make it a company: `Apple Inc.`, `Shell shares`.
#[rustfmt::skip]
pub(super) const COMPANY_WORDS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Plc", "plc", "PLC", "Group", "Holdings", "Platforms",
    "Incorporated", "Corporation", "Company", "shares", "share", "stock", "stocks", "Chief", "CEO",
];

/// Business nouns after a possessive ordinary-word name: `Apple’s iPhone`, `Target’s stores`.
#[rustfmt::skip]
const BUSINESS_WORDS: &[&str] = &[
    "shares", "share", "stock", "stocks", "earnings", "revenue", "revenues", "profit", "profits",
    "quarter", "quarterly", "ceo", "chief", "executive", "investors", "investor", "analyst",
    "analysts", "company", "companies", "valuation", "sales", "guidance", "forecast", "outlook",
    "dividend", "buyback", "ipo", "listed", "nasdaq", "nyse", "traded", "deal", "acquisition",
    "acquire", "acquired", "rival", "rivals", "supplier", "suppliers", "customers", "products",
    "launched", "unveiled", "results", "fiscal", "stores", "retailer", "brand", "subscribers",
    "cloud", "chip", "chips", "iphone", "iphones", "ipad", "smartphone", "smartphones", "app",
    "apps", "platform", "carmaker", "automaker", "refinery", "lng", "lender", "payments", "airline",
    "software", "database", "layoffs", "employees", "lawsuit", "regulators", "antitrust",
    "shareholders", "stake", "downgrade", "downgraded", "upgrade", "upgraded", "rating", "bonds",
    "market", "billion", "percent", "inc", "corp", "merger", "units", "unit", "executives",
    "boss", "store", "devices", "ads", "advertising", "trading", "center", "centers",
    "subscription", "streaming", "contract", "fees", "merchants", "settlement", "buybacks", "crude",
    "barrel", "oil", "payment", "gas", "retailers", "lenders", "bank", "banks", "production",
    "inventory", "plant", "factory", "factories", "vehicles", "deliveries", "recall", "model",
    "models",
];

/// Legal forms: after an ordinary-word name they name another company than its listing.
const LEGAL_FORMS: &[&str] = &[
    "Corp",
    "Corporation",
    "Inc",
    "Incorporated",
    "Ltd",
    "Limited",
    "Co",
    "Plc",
    "plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "LLC",
];

/// Verbs after an ordinary-word name that make it a company acting: `Target raised`.
#[rustfmt::skip]
const BUSINESS_VERBS: &[&str] = &[
    "rose", "rises", "rise", "fell", "falls", "fall", "jumped", "jumps", "jump", "gained", "gains",
    "slumped", "slumps", "slid", "slides", "surged", "surges", "soared", "soars", "plunged",
    "plunges", "tumbled", "tumbles", "dropped", "drops", "climbed", "climbs", "sank", "sinks",
    "rallied", "rallies", "reported", "reports", "report", "posted", "posts", "raised", "raises",
    "cut", "cuts", "beat", "beats", "missed", "misses", "announced", "announces", "agreed",
    "agrees", "plans", "planned", "expects", "expected", "launched", "launches", "hired", "hires",
    "named", "names", "appointed", "appoints", "acquired", "acquires", "bought", "buys", "sold",
    "sells", "sued", "warned", "warns", "reaffirmed", "reaffirms", "lowered", "lowers", "boosted",
    "boosts", "trimmed", "trims", "shed", "sheds", "upgraded", "downgraded", "declared", "declares",
    "completed", "completes", "filed", "files", "weighs", "weighed", "drags", "dragged", "lifts",
    "lifted", "tops", "topped", "lags", "lagged", "slips", "slipped", "dips", "dipped", "edges",
    "edged", "loses", "lost", "sheds", "rebounds", "rebounded", "recovers", "recovered", "signs",
    "signed", "invests", "invested", "unveils", "unveiled", "introduces", "introduced", "recalls",
    "recalled", "settles", "settled", "pays", "paid", "hikes", "hiked", "slashes", "slashed",
    "tanks", "tanked", "zooms", "zoomed", "rallies", "plummets", "plummeted", "surges", "soars",
    "outperforms",
];

/// Verbs of wire headlines after a company as subject: `Hertz said`, `Apple sees`,
/// `Prudential eyeing`, `Meta fined`.
#[rustfmt::skip]
const HEADLINE_VERBS: &[&str] = &[
    "says", "said", "sees", "saw", "gets", "got", "wins", "won", "offers", "offered", "eyes",
    "eyeing", "nears", "neared", "inks", "inked", "sues", "faces", "faced", "hits", "bets", "fined",
    "seeks", "sought", "opens", "opened", "closes", "closed", "shuts", "axes", "axed", "exits",
    "enters", "expands", "expanded", "delays", "delayed", "halts", "halted", "resumes", "resumed",
    "urges", "urged", "denies", "denied", "confirms", "confirmed", "considers", "considered",
    "explores", "explored", "mulls", "mulled", "taps", "tapped", "picks", "picked", "fires",
    "fired", "ousts", "ousted",
];

/// Words of place and period between a company and its business word in a headline
/// (`Ford U.S. October sales`), lower case; `U.S.` is read as `u` and `s`.
#[rustfmt::skip]
const PERIOD_OR_PLACE: &[&str] = &[
    "u", "s", "k", "us", "uk", "same-store", "comparable", "domestic",
    "global", "worldwide", "first-quarter", "second-quarter", "third-quarter", "fourth-quarter",
    "1st-qtr", "2nd-qtr", "3rd-qtr", "4th-qtr", "first-half", "second-half", "full-year",
    "half-year", "fiscal", "annual", "monthly", "weekly", "december-quarter", "june-quarter",
    "march-quarter", "september-quarter",
];

/// Months, lower case: periods between a headline's subject and its business word too.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// `Nasdaq closes higher`, `Nasdaq stocks`, `S&P 500 and Nasdaq hit records`: an exchange's
/// name is also its market's, and a market moves; the operator acts (`Nasdaq agrees to buy
/// OMX`, `LSE rejects bid`).
pub(super) fn moves_as_a_market(text: &str, start: usize, end: usize) -> bool {
    MARKETS.contains(&&text[start..end]) && speaks_of_a_market(&words_after(text, end, false))
}

/// Whether the words after an exchange's name speak of its market (`closes`, `stocks`,
/// `-listed`).
fn speaks_of_a_market(after: &After<'_>) -> bool {
    let next = after.next.trim_start_matches('-').to_lowercase();
    next.starts_with("listed") || MARKET_WORDS.contains(&next.as_str())
}

/// Airlines named by a word that is otherwise an adjective or a name of many things
/// (`American`, `United`): a company only when it acts in a sentence about flying
/// (`Delta, American raise domestic fares`, `United to cut capacity`), never as an adjective
/// (`American carriers cut capacity`, see [`before_a_plural_noun`]) nor outside airline
/// news (`United agrees to buy`).
pub(super) fn names_an_airline(text: &str, start: usize, end: usize) -> bool {
    AIRLINE_NAMES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&text[start..end]))
}

/// `American carriers`, `American regulators voted`: the airline word before a plural noun
/// of people or of airline things is an adjective (`United orders jets` is a verb).
pub(super) fn before_a_plural_noun(text: &str, end: usize) -> bool {
    let next = text[end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    PLURAL_NOUNS.contains(&next.as_str())
}

/// Plural nouns an adjective `American` or `United` stands before in business news.
#[rustfmt::skip]
const PLURAL_NOUNS: &[&str] = &[
    "carriers", "airlines", "passengers", "travelers", "travellers", "regulators", "investors",
    "officials", "lawmakers", "consumers", "companies", "firms", "banks", "automakers",
    "manufacturers", "exporters", "importers", "workers", "shoppers", "households", "stocks",
    "shares", "markets", "producers", "farmers", "families", "voters", "executives",
    "jets", "planes", "flights", "fares", "airports", "troops", "forces", "states", "nations",
];

/// Whether the sentence `sentence` speaks of flying: an airline word, or another airline.
pub(super) fn speaks_of_flying(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| AIRLINE_WORDS.contains(&w.to_lowercase().as_str()))
}

#[rustfmt::skip]
const AIRLINE_NAMES: &[&str] = &["American", "United"];

/// Words of airline news, and other airlines' names.
#[rustfmt::skip]
const AIRLINE_WORDS: &[&str] = &[
    "airline", "airlines", "carrier", "carriers", "fare", "fares", "airfare", "airfares",
    "flight", "flights", "flying", "passenger", "passengers", "pilot", "pilots", "jet", "jets",
    "jetliner", "jetliners", "plane", "planes", "aircraft", "route", "routes", "capacity",
    "traffic", "baggage", "bag", "bags", "hub", "hubs", "seats", "attendants", "aviation",
    "delta", "northwest", "continental", "southwest", "jetblue", "airtran", "alaska", "amr",
    "ual",
];

/// Exchanges whose name is also their market's: as companies only when they act.
#[rustfmt::skip]
const MARKETS: &[&str] = &[
    "Nasdaq", "NASDAQ", "LSE", "London Stock Exchange", "ASX", "SGX", "HKEx", "TMX", "CME", "ICE",
    "CBOE", "Cboe",
];

/// Words after an exchange's name that speak of its market: its prices, its stocks.
#[rustfmt::skip]
const MARKET_WORDS: &[&str] = &[
    "rose", "rises", "rise", "fell", "falls", "fall", "gained", "gains", "gain", "slipped",
    "slips", "closed", "closes", "close", "opened", "opens", "open", "ended", "ends", "end",
    "climbed", "climbs", "dropped", "drops", "edged", "edges", "hit", "hits", "jumped", "jumps",
    "slid", "slides", "tumbled", "tumbles", "rallied", "rallies", "surged", "surges", "sank",
    "sinks", "lost", "loses", "added", "adds", "shares", "share", "stocks", "stock", "index",
    "record", "records", "economists", "economist", "shed", "sheds", "turn", "turns", "points",
    "composite", "listed", "listing", "listings", "futures", "trading", "debut", "debuts",
];

/// Indices named like the rating agency of their compiler, with the agency's name: `S&P
/// cut Kering to BBB` is the agency, `S&P rose 1%` the index.
pub(super) const RATING_AGENCIES: &[(&str, &str)] = &[("S&P", "Standard & Poor's")];

/// Whether the word after a name is a rating agency's act (`S&P cut`, `S&P affirmed`).
pub(super) fn rates(text: &str, end: usize) -> bool {
    #[rustfmt::skip]
    const ACTS: &[&str] = &[
        "cut", "cuts", "lowered", "lowers", "downgraded", "downgrades", "upgraded", "upgrades",
        "raised", "raises", "affirmed", "affirms", "revised", "revises", "rates", "rated",
        "assigned", "assigns", "placed", "places", "put", "puts", "said", "says", "warned",
        "warns", "withdrew", "withdraws", "kept", "keeps",
    ];
    // `S&P cut losses`, `S&P put on 1%`: the index moving.
    const MOVES: &[&str] = &["losses", "gains", "ground", "on", "off", "higher", "lower"];
    let after = words_after(text, end, false);
    let then = after.then[0].to_lowercase();
    ACTS.contains(&after.next.to_lowercase().as_str())
        && !MOVES.contains(&then.as_str())
        && !then.starts_with(|c: char| c.is_ascii_digit())
}

/// Verbs after `to` that make the subject a company: `Shell to buy BG`.
#[rustfmt::skip]
const CORPORATE_ACTS: &[&str] = &[
    "buy", "sell", "acquire", "cut", "raise", "pay", "close", "open", "launch", "invest", "merge",
    "split", "list", "hire", "exit", "shut", "spin", "build", "issue", "axe", "slash", "boost",
    "return", "repurchase", "delist", "settle", "appeal", "restructure", "divest", "float",
];

/// Phrases before an ordinary-word name that take a company: `shares of Target`.
#[rustfmt::skip]
const TAKES_A_COMPANY: &[&str] = &[
    "shares of", "shares in", "stake in", "stock of", "rival", "rivals", "peer", "retailer",
    "to buy", "acquire", "acquires", "acquired", "bid for", "merger with", "takeover of",
    "upgrades", "upgraded", "downgrades", "downgraded", "analysts at", "such as",
    "buy", "buys", "bought", "buying", "pct of", "percent of", "% of", "offer for", "deal with",
    "merge with", "merger of", "talks with", "tie-up with", "overtakes", "overtook", "fined",
    "fines", "sued", "sues", "suing", "acquisition of", "purchase of", "buyout of",
];

/// Words right after an ordinary-word name that give it its ordinary sense.
#[rustfmt::skip]
const ORDINARY_NEXT: &[&str] = &[
    "pie", "pies", "juice", "orchard", "orchards", "growers", "grower", "tree", "trees", "cider",
    "harvest", "harvests", "blossom", "rainforest", "river", "basin", "jungle", "forest", "forests",
    "tribe", "tribes", "deforestation", "audience", "audiences", "date", "dates", "range", "rate",
    "rates", "application", "applications", "requirements", "requirement", "rules", "waiver",
    "waivers", "holders", "applicants", "sponsorship", "shock", "shocks", "companies", "company",
    "chain", "chains", "party", "parties", "analysis", "analyses", "between", "widened", "widens",
    "narrowed", "narrows", "crossing", "fiesta", "fruit", "fruits", "varieties",
    "of", "soup", "trades", "trade", "game", "games", "letters", "letter", "inflation", "grant",
    "grants",
];

/// An ordinary-word name is the company when the words around it say so: a company word
/// after it (`Target Corp`, `Shell shares`), a business verb (`Target raised`, `Gap Inc
/// reports`), or a phrase before it that takes a company (`shares of Target`). Business
/// words elsewhere in the sentence do not count: in market news they are everywhere
/// (`Forecasting for Next Year`).
pub(super) fn in_business_context(
    local: &mut Local<'_>,
    start: usize,
    end: usize,
    sure: &Spans,
) -> bool {
    let text = local.text;
    let market = MARKETS.contains(&&text[start..end]);
    let after = words_after(text, end, false);
    if market && speaks_of_a_market(&after) {
        return false;
    }
    // `BP and Shell`; an exchange among indices is a market (`Dow and Nasdaq turn up`).
    if !market && listed_with_a_company(text, start, end, sure) {
        return true;
    }
    // The gazetteer holds a listing's names with their legal form (`Target Corp`, `Apple
    // Inc`), which match whole: `Delta Corp` is another company.
    if LEGAL_FORMS.contains(&after.next) {
        return false;
    }
    if COMPANY_WORDS.contains(&after.next) {
        return true;
    }
    // `Janus Twenty fund gains`: an ordinary-word sponsor opening a fund's name is the
    // sponsor; not inside a longer name (`Vanguard Target Retirement Fund`), nor a group's
    // fund house, which is often another company of the group (`Reliance Mutual Fund`).
    if names_a_fund(&text[end..])
        && !after_a_capitalised_word(text, start)
        && !text[end..].trim_start().starts_with("Mutual")
    {
        return true;
    }
    if ORDINARY_NEXT.contains(&after.next.to_lowercase().as_str()) {
        return false;
    }
    // The first word of a quotation is capitalised for its position: there an ordinary
    // word (`"Customers are choosing Walmart`) needs a company word after it or another
    // sure mention of the company.
    let sentence = local.sentence(start, end).1;
    let opening = &text[sentence.start..start];
    if opening.chars().all(|c| !c.is_alphanumeric()) && opening.contains(['"', '“', '‘', '\''])
    {
        return false;
    }
    // The longest phrase that takes a company is a few words: only those are read.
    let before = text[ceil_char_boundary(text, start.saturating_sub(40))..start].trim_end();
    let in_a_list = after_a_list_opening(opening);
    let sentence_initial = in_a_list || first_in_sentence(opening, before);
    let before = before.to_lowercase();
    let ends_with_phrase = |phrase: &str| {
        before
            .strip_suffix(phrase)
            .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
    };
    // `the apple`, `an apple`: a determiner makes it a thing (a company word after it,
    // `the Target Corp`, was read above); `President Ford`, `Senator Dodd`: a person's
    // title makes it a person.
    if ["the", "a", "an"].into_iter().any(ends_with_phrase)
        || PERSON_TITLES.iter().any(|t| ends_with_phrase(t))
    {
        return false;
    }
    let headline = !sentence.text(text).trim_end().ends_with('.');
    // A list of names is one subject: its verb comes after the list (`Carnival and Royal
    // Caribbean rallied`; in a headline, `Delta, Northwest agree`).
    let list_acts = || {
        let mut after = words_after(text, end, true);
        after.list |= in_a_list;
        after.list && acts(&after, sentence_initial, headline)
    };
    acts(&after, sentence_initial, headline)
        || list_acts()
        || TAKES_A_COMPANY.iter().any(|p| ends_with_phrase(p))
}

/// Whether the name at `start..end` opens a headline (a sentence of one line with no full
/// stop) as its subject: how wires and feeds write a company by its code (`UTX Q1 profit
/// falls`). In a story's body a capitalised short name is the company named before (`FMG
/// said` after `First Mississippi Gold`), whatever listing has that code today.
pub(super) fn opens_a_headline(local: &mut Local<'_>, start: usize, end: usize) -> bool {
    let text = local.text;
    let sentence = local.sentence(start, end).1;
    let words = sentence
        .text(text)
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)".contains(c));
    let opening = &text[sentence.start..start];
    let before = text[ceil_char_boundary(text, start.saturating_sub(40))..start].trim_end();
    // One line, not ended as prose ends its sentences or a snippet is cut (`…`, `:`).
    !words.ends_with(['.', '!', '?', '…', ':', ';', ','])
        && !words.contains('\n')
        && (after_a_list_opening(opening) || first_in_sentence(opening, before))
}

/// Whether a name after `opening` (its sentence's text before it) and `before` (the text
/// just before it, trimmed) is first in its sentence: after a wire tag (`RPT-Apple
/// overtakes`), or after a full stop the splitter kept inside a quotation. A name in a list
/// of names that opens the sentence (`WES, WOW shares rise`) opens it too
/// ([`after_a_list_opening`]).
fn first_in_sentence(opening: &str, before: &str) -> bool {
    opening.chars().all(|c| !c.is_alphanumeric())
        || opening.strip_suffix('-').is_some_and(is_wire_tag)
        || before.ends_with(['.', '!', '?', ':', ';', '"', '“', '\n'])
}

/// Whether the word before `start` is a capitalised word of a name (the name runs on from
/// another): not a determiner (`The Janus Twenty fund`) nor a word that ends a sentence.
fn after_a_capitalised_word(text: &str, start: usize) -> bool {
    text[..start]
        .strip_suffix(' ')
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !w.ends_with(['.', '!', '?', ':', ';'])
                && !["The", "A", "An", "THE"].contains(&w)
        })
}

/// The words after a name that say what it is.
struct After<'a> {
    /// `Apple's`, `Apple’s`.
    possessive: bool,
    /// A modal came before `next` (`Adobe will pay`).
    after_modal: bool,
    /// The next word, past helpers (`has`, `both`), places and periods (`U.S. October`) and
    /// a day (`on Thursday`); an apposition (`Arm, its chip designer, reported`) is skipped.
    next: &'a str,
    /// The two words after `next`.
    then: [&'a str; 2],
    /// The name heads a list of names (`Delta, Northwest agree`, `Fannie and Freddie
    /// shares`): `next` is the word after the list.
    list: bool,
    /// Only spaces between the name and the first word after it (`Target FY`, not `Target,
    /// FY`).
    joined: bool,
}

fn words_after(text: &str, end: usize, skip_list: bool) -> After<'_> {
    let possessive = text[end..].starts_with(['\'', '’']);
    let mut rest = text[end..]
        .strip_prefix(['\'', '’'])
        .map_or(&text[end..], |r| r.trim_start_matches('s'));
    if let Some(apposition) = rest.strip_prefix(", ")
        && ["its ", "the ", "a ", "an "]
            .iter()
            .any(|w| apposition.starts_with(w))
        && let Some(close) = apposition[..floor_char_boundary(apposition, 80)].find(", ")
    {
        rest = &apposition[close + 2..];
    }
    let (rest, list) = if skip_list {
        past_a_list(rest)
    } else {
        (rest, false)
    };
    let joined = rest
        .trim_start_matches(' ')
        .starts_with(char::is_alphanumeric);
    let mut words = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty());
    let mut next = words.next().unwrap_or("");
    let mut after_modal = false;
    // `Shell both lowered`, `BP has raised`, `Adobe will pay`.
    loop {
        // In lower case only: in a title-case headline `Would` may be the start of a
        // clause (`Never Guess Would Profit`).
        if MODALS.contains(&next) {
            after_modal = true;
        } else if ![
            "both", "also", "all", "each", "has", "have", "had", "is", "was",
        ]
        .contains(&next)
        {
            break;
        }
        next = words.next().unwrap_or("");
    }
    // `Ford U.S. October sales`, `Target November same-store sales`: a place or a period
    // between a headline's subject and its business word.
    for _ in 0..3 {
        let year = next.len() == 4 && next.chars().all(|c| c.is_ascii_digit());
        let lower = next.to_lowercase();
        if !(year || PERIOD_OR_PLACE.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str()))
        {
            break;
        }
        next = words.next().unwrap_or("");
    }
    // `Apple on Thursday reported`.
    if next == "on" {
        let day = words.next().unwrap_or("");
        if FREE_CAPITALISED.contains(&day) {
            next = words.next().unwrap_or("");
        }
    }
    After {
        possessive,
        after_modal,
        next,
        then: [words.next().unwrap_or(""), words.next().unwrap_or("")],
        list,
        joined,
    }
}

/// Joins of a list of names; not `&`, which joins the words of one name (`Dave & Buster's`,
/// `Marks & Spencer`).
const LIST_JOINS: &[&str] = &[", and ", ", ", " and "];

/// `rest` past the other names of a list that a name heads (`, Northwest agree` →
/// ` agree`): up to three more names of one to three capitalised words each, and whether
/// there were any.
fn past_a_list(mut rest: &str) -> (&str, bool) {
    let mut list = false;
    for _ in 0..3 {
        let Some(member) = LIST_JOINS.iter().find_map(|j| rest.strip_prefix(j)) else {
            break;
        };
        let (mut end, mut words) = (0, 0);
        while words < 3 {
            let word_end = member[end..]
                .find([' ', ','])
                .map_or(member.len(), |i| end + i);
            if !member[end..word_end].starts_with(char::is_uppercase) {
                break;
            }
            words += 1;
            end = word_end;
            let more = member[end..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            if !more {
                break;
            }
            end += 1;
        }
        if words == 0 {
            break;
        }
        rest = &member[end..];
        list = true;
    }
    (rest, list)
}

/// Whether the text before a name is the head of a list of names that opens its sentence
/// (`Delta, ` before `Northwest agree`; `Fannie and ` before `Freddie shares`).
fn after_a_list_opening(opening: &str) -> bool {
    let Some(head) = LIST_JOINS.iter().find_map(|j| opening.strip_suffix(j)) else {
        return false;
    };
    let words: Vec<&str> = head.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || ["and", "&"].contains(w)
        })
}

/// Whether the words after a name make it a company acting: a business or headline verb,
/// any past tense inside a sentence (`Target widened its lead`; at the start of one, where
/// every word is capitalised, `Customers responded` is not Customers Bancorp), `to` and a
/// corporate act (`Shell to buy BG`), a headline's subject before `to` and a verb or a verb
/// in `s` (`Delta to add seats`, `Delta swings to profit`), a possessive before a business
/// word or a product (`Apple’s iPhone`, `Ford’s F-150`).
fn acts(after: &After<'_>, sentence_initial: bool, headline: bool) -> bool {
    let next = after.next.to_lowercase();
    let next = next.as_str();
    let past_tense = !sentence_initial
        && after.next.len() > 4
        && after.next.ends_with("ed")
        && after.next.chars().all(|c| c.is_ascii_lowercase());
    let after_to = (next == "to").then_some(after.then[0]);
    let to_act = after_to.is_some_and(|w| CORPORATE_ACTS.contains(&w.to_lowercase().as_str()));
    // A word in `s` is a verb only in a headline (no full stop), and not when a verb follows
    // it (`APPLE PRICES HIT RECORD`: prices is the subject's noun).
    let verb = |w: &str| {
        let w = w.to_lowercase();
        [BUSINESS_VERBS, HEADLINE_VERBS, AUXILIARIES]
            .iter()
            .any(|list| list.contains(&w.as_str()))
    };
    let subject_acts = sentence_initial
        && (after_to.is_some_and(verb_after_to)
            || headline && third_person_verb(after.next) && !verb(after.then[0])
            || headline && after.list && (verb(next) || PLURAL_VERBS.contains(&next)));
    // `Apple retail chief`, `Ford finance head`, `Oracle co-president`: a company's officer.
    let officer = OFFICER_TITLES.contains(&next)
        || one_case_word(after.next).is_some()
            && OFFICERS.contains(&after.then[0].to_lowercase().as_str());
    // `Apache output rises`, `BA traffic up`: a headline's subject and its business noun
    // before a verb; `Merrill in talks`.
    let then = after.then[0].to_lowercase();
    let noun_acts = sentence_initial
        && headline
        && SUBJECT_NOUNS.contains(&next)
        && (third_person_verb(after.then[0])
            || verb(after.then[0])
            || ["up", "down"].contains(&then.as_str()));
    let in_talks = next == "in" && ["talks", "deal", "pact", "bid"].contains(&then.as_str());
    // `Adobe will pay`, `Corning could make`: a modal before a company's act.
    let modal_acts =
        after.after_modal && (CORPORATE_ACTS.contains(&next) || MODAL_ACTS.contains(&next));
    // `GM down 41 pct`, `Target up 5 percent`: a headline's subject and its move.
    let moves = sentence_initial
        && headline
        && ["up", "down"].contains(&next)
        && after.then[0].starts_with(|c: char| c.is_ascii_digit());
    let product = after.next.chars().next().is_some_and(char::is_uppercase)
        || after.next.contains(|c: char| c.is_ascii_digit());
    BUSINESS_VERBS.contains(&next)
        || HEADLINE_VERBS.contains(&next)
        || NOUNS.contains(&next)
        || reporting_period(next) && after.joined
        || past_tense
        || to_act
        || subject_acts
        || officer
        || noun_acts
        || in_talks
        || modal_acts
        || moves
        || (after.possessive && (BUSINESS_WORDS.contains(&next) || product))
}

/// Modals before a verb: `Adobe will pay`.
const MODALS: &[&str] = &[
    "will", "would", "could", "can", "may", "might", "must", "should",
];

/// A company's acts after a modal, besides [`CORPORATE_ACTS`]: `Corning will make`.
#[rustfmt::skip]
const MODAL_ACTS: &[&str] = &[
    "make", "supply", "announce", "provide", "offer", "sign", "release", "post", "unveil",
    "resume", "halt", "suspend", "reduce", "add", "expand", "move", "join", "win",
];

/// Verbs in the plural after a headline's subject that is a list of names: `Delta,
/// Northwest agree to merge`, `Delta, American raise fares`.
#[rustfmt::skip]
const PLURAL_VERBS: &[&str] = &[
    "agree", "raise", "post", "report", "see", "say", "plan", "sign", "settle", "merge", "win",
    "lose", "unveil", "boost", "lift", "lower", "trim", "lead", "lag", "face", "seek", "eye",
    "near", "mull", "weigh", "extend", "end", "form", "team", "join", "drop", "gain", "climb",
    "slide", "sink", "soar", "surge", "tumble", "top", "miss", "hold", "hike", "slash",
];

/// Words before a surname that make it a person's (lower case): `Senator Dodd`, `Mr.
/// Ford`, `President Ford`. Not `owner` or `founder`: `Gucci owner Kering`.
#[rustfmt::skip]
const PERSON_TITLES: &[&str] = &[
    "chairman", "senator", "sen.", "rep.", "governor", "gov.", "mayor", "judge", "justice",
    "coach", "actor", "actress", "singer", "heiress", "mr.", "mr", "mrs.", "mrs", "ms.", "ms",
    "dr.", "dr", "minister", "secretary", "president", "lord", "sir", "dame", "prof.",
    "professor",
];

/// Officers after a company and one word (`Apple retail chief`, `Ford finance head`).
const OFFICERS: &[&str] = &["chief", "head", "boss", "ceo", "executive", "president"];

/// Officers right after a company (`Oracle co-president`, `Target spokeswoman`).
#[rustfmt::skip]
const OFFICER_TITLES: &[&str] = &[
    "president", "co-president", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "spokesperson", "founder", "co-founder", "cfo", "coo",
];

/// A company's business nouns that a headline's subject may take before its verb (`Apache
/// output rises`, `BA traffic up`).
#[rustfmt::skip]
const SUBJECT_NOUNS: &[&str] = &[
    "output", "traffic", "production", "orders", "bookings", "deliveries", "margins", "margin",
    "loss", "losses", "debt", "subscribers", "costs", "volumes", "capacity", "jobs", "exports",
    "shipments", "revenue", "earnings", "profit", "sales", "shares", "stock", "card", "unit",
];

/// Business nouns after an ordinary-word name that make it a company (`Target shares`,
/// `Valero net`, `Kraft deal`); after a verb in `s` they leave it a verb (`Anglo suspends
/// dividend`, `TI forecasts revenue`), where the verbs of the lists above would not.
#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "shares", "stock", "earnings", "revenue", "sales", "profit", "results", "dividend", "stake",
    "outlook", "guidance", "forecast", "stores", "executives", "shareholders", "investors",
    "bonds", "ahead", "net", "quarterly", "unit", "ceo", "chief", "board", "bid", "bids", "sale",
    "merger", "deal", "ipo", "probe", "q1", "q2", "q3", "q4", "takeover", "buyout", "tie-up",
    "talks",
];

/// A reporting period as wires abbreviate it after a company's name (`BT FY profit`, `Apple
/// FQ2 profit`, `Sony 1H loss`, `Tesco H1 sales`, `Rio 9M output`, `Macquarie 1H12 profit`,
/// `Canon Jan-Mar profit`), lower case: `fy`, `fy09`, `fy2012`, `fq2`, `q3`, `3q`, `3q12`,
/// `h1`, `1h`, `1h12`, `9m` (not `3m`: 3M is a company), and a range of months.
pub(super) fn reporting_period(word: &str) -> bool {
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let quarter = |c: u8| (b'1'..=b'4').contains(&c);
    let half = |c: u8| c == b'1' || c == b'2';
    match word.as_bytes() {
        [b'f', b'y'] => true,
        [b'f', b'y', ..] => digits(&word[2..], 2..=2) || digits(&word[2..], 4..=4),
        [b'f', b'q', q] | [b'q', q] | [q, b'q'] => quarter(*q),
        [q, b'q', ..] => quarter(*q) && digits(&word[2..], 2..=2),
        [b'h', h] | [h, b'h'] => half(*h),
        [h, b'h', ..] => half(*h) && digits(&word[2..], 2..=2),
        // Not `3m` or `6m`: 3M is a company.
        [b'9', b'm'] => true,
        _ => word
            .split_once('-')
            .is_some_and(|(from, to)| MONTHS.contains(&from) && MONTHS.contains(&to)),
    }
}

/// Verbs that follow a subject as helpers: a noun before one is the subject's.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "hit",
];

/// Whether a word after `to` may be a verb: a word of letters in one case (`add`, `CUT`),
/// not a name, a number or a determiner (`to Apple`, `to 5 pct`, `to the`).
fn verb_after_to(word: &str) -> bool {
    const NOT_VERBS: &[&str] = &["the", "its", "his", "her", "their", "record", "date"];
    one_case_word(word).is_some_and(|w| w.len() >= 3 && !NOT_VERBS.contains(&w.as_str()))
}

/// A verb in the third person after a headline's subject: a word of four letters or more in
/// one case ending in a single `s` (`swings`, `ADDS`), not a word ending in `ss` or `us`
/// (`class`, `bonus`).
fn third_person_verb(word: &str) -> bool {
    one_case_word(word).is_some_and(|w| {
        w.len() >= 4 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e))
    })
}

/// A word of ASCII letters all in one case (`add`, `ADDS`, not `Adds` or `3gs`), lowered.
fn one_case_word(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    ((word == lower || word == word.to_uppercase())
        && lower.chars().all(|c| c.is_ascii_lowercase()))
    .then_some(lower)
}

/// `Visa and Mastercard agreed`, `TotalEnergies, Shell and BP`: an ordinary-word name
/// listed with a company named for sure is one too.
pub(super) fn listed_with_a_company(text: &str, start: usize, end: usize, sure: &Spans) -> bool {
    const JOINS: &[&str] = &[" and ", " or ", " & ", ", ", " vs ", " and rival "];
    let after = &text[end..];
    let before = &text[..start];
    JOINS.iter().any(|j| {
        after.starts_with(j) && sure.starts.contains(&(end + j.len()))
            || before.ends_with(j)
                && start
                    .checked_sub(j.len())
                    .is_some_and(|e| sure.ends.contains(&e))
    })
}
