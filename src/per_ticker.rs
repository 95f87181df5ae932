//! Per-company sentiment. Pure functions: which units of an article (the title, body
//! sentences) are asked about which company, and each company's score from its own units.
//!
//! A unit that names two or more distinct companies is scored once per company with the
//! model's target-aware input (the company's mentions marked), so "Toyota rose while Nissan
//! slumped" is good for Toyota and bad for Nissan. A unit that names one company keeps the
//! unit's own score (docs/model.md gives the measurement behind that choice). A company's
//! score aggregates its units with the weights and bands of the article score.

use std::collections::BTreeMap;

use crate::aggregate::{ArticleScore, Bands, Weighted, aggregate};
use crate::article::{Probs, Unit};

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
/// distinct companies, in unit order, then symbol order. Overlapping mentions of one company
/// are merged into the first.
pub fn plan_targets(mentions: &[UnitMention]) -> Vec<TargetPass> {
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
        .filter(|(_, companies)| companies.len() >= 2)
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

/// A company's score from the probabilities of the units that name it (`units`, each with
/// the probabilities to use: the target pass's where there was one), the title weighted
/// `title_weight`.
pub fn company_score(units: &[(Unit, Probs)], title_weight: f32, bands: &Bands) -> ArticleScore {
    let weighted: Vec<Weighted> = units
        .iter()
        .map(|&(unit, probs)| Weighted {
            probs,
            weight: unit.weight(title_weight),
        })
        .collect();
    aggregate(&weighted, bands)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(unit: Unit, symbol: &str, start: usize, end: usize) -> UnitMention {
        UnitMention {
            unit,
            symbol: symbol.into(),
            start,
            end,
        }
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
        let passes = plan_targets(&mentions);
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
        assert!(plan_targets(&mentions[..2]).is_empty());
    }

    #[test]
    fn overlapping_mentions_of_one_company_are_marked_once() {
        let mentions = [
            mention(Unit::Sentence(2), "F", 0, 10),
            mention(Unit::Sentence(2), "F", 5, 9),
            mention(Unit::Sentence(2), "GM", 20, 22),
        ];
        let passes = plan_targets(&mentions);
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
