//! Records to Arrow: each record is serialized as JSON (as `finsent score` writes it) and
//! decoded against a fixed schema (as the Parquet writer does), then written as one Arrow
//! IPC stream.

use std::io;
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_ipc::writer::StreamWriter;
use arrow_schema::{ArrowError, DataType, Field, Schema};
use serde::Serialize;

use finsent::writer::mention_fields;

/// Rows per record batch.
const BATCH_ROWS: usize = 8192;

/// `records` as an Arrow IPC stream with `schema`; fields the schema does not name are
/// left out.
pub fn to_ipc<T: Serialize>(
    schema: Schema,
    records: impl IntoIterator<Item = T>,
) -> Result<Vec<u8>, ArrowError> {
    let mut encoder = IpcEncoder::new(schema)?;
    for record in records {
        encoder.push(&record)?;
    }
    encoder.finish()
}

/// Records, pushed one at a time, into an Arrow IPC stream.
pub struct IpcEncoder {
    decoder: arrow_json::reader::Decoder,
    writer: StreamWriter<Vec<u8>>,
    line: Vec<u8>,
}

impl IpcEncoder {
    pub fn new(schema: Schema) -> Result<Self, ArrowError> {
        let schema = Arc::new(schema);
        let decoder = arrow_json::ReaderBuilder::new(schema.clone())
            .with_batch_size(BATCH_ROWS)
            .build_decoder()?;
        let writer = StreamWriter::try_new(Vec::new(), &schema)?;
        Ok(Self {
            decoder,
            writer,
            line: Vec::new(),
        })
    }

    /// Adds one record (one row).
    pub fn push<T: Serialize>(&mut self, record: &T) -> Result<(), ArrowError> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, record).map_err(io::Error::from)?;
        self.line.push(b'\n');
        let mut done = 0;
        while done < self.line.len() {
            // The decoder stops at a full batch; what is left goes into the next one.
            let consumed = self.decoder.decode(&self.line[done..])?;
            if consumed == 0 {
                match self.decoder.flush()? {
                    Some(batch) => self.writer.write(&batch)?,
                    None => {
                        return Err(ArrowError::JsonError(
                            "a record did not fit the schema".into(),
                        ));
                    }
                }
            }
            done += consumed;
        }
        Ok(())
    }

    /// The stream.
    pub fn finish(mut self) -> Result<Vec<u8>, ArrowError> {
        if let Some(batch) = self.decoder.flush()? {
            self.writer.write(&batch)?;
        }
        self.writer.into_inner()
    }
}

/// One batch as an Arrow IPC stream.
pub fn batch_ipc(batch: &RecordBatch) -> Result<Vec<u8>, ArrowError> {
    let mut writer = StreamWriter::try_new(Vec::new(), &batch.schema())?;
    writer.write(batch)?;
    writer.into_inner()
}

/// The columns of `finsent.tickers`: the text's row, then the mention's fields.
pub fn mention_schema() -> Schema {
    let row = Field::new("row", DataType::Int64, true);
    Schema::new([vec![row], mention_fields()].concat())
}
