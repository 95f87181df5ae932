//! Writing the panel: its Arrow schema and batch, and the file in Parquet, CSV or JSON
//! Lines.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
    TimestampMicrosecondArray,
};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;

use crate::error::{Error, Result};
use crate::writer::{Format, Rounded, Sink};

use super::PanelRow;

/// The panel's Arrow schema: `day` is a date, `last_published_at` a UTC timestamp.
pub fn panel_schema() -> Schema {
    Schema::new(vec![
        Field::new("symbol", DataType::Utf8, false),
        Field::new("day", DataType::Date32, false),
        Field::new("score", DataType::Float64, false),
        Field::new("articles", DataType::Int64, false),
        Field::new("stories", DataType::Int64, false),
        Field::new("confidence", DataType::Float64, false),
        Field::new("relevance", DataType::Float64, false),
        Field::new(
            "last_published_at",
            DataType::Timestamp(TimeUnit::Microsecond, Some("+00:00".into())),
            false,
        ),
    ])
}

/// The panel as one Arrow batch.
pub fn panel_batch(
    rows: &[PanelRow],
) -> std::result::Result<RecordBatch, arrow_schema::ArrowError> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let rounded = |f: fn(&PanelRow) -> Rounded| -> ArrayRef {
        Arc::new(Float64Array::from_iter_values(
            rows.iter().map(|r| f(r).value()),
        ))
    };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|r| &r.symbol),
        )),
        Arc::new(Date32Array::from_iter_values(
            rows.iter().map(|r| (r.day - epoch).num_days() as i32),
        )),
        rounded(|r| r.score),
        Arc::new(Int64Array::from_iter_values(
            rows.iter().map(|r| r.articles),
        )),
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.stories))),
        rounded(|r| r.confidence),
        rounded(|r| r.relevance),
        Arc::new(
            TimestampMicrosecondArray::from_iter_values(
                rows.iter().map(|r| r.last_published_at.timestamp_micros()),
            )
            .with_timezone("+00:00"),
        ),
    ];
    RecordBatch::try_new(Arc::new(panel_schema()), columns)
}

/// Writes the panel to `path` (`-` is standard output) in `format`: Parquet, CSV (a
/// header row, dates as `YYYY-MM-DD`) or JSON Lines.
pub fn write_panel(rows: &[PanelRow], path: &Path, format: Format) -> Result<()> {
    let output_error = |source| Error::Output {
        path: path.display().to_string(),
        source,
    };
    let mut sink = Sink::open(path).map_err(output_error)?;
    match format {
        Format::Parquet => {
            let batch = panel_batch(rows).map_err(|e| output_error(io::Error::other(e)))?;
            let mut writer = ArrowWriter::try_new(&mut sink, batch.schema(), None)
                .map_err(|e| output_error(io::Error::other(e)))?;
            writer
                .write(&batch)
                .and_then(|()| writer.close().map(drop))
                .map_err(|e| output_error(io::Error::other(e)))?;
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(&mut sink);
            for row in rows {
                csv.serialize(row)
                    .map_err(|e| output_error(io::Error::other(e)))?;
            }
            csv.flush().map_err(output_error)?;
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut sink, row).map_err(|e| output_error(e.into()))?;
                sink.write_all(b"\n").map_err(output_error)?;
            }
        }
    }
    sink.finish().map_err(output_error)
}
