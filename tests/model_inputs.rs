//! What the scorer puts in the model's tensors, read back through the stand-in model of
//! `tests/fixtures/probe-model` (its logits report the pad ids and token types it was
//! given), and how a target input is tokenized with the real tokenizer.

use finsent::article::Probs;
use finsent::model::{
    Encoder, EncoderSettings, ModelFiles, ModelInput, Scorer, ScorerOptions, Target, init_runtime,
    locate_runtime, runtime_candidates,
};
use std::path::{Path, PathBuf};

const SHIPPED: &str = finsent::MODEL_DIR;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn probe_model(dir: &Path) -> PathBuf {
    let model = dir.join("probe-model");
    std::fs::create_dir(&model).expect("mkdir");
    let fixture = root().join("tests/fixtures/probe-model");
    for file in ["model.onnx", "config.json"] {
        std::fs::copy(fixture.join(file), model.join(file)).expect("copy fixture");
    }
    std::fs::copy(
        root().join(SHIPPED).join("tokenizer.json"),
        model.join("tokenizer.json"),
    )
    .expect("copy tokenizer");
    model
}

fn scorer(model: &Path) -> Scorer {
    let places = runtime_candidates(
        std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from),
        None,
        None,
    );
    let runtime = locate_runtime(&places).expect("ONNX Runtime (cargo build fetches it)");
    let env = init_runtime(&runtime.path).expect("ONNX Runtime loads");
    let options = ScorerOptions {
        threads: 1,
        max_batch: 64,
        token_budget: 1 << 16,
        ..ScorerOptions::default()
    };
    let files = ModelFiles::read(model).expect("model files");
    Scorer::load(&env, &files, &options).expect("probe model loads")
}

/// The probe's second and third logits (the first is 0).
fn logits(p: &Probs) -> (f32, f32) {
    (
        (p.neutral / p.negative).ln(),
        (p.positive / p.negative).ln(),
    )
}

fn encoder(dir: &Path) -> Encoder {
    let files = ModelFiles::read(dir).expect("model files");
    let config = files.verified_config().expect("config");
    let prefix = config.prefix(None).expect("domain");
    let settings = EncoderSettings {
        max_length: config.max_length,
        prefix: &prefix,
        pad_token: &config.pad_token,
        target: config.target_format.as_ref(),
    };
    Encoder::new(&files.tokenizer, &files.tokenizer_origin(), settings).expect("tokenizer")
}

#[test]
fn padding_holds_the_pad_id_from_the_model_files_and_the_named_output_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = probe_model(dir.path());
    let encoder = encoder(&model);
    let short = "Sales rose.";
    let long = "Sales rose sharply in the quarter after a strong season.";
    let length = |t: &str| {
        encoder.encode(&ModelInput::from(t)).expect("encode")[0]
            .ids
            .len()
    };
    let padded = (length(long) - length(short)) as f32;
    assert!(padded > 3.0);
    let probs = scorer(&model)
        .score(&[ModelInput::from(short), ModelInput::from(long)])
        .expect("scores");
    // The decoy output (listed first in the graph) would give logit 5 to "negative".
    let (types_short, pads_short) = logits(&probs[0]);
    let (types_long, pads_long) = logits(&probs[1]);
    assert!(
        (pads_short - 0.1 * padded).abs() < 1e-3,
        "padded slots should hold [UNK] = 100: {pads_short} for {padded} slots"
    );
    assert!(pads_long.abs() < 1e-4, "the longest row has no padding");
    assert!(types_short.abs() < 1e-4 && types_long.abs() < 1e-4);
}

