//! docs/schema.md and the writers agree: its field tables name every field the writers
//! write, with the Arrow type they write it with, and no other. A field added to a
//! writer and not to the document (or the other way round) fails here, checked against the
//! schemas (`src/writer/schema.rs`), the Parquet files and the JSON Lines records of a real
//! run on the corpus.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;

use arrow_schema::{DataType, Fields, Schema, TimeUnit};
use finsent::writer::{record_schema, sentence_table_schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

#[allow(dead_code)]
mod common;
use common::{finsent, json_lines, root, stderr};

/// Field path (`parent.child`, `list[].child`) to type, as the document names types.
type Documented = BTreeMap<String, String>;

/// The fields in the tables of the section headed `## {heading}` (its `###` subsections
/// included): each row whose first cell is a path in backticks; `{a,b}` in a path stands
/// for both. `<FIELD>` (the kept input fields) names no fixed field.
fn documented(heading: &str) -> Documented {
    let text = std::fs::read_to_string(root().join("docs/schema.md")).expect("docs/schema.md");
    let start = text
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("docs/schema.md has no section {heading:?}"));
    let section = &text[start + 1..];
    let end = section[1..].find("\n## ").map_or(section.len(), |i| i + 1);
    let mut out = Documented::new();
    for line in section[..end].lines() {
        let cells: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let Some(path) = cells[0]
            .strip_prefix("| `")
            .and_then(|p| p.strip_suffix('`'))
        else {
            continue;
        };
        if path.starts_with('<') {
            continue;
        }
        for path in expand(path) {
            let previous = out.insert(path.clone(), cells[1].to_string());
            assert!(previous.is_none(), "{path} is documented twice");
        }
    }
    assert!(!out.is_empty(), "no field table under {heading:?}");
    out
}

/// `a.{b,c}.d` as `a.b.d` and `a.c.d`.
fn expand(path: &str) -> Vec<String> {
    match (path.find('{'), path.find('}')) {
        (Some(open), Some(close)) => path[open + 1..close]
            .split(',')
            .flat_map(|alt| expand(&format!("{}{alt}{}", &path[..open], &path[close + 1..])))
            .collect(),
        _ => vec![path.to_string()],
    }
}

fn type_name(data_type: &DataType) -> String {
    match data_type {
        DataType::Utf8 => "string".into(),
        DataType::Int64 => "int64".into(),
        DataType::Float64 => "float64".into(),
        DataType::Timestamp(TimeUnit::Microsecond, Some(tz)) if &**tz == "+00:00" => {
            "timestamp (µs, UTC)".into()
        }
        DataType::Struct(_) => "struct".into(),
        DataType::List(item) => format!("list of {}", type_name(item.data_type())),
        other => format!("{other} (a type the document has no name for)"),
    }
}

fn flatten_into(fields: &Fields, prefix: &str, out: &mut Documented) {
    for field in fields {
        let path = format!("{prefix}{}", field.name());
        out.insert(path.clone(), type_name(field.data_type()));
        match field.data_type() {
            DataType::Struct(children) => flatten_into(children, &format!("{path}."), out),
            DataType::List(item) => {
                if let DataType::Struct(children) = item.data_type() {
                    flatten_into(children, &format!("{path}[]."), out);
                }
            }
            _ => {}
        }
    }
}

/// Every field of `schema`, nested ones by path, with its type.
fn flatten(schema: &Schema) -> Documented {
    let mut out = Documented::new();
    flatten_into(schema.fields(), "", &mut out);
    out
}

/// Equal, or a message listing what one side has and the other lacks.
fn assert_agree(written: &Documented, docs: &Documented, what: &str) {
    let missing: Vec<_> = written.keys().filter(|k| !docs.contains_key(*k)).collect();
    let extra: Vec<_> = docs.keys().filter(|k| !written.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: written but not in docs/schema.md: {missing:?}; in docs/schema.md but not \
         written: {extra:?}"
    );
    for (path, kind) in written {
        assert_eq!(&docs[path], kind, "{what}: the type of {path}");
    }
}

