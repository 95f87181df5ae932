//! What a long call does between two chunks of work: look for a pending signal and report
//! progress; and the rows a call keeps as they come.

use std::io;

use pyo3::prelude::*;

use finsent::stream::{Outlet, WriteFailed};

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
pub(crate) struct Kept<T> {
    pub(crate) rows: Vec<T>,
    pub(crate) stopped: Option<PyErr>,
    pub(crate) pause: Pause,
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
