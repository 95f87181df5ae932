//! Records to Arrow: each record goes into a fixed schema through finsent's
//! [`ArrowEncoder`] (as the Parquet writer's do), then into one Arrow IPC stream.

use arrow_array::RecordBatch;
use arrow_ipc::writer::StreamWriter;
use arrow_schema::{ArrowError, DataType, Field, Schema};
use serde::Serialize;

use finsent::writer::{ArrowEncoder, mention_fields};

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
    rows: ArrowEncoder,
    writer: StreamWriter<Vec<u8>>,
}

impl IpcEncoder {
    pub fn new(schema: Schema) -> Result<Self, ArrowError> {
        let writer = StreamWriter::try_new(Vec::new(), &schema)?;
        let rows = ArrowEncoder::new(schema, BATCH_ROWS)?;
        Ok(Self { rows, writer })
    }

    /// Adds one record (one row).
    pub fn push<T: Serialize>(&mut self, record: &T) -> Result<(), ArrowError> {
        if let Some(batch) = self.rows.push(record)? {
            self.writer.write(&batch)?;
        }
        Ok(())
    }

    /// The stream.
    pub fn finish(mut self) -> Result<Vec<u8>, ArrowError> {
        if let Some(batch) = self.rows.flush()? {
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
