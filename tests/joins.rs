//! Output for joins (issue 31 #2): each sentence's index and the companies it names, the
//! sentences table in every format and across a resumed run, and input fields kept
//! through to the records (`--keep`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

mod common;
#[path = "common/records.rs"]
mod records;
use common::{finsent, json_lines, stderr, stdout_records};
use records::{assert_same, parquet_records};

fn read_jsonl(path: &Path) -> Vec<Value> {
    json_lines(&std::fs::read_to_string(path).expect("a JSON Lines file"))
}

/// Each sentence's `index` is its place among the units, the title first; its `symbols`
/// are the symbols of the mentions `finsent tickers` finds in it, in order, each once;
/// the evidence sentences are the sentences at their index.
#[test]
fn sentences_are_numbered_and_name_what_finsent_tickers_finds() {
    let scored = stdout_records(&finsent(&["score", "corpus", "--sentences", "-q"]));
    let found = stdout_records(&finsent(&["tickers", "corpus"]));
    let mentions: HashMap<&str, &Vec<Value>> = found
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["tickers"].as_array().unwrap()))
        .collect();
    let (mut named, mut several) = (0, 0);
    for record in &scored {
        let id = record["id"].as_str().unwrap();
        let sentences = record["sentence_scores"].as_array().expect("--sentences");
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(s["index"], json!(i), "{id}");
            let title = i == 0 && !record["title"].is_null();
            assert_eq!(s["part"], if title { "title" } else { "body" }, "{id} {i}");
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            let mut expected: Vec<&str> = Vec::new();
            for m in mentions[id].iter().filter(|m| m["part"] == s["part"]) {
                let at = m["start"].as_u64().unwrap();
                let symbol = m["symbol"].as_str().unwrap();
                if (start..end).contains(&at) && !expected.contains(&symbol) {
                    expected.push(symbol);
                }
            }
            assert_eq!(
                s["symbols"],
                json!(expected),
                "{id} sentence {i}: {}",
                s["text"]
            );
            named += usize::from(!expected.is_empty());
            several += usize::from(expected.len() > 1);
        }
        for side in ["most_positive", "most_negative"] {
            let evidence = &record["evidence"][side];
            if evidence.is_null() {
                continue;
            }
            let at = &sentences[evidence["index"].as_u64().unwrap() as usize];
            for key in ["part", "text", "start", "end", "score", "symbols"] {
                assert_eq!(evidence[key], at[key], "{id} {side}.{key}");
            }
        }
    }
    assert!(
        named > 50 && several > 5,
        "{named} sentences name a company, {several} several"
    );
}

/// The corpus and a broken line (an error record, which has no sentence rows).
fn inputs(dir: &Path) -> Vec<String> {
    let broken = dir.join("broken.jsonl");
    std::fs::write(&broken, "{\"id\":\"cut\",\"title\":\"cut short\n").expect("write");
    vec!["corpus".into(), broken.display().to_string()]
}

/// `finsent score INPUTS -q -o OUT --sentences-table TABLE EXTRA...`, which fails one record.
fn score(inputs: &[String], out: &Path, table: &Path, extra: &[&str]) {
    let mut args = vec!["score", "-q", "-o", out.to_str().unwrap()];
    args.extend(["--sentences-table", table.to_str().unwrap()]);
    args.extend(inputs.iter().map(String::as_str));
    args.extend_from_slice(extra);
    let run = finsent(&args);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
}

/// The rows the table should hold: each scored record's sentences, with its id and date.
fn expected_rows(records: &[Value]) -> Vec<Value> {
    let mut rows = Vec::new();
    for record in records.iter().filter(|r| r["error"].is_null()) {
        for s in record["sentence_scores"].as_array().unwrap() {
            let mut row = serde_json::Map::new();
            row.insert("id".into(), record["id"].clone());
            row.extend(s.as_object().unwrap().clone());
            row.insert("published_at".into(), record["published_at"].clone());
            rows.push(Value::Object(row));
        }
    }
    rows
}

