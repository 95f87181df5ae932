//! The model, its tokenizer and the company gazetteer that ship with finsent, compiled into
//! the library (feature `embedded`, on by default: about 60 MB), so an installed binary or
//! Python package needs no data files and always carries the model it was tested with.

use crate::error::Result;
use crate::model::ModelFiles;
use crate::tickers::Tickers;

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

/// [`crate::model_dir!`] as a constant.
pub const MODEL_DIR: &str = crate::model_dir!();

/// [`crate::gazetteer_file!`] as a constant.
pub const GAZETTEER_FILE: &str = crate::gazetteer_file!();

/// How errors and `finsent info` name the compiled-in files.
pub const COMPILED_IN_MODEL: &str = concat!("<compiled in>/", crate::model_dir!());
pub const COMPILED_IN_GAZETTEER: &str = concat!("<compiled in>/", crate::gazetteer_file!());

#[cfg(feature = "embedded")]
mod files {
    macro_rules! shipped_file {
        ($path:expr) => {
            concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)
        };
    }

    // Statics, not constants: one copy of each in the binary.
    pub static CONFIG: &[u8] =
        include_bytes!(shipped_file!(concat!(crate::model_dir!(), "/config.json")));
    pub static ONNX: &[u8] =
        include_bytes!(shipped_file!(concat!(crate::model_dir!(), "/model.onnx")));
    pub static TOKENIZER: &[u8] = include_bytes!(shipped_file!(concat!(
        crate::model_dir!(),
        "/tokenizer.json"
    )));
    pub static GAZETTEER: &str = include_str!(shipped_file!(crate::gazetteer_file!()));
}

/// The compiled-in fast model.
#[cfg(feature = "embedded")]
pub fn model() -> Result<ModelFiles<'static>> {
    Ok(ModelFiles::from_bytes(
        files::CONFIG,
        files::ONNX,
        files::TOKENIZER,
        COMPILED_IN_MODEL,
    ))
}

/// The compiled-in gazetteer.
#[cfg(feature = "embedded")]
pub fn tickers() -> Result<Tickers> {
    Tickers::parse(files::GAZETTEER, COMPILED_IN_GAZETTEER)
}

#[cfg(not(feature = "embedded"))]
fn not_embedded(what: &str) -> crate::error::Error {
    crate::error::Error::Usage(format!(
        "this build of finsent has no {what} compiled in (feature `embedded` is off); name \
         the files to load instead"
    ))
}

/// The compiled-in fast model.
#[cfg(not(feature = "embedded"))]
pub fn model() -> Result<ModelFiles<'static>> {
    Err(not_embedded("model"))
}

/// The compiled-in gazetteer.
#[cfg(not(feature = "embedded"))]
pub fn tickers() -> Result<Tickers> {
    Err(not_embedded("gazetteer"))
}
