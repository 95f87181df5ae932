//! End-to-end tests of the `finsent` binary with the shipped model on the sample corpus.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

#[path = "common/archive.rs"]
mod archive;
mod common;
use archive::archive;
use common::{finsent, json_lines, root, stderr, stdout_records};

/// Expectations per corpus article, from tests/fixtures/corpus_expected.tsv.
/// (id, expected class, known miss) per corpus article. A known miss is a model error
/// written down in the fixture's `note` column; the test checks it is still a miss, so a
/// model that fixes it makes the test ask for the note to go.
fn expected() -> Vec<(String, String, bool)> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/corpus_expected.tsv"))
        .expect("fixture");
    text.lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let miss = cols.get(3).is_some_and(|n| n.starts_with("known miss"));
            (cols[0].to_string(), cols[1].to_string(), miss)
        })
        .collect()
}

fn score_corpus(extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["score", "corpus", "-q"];
    args.extend_from_slice(extra);
    let out = finsent(&args);
    assert!(
        out.status.success(),
        "finsent score failed: {}",
        stderr(&out)
    );
    stdout_records(&out)
}

#[test]
fn corpus_records_follow_the_schema() {
    let records = score_corpus(&[]);
    let expected = expected();
    assert_eq!(
        records.len(),
        expected.len(),
        "one record per corpus article"
    );
    for r in &records {
        let id = r["id"].as_str().expect("id");
        for key in [
            "title",
            "label",
            "score",
            "confidence",
            "sentences",
            "evidence",
            "tickers",
            "model",
            "published_at",
            "outlet",
            "url",
            "story",
            "novelty",
            "story_first",
            "source",
            "warnings",
        ] {
            assert!(r.get(key).is_some(), "{id} lacks {key}: {r}");
        }
        let score = r["score"].as_f64().expect("score is a number");
        assert!((-1.0..=1.0).contains(&score), "{id}: score {score}");
        let confidence = r["confidence"].as_f64().expect("confidence");
        assert!(
            (0.0..=1.0).contains(&confidence),
            "{id}: confidence {confidence}"
        );
        let label = r["label"].as_str().expect("label");
        let band = match score.abs() {
            s if s < 0.15 => "neutral",
            s if s < 0.40 => "mildly",
            s if s < 0.70 => "plain",
            _ => "strongly",
        };
        match band {
            "neutral" => assert_eq!(label, "neutral", "{id}"),
            "mildly" | "strongly" => assert!(label.starts_with(band), "{id}: {label} for {score}"),
            _ => assert!(
                label == "positive" || label == "negative",
                "{id}: {label} for {score}"
            ),
        }
        if label != "neutral" {
            assert_eq!(
                label.ends_with("positive"),
                score > 0.0,
                "{id}: sign of {label}"
            );
        }
        let counts = &r["sentences"];
        let total = counts["total"].as_u64().expect("total");
        let parts: u64 = ["positive", "neutral", "negative"]
            .iter()
            .map(|k| counts[k].as_u64().expect("count"))
            .sum();
        assert_eq!(total, parts, "{id}: class counts add up");
        assert!(total > 0, "{id}");
        assert!(r["tickers"].is_array());
        assert_eq!(r["model"]["name"], "finsent-minilm-v2");
        assert!(r.get("sentence_scores").is_none(), "only with --sentences");
    }
    let wire = records
        .iter()
        .find(|r| r["id"] == "wire-0001")
        .expect("JSONL record by its id");
    assert_eq!(wire["published_at"], "2026-02-04T06:45:00Z");
    assert!(wire["outlet"].is_string() && wire["url"].is_string());
    assert_eq!(wire["source"]["path"], "corpus/archive.jsonl");
    assert_eq!(wire["source"]["line"], 1);
}