fn csv_cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => {
            let texts: Vec<&str> = items.iter().map(|i| i.as_str().unwrap()).collect();
            texts.join(";")
        }
        other => other.to_string(),
    }
}

#[test]
fn the_sentences_table_holds_the_records_sentences_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = inputs(dir.path());
    let path = |name: &str| dir.path().join(name);
    score(
        &inputs,
        &path("out.jsonl"),
        &path("s.jsonl"),
        &["--sentences"],
    );
    let records = read_jsonl(&path("out.jsonl"));
    let expected = expected_rows(&records);
    assert!(expected.len() > 300, "{} rows", expected.len());
    assert_eq!(read_jsonl(&path("s.jsonl")), expected);

    // Without --sentences the records leave their sentences out; the table has them all.
    score(&inputs, &path("plain.jsonl"), &path("s.parquet"), &[]);
    let plain = read_jsonl(&path("plain.jsonl"));
    assert!(plain.iter().all(|r| r.get("sentence_scores").is_none()));
    let (_, parquet) = parquet_records(&path("s.parquet"));
    assert_eq!(parquet.len(), expected.len());
    for (want, got) in expected.iter().zip(&parquet) {
        assert_same(want, got, want["id"].as_str().unwrap());
    }

    score(&inputs, &path("out.csv"), &path("s.csv"), &[]);
    let mut reader = csv::Reader::from_path(path("s.csv")).expect("csv");
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let flat = [
        "id", "index", "part", "text", "start", "end", "score", "label",
    ];
    let probs = ["probs.negative", "probs.neutral", "probs.positive"];
    let rest = ["symbols", "targets", "published_at"];
    assert_eq!(header, [&flat[..], &probs[..], &rest[..]].concat());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), expected.len());
    for (want, row) in expected.iter().zip(&rows) {
        for (column, cell) in header.iter().zip(row) {
            let value = column.split('.').fold(want, |v, key| &v[key]);
            let targets_empty = column == "targets" && value.as_array().is_some_and(Vec::is_empty);
            let expected = if targets_empty {
                "[]".into()
            } else {
                csv_cell(value)
            };
            assert_eq!(cell, expected, "{}: {column}", want["id"]);
        }
    }
}

/// A resumed run's table ends as a whole run's does: rows written ahead of the output
/// before a crash, and a line cut short, are dropped, and no row is written twice.
#[test]
fn a_resumed_run_resumes_its_sentences_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = |name: &str| dir.path().join(name);
    let archive = std::fs::read_to_string("corpus/archive.jsonl").expect("the corpus archive");
    let lines: Vec<&str> = archive.lines().collect();
    assert!(lines.len() >= 6);
    let write = |name: &str, lines: &[&str]| -> Vec<String> {
        std::fs::write(path(name), lines.join("\n") + "\n").expect("write");
        vec![path(name).display().to_string()]
    };
    // A fresh run over the whole archive, and a run over its first lines that is then
    // resumed over the whole (the same path, so `source` agrees).
    let whole = write("fresh_input.jsonl", &lines);
    let run = |inputs: &[String], out: &PathBuf, table: &PathBuf, extra: &[&str]| {
        let mut args = vec!["score", "-q", "--resume", "-o", out.to_str().unwrap()];
        args.extend(["--sentences-table", table.to_str().unwrap()]);
        args.extend(inputs.iter().map(String::as_str));
        args.extend_from_slice(extra);
        finsent(&args)
    };
    let (fresh_out, fresh_table) = (path("fresh.jsonl"), path("fresh_s.jsonl"));
    assert!(run(&whole, &fresh_out, &fresh_table, &[]).status.success());
    let without_source = |records: Vec<Value>| -> Vec<Value> {
        let mut records = records;
        for r in &mut records {
            r.as_object_mut().unwrap().remove("source");
        }
        records
    };

    let (out, table) = (path("out.jsonl"), path("s.jsonl"));
    let first = write("input.jsonl", &lines[..4]);
    assert!(run(&first, &out, &table, &[]).status.success());
    // A crash after the table got the next article's rows (and half a row) but the
    // output did not get the article.
    let ahead = read_jsonl(&fresh_table)
        .into_iter()
        .filter(|r| r["id"] == json!(serde_json::from_str::<Value>(lines[4]).unwrap()["id"]))
        .map(|r| r.to_string() + "\n")
        .collect::<String>();
    assert!(!ahead.is_empty());
    let mut text = std::fs::read_to_string(&table).expect("table");
    text.push_str(&ahead);
    text.push_str("{\"id\":\"half");
    std::fs::write(&table, text).expect("write");

    let whole = write("input.jsonl", &lines);
    let resumed = run(&whole, &out, &table, &[]);
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    assert_eq!(
        without_source(read_jsonl(&out)),
        without_source(read_jsonl(&fresh_out))
    );
    assert_eq!(
        std::fs::read_to_string(&table).unwrap(),
        std::fs::read_to_string(&fresh_table).unwrap()
    );

    let csv_table = run(&whole, &out, &path("s.csv"), &[]);
    assert_eq!(csv_table.status.code(), Some(2));
    assert!(stderr(&csv_table).contains("--sentences-table FILE.jsonl"));
    let missing = run(&whole, &out, &path("none.jsonl"), &[]);
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
    assert!(
        stderr(&missing).contains("does not exist"),
        "{}",
        stderr(&missing)
    );
}

