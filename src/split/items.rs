//! List items: markers at the start of a line (`- `, `• `, `1. `, `2) `, `(3) `, `a. `),
//! bullet glyphs inside a line (`• Sales rose • Costs fell`) and numbered items that run on
//! in one line (`1.) Sales rose 2.) Costs fell`, `a. … b. … c. …`). Each item is its own
//! unit and keeps its marker; the marker's full stop never ends a sentence.

use std::ops::Range;

use super::{Span, sentences};

/// How a numbered marker writes its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `1.`, `a.`
    Dot,
    /// `1.)`
    DotParen,
    /// `1)`, `a)`
    Paren,
    /// `(1)`, `(a)`
    Enclosed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ordinal {
    Number(u16),
    Letter(u8),
}

impl Ordinal {
    fn next(self) -> Option<Self> {
        match self {
            Ordinal::Number(n) => Some(Ordinal::Number(n + 1)),
            Ordinal::Letter(b'z') => None,
            Ordinal::Letter(l) => Some(Ordinal::Letter(l + 1)),
        }
    }
}

/// A list marker at the start of a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    /// Bytes of the marker and the spaces after it.
    pub len: usize,
    numbered: Option<(Style, Ordinal)>,
}

/// Bullet glyphs that mark an item wherever they stand after a space.
fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃'
            | '▪'
            | '‣'
            | '◦'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▸'
            | '➢'
            | '➤'
            | '◆'
            | '✓'
    )
}

/// Characters that mark an item only at the start of a line, followed by a space
/// (elsewhere they are dashes, signs, footnote marks).
fn is_line_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '–' | '—' | '·')
}

fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

/// The list marker at the start of `s`, if any: a bullet, a numbered marker, or both
/// (`• 9. `).
pub(super) fn marker_at(s: &str) -> Option<Marker> {
    let mut len = 0;
    if let Some(c) = s.chars().next() {
        let after = spaces(&s[c.len_utf8()..]);
        if is_bullet_glyph(c) || (is_line_bullet(c) && after > 0) {
            len = c.len_utf8() + after;
        }
    }
    match numbered_at(&s[len..]) {
        Some((style, ordinal, n)) => Some(Marker {
            len: len + n,
            numbered: Some((style, ordinal)),
        }),
        None if len > 0 => Some(Marker {
            len,
            numbered: None,
        }),
        None => None,
    }
}

/// A numbered marker at the start of `s` with the spaces after it: its style, its number
/// and its length in bytes.
fn numbered_at(s: &str) -> Option<(Style, Ordinal, usize)> {
    let b = s.as_bytes();
    let enclosed = b.first() == Some(&b'(');
    let start = usize::from(enclosed);
    let digits = b[start..]
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let (ordinal, mut pos) = match digits {
        1..=3 => {
            let n = s[start..start + digits].parse().ok()?;
            (Ordinal::Number(n), start + digits)
        }
        0 if b.get(start).is_some_and(u8::is_ascii_lowercase)
            && !b.get(start + 1).is_some_and(u8::is_ascii_alphanumeric) =>
        {
            (Ordinal::Letter(b[start]), start + 1)
        }
        _ => return None,
    };
    let style = match (enclosed, b.get(pos).copied(), b.get(pos + 1).copied()) {
        (true, Some(b')'), _) => Style::Enclosed,
        (true, _, _) => return None,
        (false, Some(b'.'), Some(b')')) => Style::DotParen,
        (false, Some(b'.'), _) => Style::Dot,
        (false, Some(b')'), _) => Style::Paren,
        _ => return None,
    };
    pos += if style == Style::DotParen { 2 } else { 1 };
    let gap = spaces(&s[pos..]);
    if gap == 0 {
        return None;
    }
    // `a. ` opens an item only before a capital (not `p. 55`, `a. m.`).
    if let (Style::Dot, Ordinal::Letter(_)) = (style, ordinal)
        && !s[pos + gap..].starts_with(char::is_uppercase)
    {
        return None;
    }
    Some((style, ordinal, pos + gap))
}

