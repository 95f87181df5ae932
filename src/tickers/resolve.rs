//! Mentions of listed companies in a text: explicit codes first, then gazetteer names on
//! word boundaries with case rules, and ordinary-word names (`Apple`, `Shell`) only in
//! business context.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::{Gazetteer, Kind};
use super::patterns::{CodeForm, find_codes, symbol_for};
use crate::split::{Span, sentence_at};

/// Which listing a mention is of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TickerKey {
    /// A listing of the gazetteer (its index).
    Known(usize),
    /// An explicit code the gazetteer does not know, reported as written.
    Unknown {
        symbol: String,
        exchange: Option<&'static str>,
    },
}

/// How a mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    Cashtag,
    Exchange,
    Suffix,
    /// A Reuters code in angle brackets (`<AAPL.O>`, `<MRS>`).
    Ric,
    Bloomberg,
    /// A US code in brackets after the company's name: `Dana (DAN)`.
    CodeAfterName,
    Name,
    /// An ordinary-word name accepted because of its context.
    NameInContext,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub key: TickerKey,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    pub form: MentionForm,
}

/// Words after an ordinary-word name that make it a company: `Apple Inc.`, `Shell shares`.
#[rustfmt::skip]
const COMPANY_WORDS: &[&str] = &[
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
    "cut", "cuts", "beat", "beats", "missed", "misses", "announced", "announces",
    "agreed", "agrees", "plans", "planned", "expects", "expected", "launched", "launches", "hired",
    "hires", "named", "names", "appointed", "appoints", "acquired", "acquires", "bought", "buys",
    "sold", "sells", "sued", "warned", "warns", "reaffirmed", "reaffirms", "lowered", "lowers",
    "boosted", "boosts", "trimmed", "trims", "shed", "sheds", "upgraded", "downgraded", "declared",
    "declares", "completed", "completes", "filed", "files", "shares", "stock",
    "earnings", "revenue", "sales", "profit", "results", "dividend", "stake", "outlook",
    "guidance", "forecast", "stores", "executives", "shareholders", "investors", "bonds",
    "weighs", "weighed", "drags", "dragged", "lifts", "lifted", "tops", "topped", "lags",
    "lagged", "slips", "slipped", "dips", "dipped", "edges", "edged", "loses", "lost", "sheds",
    "rebounds", "rebounded", "recovers", "recovered", "signs", "signed", "invests", "invested",
    "unveils", "unveiled", "introduces", "introduced", "recalls", "recalled", "settles",
    "settled", "pays", "paid", "hikes", "hiked", "slashes", "slashed", "tanks", "tanked",
    "zooms", "zoomed", "rallies", "plummets", "plummeted", "surges", "soars", "outperforms",
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
    "fired", "ousts", "ousted", "ahead", "profit", "net", "quarterly", "unit", "stake", "ceo",
    "chief", "board", "bid", "bids", "sale", "merger", "deal", "ipo", "probe", "q1", "q2", "q3",
    "q4",
];

/// Words of place and period between a company and its business word in a headline
/// (`Ford U.S. October sales`), lower case; `U.S.` is read as `u` and `s`.
#[rustfmt::skip]
const PERIOD_OR_PLACE: &[&str] = &[
    "u", "s", "k", "us", "uk", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "same-store", "comparable", "domestic",
    "global", "worldwide", "first-quarter", "second-quarter", "third-quarter", "fourth-quarter",
    "1st-qtr", "2nd-qtr", "3rd-qtr", "4th-qtr", "first-half", "second-half", "full-year",
    "half-year", "fiscal", "annual", "monthly", "weekly", "december-quarter", "june-quarter",
    "march-quarter", "september-quarter",
];

/// `Nasdaq closes higher`, `Nasdaq stocks`, `S&P 500 and Nasdaq hit records`: an exchange's
/// name is also its market's, and a market moves; the operator acts (`Nasdaq agrees to buy
/// OMX`, `LSE rejects bid`).
fn moves_as_a_market(text: &str, start: usize, end: usize) -> bool {
    if !MARKETS.contains(&&text[start..end]) {
        return false;
    }
    let next = text[end..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    next.starts_with("listed") || MARKET_WORDS.contains(&next.as_str())
}

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
    "record", "records", "economists", "economist",
    "composite", "listed", "listing", "listings", "futures", "trading", "debut", "debuts",
];

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

