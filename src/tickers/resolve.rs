//! Mentions of listed companies in a text: explicit codes first, then gazetteer names on
//! word boundaries with case rules, and ordinary-word names (`Apple`, `Shell`) only in
//! business context.

use std::borrow::Cow;
use std::collections::HashSet;

use super::coded::{codes_after_names, codes_of_names, names_another_coded_company, overlaps};
use super::context::{
    RATING_AGENCIES, before_a_plural_noun, in_business_context, listed_with_a_company,
    moves_as_a_market, names_an_airline, opens_a_headline, rates, speaks_of_flying,
};
use super::gazetteer::{Gazetteer, Kind};
use super::local::{Local, Spans, floor_char_boundary, in_url};
use super::names::{
    brand_after, case_fits, drop_hyphen_compounds, names_a_market_of_a_code, on_word_boundaries,
    part_of_other_name, written_as_a_code_name,
};
use super::patterns::{CodeForm, find_codes, symbol_for};
use crate::split::Span;

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
    let mut mentions = code_mentions(gazetteer, text, day);
    mentions.extend(codes_after_names(gazetteer, text, &mentions, day));
    mentions.sort_by_key(|m| m.start);
    let mut local = Local::new(text, sentences);
    let candidates = name_candidates(gazetteer, &mut local, &mentions, day);
    accept_names(&mut local, &mut mentions, candidates);
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

