//! Does a unit that names one company name another party too? A person, an organisation
//! the gazetteer does not list (a broker, a regulator, an index), or a rival named by a noun
//! (`rivals`, `competitors`) can carry the unit's tone away from the company: "Sensex tanks;
//! Infosys bucks the trend", "Crisil downgrades Pratibha Industries". Such a unit is asked
//! about the company with a target pass. Places, days, months, titles and a wire dateline
//! (`DEARBORN, Mich. (Reuters) -`) are not parties: "LVMH's margin grew in Europe on Monday"
//! keeps its own score. Nor are unnamed analysts and brokers: in a unit that names one
//! company, their view is a view of that company ("Shares of Ford fell after analysts cut
//! estimates"), so the unit's own score already is the company's.

use std::sync::LazyLock;

use regex::Regex;

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z][\w&'’.\-]*").expect("valid regex"));

/// A wire dateline opening a unit: a place in capitals, an optional region or date, an
/// optional agency in brackets, then a dash: `LONDON, Oct 5 (Reuters) -`,
/// `DEARBORN, Mich. (Reuters) —`, `NEW YORK, March 3 -`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z.]+)?(?:\s+\d{1,2})?)*\s*(?:\([A-Za-z][A-Za-z .&-]{0,30}\)\s*)?[-–—]+\s",
    )
    .expect("valid regex")
});

/// Lower-case nouns that name a party without a proper name, one whose fortune can differ
/// from the company's (investors, courts and regulators act on it instead).
const PARTY_NOUNS: &[&str] = &["rival", "rivals", "competitor", "competitors"];

/// Capitalised words that are no party: places and their adjectives, days, months,
/// quarters, titles, legal forms and currencies.
#[rustfmt::skip]
const NOT_PARTIES: &[&str] = &[
    // Places and their adjectives.
    "Africa", "African", "America", "American", "Americas", "Arabia", "Asia", "Asian",
    "Atlantic", "Australia", "Australian", "Austria", "Bangladesh", "Beijing", "Belgium",
    "Berlin", "Bombay", "Brazil", "Brazilian", "Britain", "British", "Brussels", "California",
    "Canada", "Canadian", "Caribbean", "Chicago", "Chile", "China", "Chinese", "Colombia",
    "Delhi", "Denmark", "Dubai", "Dutch", "East", "Eastern", "Egypt", "England", "English",
    "Euro", "Europe", "European", "Eurozone", "Finland", "France", "Frankfurt", "French",
    "Geneva", "German", "Germany", "Greece", "Greek", "Gulf", "Hong", "India", "Indian",
    "Indonesia", "Iran", "Iraq", "Ireland", "Irish", "Israel", "Italian", "Italy", "Jakarta",
    "Japan", "Japanese", "Kingdom", "Kong", "Korea", "Korean", "Kuwait", "Latin", "London",
    "London-based", "Los", "Angeles", "Madrid", "Malaysia", "Mexican", "Mexico", "Middle",
    "Milan", "Moscow", "Mumbai", "Netherlands", "New", "Nigeria", "Nordic", "North",
    "Norway", "Pacific", "Pakistan", "Paris", "Peru", "Philippines", "Poland", "Portugal",
    "Qatar", "Russia", "Russian", "Saudi", "Scotland", "Seoul", "Shanghai", "Shenzhen",
    "Singapore", "South", "Spain", "Spanish", "States", "Street", "Sweden", "Swedish", "Swiss",
    "Switzerland", "Sydney", "Taiwan", "Texas", "Thailand", "Tokyo", "Toronto", "Turkey",
    "Turkish", "UAE", "UK", "US", "USA", "U.S", "U.K", "EU", "Ukraine", "United", "Vietnam",
    "Wall", "Washington", "West", "Western", "York", "Zealand", "Zurich",
    // Days, months, periods.
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY",
    // Titles, legal forms, currencies, acronyms of figures.
    "I", "A", "An", "The", "CEO", "CFO", "COO", "Chief", "Executive", "Officer", "President",
    "Chairman", "Director", "Mr", "Mrs", "Ms", "Dr", "Inc", "Corp", "Ltd", "Co", "Plc", "LLC",
    "Group", "Holdings", "Rs", "INR", "USD", "EUR", "GBP", "JPY", "IPO", "EPS", "GDP", "AGM",
];

