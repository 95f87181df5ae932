//! The sentences table (`--sentences-table`): one row per scored unit (the title counts
//! as one) of every scored article, keyed by the article's id and the unit's index, with
//! the companies it names and the article's time, so "which sentences moved NVDA today" is
//! a filter. Error records give no rows.
//!
//! [`SentenceTable`] sits in front of the run's output writer: it writes each article's
//! rows to the table as the article comes, and hands the chunk's records to the output
//! only after the table is flushed. The table on disk is never behind the output, which
//! is what resuming relies on ([`crate::select::resume_sentence_table`]).

use std::io;

use serde::Serialize;

use super::{OutputRecord, RecordWriter, RowWriter, SentenceRecord};

/// One row of the table: the article's id, the unit, the article's publication time.
#[derive(Serialize)]
struct SentenceRow<'a> {
    id: &'a str,
    #[serde(flatten)]
    sentence: &'a SentenceRecord,
    published_at: Option<&'a str>,
}

/// A writer of the run's records that also writes their sentences to a table.
pub struct SentenceTable {
    output: Box<dyn RecordWriter>,
    table: Box<dyn RowWriter>,
    /// The table's path as given, named in its write errors.
    name: String,
    /// The output keeps the records' `sentence_scores` (`--sentences`).
    with_sentences: bool,
    /// The chunk's records, written to the output once the table holds their rows.
    pending: Vec<OutputRecord>,
}

impl SentenceTable {
    /// Records go to `output`, their sentences (`sentence_scores`, which the records must
    /// carry) to `table`, named `name` in errors; `with_sentences`: the output keeps them.
    pub fn new(
        output: Box<dyn RecordWriter>,
        table: Box<dyn RowWriter>,
        name: String,
        with_sentences: bool,
    ) -> Self {
        Self {
            output,
            table,
            name,
            with_sentences,
            pending: Vec::new(),
        }
    }

    fn named(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: {e}", self.name))
    }
}

impl RecordWriter for SentenceTable {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()> {
        let mut record = record.clone();
        if let OutputRecord::Article(article) = &mut record {
            for sentence in article.sentence_scores.iter().flatten() {
                let row = serde_json::to_value(SentenceRow {
                    id: &article.id,
                    sentence,
                    published_at: article.published_at.as_deref(),
                })?;
                self.table.write_row(&row).map_err(|e| self.named(e))?;
            }
            if !self.with_sentences {
                article.sentence_scores = None;
            }
        }
        self.pending.push(record);
        Ok(())
    }

    /// Flushes the table, then writes the chunk's records to the output and flushes it.
    fn flush(&mut self) -> io::Result<()> {
        self.table.flush().map_err(|e| self.named(e))?;
        for record in self.pending.drain(..) {
            self.output.write(&record)?;
        }
        self.output.flush()
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.flush()?;
        let name = self.name.clone();
        let Self { output, table, .. } = *self;
        table
            .finish()
            .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
        output.finish()
    }
}
