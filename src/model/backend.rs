//! The seam between the scorer and what runs the model. A [`Backend`] receives a batch of
//! token windows as they are, unpadded, and returns their logits; whether and how it pads
//! them is its own business (ONNX Runtime on the CPU needs rectangular tensors; a backend
//! that packs sequences would not). [`super::OrtBackend`] is the one finsent ships; another
//! (a GPU one, a second runtime) implements [`Backend`] and is handed to
//! [`super::Scorer::with_backend`]; tokenizing, batching by token budget, windows and
//! probabilities stay as they are.

use super::tokenize::Window;
use crate::error::{BoxError, Error};

/// Runs batches of token windows through a model.
pub trait Backend: Send + Sync {
    /// The logits of each window, row-major `[windows.len(), classes]` with the classes in
    /// the order of the model's `config.json`. Windows come in any lengths, unpadded; each
    /// carries its token types, which a model that takes none ignores.
    fn run(&self, windows: &[&Window]) -> Result<Vec<f32>, BackendError>;

    /// How many batches it runs at once; the scorer's caller sizes its pool by it. More
    /// concurrent callers than this must still work (they may wait).
    fn workers(&self) -> usize;
}

/// Why a backend failed. Its causes are boxed, so no runtime's type reaches a user.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BackendError {
    /// The model does not fit its `config.json` (an input or output it names is missing),
    /// or returned logits of another shape than asked.
    #[error("invalid model: {0}")]
    Model(String),
    /// The runtime under the backend failed: building a session or running a batch.
    #[error("{runtime}: {source}")]
    Runtime {
        /// The runtime, as users know it ("ONNX Runtime").
        runtime: &'static str,
        #[source]
        source: BoxError,
    },
}

impl BackendError {
    /// A failure of the runtime `runtime`, its cause kept.
    pub fn runtime(runtime: &'static str, source: impl Into<BoxError>) -> Self {
        Self::Runtime {
            runtime,
            source: source.into(),
        }
    }
}

impl From<BackendError> for Error {
    fn from(e: BackendError) -> Self {
        Error::Backend(Box::new(e))
    }
}
