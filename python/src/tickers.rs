//! `tickers`: the companies each text names, as `finsent tickers` finds them.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde::Serialize;

use finsent::loader::DateLayouts;
use finsent::split::split_sentences;
use finsent::stream::{Phases, Stage, Tally};
use finsent::tickers::Tickers;
use finsent::writer::{MentionRecord, Part, mention_records};

use crate::arrow::{self, to_ipc};
use crate::engines::shipped_tickers;
use crate::pause::run_kept;
use crate::{one_per_text, runtime_error};

/// One company mention in a text: the text's row, and the mention as `finsent tickers`
/// writes it (its part is always the body).
#[derive(Serialize)]
struct MentionRow<'a> {
    row: usize,
    #[serde(flatten)]
    mention: MentionRecord<'a>,
}

/// A text given to `tickers`, with its date; its id is its position, as the fault hook of
/// the isolation tests names it.
#[derive(Clone)]
struct Dated<'a> {
    id: String,
    text: Option<&'a str>,
    published_at: Option<&'a str>,
}

/// A text's mentions, or the message of the panic its work ended in.
type Found<'a> = Result<Vec<MentionRecord<'a>>, String>;

/// `tickers` as a stage of the stream runner: each text read as an article body.
struct FindMentions<'a> {
    tickers: &'a Tickers,
}

impl<'a> Stage for FindMentions<'a> {
    type Item = Dated<'a>;
    type Out = Found<'a>;

    fn id<'t>(text: &'t Dated<'a>) -> &'t str {
        &text.id
    }

    fn run(&mut self, chunk: Vec<Dated<'a>>, _phases: &mut Phases) -> Vec<Found<'a>> {
        chunk
            .into_iter()
            .map(|dated| {
                let Some(text) = dated.text else {
                    return Ok(Vec::new());
                };
                let sentences = split_sentences(text);
                Ok(mention_records(
                    self.tickers,
                    Part::Body,
                    text,
                    &sentences,
                    dated.published_at,
                ))
            })
            .collect()
    }

    fn panicked(_text: &Dated<'a>, message: String) -> Found<'a> {
        Err(message)
    }

    fn tally(out: &Found<'a>) -> Tally {
        match out {
            Ok(mentions) => Tally::Done(mentions.len() as u64),
            Err(_) => Tally::Failed,
        }
    }
}

/// The companies each text names, as `finsent tickers` finds them in an article body; a
/// text's `published_at` (RFC 3339 or `YYYY-MM-DD`) picks the listing of that day among
/// those that had a name or a code over the years, as `score` does. The texts go through
/// the stream runner ([`run_kept`]); a text whose work panics raises
/// `RuntimeError` naming it (a mention row has no error column).
#[pyfunction]
#[pyo3(signature = (texts, published_at=None, *, progress=None))]
pub(crate) fn tickers(
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
        let texts = texts.iter().zip(&published_at).enumerate();
        let texts = move || {
            texts.map(|(row, (text, published_at))| Dated {
                id: row.to_string(),
                text: text.as_deref(),
                published_at: published_at.as_deref(),
            })
        };
        let found = run_kept(texts, &mut FindMentions { tickers }, progress)?;
        let mut rows = Vec::new();
        for (row, found) in found.into_iter().enumerate() {
            let mentions = found
                .map_err(|message| PyRuntimeError::new_err(format!("text {row}: {message}")))?;
            rows.extend(
                mentions
                    .into_iter()
                    .map(|mention| MentionRow { row, mention }),
            );
        }
        to_ipc(arrow::mention_schema(), rows.iter()).map_err(|e| runtime_error(&e))
    })?;
    Ok(PyBytes::new(py, &ipc).unbind())
}
