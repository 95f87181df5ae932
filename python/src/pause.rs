//! What a long call does between two chunks of work: look for a pending signal and report
//! progress; and the rows a call keeps as they come, through the stream runner.

use std::io;

use pyo3::prelude::*;

use finsent::stream::{self, Chunking, Outlet, Stage, WriteFailed};

use crate::runtime_error;

/// How many texts `classify` and `tickers` handle between two looks for a pending signal
/// (and two progress reports): a few seconds of `classify` on long texts at most, enough
/// for full batches.
pub(crate) const SIGNAL_CHECK_TEXTS: usize = 256;

/// What a long call does between two chunks of work, with the GIL taken for a moment by a
/// thread that released it: Python's signal handlers run (a Ctrl-C raises
/// `KeyboardInterrupt` there), then the progress callback, if any, is called with the count
/// done. The error to raise, if either raised one.
pub(crate) struct Pause {
    progress: Option<Py<PyAny>>,
    /// The count last reported.
    reported: Option<usize>,
}

impl Pause {
    pub(crate) fn new(progress: Option<Py<PyAny>>) -> Self {
        Self {
            progress,
            reported: None,
        }
    }

    pub(crate) fn between_chunks(&mut self, done: usize) -> PyResult<()> {
        Python::attach(|py| py.check_signals())?;
        self.report(done)
    }

    /// Tells the callback `done`, unless it heard that count already.
    pub(crate) fn report(&mut self, done: usize) -> PyResult<()> {
        if let Some(progress) = &self.progress
            && self.reported != Some(done)
        {
            Python::attach(|py| progress.call1(py, (done,)).map(drop))?;
            self.reported = Some(done);
        }
        Ok(())
    }
}

/// The rows of `classify`, kept as they come; after each chunk, progress is reported and a
/// pending signal stops the run, as in `score` (`Rows`).
struct Kept<T> {
    rows: Vec<T>,
    stopped: Option<PyErr>,
    pause: Pause,
}

impl<T> Outlet<T> for Kept<T> {
    fn write(&mut self, row: T) -> Result<(), WriteFailed> {
        self.rows.push(row);
        Ok(())
    }

    fn flush(&mut self) -> Result<(), WriteFailed> {
        let paused = self.pause.between_chunks(self.rows.len()).map_err(|stop| {
            self.stopped = Some(stop);
            io::Error::new(io::ErrorKind::Interrupted, "interrupted")
        });
        WriteFailed::on("the result", paused)
    }
}

/// The outputs of `stage` on `items`, run by the stream runner in chunks of
/// [`SIGNAL_CHECK_TEXTS`] (a text whose work panics is the stage's `panicked` output); a
/// pending signal or an exception of `progress` between chunks stops the run and is raised,
/// and `progress` hears the final count.
pub(crate) fn run_kept<S: Stage, I>(
    items: impl FnOnce() -> I + Send,
    stage: &mut S,
    progress: Option<Py<PyAny>>,
) -> PyResult<Vec<S::Out>>
where
    I: Iterator<Item = S::Item>,
{
    let mut kept = Kept {
        rows: Vec::new(),
        stopped: None,
        pause: Pause::new(progress),
    };
    let run = stream::run(
        items,
        stage,
        &mut kept,
        Chunking::items(SIGNAL_CHECK_TEXTS),
        &mut |_| {},
    );
    if let Some(stop) = kept.stopped {
        return Err(stop);
    }
    run.map_err(|e| runtime_error(&e))?;
    kept.pause.report(kept.rows.len())?;
    Ok(kept.rows)
}
