//! The sentence splitter: rule-based, allocation-light, written for market news.
//!
//! The text is cut into paragraphs (blank lines), paragraphs into segments (list items,
//! a headline line), and segments into sentences at terminal punctuation, unless the
//! full stop belongs to a number, an abbreviation, an initial, or sits inside an open
//! quotation or parenthesis. The rules are listed in the README ("Sentence splitting");
//! `tests/fixtures/split_cases.jsonl` pins them with hard cases.
//!
//! Offsets are byte offsets into the input; [`char_offsets`] converts them for output.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A sentence as a byte range of the text it was split from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        &source[self.start..self.end]
    }
}

/// How far ahead a closing quote or bracket may be for an opening one to count (bytes).
const MAX_QUOTE_SPAN: usize = 400;

/// Abbreviations after which a full stop never ends a sentence.
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "St", "Messrs", "Hon", "Sr", "Jr",
    "No", "Nos", "vs", "approx", "est", "e.g", "i.e", "cf", "Fig", "fig", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Pt", "Vol", "vol",
    "pp", "Ave", "Blvd", "Dept", "Univ", "ca", "Ref", "Art", "Sec", "Ch",
];

/// Abbreviations that end a sentence only when a common sentence opener follows.
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
    "Its",
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
    "Some",
    "Many",
    "Most",
    "Both",
    "Such",
    "Under",
    "Over",
    "Operating",
];

/// Lowercase words after which a line break cannot end a headline (the line is wrapped mid-phrase).
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "as",
    "its", "their", "that", "but", "nor", "than", "into", "per", "via",
];

static PARAGRAPH_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\r?\n[ \t\u{a0}]*(?:\r?\n[ \t\u{a0}]*)+").expect("valid regex"));

static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:[-*•–—▪‣◦·]|\(?\d{1,3}[.)]|\d{1,3}\.|\(?[a-z]\)|\(\d{1,3}\))[ \t]+")
        .expect("valid regex")
});

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '“' | '‘' | '\'' | '«')
}

/// Splits `text` into sentences, returned as trimmed, non-empty, ordered, non-overlapping spans.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for brk in PARAGRAPH_BREAK.find_iter(text) {
        split_paragraph(text, para_start..brk.start(), &mut out);
        para_start = brk.end();
    }
    split_paragraph(text, para_start..text.len(), &mut out);
    out
}

/// The index of the sentence (of sorted, non-overlapping `spans`) that holds `start..end`.
pub fn sentence_at(spans: &[Span], start: usize, end: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end < end);
    spans.get(i).filter(|s| s.start <= start).map(|_| i)
}

/// Converts byte spans into (start, end) character offsets, as Python's `str` slicing counts them.
pub fn char_offsets(text: &str, spans: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(spans.len());
    let mut chars_before = 0;
    let mut byte_pos = 0;
    for span in spans {
        chars_before += text[byte_pos..span.start].chars().count();
        let start = chars_before;
        chars_before += text[span.start..span.end].chars().count();
        byte_pos = span.end;
        out.push((start, chars_before));
    }
    out
}

struct Line {
    /// The line without its line break, as a byte range of the text.
    range: Range<usize>,
    /// Where the content starts once a list marker is skipped.
    content_start: usize,
    is_item: bool,
}

fn split_paragraph(text: &str, para: Range<usize>, out: &mut Vec<Span>) {
    if text[para.clone()].trim().is_empty() {
        return;
    }
    let mut lines = Vec::new();
    let mut pos = para.start;
    for piece in text[para.clone()].split_inclusive('\n') {
        let end = pos + piece.trim_end_matches(['\n', '\r']).len();
        let marker = LIST_MARKER.find(&text[pos..end]);
        lines.push(Line {
            range: pos..end,
            content_start: marker.map_or(pos, |m| pos + m.end()),
            is_item: marker.is_some(),
        });
        pos += piece.len();
    }

    let mut seg_start = lines[0].content_start;
    for (i, pair) in lines.windows(2).enumerate() {
        let (prev, next) = (&pair[0], &pair[1]);
        let new_segment = next.is_item
            || (prev.is_item && !starts_indented(&text[next.range.clone()]))
            || (i == 0 && is_headline_break(&text[prev.range.clone()], &text[next.range.clone()]));
        if new_segment {
            split_segment(text, seg_start..prev.range.end, out);
            seg_start = next.content_start;
        }
    }
    split_segment(text, seg_start..para.end, out);
}

fn starts_indented(line: &str) -> bool {
    line.starts_with([' ', '\t'])
}

/// A paragraph's first line is a headline when it has no final punctuation, the next
/// line starts a sentence, and the line does not end mid-phrase.
fn is_headline_break(first: &str, next: &str) -> bool {
    let first = first.trim_end();
    let Some(last) = first.chars().last() else {
        return false;
    };
    if is_terminal(last) || matches!(last, ':' | ';' | ',' | '-' | '–') {
        return false;
    }
    let starts_sentence = next
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let last_word = first.rsplit(char::is_whitespace).next().unwrap_or("");
    starts_sentence && !FUNCTION_WORDS.contains(&last_word)
}

/// Tracks open quotations and brackets while scanning a segment.
#[derive(Default)]
struct Nesting {
    straight_quote: bool,
    curly: usize,
    parens: usize,
}

impl Nesting {
    fn is_open(&self) -> bool {
        self.straight_quote || self.curly > 0 || self.parens > 0
    }

