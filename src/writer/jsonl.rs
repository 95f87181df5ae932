//! JSON Lines: one object per line, the default output.

use std::io::{self, Write};

use serde::Serialize;

use super::{OutputRecord, RecordWriter, RowWriter, Sink};

pub struct JsonlWriter {
    sink: Sink,
}

impl JsonlWriter {
    pub fn new(sink: Sink) -> Self {
        Self { sink }
    }

    fn write_line(&mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut self.sink, value)?;
        self.sink.write_all(b"\n")
    }
}

impl RecordWriter for JsonlWriter {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()> {
        self.write_line(record)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.sink.finish()
    }
}

impl RowWriter for JsonlWriter {
    fn write_row(&mut self, row: &serde_json::Value) -> io::Result<()> {
        self.write_line(row)
    }
}
