//! Whether a single full stop, followed by whitespace and a character that is not
//! lowercase, ends a sentence: not after a title, a month or `No.`; after a corporate form,
//! an initialism or an initial only when a new sentence plainly starts; after `a.m.` or
//! `p.m.` unless a time zone, a day or a date follows or the time opens the sentence.

/// Abbreviations after which a full stop never ends a sentence.
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Messrs", "Hon", "Sr", "Jr", "No",
    "Nos", "N°", "Nº", "№", "vs", "approx", "est", "e.g", "i.e", "cf", "Fig", "fig", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Pt", "Vol",
    "vol", "pp", "Dept", "Univ", "ca", "Ref", "Art", "Sec", "Ch",
];

/// Abbreviations before a name that may also end an address at the end of a sentence
/// (`St. Louis`, `… on Downing St. He said`): they end one only before an opener.
const BEFORE_NAMES: &[&str] = &["St", "Ave", "Blvd", "Rd"];

/// Abbreviations that stand before a number (`no. 5`, `p. 55`, `para. 3`).
const NUMBER_PREFIXES: &[&str] = &["no", "nos", "p", "para", "Para", "art", "sec", "tel", "Tel"];

/// Corporate forms and `etc.`: a sentence ends after them only when a new one plainly starts.
const CONDITIONAL_FINAL: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Plc", "PLC", "plc", "LLC", "Bhd", "Cos", "Bros", "Intl", "etc",
    "Assn", "Ltda",
];

/// Words that start sentences often enough to end a sentence after a corporate form,
/// a country initialism or an initial ("… with Sony Corp. The shares rose").
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "Its",
    "He",
    "She",
    "We",
    "They",
    "I",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "However",
    "Meanwhile",
    "Shares",
    "Analysts",
    "Investors",
    "Separately",
    "Also",
    "Last",
    "Earlier",
    "Later",
    "For",
    "As",
    "After",
    "Before",
    "While",
    "According",
    "Revenue",
    "Sales",
    "Profit",
    "Net",
    "There",
    "His",
    "Her",
    "Our",
    "Their",
    "Still",
    "Yet",
    "Moreover",
    "Overall",
    "Despite",
    "Although",
    "Since",
    "If",
    "When",
    "Why",
    "What",
    "How",
    "Who",
    "Where",
    "Which",
    "Some",
    "Many",
    "Most",
    "Both",
    "Such",
    "Under",
    "Over",
    "Operating",
    "Did",
    "Do",
    "Does",
    "Is",
    "Are",
    "Was",
    "Were",
    "Will",
    "Can",
    "Then",
    "Now",
    "Today",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Verbs that, one or two capitalised words after a corporate form, show that a new
/// sentence has started ("… sold to Acme Inc. Nomura said").
const CLAUSE_VERBS: &[&str] = &[
    "said", "says", "added", "told", "reported", "posted", "rose", "fell", "gained", "declined",
    "jumped", "slipped", "climbed", "dropped", "expects", "plans", "will", "has", "had", "is",
    "was",
];

/// What may follow `a.m.`/`p.m.` in the same sentence: time zones, days, months.
const AFTER_TIME: &[&str] = &[
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "MT",
    "MST",
    "MDT",
    "PT",
    "PST",
    "PDT",
    "GMT",
    "BST",
    "UTC",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "WET",
    "JST",
    "KST",
    "HKT",
    "SGT",
    "AEST",
    "AEDT",
    "AWST",
    "IST",
    "MSK",
    "SAST",
    "BRT",
    "NZST",
    "NZDT",
    "WIB",
    "PHT",
    "ICT",
    "Eastern",
    "Pacific",
    "Central",
    "Mountain",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Words that may stand before the time in a sentence that opens with it ("At 9 a.m. Ms.
/// Tanaka said"; "Shortly after 10 a.m. Sony shares rose").
const TIME_PREPOSITIONS: &[&str] = &[
    "at",
    "by",
    "before",
    "after",
    "around",
    "about",
    "until",
    "till",
    "since",
    "from",
    "shortly",
    "just",
    "starting",
    "beginning",
    "as",
    "of",
    "early",
    "late",
    "approximately",
    "roughly",
];

fn is_opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '“' | '‘' | '\'' | '«')
}

/// The letters that `text` starts with.
fn leading_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    &text[..end]
}

