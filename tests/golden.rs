//! Outputs pinned byte for byte: `score` (with and without `--sentences`, JSONL and CSV),
//! `classify`, `split` and `tickers` on the sample corpus and on a dirty archive must equal
//! the files in `tests/fixtures/golden/`. A refactoring must not change them; a change of
//! model, rules or schema does, and then the files are regenerated on purpose with
//! `FINSENT_BLESS=1 cargo test --test golden` and the diff is read and committed with it.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::{finsent, json_lines, root, stderr, stdout_records};

/// A 40-line archive with every kind of broken line between good ones.
fn dirty_archive() -> Vec<u8> {
    let mut lines = Vec::new();
    for i in 0..40 {
        let line: Vec<u8> = match i % 10 {
            3 => format!("{{\"id\":\"r{i}\",\"body\":\"cut").into_bytes(),
            5 => format!("{{\"id\":\"r{i}\",\"body\":\"\"}}").into_bytes(),
            6 => b"{\"id\":\"bad-utf8\",\"body\":\"caf\xff\"}".to_vec(),
            8 => b"[\"not an object\"]".to_vec(),
            _ => format!(
                "{{\"id\":\"r{i}\",\"title\":\"Toyota update {i}\",\"body\":\"Revenue rose {i}%. \
                 Toyota shares gained while Nissan fell 2%. Honda was unchanged.\"}}"
            )
            .into_bytes(),
        };
        lines.extend(line);
        lines.push(b'\n');
    }
    lines
}

/// `finsent ARGS` reading `input` on standard input (so that `source.path` is `-`, the same
/// on every machine).
fn finsent_reading(input: &[u8], args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("finsent runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("finsent ends")
}

fn check(name: &str, out: Output) {
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{name}: {}",
        stderr(&out)
    );
    if name.ends_with(".jsonl") {
        assert!(!json_lines(&String::from_utf8_lossy(&out.stdout)).is_empty());
    }
    let golden = root().join("tests/fixtures/golden").join(name);
    if std::env::var_os("FINSENT_BLESS").is_some() {
        std::fs::write(&golden, &out.stdout).expect("write the golden file");
        return;
    }
    let expected = std::fs::read(&golden).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
    assert!(
        out.stdout == expected,
        "{name}: the output differs from {} (FINSENT_BLESS=1 regenerates it; read the diff)",
        golden.display()
    );
}

#[test]
fn outputs_are_byte_identical_to_the_pinned_ones() {
    let dirty = dirty_archive();
    check("score.jsonl", finsent(&["score", "corpus", "-q"]));
    let sentences = finsent(&["score", "corpus", "--sentences", "-q"]);
    check("score_sentences.jsonl", sentences);
    check(
        "score.csv",
        finsent(&["score", "corpus", "--format", "csv", "-q"]),
    );
    let scored = finsent_reading(&dirty, &["score", "-", "--sentences", "-q"]);
    assert_eq!(stdout_records(&scored).len(), 40, "one record per line");
    check("dirty_sentences.jsonl", scored);
    let classified = finsent(&["classify", "tests/fixtures/per_ticker_cases.jsonl", "-q"]);
    check("classify.jsonl", classified);
    check("split.txt", finsent(&["split", "corpus"]));
    check("split.jsonl", finsent(&["split", "corpus", "--json"]));
    check("tickers.jsonl", finsent(&["tickers", "corpus"]));
    check(
        "tickers_dirty.jsonl",
        finsent_reading(&dirty, &["tickers", "-"]),
    );
}
