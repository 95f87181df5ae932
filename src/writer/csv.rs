//! CSV: the record schema flattened into one row per article (or, with `--per-ticker`,
//! one row per article and company).
//!
//! Columns follow [`super::record_schema`]: nested fields are named by their path
//! (`sentences.total`, `evidence.most_positive.text`, `source.path`); a list of values
//! (`warnings`) is one cell with the values joined by `;`; a list of objects (`tickers`)
//! gives a column per field, the items' values joined by `;` in list order (an item's own
//! list, `tickers.other_listings`, joined by spaces); `sentence_scores` is one cell of JSON.

use std::io;

use arrow_schema::{DataType, Field, Schema};
use serde_json::Value;

use super::{OutputRecord, RecordWriter, RowWriter, Sink};

/// The list `--per-ticker` spreads over rows.
const PER_ROW_LIST: &str = "tickers";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    /// A scalar at this path.
    Value(Vec<String>),
    /// A list of scalars, joined with `;`.
    Joined(Vec<String>),
    /// One field of every item of a list of objects.
    Each { list: Vec<String>, field: String },
    /// A value written as JSON.
    Json(Vec<String>),
}

impl Column {
    fn name(&self) -> String {
        match self {
            Self::Value(path) | Self::Joined(path) | Self::Json(path) => path.join("."),
            Self::Each { list, field } => format!("{}.{field}", list.join(".")),
        }
    }
}

fn flatten(field: &Field, prefix: &[String], out: &mut Vec<Column>) {
    let mut path = prefix.to_vec();
    path.push(field.name().clone());
    match field.data_type() {
        DataType::Struct(children) => {
            for child in children {
                flatten(child, &path, out);
            }
        }
        DataType::List(item) => match item.data_type() {
            DataType::Struct(children)
                if !children
                    .iter()
                    .any(|c| matches!(c.data_type(), DataType::Struct(_))) =>
            {
                out.extend(children.iter().map(|c| Column::Each {
                    list: path.clone(),
                    field: c.name().clone(),
                }));
            }
            DataType::Struct(_) => out.push(Column::Json(path)),
            _ => out.push(Column::Joined(path)),
        },
        _ => out.push(Column::Value(path)),
    }
}

/// The CSV columns of `schema`, in order.
fn columns(schema: &Schema) -> Vec<Column> {
    let mut out = Vec::new();
    for field in schema.fields() {
        flatten(field, &[], &mut out);
    }
    out
}

fn at<'a>(value: &'a Value, path: &[String]) -> &'a Value {
    path.iter()
        .fold(value, |v, key| v.get(key).unwrap_or(&Value::Null))
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

fn items(value: &Value) -> &[Value] {
    value.as_array().map_or(&[], Vec::as_slice)
}

/// The cell of `column` for `record`; `item` picks one item of the per-row list.
fn cell(column: &Column, record: &Value, item: Option<Option<usize>>) -> String {
    match column {
        Column::Value(path) => scalar(at(record, path)),
        Column::Joined(path) => {
            let values: Vec<String> = items(at(record, path)).iter().map(scalar).collect();
            values.join(";")
        }
        Column::Json(path) => match at(record, path) {
            Value::Null => String::new(),
            v => v.to_string(),
        },
        Column::Each { list, field } => {
            let all = items(at(record, list));
            let chosen: &[Value] = match item {
                Some(Some(i)) if list.len() == 1 && list[0] == PER_ROW_LIST => {
                    std::slice::from_ref(&all[i])
                }
                Some(None) if list.len() == 1 && list[0] == PER_ROW_LIST => &[],
                _ => all,
            };
            let values: Vec<String> = chosen.iter().map(|t| scalar(&t[field])).collect();
            values.join(";")
        }
    }
}

pub struct CsvWriter {
    out: csv::Writer<Sink>,
    columns: Vec<Column>,
    per_ticker: bool,
}

impl CsvWriter {
    /// Writes the header row of `schema`'s columns.
    pub fn for_schema(sink: Sink, schema: &Schema, per_ticker: bool) -> io::Result<Self> {
        let columns = columns(schema);
        let mut out = csv::Writer::from_writer(sink);
        out.write_record(columns.iter().map(Column::name))?;
        Ok(Self {
            out,
            columns,
            per_ticker,
        })
    }

    fn row(&mut self, record: &Value, item: Option<Option<usize>>) -> io::Result<()> {
        let cells = self.columns.iter().map(|c| cell(c, record, item));
        self.out.write_record(cells).map_err(io::Error::from)
    }
}

impl RecordWriter for CsvWriter {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()> {
        let value = serde_json::to_value(record)?;
        if !self.per_ticker {
            return self.row(&value, None);
        }
        match items(&value[PER_ROW_LIST]).len() {
            0 => self.row(&value, Some(None)),
            n => (0..n).try_for_each(|i| self.row(&value, Some(Some(i)))),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        let sink = self.out.into_inner().map_err(|e| e.into_error())?;
        sink.finish()
    }
}

impl RowWriter for CsvWriter {
    fn write_row(&mut self, row: &Value) -> io::Result<()> {
        self.row(row, None)
    }
}

#[cfg(test)]
mod tests {
    use super::super::record_schema;
    use super::*;

    fn csv_header(with_sentences: bool) -> Vec<String> {
        columns(&record_schema(with_sentences, &[]))
            .iter()
            .map(Column::name)
            .collect()
    }

    #[test]
    fn header_follows_the_schema() {
        let header = csv_header(false);
        for name in [
            "id",
            "sentences.total",
            "evidence.most_negative.text",
            "tickers.symbol",
            "tickers.other_listings",
            "model.version",
            "published_at",
            "source.line",
            "warnings",
            "error.kind",
        ] {
            assert!(header.iter().any(|h| h == name), "{name} missing");
        }
        assert!(!header.iter().any(|h| h.starts_with("sentence_scores")));
        assert_eq!(csv_header(true).len(), header.len() + 1);
    }

    #[test]
    fn lists_are_joined_or_spread_over_rows() {
        let record = serde_json::json!({
            "id": "a",
            "tickers": [
                {"symbol": "7203.T", "other_listings": ["NYSE:TM", "OTC:TOYOF"]},
                {"symbol": "SONY", "other_listings": []}
            ],
            "warnings": ["w1", "w2"]
        });
        let symbol = Column::Each {
            list: vec!["tickers".into()],
            field: "symbol".into(),
        };
        let listings = Column::Each {
            list: vec!["tickers".into()],
            field: "other_listings".into(),
        };
        assert_eq!(cell(&symbol, &record, None), "7203.T;SONY");
        assert_eq!(cell(&listings, &record, None), "NYSE:TM OTC:TOYOF;");
        assert_eq!(cell(&symbol, &record, Some(Some(1))), "SONY");
        assert_eq!(cell(&symbol, &record, Some(None)), "");
        let warnings = Column::Joined(vec!["warnings".into()]);
        assert_eq!(cell(&warnings, &record, None), "w1;w2");
        let missing = Column::Value(vec!["source".into(), "line".into()]);
        assert_eq!(cell(&missing, &record, None), "");
    }
}
