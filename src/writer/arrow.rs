//! Rows to Arrow: any serde row goes straight into `arrow-json`'s decoder against a fixed
//! schema (no JSON text in between), so a Parquet or Arrow value is by construction the
//! value JSON Lines carries. The Parquet writer and the Python package share it.

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_json::reader::Decoder;
use arrow_schema::{ArrowError, Schema};
use serde::Serialize;

/// Rows, pushed one at a time, into record batches of a fixed schema; fields a row has
/// beyond the schema are left out, fields it lacks are null.
pub struct ArrowEncoder {
    decoder: Decoder,
    batch_rows: usize,
}

impl ArrowEncoder {
    /// An encoder of rows of `schema` into batches of at most `batch_rows` rows.
    pub fn new(schema: Schema, batch_rows: usize) -> Result<Self, ArrowError> {
        let decoder = arrow_json::ReaderBuilder::new(Arc::new(schema))
            .with_batch_size(batch_rows)
            .build_decoder()?;
        Ok(Self {
            decoder,
            batch_rows,
        })
    }

    /// Adds one row; returns the batch it completes, if it fills one.
    pub fn push<T: Serialize>(&mut self, row: &T) -> Result<Option<RecordBatch>, ArrowError> {
        self.decoder.serialize(std::slice::from_ref(row))?;
        if self.decoder.len() >= self.batch_rows {
            self.decoder.flush()
        } else {
            Ok(None)
        }
    }

    /// The rows pushed since the last batch, as a batch; `None` when there are none.
    pub fn flush(&mut self) -> Result<Option<RecordBatch>, ArrowError> {
        self.decoder.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int64Type};
    use arrow_schema::{DataType, Field};

    #[derive(Serialize)]
    struct Row {
        name: &'static str,
        count: u64,
        score: Option<f64>,
        /// Not in the schema: left out.
        extra: bool,
    }

    fn schema() -> Schema {
        Schema::new(vec![
            Field::new("name", DataType::Utf8, false),
            Field::new("count", DataType::Int64, true),
            Field::new("score", DataType::Float64, true),
            Field::new("missing", DataType::Utf8, true),
        ])
    }

    #[test]
    fn rows_fill_batches_of_the_size_asked_and_flush_gives_the_rest() {
        let mut encoder = ArrowEncoder::new(schema(), 2).expect("valid schema");
        let rows = [("a", 1, Some(0.1234)), ("b", 2, None), ("c", 3, Some(-1.0))];
        let mut batches = Vec::new();
        for (name, count, score) in rows {
            let row = Row {
                name,
                count,
                score,
                extra: true,
            };
            batches.extend(encoder.push(&row).expect("fits the schema"));
        }
        assert_eq!(batches.len(), 1, "the second row fills the first batch");
        batches.extend(encoder.flush().expect("whole rows"));
        assert!(encoder.flush().expect("empty").is_none());
        let sizes: Vec<usize> = batches.iter().map(RecordBatch::num_rows).collect();
        assert_eq!(sizes, [2, 1]);
        let counts: Vec<i64> = batches
            .iter()
            .flat_map(|b| b.column(1).as_primitive::<Int64Type>().values().to_vec())
            .collect();
        assert_eq!(counts, [1, 2, 3]);
        let first = batches[0].column(2).as_primitive::<Float64Type>();
        assert_eq!(first.value(0), 0.1234, "a float keeps its exact value");
        assert!(first.is_null(1));
        assert_eq!(
            batches[0].column(3).null_count(),
            2,
            "a field the row lacks is null"
        );
    }

    #[test]
    fn a_row_of_the_wrong_type_is_an_error() {
        let mut encoder = ArrowEncoder::new(schema(), 8).expect("valid schema");
        encoder
            .push(&serde_json::json!({"name": "a", "count": "not a number"}))
            .expect("serialized");
        assert!(encoder.flush().is_err());
    }
}