/// Ordinary words that start sentences: as the first word they name no one.
#[rustfmt::skip]
const FIRST_WORDS: &[&str] = &[
    "A", "About", "According", "Across", "After", "Against", "Ahead", "Al", "All", "Along",
    "Also", "Although", "Among", "An", "Analysts", "And", "Another", "Any", "Are", "As", "At",
    "Before", "Being", "Both", "But", "By", "Can", "Could", "Credit", "Despite", "Did", "Do",
    "Does", "Down", "During", "Each", "Earlier", "Earnings", "Even", "Every", "Figures", "First",
    "For", "Following", "From", "Full-year", "Further", "Had", "Has", "Have", "He", "Her", "Here",
    "His", "However", "If", "In", "Instead", "Investors", "Is", "It", "Its", "Last", "Later",
    "Like", "Many", "Meanwhile", "More", "Most", "Much", "Net", "New", "No", "Not", "Now", "Of",
    "On", "One", "Only", "Operating", "Or", "Other", "Our", "Over", "Overall", "Profit",
    "Quarterly", "Reporting", "Revenue", "Sales", "Second", "Several", "Shares", "She", "Should",
    "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There", "These",
    "They", "This", "Those", "Though", "Three", "Through", "To", "Total", "Two", "Under",
    "Unlike", "Until", "Up", "Was", "We", "Were", "What", "When", "Where", "Whether", "Which",
    "While", "Who", "Why", "Will", "With", "Without", "Would", "Yet", "You",
];

/// Whether `text` names a party besides the company whose mentions are `spans` (byte
/// offsets, in text order and apart: one pass over words and spans together). A capitalised first word counts unless it is an ordinary sentence opener
/// ("Shares of Ford rose" names no one else; "Crisil downgrades …" does).
pub fn names_another_party(text: &str, spans: &[(usize, usize)]) -> bool {
    let from = DATELINE.find(text).map_or(0, |m| m.end());
    let first = WORD.find_at(text, from).map(|m| m.start());
    let mut spans = spans.iter().peekable();
    WORD.find_iter(text)
        .skip_while(|m| m.start() < from)
        .filter(|m| {
            while spans.next_if(|&&(_, e)| e <= m.start()).is_some() {}
            spans.peek().is_none_or(|&&(s, _)| s >= m.end())
        })
        .any(|m| {
            let word = bare(m.as_str());
            if PARTY_NOUNS.contains(&word.to_ascii_lowercase().as_str()) {
                return true;
            }
            word.starts_with(|c: char| c.is_ascii_uppercase())
                && !NOT_PARTIES.contains(&word)
                && (Some(m.start()) != first || !FIRST_WORDS.contains(&word))
        })
}

/// A word without its possessive and trailing punctuation: `Sony's` → `Sony`.
fn bare(word: &str) -> &str {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    word.trim_end_matches(['.', '-', '\'', '’'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(text: &str, company: &str) -> bool {
        names_another_party(text, &crate::companies::tests::spans_of(text, company))
    }

    #[test]
    fn people_organisations_and_party_nouns_are_parties() {
        assert!(party(
            "Sensex tanks 500 points; Infosys bucks the trend",
            "Infosys"
        ));
        assert!(party(
            "Crisil downgrades Pratibha Industries",
            "Pratibha Industries"
        ));
        assert!(party(
            "Do not recommend Havells here: Mehraboon Irani",
            "Havells"
        ));
        assert!(party("CLSA cuts its target for RIL", "RIL"));
        assert!(party("Toyota lost ground to rivals in March", "Toyota"));
    }

    #[test]
    fn places_days_titles_and_the_first_word_are_not() {
        assert!(!party("LVMH's margin grew in Europe on Monday", "LVMH"));
        assert!(!party("Shares of Ford rose 3% in New York", "Ford"));
        assert!(!party(
            "The CEO of Toyota said Q3 sales rose in the U.S.",
            "Toyota"
        ));
        assert!(!party("Sony's profit rose", "Sony"));
        assert!(!party("Net profit at Tata Steel doubled", "Tata Steel"));
    }

    #[test]
    fn unnamed_analysts_and_brokers_judge_the_company_named() {
        assert!(!party(
            "Shares of Ford fell after analysts cut estimates",
            "Ford"
        ));
        assert!(!party(
            "Shares of Nestle rose after brokers raised their targets",
            "Nestle"
        ));
    }

    #[test]
    fn a_wire_dateline_is_no_party() {
        for text in [
            "LONDON, Oct 5 (Reuters) - Vodafone said sales rose",
            "DEARBORN, Mich. (Reuters) — Ford said sales rose",
            "NEW YORK, March 3 - Ford said sales rose",
        ] {
            let company = if text.contains("Ford") {
                "Ford"
            } else {
                "Vodafone"
            };
            assert!(!party(text, company), "{text}");
        }
        assert!(party(
            "LONDON (Reuters) - Vodafone said Jane Doe will leave",
            "Vodafone"
        ));
        assert!(party("TOKYO Electron and Ford - talks", "Ford"));
    }

    #[test]
    fn words_inside_any_of_many_mentions_are_the_company() {
        let text = "Apple Inc. ".repeat(1000) + "said Jane Doe";
        assert!(party(&text, "Apple Inc."));
        assert!(!party(&"Apple Inc. ".repeat(1000), "Apple Inc."));
    }

    #[test]
    fn the_company_itself_and_its_possessive_are_not_another_party() {
        assert!(!party("Walmart said Walmart's sales rose", "Walmart"));
        assert_eq!(bare("Sony’s"), "Sony");
        assert_eq!(bare("U.S."), "U.S");
    }
}
