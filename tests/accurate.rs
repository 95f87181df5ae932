//! The accurate tier (`--model accurate`): the shipped files in `models/finsent-mpnet-v3/`
//! load through the same `ModelFiles` path as any model directory, score through every
//! command, and a missing one is a clear error.

mod common;

use std::process::Command;

use common::{finsent, root, stderr, stdout_records};

fn accurate_dir() -> std::path::PathBuf {
    root().join("models").join(finsent::model::ACCURATE_NAME)
}

#[test]
fn accurate_tier_classifies_with_its_own_model_block() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("h.jsonl");
    std::fs::write(
        &input,
        "{\"text\": \"Nvidia shares soar to a record after blowout earnings\"}\n\
         {\"text\": \"Boeing shares plunge after regulators ground its jets\"}\n\
         {\"text\": \"Toyota rose 4% while Nissan slumped 9%\", \"target\": \"Nissan\"}\n",
    )
    .expect("write");
    let path = input.to_str().expect("path");
    let out = finsent(&["classify", path, "-q", "--model", "accurate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = stdout_records(&out);
    assert_eq!(records.len(), 3);
    let labels: Vec<&str> = records
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["positive", "negative", "negative"]);

    let config: serde_json::Value =
        serde_json::from_slice(&std::fs::read(accurate_dir().join("config.json")).expect("config"))
            .expect("config is JSON");
    let info = finsent(&["info", "--json", "--model", "accurate"]);
    assert_eq!(info.status.code(), Some(0), "{}", stderr(&info));
    let info: serde_json::Value = serde_json::from_slice(&info.stdout).expect("info JSON");
    assert_eq!(info["model"]["name"], config["name"]);
    assert_eq!(info["model"]["version"], config["version"]);
    assert_ne!(
        config["version"], "2.1.0",
        "the accurate tier has its own version"
    );
}

#[test]
fn accurate_tier_scores_articles_and_names_itself() {
    let out = finsent(&[
        "score",
        "corpus/",
        "-q",
        "--model",
        "accurate",
        "--max-sentences",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = stdout_records(&out);
    assert!(!records.is_empty());
    for r in &records {
        assert_eq!(r["model"]["name"], finsent::model::ACCURATE_NAME, "{r}");
        let score = r["score"].as_f64().expect("score");
        assert!((-1.0..=1.0).contains(&score));
    }
}

#[test]
fn a_missing_accurate_model_is_a_clear_error_not_a_panic() {
    // The search over places is tested in the library (`locate_accurate`); here, the same
    // directory named by path must fail the same way: exit 2, the path in the message.
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join(finsent::model::ACCURATE_NAME);
    let out = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["classify", "-q", "--model"])
        .arg(&missing)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains(&missing.display().to_string()), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
