//! Property tests: the splitter's sentences cover the text in order (only whitespace lies
//! between them) and never cut a number;
//! the aggregator's score stays in [-1, 1] and its label agrees with the score and bands.

use finsent::aggregate::{Bands, Weighted, aggregate};
use finsent::article::Probs;
use finsent::split::{char_offsets, split_sentences};
use proptest::prelude::*;

/// Text made of news-like pieces: words, numbers with decimals, abbreviations, punctuation,
/// quotes, ellipses, list markers, indented lines and non-ASCII characters, so the rules
/// get exercised.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[0-9]{1,3}\\.[0-9]{1,2}",
        Just("Inc.".to_string()),
        Just("U.S.".to_string()),
        Just("No. 1".to_string()),
        Just("$6.77 bn".to_string()),
        Just("3.5%".to_string()),
        Just("¥1.08 trillion".to_string()),
        Just(".".to_string()),
        Just("!".to_string()),
        Just("?".to_string()),
        Just("\"".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("- ".to_string()),
        Just("。".to_string()),
        Just("…".to_string()),
        Just(". . .".to_string()),
        Just("[...]".to_string()),
        Just("p.m.".to_string()),
        Just("N°.".to_string()),
        Just("1.)".to_string()),
        Just("2)".to_string()),
        Just("a.".to_string()),
        Just("•".to_string()),
        Just("⁃".to_string()),
        Just("\n    ".to_string()),
        Just("vs".to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.join(" "))
}

/// Decimal numbers (`3.5`) in the text, as byte ranges.
fn decimals(text: &str) -> Vec<(usize, usize)> {
    let re = regex::Regex::new(r"[0-9]+\.[0-9]+").expect("regex");
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn sentences_cover_the_text_in_order(text in news_text()) {
        let spans = split_sentences(&text);
        let mut end = 0;
        for span in &spans {
            prop_assert!(span.start >= end, "overlap or disorder in {text:?}");
            prop_assert!(span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            // Only whitespace lies between sentences: list markers stay with their item.
            let gap = &text[end..span.start];
            prop_assert!(
                gap.chars().all(char::is_whitespace),
                "text lost between sentences: {gap:?} in {text:?}"
            );
            end = span.end;
        }
        let tail = &text[end..];
        prop_assert!(
            tail.chars().all(char::is_whitespace),
            "text lost at the end: {tail:?} in {text:?}"
        );
        let offsets = char_offsets(&text, &spans);
        for ((start, end), span) in offsets.iter().zip(&spans) {
            prop_assert_eq!(*start, text[..span.start].chars().count());
            prop_assert_eq!(*end, text[..span.end].chars().count());
        }
    }

    #[test]
    fn never_splits_inside_a_number(text in news_text()) {
        let spans = split_sentences(&text);
        for (start, end) in decimals(&text) {
            for span in &spans {
                let cut_inside = (span.end > start && span.end < end) || (span.start > start && span.start < end);
                prop_assert!(!cut_inside, "cut inside {:?} in {text:?}", &text[start..end]);
            }
        }
    }

    #[test]
    fn article_score_is_bounded_and_labelled_by_its_band(
        units in prop::collection::vec((0.0f32..1.0, 0.0f32..1.0, 0.0f32..1.0, 0.0f32..4.0), 1..40),
        bands in (0.05f32..0.3, 0.3f32..0.6, 0.6f32..1.0),
    ) {
        let bands = Bands::new(bands.0, bands.1, bands.2).expect("increasing bands");
        let units: Vec<Weighted> = units
            .into_iter()
            .map(|(a, b, c, weight)| {
                let sum = a + b + c + 1e-6;
                let probs = Probs { negative: a / sum, neutral: b / sum, positive: c / sum };
                Weighted { probs, weight }
            })
            .collect();
        let result = aggregate(&units, &bands);
        prop_assert!((-1.0..=1.0).contains(&result.score), "score {}", result.score);
        prop_assert!((0.0..=1.0 + 1e-6).contains(&result.confidence), "confidence {}", result.confidence);
        // The band, from the thresholds themselves (not from `Bands::label`).
        let magnitude = result.score.abs();
        let side = if result.score > 0.0 { "positive" } else { "negative" };
        let expected = if magnitude < bands.neutral {
            "neutral".to_string()
        } else if magnitude < bands.moderate {
            format!("mildly {side}")
        } else if magnitude < bands.strong {
            side.to_string()
        } else {
            format!("strongly {side}")
        };
        prop_assert_eq!(serde_json::to_value(result.label).expect("label"), expected);
        let polarity = result.label.polarity();
        if result.score.abs() < bands.neutral {
            prop_assert_eq!(polarity, 0);
        } else {
            prop_assert_eq!(polarity, if result.score > 0.0 { 1 } else { -1 });
        }
        prop_assert_eq!(result.counts.total, units.len());
        prop_assert_eq!(
            result.counts.positive + result.counts.neutral + result.counts.negative,
            units.len()
        );
    }
}