    /// Updates the state for `c` at byte `at`; `rest` is the segment after `c`.
    fn update(&mut self, c: char, rest: &str) {
        let ahead = &rest[..floor_char_boundary(rest, MAX_QUOTE_SPAN)];
        match c {
            '"' if self.straight_quote => self.straight_quote = false,
            '"' if ahead.contains('"') => self.straight_quote = true,
            '“' if ahead.contains('”') => self.curly += 1,
            '”' => self.curly = self.curly.saturating_sub(1),
            '(' | '[' if ahead.contains([')', ']']) => self.parens += 1,
            ')' | ']' => self.parens = self.parens.saturating_sub(1),
            _ => {}
        }
    }
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn split_segment(text: &str, seg: Range<usize>, out: &mut Vec<Span>) {
    let body = &text[seg.clone()];
    let mut nesting = Nesting::default();
    let mut sentence_start = 0;
    let mut iter = body.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_terminal(c) {
            nesting.update(c, &body[i + c.len_utf8()..]);
            continue;
        }
        // The run of terminal marks, then the closing quotes and brackets that follow it.
        let mut end = i + c.len_utf8();
        let mut run_has_bang = matches!(c, '!' | '?' | '！' | '？');
        let mut cjk = is_cjk_terminal(c);
        while let Some(&(j, d)) = iter.peek() {
            if is_terminal(d) {
                run_has_bang |= matches!(d, '!' | '?' | '！' | '？');
                cjk |= is_cjk_terminal(d);
            } else if is_closer(d) {
                nesting.update(d, &body[j + d.len_utf8()..]);
            } else {
                break;
            }
            end = j + d.len_utf8();
            iter.next();
        }
        if nesting.is_open() {
            continue;
        }
        let rest = &body[end..];
        let next_char = rest.trim_start().chars().next();
        let boundary = match next_char {
            None => true,
            Some(_) if cjk => true,
            Some(_) if !rest.starts_with(char::is_whitespace) => false,
            Some(n) if n.is_lowercase() => false,
            Some(_) if run_has_bang || body[i..end].starts_with(['…']) => true,
            Some(_) if body[i..].starts_with("..") => true,
            Some(_) => full_stop_ends_sentence(&body[..i], rest.trim_start()),
        };
        if boundary {
            push_trimmed(text, seg.start + sentence_start..seg.start + end, out);
            sentence_start = end;
        }
    }
    push_trimmed(text, seg.start + sentence_start..seg.end, out);
}

/// Decides a single full stop followed by whitespace and a non-lowercase character.
/// `before` is the segment up to the stop, `after` the text after the whitespace.
fn full_stop_ends_sentence(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opening_punct);
    if NEVER_FINAL.contains(&word) {
        return false;
    }
    if CONDITIONAL_FINAL.contains(&word) || is_initialism(word) {
        let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        return OPENERS.contains(&next_word.as_str());
    }
    true
}

/// `U.S`, `J.P`, `S.A`, `D`: single letters joined by full stops (the last stop is not in `word`).
fn is_initialism(word: &str) -> bool {
    !word.is_empty()
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        })
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Span>) {
    let piece = &text[range.clone()];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = range.start + trimmed_start;
        out.push(Span {
            start,
            end: start + trimmed.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn keeps_amounts_and_abbreviations_whole() {
        let text = "Toyota Motor Corp. raised its forecast to ¥4.3 trillion, up 3.5% vs. a year earlier. \
                    Shares of U.S. Steel fell.";
        assert_eq!(
            sentences(text),
            [
                "Toyota Motor Corp. raised its forecast to ¥4.3 trillion, up 3.5% vs. a year earlier.",
                "Shares of U.S. Steel fell."
            ]
        );
    }

    #[test]
    fn corporate_form_ends_sentence_before_an_opener() {
        assert_eq!(
            sentences("The deal was signed with Sony Corp. The shares rose."),
            ["The deal was signed with Sony Corp.", "The shares rose."]
        );
        assert_eq!(
            sentences("Apple Inc. Chief Executive Tim Cook spoke."),
            ["Apple Inc. Chief Executive Tim Cook spoke."]
        );
    }

    #[test]
    fn quotes_with_full_stops_stay_whole() {
        let text = "\"Demand was strong. We expect more,\" Smith said. He said: \"Sales rose.\" The stock fell.";
        assert_eq!(
            sentences(text),
            [
                "\"Demand was strong. We expect more,\" Smith said.",
                "He said: \"Sales rose.\"",
                "The stock fell."
            ]
        );
    }

    #[test]
    fn lists_and_headlines_become_sentences() {
        let text = "Nvidia beats estimates\nThe chipmaker said:\n- revenue rose 94%\n- margins widened\n\nGuidance was raised";
        assert_eq!(
            sentences(text),
            [
                "Nvidia beats estimates",
                "The chipmaker said:",
                "revenue rose 94%",
                "margins widened",
                "Guidance was raised"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_soft() {
        let text = "The company said it would expand production of\nToyota hybrids in 2026.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn empty_and_blank_give_nothing() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\n\t ").is_empty());
    }

    #[test]
    fn char_offsets_count_characters() {
        let text = "¥1 rose. €2 fell.";
        let spans = split_sentences(text);
        let offsets = char_offsets(text, &spans);
        let chars: Vec<char> = text.chars().collect();
        for ((start, end), span) in offsets.iter().zip(&spans) {
            let by_chars: String = chars[*start..*end].iter().collect();
            assert_eq!(by_chars, span.text(text));
        }
    }
}
