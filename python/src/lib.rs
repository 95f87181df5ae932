//! `finsent._finsent`: the Rust half of the Python package. Every function returns an Arrow
//! IPC stream (bytes) that `finsent/__init__.py` turns into a DataFrame; the rows are the
//! records the command writes, encoded as its Parquet writer encodes them, so a column
//! holds exactly what the Parquet output holds.
//!
//! Engines (a model, its gazetteer and worker pool) are loaded once per process and
//! reused. The GIL is released while an engine loads and while it scores.

mod arrow;
mod engines;

use std::io::{self, Cursor};
use std::path::PathBuf;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde::Serialize;

use finsent::Finsent;
use finsent::article::{Class, ErrorKind, Probs, Record};
use finsent::loader::{DateLayouts, FieldNames, InputFormat, LoadOptions, load, read_format};
use finsent::model::{ModelInput, Target};
use finsent::panel::{PanelListing, PanelRule, PerStory, build_panel, observations, panel_batch};
use finsent::split::split_sentences;
use finsent::stream::{self, Chunking, Destination, Outlet, Phases, Stage, Tally, WriteFailed};
use finsent::writer::{
    ErrorDetail, MentionRecord, OutputRecord, Part, ProbsRecord, RecordWriter, Rounded,
    classify_schema, kept_columns, mention_records, record_schema,
};

use crate::arrow::{IpcEncoder, to_ipc};
use crate::engines::{engine, shipped_tickers};

/// The message of an error and of every error under it; a cause whose text the message
/// holds already (many errors print their source) is not said twice.
pub(crate) fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

fn runtime_error(error: &dyn std::error::Error) -> PyErr {
    PyRuntimeError::new_err(chain(error))
}

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
fn default_fields() -> Vec<(&'static str, Vec<String>)> {
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

/// How many texts `classify` and `tickers` handle between two looks for a pending signal
/// (and two progress reports): a few seconds of `classify` on long texts at most, enough
/// for full batches.
const SIGNAL_CHECK_TEXTS: usize = 256;

/// What a long call does between two chunks of work, with the GIL taken for a moment by a
/// thread that released it: Python's signal handlers run (a Ctrl-C raises
/// `KeyboardInterrupt` there), then the progress callback, if any, is called with the count
/// done. The error to raise, if either raised one.
struct Pause {
    progress: Option<Py<PyAny>>,
    /// The count last reported.
    reported: Option<usize>,
}

impl Pause {
    fn new(progress: Option<Py<PyAny>>) -> Self {
        Self {
            progress,
            reported: None,
        }
    }

    fn between_chunks(&mut self, done: usize) -> PyResult<()> {
        Python::attach(|py| py.check_signals())?;
        self.report(done)
    }

    /// Tells the callback `done`, unless it heard that count already.
    fn report(&mut self, done: usize) -> PyResult<()> {
        if let Some(progress) = &self.progress
            && self.reported != Some(done)
        {
            Python::attach(|py| progress.call1(py, (done,)).map(drop))?;
            self.reported = Some(done);
        }
        Ok(())
    }
}

/// Scores the JSON Lines `jsonl` (one object per row).
#[pyfunction]
#[pyo3(signature = (jsonl, *, path, runtime, model, domain=None, id=None, title=None, body=None, published_at=None, sentences=false, progress=None))]
#[allow(clippy::too_many_arguments)]
fn score_rows(
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
fn score_paths(
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

/// A value for each of `texts` texts (none given: `None` for each), or an error that says
/// how many `what` there are.
fn one_per_text<T: Clone>(
    values: Option<Vec<Option<T>>>,
    texts: usize,
    what: &str,
) -> PyResult<Vec<Option<T>>> {
    let values = values.unwrap_or_else(|| vec![None; texts]);
    if values.len() != texts {
        return Err(PyValueError::new_err(format!(
            "{texts} texts but {} {what}",
            values.len()
        )));
    }
    Ok(values)
}

/// The text, unless it is missing or blank.
fn nonblank(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|s| !s.trim().is_empty())
}

/// One row of `classify`: the text, its target and its scores, or why it has none.
#[derive(Serialize)]
struct ClassifyRow<'a> {
    text: Option<&'a str>,
    target: Option<&'a str>,
    label: Option<Class>,
    score: Option<Rounded>,
    probs: Option<ProbsRecord>,
    error: Option<ErrorDetail>,
}

/// A text given to `classify`, with its target; its id is its position, as the fault hook
/// of the isolation tests names it.
#[derive(Clone)]
struct Text {
    id: String,
    text: Option<String>,
    target: Option<String>,
}

/// A text's probabilities, or why it has none.
type Classified = (Text, Result<Probs, ErrorDetail>);

/// `classify` as a stage of the stream runner: each chunk's texts scored by
/// `Finsent::classify`, a blank text an `empty_text` error.
struct ClassifyTexts<'a> {
    engine: &'a Finsent,
}

