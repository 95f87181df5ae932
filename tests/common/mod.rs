//! Helpers shared by the end-to-end tests: run the built `finsent` binary from the
//! repository root and read what it writes.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn finsent(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("finsent runs")
}

/// JSON Lines text as values.
pub fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

pub fn stdout_records(out: &Output) -> Vec<Value> {
    json_lines(&String::from_utf8_lossy(&out.stdout))
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
