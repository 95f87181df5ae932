//! What the `finsent` binary carries and where it finds the rest. The model, its tokenizer
//! and the gazetteer are compiled in (about 60 MB), so an installed or copied binary needs
//! no data files and no checkout; `--model`/`FINSENT_MODEL` and `--gazetteer`/
//! `FINSENT_GAZETTEER` read others. ONNX Runtime is a shared library loaded at run time,
//! searched in the places `finsent::model::runtime_candidates` lists.

use std::path::{Path, PathBuf};

use finsent::error::Result;
use finsent::model::{Candidate, ModelSource, cache_dir, runtime_candidates};
use finsent::tickers::Tickers;
use finsent::{gazetteer_file, model_dir};

macro_rules! shipped_file {
    ($path:expr) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)
    };
}

// Statics, not constants: one copy of each in the binary.
static CONFIG: &[u8] = include_bytes!(shipped_file!(concat!(model_dir!(), "/config.json")));
static ONNX: &[u8] = include_bytes!(shipped_file!(concat!(model_dir!(), "/model.onnx")));
static TOKENIZER: &[u8] = include_bytes!(shipped_file!(concat!(model_dir!(), "/tokenizer.json")));
static GAZETTEER: &str = include_str!(shipped_file!(gazetteer_file!()));

/// How errors and `finsent info` name the compiled-in files.
pub const COMPILED_IN_MODEL: &str = concat!("<compiled in>/", model_dir!());
pub const COMPILED_IN_GAZETTEER: &str = concat!("<compiled in>/", gazetteer_file!());

/// The model in `dir`, else the compiled-in one.
pub fn model(dir: Option<&Path>) -> ModelSource<'_> {
    match dir {
        Some(dir) => ModelSource::Dir(dir),
        None => ModelSource::Bytes {
            config: CONFIG,
            onnx: ONNX,
            tokenizer: TOKENIZER,
            origin: COMPILED_IN_MODEL,
        },
    }
}

/// The gazetteer in `file`, else the compiled-in one.
pub fn tickers(file: Option<&Path>) -> Result<Tickers> {
    match file {
        Some(file) => Tickers::load(file),
        None => Tickers::parse(GAZETTEER, COMPILED_IN_GAZETTEER),
    }
}

/// Where to look for ONNX Runtime, from `ORT_DYLIB_PATH`, the binary's own path and the
/// cache directory.
pub fn runtime_places() -> Vec<Candidate> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let explicit = var("ORT_DYLIB_PATH").map(PathBuf::from);
    // current_exe resolves symbolic links: a link to a bundled binary finds the bundle.
    let exe = std::env::current_exe().ok();
    let cache = cache_dir(
        var("XDG_CACHE_HOME").map(PathBuf::from),
        var("HOME").map(PathBuf::from),
    );
    runtime_candidates(
        explicit,
        exe.as_deref().and_then(Path::parent),
        cache.as_deref(),
    )
}
