//! The sentence splitter: rule-based, allocation-light, written for market news and the
//! standard English segmentation cases.
//!
//! The text is cut into paragraphs (blank lines), paragraphs into segments by their line
//! layout (`layout`: list items, indented paragraph starts, figure lines, a headline),
//! segments into list items (`items`: bullet glyphs and numbered markers inside a line),
//! and items into sentences at terminal punctuation (`sentences`), unless the full stop
//! belongs to a number, an abbreviation or an initial (`abbreviations`), is part of an
//! ellipsis inside a sentence, or sits inside an open quotation or parenthesis. The rules
//! are listed in `docs/splitting.md`; `tests/fixtures/split_cases.jsonl`
//! pins them with hard cases.
//!
//! Every character of the text except whitespace between sentences belongs to a sentence
//! (list markers stay with their item). Offsets are byte offsets into the input;
//! [`char_offsets`] converts them for output.

mod abbreviations;
mod items;
mod layout;
mod sentences;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static PARAGRAPH_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\r?\n[ \t\u{a0}]*(?:\r?\n[ \t\u{a0}]*)+").expect("valid regex"));

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

/// Splits `text` into sentences, returned as trimmed, non-empty, ordered, non-overlapping spans.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for brk in PARAGRAPH_BREAK.find_iter(text) {
        layout::split_paragraph(text, para_start..brk.start(), &mut out);
        para_start = brk.end();
    }
    layout::split_paragraph(text, para_start..text.len(), &mut out);
    out
}

/// The index of the sentence (of sorted, non-overlapping `spans`) that holds `start..end`.
pub fn sentence_at(spans: &[Span], start: usize, end: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end < end);
    spans.get(i).filter(|s| s.start <= start).map(|_| i)
}

/// Adds the trimmed `range` of `text` to `out` unless it is blank.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Span>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = range.start + (piece.len() - piece.trim_start().len());
        out.push(Span {
            start,
            end: start + trimmed.len(),
        });
    }
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
                "- revenue rose 94%",
                "- margins widened",
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
