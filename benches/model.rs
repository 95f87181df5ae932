//! Throughput of the model stages on the sample corpus's sentences: tokenizing and batch
//! planning (sentences/s), and scoring with the shipped int8 model on one worker at several
//! batch sizes (sentences/s). Run: `cargo bench --bench model`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use finsent::loader::{LoadOptions, load};
use finsent::model::{
    Encoder, EncoderSettings, ModelFiles, ModelInput, Scorer, ScorerOptions, init_runtime,
    locate_runtime, plan_batches, runtime_candidates,
};
use finsent::split::split_sentences;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The titles and body sentences of the corpus, as finsent scores them.
fn corpus_sentences() -> Vec<String> {
    let mut out = Vec::new();
    for article in load(vec![root().join("corpus")], LoadOptions::default()).flatten() {
        out.extend(article.title.clone());
        out.extend(
            split_sentences(&article.body)
                .iter()
                .map(|s| s.text(&article.body).to_string()),
        );
    }
    out
}

fn bench_model(c: &mut Criterion) {
    let sentences = corpus_sentences();
    let texts: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let dir = root().join(finsent::MODEL_DIR);
    let files = ModelFiles::read(&dir).expect("model files");
    let config = files.verified_config().expect("config");
    let prefix = config.prefix(None).expect("domain");
    let settings = EncoderSettings {
        max_length: config.max_length,
        prefix: &prefix,
        pad_token: &config.pad_token,
        target: config.target_format.as_ref(),
    };
    let encoder =
        Encoder::new(&files.tokenizer, &files.tokenizer_origin(), settings).expect("tokenizer");
    let inputs: Vec<ModelInput> = texts.iter().map(|&t| ModelInput::from(t)).collect();

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("encode_and_plan", |b| {
        b.iter(|| {
            let lengths: Vec<usize> = inputs
                .iter()
                .flat_map(|t| encoder.encode(black_box(t)).expect("encode"))
                .map(|w| w.ids.len())
                .collect();
            plan_batches(&lengths, 4096, 8).len()
        })
    });
    group.finish();

    let places = runtime_candidates(
        std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from),
        None,
        None,
    );
    let runtime = locate_runtime(&places).expect("ONNX Runtime (cargo build fetches it)");
    let env = init_runtime(&runtime.path).expect("ONNX Runtime loads");
    let mut group = c.benchmark_group("score_one_worker");
    group.sample_size(10);
    group.throughput(Throughput::Elements(texts.len() as u64));
    for max_batch in [1, 8, 32, 64] {
        let options = ScorerOptions {
            threads: 1,
            max_batch,
            ..ScorerOptions::default()
        };
        let scorer = Scorer::load(&env, &files, &options).expect("model");
        group.bench_with_input(BenchmarkId::new("max_batch", max_batch), &inputs, |b, t| {
            b.iter(|| scorer.score(black_box(t)).expect("scores").len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_model);
criterion_main!(benches);