impl Stage for ClassifyTexts<'_> {
    type Item = Text;
    type Out = Classified;

    fn id(text: &Text) -> &str {
        &text.id
    }

    fn run(&mut self, chunk: Vec<Text>, _phases: &mut Phases) -> Vec<Classified> {
        let inputs: Vec<ModelInput> = chunk
            .iter()
            .filter_map(|t| {
                Some(ModelInput {
                    text: nonblank(&t.text)?,
                    target: nonblank(&t.target).map(|name| Target {
                        name,
                        mentions: &[],
                    }),
                })
            })
            .collect();
        let mut scored = self.engine.classify(&inputs).into_iter();
        let error = |kind, message: String| ErrorDetail { kind, message };
        chunk
            .into_iter()
            .map(|text| {
                // Blank texts were not scored: they take no probabilities.
                let scored = nonblank(&text.text).map(|_| scored.next());
                let probs = match scored {
                    None => Err(error(ErrorKind::EmptyText, "no text".into())),
                    Some(Some(Ok(p))) => Ok(p),
                    Some(Some(Err(e))) => Err(error(ErrorKind::Model, chain(&e))),
                    Some(None) => Err(error(ErrorKind::Internal, "no result".into())),
                };
                (text, probs)
            })
            .collect()
    }

    fn panicked(text: &Text, message: String) -> Classified {
        let error = ErrorDetail {
            kind: ErrorKind::Internal,
            message,
        };
        (text.clone(), Err(error))
    }

    fn tally(out: &Classified) -> Tally {
        match out.1 {
            Ok(_) => Tally::Done(1),
            Err(_) => Tally::Failed,
        }
    }
}

/// The rows of `classify`, kept as they come; after each chunk, progress is reported and a
/// pending signal stops the run, as in `score` ([`Rows`]).
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

/// Scores each text as it is (no splitting), toward its target when given, in chunks of
/// `SIGNAL_CHECK_TEXTS` through the stream runner: a text whose work panics is one
/// `internal` error row.
#[pyfunction]
#[pyo3(signature = (texts, targets, *, runtime, model, domain, progress=None))]
fn classify(
    py: Python<'_>,
    texts: Vec<Option<String>>,
    targets: Option<Vec<Option<String>>>,
    runtime: PathBuf,
    model: String,
    domain: String,
    progress: Option<Py<PyAny>>,
) -> PyResult<Py<PyBytes>> {
    let targets = one_per_text(targets, texts.len(), "targets")?;
    let ipc = py.detach(move || -> PyResult<Vec<u8>> {
        let engine = engine(runtime, &model, Some(domain))?;
        let texts = texts.into_iter().zip(targets).enumerate();
        let texts = move || {
            texts.map(|(row, (text, target))| Text {
                id: row.to_string(),
                text,
                target,
            })
        };
        let mut kept = Kept {
            rows: Vec::new(),
            stopped: None,
            pause: Pause::new(progress),
        };
        let run = stream::run(
            texts,
            &mut ClassifyTexts { engine: &engine },
            &mut kept,
            Chunking::items(SIGNAL_CHECK_TEXTS),
            &mut |_| {},
        );
        if let Some(stop) = kept.stopped {
            return Err(stop);
        }
        run.map_err(|e| runtime_error(&e))?;
        kept.pause.report(kept.rows.len())?;
        let rows = kept.rows.iter().map(|(text, probs)| {
            let (probs, error) = match probs {
                Ok(p) => (Some(*p), None),
                Err(e) => (None, Some(e.clone())),
            };
            ClassifyRow {
                text: text.text.as_deref(),
                target: text.target.as_deref(),
                label: probs.map(|p| p.class()),
                score: probs.map(|p| Rounded(p.score())),
                probs: probs.map(ProbsRecord::from),
                error,
            }
        });
        to_ipc(classify_schema(false), rows).map_err(|e| runtime_error(&e))
    })?;
    Ok(PyBytes::new(py, &ipc).unbind())
}

