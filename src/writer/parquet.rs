//! Parquet: typed columns (see [`super::record_schema`]), a row group per 8,192 records,
//! written as the run streams. The file gets its footer, and its name, only at the end.
//!
//! Records go through their JSON form into Arrow (`arrow-json` against the fixed schema),
//! so a Parquet value is by construction the value JSON Lines would carry.

use std::io::{self, Write};
use std::sync::Arc;

use arrow_json::reader::Decoder;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use arrow_schema::Schema;
use serde::Serialize;

use super::{OutputRecord, RecordWriter, RowWriter, Sink};

/// Records per row group: bounds the memory the writer holds.
const ROW_GROUP_ROWS: usize = 8192;

pub struct ParquetWriter {
    decoder: Decoder,
    writer: ArrowWriter<Sink>,
    /// Records since the last batch, as JSON lines.
    pending: Vec<u8>,
}

fn to_io(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

impl ParquetWriter {
    /// A writer of rows of `schema`; fields a row has beyond it are left out.
    pub fn for_schema(sink: Sink, schema: Schema) -> io::Result<Self> {
        let schema: SchemaRef = Arc::new(schema);
        let decoder = arrow_json::ReaderBuilder::new(schema.clone())
            .with_batch_size(ROW_GROUP_ROWS)
            .build_decoder()
            .map_err(to_io)?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_key_value_metadata(Some(vec![KeyValue::new(
                "finsent.version".into(),
                env!("CARGO_PKG_VERSION").to_string(),
            )]))
            .build();
        let writer = ArrowWriter::try_new(sink, schema, Some(properties)).map_err(to_io)?;
        Ok(Self {
            decoder,
            writer,
            pending: Vec::new(),
        })
    }

    fn write_pending(&mut self) -> io::Result<()> {
        let mut done = 0;
        while done < self.pending.len() {
            // The decoder stops after a full batch; what is left goes into the next one.
            let consumed = self.decoder.decode(&self.pending[done..]).map_err(to_io)?;
            match self.decoder.flush().map_err(to_io)? {
                Some(batch) => self.writer.write(&batch).map_err(to_io)?,
                None if consumed == 0 => {
                    return Err(io::Error::other("a record did not fit the Parquet schema"));
                }
                None => {}
            }
            done += consumed;
        }
        self.pending.clear();
        Ok(())
    }

    fn push(&mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut self.pending, value)?;
        self.pending.push(b'\n');
        Ok(())
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
