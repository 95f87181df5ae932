//! Page furniture in text saved from a news page (a browser's "save as text", or copy-all):
//! the lines around the story that are not the story. The patterns for paragraphs that
//! HTML pages share (share prompts, bylines, datelines, "read more", cookie notices,
//! credits) are the HTML loader's own ([`super::super::html::is_furniture_text`]); the ones
//! here are the lines a saved page adds: read-time and listen lines, figure captions,
//! section labels, feedback prompts, account and footer links, and bare dates.
//!
//! Every pattern matches a whole line (or, for notices, a short line that says nothing
//! else), so a line of the story that only starts like furniture is kept.

use std::sync::LazyLock;

use regex::Regex;

/// Lines up to this many words are checked against the furniture patterns; longer ones are
/// prose (as in the HTML loader).
const SHORT: usize = 25;

/// Lines that a saved page adds around a story, each a whole line.
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            # read time, alone or after a byline: `Sarah Chen··2 min read`, `5 minute read`
            (?:.{0,60}?[\s·•|,–—-])?\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?\s+read
          | reading\ time\s*:?\s*\d{1,3}\s*min(?:ute)?s?\.?
            # listen lines: `Listen to this article0:00 min`, `Listen · 4:32`
          | (?:listen|play)(?:\ to)?(?:\ (?:this|the))?(?:\ (?:article|story|audio))?
            \s*[·•|()–-]?\s*(?:\d{1,2}:\d{2}|\d{1,3})?\s*(?:min(?:ute)?s?\.?)?\s*\)?
          | audio\ (?:version|available|article)
            # figure and chart captions
          | ai[-\ ]generated\ (?:image|illustration|photo|picture|graphic|art|video)s?
          | (?:photo\ )?illustration(?:\s*[:/].{0,80})?
          | data\ visuali[sz]ations?(?:\ (?:chart|graphic))?
          | (?:chart|graphic|infographic|interactive\ chart|map|video|watch|gallery|visual)\s*:.{0,100}
          | (?:file|stock|archive)\ (?:photo|image|picture)s?(?:\s*:.{0,80})?
          | (?:image|photo)\ (?:generated\ (?:by|with)\ ai|for\ illustration(?:\ purposes)?(?:\ only)?)
            # links to more of a section: `More in Business`
          | more\ (?:in|from|on)\ (?-i:\p{Lu})[\p{L}&'’]*(?:\ [\p{L}&'’]+){0,3}
            # feedback prompts
          | (?:was|did|is|were)\ this\ (?:\w+\ )?(?:helpful|useful|informative|answer\ your\ question)\b.{0,30}
          | (?:give|send|leave|share)\ (?:us\ )?(?:your\ )?feedback\b.{0,40}
          | (?:thanks|thank\ you)\ for\ (?:your\ )?feedback\b.{0,40}
          | how\ would\ you\ rate\ this\b.{0,40} | rate\ this\ (?:article|story)\b.{0,20}
          | report\ an?\ (?:error|issue|typo|correction)\b.{0,20}
          | (?:yes|no)(?:\s*[/|·]?\s*(?:yes|no))?
            # comments, discussion
          | discussion(?:\s*\(\d+\))? | join\ the\ (?:conversation|discussion)\b.{0,40}
            # saving and sharing, accounts, apps
          | (?:save|saved|bookmark|gift)(?:\ (?:this\ )?(?:article|story))? | gift\ this\ article\b.{0,40}
          | (?:sign|log)\ (?:in|out|up)(?:\ (?:to|for|now|here|with|or|and)\b.{0,60})? | login | logout | signup | signin
          | (?:create|register)\ (?:a\ |an\ |your\ )?(?:free\ )?account\b.{0,60}
          | already\ (?:a\ )?(?:subscriber|member|registered|have\ an\ account)\b.{0,60}
          | (?:get|download)\ (?:the|our)\ (?:\w+\ )?(?:app|newsletter)\b.{0,60}
            # page chrome and footer links: `Privacy Policy · Terms of Use · Cookie Settings`
          | (?:privacy\ (?:policy|notice|settings|center|centre)|cookies?\ (?:policy|settings|preferences|notice)
            |terms\ (?:of\ (?:use|service|sale)|and\ conditions|&\ conditions)|do\ not\ sell\b|your\ privacy\ choices
            |manage\ (?:preferences|consent|cookies)|accessibility(?:\ statement)?|contact\ us|about\ us
            |site\ ?map|careers|advertise(?:\ with\ us)?|corrections(?:\ policy)?)
            (?:\s*[·•|]\s*.{0,200})?
          | skip\ to\ (?:main\ )?(?:content|navigation)|skip\ navigation|back\ to\ top|top\ of\ (?:the\ )?page
          | (?:open|close|toggle)\ (?:the\ )?(?:menu|navigation|search)|menu|search|home|sections|topics
          | advertisement|sponsored(?:\ content)?|ad\ feature|paid\ post|partner\ content
            # bare relative times: `3 hours ago`
          | (?:updated|published|posted)?\s*\d{1,3}\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\s+ago
        )\s*[.:!?]?\s*$",
    )
    .expect("valid pattern")
});