/// Splits a segment into items and each item into sentences.
pub(super) fn split_segment(text: &str, seg: Range<usize>, out: &mut Vec<Span>) {
    let body = &text[seg.clone()];
    let mut item_start = 0;
    // Every bullet glyph is a three-byte character starting with 0xE2.
    for (i, _) in body
        .bytes()
        .enumerate()
        .filter(|&(i, b)| b == 0xE2 && i > 0)
    {
        let starts_item = body[i..].chars().next().is_some_and(is_bullet_glyph)
            && body[..i].ends_with(char::is_whitespace);
        if starts_item {
            split_item(text, seg.start + item_start..seg.start + i, out);
            item_start = i;
        }
    }
    split_item(text, seg.start + item_start..seg.end, out);
}

/// Splits one item: its marker stays with it, and numbered items that run on in the same
/// line (the next number or letter in the same style, after a space) become items of
/// their own.
fn split_item(text: &str, item: Range<usize>, out: &mut Vec<Span>) {
    let mut start = item.start;
    loop {
        let body = &text[start..item.end];
        let lead = spaces(body);
        let Some(marker) = marker_at(&body[lead..]) else {
            sentences::split(text, start..item.end, lead, out);
            return;
        };
        let content = lead + marker.len;
        let next = marker.numbered.and_then(|(style, ordinal)| {
            let expected = ordinal.next()?;
            next_marker(body, content, style, expected)
        });
        match next {
            Some(at) => {
                sentences::split(text, start..start + at, content, out);
                start += at;
            }
            None => {
                sentences::split(text, start..item.end, content, out);
                return;
            }
        }
    }
}

/// Where the marker `expected` in `style` stands in `body` after `from`, preceded by a space.
fn next_marker(body: &str, from: usize, style: Style, expected: Ordinal) -> Option<usize> {
    let bytes = body.as_bytes();
    (from.max(1)..bytes.len()).find(|&i| {
        bytes[i - 1].is_ascii_whitespace()
            && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'(')
            && numbered_at(&body[i..]).is_some_and(|(s, o, _)| s == style && o == expected)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(s: &str) -> Option<(Style, Ordinal)> {
        marker_at(s).and_then(|m| m.numbered)
    }

    #[test]
    fn reads_every_marker_style() {
        assert_eq!(numbered("1. Sales"), Some((Style::Dot, Ordinal::Number(1))));
        assert_eq!(
            numbered("12.) Sales"),
            Some((Style::DotParen, Ordinal::Number(12)))
        );
        assert_eq!(
            numbered("3) Sales"),
            Some((Style::Paren, Ordinal::Number(3)))
        );
        assert_eq!(
            numbered("(4) Sales"),
            Some((Style::Enclosed, Ordinal::Number(4)))
        );
        assert_eq!(
            numbered("b) sales"),
            Some((Style::Paren, Ordinal::Letter(b'b')))
        );
        assert_eq!(
            numbered("(c) sales"),
            Some((Style::Enclosed, Ordinal::Letter(b'c')))
        );
        assert_eq!(
            numbered("a. Sales"),
            Some((Style::Dot, Ordinal::Letter(b'a')))
        );
        assert_eq!(
            numbered("• 9. Sales"),
            Some((Style::Dot, Ordinal::Number(9)))
        );
        assert_eq!(
            numbered("⁃10. Sales"),
            Some((Style::Dot, Ordinal::Number(10)))
        );
    }

    #[test]
    fn refuses_what_only_looks_like_a_marker() {
        for text in [
            "1.5% rise",
            "2025. Revenue",
            "p. 55",
            "-0.4% on the day",
            "(1",
            "e.g. this",
        ] {
            assert_eq!(numbered(text), None, "{text}");
        }
        assert_eq!(marker_at("-0.4%"), None);
        assert_eq!(marker_at("• Sales").map(|m| m.len), Some("• ".len()));
    }
}