/// The paths of a JSON value's fields, as [`flatten`] names them (a list of objects by
/// the union of its items' fields).
fn json_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
    let Value::Object(object) = value else { return };
    for (key, child) in object {
        let path = format!("{prefix}{key}");
        out.push(path.clone());
        match child {
            Value::Object(_) => json_paths(child, &format!("{path}."), out),
            Value::Array(items) => {
                for item in items {
                    json_paths(item, &format!("{path}[]."), out);
                }
            }
            _ => {}
        }
    }
}

fn parquet_schema(path: &Path) -> Schema {
    let file = File::open(path).expect("a Parquet file");
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("Parquet");
    builder.schema().as_ref().clone()
}

#[test]
fn the_documented_fields_are_the_schemas_fields() {
    assert_agree(
        &flatten(&record_schema(true, &[])),
        &documented("Scored records"),
        "record_schema",
    );
    assert_agree(
        &flatten(&sentence_table_schema()),
        &documented("Sentences table"),
        "sentence_table_schema",
    );
    let errors = documented("Error records");
    let records = documented("Scored records");
    for (path, kind) in &errors {
        assert_eq!(records.get(path), Some(kind), "error records' {path}");
    }
}

/// A real run (the corpus, a kept field, a broken line) in Parquet and JSON Lines: the
/// files' fields are the documented ones.
#[test]
fn a_real_run_writes_the_documented_fields() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, "{\"id\":\"cut\",\"title\":\"cut short\n").expect("write");
    let broken = broken.to_str().unwrap();
    let run = |ext: &str| {
        let out = dir.path().join(format!("out.{ext}"));
        let table = dir.path().join(format!("sentences.{ext}"));
        let (o, t) = (out.to_str().unwrap(), table.to_str().unwrap());
        let args = [
            "score",
            "corpus",
            broken,
            "-q",
            "--sentences",
            "--keep",
            "desk",
        ];
        let done = finsent(&[&args[..], &["-o", o, "--sentences-table", t]].concat());
        assert_eq!(done.status.code(), Some(1), "{}", stderr(&done));
        (out, table)
    };
    let mut records = documented("Scored records");
    records.insert("desk".into(), "string".into());
    let (out, table) = run("parquet");
    assert_agree(
        &flatten(&parquet_schema(&out)),
        &records,
        "score -o x.parquet",
    );
    let table_fields = documented("Sentences table");
    assert_agree(
        &flatten(&parquet_schema(&table)),
        &table_fields,
        "--sentences-table x.parquet",
    );

    let (out, table) = run("jsonl");
    let records_read = json_lines(&std::fs::read_to_string(out).expect("jsonl"));
    let top = |d: &Documented| -> Vec<String> {
        d.keys()
            .filter(|k| !k.contains(['.', '[']))
            .cloned()
            .collect()
    };
    let (errors, scored): (Vec<&Value>, Vec<&Value>) =
        records_read.iter().partition(|r| !r["error"].is_null());
    assert_eq!(errors.len(), 1);
    assert!(scored.len() > 30);
    let mut seen = Vec::new();
    for record in scored {
        let mut keys: Vec<String> = record.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, top(&records), "the fields of {}", record["id"]);
        json_paths(record, "", &mut seen);
    }
    let mut error_paths = Vec::new();
    json_paths(errors[0], "", &mut error_paths);
    error_paths.sort();
    let documented_errors: Vec<String> = documented("Error records").into_keys().collect();
    assert_eq!(error_paths, documented_errors, "an error record's fields");
    seen.extend(error_paths);
    seen.sort();
    seen.dedup();
    let nested: Vec<&String> = records.keys().collect();
    assert_eq!(
        seen.iter().collect::<Vec<_>>(),
        nested,
        "the run has every field"
    );

    let rows = json_lines(&std::fs::read_to_string(table).expect("jsonl"));
    let mut seen = Vec::new();
    for row in &rows {
        json_paths(row, "", &mut seen);
    }
    seen.sort();
    seen.dedup();
    let table_paths: Vec<String> = table_fields.into_keys().collect();
    assert_eq!(seen, table_paths, "the sentences table's fields");
}
