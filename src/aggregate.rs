//! Sentence probabilities -> article score, label band and confidence. Pure functions.
//!
//! A sentence's score is P(positive) − P(negative). The article score is their weighted
//! mean, the weight of a sentence being `(NEUTRAL_FLOOR + 1 − P(neutral))`, times
//! `title_weight` for the title: sentences the model finds neutral (boilerplate, datelines,
//! figures without direction) count little, opinionated ones count fully, and an article
//! of only neutral sentences still has a well-defined score near 0. A weighted mean of
//! values in [−1, 1] stays in [−1, 1].
//!
//! Confidence is the weighted mean probability of the class the label points to (negative,
//! neutral or positive): high when the sentences agree with the label, low for mixed news.

use serde::Serialize;

use crate::article::{Class, Probs};
use crate::validate::{Field, Invalid};

/// Weight of a fully neutral sentence relative to a fully opinionated one (1 + this).
pub const NEUTRAL_FLOOR: f32 = 0.1;

/// Score thresholds of the label bands, applied to |score|.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    /// Below this: neutral.
    pub neutral: f32,
    /// From `neutral` to this: mildly positive/negative.
    pub moderate: f32,
    /// From `moderate` to this: positive/negative; at or above: strongly.
    pub strong: f32,
}

impl Default for Bands {
    fn default() -> Self {
        Self {
            neutral: 0.15,
            moderate: 0.40,
            strong: 0.70,
        }
    }
}

impl Bands {
    /// Bands from three increasing thresholds in (0, 1].
    pub fn new(neutral: f32, moderate: f32, strong: f32) -> Result<Self, Invalid> {
        if 0.0 < neutral && neutral < moderate && moderate < strong && strong <= 1.0 {
            Ok(Self {
                neutral,
                moderate,
                strong,
            })
        } else {
            Err(Invalid::new(
                Field::Bands,
                "three thresholds a, b, c with 0 < a < b < c <= 1",
                format!("{neutral}, {moderate}, {strong}"),
            ))
        }
    }

    pub fn label(&self, score: f32) -> Label {
        let magnitude = score.abs();
        let positive = score > 0.0;
        match magnitude {
            m if m < self.neutral => Label::Neutral,
            m if m < self.moderate => pick(positive, Label::MildlyPositive, Label::MildlyNegative),
            m if m < self.strong => pick(positive, Label::Positive, Label::Negative),
            _ => pick(positive, Label::StronglyPositive, Label::StronglyNegative),
        }
    }
}

fn pick(positive: bool, if_positive: Label, if_negative: Label) -> Label {
    if positive { if_positive } else { if_negative }
}

/// The label band of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Label {
    #[serde(rename = "strongly negative")]
    StronglyNegative,
    #[serde(rename = "negative")]
    Negative,
    #[serde(rename = "mildly negative")]
    MildlyNegative,
    #[serde(rename = "neutral")]
    Neutral,
    #[serde(rename = "mildly positive")]
    MildlyPositive,
    #[serde(rename = "positive")]
    Positive,
    #[serde(rename = "strongly positive")]
    StronglyPositive,
}

impl Label {
    /// -1, 0 or 1: the direction the label points to.
    pub fn polarity(self) -> i8 {
        match self {
            Self::StronglyNegative | Self::Negative | Self::MildlyNegative => -1,
            Self::Neutral => 0,
            Self::MildlyPositive | Self::Positive | Self::StronglyPositive => 1,
        }
    }
}

/// Sentences per most probable class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ClassCounts {
    pub total: usize,
    pub positive: usize,
    pub neutral: usize,
    pub negative: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleScore {
    pub score: f32,
    pub label: Label,
    pub confidence: f32,
    pub counts: ClassCounts,
}

/// One scored unit of an article: a body sentence, or the title with `weight` > 1.
#[derive(Debug, Clone, Copy)]
pub struct Weighted {
    pub probs: Probs,
    pub weight: f32,
}

fn sentence_weight(unit: &Weighted) -> f32 {
    unit.weight * (NEUTRAL_FLOOR + 1.0 - unit.probs.neutral)
}

