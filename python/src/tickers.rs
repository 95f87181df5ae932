//! `tickers`: the companies each text names, as `finsent tickers` finds them.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde::Serialize;

use finsent::loader::DateLayouts;
use finsent::split::split_sentences;
use finsent::writer::{MentionRecord, Part, mention_records};

use crate::arrow::{self, to_ipc};
use crate::engines::shipped_tickers;
use crate::pause::{Pause, SIGNAL_CHECK_TEXTS};
use crate::{one_per_text, runtime_error};

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
