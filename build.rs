//! Fetches the ONNX Runtime library that `ort` loads at run time (feature `load-dynamic`)
//! from the `onnxruntime` wheel on PyPI, through pip, into `<target>/onnxruntime/`, and
//! tells the crate where it is (`FINSENT_ORT_DYLIB`). A failure is a build warning, not an
//! error: finsent then explains at run time how to provide the library (ORT_DYLIB_PATH).
//! Set FINSENT_SKIP_ORT_FETCH=1 to skip the fetch.

use std::env;
use std::path::PathBuf;
use std::process::Command;

const VERSION: &str = "1.31.1";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=scripts/fetch_onnxruntime.py");
    println!("cargo:rerun-if-env-changed=FINSENT_SKIP_ORT_FETCH");
    let Some(dir) = runtime_dir() else {
        println!(
            "cargo:warning=cannot place ONNX Runtime: OUT_DIR is not inside a target directory"
        );
        return;
    };
    let library = dir.join(format!("libonnxruntime.so.{VERSION}"));
    // A missing file counts as changed, so a deleted cache is fetched again.
    println!("cargo:rerun-if-changed={}", library.display());
    println!("cargo:rustc-env=FINSENT_ORT_DYLIB={}", library.display());
    if library.is_file() || env::var_os("FINSENT_SKIP_ORT_FETCH").is_some() {
        return;
    }
    let script =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("scripts/fetch_onnxruntime.py");
    let python = env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    match Command::new(&python).arg(&script).arg(&dir).output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => warn_fetch(&String::from_utf8_lossy(&out.stderr)),
        Err(e) => warn_fetch(&format!("cannot run {python}: {e}")),
    }
}

/// `<target>/onnxruntime/<version>`, found from OUT_DIR (`<target>/<profile>/build/<pkg>/out`).
fn runtime_dir() -> Option<PathBuf> {
    let out = PathBuf::from(env::var_os("OUT_DIR")?);
    Some(out.ancestors().nth(4)?.join("onnxruntime").join(VERSION))
}

fn warn_fetch(why: &str) {
    for line in why.lines().filter(|l| !l.trim().is_empty()) {
        println!("cargo:warning=ONNX Runtime fetch: {line}");
    }
    println!("cargo:warning=finsent will need ORT_DYLIB_PATH at run time (see README)");
}