/// Aggregates the units of one article (title and sentences).
pub fn aggregate(units: &[Weighted], bands: &Bands) -> ArticleScore {
    let mut counts = ClassCounts::default();
    for unit in units {
        counts.total += 1;
        match unit.probs.class() {
            Class::Positive => counts.positive += 1,
            Class::Negative => counts.negative += 1,
            Class::Neutral => counts.neutral += 1,
        }
    }
    let total_weight: f32 = units.iter().map(sentence_weight).sum();
    if total_weight <= 0.0 {
        return ArticleScore {
            score: 0.0,
            label: Label::Neutral,
            confidence: 0.0,
            counts,
        };
    }
    let weighted_mean = |f: &dyn Fn(&Probs) -> f32| {
        units
            .iter()
            .map(|u| sentence_weight(u) * f(&u.probs))
            .sum::<f32>()
            / total_weight
    };
    // Rounded as written out, so the label always agrees with the score a reader sees.
    let score = ((weighted_mean(&|p| p.score()) * 1e4).round() / 1e4).clamp(-1.0, 1.0);
    let label = bands.label(score);
    let confidence = match label.polarity() {
        1 => weighted_mean(&|p| p.positive),
        -1 => weighted_mean(&|p| p.negative),
        _ => weighted_mean(&|p| p.neutral),
    }
    .clamp(0.0, 1.0);
    ArticleScore {
        score,
        label,
        confidence,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(negative: f32, neutral: f32, positive: f32) -> Weighted {
        Weighted {
            probs: Probs {
                negative,
                neutral,
                positive,
            },
            weight: 1.0,
        }
    }

    #[test]
    fn bands_follow_the_documented_thresholds() {
        let bands = Bands::default();
        let cases = [
            (0.0, Label::Neutral),
            (0.149, Label::Neutral),
            (-0.149, Label::Neutral),
            (0.15, Label::MildlyPositive),
            (0.35, Label::MildlyPositive),
            (-0.39, Label::MildlyNegative),
            (0.40, Label::Positive),
            (-0.69, Label::Negative),
            (0.70, Label::StronglyPositive),
            (-1.0, Label::StronglyNegative),
        ];
        for (score, label) in cases {
            assert_eq!(bands.label(score), label, "score {score}");
        }
        assert!(Bands::new(0.3, 0.2, 0.9).is_err());
    }

    #[test]
    fn neutral_sentences_weigh_less_than_opinionated_ones() {
        let mut units = vec![unit(0.01, 0.98, 0.01); 8];
        units.push(unit(0.02, 0.08, 0.90));
        let s = aggregate(&units, &Bands::default());
        let plain_mean: f32 =
            units.iter().map(|u| u.probs.score()).sum::<f32>() / units.len() as f32;
        assert!(
            s.score > 2.0 * plain_mean,
            "{} vs plain mean {plain_mean}",
            s.score
        );
        assert_eq!(
            s.counts,
            ClassCounts {
                total: 9,
                positive: 1,
                neutral: 8,
                negative: 0
            }
        );
    }

    #[test]
    fn title_weight_pulls_the_score() {
        let body = [unit(0.7, 0.2, 0.1), unit(0.1, 0.2, 0.7)];
        let mut with_title = body.to_vec();
        with_title.push(Weighted {
            weight: 2.0,
            ..unit(0.05, 0.1, 0.85)
        });
        let plain = aggregate(&body, &Bands::default());
        let titled = aggregate(&with_title, &Bands::default());
        assert!(plain.score.abs() < 1e-6);
        assert!(titled.score > 0.3);
    }

    #[test]
    fn mixed_news_is_neutral_with_low_confidence() {
        let units = [unit(0.9, 0.05, 0.05), unit(0.05, 0.05, 0.9)];
        let s = aggregate(&units, &Bands::default());
        assert_eq!(s.label, Label::Neutral);
        assert!(s.confidence < 0.2, "confidence {}", s.confidence);
        let clear = aggregate(&[unit(0.02, 0.03, 0.95)], &Bands::default());
        assert_eq!(clear.label, Label::StronglyPositive);
        assert!(clear.confidence > 0.9);
    }

    #[test]
    fn nothing_to_score_is_neutral() {
        let s = aggregate(&[], &Bands::default());
        assert_eq!((s.score, s.label, s.confidence), (0.0, Label::Neutral, 0.0));
    }
}
