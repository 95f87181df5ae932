//! The binary as an installed tool: the compiled-in model and gazetteer, `finsent info`,
//! `--version`, and where ONNX Runtime is found. (`scripts/test_install.sh` and
//! `scripts/test_bundle.sh` check a real `cargo install` and the bundle.)

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use common::{finsent, root, stderr, stdout_records};

fn info_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        stderr(out)
    );
    serde_json::from_slice(&out.stdout).expect("info --json is one JSON object")
}

/// `finsent score corpus/archive.jsonl -q` and `extra` flags.
fn corpus_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["score", "corpus/archive.jsonl", "-q"];
    args.extend_from_slice(extra);
    args
}

#[test]
fn compiled_in_model_and_gazetteer_equal_the_files_in_the_repository() {
    let model = root().join(finsent::MODEL_DIR);
    let gazetteer = root().join(finsent::GAZETTEER_FILE);
    let compiled_in = finsent(&corpus_args(&[]));
    let from_files = finsent(&corpus_args(&[
        "--model",
        model.to_str().expect("path"),
        "--gazetteer",
        gazetteer.to_str().expect("path"),
    ]));
    assert!(compiled_in.status.success(), "{}", stderr(&compiled_in));
    assert!(from_files.status.success(), "{}", stderr(&from_files));
    assert_eq!(stdout_records(&compiled_in).len(), 6);
    assert!(compiled_in.stdout == from_files.stdout, "outputs differ");
}

#[test]
fn info_reports_what_it_checked() {
    let info = info_json(&finsent(&["info", "--json", "-j", "3"]));
    let config: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join(finsent::MODEL_DIR).join("config.json"))
            .expect("config"),
    )
    .expect("json");
    assert_eq!(info["finsent"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["compiled_in"]["model"], finsent::MODEL_DIR);
    assert_eq!(info["model"]["name"], config["name"]);
    assert_eq!(info["model"]["version"], config["version"]);
    assert_eq!(info["model"]["source"], "compiled in");
    assert_eq!(info["model_sha256"], config["onnx_sha256"]);
    assert_eq!(info["model_loads"], true);

    let runtime = &info["onnx_runtime"];
    let path = runtime["path"].as_str().expect("path");
    assert!(Path::new(path).is_file(), "{path}");
    assert!(path.ends_with(finsent::model::ORT_LIBRARY), "{path}");
    let version = runtime["version"].as_str().expect("version");
    let release = finsent::model::ORT_VERSION
        .rsplit_once('.')
        .expect("x.y.z")
        .0;
    assert!(version.starts_with(&format!("{release}.")), "{version}");

    let listings = std::fs::read_to_string(root().join(finsent::GAZETTEER_FILE))
        .expect("gazetteer")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(info["gazetteer"]["listings"], listings);
    assert!(info["gazetteer"]["names"].as_u64().expect("names") >= listings as u64);

    let threads = &info["threads"];
    assert_eq!(threads["threads"], 3);
    assert_eq!(threads["intra_threads"], 1);
    assert_eq!(threads["workers"], 3);
}

#[test]
fn info_without_a_runtime_prints_what_it_found_and_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .arg("info")
        .env("ORT_DYLIB_PATH", "/nonexistent/libonnxruntime.so.1.31.1")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one paragraph: {err}");
    assert!(
        err.contains("/nonexistent/libonnxruntime.so.1.31.1 (named by ORT_DYLIB_PATH)")
            && err.contains("pip"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("model sha256"),
        "the parts found come first: {text}"
    );
    assert!(
        !text.contains("listings"),
        "nothing after the missing part: {text}"
    );

    let json = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["info", "--json"])
        .env("ORT_DYLIB_PATH", "/nonexistent/libonnxruntime.so.1.31.1")
        .output()
        .expect("runs");
    assert_eq!(json.status.code(), Some(2));
    assert!(json.stdout.is_empty(), "no partial JSON");
}