/// The explicit codes of `text` (not inside a URL) as mentions: the listing the gazetteer
/// knows for each, else the code as written.
fn code_mentions(gazetteer: &Gazetteer, text: &str, day: Option<&str>) -> Vec<Mention> {
    find_codes(text)
        .into_iter()
        .filter(|c| !in_url(text, c.start, c.end))
        .filter_map(|c| {
            let known = match c.form {
                // `<WM.N>` in 2008 is Washington Mutual, not the company that has had the
                // code since: the listing that held it on the day comes first.
                CodeForm::Suffix | CodeForm::Ric => gazetteer
                    .former_holder_on(c.exchange, &c.code, day)
                    .or_else(|| {
                        c.exchange
                            .and_then(|e| gazetteer.by_symbol(&symbol_for(e, &c.code)))
                    })
                    .or_else(|| gazetteer.by_code(c.exchange, &c.code)),
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
        .collect()
}

/// A gazetteer name found in the text, written as a name: its listing, whether every
/// spelling that fits is ambiguous (an ordinary word), and its span.
pub(super) struct Candidate {
    pub(super) listing: usize,
    pub(super) ambiguous: bool,
    pub(super) start: usize,
    pub(super) end: usize,
    /// One of the company's own brands that is no ordinary word follows the name (`Toyota
    /// Prius`, `Apple 'iPhone'`): business context for an ordinary-word name.
    pub(super) brand_after: bool,
    /// Where the words that give the name its context begin: past a brand of the company
    /// that is an ordinary word (`Ford Credit profit`), else at the name's end.
    pub(super) context_end: usize,
    /// Written only as the listing's code (`UTX`): a company only as the subject that opens
    /// a headline, in business context.
    pub(super) code: bool,
}

/// The gazetteer names of the text that are written as names (whole words, in a case that
/// fits, not in a URL, not part of another name or compound) and overlap no code.
fn name_candidates(
    gazetteer: &Gazetteer,
    local: &mut Local<'_>,
    codes: &[Mention],
    day: Option<&str>,
) -> Vec<Candidate> {
    let text = local.text;
    // `Kimberly-Clark` is the name `Kimberly Clark`: names are matched with hyphens read as
    // spaces (one byte for one, so offsets hold); every check reads the text as written.
    let haystack: Cow<'_, str> = if text.contains('-') {
        Cow::Owned(text.replace('-', " "))
    } else {
        Cow::Borrowed(text)
    };
    let mut candidates = Vec::new();
    for m in gazetteer.names.find_iter(haystack.as_ref()) {
        let Some((m, plural)) = whole_words(gazetteer, &haystack, text, m) else {
            continue;
        };
        let pattern = &gazetteer.patterns[m.pattern().as_usize()];
        let (start, end) = (m.start(), m.end());
        if start == end || overlaps(codes, start, end) {
            continue;
        }
        let found = &haystack[start..end];
        let Some(mut listing) = gazetteer.holder(pattern, day) else {
            continue;
        };
        if let Some((_, agency)) = RATING_AGENCIES.iter().find(|(index, _)| *index == found)
            && rates(text, end)
            && let Some(agency) = gazetteer.named(agency, day)
        {
            listing = agency;
        }
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
        let own = &gazetteer.listings[listing];
        let brand = brand_after(&text[end..], &own.brands);
        let word_brand = brand_after(&text[end..], &own.word_brands);
        let code = !fitting.is_empty() && fitting.iter().all(|s| s.code);
        if fitting.is_empty()
            || code && !written_as_a_code_name(text, start, end)
            || local.in_url(start, end)
            || names_another_coded_company(local, start, end, codes, listing)
            || part_of_other_name(local, start, end, brand.or(word_brand).is_some())
            || names_a_market_of_a_code(text, start, end)
        {
            continue;
        }
        candidates.push(Candidate {
            listing,
            ambiguous: fitting.iter().all(|s| s.ambiguous),
            start,
            end,
            brand_after: brand.is_some(),
            context_end: end + word_brand.unwrap_or(0),
            code,
        });
    }
    drop_hyphen_compounds(text, &mut candidates, codes);
    candidates
}

/// The name at `m` on word boundaries, with whether a bare plural `s` follows. A longer name
/// that runs into the next word (`Nestle SA` in "Nestle said") gives way to the longest
/// shorter name at the same start (`Nestle`): the matcher returns the longest only.
fn whole_words(
    gazetteer: &Gazetteer,
    haystack: &str,
    text: &str,
    m: aho_corasick::Match,
) -> Option<(aho_corasick::Match, bool)> {
    let start = m.start();
    let mut current = m;
    loop {
        if let Some(plural) = on_word_boundaries(text, current.start(), current.end()) {
            return Some((current, plural));
        }
        let shorter_end = floor_char_boundary(haystack, current.end().checked_sub(1)?);
        let shorter = gazetteer.names.find(&haystack[start..shorter_end])?;
        if shorter.start() != 0 || shorter.is_empty() {
            return None;
        }
        current = aho_corasick::Match::new(shorter.pattern(), start..start + shorter.end());
    }
}

/// Adds the candidates that name their company to `mentions`: a distinctive name always, an
/// ordinary-word one when its company is named for sure elsewhere, in its business context,
/// or listed with a company accepted so (`BP and Shell both lowered`).
fn accept_names(local: &mut Local<'_>, mentions: &mut Vec<Mention>, candidates: Vec<Candidate>) {
    let text = local.text;
    let sure: HashSet<usize> = mentions
        .iter()
        .filter_map(|m| match m.key {
            TickerKey::Known(id) => Some(id),
            TickerKey::Unknown { .. } => None,
        })
        .chain(
            candidates
                .iter()
                .filter(|c| !c.ambiguous)
                .map(|c| c.listing),
        )
        .collect();
    let sure_spans = Spans::new(
        mentions.iter().map(|m| (m.start, m.end)).chain(
            candidates
                .iter()
                .filter(|c| !c.ambiguous)
                .map(|c| (c.start, c.end)),
        ),
    );
    let mut accepted = sure_spans.clone();
    let mut waiting = Vec::new();
    for c in candidates {
        // An airline named for sure elsewhere (`United Airlines posted a loss. United
        // said...`) needs no airline word in each sentence.
        if names_an_airline(text, c.start, c.end) && !sure.contains(&c.listing) {
            let (_, sentence) = local.sentence(c.start, c.end);
            if !speaks_of_flying(sentence.text(text)) || before_a_plural_noun(text, c.end) {
                continue;
            }
        }
        if c.code && !opens_a_headline(local, c.start, c.end) {
            continue;
        }
        let form = if !c.ambiguous {
            MentionForm::Name
        } else if sure.contains(&c.listing)
            || c.brand_after
            || in_business_context(local, c.start, c.context_end, &sure_spans)
        {
            accepted.insert(c.start, c.end);
            MentionForm::NameInContext
        } else {
            waiting.push(c);
            continue;
        };
        mentions.push(Mention {
            key: TickerKey::Known(c.listing),
            start: c.start,
            end: c.end,
            form,
        });
    }
    for c in waiting {
        if listed_with_a_company(text, c.start, c.end, &accepted)
            && !moves_as_a_market(text, c.start, c.end)
        {
            mentions.push(Mention {
                key: TickerKey::Known(c.listing),
                start: c.start,
                end: c.end,
                form: MentionForm::NameInContext,
            });
        }
    }
}