/// Decides a single full stop followed by whitespace and a character that is not lowercase.
/// `sentence` is the sentence up to the stop, `after` the text after the whitespace.
pub(super) fn full_stop_ends_sentence(sentence: &str, after: &str) -> bool {
    let mut words = sentence.split_whitespace().rev();
    let word = words
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opening_punct);
    if matches!(word, "a.m" | "p.m" | "A.M" | "P.M") {
        return time_ends_sentence(sentence, after);
    }
    if NEVER_FINAL.contains(&word) {
        return false;
    }
    if NUMBER_PREFIXES.contains(&word) && after.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // `you and I.` ends a sentence; `Albert I. Jones` is a middle initial.
    if word == "I"
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase))
    {
        return true;
    }
    if CONDITIONAL_FINAL.contains(&word) {
        return OPENERS.contains(&leading_word(after)) || starts_clause(after);
    }
    if is_initialism(word) || BEFORE_NAMES.contains(&word) {
        return OPENERS.contains(&leading_word(after));
    }
    true
}

/// One or two capitalised words and then a verb: "Nomura said", "Acme Holdings rose".
fn starts_clause(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let capitalised =
        |w: &str| w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphabetic);
    match (words.next(), words.next(), words.next()) {
        (Some(a), Some(b), c) if capitalised(a) => {
            CLAUSE_VERBS.contains(&b)
                || (capitalised(b) && c.is_some_and(|c| CLAUSE_VERBS.contains(&c)))
        }
        _ => false,
    }
}

/// After `a.m.`/`p.m.`: "closed at 4 P.M. Mr. Sato then spoke" is two sentences; "at 3 p.m.
/// ET", "at 9 a.m. Tuesday", "4 p.m. New York time", "At 9 a.m. Ms. Tanaka said" and
/// "9.30 A.M. / 7.00 P.M." are one.
fn time_ends_sentence(sentence: &str, after: &str) -> bool {
    if !after.starts_with(char::is_uppercase)
        || AFTER_TIME.contains(&leading_word(after))
        || names_local_time(after)
    {
        return false;
    }
    !opens_with_time(sentence)
}

/// "New York time", "Tokyo time": capitalised words, then `time`.
fn names_local_time(after: &str) -> bool {
    for word in after.split_whitespace().take(4) {
        if word.trim_end_matches(|c: char| !c.is_alphabetic()) == "time" {
            return true;
        }
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// The sentence so far is a time phrase: one to three prepositions, a number, `a.m`.
fn opens_with_time(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace().rev();
    let (Some(_), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut count = 0;
    for word in words {
        count += 1;
        if count > 3
            || !TIME_PREPOSITIONS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word))
        {
            return false;
        }
    }
    count > 0
}

/// `U.S`, `J.P`, `S.A`, `D`: single letters joined by full stops (the last stop is not in `word`).
fn is_initialism(word: &str) -> bool {
    !word.is_empty()
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_abbreviations_end_a_sentence_unless_the_time_goes_on() {
        assert!(time_ends_sentence(
            "He left the bank at 6 P.M",
            "Mr. Smith then"
        ));
        assert!(!time_ends_sentence("At 5 a.m", "Mr. Smith went"));
        assert!(!time_ends_sentence(
            "Shortly after 9 a.m",
            "Sony shares rose"
        ));
        assert!(!time_ends_sentence("Trading ends at 3 p.m", "ET on Friday"));
        assert!(!time_ends_sentence(
            "Trading ends at 3 p.m",
            "New York time."
        ));
        assert!(!time_ends_sentence("The vote is at 10 a.m", "Tuesday."));
        assert!(!time_ends_sentence("Open 9.30 A.M", "/ 7.00 P.M."));
    }

    #[test]
    fn corporate_form_ends_before_a_new_clause() {
        assert!(starts_clause("Nomura said the deal"));
        assert!(starts_clause("Acme Holdings rose 3%"));
        assert!(!starts_clause("Chief Executive Tim Cook said"));
        assert!(!starts_clause("Ltd. said on Tuesday"));
    }

    #[test]
    fn pronoun_i_against_a_middle_initial() {
        assert!(full_stop_ends_sentence(
            "We make a good team, you and I",
            "Did you"
        ));
        assert!(!full_stop_ends_sentence(
            "Did you see Albert I",
            "Jones yesterday?"
        ));
    }
}