/// `--keep` copies input fields, as text, after `error`, in JSONL and CSV inputs alike;
/// `id` is kept as `input_id`; a missing field, a text article and an error record have
/// null; a name that would still collide is refused.
#[test]
fn kept_fields_come_through_as_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = |name: &str| dir.path().join(name);
    let jsonl = [
        r#"{"id":"j1","title":"Sony raises outlook","desk":"tokyo","permno":10107}"#,
        r#"{"id":"j2","title":"Ford cuts outlook","permno":null,"desk":{"a":1}}"#,
        r#"{"id":"j3","title": "cut short"#,
    ];
    std::fs::write(path("a.jsonl"), jsonl.join("\n") + "\n").expect("write");
    std::fs::write(
        path("b.csv"),
        "ID,Title,Desk\nc1,Toyota lifts outlook,osaka\nc2,Honda slips,\n",
    )
    .expect("write");
    std::fs::write(path("c.txt"), "Nissan falls\nShares fell.").expect("write");
    let inputs: Vec<String> = ["a.jsonl", "b.csv", "c.txt"]
        .iter()
        .map(|n| path(n).display().to_string())
        .collect();
    let score = |out: &Path, keep: &str| {
        let mut args = vec!["score", "-q", "--no-tickers", "--keep", keep, "-o"];
        args.push(out.to_str().unwrap());
        args.extend(inputs.iter().map(String::as_str));
        finsent(&args)
    };
    let run = score(&path("out.jsonl"), "desk,permno,id");
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let records = read_jsonl(&path("out.jsonl"));
    let kept: Vec<Value> = records
        .iter()
        .map(|r| json!([r.get("desk"), r.get("permno"), r.get("input_id")]))
        .collect();
    assert_eq!(
        kept,
        [
            json!(["tokyo", "10107", "j1"]),
            json!([r#"{"a":1}"#, null, "j2"]),
            json!([null, null, null]),
            json!(["osaka", null, "c1"]),
            json!([null, null, "c2"]),
            json!([null, null, null]),
        ]
    );
    assert!(
        records[2].get("desk").is_none(),
        "an error record has no kept fields"
    );
    let keys: Vec<&String> = records[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys[keys.len() - 4..],
        ["error", "desk", "permno", "input_id"]
    );

    let run = score(&path("out.parquet"), "desk,permno,id");
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let (_, parquet) = parquet_records(&path("out.parquet"));
    for (j, p) in records.iter().zip(&parquet) {
        assert_same(j, p, "parquet");
    }

    let refused = score(&path("refused.jsonl"), "id,input_id");
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--keep"), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("\"input_id\""),
        "{}",
        stderr(&refused)
    );
    assert!(!path("refused.jsonl").exists());
}