#[test]
fn every_corpus_article_meets_its_expectation() {
    let records = score_corpus(&[]);
    let by_id: HashMap<&str, &Value> = records
        .iter()
        .map(|r| (r["id"].as_str().expect("id"), r))
        .collect();
    let mut wrong = Vec::new();
    for (id, class, known_miss) in expected() {
        let r = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{id} was not scored"));
        let score = r["score"].as_f64().expect("score");
        let ok = match class.as_str() {
            "positive" => score >= 0.15,
            "negative" => score <= -0.15,
            // Facts without direction: inside the neutral band.
            "neutral" => score.abs() < 0.15,
            // Good and bad news together: at most mildly either way, with evidence of both.
            "mixed" => {
                score.abs() < 0.40
                    && r["sentences"]["positive"].as_u64() >= Some(1)
                    && r["sentences"]["negative"].as_u64() >= Some(1)
            }
            other => panic!("{id}: unknown expectation {other:?}"),
        };
        if ok == known_miss {
            wrong.push(format!(
                "{id}: expected {class}{}, got {} ({score})",
                if known_miss {
                    " to be a known miss"
                } else {
                    ""
                },
                r["label"]
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "articles off their expectation:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn records_come_in_input_order() {
    let records = score_corpus(&[]);
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let expected: Vec<String> = {
        let mut files: Vec<String> = walk(&root().join("corpus"));
        files.sort();
        files
    };
    // Directory entries come in name order; archives expand in place, line by line.
    let mut expanded = Vec::new();
    for f in &expected {
        match f.as_str() {
            "corpus/archive.jsonl" => expanded.extend((1..=6).map(|i| format!("wire-{i:04}"))),
            "corpus/archive.csv" => expanded.extend((1..=5).map(|i| format!("csv-{i:04}"))),
            other if other.ends_with("/README") => {}
            other => expanded.push(other.to_string()),
        }
    }
    assert_eq!(ids, expanded);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(
                path.strip_prefix(root())
                    .expect("under root")
                    .display()
                    .to_string(),
            );
        }
    }
    out
}

#[test]
fn thread_count_does_not_change_output() {
    let one = finsent(&["score", "corpus", "-q", "-j", "1", "--sentences"]);
    let two = finsent(&["score", "corpus", "-q", "-j", "2", "--sentences"]);
    assert!(one.status.success() && two.status.success());
    assert!(!one.stdout.is_empty());
    assert!(one.stdout == two.stdout, "-j 1 and -j 2 differ");
}

#[test]
fn runs_are_byte_identical() {
    let first = finsent(&["score", "corpus", "-q"]);
    let second = finsent(&["score", "corpus", "-q"]);
    assert!(first.status.success());
    assert!(first.stdout == second.stdout);
}

#[test]
fn batch_composition_does_not_change_scores() {
    let default = score_corpus(&["--sentences"]);
    let tiny = score_corpus(&["--sentences", "--max-batch", "1"]);
    let odd = score_corpus(&["--sentences", "--token-budget", "300", "--max-batch", "7"]);
    let large = score_corpus(&["--sentences", "--token-budget", "8192", "--max-batch", "64"]);
    for other in [&tiny, &odd, &large] {
        assert_eq!(default.len(), other.len());
        for (a, b) in default.iter().zip(other) {
            let delta =
                (a["score"].as_f64().expect("score") - b["score"].as_f64().expect("score")).abs();
            assert!(delta <= 1e-4, "{}: article score moved by {delta}", a["id"]);
            let (sa, sb) = (
                a["sentence_scores"].as_array().expect("list"),
                b["sentence_scores"].as_array().expect("list"),
            );
            assert_eq!(sa.len(), sb.len());
            for (x, y) in sa.iter().zip(sb) {
                for class in ["negative", "neutral", "positive"] {
                    let d = (x["probs"][class].as_f64().expect("p")
                        - y["probs"][class].as_f64().expect("p"))
                    .abs();
                    assert!(d <= 1e-4, "{}: {} moved by {d}", a["id"], x["text"]);
                }
            }
        }
    }
}

#[test]
fn sentence_offsets_point_into_the_body() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = "Toyota Motor Corp. said profit rose 3.5% to ¥1.08 trillion. Shares of the carmaker fell 2% in Tokyo.\n\n“We are cautious,” the CFO said.";
    let line =
        serde_json::json!({"id": "a1", "title": "Toyota’s profit rises", "body": body}).to_string();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, line + "\n").expect("write");
    let out = finsent(&[
        "score",
        input.to_str().expect("utf-8 path"),
        "-q",
        "--sentences",
    ]);
    let r = &stdout_records(&out)[0];
    let chars: Vec<char> = body.chars().collect();
    let sentences = r["sentence_scores"].as_array().expect("sentences");
    assert_eq!(sentences[0]["part"], "title");
    assert_eq!(
        sentences.len(),
        4,
        "title + 3 body sentences: {sentences:?}"
    );
    for s in &sentences[1..] {
        let (start, end) = (
            s["start"].as_u64().expect("start") as usize,
            s["end"].as_u64().expect("end") as usize,
        );
        let text: String = chars[start..end].iter().collect();
        assert_eq!(text, s["text"].as_str().expect("text"));
        let sum: f64 = ["negative", "neutral", "positive"]
            .iter()
            .map(|k| s["probs"][k].as_f64().expect("p"))
            .sum();
        assert!((sum - 1.0).abs() < 1e-3, "probabilities sum to 1: {sum}");
    }
}

