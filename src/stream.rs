//! The one stream runner every run goes through (`score` from the command, the library and
//! Python; `classify` from the command and Python; `split`, `tickers` and `stories`):
//! [`run`] reads items on a thread of their own into a bounded channel, hands them on in
//! chunks, in order, to a [`Stage`] inside the panic boundary ([`crate::isolate`]), counts
//! what comes out and writes it to a [`Outlet`], stopping on write errors (a closed standard
//! output is not one); [`RunStats`] holds the counts a run reports. A stage says what is
//! done to a chunk; chunking, isolation, counting and writing exist here once.

use std::io;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::isolate;
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

/// What a run does to each chunk of its items.
pub trait Stage {
    /// What is read: a record, a line, a text.
    type Item: Clone + Send;
    /// What is written for one item: a scored record, an error record, a row.
    type Out;

    /// The item's id: the fault hook of the isolation tests ([`isolate::fault_point`]) makes
    /// the item of a given id panic.
    fn id(item: &Self::Item) -> &str;

    /// The item's share of a chunk's weight ([`Chunking::max_weight`]).
    fn weight(_item: &Self::Item) -> usize {
        0
    }

    /// The work on a chunk: one output per item, in order. It runs inside the panic
    /// boundary, and again on each item alone when the chunk panics, so an item's output
    /// may not depend on its chunk-mates, and state kept across chunks belongs in
    /// [`Stage::settle`].
    fn run(&mut self, chunk: Vec<Self::Item>, phases: &mut Phases) -> Vec<Self::Out>;

    /// The output of an item whose work panicked with `message` (an `internal` error).
    fn panicked(item: &Self::Item, message: String) -> Self::Out;

    /// Called on each chunk's outputs in input order, outside the panic boundary: for what
    /// runs across chunks in order (near-duplicate stories).
    fn settle(&mut self, _outs: &mut [Self::Out], _stats: &mut RunStats) {}

    /// How `out` counts in the run's summary.
    fn tally(out: &Self::Out) -> Tally;
}

/// How one output counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tally {
    /// Done, with the units it holds (sentences scored, mentions found); counted as scored.
    Done(u64),
    Failed,
}

/// Where a run's outputs go.
pub trait Outlet<Out> {
    /// Writes one output.
    fn write(&mut self, out: Out) -> Result<(), WriteFailed>;
    /// Called after each chunk: pushes what was written on, and may stop the run (an error).
    fn flush(&mut self) -> Result<(), WriteFailed>;
}

/// A write that failed, and the name of the output (as given; `-` is standard output).
#[derive(Debug)]
pub struct WriteFailed {
    pub target: String,
    pub source: io::Error,
}

impl WriteFailed {
    /// `result`'s error, for the output named `target`.
    pub fn on<T>(target: &str, result: io::Result<T>) -> Result<T, WriteFailed> {
        result.map_err(|source| WriteFailed {
            target: target.to_string(),
            source,
        })
    }
}

/// How items are gathered into chunks: a chunk ends at `max_items` items or once their
/// [`Stage::weight`] reaches `max_weight`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunking {
    pub max_items: usize,
    pub max_weight: usize,
}

impl Chunking {
    /// Chunks of `max_items` items, whatever their weight.
    pub fn items(max_items: usize) -> Self {
        Self {
            max_items,
            max_weight: usize::MAX,
        }
    }

    /// Whether a chunk of `items` items weighing `weight` is full.
    fn full(&self, items: usize, weight: usize) -> bool {
        items >= self.max_items.max(1) || weight >= self.max_weight
    }
}

/// Runs `stage` over every item `produce` yields (on a reader thread of its own), in
/// chunks, and writes one output per item to `outlet`, in input order; `progress` sees the
/// counts after every chunk. Stops early, with what was written kept, when standard output
/// is closed by its reader; another write error ends the run with [`Error::Output`].
pub fn run<S: Stage, I>(
    produce: impl FnOnce() -> I + Send,
    stage: &mut S,
    outlet: &mut dyn Outlet<S::Out>,
    chunking: Chunking,
    progress: &mut dyn FnMut(&RunStats),
) -> Result<RunStats>
where
    I: Iterator<Item = S::Item>,
{
    let start = Instant::now();
    let mut stats = RunStats::default();
    in_chunks(produce, S::weight, chunking, |chunk| {
        let outs = run_chunk(stage, chunk, &mut stats);
        let written = Instant::now();
        for out in outs {
            stats.read += 1;
            match S::tally(&out) {
                Tally::Done(units) => {
                    stats.scored += 1;
                    stats.sentences += units;
                }
                Tally::Failed => stats.failed += 1,
            }
            if !written_or_stop(outlet.write(out), &mut stats)? {
                return Ok(false);
            }
        }
        let go_on = written_or_stop(outlet.flush(), &mut stats)?;
        stats.phases.aggregate_and_write += written.elapsed();
        progress(&stats);
        Ok(go_on)
    })?;
    stats.elapsed = start.elapsed();
    Ok(stats)
}

/// The outputs of one chunk: `stage` run on it inside the panic boundary (a panic fails
/// only the items that panic alone, as `internal` errors), then settled in order.
pub fn run_chunk<S: Stage>(
    stage: &mut S,
    chunk: Vec<S::Item>,
    stats: &mut RunStats,
) -> Vec<S::Out> {
    let phases = &mut stats.phases;
    let mut outs = isolate::isolated(
        chunk,
        |chunk| {
            chunk.iter().map(S::id).for_each(isolate::fault_point);
            stage.run(chunk, phases)
        },
        S::panicked,
    );
    stage.settle(&mut outs, stats);
    outs
}

/// [`run`] without a reader thread or an outlet: the outputs of `items`, pulled in chunks as
/// the iterator is read (the library's `score_articles`).
pub fn in_order<S: Stage>(
    items: impl Iterator<Item = S::Item>,
    mut stage: S,
    chunking: Chunking,
) -> impl Iterator<Item = S::Out> {
    let mut items = items.peekable();
    let mut stats = RunStats::default();
    std::iter::from_fn(move || {
        items.peek()?;
        let (mut chunk, mut weight) = (Vec::new(), 0);
        while let Some(item) = items.next_if(|_| !chunking.full(chunk.len(), weight)) {
            weight += S::weight(&item);
            chunk.push(item);
        }
        Some(run_chunk(&mut stage, chunk, &mut stats))
    })
    .flatten()
}

fn written_or_stop(result: Result<(), WriteFailed>, stats: &mut RunStats) -> Result<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(WriteFailed { target, source }) => write_or_stop(Err(source), stats, &target),
    }
}

/// Runs `process` on chunks of the items `produce` yields on a reader thread, in order,
/// as `chunking` gathers them by their `weight`. `process` returns `Ok(false)` to stop
/// early.
fn in_chunks<T, I>(
    produce: impl FnOnce() -> I + Send,
    weight: impl Fn(&T) -> usize,
    chunking: Chunking,
    mut process: impl FnMut(Vec<T>) -> Result<bool>,
) -> Result<()>
where
    T: Send,
    I: Iterator<Item = T>,
{
    let (tx, rx) = crossbeam_channel::bounded::<T>(chunking.max_items.max(1) * 2);
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
            if chunking.full(chunk.len(), total) {
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
