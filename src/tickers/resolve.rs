//! Mentions of listed companies in a text: explicit codes first, then gazetteer names on
//! word boundaries with case rules, and ordinary-word names (`Apple`, `Shell`) only in
//! business context.

use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::Gazetteer;
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
    Bloomberg,
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
    "Incorporated", "Corporation", "Company", "shares", "stock", "stocks", "Chief", "CEO",
];

/// Words whose presence in the sentence says it is about business.
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
    "of", "soup", "trades", "trade", "game", "games", "letters", "letter", "inflation",
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
    "Street", "Nasdaq", "NYSE", "Analysts", "Investors", "Sell", "Buy",
];

/// Every mention in `text`; `sentences` (spans of `text`) give ordinary-word names their context.
pub fn find_mentions(gazetteer: &Gazetteer, text: &str, sentences: &[Span]) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = find_codes(text)
        .into_iter()
        .filter(|c| !in_url(text, c.start, c.end))
        .map(|c| {
            let known = match c.form {
                CodeForm::Suffix => c
                    .exchange
                    .and_then(|e| gazetteer.by_symbol(&symbol_for(e, &c.code)))
                    .or_else(|| gazetteer.by_code(c.exchange, &c.code)),
                _ => gazetteer.by_code(c.exchange, &c.code),
            };
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
                CodeForm::Bloomberg => MentionForm::Bloomberg,
            };
            Mention {
                key,
                start: c.start,
                end: c.end,
                form,
            }
        })
        .collect();

    let mut candidates = Vec::new();
    for m in gazetteer.names.find_iter(text) {
        let pattern = &gazetteer.patterns[m.pattern().as_usize()];
        let (start, end) = (m.start(), m.end());
        let found = &text[start..end];
        if !on_word_boundaries(text, start, end)
            || mentions.iter().any(|c| start < c.end && c.start < end)
        {
            continue;
        }
        // Whether the line is in capitals matters only for short names: computed once, lazily.
        let mut caps = None;
        let fitting: Vec<_> = pattern
            .spellings
            .iter()
            .filter(|s| {
                case_fits(found, &s.text, s.ambiguous, || {
                    *caps.get_or_insert_with(|| in_capitals(text, start, end))
                })
            })
            .collect();
        if fitting.is_empty()
            || in_url(text, start, end)
            || names_another_coded_company(text, start, end, &mentions, pattern.listing, sentences)
            || (!found.contains(' ') && part_of_other_name(text, start, end, sentences))
        {
            continue;
        }
        let ambiguous = fitting.iter().all(|s| s.ambiguous);
        candidates.push((pattern.listing, ambiguous, start, end));
    }
    let sure: Vec<usize> = mentions
        .iter()
        .filter_map(|m| match m.key {
            TickerKey::Known(id) => Some(id),
            TickerKey::Unknown { .. } => None,
        })
        .chain(candidates.iter().filter(|c| !c.1).map(|c| c.0))
        .collect();
    for (listing, ambiguous, start, end) in candidates {
        let form = if !ambiguous {
            MentionForm::Name
        } else if sure.contains(&listing) || in_business_context(text, start, end, sentences) {
            MentionForm::NameInContext
        } else {
            continue;
        };
        mentions.push(Mention {
            key: TickerKey::Known(listing),
            start,
            end,
            form,
        });
    }
    mentions.sort_by_key(|m| m.start);
    mentions
}

/// Names must be whole words; a possessive (`Toyota's`) or plural `s` may follow.
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '.' | '_' | '$' | '#')) {
        return false;
    }
    let mut after = text[end..].chars();
    match after.next() {
        None => true,
        Some('s') => after.next().is_none_or(|c| !c.is_alphanumeric()),
        Some('.') => after.next().is_none_or(|c| !c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    }
}

/// Ordinary-word and short names must be written as the gazetteer writes them (`Apple`,
/// `IBM`), short ones also in capitals inside an all-capitals headline (`SONY`); other
/// names need only start like a name (`NVIDIA`, `Softbank`, not `nvidia`).
fn case_fits(found: &str, name: &str, ambiguous: bool, in_capitals: impl FnOnce() -> bool) -> bool {
    if found == name {
        return true;
    }
    if ambiguous {
        return false;
    }
    if name.chars().count() <= 4 {
        return found == name.to_uppercase() && in_capitals();
    }
    match (found.chars().next(), name.chars().next()) {
        (Some(f), Some(n)) => f == n || f.is_uppercase(),
        _ => false,
    }
}

