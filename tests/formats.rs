//! The output formats: Parquet (read back with the `parquet` crate) and CSV hold, field by
//! field, what JSON Lines holds for the same run; the run-level flags around them.

use std::path::Path;

use arrow_schema::DataType;
use serde_json::Value;

mod common;
#[path = "common/records.rs"]
mod records;
use common::{finsent, json_lines, stderr, stdout_records};
use records::{assert_same, parquet_records};

/// The corpus plus records that become error records or carry warnings.
fn inputs(dir: &Path) -> Vec<String> {
    let extra = dir.join("extra.jsonl");
    let lines = [
        r#"{"id":"dated","title":"Acme Robotics beats estimates","body":"Acme Robotics Inc. (NASDAQ: ACMR) reported record revenue. Shares rose 8%.","date":"2026-03-01 09:30:00","source":"Test Wire"}"#,
        r#"{"id":"broken","title": "cut short"#,
        r#"{"id":"empty","title":"  ","body":""}"#,
        r#"{"id":"undated","body":"Toyota Motor cut its outlook after a weak quarter.","date":"yesterday"}"#,
    ];
    std::fs::write(&extra, lines.join("\n") + "\n").expect("write");
    vec!["corpus".into(), extra.display().to_string()]
}

fn score_to(dir: &Path, file: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = dir.join(file);
    let inputs = inputs(dir);
    let mut args: Vec<&str> = vec!["score", "-q", "--sentences", "-o", out.to_str().unwrap()];
    args.extend(inputs.iter().map(String::as_str));
    args.extend_from_slice(extra);
    let run = finsent(&args);
    assert_eq!(
        run.status.code(),
        Some(1),
        "two records fail: {}",
        stderr(&run)
    );
    out
}

fn jsonl_records(dir: &Path) -> Vec<Value> {
    let path = score_to(dir, "out.jsonl", &[]);
    json_lines(&std::fs::read_to_string(path).expect("jsonl"))
}

#[test]
fn parquet_holds_what_jsonl_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let jsonl = jsonl_records(dir.path());
    let path = score_to(dir.path(), "out.parquet", &[]);
    let (schema, parquet) = parquet_records(&path);
    let kind = |name: &str| {
        schema
            .field_with_name(name)
            .expect(name)
            .data_type()
            .clone()
    };
    assert!(matches!(kind("published_at"), DataType::Timestamp(..)));
    assert_eq!(kind("score"), DataType::Float64);
    assert!(
        matches!(kind("tickers"), DataType::List(f) if matches!(f.data_type(), DataType::Struct(_)))
    );
    assert!(matches!(kind("source"), DataType::Struct(_)));
    assert_eq!(parquet.len(), jsonl.len());
    assert!(jsonl.len() > 36);
    // Issue 31: a scored record has every column's key, `error` (null) included, so a JSON
    // Lines file without error records loads with the Parquet file's columns.
    let columns: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    for record in jsonl.iter().filter(|r| r["error"].is_null()) {
        let keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, columns, "{}", record["id"]);
    }
    for (j, p) in jsonl.iter().zip(&parquet) {
        assert_same(j, p, j["id"].as_str().unwrap());
    }
    let broken = parquet
        .iter()
        .find(|r| r["id"].as_str().unwrap().ends_with("extra.jsonl:2"))
        .expect("the broken line's error row");
    assert_eq!(broken["error"]["kind"], "parse");
    assert!(broken["score"].is_null());
}

/// The CSV cell of a dotted column, computed from the JSON record independently of the
/// writer: lists of objects give each item's value joined by `;`, an item's own list is
/// joined by spaces, a top-level list by `;`, `sentence_scores` is JSON.
fn expected_cell(record: &Value, column: &str) -> String {
    cell_at(record, column, ";")
}

/// `list_separator` joins a list of values: `;` at the top level, a space inside an item.
fn cell_at(record: &Value, column: &str, list_separator: &str) -> String {
    fn text(v: &Value, sep: &str) -> String {
        match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Array(items) => items
                .iter()
                .map(|i| text(i, " "))
                .collect::<Vec<_>>()
                .join(sep),
            other => other.to_string(),
        }
    }
    if column == "sentence_scores" {
        return match &record[column] {
            Value::Null => String::new(),
            v => v.to_string(),
        };
    }
    let mut value = record;
    let parts: Vec<&str> = column.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        value = value.get(part).unwrap_or(&Value::Null);
        if let Value::Array(items) = value
            && i + 1 < parts.len()
        {
            let rest = parts[i + 1..].join(".");
            return items
                .iter()
                .map(|item| cell_at(item, &rest, " "))
                .collect::<Vec<_>>()
                .join(";");
        }
    }
    text(value, list_separator)
}

