//! Deterministic readers of reported figures, for the comparisons a small encoder does not
//! read reliably (it does not compare digits across units, and does not know that a smaller
//! loss is good news):
//!
//! - `lines`: the figure lines of newswire earnings tables, "Net 3,244,000 vs 2,584,000",
//!   "Shr loss 12 cts vs profit 15 cts";
//! - `prose`: comparisons in wire and press-release sentences, "net income of $1.2
//!   billion, compared with $1.5 billion a year earlier", "adjusted loss per share improved
//!   to 2 cents from 8 cents", "costs rose 12%".
//!
//! A unit one of them reads takes its probabilities from [`probs`] instead of the model's.
//! Both readers answer only when the text is clear, and return `None` otherwise, so the
//! model's own probabilities stand.

mod lines;
mod prose;
mod tokens;
mod words;

use crate::article::Probs;

/// How the figures of a text changed for a shareholder: profit, revenue or a dividend up,
/// or a loss, costs or bad loans down, is `Better`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Better,
    Worse,
    Flat,
}

/// How sure the reader's probabilities are: the favoured class gets this much.
const SURE: f32 = 0.9;

/// How the figures of `text` changed, when it is a newswire figure line or a sentence that
/// compares one kind of reported figure clearly.
pub fn read(text: &str) -> Option<Change> {
    lines::read(text).or_else(|| prose::read(text))
}

/// The probabilities the readers give a text whose figures changed `m`.
pub fn probs(m: Change) -> Probs {
    let rest = (1.0 - SURE) / 2.0;
    match m {
        Change::Better => Probs {
            negative: rest,
            neutral: rest,
            positive: SURE,
        },
        Change::Worse => Probs {
            negative: SURE,
            neutral: rest,
            positive: rest,
        },
        Change::Flat => Probs {
            negative: rest,
            neutral: SURE,
            positive: rest,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_follow_the_change() {
        assert!(probs(Change::Better).score() > 0.7);
        assert!(probs(Change::Worse).score() < -0.7);
        assert_eq!(probs(Change::Flat).class(), crate::article::Class::Neutral);
        let p = probs(Change::Better);
        assert!((p.negative + p.neutral + p.positive - 1.0).abs() < 1e-6);
    }

    #[test]
    fn lines_are_read_before_prose() {
        assert_eq!(
            read("Net loss 1.2 mln vs loss 3.4 mln"),
            Some(Change::Better)
        );
        assert_eq!(
            read("Net income rose to 4.1 mln dlrs from 3.2 mln"),
            Some(Change::Better)
        );
        assert_eq!(read("The board met on Tuesday."), None);
    }
}