#[test]
fn bad_records_become_error_records_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("mixed.jsonl");
    let lines = [
        r#"{"id": "ok-1", "title": "Sony raises its outlook", "body": "Sony lifted its profit forecast."}"#,
        r#"{"id": "trunc", "body": "Shares"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": "empty", "body": "   "}"#,
        r#"{"id": "ok-2", "text": "Ford cut its guidance after a recall."}"#,
    ];
    std::fs::write(&input, lines.join("\n") + "\n").expect("write");
    let missing = dir.path().join("missing.txt");
    let out = finsent(&[
        "score",
        input.to_str().expect("path"),
        missing.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "some records failed: exit 1");
    let records = stdout_records(&out);
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let mixed = input.display().to_string();
    assert_eq!(
        ids,
        [
            "ok-1",
            &format!("{mixed}:2"),
            &format!("{mixed}:3"),
            "empty",
            "ok-2",
            missing.to_str().expect("path")
        ]
    );
    let kinds: Vec<&str> = records
        .iter()
        .filter_map(|r| r["error"]["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["parse", "parse", "empty_text", "io"]);
    assert_eq!(records[1]["source"]["line"], 2);
    assert!(
        records[1]["error"]["message"]
            .as_str()
            .expect("message")
            .contains("JSON")
    );
    let summary = stderr(&out);
    assert!(
        summary.contains("6 records: 2 scored, 4 failed"),
        "summary: {summary}"
    );
}

#[test]
fn all_good_input_exits_zero_and_writes_the_file_atomically() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("scores.jsonl");
    let out = finsent(&[
        "score",
        "corpus/archive.jsonl",
        "-o",
        target.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(&target).expect("output file");
    assert_eq!(written.lines().count(), 6);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn closed_stdout_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_finsent"))
        // With --sentences the output (~145 KB) outgrows the 64 KB pipe buffer, so writes hit EPIPE.
        .args(["score", "corpus", "-q", "-j", "1", "--sentences"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // The pipe's reader is gone now, as with `| head -c 16`.
    let status = child.wait().expect("wait");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    assert!(status.success(), "exit {status:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_runtime_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["score", "corpus/archive.jsonl"])
        .env("ORT_DYLIB_PATH", "/nonexistent/libonnxruntime.so.1.31.1")
        .current_dir(root())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("ONNX Runtime") && err.contains("ORT_DYLIB_PATH") && err.contains("pip"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn wrong_model_checksum_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = root().join(finsent::MODEL_DIR);
    for file in ["model.onnx", "tokenizer.json"] {
        std::fs::copy(model.join(file), dir.path().join(file)).expect("copy");
    }
    let mut config: Value =
        serde_json::from_str(&std::fs::read_to_string(model.join("config.json")).expect("config"))
            .expect("json");
    config["onnx_sha256"] = Value::String("0".repeat(64));
    std::fs::write(dir.path().join("config.json"), config.to_string()).expect("write");
    let out = finsent(&[
        "score",
        "corpus/archive.jsonl",
        "--model",
        dir.path().to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sha256"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn classify_scores_lines_and_keeps_fields() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("h.jsonl");
    std::fs::write(
        &input,
        "{\"text\": \"Nvidia shares soar to a record after blowout earnings\", \"ticker\": \"NVDA\"}\n\
         {\"text\": \"Boeing shares plunge after regulators ground its jets\"}\n\
         {\"headline\": \"no text field\"}\n",
    )
    .expect("write");
    let out = finsent(&["classify", input.to_str().expect("path"), "-q"]);
    assert_eq!(out.status.code(), Some(1), "one line lacks text");
    let records = stdout_records(&out);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["ticker"], "NVDA", "extra fields pass through");
    assert_eq!(records[0]["label"], "positive");
    assert_eq!(records[1]["label"], "negative");
    assert!(records[0]["score"].as_f64().expect("score") > 0.0);
    assert_eq!(records[2]["error"]["kind"], "empty_text");

    let plain = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["classify", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(
                b"Toyota posts record profit\n\nIntel shares plunge after a profit warning\n",
            )?;
            child.wait_with_output()
        })
        .expect("classify from stdin");
    let records = stdout_records(&plain);
    assert_eq!(records.len(), 2, "blank lines are not records");
    assert_eq!(records[0]["text"], "Toyota posts record profit");
    assert_eq!(records[1]["label"], "negative");
}

#[test]
fn split_shows_the_sentences() {
    let out = finsent(&["split", "corpus/md/apple_record_services.md"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert!(lines.len() > 5);
    assert!(
        !lines[0].starts_with('#'),
        "the title without its heading mark: {}",
        lines[0]
    );

    let json = finsent(&["split", "--json", "corpus/archive.jsonl"]);
    let records = stdout_records(&json);
    assert_eq!(records.len(), 6);
    assert_eq!(records[0]["id"], "wire-0001");
    let sentences = records[0]["sentences"].as_array().expect("sentences");
    let mut last_end = 0;
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().expect("start"),
            s["end"].as_u64().expect("end"),
        );
        assert!(start >= last_end && end > start, "ordered, non-overlapping");
        last_end = end;
    }
}

#[test]
fn sentences_longer_than_the_model_are_scored_in_windows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = "the company said quarterly revenue rose strongly across its regions ".repeat(60);
    let line = serde_json::json!({"id": "long", "body": long.trim()}).to_string();
    let input = dir.path().join("long.jsonl");
    std::fs::write(&input, line + "\n").expect("write");
    let out = finsent(&["score", input.to_str().expect("path"), "-q", "--sentences"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = &stdout_records(&out)[0];
    let sentences = r["sentence_scores"].as_array().expect("sentences");
    assert_eq!(sentences.len(), 1, "one sentence of ~600 tokens");
    let p = &sentences[0]["probs"];
    let sum: f64 = ["negative", "neutral", "positive"]
        .iter()
        .map(|k| p[k].as_f64().expect("p"))
        .sum();
    assert!(
        (sum - 1.0).abs() < 1e-3,
        "window averages are probabilities: {sum}"
    );
    assert_eq!(
        r["label"].as_str().map(|l| l.ends_with("positive")),
        Some(true),
        "{r}"
    );
}

#[test]
fn tickers_command_shows_matches_with_offsets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("t.jsonl");
    let body = "Shares of Toyota’s rival Honda rose; SoftBank (TYO: 9984) fell. AI and US stocks were flat.";
    std::fs::write(
        &input,
        serde_json::json!({"id": "t1", "title": "Sony lifts outlook", "body": body}).to_string()
            + "\n",
    )
    .expect("write");
    let out = finsent(&["tickers", input.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = stdout_records(&out);
    let matches = records[0]["tickers"].as_array().expect("tickers");
    let symbols: Vec<&str> = matches
        .iter()
        .map(|m| m["symbol"].as_str().expect("symbol"))
        .collect();
    assert_eq!(symbols, ["6758.T", "7203.T", "7267.T", "9984.T", "9984.T"]);
    let chars: Vec<char> = body.chars().collect();
    for m in matches.iter().filter(|m| m["part"] == "body") {
        let (start, end) = (
            m["start"].as_u64().expect("start") as usize,
            m["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            m["text"].as_str().expect("text")
        );
    }
    assert_eq!(matches[4]["form"], "exchange");
}

/// Regression: with `--max-sentences 1` a company named only in the cut second sentence
/// took the first sentence's score; with `--max-sentences 0` it panicked (exit 101).
#[test]
fn max_sentences_cut_companies_borrow_no_score() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("cut.jsonl");
    let lines = [
        serde_json::json!({"id": "body", "body": "Toyota posted record profit and raised its outlook. Sony fell."}),
        serde_json::json!({"id": "titled", "title": "Sony shares slump", "body": "Sony fell."}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&input, text).expect("write");
    let path = input.to_str().expect("path");
    let symbols = |r: &Value| -> Vec<String> {
        r["tickers"]
            .as_array()
            .expect("tickers")
            .iter()
            .map(|t| t["symbol"].as_str().expect("symbol").to_string())
            .collect()
    };

    let out = finsent(&["score", path, "--max-sentences", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = stdout_records(&out);
    assert_eq!(symbols(&records[0]), ["7203.T"], "{}", records[0]);
    assert_eq!(records[0]["tickers"][0]["mentions"], 1);

    let out = finsent(&["score", path, "--max-sentences", "0"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = stdout_records(&out);
    assert!(symbols(&records[0]).is_empty(), "{}", records[0]);
    // The title is scored: Sony is there, from the title alone.
    assert_eq!(symbols(&records[1]), ["6758.T"], "{}", records[1]);
    assert_eq!(records[1]["tickers"][0]["mentions"], 1);
    // Its score is the title's, its polar part counted for what the neutral one leaves
    // (`companies::company_score`): same sign, no larger.
    let (company, title) = (
        records[1]["tickers"][0]["score"].as_f64().expect("score"),
        records[1]["score"].as_f64().expect("score"),
    );
    assert!(
        company * title > 0.0 && company.abs() <= title.abs(),
        "{company} vs {title}"
    );
}

#[test]
fn shard_outputs_add_up_to_the_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 120);
    let input = input.to_str().expect("path");
    let whole = finsent(&["score", input, "-q"]);
    let mut whole_lines: Vec<String> = String::from_utf8_lossy(&whole.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    let mut shard_lines = Vec::new();
    for k in 1..=3 {
        let out = finsent(&["score", input, "--shard", &format!("{k}/3")]);
        assert!(out.status.success(), "{}", stderr(&out));
        let lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        assert!(
            !lines.is_empty() && lines.len() < 120,
            "shard {k} has {} records",
            lines.len()
        );
        assert!(
            stderr(&out).contains(&format!("{} skipped", 120 - lines.len())),
            "{}",
            stderr(&out)
        );
        shard_lines.extend(lines);
    }
    whole_lines.sort();
    shard_lines.sort();
    assert_eq!(whole_lines, shard_lines);
    assert_eq!(
        finsent(&["score", input, "--shard", "4/3"]).status.code(),
        Some(2)
    );
}

#[test]
fn resume_finishes_a_killed_run_without_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 600);
    let input = input.to_str().expect("path");
    let direct = finsent(&["score", input, "-q", "--chunk-articles", "20"]);
    assert!(direct.status.success());

    let output = dir.path().join("scores.jsonl");
    let out_arg = output.to_str().expect("path");
    let args = [
        "score",
        input,
        "-q",
        "--chunk-articles",
        "20",
        "-j",
        "1",
        "--resume",
        "-o",
        out_arg,
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(args)
        .current_dir(root())
        .spawn()
        .expect("spawn");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let written = std::fs::read_to_string(&output)
            .map(|t| t.lines().count())
            .unwrap_or(0);
        if written >= 40 || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().expect("kill");
    child.wait().expect("reaped");
    let partial = std::fs::read_to_string(&output)
        .expect("partial output")
        .lines()
        .count();
    assert!(
        (40..600).contains(&partial),
        "killed mid-way, after {partial} records"
    );

    let resumed = finsent(&args);
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    let text = std::fs::read(&output).expect("output");
    assert!(
        text == direct.stdout,
        "resumed output differs from a direct run"
    );
}

#[test]
fn classify_keeps_the_input_field_order() {
    let out = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["classify", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(b"{\"zid\": 1, \"text\": \"Sony beats estimates\", \"a\": 2}\n")?;
            child.wait_with_output()
        })
        .expect("classify");
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(
        line.starts_with("{\"zid\":1,\"text\":\"Sony beats estimates\",\"a\":2,\"label\":"),
        "{line}"
    );
}

#[test]
fn output_to_dev_null_leaves_the_device_alone() {
    let out = finsent(&["score", "corpus/archive.jsonl", "-q", "-o", "/dev/null"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(!meta.is_file(), "/dev/null is still a device");
    let leftovers = std::fs::read_dir("/dev")
        .expect("/dev")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".finsent-"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn classify_reports_an_unreadable_input_once() {
    let out = finsent(&["classify", "corpus", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    let records = stdout_records(&out);
    assert_eq!(records.len(), 1, "one error record for the directory");
    assert_eq!(records[0]["error"]["kind"], "io");
}

#[test]
fn classify_refuses_lines_over_the_record_limit_and_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("h.txt");
    let long = format!("Shares rose {}\n", "and rose ".repeat(200));
    std::fs::write(
        &input,
        format!("Toyota posts record profit\n{long}Intel shares plunge after a profit warning\n"),
    )
    .expect("write");
    let out = finsent(&[
        "classify",
        input.to_str().expect("path"),
        "-q",
        "--max-record-bytes",
        "1000",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = stdout_records(&out);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["label"], "positive");
    assert_eq!(records[1]["error"]["kind"], "too_large");
    assert_eq!(records[1]["source"]["line"], 2);
    let message = records[1]["error"]["message"].as_str().expect("message");
    assert!(message.contains(&long.len().to_string()), "{message}");
    assert_eq!(records[2]["label"], "negative", "the line after is read");
}

#[test]
fn error_records_can_go_to_their_own_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(&input, "{\"id\": \"ok\", \"body\": \"Sony raised its forecast.\"}\nnot json\n{\"id\": \"e\", \"body\": \"\"}\n").expect("write");
    let errors = dir.path().join("errors.jsonl");
    let out = finsent(&[
        "score",
        input.to_str().expect("path"),
        "-q",
        "--errors",
        errors.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let scored = stdout_records(&out);
    assert_eq!(scored.len(), 1);
    assert_eq!(scored[0]["id"], "ok");
    let errors = json_lines(&std::fs::read_to_string(&errors).expect("errors file"));
    let kinds: Vec<&str> = errors
        .iter()
        .map(|e| e["error"]["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["parse", "empty_text"]);
}

#[test]
fn binary_and_utf16_files_in_a_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a_binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00",
    )
    .expect("write");
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            "Toyota lifts outlook\n\nToyota raised its profit forecast."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(dir.path().join("b_utf16.txt"), utf16).expect("write");
    std::fs::write(dir.path().join("c_ignored.bin"), [0u8, 1, 2]).expect("write");
    let out = finsent(&["score", dir.path().to_str().expect("path"), "-q"]);
    assert_eq!(out.status.code(), Some(1));
    let records = stdout_records(&out);
    assert_eq!(
        records.len(),
        2,
        "files of unknown type are not read from a directory"
    );
    assert_eq!(records[0]["error"]["kind"], "encoding");
    assert_eq!(records[1]["title"], "Toyota lifts outlook");
    assert_eq!(records[1]["tickers"][0]["symbol"], "7203.T");
}

/// Faults outside the input: each is one clear line on stderr, exit status 2, and no output
/// file that could pass for a finished one.
#[test]
fn faults_are_one_line_errors_and_leave_no_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let one_line_error = |out: &std::process::Output, needle: &str| {
        assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
        let err = stderr(out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{needle:?} not in {err}");
    };

    // A full disk.
    one_line_error(
        &finsent(&["score", "corpus", "-q", "-o", "/dev/full"]),
        "cannot write output /dev/full: No space left on device",
    );
    // An output directory that does not exist.
    let missing = d.join("no/such/dir/out.jsonl");
    one_line_error(
        &finsent(&["score", "corpus", "-q", "-o", missing.to_str().unwrap()]),
        "does not exist",
    );
    // The error file fails mid-run: the output is not left behind either.
    let bad = d.join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\":\"x\"\n{\"id\":\"ok\",\"body\":\"Sales rose.\"}\n",
    )
    .unwrap();
    let out = d.join("out.jsonl");
    let run = finsent(&[
        "score",
        bad.to_str().unwrap(),
        "-q",
        "-o",
        out.to_str().unwrap(),
        "--errors",
        "/dev/full",
    ]);
    one_line_error(&run, "cannot write output /dev/full");
    let left: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(!out.exists() && left.len() == 1, "left behind: {left:?}");

    // A missing and a truncated model file.
    let model = d.join("model");
    std::fs::create_dir(&model).unwrap();
    for file in ["config.json", "tokenizer.json"] {
        std::fs::copy(root().join(finsent::MODEL_DIR).join(file), model.join(file)).unwrap();
    }
    let with_model = ["score", "corpus", "-q", "--model", model.to_str().unwrap()];
    one_line_error(&finsent(&with_model), "model.onnx: No such file");
    let onnx = std::fs::read(root().join(finsent::MODEL_DIR).join("model.onnx")).unwrap();
    std::fs::write(model.join("model.onnx"), &onnx[..onnx.len() / 2]).unwrap();
    one_line_error(&finsent(&with_model), "does not match config.json");

    // A library that is not ONNX Runtime (or not the version finsent was built for).
    let not_ort = [
        "/lib/x86_64-linux-gnu/libz.so.1",
        "/usr/lib/x86_64-linux-gnu/libz.so.1",
    ]
    .into_iter()
    .find(|p| Path::new(p).exists())
    .expect("libz on this machine");
    let run = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["score", "corpus", "-q"])
        .current_dir(root())
        .env("ORT_DYLIB_PATH", not_ort)
        .output()
        .expect("runs");
    let needs = format!("needs ONNX Runtime {}", finsent::model::ORT_VERSION);
    one_line_error(&run, &needs);
}

/// Scoring each distinct sentence of a chunk once (the default) gives the records that
/// scoring every sentence gives.
#[test]
fn sentence_cache_does_not_change_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let byline = "This article was produced by the newsroom and is not investment advice.";
    let lines: Vec<String> = (0..6)
        .map(|i| {
            let body =
                format!("Revenue rose {i}% in the quarter. {byline} Shares fell in early trading.");
            serde_json::json!({"id": format!("a{i}"), "title": "Results", "body": body}).to_string()
        })
        .collect();
    let archive = dir.path().join("repeats.jsonl");
    std::fs::write(&archive, lines.join("\n") + "\n").expect("write");
    let path = archive.to_str().expect("path");
    let cached = finsent(&["score", path, "-q", "--sentences"]);
    let uncached = finsent(&["score", path, "-q", "--sentences", "--no-sentence-cache"]);
    assert!(cached.status.success() && uncached.status.success());
    assert_eq!(stdout_records(&cached).len(), 6);
    assert!(cached.stdout == uncached.stdout, "outputs differ");
}

/// A model directory with the stand-in model of `tests/fixtures/partial-vocab-model`
/// (ONNX Runtime fails on token ids of 8,000 and over) and the real tokenizer.
fn partial_vocab_model(dir: &std::path::Path) -> std::path::PathBuf {
    let model = dir.join("partial-vocab-model");
    std::fs::create_dir(&model).expect("mkdir");
    let fixture = root().join("tests/fixtures/partial-vocab-model");
    for file in ["model.onnx", "config.json"] {
        std::fs::copy(fixture.join(file), model.join(file)).expect("copy fixture");
    }
    std::fs::copy(
        root().join(finsent::MODEL_DIR).join("tokenizer.json"),
        model.join("tokenizer.json"),
    )
    .expect("copy tokenizer");
    model
}

#[test]
fn a_text_the_model_cannot_take_fails_only_its_own_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = partial_vocab_model(dir.path());
    let model = model.to_str().expect("path");
    let safe = [
        ("a", "The company said sales rose."),
        ("c", "Shares fell after the report."),
    ];
    // "quokka" and "xylophone" tokenize to ids over 8,000.
    let rare = ("b", "Zirconium xylophone quokka.");
    let line = |(id, body): (&str, &str)| format!("{{\"id\": \"{id}\", \"body\": \"{body}\"}}\n");
    let mixed = dir.path().join("mixed.jsonl");
    std::fs::write(&mixed, [safe[0], rare, safe[1]].map(line).concat()).expect("write");
    let alone = dir.path().join("safe.jsonl");
    std::fs::write(&alone, safe.map(line).concat()).expect("write");
    let run = |command, input: &std::path::Path| {
        finsent(&[
            command,
            input.to_str().expect("path"),
            "--model",
            model,
            "-q",
        ])
    };

    let out = run("score", &mixed);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = stdout_records(&out);
    assert_eq!(records.len(), 3);
    assert_eq!(records[1]["id"], "b");
    assert_eq!(records[1]["error"]["kind"], "model");
    let message = records[1]["error"]["message"].as_str().expect("message");
    assert!(message.contains("out of"), "{message}");
    let reference = stdout_records(&run("score", &alone));
    for (record, expected) in [&records[0], &records[2]].into_iter().zip(&reference) {
        assert_eq!(record["id"], expected["id"]);
        assert!(record["label"].is_string(), "{record}");
        assert_eq!(
            record["score"], expected["score"],
            "same score as without the rare text"
        );
    }

    let lines = dir.path().join("lines.txt");
    std::fs::write(&lines, [safe[0].1, rare.1, safe[1].1].join("\n")).expect("write");
    let out = run("classify", &lines);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let kinds: Vec<_> = stdout_records(&out)
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("scored").to_string())
        .collect();
    assert_eq!(kinds, ["scored", "model", "scored"]);
}

/// Regression (reliability probe, items 9–11): `--chunk-articles 18446744073709551615`
/// panicked ("bounded channel capacity is too large") and 1e9 aborted allocating 432 GB;
/// `--progress-every 1e300` panicked converting to a Duration; `-j 100000` built sessions
/// until memory ran out. Each is now refused before anything is loaded, with exit 2.
#[test]
fn numeric_flags_out_of_range_are_refused_before_anything_is_loaded() {
    let cases: [(&[&str], &str); 8] = [
        (
            &["--chunk-articles", "18446744073709551615"],
            "--chunk-articles",
        ),
        (&["--chunk-articles", "1000000000"], "--chunk-articles"),
        (&["--chunk-articles", "0"], "--chunk-articles"),
        (&["--progress-every", "1e300"], "--progress-every"),
        (&["-j", "100000"], "--threads"),
        (&["--max-batch", "0"], "--max-batch"),
        (
            &["--token-budget", "18446744073709551615"],
            "--token-budget",
        ),
        (&["--title-weight", "inf"], "--title-weight"),
    ];
    for (flags, named) in cases {
        let mut args = vec!["score", "corpus", "-q"];
        args.extend_from_slice(flags);
        let out = finsent(&args);
        assert_eq!(out.status.code(), Some(2), "{flags:?}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains(named) && !message.contains("panicked"),
            "{flags:?}: {message}"
        );
        assert!(out.stdout.is_empty(), "{flags:?}: nothing written");
    }
}
