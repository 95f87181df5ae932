//! Per-ticker sentiment through `finsent score`: in a sentence naming two or more companies,
//! each company's label points its own way (`tests/fixtures/per_ticker_cases.jsonl`, written
//! for this), and the corpus articles with diverging companies keep their expected
//! per-ticker labels (`tests/fixtures/corpus_per_ticker.tsv`).

mod common;

use std::collections::HashMap;

use common::{finsent, json_lines, root, stderr, stdout_records};
use serde_json::Value;

/// `mildly positive` -> `positive`.
fn direction(label: &Value) -> &str {
    label
        .as_str()
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or("")
}

#[test]
fn each_company_of_a_multi_company_sentence_points_its_own_way() {
    let cases = json_lines(
        &std::fs::read_to_string(root().join("tests/fixtures/per_ticker_cases.jsonl"))
            .expect("cases"),
    );
    assert!(cases.len() >= 40);
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("cases.jsonl");
    let lines: String = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "{}\n",
                serde_json::json!({"id": i.to_string(), "body": c["text"]})
            )
        })
        .collect();
    std::fs::write(&input, lines).expect("write");
    let out = finsent(&["score", input.to_str().expect("path"), "-q", "--sentences"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = stdout_records(&out);
    let (mut right, mut total, mut wrong) = (0, 0, Vec::new());
    for (case, record) in cases.iter().zip(&records) {
        let got: HashMap<&str, &str> = record["tickers"]
            .as_array()
            .expect("tickers")
            .iter()
            .map(|t| (t["symbol"].as_str().unwrap_or(""), direction(&t["label"])))
            .collect();
        for (symbol, expected) in case["expected"].as_object().expect("expected") {
            total += 1;
            if got.get(symbol.as_str()) == Some(&expected.as_str().unwrap_or("")) {
                right += 1;
            } else {
                wrong.push(format!(
                    "{symbol} {expected} got {:?}: {}",
                    got.get(symbol.as_str()),
                    case["text"]
                ));
            }
        }
        // The sentence lists the companies it was scored toward: every company it names
        // but one that only plays a role there (a broker rating another), which is neutral.
        let sentence = &record["sentence_scores"][0];
        let targets: Vec<&Value> = sentence["targets"]
            .as_array()
            .expect("targets")
            .iter()
            .map(|t| &t["symbol"])
            .collect();
        assert!(!targets.is_empty(), "{sentence}");
        for symbol in sentence["symbols"].as_array().expect("symbols") {
            let neutral = got.get(symbol.as_str().unwrap_or("")) == Some(&"neutral");
            assert!(targets.contains(&symbol) || neutral, "{symbol}: {sentence}");
        }
    }
    let accuracy = f64::from(right) / f64::from(total);
    assert!(
        accuracy >= 0.9,
        "{right}/{total} per-company labels right:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn corpus_articles_keep_their_per_ticker_labels() {
    let expected = std::fs::read_to_string(root().join("tests/fixtures/corpus_per_ticker.tsv"))
        .expect("expectations");
    let out = finsent(&["score", "corpus", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = stdout_records(&out);
    let mut wrong = Vec::new();
    for line in expected.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, symbol, label] = fields[..] else {
            panic!("bad line {line:?}");
        };
        let record = records
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} not scored"));
        let got = record["tickers"]
            .as_array()
            .expect("tickers")
            .iter()
            .find(|t| t["symbol"] == symbol)
            .map(|t| direction(&t["label"]).to_string());
        if got.as_deref() != Some(label) {
            wrong.push(format!("{id} {symbol}: expected {label}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A pass whose answer cannot count is not run: a broker that only rates another company is
/// neutral in that sentence whatever the model reads toward it, so the sentence lists a
/// target for the rated company alone, and the broker is still neutral.
#[test]
fn no_target_pass_toward_a_company_that_only_plays_a_role() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("role.jsonl");
    let text = "Morgan Stanley downgraded Nike to underweight, citing slowing demand in China.";
    std::fs::write(
        &input,
        format!("{}\n", serde_json::json!({"id": "r", "body": text})),
    )
    .expect("write");
    let out = finsent(&["score", input.to_str().expect("path"), "-q", "--sentences"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let record = &stdout_records(&out)[0];
    let targets: Vec<&str> = record["sentence_scores"][0]["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .map(|t| t["symbol"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(targets, ["NKE"], "{record}");
    let broker = record["tickers"]
        .as_array()
        .expect("tickers")
        .iter()
        .find(|t| t["symbol"] == "MS")
        .expect("the broker is listed");
    assert_eq!(broker["label"], "neutral", "{broker}");
}
