//! Engines as a program holds them: several in one process (another domain, another
//! model) on the one ONNX Runtime a process may have, and `Finsent::score_articles` (the
//! path of Python's `finsent.score`) isolating a record that panics as the command does.
//! Each test is named after the case `docs/reliability.md` lists.

use std::path::PathBuf;
use std::sync::Once;

use finsent::article::{Article, ErrorKind, Origin};
use finsent::model::{ModelInput, locate_runtime, runtime_candidates};
use finsent::writer::OutputRecord;
use finsent::{Finsent, ScoreConfig};

/// The id of the record the fault hook makes panic.
const PANICKING_ID: &str = "engines-test-panics";

/// The runtime `cargo build` fetched (or `ORT_DYLIB_PATH`). Sets the fault hook first,
/// before any thread of this binary reads the environment.
fn runtime() -> PathBuf {
    static HOOK: Once = Once::new();
    // SAFETY: every test calls this first, and `Once` runs it before any of them reads
    // the environment or starts threads of its own.
    HOOK.call_once(|| unsafe { std::env::set_var("FINSENT_TEST_PANIC_ID", PANICKING_ID) });
    let places = runtime_candidates(
        std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from),
        None,
        None,
    );
    locate_runtime(&places)
        .expect("ONNX Runtime (cargo build fetches it)")
        .path
}

fn engine(runtime: PathBuf, domain: Option<&str>) -> finsent::Result<Finsent> {
    let mut config = ScoreConfig::new(runtime);
    config.scorer.threads = 1;
    config.scorer.domain = domain.map(str::to_string);
    Finsent::new(config)
}

/// Issue 33 #1: a second engine in one process (Python's `classify(..., domain="tweet")`
/// after a first call) failed with "only one environment is allowed per process". Every
/// engine now builds its sessions in the process's one environment; a second library
/// beside the first is refused with a message that says why.
#[test]
fn two_engines_in_one_process_share_one_runtime() {
    let runtime = runtime();
    let text = [ModelInput {
        text: "Sony raises its full-year outlook",
        target: None,
    }];
    for domain in [None, Some("headline"), Some("tweet")] {
        let engine = engine(runtime.clone(), domain)
            .unwrap_or_else(|e| panic!("engine for {domain:?}: {e}"));
        let probs = engine.classify(&text).remove(0).expect("scored");
        let total = probs.negative + probs.neutral + probs.positive;
        assert!((total - 1.0).abs() < 1e-4, "{probs:?}");
    }
    let other = tempfile::tempdir().expect("tempdir");
    let copy = other.path().join(runtime.file_name().expect("a file"));
    std::fs::copy(&runtime, &copy).expect("copy the library");
    let refused = engine(copy, None)
        .err()
        .expect("a second library is refused");
    assert!(
        refused.to_string().contains("loaded in this process"),
        "{refused}"
    );
}

fn article(id: &str, body: &str) -> Article {
    Article {
        id: id.to_string(),
        title: None,
        body: body.to_string(),
        published_at: None,
        outlet: None,
        url: None,
        origin: Origin {
            path: "<test>".into(),
            line: None,
        },
        warnings: Vec::new(),
        kept: Vec::new(),
    }
}

/// Issue 30 #1: `score_articles` (Python's `finsent.score`) had no per-record isolation, so
/// one record that panicked ended the whole call. It becomes one `internal` error record;
/// the records beside it come out as they do without the fault.
#[test]
fn a_record_that_panics_fails_alone_in_score_articles() {
    let engine = engine(runtime(), None).expect("engine");
    let bodies = [
        ("a", "Toyota raised its forecast."),
        (PANICKING_ID, "Sony cut its outlook."),
        ("c", "Boeing halted deliveries."),
    ];
    let records = || bodies.iter().map(|(id, body)| Ok(article(id, body)));
    let out: Vec<OutputRecord> = engine.score_articles(records()).collect();
    assert_eq!(out.len(), 3);
    let OutputRecord::Error(failed) = &out[1] else {
        panic!("the panicking record is an error record: {:?}", out[1]);
    };
    assert_eq!(failed.error.kind, ErrorKind::Internal);
    assert!(failed.error.message.contains("test fault"), "{failed:?}");
    let alone: Vec<OutputRecord> = engine
        .score_articles(records().filter(|r| r.as_ref().is_ok_and(|a| a.id != PANICKING_ID)))
        .collect();
    let json = |r: &OutputRecord| serde_json::to_string(r).expect("json");
    assert_eq!(json(&out[0]), json(&alone[0]));
    assert_eq!(json(&out[2]), json(&alone[1]));
}
