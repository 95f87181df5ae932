//! The lines of a paragraph: which line breaks end a unit and which are only wraps.
//!
//! A new segment starts at a list item; at a line indented deeper than the one before it
//! (newswire paragraphs start that way), unless it continues a list item; after a short
//! line of figures ("Net profit 72,000 vs profit 16,000"); and after a first line that
//! reads as a headline. Any other line break is soft: hard-wrapped prose joins the next line.

use std::ops::Range;

use super::{Span, items};

/// Lowercase words after which a line break cannot end a unit (the line is wrapped mid-phrase).
const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "as",
    "its", "their", "that", "but", "nor", "than", "into", "per", "via",
];

/// Longest line (characters) read as a line of figures; newswire prose wraps at about 65.
const MAX_FIGURE_LINE: usize = 60;

struct Line {
    /// The line without its line break, as a byte range of the text.
    range: Range<usize>,
    indent: usize,
    /// The line is a list item or an indented continuation of one.
    in_item: bool,
}

/// Splits a paragraph (no blank lines inside) into segments, and those into sentences.
pub(super) fn split_paragraph(text: &str, para: Range<usize>, out: &mut Vec<Span>) {
    if text[para.clone()].trim().is_empty() {
        return;
    }
    let mut seg_start = para.start;
    let mut prev: Option<Line> = None;
    let mut pos = para.start;
    for piece in text[para.clone()].split_inclusive('\n') {
        let end = pos + piece.trim_end_matches(['\n', '\r']).len();
        let content = &text[pos..end];
        let indent = content.len() - content.trim_start_matches([' ', '\t', '\u{a0}']).len();
        let is_item = items::marker_at(&content[indent..]).is_some();
        let mut in_item = is_item;
        if let Some(prev) = &prev {
            let continues_item = prev.in_item && !is_item && indent > 0;
            in_item |= continues_item;
            let prev_text = &text[prev.range.clone()];
            let new_segment = is_item
                || (prev.in_item && !continues_item)
                || (!prev.in_item && indent > prev.indent)
                || is_figure_line(prev_text, content)
                || (prev.range.start == para.start && is_headline_break(prev_text, content));
            if new_segment {
                items::split_segment(text, seg_start..prev.range.end, out);
                seg_start = pos;
            }
        }
        prev = Some(Line {
            range: pos..end,
            indent,
            in_item,
        });
        pos += piece.len();
    }
    items::split_segment(text, seg_start..para.end, out);
}

/// Whether `line` ends without a mark that carries on (`,`, `:`, `-`) and not on a word
/// that needs the next line (`of`, `the`), and `next` starts like a new unit.
fn ends_open(line: &str, next: &str) -> bool {
    let Some(last) = line.chars().last() else {
        return false;
    };
    if matches!(
        last,
        '.' | '!' | '?' | '…' | '。' | '।' | ':' | ';' | ',' | '-' | '–'
    ) {
        return false;
    }
    let starts_unit = next
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or("");
    starts_unit && !FUNCTION_WORDS.contains(&last_word)
}

/// A paragraph's first line is a headline when it has no final punctuation, the next
/// line starts a sentence, and the line does not end mid-phrase.
fn is_headline_break(first: &str, next: &str) -> bool {
    ends_open(first.trim_end(), next)
}

/// A short line of figures, one item of a newswire table: "Revs 7,075,000 vs 2,330,000",
/// "Annual div 72 cts vs 72 cts prior yr", "Net income $640 mln". It has a figure, and
/// at most four words, or a figure for every three words, or a `vs` comparison.
fn is_figure_line(line: &str, next: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > MAX_FIGURE_LINE || !ends_open(line, next) {
        return false;
    }
    let (mut words, mut figures, mut compares) = (0, 0, false);
    for word in line.split_whitespace() {
        words += 1;
        figures += usize::from(word.contains(|c: char| c.is_ascii_digit()));
        compares |= matches!(word, "vs" | "vs." | "versus");
    }
    figures > 0 && (compares || words <= 4 || figures * 3 >= words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_lines_against_wrapped_prose() {
        assert!(is_figure_line(
            "Net profit 72,000 vs profit 16,000",
            "Revs 7,075,000"
        ));
        assert!(is_figure_line(
            "    Annual div 72 cts vs 72 cts prior yr",
            "Net"
        ));
        assert!(is_figure_line("Revenue $6.77 bln", "Net income $1.2 bln"));
        assert!(!is_figure_line(
            "rose 3% to 1,205 in the quarter ended",
            "Sept. 30"
        ));
        assert!(!is_figure_line(
            "Net profit 72,000 vs profit 16,000 in",
            "Tokyo"
        ));
        assert!(!is_figure_line("Revs 7,075,000 vs 2,330,000", "and costs"));
    }
}