#[test]
fn version_names_the_model_and_the_runtime() {
    let out = finsent(&["--version"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!("finsent {}", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(text.contains(finsent::MODEL_DIR), "{text}");
    assert!(text.contains(finsent::model::ORT_VERSION), "{text}");
}

/// The binary in another directory, run from there, finds ONNX Runtime beside
/// itself first (as in a bundle) and scores as the original does.
#[test]
fn a_copied_binary_runs_anywhere_and_prefers_the_runtime_beside_it() {
    let original = info_json(&finsent(&["info", "--json"]));
    let library = original["onnx_runtime"]["path"].as_str().expect("path");
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join("finsent");
    // A hard link is a copy as far as the binary can tell (its path is the link's).
    std::fs::hard_link(env!("CARGO_BIN_EXE_finsent"), &bin)
        .or_else(|_| std::fs::copy(env!("CARGO_BIN_EXE_finsent"), &bin).map(|_| ()))
        .expect("copy binary");
    std::os::unix::fs::symlink(library, dir.path().join(finsent::model::ORT_LIBRARY))
        .expect("link runtime");
    let article = dir.path().join("article.txt");
    std::fs::copy(root().join("corpus/txt/boeing_delivery_halt.txt"), &article).expect("copy");
    let run = |args: &[&str]| {
        Command::new(&bin)
            .args(args)
            .current_dir(dir.path())
            .env_remove("ORT_DYLIB_PATH")
            .env_remove("FINSENT_MODEL")
            .env_remove("FINSENT_GAZETTEER")
            .output()
            .expect("runs")
    };
    let info = info_json(&run(&["info", "--json"]));
    assert_eq!(info["onnx_runtime"]["found"], "beside the finsent binary");
    let copied = run(&["score", "article.txt", "-q"]);
    let here = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["score", "article.txt", "-q"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert!(copied.status.success(), "{}", stderr(&copied));
    assert!(copied.stdout == here.stdout, "outputs differ");
    let records = stdout_records(&copied);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["tickers"][0]["symbol"], "BA");
}

/// The ONNX Runtime release is written once, in `ONNXRUNTIME_VERSION` (which `build.rs`,
/// `scripts/fetch_onnxruntime.py` and the Python package read); the places that cannot read
/// it (`pyproject.toml`'s dependency, the docs, messages, scripts' comments) name the same
/// release, or its `x.y.x` series.
#[test]
fn every_mention_of_the_onnx_runtime_release_is_the_one_in_its_version_file() {
    let written = std::fs::read_to_string(root().join("ONNXRUNTIME_VERSION")).expect("file");
    let version = finsent::model::ORT_VERSION;
    assert_eq!(written.trim(), version, "the build read the file");
    let series = format!("{}.x", version.rsplit_once('.').expect("x.y.z").0);
    let mention = regex::Regex::new(
        r"(?:onnxruntime==|libonnxruntime\.so\.|ONNX Runtime |onnxruntime/)(\d+\.\d+\.(?:\d+|x))",
    )
    .expect("valid regex");
    let texts = ["md", "toml", "py", "sh", "rs", "ipynb"];
    let mut checked = Vec::new();
    let mut wrong = Vec::new();
    for dir in [
        "", "docs", "scripts", "python", "src", "tests", "examples", "benches", ".ci",
    ] {
        let walk =
            walkdir::WalkDir::new(root().join(dir)).max_depth(if dir.is_empty() { 1 } else { 8 });
        for entry in walk.into_iter().filter_map(|e| e.ok()) {
            let path = entry.path();
            let text_file = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| texts.contains(&e))
                || path.parent() == Some(&root().join(".ci"));
            if !entry.file_type().is_file() || !text_file {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            for found in mention.captures_iter(&text) {
                let named = &found[1];
                checked.push(path.to_path_buf());
                if named != version && named != series {
                    wrong.push(format!("{}: {}", path.display(), &found[0]));
                }
            }
        }
    }
    let pyproject = root().join("pyproject.toml");
    assert!(
        checked.contains(&pyproject),
        "pyproject.toml names the release"
    );
    assert!(wrong.is_empty(), "not {version}: {wrong:#?}");
}
