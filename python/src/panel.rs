//! `panel`: the ticker × day panel of scored records.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use finsent::panel::{PanelListing, PanelRule, PerStory, build_panel, observations, panel_batch};

use crate::arrow;
use crate::{chain, runtime_error};

/// The ticker × day panel of scored records (JSON Lines, as `finsent score` writes them);
/// error and undated records are left out.
#[pyfunction]
#[pyo3(signature = (jsonl, *, tz, cutoff, min_relevance, per_story, listing))]
pub(crate) fn panel(
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
