//! The library's error type. Record-level problems (a bad line, an empty article) are not
//! errors of this kind: they become [`crate::article::RecordError`]s and the run goes on.
//!
//! No dependency's type appears here: a failure of ONNX Runtime, the tokenizer or the
//! thread pool is kept as a boxed [`source`](std::error::Error::source), so a match on
//! [`Error`] does not depend on their versions (`ort` is pinned to a release candidate).

use std::io;
use std::path::PathBuf;

/// A failure that stops a command: set-up, model, runtime or output problems.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// ONNX Runtime could not be found, or its version not read; the message says where
    /// finsent looked and what to do.
    #[error("{0}")]
    Runtime(String),
    /// The ONNX Runtime library was found but could not be loaded; `needs` says which
    /// runtime finsent needs and how to get it.
    #[error("ONNX Runtime at {path} could not be loaded: {source}. {needs}")]
    RuntimeLoad {
        path: PathBuf,
        needs: String,
        #[source]
        source: BoxError,
    },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("invalid model config {path}: {source}")]
    ModelConfig {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("invalid model: {0}")]
    Model(String),
    #[error(
        "model file {path} does not match config.json: sha256 {found}, expected {expected}; \
         the file is corrupt or was replaced"
    )]
    ModelChecksum {
        path: PathBuf,
        expected: String,
        found: String,
    },
    #[error("tokenizer {origin}: {source}")]
    Tokenizer {
        /// The tokenizer file, or what it was compiled in from.
        origin: String,
        #[source]
        source: BoxError,
    },
    /// The company gazetteer could not be parsed.
    #[error("gazetteer {origin}: {message}")]
    Gazetteer { origin: String, message: String },
    #[error("cannot start worker threads: {0}")]
    Threads(#[source] BoxError),
    /// The backend that runs the model failed: a
    /// [`BackendError`](crate::model::BackendError), boxed (downcast it to tell a model that
    /// does not fit its config from a runtime failure).
    #[error(transparent)]
    Backend(BoxError),
    #[error("cannot write output {path}: {source}")]
    Output {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{0}")]
    Usage(String),
    /// A setting outside its range, named as the library names it ([`crate::validate`]).
    #[error(transparent)]
    Invalid(#[from] crate::validate::Invalid),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A dependency's error, kept as the cause of an [`Error`] without naming its type.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