/// Capitalised words that may stand before a company name without being part of another name.
#[rustfmt::skip]
const FREE_CAPITALISED: &[&str] = &[
    "The", "In", "On", "At", "And", "But", "For", "As", "After", "Before", "While", "When", "If",
    "Meanwhile", "Shares", "Rival", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Why", "How", "Also", "Both", "Like", "Unlike",
    "Japanese", "Japan", "Dutch", "German", "French", "British", "American", "Chinese", "Korean",
    "Taiwanese", "Swiss", "Danish", "Swedish", "Finnish", "Norwegian", "Italian", "Spanish",
    "European", "Asian", "Indian", "Peer", "Exporters", "Carmaker", "Chipmaker", "Automaker",
    "Retailer", "Tokyo", "London", "Frankfurt", "Paris", "Seoul", "Taipei", "Hong", "Kong", "Wall",
    "Street", "Nasdaq", "NYSE", "Analysts", "Investors", "Sell", "Buy", "Hold", "Drugmaker",
    "Lender", "Insurer", "Miner", "Brewer", "Conglomerate", "Shipper", "Bank", "Regulator",
    "Watch", "Stocks", "Shares", "Stock", "Automakers", "Chipmakers", "Banks", "Miners", "Oil",
    "Tech", "Social", "Media", "Giant", "Search", "Online", "Telecom", "Operator", "Airline",
    "Group", "Company", "Firm", "Startup", "Partner", "Supplier", "Embattled", "Struggling",
    "Troubled", "Beleaguered", "Says", "Said", "Today", "Yesterday", "Tomorrow", "Shareholders",
    "Long", "Short", "Breaking", "Update", "Exclusive", "Report", "Reports", "Source", "Sources",
    "Used", "New", "Old", "Suppliers", "Peers", "Rivals", "Competitors", "Customers", "Fellow",
    "Only", "Even", "Including", "Domestic", "Global", "Local", "Major", "Top", "Leading", "An",
    "Its", "Their", "This", "That", "These", "Those", "His", "Her", "Our", "Your", "My", "Some",
    "All", "Many", "Most", "Several", "Other", "Another", "Each", "Every", "No", "Not", "With",
    "From", "By", "To", "Of", "Is", "Are", "Was", "Were", "Has", "Have", "Had", "Will", "Would",
    "Can", "Could", "Should", "Might", "So", "Then", "Than", "Or", "Nor", "Yet", "Still", "Just",
    "Now", "Here", "There", "Where", "What", "Which", "Who", "It", "We", "They", "He", "She",
    "You", "Despite", "Though", "Although", "Because", "Since", "Until", "Over", "Under",
    "About", "Against", "Between", "Into", "Through", "During", "Without", "Within", "Following",
    "Across", "Via", "Per", "Amid", "Among", "Toward", "Towards", "Once", "Do", "Does", "Did",
    "Let", "Get", "See", "Check", "Look", "Read", "Hear", "Meet", "Owner", "Parent", "Maker",
];