#[test]
fn csv_holds_what_jsonl_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let jsonl = jsonl_records(dir.path());
    let path = score_to(dir.path(), "out.csv", &[]);
    let mut reader = csv::Reader::from_path(path).expect("csv");
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), jsonl.len());
    for (record, row) in jsonl.iter().zip(&rows) {
        for (column, cell) in header.iter().zip(row) {
            if column == "sentence_scores" && !cell.is_empty() {
                let parsed: Value = serde_json::from_str(cell).expect("JSON cell");
                assert_same(&record[column], &parsed, column);
                continue;
            }
            assert_eq!(
                cell,
                expected_cell(record, column),
                "{}: {column}",
                record["id"]
            );
        }
    }
    for column in [
        "tickers.symbol",
        "published_at",
        "source.line",
        "error.kind",
        "warnings",
    ] {
        assert!(header.iter().any(|h| h == column), "{column}");
    }
}

#[test]
fn per_ticker_csv_has_a_row_per_company() {
    let dir = tempfile::tempdir().expect("tempdir");
    let jsonl = jsonl_records(dir.path());
    let path = score_to(dir.path(), "long.csv", &["--per-ticker"]);
    let mut reader = csv::Reader::from_path(path).expect("csv");
    let header = reader.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (id, symbol, score) = (col("id"), col("tickers.symbol"), col("tickers.score"));
    let rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (
                r[id].to_string(),
                r[symbol].to_string(),
                r[score].to_string(),
            )
        })
        .collect();
    let mut expected = Vec::new();
    for record in &jsonl {
        let rid = record["id"].as_str().unwrap().to_string();
        let tickers = record["tickers"].as_array().cloned().unwrap_or_default();
        if tickers.is_empty() {
            expected.push((rid.clone(), String::new(), String::new()));
        }
        for t in tickers {
            expected.push((
                rid.clone(),
                t["symbol"].as_str().unwrap().into(),
                t["score"].to_string(),
            ));
        }
    }
    assert_eq!(rows, expected);
    assert!(
        rows.len() > jsonl.len(),
        "some articles name several companies"
    );
}

#[test]
fn dates_are_normalised_and_unreadable_ones_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let records = jsonl_records(dir.path());
    let by_id = |id: &str| records.iter().find(|r| r["id"] == id).expect(id);
    assert_eq!(by_id("dated")["published_at"], "2026-03-01T09:30:00Z");
    assert_eq!(by_id("dated")["outlet"], "Test Wire");
    let undated = by_id("undated");
    assert!(undated["published_at"].is_null());
    let warning = undated["warnings"][0].as_str().expect("a warning");
    assert!(warning.contains("yesterday"), "{warning}");
}

