//! `finsent._finsent`: the Rust half of the Python package. Every function returns an Arrow
//! IPC stream (bytes) that `finsent/__init__.py` turns into a DataFrame; the rows are the
//! records the command writes, encoded as its Parquet writer encodes them, so a column
//! holds exactly what the Parquet output holds.
//!
//! Engines (a model, its gazetteer and worker pool) are loaded once per process and
//! reused. The GIL is released while an engine loads and while it scores.

mod arrow;
mod classify;
mod engines;
mod panel;
mod pause;
mod score;
mod tickers;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

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

pub(crate) fn runtime_error(error: &dyn std::error::Error) -> PyErr {
    PyRuntimeError::new_err(chain(error))
}

/// A value for each of `texts` texts (none given: `None` for each), or an error that says
/// how many `what` there are.
pub(crate) fn one_per_text<T: Clone>(
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

#[pymodule]
fn _finsent(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score::default_fields, m)?)?;
    m.add_function(wrap_pyfunction!(score::score_rows, m)?)?;
    m.add_function(wrap_pyfunction!(score::score_paths, m)?)?;
    m.add_function(wrap_pyfunction!(classify::classify, m)?)?;
    m.add_function(wrap_pyfunction!(tickers::tickers, m)?)?;
    m.add_function(wrap_pyfunction!(panel::panel, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ORT_VERSION", finsent::model::ORT_VERSION)?;
    Ok(())
}