/// Every mention in `text`; `sentences` (spans of `text`) give ordinary-word names their
/// context. `day` (`YYYY-MM-DD`, the article's date) picks, among listings that shared a name
/// or a code over the years, the one that held it then; without it, today's.
///
/// Every check is local (a few words around a name, or its sentence, line or token, each
/// computed once), so the cost grows with the text, not with its mentions squared.
pub fn find_mentions(
    gazetteer: &Gazetteer,
    text: &str,
    sentences: &[Span],
    day: Option<&str>,
) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = find_codes(text)
        .into_iter()
        .filter(|c| !in_url(text, c.start, c.end))
        .filter_map(|c| {
            let known = match c.form {
                CodeForm::Suffix | CodeForm::Ric => c
                    .exchange
                    .and_then(|e| gazetteer.by_symbol(&symbol_for(e, &c.code)))
                    .or_else(|| gazetteer.by_code_on(c.exchange, &c.code, day)),
                _ => gazetteer.by_code_on(c.exchange, &c.code, day),
            };
            // `$aapl` counts when the gazetteer knows it; `$lol` is a word.
            if c.lowercase && known.is_none() {
                return None;
            }
            let key = known.map_or_else(
                || TickerKey::Unknown {
                    symbol: c
                        .exchange
                        .map_or_else(|| c.code.clone(), |e| symbol_for(e, &c.code)),
                    exchange: c.exchange,
                },
                TickerKey::Known,
            );
            let form = match c.form {
                CodeForm::Cashtag => MentionForm::Cashtag,
                CodeForm::Exchange => MentionForm::Exchange,
                CodeForm::Suffix => MentionForm::Suffix,
                CodeForm::Ric => MentionForm::Ric,
                CodeForm::Bloomberg => MentionForm::Bloomberg,
            };
            Some(Mention {
                key,
                start: c.start,
                end: c.end,
                form,
            })
        })
        .collect();
    mentions.extend(codes_after_names(gazetteer, text, &mentions, day));
    mentions.sort_by_key(|m| m.start);

    let mut local = Local::new(text, sentences);
    // `Kimberly-Clark` is the name `Kimberly Clark`: names are matched with hyphens read as
    // spaces (one byte for one, so offsets hold); every check reads the text as written.
    let haystack: Cow<'_, str> = if text.contains('-') {
        Cow::Owned(text.replace('-', " "))
    } else {
        Cow::Borrowed(text)
    };
    let mut candidates = Vec::new();
    for m in gazetteer.names.find_iter(haystack.as_ref()) {
        let pattern = &gazetteer.patterns[m.pattern().as_usize()];
        let (start, end) = (m.start(), m.end());
        if start == end {
            continue;
        }
        let found = &haystack[start..end];
        let Some(plural) = on_word_boundaries(text, start, end) else {
            continue;
        };
        if overlaps(&mentions, start, end) {
            continue;
        }
        let Some(listing) = gazetteer.holder(pattern, day) else {
            continue;
        };
        let fitting: Vec<_> = pattern
            .spellings
            .iter()
            .filter(|s| {
                // A bare plural only of a distinctive name: `Toyotas`, not `Venus` (Venu) or
                // `Targets`.
                (!plural || (!s.ambiguous && s.text.chars().count() > 4))
                    && case_fits(found, &s.text.replace('-', " "), s.ambiguous, || {
                        local.line_case(start, end)
                    })
            })
            .collect();
        if fitting.is_empty()
            || local.in_url(start, end)
            || names_another_coded_company(&mut local, start, end, &mentions, listing)
            || part_of_other_name(&mut local, start, end)
        {
            continue;
        }
        let ambiguous = fitting.iter().all(|s| s.ambiguous);
        candidates.push((listing, ambiguous, start, end));
    }
    drop_hyphen_compounds(text, &mut candidates, &mentions);
    let sure: HashSet<usize> = mentions
        .iter()
        .filter_map(|m| match m.key {
            TickerKey::Known(id) => Some(id),
            TickerKey::Unknown { .. } => None,
        })
        .chain(candidates.iter().filter(|c| !c.1).map(|c| c.0))
        .collect();
    let sure_spans = Spans::new(
        mentions
            .iter()
            .map(|m| (m.start, m.end))
            .chain(candidates.iter().filter(|c| !c.1).map(|c| (c.2, c.3))),
    );
    let mut accepted = sure_spans.clone();
    let mut waiting = Vec::new();
    for (listing, ambiguous, start, end) in candidates {
        let form = if !ambiguous {
            MentionForm::Name
        } else if sure.contains(&listing)
            || in_business_context(&mut local, start, end, &sure_spans)
        {
            accepted.insert(start, end);
            MentionForm::NameInContext
        } else {
            waiting.push((listing, start, end));
            continue;
        };
        mentions.push(Mention {
            key: TickerKey::Known(listing),
            start,
            end,
            form,
        });
    }
    // `BP and Shell both lowered`: a name listed with one accepted from its own context.
    for (listing, start, end) in waiting {
        if listed_with_a_company(text, start, end, &accepted)
            && !moves_as_a_market(text, start, end)
        {
            mentions.push(Mention {
                key: TickerKey::Known(listing),
                start,
                end,
                form: MentionForm::NameInContext,
            });
        }
    }
    // Funds and indices are matched so that their names and codes are not taken for a
    // company (`Nasdaq Composite`, `$SPY`), and then left out: they are not companies.
    // `Colgate Q2 net profit up 11.8% at Rs 100 cr`: figures in rupees are an Indian
    // listing's, so a name of a company listed elsewhere names its Indian subsidiary,
    // which the gazetteer may not know: no company rather than the parent.
    mentions.retain(|m| match m.key {
        TickerKey::Known(id) => {
            let listing = &gazetteer.listings[id];
            listing.kind == Kind::Company
                && !(matches!(m.form, MentionForm::Name | MentionForm::NameInContext)
                    && !matches!(listing.exchange.as_str(), "NSE" | "BSE")
                    && local.in_rupees(m.start, m.end))
        }
        TickerKey::Unknown { .. } => true,
    });
    mentions.sort_by_key(|m| m.start);
    codes_of_names(text, &mut mentions);
    mentions
}

/// `Siemens AG <SIEGn.DE>`, `BNP Paribas <BNPP.PA>`: a Reuters code the gazetteer does not
/// know, right after a company's name (legal words such as `Inc` or `AG` between), is that
/// company's: Reuters roots often differ from the listing's own code.
fn codes_of_names(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(i);
        let (name, code) = (&before[i - 1], &mut after[0]);
        // `Nortel Networks Corp <NT.TO><NT.N>`: a second code of the same root right after
        // the first is the same company's, whoever holds that code today.
        if name.form == MentionForm::Ric
            && code.form == MentionForm::Ric
            && text[name.end..code.start].trim().is_empty()
            && ric_root(&text[name.start..name.end]) == ric_root(&text[code.start..code.end])
        {
            code.key = name.key.clone();
            continue;
        }
        let named = matches!(name.form, MentionForm::Name | MentionForm::NameInContext)
            && matches!(name.key, TickerKey::Known(_));
        if code.form == MentionForm::Ric
            && matches!(code.key, TickerKey::Unknown { .. })
            && named
            && name.end <= code.start
            && legal_words_only(&text[name.end..code.start])
        {
            code.key = name.key.clone();
        }
    }
}

/// The root of a Reuters code as written: `<NT.TO>` and `(NT.N)` are `NT`.
fn ric_root(code: &str) -> &str {
    let code = code.trim_matches(['<', '>', '(', ')']);
    code.split(['.', '_']).next().unwrap_or(code)
}

