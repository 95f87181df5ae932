//! The splitter against the table of hard cases in tests/fixtures/split_cases.jsonl.

use finsent::split::{char_offsets, split_sentences};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/split_cases.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each line is a case"))
        .collect()
}

#[test]
fn table_has_enough_cases() {
    assert!(cases().len() >= 200);
}

#[test]
fn every_case_splits_as_expected() {
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let got: Vec<&str> = split_sentences(&case.text)
            .iter()
            .map(|s| s.text(&case.text))
            .collect();
        if got != case.sentences {
            failures.push(format!(
                "{}:\n  expected {:?}\n  got      {:?}",
                case.name, case.sentences, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn char_offsets_select_the_sentence_text() {
    for case in cases() {
        let spans = split_sentences(&case.text);
        let chars: Vec<char> = case.text.chars().collect();
        for ((start, end), span) in char_offsets(&case.text, &spans).into_iter().zip(&spans) {
            let selected: String = chars[start..end].iter().collect();
            assert_eq!(selected, span.text(&case.text), "{}", case.name);
        }
    }
}
