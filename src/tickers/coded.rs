//! Names and codes together: a Reuters code after a company's name is the name's company,
//! a US code in brackets after words of its name is the company, and a name running on to
//! another company's code is that company's.

use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::Gazetteer;
use super::local::{Local, ceil_char_boundary};
use super::resolve::{Mention, MentionForm, TickerKey};

/// `Siemens AG <SIEGn.DE>`, `BNP Paribas <BNPP.PA>`: a Reuters code the gazetteer does not
/// know, right after a company's name (legal words such as `Inc` or `AG` between), is that
/// company's: Reuters roots often differ from the listing's own code.
pub(super) fn codes_of_names(text: &str, mentions: &mut [Mention]) {
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
    let code = code
        .trim_start_matches("&lt;")
        .trim_end_matches("&gt;")
        .trim_matches(['<', '>', '(', ')']);
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
pub(super) fn codes_after_names(
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

/// A code of one to five capitals in brackets, a share class after a dot: `(BRK.B)`.
static BRACKETED_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z]{1,5}(?:\.[A-Z])?)\)").expect("valid regex"));

/// Whether `start..end` overlaps one of `codes` (sorted, disjoint).
pub(super) fn overlaps(codes: &[Mention], start: usize, end: usize) -> bool {
    let i = codes.partition_point(|c| c.end <= start);
    codes.get(i).is_some_and(|c| c.start < end)
}

/// `Tokyo Electron Device (TSE: 2760)`: a name followed by more capitalised words (not a
/// legal form such as `SA`) and a code names the coded company, not the listing the
/// shorter name is.
pub(super) fn names_another_coded_company(
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