/// Notices anywhere in a short line: an outlet's AI-use disclosure, page-text prompts.
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?:
            \b(?:article|story|summary|content|text|report)\ (?:was|is|has\ been)\ (?:\w+\ ){0,2}
              (?:generated|written|produced|created|drafted|summari[sz]ed|translated)\ (?:\w+\ ){0,3}
              (?:with|by|using)\ (?:the\ )?(?:help\ of\ |assistance\ of\ |aid\ of\ |use\ of\ )?(?:an?\ )?
              (?:ai|a\.i\.|artificial\ intelligence|generative\ ai|automated)
          | \bour\ (?:ai|a\.i\.|artificial\ intelligence)\ (?:policy|principles|guidelines|standards)
          | \b(?:ai|a\.i\.)\ (?:policy|disclosure|use\ policy)\s*$
          | \ball\ rights\ reserved\b | ^\s*(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))
          | \benable\ javascript\b | \byour\ browser\ (?:does\ not|doesn'?t)\ support\b
        )",
    )
    .expect("valid pattern")
});

/// Words that name a news site's sections, as printed above a headline (`Business`,
/// `Markets › Stocks`).
const SECTIONS: &[&str] = &[
    "business",
    "markets",
    "market",
    "world",
    "news",
    "economy",
    "economics",
    "finance",
    "money",
    "companies",
    "company",
    "tech",
    "technology",
    "politics",
    "opinion",
    "analysis",
    "investing",
    "stocks",
    "equities",
    "bonds",
    "currencies",
    "commodities",
    "energy",
    "autos",
    "industry",
    "industries",
    "retail",
    "banking",
    "banks",
    "earnings",
    "deals",
    "m&a",
    "asia",
    "europe",
    "americas",
    "us",
    "u.s.",
    "uk",
    "china",
    "japan",
    "india",
    "global",
    "national",
    "local",
    "breaking",
    "latest",
    "live",
    "exclusive",
    "features",
    "lifestyle",
    "science",
    "health",
    "sport",
    "sports",
    "culture",
    "climate",
    "environment",
    "property",
    "personal",
    "crypto",
    "top",
    "stories",
    "home",
    "and",
    "&",
];

/// Whether `line` is page furniture by what it says: a pattern of this module matches it
/// whole, or one of the HTML loader's paragraph patterns matches it and it is not a
/// sentence that carries a figure or a company name (those patterns look at how a
/// paragraph starts: `Updated figures show sales rose 5%.` is a sentence of the story).
pub fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    if words == 0 || words > SHORT {
        return false;
    }
    if LINE.is_match(line) || NOTICE.is_match(line) || is_section_label(line) || is_date_line(line)
    {
        return true;
    }
    let sentence = line.ends_with(['.', '!', '?', '"', '\u{201d}']);
    // A line is never in a table here: a row of figures saved from the story is kept.
    !(sentence && carries_figure_or_company(line))
        && super::super::html::is_furniture_text(line, 0.0, true)
}

/// Company names as text shows them without a gazetteer: a cashtag, an exchange code, or
/// a capitalised word before a legal-form suffix.
static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\$\p{Lu}{1,6}\b | \((?:NYSE|NASDAQ|Nasdaq|LSE|TSE|TSX|ASX|HKEX|SGX|Euronext|XETRA|OTC)\s*:
          | \p{Lu}[\p{L}&'’-]*\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|plc|PLC|AG|SE|SA|NV|N\.V|GmbH|LLC|LP|Holdings|Group|K\.K|AB|ASA|SpA|S\.A)\b",
    )
    .expect("valid pattern")
});

/// Whether `line` carries a figure (a digit, `%`, a currency sign) or a company name.
pub fn carries_figure_or_company(line: &str) -> bool {
    line.contains(|c: char| c.is_ascii_digit() || "%$€£¥₹₩".contains(c)) || COMPANY.is_match(line)
}

/// A section label or breadcrumb: one to four section words, with separators
/// (`Business`, `Markets › Stocks`, `World | Asia`).
pub fn is_section_label(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || "›>»/|·•:,".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| SECTIONS.contains(&w.as_str()))
        && !words.iter().all(|w| matches!(w.as_str(), "and" | "&"))
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

