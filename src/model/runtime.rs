//! Finds and loads the ONNX Runtime shared library (`load-dynamic`): `ORT_DYLIB_PATH` when
//! set, else the copy `cargo build` fetched with pip (see `build.rs`). A missing or
//! unusable library is an error whose message says what to do, never a panic.

use std::path::{Path, PathBuf};

use ort::environment::Environment;

use crate::error::{Error, Result};

/// The ONNX Runtime release this build of `ort` is written against.
pub const ORT_VERSION: &str = "1.31.1";

/// Where `build.rs` placed the library fetched from the `onnxruntime` wheel, if it did.
const FETCHED: Option<&str> = option_env!("FINSENT_ORT_DYLIB");

/// The library to load: `explicit` (from `ORT_DYLIB_PATH`), else the fetched copy.
pub fn locate(explicit: Option<PathBuf>) -> Result<PathBuf> {
    let path = explicit
        .or_else(|| FETCHED.map(PathBuf::from))
        .ok_or_else(|| missing(None))?;
    if path.is_file() {
        Ok(path)
    } else {
        Err(missing(Some(&path)))
    }
}

/// Loads the library at `path` and creates the environment every session is built in.
pub fn init(path: &Path) -> Result<Environment> {
    let builder = ort::init_from(path).map_err(|e| {
        Error::Runtime(format!(
            "ONNX Runtime at {} could not be loaded: {e}. finsent needs ONNX Runtime {ORT_VERSION} \
             (libonnxruntime.so.{ORT_VERSION}). {HOW_TO_GET}",
            path.display()
        ))
    })?;
    Ok(builder.with_name("finsent").build()?)
}

const HOW_TO_GET: &str = "`cargo build` fetches it from the onnxruntime wheel on PyPI with pip \
    (python3 scripts/fetch_onnxruntime.py DIR does the same by hand), or set ORT_DYLIB_PATH to an \
    existing libonnxruntime.so.1.31.x, e.g. the one inside a `pip install onnxruntime==1.31.1` \
    (site-packages/onnxruntime/capi/).";

fn missing(path: Option<&Path>) -> Error {
    let place = match path {
        Some(p) => format!("was not found at {}", p.display()),
        None => "was not fetched when finsent was built".to_string(),
    };
    Error::Runtime(format!(
        "ONNX Runtime {ORT_VERSION} {place}. finsent loads the library at run time. {HOW_TO_GET}"
    ))
}