/// Words of a company's legal form, as written after its name.
const LEGAL_WORDS: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Co",
    "Cos",
    "Company",
    "Ltd",
    "Limited",
    "Plc",
    "PLC",
    "plc",
    "AG",
    "SA",
    "SE",
    "NV",
    "AB",
    "ASA",
    "A/S",
    "Oyj",
    "SpA",
    "KGaA",
    "Holdings",
    "Holding",
    "Group",
    "Bhd",
    "Berhad",
    "Tbk",
    "&",
    "LLC",
    "LP",
    "L.P",
    "N.V",
    "S.A",
];

/// Whether `between` holds at most three legal words and nothing else.
fn legal_words_only(between: &str) -> bool {
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 3
        && words
            .iter()
            .all(|w| LEGAL_WORDS.contains(&w.trim_end_matches(['.', ','])))
}

/// `Dana (DAN)`, `Flushing Financial Corporation (FFIC)`: a US code in brackets is the
/// company's when a word just before it is a word of that company's name. Alone, a
/// bracketed code is too often something else (`artificial intelligence (AI)`).
fn codes_after_names(
    gazetteer: &Gazetteer,
    text: &str,
    codes: &[Mention],
    day: Option<&str>,
) -> Vec<Mention> {
    BRACKETED_CODE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let id = gazetteer.by_code_on(None, &c[1], day)?;
            if overlaps(codes, whole.start(), whole.end()) {
                return None;
            }
            let name = &gazetteer.listings[id].name;
            let before =
                &text[ceil_char_boundary(text, whole.start().saturating_sub(60))..whole.start()];
            let named = before
                .split_whitespace()
                .rev()
                .take(5)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.len() >= 3 && w.starts_with(char::is_uppercase))
                .any(|w| name.split_whitespace().any(|n| n.eq_ignore_ascii_case(w)));
            named.then_some(Mention {
                key: TickerKey::Known(id),
                start: whole.start() + 1,
                end: whole.end() - 1,
                form: MentionForm::CodeAfterName,
            })
        })
        .collect()
}

/// An amount in rupees: `Rs 100 cr`, `Rs.5`, `INR 20`, `₹`, `crore`, `lakh`.
static RUPEES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Rs\.?|INR) ?\d|₹|\b(?:crores?|lakhs?)\b").expect("valid regex")
});

/// A code of one to five capitals in brackets, a share class after a dot: `(BRK.B)`.
static BRACKETED_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z]{1,5}(?:\.[A-Z])?)\)").expect("valid regex"));

/// Whether `start..end` overlaps one of `codes` (sorted, disjoint).
fn overlaps(codes: &[Mention], start: usize, end: usize) -> bool {
    let i = codes.partition_point(|c| c.end <= start);
    codes.get(i).is_some_and(|c| c.start < end)
}

/// The starts and ends of accepted mentions, to find names listed with them in one look.
#[derive(Clone, Default)]
struct Spans {
    starts: HashSet<usize>,
    ends: HashSet<usize>,
}

impl Spans {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut out = Self::default();
        for (start, end) in spans {
            out.insert(start, end);
        }
        out
    }
    fn insert(&mut self, start: usize, end: usize) {
        self.starts.insert(start);
        self.ends.insert(end);
    }
}

/// The text around a name, each piece (the sentence, the line, the whitespace-delimited
/// token) worked out once for all the names in it.
struct Local<'a> {
    text: &'a str,
    sentences: &'a [Span],
    /// Sentence index -> written in title case.
    title_case: HashMap<Option<usize>, bool>,
    /// Sentence index -> has an amount in rupees.
    rupees: HashMap<Option<usize>, bool>,
    /// (line start, line end, its case) of the last line looked at.
    line: Option<(usize, usize, LineCase)>,
    /// (token start, token end, a URL) of the last token looked at.
    token: Option<(usize, usize, bool)>,
}

impl<'a> Local<'a> {
    fn new(text: &'a str, sentences: &'a [Span]) -> Self {
        Self {
            text,
            sentences,
            title_case: HashMap::new(),
            rupees: HashMap::new(),
            line: None,
            token: None,
        }
    }

    /// The sentence holding `start..end` (sentences are sorted), or the whole text.
    fn sentence(&self, start: usize, end: usize) -> (Option<usize>, Span) {
        let i = sentence_at(self.sentences, start, end);
        let span = i.map_or(
            Span {
                start: 0,
                end: self.text.len(),
            },
            |i| self.sentences[i],
        );
        (i, span)
    }

    fn sentence_in_title_case(&mut self, start: usize, end: usize) -> bool {
        let (i, span) = self.sentence(start, end);
        let text = self.text;
        *self
            .title_case
            .entry(i)
            .or_insert_with(|| title_case(span.text(text)))
    }

    fn in_rupees(&mut self, start: usize, end: usize) -> bool {
        let (i, span) = self.sentence(start, end);
        let text = self.text;
        *self
            .rupees
            .entry(i)
            .or_insert_with(|| RUPEES.is_match(span.text(text)))
    }

