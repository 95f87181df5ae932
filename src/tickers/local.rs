//! What `find_mentions` reads around a mention, computed once per sentence, line or token:
//! the sentence, its case, amounts in rupees, URLs; and the spans of mentions accepted so far.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::split::{Span, sentence_at};

/// An amount in rupees: `Rs 100 cr`, `Rs.5`, `INR 20`, `₹`, `crore`, `lakh`.
static RUPEES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Rs\.?|INR) ?\d|₹|\b(?:crores?|lakhs?)\b").expect("valid regex")
});

/// The starts and ends of accepted mentions, to find names listed with them in one look.
#[derive(Clone, Default)]
pub(super) struct Spans {
    pub(super) starts: HashSet<usize>,
    pub(super) ends: HashSet<usize>,
}

impl Spans {
    pub(super) fn new(spans: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut out = Self::default();
        for (start, end) in spans {
            out.insert(start, end);
        }
        out
    }
    pub(super) fn insert(&mut self, start: usize, end: usize) {
        self.starts.insert(start);
        self.ends.insert(end);
    }
}

/// The text around a name, each piece (the sentence, the line, the whitespace-delimited
/// token) worked out once for all the names in it.
pub(super) struct Local<'a> {
    pub(super) text: &'a str,
    pub(super) sentences: &'a [Span],
    /// Sentence index -> written in title case.
    pub(super) title_case: HashMap<Option<usize>, bool>,
    /// Sentence index -> has an amount in rupees.
    pub(super) rupees: HashMap<Option<usize>, bool>,
    /// (line start, line end, its case) of the last line looked at.
    pub(super) line: Option<(usize, usize, LineCase)>,
    /// (token start, token end, a URL) of the last token looked at.
    pub(super) token: Option<(usize, usize, bool)>,
}

impl<'a> Local<'a> {
    pub(super) fn new(text: &'a str, sentences: &'a [Span]) -> Self {
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
    pub(super) fn sentence(&self, start: usize, end: usize) -> (Option<usize>, Span) {
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

    pub(super) fn sentence_in_title_case(&mut self, start: usize, end: usize) -> bool {
        let (i, span) = self.sentence(start, end);
        let text = self.text;
        *self
            .title_case
            .entry(i)
            .or_insert_with(|| title_case(span.text(text)))
    }

    pub(super) fn in_rupees(&mut self, start: usize, end: usize) -> bool {
        let (i, span) = self.sentence(start, end);
        let text = self.text;
        *self
            .rupees
            .entry(i)
            .or_insert_with(|| RUPEES.is_match(span.text(text)))
    }

    /// How the line around `start..end` is written: a wire headline in capitals, a post
    /// or a feed's headline in lower case, or as prose is.
    pub(super) fn line_case(&mut self, start: usize, end: usize) -> LineCase {
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
    pub(super) fn in_url(&mut self, start: usize, end: usize) -> bool {
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

/// The case a line is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineCase {
    /// Every letter a capital (eight letters or more): `FORD TO CUT SALARIED STAFF`.
    Capitals,
    /// No capital at all (eight letters or more): `apple unveils iphone 3gs`.
    Lower,
    Mixed,
}

/// The whitespace-delimited token around `start..end` is a URL or a path.
pub(super) fn in_url(text: &str, start: usize, end: usize) -> bool {
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
pub(super) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
pub(super) fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
