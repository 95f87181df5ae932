//! `classify`: short texts scored as they are, toward a target when given, through the
//! stream runner.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use serde::Serialize;

use finsent::Finsent;
use finsent::article::{Class, ErrorKind, Probs};
use finsent::model::{ModelInput, Target};
use finsent::stream::{Phases, Stage, Tally};
use finsent::writer::{ErrorDetail, ProbsRecord, Rounded, classify_schema};

use crate::arrow::to_ipc;
use crate::engines::engine;
use crate::pause::run_kept;
use crate::{chain, one_per_text, runtime_error};

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

/// Scores each text as it is (no splitting), toward its target when given, in chunks of
/// `SIGNAL_CHECK_TEXTS` through the stream runner: a text whose work panics is one
/// `internal` error row.
#[pyfunction]
#[pyo3(signature = (texts, targets, *, runtime, model, domain, progress=None))]
pub(crate) fn classify(
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
        let rows = run_kept(texts, &mut ClassifyTexts { engine: &engine }, progress)?;
        let rows = rows.iter().map(|(text, probs)| {
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