    /// How the line around `start..end` is written: a wire headline in capitals, a post
    /// or a feed's headline in lower case, or as prose is.
    fn line_case(&mut self, start: usize, end: usize) -> LineCase {
        if let Some((s, e, case)) = self.line
            && s <= start
            && end <= e
        {
            return case;
        }
        let text = self.text;
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let line = &text[line_start..line_end];
        let letters = line.chars().filter(|c| c.is_alphabetic()).count() >= 8;
        let case = if letters && !line.chars().any(char::is_lowercase) {
            LineCase::Capitals
        } else if letters && !line.chars().any(char::is_uppercase) {
            LineCase::Lower
        } else {
            LineCase::Mixed
        };
        self.line = Some((line_start, line_end, case));
        case
    }

    /// The whitespace-delimited token around `start..end` is a URL or a path.
    fn in_url(&mut self, start: usize, end: usize) -> bool {
        if let Some((s, e, url)) = self.token
            && s <= start
            && end <= e
        {
            return url;
        }
        let (token_start, token_end) = token_around(self.text, start, end);
        let url = url_token(&self.text[token_start..token_end]);
        self.token = Some((token_start, token_end, url));
        url
    }
}

/// `Sampo-Rosenlew`, `Trend-Wise`: a name joined by a hyphen to a capitalised word is part
/// of a compound name, unless that word is a name or code too (`LSE-Deutsche Boerse`). A
/// lower-case word after the hyphen (`Toyota-backed`) leaves the name alone.
fn drop_hyphen_compounds(
    text: &str,
    candidates: &mut Vec<(usize, bool, usize, usize)>,
    codes: &[Mention],
) {
    let ends: HashSet<usize> = candidates
        .iter()
        .map(|c| c.3)
        .chain(codes.iter().map(|m| m.end))
        .collect();
    let starts: HashSet<usize> = candidates
        .iter()
        .map(|c| c.2)
        .chain(codes.iter().map(|m| m.start))
        .collect();
    candidates.retain(|&(_, _, start, end)| {
        let joined_before = text[..start].strip_suffix('-').is_some_and(|b| {
            // `UPDATE 3-BP settles` is the wire's numbering, not a compound; nor is a wire tag
            // glued to the headline (`FACTBOX-Bank of America`, `RPT-Ford`).
            b.chars().next_back().is_some_and(char::is_alphabetic)
                && !ends.contains(&(start - 1))
                && !is_wire_tag(b)
        });
        let joined_after = text[end..].strip_prefix('-').is_some_and(|a| {
            a.starts_with(char::is_uppercase) && !starts.contains(&(text.len() - a.len()))
        });
        !joined_before && !joined_after
    });
}

/// The longest wire tag read, in bytes (`BUZZ-U.S. STOCKS ON THE MOVE` is 28).
const WIRE_TAG_BYTES: usize = 48;

/// `FACTBOX`, `RPT-COLUMN`, `BUZZ-U.S. STOCKS ON THE MOVE`: everything from the start of the
/// text or line up to the hyphen is in capitals (three letters or more, no lower case), as
/// wire services tag headlines, or is one of the agency's series (`Reuters Summit`). Only the last [`WIRE_TAG_BYTES`] before the hyphen are
/// read, so a long line costs no more than a short one.
fn is_wire_tag(before: &str) -> bool {
    let from = ceil_char_boundary(before, before.len().saturating_sub(WIRE_TAG_BYTES));
    let tail = &before[from..];
    let line = match tail.rfind('\n') {
        Some(newline) => &tail[newline + 1..],
        None if from == 0 => tail,
        // The line started further back: longer than any tag.
        None => return false,
    };
    let line = line.trim_start();
    // `Reuters Summit-Intel sees`, `Breakingviews-`: the agency's own series.
    let agency_series = ["Reuters", "Breakingviews"]
        .iter()
        .any(|a| line.starts_with(a))
        && line.split_whitespace().count() <= 3;
    agency_series
        || line.chars().filter(char::is_ascii_uppercase).count() >= 3
            && !line.chars().any(char::is_lowercase)
}

/// Names must be whole words; a possessive (`Toyota's`) or a plural `s` may follow. `Some`
/// with whether a bare plural `s` follows, `None` when the match is not a whole word.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> Option<bool> {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '.' | '_' | '$' | '#')) {
        return None;
    }
    let mut after = text[end..].chars();
    let whole = match after.next() {
        None => return Some(false),
        Some('s') => {
            return after
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
                .then_some(true);
        }
        Some('.') => after.next().is_none_or(|c| !c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    };
    whole.then_some(false)
}

/// The case a line is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineCase {
    /// Every letter a capital (eight letters or more): `FORD TO CUT SALARIED STAFF`.
    Capitals,
    /// No capital at all (eight letters or more): `apple unveils iphone 3gs`.
    Lower,
    Mixed,
}

