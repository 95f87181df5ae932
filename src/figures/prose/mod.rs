//! Figure comparisons in wire and press-release prose: "net income of $1.2 billion, compared
//! with $1.5 billion a year earlier", "revenue rose to $5.2 billion from $4.9 billion",
//! "(prior-year quarter: $3.1 million)", "costs rose 12%", "net interest margin narrowed 12
//! basis points", "net loss of $3 million, compared with a loss of $5 million".
//!
//! The text is cut into words and figures; each mention of a quantity the reader knows
//! ([`words::QUANTITIES`]) opens a stretch that runs to the next quantity, the end of the
//! sentence, or a clause giving a cause ("as", "on", "after"). In its stretch the reader
//! looks for a current and an earlier figure on either side of a comparison ("compared with",
//! "from", "versus", "than", "(2023: ...)"), and for a way ("rose", "narrowed", "down") with a
//! size ("12%", "150 basis points", "doubled"). Loss figures count below zero, so a smaller
//! loss reads as better. Figures within 1 % of each other, or a move of at most 1 %, are flat.
//!
//! It answers only when every quantity it can read agrees, at least one has figures, nothing
//! contradicts (a way against the figures, a cost rising beside a profit rising), and the
//! sentence has no contrast, hedge, negation or comparison with expectations
//! ([`words::refuses`]). Otherwise it returns `None` and the model's probabilities stand.
//!
//! Two steps, each in its own file: `stretch` cuts the sentence into one stretch of items
//! per quantity, and `reading` says what the items of a stretch state about their quantity.

mod reading;
mod stretch;
#[cfg(test)]
mod tests;

use self::reading::read_stretch;
use self::stretch::{mentions, stretch};
use super::Change;
use super::tokens::{Token, tokenize};
use super::words;

/// Longer texts are left to the model: a reader of one comparison has no business there.
const LONGEST: usize = 600;

/// What one quantity's stretch of the sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Nothing about a change.
    Silent,
    /// A way without figures ("as costs fell", "on higher costs"): it cannot answer, but it
    /// can contradict.
    Hint(Change),
    /// Figures that say which way, and how much.
    Firm(Change),
    /// Something the reader cannot square: the whole sentence is left to the model.
    Refuse,
}

/// `swings to a loss and cuts 5,000 jobs`: a figure that counts people or places is no
/// size of a reported figure's change, and the sentence is left to the model.
fn counts_other_things(tokens: &[Token]) -> bool {
    tokens.windows(2).any(|pair| {
        matches!(pair, [Token::Figure(_), Token::Word(w)] if words::COUNTED.contains(&w.as_str()))
    })
}

/// How the figures of `text` changed, when it is a sentence that compares one kind of
/// reported figure clearly.
pub(super) fn read(text: &str) -> Option<Change> {
    if text.len() > LONGEST {
        return None;
    }
    let tokens = tokenize(text);
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w) if words::refuses(w)))
        || counts_other_things(&tokens)
        // "may" the modal; "May" the month
        || text.split(|c: char| !c.is_alphanumeric()).any(|w| w == "may")
    {
        return None;
    }
    let found = mentions(&tokens);
    let mut answer: Option<Change> = None;
    let mut hints = Vec::new();
    let mut k = 0;
    while k < found.len() {
        let m = found[k];
        let (items, next) = stretch(&tokens, &found, k);
        k = next;
        match read_stretch(&items, m.quantity) {
            Reading::Silent => {}
            Reading::Hint(c) => hints.push(c),
            Reading::Firm(c) => {
                if answer.is_some_and(|a| a != c) {
                    return None;
                }
                answer = Some(c);
            }
            Reading::Refuse => return None,
        }
    }
    let answer = answer?;
    hints.iter().all(|h| *h == answer).then_some(answer)
}