const DATE_WORDS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "am",
    "pm",
    "a.m",
    "p.m",
    "at",
    "on",
    "utc",
    "gmt",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "jst",
    "hkt",
    "sgt",
    "ist",
    "aest",
    "published",
    "updated",
    "posted",
    "last",
    "first",
];

/// A line that is only a date, perhaps with a time and a time zone: `February 12, 2026`,
/// `Thu 12 Feb 2026 07.10 GMT`, `2026-02-12`, `12/02/2026 09:41`, `Updated: 7:10 AM ET`.
/// Every word is a date word or a number, and a month or a numeric date is among them.
pub fn is_date_line(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || ",|·•–—()".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ':']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 10 {
        return false;
    }
    let numeric = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || "/-.:".contains(c))
            || w.strip_suffix(['t', 'z']).is_some_and(|d| {
                d.contains('-') && d.chars().all(|c| c.is_ascii_digit() || "-:.t+".contains(c))
            })
    };
    let time = |w: &str| {
        let w = w.trim_end_matches("am").trim_end_matches("pm");
        w.contains(':') && numeric(w)
    };
    let dated = words.iter().any(|w| {
        MONTHS.contains(&w.as_str())
            || (numeric(w) && w.matches(['/', '-', '.']).count() >= 2)
            || time(w)
    });
    dated
        && words.iter().all(|w| {
            MONTHS.contains(&w.as_str())
                || DATE_WORDS.contains(&w.as_str())
                || numeric(w)
                || time(w)
                || is_ordinal(w)
        })
}

/// `12th`, `1st`, `2nd`, `3rd`.
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_company_names_are_seen() {
        for line in [
            "Sales rose 5%.",
            "Costs €2bn",
            "Acme Corp said so.",
            "$ACME jumped",
            "(NYSE: ACME) fell",
        ] {
            assert!(carries_figure_or_company(line), "{line}");
        }
        assert!(!carries_figure_or_company(
            "Our newsroom reviews every story."
        ));
        // An HTML pattern that looks at the start alone does not drop such a sentence.
        assert!(!is_chrome("Updated figures show sales rose 5% in March."));
        assert!(is_chrome("Updated 7:10 a.m. ET, Feb 12, 2026"));
    }

    #[test]
    fn saved_page_furniture_is_recognised() {
        for line in [
            "Sarah Chen··2 min read",
            "5 min read",
            "Listen to this article0:00 min",
            "Listen to this article",
            "Listen · 4:32",
            "AI-generated illustration",
            "Data visualization chart",
            "Data Visualisation",
            "Illustration: Jane Doe",
            "Chart: Quarterly revenue by segment",
            "More in Business",
            "Did this article answer your question?",
            "Was this article helpful?",
            "Yes No",
            "Discussion",
            "Share",
            "Share this article",
            "Subscribe to our daily newsletter",
            "Sign up for the morning briefing",
            "Sign in",
            "Privacy Policy · Terms of Use · Cookie Settings",
            "We use cookies to improve your experience.",
            "This article was generated with the help of AI and reviewed by our editors.",
            "Read our AI policy",
            "Business",
            "Markets › Stocks",
            "World | Asia",
            "February 12, 2026",
            "Thu 12 Feb 2026 07.10 GMT",
            "Updated: 7:10 AM ET",
            "2026-02-12",
            "2026-02-12T07:10:00Z",
            "Login",
            "3 hours ago",
            "By Sarah Chen",
            "Advertisement",
            "Skip to main content",
        ] {
            assert!(is_chrome(line), "{line}");
        }
    }

    #[test]
    fn story_lines_are_kept() {
        for line in [
            "Toyota raises annual profit forecast to record on hybrid demand",
            "Shares rose 3% to $42.10 in New York.",
            "More investors are moving into bonds as yields climb.",
            "Markets fell sharply after the central bank's decision.",
            "Business investment rose 2.1% in the quarter.",
            "Is this the end of the rally?",
            "Listen to the earnings call at 5 p.m. for details on the guidance.",
            "Sign of the times: retailers cut prices again.",
            "Apple Inc. said revenue rose 13% to $143.8 billion.",
            "March 2026 sales rose 4% from a year earlier.",
            "The report was written by analysts at Bayview Securities Inc.",
            "Nvidia beats",
            "Revenue rose.",
            "Data from the exchange showed record volumes.",
            "Home sales fell 5% in January.",
            "Yes, the company said, it will pay a dividend.",
            "Signup rates rose 5% in the quarter.",
            "Sign up rates rose 5% in the quarter.",
            "Corrections, not rallies, define this market.",
        ] {
            assert!(!is_chrome(line), "{line}");
        }
    }
}
