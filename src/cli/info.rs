//! `finsent info`: what a user checks on a machine or a cluster node before a run. Every
//! part is really loaded: the model's checksum is checked, ONNX Runtime is loaded and a
//! session built in it, the gazetteer is parsed. A missing part ends the report with the
//! error, and `main` exits with status 2.

use std::io::{self, Write};

use finsent::error::{Error, Result};
use finsent::model::{
    ModelFiles, ORT_VERSION, Scorer, ScorerOptions, init_runtime, locate_runtime, runtime_version,
};

use finsent::{GAZETTEER_FILE, GazetteerChoice, MODEL_DIR, ModelChoice};
use serde_json::{Value, json};

use super::flags::InfoArgs;
use super::settings::{gazetteer_choice, model_choice, runtime_places};

/// Prints the report (text, or one JSON object with `--json`); the first missing part is
/// the error returned, after the parts found so far (text only).
pub fn info(args: &InfoArgs) -> Result<()> {
    let mut report = Report::default();
    let outcome = gather(args, &mut report);
    let mut out = io::stdout().lock();
    let written = if args.json {
        match outcome {
            Ok(()) => writeln!(out, "{}", Value::Object(report.json)),
            Err(_) => Ok(()),
        }
    } else {
        report
            .lines
            .iter()
            .try_for_each(|(key, value)| writeln!(out, "{key:<14}{value}"))
    };
    written.map_err(|source| Error::Output {
        path: "-".into(),
        source,
    })?;
    outcome
}

#[derive(Default)]
struct Report {
    lines: Vec<(&'static str, String)>,
    json: serde_json::Map<String, Value>,
}

impl Report {
    /// A line `label  text` of the text report, and `key: json` of the JSON one.
    fn add(&mut self, label: &'static str, key: &str, text: String, json: Value) {
        self.lines.push((label, text));
        self.json.insert(key.to_string(), json);
    }
}

/// The model's files, reported with their checked checksum.
fn model_files(args: &InfoArgs, report: &mut Report) -> Result<ModelFiles<'static>> {
    let choice = model_choice(&args.model);
    let files = choice.files()?;
    let origin = match choice {
        ModelChoice::Dir(_) | ModelChoice::Accurate(_) => files.origin.display().to_string(),
        ModelChoice::Fast => "compiled in".to_string(),
    };
    let config = files.verified_config()?;
    report.add(
        "model",
        "model",
        format!("{} {} ({origin})", config.name, config.version),
        json!({"name": config.name, "version": config.version, "source": origin}),
    );
    report.add(
        "model sha256",
        "model_sha256",
        format!("{} ({}, checked)", config.onnx_sha256, config.onnx),
        json!(config.onnx_sha256),
    );
    Ok(files)
}

fn gather(args: &InfoArgs, report: &mut Report) -> Result<()> {
    let version = env!("CARGO_PKG_VERSION");
    report.add("finsent", "finsent", version.to_string(), json!(version));
    report.add(
        "compiled in",
        "compiled_in",
        format!("model {MODEL_DIR}, gazetteer {GAZETTEER_FILE}"),
        json!({"model": MODEL_DIR, "gazetteer": GAZETTEER_FILE}),
    );

    let files = model_files(args, report)?;
    let runtime = locate_runtime(&runtime_places())?;
    let env = init_runtime(&runtime.path)?;
    let loaded = runtime_version(&runtime.path)?;
    report.add(
        "ONNX Runtime",
        "onnx_runtime",
        format!(
            "{loaded} at {} (found {}; finsent is built for {ORT_VERSION})",
            runtime.path.display(),
            runtime.place
        ),
        json!({"version": loaded, "path": runtime.path, "found": runtime.place.to_string()}),
    );

    let cores = ScorerOptions::default().threads;
    let threads = args.model.threads.unwrap_or(cores).max(1);
    let intra = args.model.intra_threads.max(1);
    // One session proves that this runtime runs this model; the full set is not needed.
    let one_session = ScorerOptions {
        threads: intra,
        intra_threads: intra,
        ..ScorerOptions::default()
    };
    Scorer::load(&env, &files, &one_session)?;
    report.add(
        "model loads",
        "model_loads",
        "yes (a session was built)".into(),
        json!(true),
    );

    let choice = gazetteer_choice(&args.gazetteer);
    let tickers = choice.load()?;
    let gazetteer = match choice {
        GazetteerChoice::File(file) => file.display().to_string(),
        GazetteerChoice::Shipped => "compiled in".to_string(),
    };
    let (listings, names) = tickers.size();
    report.add(
        "gazetteer",
        "gazetteer",
        format!("{listings} listings, {names} names ({gazetteer})"),
        json!({"listings": listings, "names": names, "source": gazetteer}),
    );

    let workers = (threads / intra).max(1);
    report.add(
        "threads",
        "threads",
        format!(
            "{threads} in all (-j; {cores} cores here) = {workers} workers × {intra} ONNX \
             Runtime thread(s) (--intra-threads); under Spark give each task -j 1"
        ),
        json!({"cores": cores, "threads": threads, "workers": workers, "intra_threads": intra}),
    );
    Ok(())
}
