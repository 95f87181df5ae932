//! Parquet: typed columns (see [`super::record_schema`]), a row group per 8,192 records,
//! written as the run streams. The file gets its footer, and its name, only at the end.
//!
//! Records go into Arrow through [`super::ArrowEncoder`] (against the fixed schema), so
//! a Parquet value is by construction the value JSON Lines would carry.

use std::io::{self, Write};
use std::sync::Arc;

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use arrow_schema::Schema;
use serde::Serialize;

use super::{ArrowEncoder, OutputRecord, RecordWriter, RowWriter, Sink};

/// Records per row group: bounds the memory the writer holds.
const ROW_GROUP_ROWS: usize = 8192;

pub struct ParquetWriter {
    /// The records since the last batch.
    encoder: ArrowEncoder,
    writer: ArrowWriter<Sink>,
}

fn to_io(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

impl ParquetWriter {
    /// A writer of rows of `schema`; fields a row has beyond it are left out.
    pub fn for_schema(sink: Sink, schema: Schema) -> io::Result<Self> {
        let encoder = ArrowEncoder::new(schema.clone(), ROW_GROUP_ROWS).map_err(to_io)?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "finsent.version".into(),
                env!("CARGO_PKG_VERSION").to_string(),
            )]))
            .build();
        let writer =
            ArrowWriter::try_new(sink, Arc::new(schema), Some(properties)).map_err(to_io)?;
        Ok(Self { encoder, writer })
    }

    fn write_batch(&mut self, batch: Option<RecordBatch>) -> io::Result<()> {
        match batch {
            Some(batch) => self.writer.write(&batch).map_err(to_io),
            None => Ok(()),
        }
    }

    fn push(&mut self, row: &impl Serialize) -> io::Result<()> {
        let full = self.encoder.push(row).map_err(to_io)?;
        self.write_batch(full)
    }

    /// The records since the last batch, as a batch.
    fn write_pending(&mut self) -> io::Result<()> {
        let rest = self.encoder.flush().map_err(to_io)?;
        self.write_batch(rest)
    }
}

impl RecordWriter for ParquetWriter {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()> {
        self.push(record)
    }

    /// Moves the records written so far into the open row group; the row group is written
    /// to the file once it holds `ROW_GROUP_ROWS` records.
    fn flush(&mut self) -> io::Result<()> {
        self.write_pending()
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.write_pending()?;
        let mut sink = self.writer.into_inner().map_err(to_io)?;
        sink.flush()?;
        sink.finish()
    }
}

impl RowWriter for ParquetWriter {
    fn write_row(&mut self, row: &serde_json::Value) -> io::Result<()> {
        self.push(row)
    }
}
