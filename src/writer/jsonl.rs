//! JSON Lines: one object per line, the default output.

use std::io::{self, Write};

use super::{OutputRecord, RecordWriter, Sink};

pub struct JsonlWriter {
    sink: Sink,
}

impl JsonlWriter {
    pub fn new(sink: Sink) -> Self {
        Self { sink }
    }
}

impl RecordWriter for JsonlWriter {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()> {
        serde_json::to_writer(&mut self.sink, record)?;
        self.sink.write_all(b"\n")
    }

    fn flush(&mut self) -> io::Result<()> {
        self.sink.flush()
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.sink.finish()
    }
}
