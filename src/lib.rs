//! finsent scores the sentiment of market news at archive scale.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! loader -> split -> model (tokenize, batch, ONNX sessions) -> aggregate -> tickers -> writer
//! ```
//!
//! [`pipeline::score_stream`] runs it over a stream of [`article::Record`]s;
//! [`classify::classify_stream`] scores short texts without splitting;
//! [`inspect`] shows what the splitter and the ticker matcher make of an article.

pub mod aggregate;
pub mod article;
pub mod classify;
pub mod error;
pub mod figures;
pub mod inspect;
pub mod isolate;
pub mod limits;
pub mod loader;
pub mod model;
pub mod per_ticker;
pub mod pipeline;
pub mod progress;
pub mod select;
pub mod split;
pub mod tickers;
pub mod writer;

pub use error::{Error, Result};

/// The shipped model's directory, relative to the repository root. This macro is the one
/// place its name is written (a macro, so that `include_bytes!` can use it); the files in
/// it are always `config.json`, `model.onnx` and `tokenizer.json`.
#[macro_export]
macro_rules! model_dir {
    () => {
        "models/finsent-minilm-v2"
    };
}

/// The shipped company gazetteer, relative to the repository root.
#[macro_export]
macro_rules! gazetteer_file {
    () => {
        "models/gazetteer/gazetteer.jsonl"
    };
}

/// [`model_dir!`] as a constant.
pub const MODEL_DIR: &str = model_dir!();

/// [`gazetteer_file!`] as a constant.
pub const GAZETTEER_FILE: &str = gazetteer_file!();
