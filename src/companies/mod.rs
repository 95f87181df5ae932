//! Companies: everything that makes a company's score, from the mentions
//! [`crate::tickers`] finds in an article.
//!
//! `units` places the mentions in the article's units (title, body sentences) and decides
//! what is asked about each company; `summary` counts each company's mentions, its
//! relevance and the units that name it; `record` turns its units' probabilities into its
//! score and its output row. The decisions themselves are pure functions here:
//!
//! A unit that names two or more distinct companies is scored once per company with the
//! model's target-aware input (the company's mentions marked), so "Toyota rose while Nissan
//! slumped" is good for Toyota and bad for Nissan. A unit that names one company is asked
//! about it too when it names another party (`parties`: "Crisil downgrades Pratibha
//! Industries"); otherwise it keeps the unit's own score. A company that only plays a role
//! in a unit (`roles`: a quoted analyst, a broker rating someone else, an adviser, the
//! source of a figure) is neutral in that unit. A company's score aggregates its units with
//! the weights and bands of the article score, each unit's polar probabilities counting only
//! for what its neutral one leaves ([`company_score`]).

mod parties;
mod record;
mod roles;
mod summary;
mod units;

use std::collections::{BTreeMap, BTreeSet};

use crate::aggregate::{ArticleScore, Bands, Weighted, aggregate};
use crate::article::{Probs, Unit};
use crate::split::{Span, sentence_at};
use crate::tickers::Mention;

pub use record::ticker_records;
pub use summary::{LEAD_SENTENCES, TickerSummary, summarize};
pub use units::ArticleCompanies;

/// A company's mention in a unit: byte offsets in the unit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMention {
    pub unit: Unit,
    pub symbol: String,
    pub start: usize,
    pub end: usize,
}

/// One unit to score toward one company.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetPass {
    pub unit: Unit,
    pub symbol: String,
    /// The company's mentions in the unit's text, in order: `(start, end)` byte offsets.
    pub mentions: Vec<(usize, usize)>,
}

/// The target passes of an article: one per company of each unit that names two or more
/// distinct companies, or one company and another party (`text` gives a unit's text), in
/// unit order, then symbol order. Overlapping mentions of one company are merged into the
/// first.
pub fn plan_targets<'a>(
    mentions: &[UnitMention],
    text: impl Fn(Unit) -> &'a str,
) -> Vec<TargetPass> {
    type Spans = Vec<(usize, usize)>;
    let mut by_unit: BTreeMap<Unit, BTreeMap<&str, Spans>> = BTreeMap::new();
    for m in mentions {
        let spans = by_unit
            .entry(m.unit)
            .or_default()
            .entry(m.symbol.as_str())
            .or_default();
        if spans.last().is_none_or(|&(_, end)| m.start >= end) {
            spans.push((m.start, m.end));
        }
    }
    by_unit
        .into_iter()
        .filter(|(unit, companies)| {
            companies.len() >= 2
                || companies
                    .values()
                    .any(|spans| parties::names_another_party(text(*unit), spans))
        })
        .flat_map(|(unit, companies)| {
            companies.into_iter().map(move |(symbol, mut spans)| {
                spans.sort_unstable();
                TargetPass {
                    unit,
                    symbol: symbol.to_string(),
                    mentions: spans,
                }
            })
        })
        .collect()
}

/// The (unit, symbol) pairs where the company only plays a role: each of its mentions in
/// the unit is a quoted analyst's, a broker's, an adviser's or a figure's source.
pub fn plan_roles<'a>(
    mentions: &[UnitMention],
    text: impl Fn(Unit) -> &'a str,
) -> BTreeSet<(Unit, String)> {
    let mut by_company: BTreeMap<(Unit, &str), Vec<(usize, usize)>> = BTreeMap::new();
    for m in mentions {
        by_company
            .entry((m.unit, m.symbol.as_str()))
            .or_default()
            .push((m.start, m.end));
    }
    by_company
        .into_iter()
        .filter(|((unit, _), spans)| roles::only_a_role(text(*unit), spans))
        .map(|((unit, symbol), _)| (unit, symbol.to_string()))
        .collect()
}

/// The probabilities a unit lends a company that only plays a role in it: neutral, as sure
/// as the figures reader is of what it reads.
pub const ROLE: Probs = Probs {
    negative: 0.05,
    neutral: 0.9,
    positive: 0.05,
};

/// A company's score from the probabilities of the units that name it (`units`, each with
/// the probabilities to use: the target pass's where there was one), the title weighted
/// `title_weight`.
pub fn company_score(units: &[(Unit, Probs)], title_weight: f32, bands: &Bands) -> ArticleScore {
    let weighted: Vec<Weighted> = units
        .iter()
        .map(|&(unit, probs)| Weighted {
            probs: leaning(probs),
            weight: unit.weight(title_weight),
        })
        .collect();
    aggregate(&weighted, bands)
}

/// A unit's probabilities as they count toward a company: its polar probabilities only for
/// what its neutral one leaves (each times `1 − P(neutral)`). A reading that is mostly
/// neutral toward the company (the source of a figure, a rating agency: 0.34 / 0.63 / 0.03)
/// stays neutral (−0.12) instead of being read mildly negative (−0.31); a sure polar reading
/// barely moves (0.93 / 0.04 / 0.03: −0.90 → −0.86). The neutral probability rises as the
/// polar ones fall, so such a unit also weighs less in the company's score, may count as a
/// neutral unit, and lends less confidence. Measured on real paragraphs, SEntFiN and
/// written sentences (`models/finsent-minilm-v2/MODEL_CARD.md`, "2.2.0").
fn leaning(p: Probs) -> Probs {
    let keep = 1.0 - p.neutral;
    let (negative, positive) = (p.negative * keep, p.positive * keep);
    Probs {
        negative,
        neutral: 1.0 - negative - positive,
        positive,
    }
}

