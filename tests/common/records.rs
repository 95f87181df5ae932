//! Output records read back and compared: Parquet as JSON values, and values equal as data.

use std::fs::File;
use std::path::Path;

use arrow_array::RecordBatchReader;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use super::common::json_lines;

/// Equal as data: missing and null alike, numbers within rounding, timestamps as instants.
pub fn assert_same(jsonl: &Value, other: &Value, path: &str) {
    match (jsonl, other) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys()) {
                let (x, y) = (
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                );
                assert_same(x, y, &format!("{path}.{key}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}: lengths");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_same(x, y, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!((a - b).abs() < 1e-9, "{path}: {a} vs {b}");
        }
        (Value::String(a), Value::String(b)) if path.ends_with("published_at") => {
            let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("RFC 3339");
            assert_eq!(t(a), t(b), "{path}");
        }
        (a, b) => assert_eq!(a, b, "{path}"),
    }
}

pub fn parquet_records(path: &Path) -> (arrow_schema::SchemaRef, Vec<Value>) {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).expect("parquet"))
        .expect("a Parquet file")
        .build()
        .expect("reader");
    let schema = reader.schema();
    let mut text = Vec::new();
    let mut writer = arrow_json::LineDelimitedWriter::new(&mut text);
    for batch in reader {
        writer.write(&batch.expect("batch")).expect("to JSON");
    }
    writer.finish().expect("finish");
    (schema, json_lines(&String::from_utf8(text).expect("utf-8")))
}
