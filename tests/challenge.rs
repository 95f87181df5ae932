//! The hand-written challenge sets of `models/train/challenge/` (never trained on) through
//! `finsent classify` with the shipped model, so a retrain cannot silently lose what they
//! test: direction words read against what moved, constructions, figure lines, all-caps
//! headlines (`direction.jsonl`), and each company of a multi-company sentence scored
//! toward itself (`targets.jsonl`).

mod common;

use std::collections::BTreeMap;

use common::{finsent, json_lines, root, stderr, stdout_records};
use serde_json::Value;

/// Floors a few points under the shipped model's figures (model card: 0.854 overall and 0.70
/// in its weakest category on `direction.jsonl`; 0.891 and 0.62 on `targets.jsonl`), so a
/// retrain that loses the skill fails here. The goal (0.90, every category 0.80) is
/// not reached yet.
const DIRECTION_FLOOR: f64 = 0.83;
const DIRECTION_CATEGORY_FLOOR: f64 = 0.65;
const TARGETS_FLOOR: f64 = 0.86;
const TARGETS_CATEGORY_FLOOR: f64 = 0.60;

/// Overall and per-category accuracy of `finsent classify` on a challenge file.
fn accuracy(file: &str) -> (f64, BTreeMap<String, (usize, usize)>) {
    let path = root().join("models/train/challenge").join(file);
    let gold = json_lines(&std::fs::read_to_string(&path).expect("challenge set"));
    let out = finsent(&["classify", path.to_str().expect("path"), "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let predicted = stdout_records(&out);
    assert_eq!(
        predicted.len(),
        gold.len(),
        "one output line per input line"
    );
    let mut by_category: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut right = 0;
    for (g, p) in gold.iter().zip(&predicted) {
        assert_eq!(g["text"], p["text"], "output in input order");
        let ok = g["label"] == p["label"];
        right += usize::from(ok);
        let category = g["category"].as_str().unwrap_or("").to_string();
        let entry = by_category.entry(category).or_default();
        entry.0 += usize::from(ok);
        entry.1 += 1;
    }
    (right as f64 / gold.len() as f64, by_category)
}

fn weak_categories(by_category: &BTreeMap<String, (usize, usize)>, floor: f64) -> Vec<String> {
    by_category
        .iter()
        .filter(|(_, (right, n))| (*right as f64) < floor * *n as f64)
        .map(|(c, (right, n))| format!("{c}: {right}/{n}"))
        .collect()
}

#[test]
fn direction_challenge_is_read_as_an_investor_reads_it() {
    let (overall, by_category) = accuracy("direction.jsonl");
    assert!(by_category.len() >= 15, "{by_category:?}");
    assert!(
        overall >= DIRECTION_FLOOR,
        "accuracy {overall:.3} under {DIRECTION_FLOOR}: {by_category:?}"
    );
    let weak = weak_categories(&by_category, DIRECTION_CATEGORY_FLOOR);
    assert!(weak.is_empty(), "categories under the floor: {weak:?}");
}

#[test]
fn each_company_of_a_sentence_gets_its_own_label() {
    let (overall, by_category) = accuracy("targets.jsonl");
    assert!(
        overall >= TARGETS_FLOOR,
        "accuracy {overall:.3} under {TARGETS_FLOOR}: {by_category:?}"
    );
    let weak = weak_categories(&by_category, TARGETS_CATEGORY_FLOOR);
    assert!(weak.is_empty(), "categories under the floor: {weak:?}");
}

#[test]
fn a_target_changes_the_answer_only_through_the_model_input() {
    let line = |target: Option<&str>| {
        let mut object = serde_json::json!({
            "text": "Toyota rose 4% after strong sales, while Nissan slumped 9% on a profit warning."
        });
        if let Some(t) = target {
            object["target"] = Value::String(t.into());
        }
        format!("{object}\n")
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        [line(Some("Toyota")), line(Some("Nissan")), line(None)].concat(),
    )
    .expect("write");
    let out = finsent(&["classify", input.to_str().expect("path"), "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = stdout_records(&out);
    assert_eq!(records[0]["label"], "positive", "{}", records[0]);
    assert_eq!(records[1]["label"], "negative", "{}", records[1]);
    assert_eq!(records[0]["target"], "Toyota", "input fields are kept");
    assert!(records[2].get("target").is_none());
}