/// Ordinary-word and short names must be written as the gazetteer writes them (`Apple`,
/// `IBM`), short ones also in capitals inside an all-capitals headline (`SONY`); other
/// names need only start like a name (`NVIDIA`, `Softbank`, not `nvidia`). A line written
/// all in capitals or all in lower case has no case to read: there any name matches in
/// that case (`FORD TO CUT`, `netflix loses subscribers`), and ordinary-word ones still
/// need their business context.
fn case_fits(found: &str, name: &str, ambiguous: bool, line: impl FnOnce() -> LineCase) -> bool {
    if found == name {
        return true;
    }
    let odd_case = || match line() {
        LineCase::Capitals => found == name.to_uppercase(),
        LineCase::Lower => found == name.to_lowercase(),
        LineCase::Mixed => false,
    };
    if ambiguous || name.chars().count() <= 4 {
        return odd_case();
    }
    match (found.chars().next(), name.chars().next()) {
        (Some(f), Some(n)) => f == n || f.is_uppercase() || odd_case(),
        _ => false,
    }
}

/// `Tokyo Electron Device (TSE: 2760)`: a name followed by more capitalised words (not a
/// legal form such as `SA`) and a code names the coded company, not the listing the
/// shorter name is.
fn names_another_coded_company(
    local: &mut Local<'_>,
    start: usize,
    end: usize,
    codes: &[Mention],
    listing: usize,
) -> bool {
    let (_, sentence) = local.sentence(start, end);
    let Some(code) = codes
        .get(codes.partition_point(|c| c.start < end))
        .filter(|c| c.end <= sentence.end)
    else {
        return false;
    };
    // At most four words lie between: a code further on names something else.
    if code.key == TickerKey::Known(listing)
        || code.start - end > 160
        || local.sentence_in_title_case(start, end)
    {
        return false;
    }
    let between = local.text[end..code.start]
        .trim_end()
        .trim_end_matches('(')
        .trim_end();
    let words: Vec<&str> = between.split_whitespace().collect();
    // `BNP Paribas SA <BNPP.PA>`: a legal form is still the name's company.
    between.starts_with(' ')
        && !legal_words_only(between)
        && (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphanumeric() || "&.-'".contains(c))
        })
}

/// The whitespace-delimited token around `start..end` is a URL or a path.
fn in_url(text: &str, start: usize, end: usize) -> bool {
    let (token_start, token_end) = token_around(text, start, end);
    url_token(&text[token_start..token_end])
}

/// The bounds of the whitespace-delimited token around `start..end`.
fn token_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let token_start = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token_end = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    (token_start, token_end)
}

fn url_token(token: &str) -> bool {
    let token = token.trim_end_matches(|c: char| ".,;:!?)]}\"'’”".contains(c));
    token.contains("://") || token.starts_with("www.") || DOMAIN_PATH.is_match(token)
}

/// `example.com/…`, `nikkei.co.jp/…`: a lower-case domain followed by a path.
static DOMAIN_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z0-9-]\.[a-z]{2,6}/").expect("valid regex"));