/// The scored sentence a body mention counts in: the one holding it, else the first that
/// ends after its start; `None` past the scored sentences `spans` (cut by
/// `--max-sentences`).
fn scored_sentence(spans: &[Span], m: &Mention) -> Option<usize> {
    let i = sentence_at(spans, m.start, m.end)
        .unwrap_or_else(|| spans.partition_point(|s| s.end <= m.start));
    (i < spans.len()).then_some(i)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The byte spans of each occurrence of `company` in `text` (at least one).
    pub(crate) fn spans_of(text: &str, company: &str) -> Vec<(usize, usize)> {
        let spans: Vec<(usize, usize)> = text
            .match_indices(company)
            .map(|(i, m)| (i, i + m.len()))
            .collect();
        assert!(!spans.is_empty(), "{company} not in {text}");
        spans
    }

    /// A unit's text that names no other party, long enough for the tests' offsets.
    const PLAIN: &str = "aaaaa bbbbb ccccc ddddd eeeee fffff ggggg";

    fn mention(unit: Unit, symbol: &str, start: usize, end: usize) -> UnitMention {
        UnitMention {
            unit,
            symbol: symbol.into(),
            start,
            end,
        }
    }

    /// A mostly neutral reading stays neutral toward the company; a sure one barely moves.
    #[test]
    fn a_units_polar_share_counts_for_what_neutral_leaves() {
        let bands = Bands::default();
        let score = |negative, neutral, positive| {
            let probs = Probs {
                negative,
                neutral,
                positive,
            };
            company_score(&[(Unit::Sentence(0), probs)], 2.0, &bands)
        };
        let rating_agency = score(0.34, 0.63, 0.03);
        assert!(
            (rating_agency.score + 0.115).abs() < 0.005,
            "{rating_agency:?}"
        );
        assert_eq!(rating_agency.label, bands.label(0.0));
        let sure = score(0.93, 0.04, 0.03);
        assert!((sure.score + 0.864).abs() < 0.005, "{sure:?}");
        assert_eq!(sure.label, bands.label(-0.864));
    }

    #[test]
    fn only_units_naming_two_companies_get_target_passes() {
        let mentions = [
            mention(Unit::Title, "7203.T", 0, 6),
            mention(Unit::Sentence(0), "7203.T", 0, 6),
            mention(Unit::Sentence(0), "7201.T", 18, 24),
            mention(Unit::Sentence(0), "7203.T", 30, 36),
            mention(Unit::Sentence(1), "7201.T", 0, 6),
            mention(Unit::Sentence(1), "7201.T", 10, 16),
        ];
        let passes = plan_targets(&mentions, |_| PLAIN);
        assert_eq!(
            passes,
            [
                TargetPass {
                    unit: Unit::Sentence(0),
                    symbol: "7201.T".into(),
                    mentions: vec![(18, 24)],
                },
                TargetPass {
                    unit: Unit::Sentence(0),
                    symbol: "7203.T".into(),
                    mentions: vec![(0, 6), (30, 36)],
                },
            ]
        );
        assert!(plan_targets(&mentions[..2], |_| PLAIN).is_empty());
    }

    #[test]
    fn a_unit_naming_one_company_and_another_party_gets_a_pass() {
        let texts = [
            "Crisil downgrades Pratibha Industries",
            "Pratibha Industries shares rose 4% in Mumbai",
        ];
        let text = |unit: Unit| match unit {
            Unit::Sentence(i) => texts[i],
            Unit::Title => "",
        };
        let mentions = [
            mention(Unit::Sentence(0), "PRATIBHA.NS", 18, 37),
            mention(Unit::Sentence(1), "PRATIBHA.NS", 0, 19),
        ];
        let passes = plan_targets(&mentions, text);
        assert_eq!(
            passes,
            [TargetPass {
                unit: Unit::Sentence(0),
                symbol: "PRATIBHA.NS".into(),
                mentions: vec![(18, 37)],
            }]
        );
    }

    #[test]
    fn overlapping_mentions_of_one_company_are_marked_once() {
        let mentions = [
            mention(Unit::Sentence(2), "F", 0, 10),
            mention(Unit::Sentence(2), "F", 5, 9),
            mention(Unit::Sentence(2), "GM", 20, 22),
        ];
        let passes = plan_targets(&mentions, |_| PLAIN);
        assert_eq!(passes[0].mentions, [(0, 10)]);
    }

    #[test]
    fn a_company_scores_from_its_own_units() {
        let good = Probs {
            negative: 0.05,
            neutral: 0.05,
            positive: 0.9,
        };
        let bad = Probs {
            negative: 0.9,
            neutral: 0.05,
            positive: 0.05,
        };
        let bands = Bands::default();
        let s = company_score(&[(Unit::Sentence(0), bad)], 2.0, &bands);
        assert!(s.score < -0.7);
        // The title weighs twice a sentence.
        let s = company_score(
            &[(Unit::Title, good), (Unit::Sentence(3), bad)],
            2.0,
            &bands,
        );
        assert!(s.score > 0.2 && s.score < 0.4, "{}", s.score);
    }
}
