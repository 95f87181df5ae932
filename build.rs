//! Fetches the ONNX Runtime library that `ort` loads at run time (feature `load-dynamic`)
//! from the `onnxruntime` wheel on PyPI, through pip, into the versioned cache directory
//! `$XDG_CACHE_HOME/finsent/onnxruntime/VERSION` (else `~/.cache/finsent/onnxruntime/VERSION`),
//! which outlives the target directory (`cargo install` deletes its own), and tells the
//! crate where it is (`FINSENT_ORT_DYLIB`). When no cache directory can be made, the
//! library goes into `<target>/onnxruntime/VERSION`. A failure is a build warning, not an
//! error: finsent then explains at run time how to provide the library (ORT_DYLIB_PATH).
//! Set FINSENT_SKIP_ORT_FETCH=1 to skip the fetch.
//!
//! The release is written once, in `ONNXRUNTIME_VERSION`; the crate reads it as
//! `FINSENT_ORT_VERSION` (`finsent::model::ORT_VERSION`).

use std::env;
use std::path::PathBuf;
use std::process::Command;

/// The ONNX Runtime release finsent is built for (`ONNXRUNTIME_VERSION`; a test checks
/// that `pyproject.toml`, the scripts and the docs name the same one).
const VERSION_FILE: &str = include_str!("ONNXRUNTIME_VERSION");

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=ONNXRUNTIME_VERSION");
    let version = VERSION_FILE.trim();
    println!("cargo:rerun-if-changed=scripts/fetch_onnxruntime.py");
    for var in ["FINSENT_SKIP_ORT_FETCH", "XDG_CACHE_HOME", "HOME"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    println!("cargo:rustc-env=FINSENT_ORT_VERSION={version}");
    let Some(dir) = cache_dir(version).or_else(|| target_dir(version)) else {
        println!(
            "cargo:warning=cannot place ONNX Runtime: no cache directory and no target directory"
        );
        return;
    };
    let library = dir.join(format!("libonnxruntime.so.{version}"));
    // A missing file counts as changed, so a deleted cache is fetched again.
    println!("cargo:rerun-if-changed={}", library.display());
    println!("cargo:rustc-env=FINSENT_ORT_DYLIB={}", library.display());
    let complete = [
        library.clone(),
        dir.join("LICENSE"),
        dir.join("ThirdPartyNotices.txt"),
    ]
    .iter()
    .all(|p| p.is_file());
    if complete || env::var_os("FINSENT_SKIP_ORT_FETCH").is_some() {
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

/// The cache directory (as `finsent::model::cache_dir` computes it at run time), if it
/// exists or can be made.
fn cache_dir(version: &str) -> Option<PathBuf> {
    let absolute = |var: &str| {
        env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let base = absolute("XDG_CACHE_HOME").or_else(|| absolute("HOME").map(|h| h.join(".cache")))?;
    let dir = base.join("finsent").join("onnxruntime").join(version);
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

/// `<target>/onnxruntime/<version>`, found from OUT_DIR (`<target>/<profile>/build/<pkg>/out`).
fn target_dir(version: &str) -> Option<PathBuf> {
    let out = PathBuf::from(env::var_os("OUT_DIR")?);
    Some(out.ancestors().nth(4)?.join("onnxruntime").join(version))
}

fn warn_fetch(why: &str) {
    for line in why.lines().filter(|l| !l.trim().is_empty()) {
        println!("cargo:warning=ONNX Runtime fetch: {line}");
    }
    println!("cargo:warning=finsent will need ORT_DYLIB_PATH at run time (see README)");
}