/// Sessions are lent per call, not tied to a rayon thread: more callers than sessions (four
/// threads of no rayon pool, one session) each get the scores they get alone.
#[test]
fn more_callers_than_sessions_share_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = probe_model(dir.path());
    let scorer = scorer(&model);
    assert_eq!(scorer.workers(), 1);
    let texts = [
        "Sales rose.",
        "Sales rose sharply in the quarter after a strong season.",
    ];
    let inputs: Vec<ModelInput<'_>> = texts.into_iter().map(ModelInput::from).collect();
    let alone = scorer.score(&inputs).expect("scores");
    std::thread::scope(|scope| {
        let callers: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    (0..25)
                        .map(|_| scorer.score(&inputs).expect("scores"))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for caller in callers {
            for probs in caller.join().expect("caller") {
                assert_eq!(probs, alone);
            }
        }
    });
}

#[test]
fn token_types_come_from_the_tokenizer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = probe_model(dir.path());
    let windows = encoder(&model)
        .encode(&ModelInput::from("Costs fell."))
        .expect("encode");
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0].type_ids.len(), windows[0].ids.len());
    assert!(windows[0].type_ids.iter().all(|&t| t == 0));
}

#[test]
fn a_target_input_carries_its_prefix_and_marks_in_every_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = probe_model(dir.path());
    let encoder = encoder(&model);
    let filler = "The wider market was quiet in thin holiday trading. ".repeat(6);
    let text = format!("{filler}Toyota rose while Nissan slumped on a profit warning.");
    let start = text.find("Nissan").expect("mention");
    let mentions = [(start, start + "Nissan".len())];
    let target = ModelInput::toward(
        &text,
        Target {
            name: "Nissan",
            mentions: &mentions,
        },
    );
    let plain = encoder
        .encode(&ModelInput::from(text.as_str()))
        .expect("encode");
    let toward = encoder.encode(&target).expect("encode");
    assert!(plain.len() > 1, "the text spans several windows");
    assert!(!toward.is_empty());
    // Ids of a text between [CLS] and the domain tag before it and [SEP] after it.
    let inner = |t: &str| {
        encoder.encode(&ModelInput::from(t)).expect("encode")[0]
            .ids
            .clone()
    };
    let tag = inner("").len() - 1;
    let name = inner("nissan |");
    let name_ids = &name[tag..name.len() - 1];
    let marker = inner("<<");
    let marker_ids = &marker[tag..marker.len() - 1];
    for window in &toward {
        // [CLS] news | nissan | ... : the name right after the domain tag.
        assert_eq!(&window.ids[tag..tag + name_ids.len()], name_ids);
        assert!(
            window
                .ids
                .windows(marker_ids.len())
                .any(|s| s == marker_ids),
            "every scored window holds the marked mention"
        );
        assert!(window.ids.len() <= 32);
    }
}

#[test]
fn the_same_text_toward_two_targets_is_two_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = probe_model(dir.path());
    let encoder = encoder(&model);
    let text = "Toyota rose while Nissan slumped.";
    let toward = |name| {
        encoder
            .encode(&ModelInput::toward(
                text,
                Target {
                    name,
                    mentions: &[],
                },
            ))
            .expect("encode")
    };
    assert_ne!(toward("Toyota"), toward("Nissan"));
    assert_ne!(
        toward("Toyota"),
        encoder.encode(&ModelInput::from(text)).expect("encode")
    );
}

/// Regression: the tokenizer's own overflow gave two windows, so a long text lost its end.
#[test]
fn the_windows_of_a_long_text_reach_its_last_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = probe_model(dir.path());
    let encoder = encoder(&model);
    let text = format!(
        "{}Shares closed at a record.",
        "The wider market was quiet in thin holiday trading. ".repeat(8)
    );
    let windows = encoder
        .encode(&ModelInput::from(text.as_str()))
        .expect("encode");
    let tail = encoder
        .encode(&ModelInput::from("record."))
        .expect("encode")[0]
        .ids
        .clone();
    let tail_ids = &tail[3..tail.len() - 1];
    let last = windows.last().expect("a window");
    assert!(windows.len() > 3, "{} windows", windows.len());
    assert!(
        last.ids[..last.ids.len() - 1].ends_with(tail_ids),
        "the last window ends with the text's last tokens"
    );
    assert!(windows.iter().all(|w| w.ids.len() <= 32));
}