/// An ordinary-word name is the company when the words around it say so: a company word
/// after it (`Target Corp`, `Shell shares`), a business verb (`Target raised`, `Gap Inc
/// reports`), or a phrase before it that takes a company (`shares of Target`). Business
/// words elsewhere in the sentence do not count: in market news they are everywhere
/// (`Forecasting for Next Year`).
fn in_business_context(local: &mut Local<'_>, start: usize, end: usize, sure: &Spans) -> bool {
    let text = local.text;
    if moves_as_a_market(text, start, end) {
        return false;
    }
    if listed_with_a_company(text, start, end, sure) {
        return true;
    }
    let possessive = text[end..].starts_with(['\'', '’']);
    let mut rest = text[end..]
        .strip_prefix(['\'', '’'])
        .map_or(&text[end..], |r| r.trim_start_matches('s'));
    // `Arm, its chip designer, reported`: the verb comes after the apposition.
    if let Some(apposition) = rest.strip_prefix(", ")
        && ["its ", "the ", "a ", "an "]
            .iter()
            .any(|w| apposition.starts_with(w))
        && let Some(close) = apposition[..floor_char_boundary(apposition, 80)].find(", ")
    {
        rest = &apposition[close + 2..];
    }
    let mut words = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty());
    let mut next_word = words.next().unwrap_or("").to_string();
    // `Shell both lowered`, `BP has raised`.
    while [
        "both", "also", "all", "each", "has", "have", "had", "will", "would", "is", "was",
    ]
    .contains(&next_word.as_str())
    {
        next_word = words.next().unwrap_or("").to_string();
    }
    // `Ford U.S. October sales`, `Target November same-store sales`: a place or a period
    // between a headline's subject and its business word.
    for _ in 0..3 {
        let year = next_word.len() == 4 && next_word.chars().all(|c| c.is_ascii_digit());
        if !(year || PERIOD_OR_PLACE.contains(&next_word.to_lowercase().as_str())) {
            break;
        }
        next_word = words.next().unwrap_or("").to_string();
    }
    // `Apple on Thursday reported`.
    if next_word == "on" {
        let day = words.next().unwrap_or("");
        if FREE_CAPITALISED.contains(&day) {
            next_word = words.next().unwrap_or("").to_string();
        }
    }
    // The gazetteer holds a listing's names with their legal form (`Target Corp`, `Apple
    // Inc`), which match whole: `Delta Corp` is another company.
    if LEGAL_FORMS.contains(&next_word.as_str()) {
        return false;
    }
    let next_lower = next_word.to_lowercase();
    if COMPANY_WORDS.contains(&next_word.as_str()) {
        return true;
    }
    if ORDINARY_NEXT.contains(&next_lower.as_str()) {
        return false;
    }
    // The first word of a quotation is capitalised for its position: there an ordinary
    // word (`"Customers are choosing Walmart`) needs a company word after it or another
    // sure mention of the company.
    let opening = &text[local.sentence(start, end).1.start..start];
    if opening.chars().all(|c| !c.is_alphanumeric()) && opening.contains(['"', '“', '‘', '\''])
    {
        return false;
    }
    // The longest phrase that takes a company is a few words: only those are read.
    let before = text[ceil_char_boundary(text, start.saturating_sub(40))..start].trim_end();
    // First in its sentence (after a wire tag: `RPT-Apple overtakes`), or after a full stop
    // the splitter kept inside a quotation.
    let sentence_initial = opening.chars().all(|c| !c.is_alphanumeric())
        || opening.strip_suffix('-').is_some_and(is_wire_tag)
        || before.ends_with(['.', '!', '?', ':', ';', '"', '“', '\n']);
    let before = before.to_lowercase();
    // `the apple`, `an apple`: a determiner makes it a thing (a company word after it,
    // `the Target Corp`, was read above).
    if ["the", "a", "an"].iter().any(|d| {
        before
            .strip_suffix(d)
            .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
    }) {
        return false;
    }
    // Any past tense after a name inside a sentence (`Target widened its lead`); at the
    // start of one, where every word is capitalised, only a verb of corporate action
    // (`Customers responded` is not Customers Bancorp).
    let past_tense = !sentence_initial
        && next_word.len() > 4
        && next_word.ends_with("ed")
        && next_word.chars().all(|c| c.is_ascii_lowercase());
    let after_to = if next_lower == "to" {
        words.next()
    } else {
        None
    };
    // `Shell to buy BG`.
    let to_act = after_to.is_some_and(|w| CORPORATE_ACTS.contains(&w.to_lowercase().as_str()));
    // A headline's subject acting: `Delta to add seats`, `Delta swings to profit`.
    // A word in `s` is a verb only in a headline (no full stop), and not when a verb follows
    // it (`APPLE PRICES HIT RECORD`: prices is the subject's noun).
    let headline = !local
        .sentence(start, end)
        .1
        .text(text)
        .trim_end()
        .ends_with('.');
    let subject_acts = sentence_initial
        && (after_to.is_some_and(verb_after_to)
            || headline
                && third_person_verb(&next_word)
                && !words.next().is_some_and(|w| {
                    let w = w.to_lowercase();
                    BUSINESS_VERBS.contains(&w.as_str())
                        || HEADLINE_VERBS.contains(&w.as_str())
                        || AUXILIARIES.contains(&w.as_str())
                }));
    // `Apple’s iPhone`, `Ford’s F-150`, `Target’s stores`.
    let product = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) || w.contains(|c: char| c.is_ascii_digit())
    };
    BUSINESS_VERBS.contains(&next_lower.as_str())
        || HEADLINE_VERBS.contains(&next_lower.as_str())
        || past_tense
        || to_act
        || subject_acts
        || (possessive && (BUSINESS_WORDS.contains(&next_lower.as_str()) || product(&next_word)))
        || TAKES_A_COMPANY.iter().any(|p| {
            before
                .strip_suffix(p)
                .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
        })
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
    let lower = word.to_lowercase();
    (word == lower || word == word.to_uppercase())
        && lower.len() >= 3
        && lower.chars().all(|c| c.is_ascii_lowercase())
        && !NOT_VERBS.contains(&lower.as_str())
}

/// A verb in the third person after a headline's subject: a word of four letters or more in
/// one case ending in a single `s` (`swings`, `ADDS`), not a word ending in `ss` or `us`
/// (`class`, `bonus`).
fn third_person_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    (word == lower || word == word.to_uppercase())
        && lower.len() >= 4
        && lower.chars().all(|c| c.is_ascii_lowercase())
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
}

