//! Whether a gazetteer name found in text is written as the company's: whole words, its
//! case, not part of a longer name or compound, and wire tags glued to a headline.

use std::collections::HashSet;

use super::context::{COMPANY_WORDS, reporting_period};
use super::local::{LineCase, Local, ceil_char_boundary};
use super::resolve::{Candidate, Mention};

/// Capitalised words that may stand before a company name without being part of another name.
#[rustfmt::skip]
pub(super) const FREE_CAPITALISED: &[&str] = &[
    "The", "In", "On", "At", "And", "But", "For", "As", "After", "Before", "While", "When", "If",
    "Meanwhile", "Shares", "Rival", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Why", "How", "Also", "Both", "Like", "Unlike",
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

/// `Sampo-Rosenlew`, `Trend-Wise`: a name joined by a hyphen to a capitalised word is part
/// of a compound name, unless that word is a name or code too (`LSE-Deutsche Boerse`). A
/// lower-case word after the hyphen (`Toyota-backed`) leaves the name alone.
pub(super) fn drop_hyphen_compounds(
    text: &str,
    candidates: &mut Vec<Candidate>,
    codes: &[Mention],
) {
    let ends: HashSet<usize> = candidates
        .iter()
        .map(|c| c.end)
        .chain(codes.iter().map(|m| m.end))
        .collect();
    let starts: HashSet<usize> = candidates
        .iter()
        .map(|c| c.start)
        .chain(codes.iter().map(|m| m.start))
        .collect();
    candidates.retain(|&Candidate { start, end, .. }| {
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
pub(super) fn is_wire_tag(before: &str) -> bool {
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
pub(super) fn on_word_boundaries(text: &str, start: usize, end: usize) -> Option<bool> {
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

/// Ordinary-word and short names must be written as the gazetteer writes them (`Apple`,
/// `IBM`), short ones also in capitals inside an all-capitals headline (`SONY`); other
/// names need only start like a name (`NVIDIA`, `Softbank`, not `nvidia`). A line written
/// all in capitals or all in lower case has no case to read: there any name matches in
/// that case (`FORD TO CUT`, `netflix loses subscribers`), and ordinary-word ones still
/// need their business context.
pub(super) fn case_fits(
    found: &str,
    name: &str,
    ambiguous: bool,
    line: impl FnOnce() -> LineCase,
) -> bool {
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

/// `Harrison Ford`, `Eaton Vance`, `Alliance Global Partners`, `Cabot Microelectronics`: a
/// name inside a longer capitalised name is part of another name, and no company is better
/// than the wrong one. In a title-case sentence (a headline) every word is capitalised, so
/// there only a company noun after the name (`Continental Building Products`) says so.
/// `brand_after`: the company's own brand follows (`Toyota Prius`), so only the word before
/// is read.
pub(super) fn part_of_other_name(
    local: &mut Local<'_>,
    start: usize,
    end: usize,
    brand_after: bool,
) -> bool {
    let text = local.text;
    let (_, sentence) = local.sentence(start, end);
    let after = text[end..]
        .strip_prefix(char::is_whitespace)
        .filter(|_| !brand_after)
        .map(|rest| {
            let word_end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            &rest[..word_end]
        });
    // `Goldman Sachs Alpha fund`, `Legg Mason Value Trust`: a fund named after its sponsor
    // is news about the sponsor.
    if !brand_after && names_a_fund(&text[end..]) {
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

/// Whether a listing's code at `start..end` stands as the company's name (`UTX Q1 profit
/// falls`, `BARC shares drop`): in capitals, not inside a code's brackets or after an
/// exchange's prefix (`(GNC)`, `(CVE:CZR)`), nor before a capitalised word or one in
/// capitals (`EQT Midstream Partners`, `GS MLP Income Fund`, `BEI Holdings`) other than a
/// reporting period (`UTX Q1`, `CBA FY`), `CEO`, `Chief` or a word that stands freely
/// (`Shares`).
pub(super) fn written_as_a_code_name(text: &str, start: usize, end: usize) -> bool {
    // In capitals, as codes are: `shr profit` in a line of lower case is no Schering.
    if text[start..end].chars().any(char::is_lowercase) {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if before.is_some_and(|c| matches!(c, ':' | '(' | '<' | '['))
        || after.is_some_and(|c| matches!(c, ')' | '>' | ']' | ':'))
    {
        return false;
    }
    let next = text[end..]
        .trim_start_matches(['\'', '’'])
        .trim_start_matches('s')
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let capitalised = next.starts_with(char::is_uppercase);
    // `BEI Holdings Ltd` is another company's name; `UTX CEO` is the company's officer.
    !capitalised
        || reporting_period(&next.to_lowercase())
        || FREE_CAPITALISED.contains(&next)
        || ["CEO", "Chief"].contains(&next)
        || TITLES.contains(&next)
}

/// The length of the brand `after` (the text after a company's name) opens with, if one
/// of `brands` does, with the space and an opening quote before it: `Toyota Prius recall`,
/// `Apple 'iPhone'`, `Ford Credit profit`.
pub(super) fn brand_after(after: &str, brands: &[String]) -> Option<usize> {
    let rest = after.strip_prefix(' ')?;
    let unquoted = rest.trim_start_matches(['\'', '"', '‘', '“']);
    let opening = after.len() - unquoted.len();
    brands.iter().find_map(|brand| {
        unquoted
            .strip_prefix(brand.as_str())
            .filter(|tail| tail.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            .map(|_| opening + brand.len())
    })
}

/// `(OMX: VAIAS)`, `( OMX : KCR1V )`: an exchange's name before a listing's code in
/// brackets is the market the code trades on, not the exchange's company.
pub(super) fn names_a_market_of_a_code(text: &str, start: usize, end: usize) -> bool {
    let Some(rest) = text[end..].trim_start().strip_prefix(':') else {
        return false;
    };
    let rest = rest.trim_start();
    let code = &rest[..rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-')))
        .unwrap_or(rest.len())];
    text[..start].trim_end().ends_with('(')
        && code.chars().any(|c| c.is_ascii_uppercase())
        && code.chars().all(|c| !c.is_ascii_lowercase())
}

/// `Goldman Sachs Alpha fund`, `BNY Mellon High Yield Strategies Fund`, `Legg Mason Value
/// Trust's`: the capitalised words after a name run on to a fund's name (a few words are
/// read; the fund's noun may be in lower case).
pub(super) fn names_a_fund(after: &str) -> bool {
    for word in after.split_whitespace().take(6) {
        // A fund's name runs on without a break: `BP Singh, Pramerica Mutual Fund` is a person.
        let broken = word.ends_with([',', ':', ';']);
        let word = word.trim_end_matches([',', '.', ':', ';']);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if matches!(word, "Fund" | "Funds" | "ETF" | "Trust" | "fund" | "funds") {
            return true;
        }
        if broken || !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        {
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
        && !LEGAL_SUFFIXES.contains(&word)
}

/// Legal forms in mixed case after a company's name (`Konecranes Oyj`, `Eni SpA`).
#[rustfmt::skip]
const LEGAL_SUFFIXES: &[&str] = &[
    "Oyj", "Oy", "Abp", "SpA", "Spa", "Srl", "GmbH", "Bhd", "Tbk", "Pty", "Ltda", "Cie", "Sarl",
];

/// Titles and words that follow a company's name in prose: `Apple Chairman`.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Chairman", "Chairwoman", "President", "Founder", "Director", "Executive", "Chief", "Board",
    "Shares", "Stock", "Reuters", "Bloomberg", "Update", "Exclusive", "Breaking", "Research",
    "Analysts", "Strategists", "Economists",
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