/// Scores one record per date in `dates` (id = the date) with `flags`; the records by id.
fn score_dates(dir: &Path, dates: &[&str], flags: &[&str]) -> Vec<Value> {
    let path = dir.join("dates.jsonl");
    let lines: Vec<String> = dates
        .iter()
        .map(|d| serde_json::json!({"id": d, "body": "Orders rose.", "date": d}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    let path = path.display().to_string();
    let mut args = vec!["score", "--no-tickers", "-q", path.as_str()];
    args.extend_from_slice(flags);
    let out = finsent(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout_records(&out)
}

#[test]
fn archive_date_layouts_day_first_and_date_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dates = [
        "26-FEB-1987 15:01:01.79",
        "Feb 26, 1987",
        "26 February 1987",
        "19870226",
        "26/02/1987",
        "1987.057 15h01",
    ];
    let builtin = score_dates(dir.path(), &dates, &[]);
    let published: Vec<Option<&str>> = builtin.iter().map(|r| r["published_at"].as_str()).collect();
    let midnight = Some("1987-02-26T00:00:00Z");
    assert_eq!(
        published,
        [
            Some("1987-02-26T15:01:01.790Z"),
            midnight,
            midnight,
            midnight,
            None,
            None
        ]
    );
    let ambiguous = builtin[4]["warnings"][0].as_str().expect("a warning");
    assert!(
        ambiguous.contains("ambiguous") && ambiguous.contains("--day-first"),
        "{ambiguous}"
    );
    let unknown = builtin[5]["warnings"][0].as_str().expect("a warning");
    assert!(unknown.contains("unrecognised"), "{unknown}");

    let told = score_dates(
        dir.path(),
        &dates,
        &["--day-first", "--date-format", "%Y.%j %Hh%M"],
    );
    assert_eq!(told[4]["published_at"], "1987-02-26T00:00:00Z");
    assert_eq!(told[5]["published_at"], "1987-02-26T15:01:00Z");
    assert!(
        told.iter()
            .all(|r| r["warnings"].as_array().is_none_or(Vec::is_empty))
    );

    let bad = finsent(&["split", "corpus", "--date-format", "%Q"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("not a valid strftime layout"));
}

#[test]
fn flags_that_need_another_format_are_refused() {
    let per_ticker = finsent(&["score", "corpus", "--per-ticker", "-q"]);
    assert_eq!(per_ticker.status.code(), Some(2));
    assert!(stderr(&per_ticker).contains("--per-ticker is for CSV"));
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.parquet");
    let resume = finsent(&["score", "corpus", "--resume", "-o", out.to_str().unwrap()]);
    assert_eq!(resume.status.code(), Some(2));
    assert!(stderr(&resume).contains("--resume appends to JSON Lines"));
    assert!(!out.exists());
}

/// Issue 31 #3: `classify -o x.csv` wrote JSON Lines into `x.csv`. Its CSV and Parquet hold
/// the classify columns, row for row what its JSON Lines holds; the format comes from the
/// extension by the rule `score` uses, and an extension naming no format is refused.
#[test]
fn classify_writes_the_format_the_output_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("texts.jsonl");
    let lines = [
        r#"{"id":"a","text":"Toyota rose 4% while Nissan slumped 9% on a profit warning.","target":"Nissan"}"#,
        r#"{"id":"b","text": "cut short"#,
        "Sony raises its full-year outlook",
    ];
    std::fs::write(&input, lines.join("\n") + "\n").expect("write");
    let classify = |out: &Path, extra: &[&str]| {
        let mut args = vec!["classify", "-q", input.to_str().unwrap(), "-o"];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(extra);
        finsent(&args)
    };
    let jsonl_path = dir.path().join("x.jsonl");
    assert_eq!(classify(&jsonl_path, &[]).status.code(), Some(1));
    let jsonl = json_lines(&std::fs::read_to_string(&jsonl_path).expect("jsonl"));
    assert_eq!(jsonl[0]["id"], "a", "JSON Lines keeps the input fields");
    assert!(jsonl[0]["error"].is_null() && jsonl[2]["error"].is_null());
    assert_eq!(jsonl[1]["error"]["kind"], "parse");

    // Each row as the classify columns hold it, from the JSON Lines output.
    let expected: Vec<Value> = jsonl
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let scored = r["error"].is_null();
            serde_json::json!({
                "text": if scored { r["text"].clone() } else { Value::Null },
                "target": r["target"],
                "label": r["label"],
                "score": r["score"],
                "probs": r["probs"],
                "source": {"path": input.to_str().unwrap(), "line": i + 1},
                "error": r["error"],
            })
        })
        .collect();

    let csv_path = dir.path().join("x.csv");
    assert_eq!(classify(&csv_path, &[]).status.code(), Some(1));
    let mut reader = csv::Reader::from_path(&csv_path).expect("csv");
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "text",
            "target",
            "label",
            "score",
            "probs.negative",
            "probs.neutral",
            "probs.positive",
            "source.path",
            "source.line",
            "error.kind",
            "error.message"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), expected.len());
    for (record, row) in expected.iter().zip(&rows) {
        for (column, cell) in header.iter().zip(row) {
            assert_eq!(cell, expected_cell(record, column), "{column}");
        }
    }

    let parquet_path = dir.path().join("x.parquet");
    assert_eq!(classify(&parquet_path, &[]).status.code(), Some(1));
    let (_, parquet) = parquet_records(&parquet_path);
    assert_eq!(parquet.len(), expected.len());
    for (record, row) in expected.iter().zip(&parquet) {
        assert_same(record, row, "classify");
    }

    // --format wins over the extension; an extension that names no format is refused, for
    // classify as for score, and nothing is written.
    let forced = dir.path().join("forced.txt");
    assert_eq!(
        classify(&forced, &["--format", "csv"]).status.code(),
        Some(1)
    );
    assert!(
        std::fs::read_to_string(&forced)
            .expect("csv")
            .starts_with("text,target,")
    );
    let unknown = dir.path().join("x.txt");
    for run in [
        classify(&unknown, &[]),
        finsent(&["score", "corpus", "-q", "-o", unknown.to_str().unwrap()]),
    ] {
        assert_eq!(run.status.code(), Some(2));
        assert!(
            stderr(&run).contains("names no output format"),
            "{}",
            stderr(&run)
        );
    }
    assert!(!unknown.exists());
}

#[test]
fn progress_is_a_plain_line_off_a_terminal_and_quiet_silences_it() {
    let out = finsent(&[
        "score",
        "corpus",
        "--progress-every",
        "0",
        "--chunk-articles",
        "10",
    ]);
    assert!(out.status.success());
    let err = stderr(&out);
    let progress: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("% of input, ETA"))
        .collect();
    assert_eq!(progress.len(), 4, "one line per chunk of 10: {err}");
    assert!(
        progress[3].contains("36 records (36 scored, 0 failed)"),
        "{err}"
    );
    assert!(progress[3].contains("100% of input"), "{err}");
    assert_eq!(stdout_records(&out).len(), 36);
    let quiet = finsent(&["score", "corpus", "-q", "--progress-every", "0"]);
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
}