/// `Visa and Mastercard agreed`, `TotalEnergies, Shell and BP`: an ordinary-word name
/// listed with a company named for sure is one too.
fn listed_with_a_company(text: &str, start: usize, end: usize, sure: &Spans) -> bool {
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

/// `Harrison Ford`, `Eaton Vance`, `Alliance Global Partners`, `Cabot Microelectronics`: a
/// name inside a longer capitalised name is part of another name, and no company is better
/// than the wrong one. In a title-case sentence (a headline) every word is capitalised, so
/// there only a company noun after the name (`Continental Building Products`) says so.
fn part_of_other_name(local: &mut Local<'_>, start: usize, end: usize) -> bool {
    let text = local.text;
    let (_, sentence) = local.sentence(start, end);
    let after = text[end..].strip_prefix(char::is_whitespace).map(|rest| {
        let word_end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        &rest[..word_end]
    });
    // `Goldman Sachs Alpha fund`, `Legg Mason Value Trust`: a fund named after its sponsor
    // is news about the sponsor.
    if names_a_fund(&text[end..]) {
        return false;
    }
    if after.is_some_and(|w| CORPORATE_NOUNS.contains(&w)) {
        return true;
    }
    if local.sentence_in_title_case(start, end) {
        return false;
    }
    let before = &text[..start];
    let before_word = before.strip_suffix(char::is_whitespace).and_then(|b| {
        let word_start = b
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        // A sentence's first word is capitalised for its position, but `Nikola Tesla` at the
        // start of one is still a name: only the words of FREE_CAPITALISED stand there freely.
        (word_start == sentence.start || b[..word_start].ends_with(char::is_whitespace))
            .then(|| &b[word_start..])
    });
    before_word.is_some_and(name_word) || after.is_some_and(name_word)
}

/// `Goldman Sachs Alpha fund`, `BNY Mellon High Yield Strategies Fund`, `Legg Mason Value
/// Trust's`: the capitalised words after a name run on to a fund's name (a few words are
/// read; the fund's noun may be in lower case).
fn names_a_fund(after: &str) -> bool {
    for word in after.split_whitespace().take(6) {
        let word = word.trim_end_matches([',', '.', ':']);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if matches!(word, "Fund" | "Funds" | "ETF" | "Trust" | "fund" | "funds") {
            return true;
        }
        if !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '&') {
            return false;
        }
    }
    false
}

/// A word that may be part of a name: capitalised, then lower case (`Vance`, not `CEO`), and
/// not one of the words that stand beside company names (`Rival`, `Inc`, `Monday`).
fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some_and(char::is_lowercase)
        && chars.all(char::is_alphabetic)
        && !FREE_CAPITALISED.contains(&word)
        && !COMPANY_WORDS.contains(&word)
        && !TITLES.contains(&word)
}

/// Titles and words that follow a company's name in prose: `Apple Chairman`.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Chairman", "Chairwoman", "President", "Founder", "Director", "Executive", "Chief", "Board",
    "Shares", "Stock", "Reuters", "Bloomberg", "Update", "Exclusive", "Breaking",
];

/// Nouns that end company names: after a gazetteer name they make it part of a longer one.
#[rustfmt::skip]
const CORPORATE_NOUNS: &[&str] = &[
    "Shipping", "Living", "Building", "Products", "Bancorp", "Bancshares", "Capital",
    "Financial", "Industries", "Resources", "Systems", "Technologies", "Pharmaceuticals",
    "Pharma", "Insurance", "Investments", "Properties", "Realty", "Trust",
    "Securities", "Asset", "Ventures", "Labs", "Healthcare", "Foods", "Brands", "Media",
    "Communications", "Networks", "Semiconductor", "Microelectronics", "Electronics",
    "Solutions", "Services", "Airways", "Logistics", "Minerals", "Mining", "Metals", "Steels",
    "Chemicals", "Textiles", "Cement", "Cements", "Infra", "Infrastructure", "Power", "Finance",
    "Motors", "Enterprises", "Retail", "Remedies", "India", "Fund", "Funds", "Income",
    "Institutional",
];

/// Most words start with a capital letter.
fn title_case(sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitalised * 10 >= words.len() * 6
}

/// The largest char boundary of `s` at or below `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_tags_are_short_capitals_opening_a_line() {
        assert!(is_wire_tag("FACTBOX"));
        assert!(is_wire_tag("Markets\nRPT-COLUMN"));
        assert!(is_wire_tag("BUZZ-U.S. STOCKS ON THE MOVE"));
        assert!(!is_wire_tag("Sampo"));
        assert!(!is_wire_tag("UP"));
        // Capitals that run past the limit are a shouted line, not a tag.
        assert!(!is_wire_tag(&"A".repeat(WIRE_TAG_BYTES + 1)));
        assert!(is_wire_tag(&"A".repeat(WIRE_TAG_BYTES)));
    }

    #[test]
    fn the_look_back_never_cuts_a_multibyte_character() {
        // 2-, 3- and 4-byte characters straddling the limit, then a tag on its own line.
        for ch in ['é', '日', '𝄞'] {
            for lead in 0..8 {
                for count in WIRE_TAG_BYTES / 4..WIRE_TAG_BYTES / 2 + 2 {
                    let pad: String = std::iter::repeat_n(ch, count).collect();
                    let text = format!("{}{pad}", "x".repeat(lead));
                    assert!(!is_wire_tag(&text), "{text:?}");
                    assert!(is_wire_tag(&format!("{text}\nFACTBOX")), "{text:?}");
                }
            }
        }
    }
}
