//! The backend seam: a backend that is not ONNX Runtime (a fake that finds one word) plugged
//! into the same `Scorer` and the same pipeline, without loading ONNX Runtime at all. It
//! gets windows unpadded, and what it returns is what the pipeline writes.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use finsent::Finsent;
use finsent::article::{Article, Origin};
use finsent::model::{
    Backend, BackendError, Encoder, EncoderSettings, LabelIndex, ModelFiles, ModelInput, Scorer,
    ScorerOptions, Window,
};
use finsent::pipeline::ScoreOptions;
use finsent::writer::OutputRecord;

/// The word the fake reads as good news; every other text is bad news.
const WORD: &str = "surge";

/// The batches a backend was given, as it was given them.
type Seen = Arc<Mutex<Vec<Vec<Window>>>>;

/// Logits that make a window positive when it holds `word`, negative otherwise, in the
/// model's label order; it keeps the batches it was given.
struct WordBackend {
    word: u32,
    labels: LabelIndex,
    classes: usize,
    seen: Seen,
}

impl Backend for WordBackend {
    fn run(&self, windows: &[&Window]) -> Result<Vec<f32>, BackendError> {
        let mut logits = vec![0.0; windows.len() * self.classes];
        for (row, window) in logits.chunks_exact_mut(self.classes).zip(windows) {
            let class = if window.ids.contains(&self.word) {
                self.labels.positive
            } else {
                self.labels.negative
            };
            row[class] = 6.0;
        }
        let batch = windows.iter().map(|w| (*w).clone()).collect();
        self.seen.lock().expect("not poisoned").push(batch);
        Ok(logits)
    }

    fn workers(&self) -> usize {
        1
    }
}

fn shipped() -> ModelFiles<'static> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(finsent::MODEL_DIR);
    ModelFiles::read(&dir).expect("model files")
}

/// A scorer over the shipped tokenizer and config, run by the fake, and what the fake sees.
fn scorer(options: &ScorerOptions) -> (Scorer, Seen) {
    let files = shipped();
    let config = files.verified_config().expect("config");
    let tokenizer = tokenizers::Tokenizer::from_bytes(&files.tokenizer).expect("tokenizer");
    let seen = Seen::default();
    let backend = WordBackend {
        word: tokenizer.token_to_id(WORD).expect("the word is one token"),
        labels: config.label_index().expect("labels"),
        classes: config.labels.len(),
        seen: seen.clone(),
    };
    let scorer = Scorer::with_backend(&files, config, Box::new(backend), options).expect("scorer");
    (scorer, seen)
}

fn article(id: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        title: None,
        body: body.into(),
        published_at: None,
        outlet: None,
        url: None,
        origin: Origin {
            path: "-".into(),
            line: None,
        },
        warnings: Vec::new(),
        kept: Vec::new(),
    }
}

/// The pipeline's output is the fake's: articles whose sentences hold the word score
/// positive, the others negative.
#[test]
fn a_backend_that_is_not_onnx_scores_through_the_same_pipeline() {
    let (scorer, seen) = scorer(&ScorerOptions::default());
    let engine = Finsent::from_parts(scorer, None, ScoreOptions::default()).expect("engine");
    let articles = [
        article(
            "good",
            "Orders surge at the plant. Shipments surge again this week.",
        ),
        article(
            "bad",
            "Orders rise at the plant. Shipments rise again this week.",
        ),
    ];
    let records: Vec<OutputRecord> = engine
        .score_articles(articles.iter().cloned().map(Ok))
        .collect();
    let scores: Vec<(String, f32)> = records
        .iter()
        .map(|record| match record {
            OutputRecord::Article(a) => (a.id.clone(), a.score.0),
            other => panic!("not an article: {other:?}"),
        })
        .collect();
    assert_eq!(scores.len(), 2, "{scores:?}");
    assert_eq!(scores[0].0, "good");
    assert!(scores[0].1 > 0.5, "the word makes it positive: {scores:?}");
    assert!(scores[1].1 < -0.5, "without it, negative: {scores:?}");
    assert!(
        !seen.lock().expect("not poisoned").is_empty(),
        "the fake ran"
    );
}

/// A batch reaches the backend as the encoder's windows, each its own length: the scorer
/// pads nothing; the backend decides.
#[test]
fn the_backend_receives_windows_unpadded() {
    let options = ScorerOptions {
        max_batch: 8,
        token_budget: 1 << 12,
        ..ScorerOptions::default()
    };
    let (scorer, seen) = scorer(&options);
    let texts = [
        "Sales surge.",
        "Sales fell in the third quarter as demand for phones slowed across Europe.",
    ];
    let inputs: Vec<ModelInput<'_>> = texts.into_iter().map(ModelInput::from).collect();
    let probs = scorer.score(&inputs).expect("scored");
    assert!(probs[0].positive > probs[0].negative, "{probs:?}");
    assert!(probs[1].negative > probs[1].positive, "{probs:?}");

    let files = shipped();
    let config = files.verified_config().expect("config");
    let prefix = config.prefix(None).expect("prefix");
    let encoder = Encoder::new(
        &files.tokenizer,
        "tokenizer.json",
        EncoderSettings {
            max_length: config.max_length,
            prefix: &prefix,
            pad_token: &config.pad_token,
            target: config.target_format.as_ref(),
        },
    )
    .expect("encoder");
    let mut expected: Vec<Window> = inputs
        .iter()
        .flat_map(|input| encoder.encode(input).expect("encoded"))
        .collect();
    let seen = seen.lock().expect("not poisoned");
    assert_eq!(seen.len(), 1, "two short texts make one batch");
    let mut got = seen[0].clone();
    let by_length = |w: &Window| w.ids.len();
    expected.sort_by_key(by_length);
    got.sort_by_key(by_length);
    assert_ne!(got[0].ids.len(), got[1].ids.len(), "lengths differ");
    assert_eq!(got, expected, "the encoder's windows, as they are");
}
