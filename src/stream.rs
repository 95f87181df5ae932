//! Streaming helpers shared by every command: records read on a thread of their own into a
//! bounded channel and handed on in chunks, in order; write errors that stop a run (a
//! closed standard output is not one); and the counts a run reports.

use std::io;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::writer::RecordWriter;

/// What a run did, for the summary line and the exit status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunStats {
    /// Records read: `scored + failed + skipped`.
    pub read: u64,
    pub scored: u64,
    pub failed: u64,
    /// Records left out by `--shard` or `--resume`.
    pub skipped: u64,
    pub sentences: u64,
    /// Articles published more than two novelty windows before an article read earlier:
    /// their stories may miss earlier versions (the input is far out of time order).
    pub late_for_stories: u64,
    pub elapsed: Duration,
    /// The reader of standard output went away (`| head`); the run stopped there.
    pub output_closed: bool,
    /// Wall time of the stages of each chunk.
    pub phases: Phases,
}

/// Wall time of the stages of a chunk, summed over the chunks (reading the input runs on its
/// own thread, beside them).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Phases {
    /// Splitting and ticker matching (on the workers).
    pub parse: Duration,
    /// Scoring: tokenizing and the model (on the workers).
    pub score: Duration,
    /// Aggregating articles and writing records.
    pub aggregate_and_write: Duration,
}

impl RunStats {
    pub fn sentences_per_second(&self) -> f64 {
        self.sentences as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Runs `process` on chunks of the items `produce` yields on a reader thread, in order.
/// A chunk ends at `max_items` items or once the items' `weight` reaches `max_weight`.
/// `process` returns `Ok(false)` to stop early.
pub fn in_chunks<T, I>(
    produce: impl FnOnce() -> I + Send,
    weight: impl Fn(&T) -> usize,
    max_items: usize,
    max_weight: usize,
    mut process: impl FnMut(Vec<T>) -> Result<bool>,
) -> Result<()>
where
    T: Send,
    I: Iterator<Item = T>,
{
    let (tx, rx) = crossbeam_channel::bounded::<T>(max_items.max(1) * 2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for item in produce() {
                if tx.send(item).is_err() {
                    break;
                }
            }
        });
        // `rx` is dropped when this closure returns, which stops the reader if we stop early.
        let rx = rx;
        let mut chunk = Vec::new();
        let mut total = 0;
        for item in rx.iter() {
            total += weight(&item);
            chunk.push(item);
            if chunk.len() >= max_items.max(1) || total >= max_weight {
                total = 0;
                if !process(std::mem::take(&mut chunk))? {
                    return Ok(());
                }
            }
        }
        if !chunk.is_empty() {
            process(chunk)?;
        }
        Ok(())
    })
}

/// A writer and the name its write errors carry (the path as given; `-` is standard output).
pub struct Destination<'a> {
    pub writer: &'a mut dyn RecordWriter,
    pub name: &'a str,
}

/// How write errors name standard output.
pub const STDOUT: &str = "-";

/// `Ok(true)` to go on, `Ok(false)` when standard output was closed by its reader; other
/// write errors are [`Error::Output`] naming `target`.
pub fn write_or_stop(result: io::Result<()>, stats: &mut RunStats, target: &str) -> Result<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            stats.output_closed = true;
            Ok(false)
        }
        Err(source) => Err(Error::Output {
            path: target.into(),
            source,
        }),
    }
}