/// The line around `start..end` is written in capitals (a wire headline).
fn in_capitals(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line = &text[line_start..line_end];
    line.chars().filter(|c| c.is_alphabetic()).count() >= 8 && !line.chars().any(char::is_lowercase)
}

/// `Tokyo Electron Device (TSE: 2760)`: a name followed by more capitalised words and a
/// code names the coded company, not the listing the shorter name is.
fn names_another_coded_company(
    text: &str,
    start: usize,
    end: usize,
    codes: &[Mention],
    listing: usize,
    sentences: &[Span],
) -> bool {
    let sentence = sentence_span(text, start, end, sentences);
    let Some(code) = codes
        .iter()
        .find(|c| c.start >= end && c.end <= sentence.end)
    else {
        return false;
    };
    if code.key == TickerKey::Known(listing) || title_case(sentence.text(text)) {
        return false;
    }
    let between = text[end..code.start]
        .trim_end()
        .trim_end_matches('(')
        .trim_end();
    let words: Vec<&str> = between.split_whitespace().collect();
    between.starts_with(' ')
        && (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphanumeric() || "&.-'".contains(c))
        })
}

/// The whitespace-delimited token around `start..end` is a URL or a path.
fn in_url(text: &str, start: usize, end: usize) -> bool {
    let token_start = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let token_end = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    let token =
        text[token_start..token_end].trim_end_matches(|c: char| ".,;:!?)]}\"'’”".contains(c));
    token.contains("://") || token.starts_with("www.") || DOMAIN_PATH.is_match(token)
}

/// `example.com/…`, `nikkei.co.jp/…`: a lower-case domain followed by a path.
static DOMAIN_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z0-9-]\.[a-z]{2,6}/").expect("valid regex"));

fn in_business_context(text: &str, start: usize, end: usize, sentences: &[Span]) -> bool {
    let next_word: String = text[end..]
        .trim_start_matches(['\'', '’', 's', '-'])
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if COMPANY_WORDS.contains(&next_word.as_str()) {
        return true;
    }
    if ORDINARY_NEXT.contains(&next_word.to_lowercase().as_str()) {
        return false;
    }
    // The first word of a quotation is capitalised for its position: there an ordinary
    // word (`"Customers are choosing Walmart`) needs a company word after it or another
    // sure mention of the company.
    let opening = &text[sentence_span(text, start, end, sentences).start..start];
    if opening.chars().all(|c| !c.is_alphanumeric()) && opening.contains(['"', '“', '‘', '\''])
    {
        return false;
    }
    sentence_of(text, start, end, sentences)
        .split(|c: char| !(c.is_alphanumeric() || c == '%'))
        .any(|w| w.ends_with('%') || BUSINESS_WORDS.contains(&w.to_lowercase().as_str()))
}

/// `Harrison Ford`, `Nikola Tesla`: a capitalised word right before a one-word name makes
/// it part of another name, unless the sentence is in title case (a headline).
fn part_of_other_name(text: &str, start: usize, end: usize, sentences: &[Span]) -> bool {
    let before = &text[..start];
    if !before.ends_with(' ') {
        return false;
    }
    let word_end = before.trim_end_matches(' ').len();
    let word_start = before[..word_end]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..word_end];
    // A sentence's first word is capitalised for its position, not as a name.
    let first_of_sentence = sentence_span(text, start, end, sentences).start == word_start;
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && !FREE_CAPITALISED.contains(&word);
    capitalised && !first_of_sentence && !title_case(sentence_of(text, start, end, sentences))
}

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
    words.len() >= 3 && capitalised * 10 >= words.len() * 6
}

/// The sentence holding `start..end` (sentences are sorted), or the whole text.
fn sentence_span(text: &str, start: usize, end: usize, sentences: &[Span]) -> Span {
    sentence_at(sentences, start, end).map_or(
        Span {
            start: 0,
            end: text.len(),
        },
        |i| sentences[i],
    )
}

fn sentence_of<'t>(text: &'t str, start: usize, end: usize, sentences: &[Span]) -> &'t str {
    sentence_span(text, start, end, sentences).text(text)
}
