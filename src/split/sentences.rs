//! Sentences inside one item: a cut after a run of terminal marks (`.`, `?!`, `...`,
//! `. . . .`, `…`, `。`, the Devanagari danda `।`) and the closing quotes and brackets
//! after it, when whitespace and a character that is not lowercase follow, no quotation or parenthesis is open, and the
//! run is not an ellipsis inside the sentence or the full stop of an abbreviation.

use std::ops::Range;

use super::{Span, abbreviations, push_trimmed};

/// How far ahead a closing quote or bracket may be for an opening one to count (bytes).
const MAX_QUOTE_SPAN: usize = 400;

/// Bytes the scanner must look at: terminal marks, quotes, brackets, and the first byte
/// of every non-ASCII character. Everything else (letters, digits, spaces) is skipped.
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0xC0;
    while b < 256 {
        table[b] = true;
        b += 1;
    }
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'"' as usize] = true;
    table[b'(' as usize] = true;
    table[b')' as usize] = true;
    table[b'[' as usize] = true;
    table[b']' as usize] = true;
    table
};

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '।' | '॥')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Tracks open quotations and brackets while scanning an item.
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

    /// Updates the state for `c`; `rest` is the item after `c`. An opening mark counts
    /// only when its closing one follows within [`MAX_QUOTE_SPAN`].
    fn update(&mut self, c: char, rest: &str) {
        let ahead = || &rest[..rest.floor_char_boundary(MAX_QUOTE_SPAN)];
        match c {
            '"' if self.straight_quote => self.straight_quote = false,
            '"' if ahead().contains('"') => self.straight_quote = true,
            '“' if ahead().contains('”') => self.curly += 1,
            '”' => self.curly = self.curly.saturating_sub(1),
            '(' | '[' if ahead().contains([')', ']']) => self.parens += 1,
            ')' | ']' => self.parens = self.parens.saturating_sub(1),
            _ => {}
        }
    }
}

/// A run of terminal marks with the closing quotes and brackets after it.
#[derive(Default)]
struct Run {
    start: usize,
    end: usize,
    dots: usize,
    /// Dots separated by single spaces: `. . .`
    spaced: bool,
    bang: bool,
    ellipsis_char: bool,
    cjk: bool,
}

impl Run {
    fn read(body: &str, start: usize, nesting: &mut Nesting) -> Run {
        let mut run = Run {
            start,
            end: start,
            ..Run::default()
        };
        let bytes = body.as_bytes();
        let mut j = start;
        while let Some(d) = body[j..].chars().next() {
            let spaced_dot = d == ' '
                && bytes.get(j - 1) == Some(&b'.')
                && bytes.get(j + 1) == Some(&b'.')
                && !bytes.get(j + 2).is_some_and(u8::is_ascii_digit);
            if spaced_dot {
                run.spaced = true;
                j += 1;
                continue;
            }
            if !is_terminal(d) {
                break;
            }
            match d {
                '.' => run.dots += 1,
                '…' => run.ellipsis_char = true,
                // The Devanagari danda ends a sentence as `!` does: before a space.
                '!' | '?' | '।' | '॥' => run.bang = true,
                _ => {
                    run.bang = true;
                    run.cjk = true;
                }
            }
            j += d.len_utf8();
            run.end = j;
        }
        while let Some(d) = body[run.end..].chars().next().filter(|&d| is_closer(d)) {
            let after = run.end + d.len_utf8();
            nesting.update(d, &body[after..]);
            run.end = after;
        }
        run
    }

    /// Whether the sentence ends after this run; `sentence` is the sentence up to the run.
    fn ends_sentence(&self, body: &str, sentence: &str) -> bool {
        let rest = &body[self.end..];
        let after = rest.trim_start();
        let Some(next) = after.chars().next() else {
            return true;
        };
        if self.cjk {
            return true;
        }
        if !rest.starts_with(char::is_whitespace) || next.is_lowercase() {
            return false;
        }
        if self.bang {
            return true;
        }
        if self.spaced {
            // `. . .` leaves words out inside a sentence; `. . . .` is an ellipsis and a stop.
            return self.dots >= 4;
        }
        if self.dots >= 2 || self.ellipsis_char {
            // `[...]` marks an omission wherever it stands.
            return !body[..self.start].ends_with(['[', '(']);
        }
        abbreviations::full_stop_ends_sentence(sentence, after)
    }
}

/// Splits `item` of `text` into sentences; the scan starts `skip` bytes in (after a list
/// marker, whose full stop never ends a sentence), but the first sentence starts with the item.
pub(super) fn split(text: &str, item: Range<usize>, skip: usize, out: &mut Vec<Span>) {
    let body = &text[item.clone()];
    let bytes = body.as_bytes();
    let mut nesting = Nesting::default();
    let mut sentence_start = 0;
    let mut i = skip;
    while i < bytes.len() {
        if !INTERESTING[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let Some(c) = body[i..].chars().next() else {
            break;
        };
        if !is_terminal(c) {
            i += c.len_utf8();
            nesting.update(c, &body[i..]);
            continue;
        }
        let run = Run::read(body, i, &mut nesting);
        i = run.end;
        if !nesting.is_open() && run.ends_sentence(body, &body[sentence_start..run.start]) {
            push_trimmed(text, item.start + sentence_start..item.start + run.end, out);
            sentence_start = run.end;
        }
    }
    push_trimmed(text, item.start + sentence_start..item.end, out);
}
