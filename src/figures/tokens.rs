//! The words and figures of a sentence, for the prose reader: "$1.2 billion", "41 cents a
//! share", "12%", "150 basis points", "2.5x" become figures with a value and a kind; words
//! are lower-cased; the punctuation that separates clauses is kept.

use std::sync::LazyLock;

use regex::Regex;

/// What a figure measures; only figures of one kind compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// An amount with a scale or written out: "$1.2 billion", "3,244,000".
    Total,
    /// An amount per share: "12 cents", "$1.20 a share".
    PerShare,
    /// A small amount without a scale ("$1.20", "4.9"): it compares with per-share amounts,
    /// and with totals whose scale it takes ("$5.2 billion from 4.9").
    Plain,
    Percent,
    /// Percentage points; basis points are hundredths.
    Points,
    /// "2.5 times", "2.5x".
    Multiple,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Figure {
    pub(super) value: f64,
    pub(super) kind: Kind,
    /// Written with a scale word ("billion", "m"); a bare figure on the other side takes it.
    pub(super) scale: Option<f64>,
    /// No unit, no currency, no scale: "4.9", "2024".
    pub(super) bare: bool,
    /// A bare whole number, which may be a year or a day: a figure only right after a
    /// comparison ("from 49").
    pub(super) whole: bool,
    /// Written with a sign: "+12%", "-3%".
    pub(super) signed: bool,
}

#[derive(Debug, Clone)]
pub(super) enum Token {
    Word(String),
    Figure(Figure),
    Comma,
    /// The end of a sentence or a semicolon.
    Stop,
    Open,
    Colon,
    Other,
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    let currency = r"us\$|c\$|a\$|hk\$|s\$|nz\$|r\$|\$|€|£|¥|₹|(?:rs\.?|eur|usd|gbp|chf|inr|sek|nok|dkk|jpy|cny|rmb)\s?";
    let number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+";
    let unit = r"\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b|basis\s+points?\b|bps\b|bp\b|points?\b|pts\b|ppts?\b|pp\b|trillion\b|trln\b|tn\b|billion\b|bln\b|bn\b|million\b|mln\b|mn\b|thousand\b|crores?\b|lakhs?\b|cents?\b|cts\b|pence\b|times\b|euros?\b|dollars?\b|dlrs\b|yen\b|yuan\b|pounds\b|francs\b|crowns\b|kronor\b|kroner\b|rupees\b|pesos\b|reais\b|rand\b)|(?:m|b|k|c|p|x)\b";
    Regex::new(&format!(
        r"(?i)(?P<figure>(?P<sign1>[+\-−])?(?P<currency>{currency})?(?P<sign2>[+\-−])?(?P<number>{number})(?P<unit>{unit})?)|(?P<word>\p{{L}}[\p{{L}}\p{{N}}'’]*)|(?P<punct>[,;:()?!.])"
    ))
    .expect("prose token pattern")
});

/// The figure of a token match, with its sign when written after a space or a bracket.
fn figure(c: &regex::Captures<'_>, before: Option<char>) -> Option<Figure> {
    let number_text = c.name("number")?.as_str();
    let number: f64 = number_text
        .replace(',', "")
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())?;
    let sign = c.name("sign1").or_else(|| c.name("sign2"));
    let signed = sign.is_some() && before.is_none_or(|b| !b.is_alphanumeric());
    let negative = signed && sign.is_some_and(|s| s.as_str() != "+");
    let unit = c
        .name("unit")
        .map(|u| u.as_str().trim().to_lowercase())
        .unwrap_or_default();
    let unit = unit.split_whitespace().collect::<Vec<_>>().join(" ");
    let currency = c.name("currency").is_some();
    let comma = number_text.contains(',');
    let large = comma || number >= 1000.0;
    let mut scale = None;
    let (value, kind) = match unit.as_str() {
        "%" | "per cent" | "percent" | "pct" => (number, Kind::Percent),
        "percentage point" | "percentage points" | "point" | "points" | "pts" | "pp" | "ppt"
        | "ppts" => (number, Kind::Points),
        "basis point" | "basis points" | "bps" | "bp" => (number / 100.0, Kind::Points),
        "times" | "x" => (number, Kind::Multiple),
        "cent" | "cents" | "cts" | "c" | "pence" | "p" => (number / 100.0, Kind::PerShare),
        "" => (number, if large { Kind::Total } else { Kind::Plain }),
        other => match scale_of(other) {
            Some(s) => {
                scale = Some(s);
                (number * s, Kind::Total)
            }
            // A currency word: "14 yen", "3,000 crowns".
            None => (number, if large { Kind::Total } else { Kind::Plain }),
        },
    };
    let bare = unit.is_empty() && !currency;
    Some(Figure {
        value: if negative { -value } else { value },
        kind,
        scale,
        bare,
        whole: bare && !number_text.contains(['.', ',']),
        signed,
    })
}

fn scale_of(unit: &str) -> Option<f64> {
    Some(match unit {
        "trillion" | "trln" | "tn" => 1e12,
        "billion" | "bln" | "bn" | "b" => 1e9,
        "million" | "mln" | "mn" | "m" => 1e6,
        "thousand" | "k" => 1e3,
        "crore" | "crores" => 1e7,
        "lakh" | "lakhs" => 1e5,
        _ => return None,
    })
}

/// Words, figures and the punctuation that matters. Hyphens split words ("year-earlier" is
/// `year earlier`), as in [`super::words::QUANTITIES`].
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for c in TOKEN.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let before = text[..whole.start()].chars().next_back();
        if c.name("figure").is_some() {
            match figure(&c, before) {
                Some(f) => tokens.push(Token::Figure(f)),
                None => tokens.push(Token::Other),
            }
        } else if let Some(w) = c.name("word") {
            // "analysts'" is "analysts"
            let w = w.as_str().trim_end_matches(['\'', '’']);
            tokens.push(Token::Word(w.to_lowercase()));
        } else {
            let after = text[whole.end()..].chars().next();
            tokens.push(match whole.as_str() {
                "," => Token::Comma,
                ";" | "?" | "!" => Token::Stop,
                "(" => Token::Open,
                ":" => Token::Colon,
                // A full stop ends a sentence before a capital or at the end; after "vs",
                // "Inc" or "U.S" it does not.
                "." if after.is_none_or(char::is_whitespace)
                    && !matches!(tokens.last(), Some(Token::Word(w)) if w == "vs" || w.len() == 1)
                    && next_is_capital_or_end(&text[whole.end()..]) =>
                {
                    Token::Stop
                }
                _ => Token::Other,
            });
        }
    }
    // "$1.20 a share", "12 cents per diluted share"
    for i in 0..tokens.len() {
        let per_share = matches!(word_at(&tokens, i + 1), Some("a" | "per"))
            && (word_at(&tokens, i + 2) == Some("share")
                || (matches!(word_at(&tokens, i + 2), Some("diluted" | "basic"))
                    && word_at(&tokens, i + 3) == Some("share")));
        if let Token::Figure(f) = &mut tokens[i]
            && per_share
            && f.kind == Kind::Plain
        {
            f.kind = Kind::PerShare;
            f.whole = false;
        }
    }
    tokens
}

fn next_is_capital_or_end(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c == '"' || c == '“')
}

pub(super) fn word_at(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i) {
        Some(Token::Word(w)) => Some(w),
        _ => None,
    }
}
