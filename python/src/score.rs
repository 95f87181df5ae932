//! `score_rows` and `score_paths`: articles scored as `finsent score` scores them.

use std::io::{self, Cursor};
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use finsent::article::Record;
use finsent::loader::{FieldNames, InputFormat, LoadOptions, load, read_format};
use finsent::stream::Destination;
use finsent::writer::{OutputRecord, RecordWriter, kept_columns, record_schema};

use crate::arrow::IpcEncoder;
use crate::engines::engine;
use crate::pause::Pause;
use crate::runtime_error;

/// The input fields: a list given replaces the command's list of names for that field (an
/// empty one reads no such field: `body=None` is headline-only).
fn load_options(
    id: Option<Vec<String>>,
    title: Option<Vec<String>>,
    body: Option<Vec<String>>,
    published_at: Option<Vec<String>>,
) -> LoadOptions {
    let mut fields = FieldNames::default();
    for (given, names) in [
        (id, &mut fields.id),
        (title, &mut fields.title),
        (body, &mut fields.body),
        (published_at, &mut fields.published_at),
    ] {
        if let Some(given) = given {
            *names = given;
        }
    }
    LoadOptions {
        fields,
        ..LoadOptions::default()
    }
}

/// The field names `finsent score` reads by default, first match wins: `{"title": [...], ...}`.
#[pyfunction]
pub(crate) fn default_fields() -> Vec<(&'static str, Vec<String>)> {
    let f = FieldNames::default();
    vec![
        ("id", f.id),
        ("title", f.title),
        ("body", f.body),
        ("published_at", f.published_at),
        ("outlet", f.outlet),
        ("url", f.url),
    ]
}

/// Where the articles come from.
enum Source {
    /// JSON Lines, one object per row (`path` names it in ids and `source.path`).
    Rows { jsonl: Vec<u8>, path: String },
    /// Files and directories, read as `finsent score` reads them.
    Paths(Vec<PathBuf>),
}

/// Scores every record and returns one row per record (the Parquet columns) as Arrow IPC.
/// The run is the command's (`Finsent::score_stream`): records read on a thread of their
/// own, scored in chunks, a record whose work panics one `internal` error row; between
/// chunks a pending Ctrl-C stops it with `KeyboardInterrupt`, and `progress` is told the
/// rows done.
#[allow(clippy::too_many_arguments)]
fn score(
    py: Python<'_>,
    source: Source,
    runtime: PathBuf,
    model: String,
    domain: Option<String>,
    fields: LoadOptions,
    sentences: bool,
    progress: Option<Py<PyAny>>,
) -> PyResult<Py<PyBytes>> {
    let kept: Vec<String> = fields
        .fields
        .keep
        .iter()
        .map(|k| k.column.clone())
        .collect();
    let ipc = py.detach(move || -> PyResult<Vec<u8>> {
        let engine = engine(runtime, &model, domain)?;
        let records = move || -> Box<dyn Iterator<Item = Record>> {
            match source {
                Source::Rows { jsonl, path } => read_format(
                    InputFormat::Jsonl,
                    Box::new(Cursor::new(jsonl)),
                    path,
                    &fields,
                ),
                Source::Paths(paths) => Box::new(load(paths, fields)),
            }
        };
        // The engine always keeps sentences; without `sentences` the schema leaves them out.
        let schema = record_schema(sentences, &kept);
        let encoder = IpcEncoder::new(schema).map_err(|e| runtime_error(&e))?;
        let mut rows = Rows {
            encoder,
            stopped: None,
            pause: Pause::new(progress),
            done: 0,
        };
        let output = Destination {
            writer: &mut rows,
            name: "the result",
        };
        let run = engine.score_stream(records, output, None, &mut |_| {});
        if let Some(stop) = rows.stopped {
            return Err(stop);
        }
        run.map_err(|e| runtime_error(&e))?;
        // No chunk at all (no records): the callback still hears that the run ended.
        rows.pause.report(rows.done)?;
        rows.encoder.finish().map_err(|e| runtime_error(&e))
    })?;
    Ok(PyBytes::new(py, &ipc).unbind())
}

/// The rows of `score`, encoded as they come; after each chunk, progress is reported and a
/// pending signal (or an exception of the progress callback) stops the run (an error kept
/// in `stopped`, which the caller raises).
struct Rows {
    encoder: IpcEncoder,
    stopped: Option<PyErr>,
    pause: Pause,
    /// Rows written.
    done: usize,
}

impl RecordWriter for Rows {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()> {
        self.done += 1;
        self.encoder.push(record).map_err(io::Error::other)
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.pause.between_chunks(self.done) {
            Ok(()) => Ok(()),
            Err(stop) => {
                self.stopped = Some(stop);
                Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"))
            }
        }
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        Ok(())
    }
}

/// Scores the JSON Lines `jsonl` (one object per row).
#[pyfunction]
#[pyo3(signature = (jsonl, *, path, runtime, model, domain=None, id=None, title=None, body=None, published_at=None, sentences=false, progress=None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn score_rows(
    py: Python<'_>,
    jsonl: Vec<u8>,
    path: String,
    runtime: PathBuf,
    model: String,
    domain: Option<String>,
    id: Option<Vec<String>>,
    title: Option<Vec<String>>,
    body: Option<Vec<String>>,
    published_at: Option<Vec<String>>,
    sentences: bool,
    progress: Option<Py<PyAny>>,
) -> PyResult<Py<PyBytes>> {
    let fields = load_options(id, title, body, published_at);
    let source = Source::Rows { jsonl, path };
    score(
        py, source, runtime, model, domain, fields, sentences, progress,
    )
}

/// Scores files and directories, as `finsent score PATH...`; `keep` as `--keep`.
#[pyfunction]
#[pyo3(signature = (paths, *, runtime, model, domain=None, id=None, title=None, body=None, published_at=None, sentences=false, keep=Vec::new(), progress=None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn score_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    runtime: PathBuf,
    model: String,
    domain: Option<String>,
    id: Option<Vec<String>>,
    title: Option<Vec<String>>,
    body: Option<Vec<String>>,
    published_at: Option<Vec<String>>,
    sentences: bool,
    keep: Vec<String>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Py<PyBytes>> {
    if paths.is_empty() {
        return Err(PyValueError::new_err("no paths to score"));
    }
    let mut fields = load_options(id, title, body, published_at);
    fields.fields.keep =
        kept_columns(&keep, sentences).map_err(|e| PyValueError::new_err(format!("keep=: {e}")))?;
    let source = Source::Paths(paths);
    score(
        py, source, runtime, model, domain, fields, sentences, progress,
    )
}
