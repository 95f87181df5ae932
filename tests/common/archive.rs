//! A JSONL archive of short articles, for the tests that need many records (shards,
//! resuming, signals, locks); included by the test files that use it.

use std::path::{Path, PathBuf};

/// A JSONL archive of `n` short articles with distinct sentences.
pub fn archive(dir: &Path, n: usize) -> PathBuf {
    let verbs = ["raised", "cut", "kept", "beat", "missed"];
    let lines: Vec<String> = (0..n)
        .map(|i| {
            let body = format!(
                "Company {i} {} its forecast for fiscal {}. Its shares moved {}.{}% in Tokyo.",
                verbs[i % verbs.len()],
                2020 + i % 7,
                i % 9,
                i % 10
            );
            serde_json::json!({"id": format!("a{i:05}"), "title": format!("Update {i}"), "body": body}).to_string()
        })
        .collect();
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write archive");
    path
}