/// One company mention in a text: the text's row, and the mention as `finsent tickers`
/// writes it (its part is always the body).
#[derive(Serialize)]
struct MentionRow<'a> {
    row: usize,
    #[serde(flatten)]
    mention: MentionRecord<'a>,
}

/// The companies each text names, as `finsent tickers` finds them in an article body; a
/// text's `published_at` (RFC 3339 or `YYYY-MM-DD`) picks the listing of that day among
/// those that had a name or a code over the years, as `score` does.
#[pyfunction]
#[pyo3(signature = (texts, published_at=None, *, progress=None))]
fn tickers(
    py: Python<'_>,
    texts: Vec<Option<String>>,
    published_at: Option<Vec<Option<String>>>,
    progress: Option<Py<PyAny>>,
) -> PyResult<Py<PyBytes>> {
    let published_at = one_per_text(published_at, texts.len(), "dates")?;
    // Read as `score` reads an article's date (RFC 3339 in UTC); one it cannot read is a
    // bad argument, not a text without a date.
    let layouts = DateLayouts::default();
    let published_at = published_at
        .into_iter()
        .enumerate()
        .map(|(row, raw)| {
            raw.filter(|r| !r.trim().is_empty())
                .map(|raw| {
                    layouts.normalize(&raw).map_err(|_| {
                        PyValueError::new_err(format!(
                            "published_at of text {row}: {raw:?} is not a date finsent reads \
                             (RFC 3339, YYYY-MM-DD, ...)"
                        ))
                    })
                })
                .transpose()
        })
        .collect::<PyResult<Vec<_>>>()?;
    let ipc = py.detach(move || -> PyResult<Vec<u8>> {
        let tickers = shipped_tickers()?;
        let mut pause = Pause::new(progress);
        let mut rows = Vec::new();
        for (row, (text, published_at)) in texts.iter().zip(&published_at).enumerate() {
            if row % SIGNAL_CHECK_TEXTS == 0 {
                pause.between_chunks(row)?;
            }
            let Some(text) = text.as_deref() else {
                continue;
            };
            let sentences = split_sentences(text);
            let mentions = mention_records(
                tickers,
                Part::Body,
                text,
                &sentences,
                published_at.as_deref(),
            );
            rows.extend(
                mentions
                    .into_iter()
                    .map(|mention| MentionRow { row, mention }),
            );
        }
        pause.between_chunks(texts.len())?;
        to_ipc(arrow::mention_schema(), rows.iter()).map_err(|e| runtime_error(&e))
    })?;
    Ok(PyBytes::new(py, &ipc).unbind())
}

/// The ticker × day panel of scored records (JSON Lines, as `finsent score` writes them);
/// error and undated records are left out.
#[pyfunction]
#[pyo3(signature = (jsonl, *, tz, cutoff, min_relevance, per_story, listing))]
fn panel(
    py: Python<'_>,
    jsonl: Vec<u8>,
    tz: String,
    cutoff: String,
    min_relevance: f64,
    per_story: String,
    listing: String,
) -> PyResult<Py<PyBytes>> {
    let value_error = |e: &dyn std::error::Error| PyValueError::new_err(chain(e));
    let rule = PanelRule {
        per_story: PerStory::parse(&per_story).map_err(|e| value_error(&e))?,
        listing: PanelListing::parse(&listing).map_err(|e| value_error(&e))?,
        ..PanelRule::parse(&tz, &cutoff, min_relevance).map_err(|e| value_error(&e))?
    };
    let ipc = py.detach(move || -> PyResult<Vec<u8>> {
        let mut found = Vec::new();
        for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let record: serde_json::Value = serde_json::from_slice(line)
                .map_err(|e| PyValueError::new_err(format!("not a scored record: {e}")))?;
            found.extend(observations(&record).unwrap_or_default());
        }
        panel_batch(&build_panel(found, &rule))
            .and_then(|batch| arrow::batch_ipc(&batch))
            .map_err(|e| runtime_error(&e))
    })?;
    Ok(PyBytes::new(py, &ipc).unbind())
}

#[pymodule]
fn _finsent(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(default_fields, m)?)?;
    m.add_function(wrap_pyfunction!(score_rows, m)?)?;
    m.add_function(wrap_pyfunction!(score_paths, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(tickers, m)?)?;
    m.add_function(wrap_pyfunction!(panel, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ORT_VERSION", finsent::model::ORT_VERSION)?;
    Ok(())
}
