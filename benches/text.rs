//! Throughput of the text stages on the sample corpus: sentence splitting and ticker
//! matching (MB/s), and the one-off cost of loading the gazetteer.
//! Run: `cargo bench --bench text`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use finsent::loader::{LoadOptions, load};
use finsent::split::split_sentences;
use finsent::tickers::Tickers;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_bodies() -> Vec<String> {
    load(vec![root().join("corpus")], LoadOptions::default())
        .filter_map(Result::ok)
        .map(|a| a.body)
        .collect()
}

fn bench_text(c: &mut Criterion) {
    let bodies = corpus_bodies();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let gazetteer = root().join(finsent::GAZETTEER_FILE);
    let tickers = Tickers::load(&gazetteer).expect("gazetteer");
    let spans: Vec<_> = bodies.iter().map(|b| split_sentences(b)).collect();

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("split_sentences", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|t| split_sentences(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("find_tickers", |b| {
        b.iter(|| {
            bodies
                .iter()
                .zip(&spans)
                .map(|(t, s)| tickers.find(black_box(t), s).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let mut load_group = c.benchmark_group("startup");
    load_group.sample_size(10);
    load_group.bench_function("load_gazetteer", |b| {
        b.iter(|| Tickers::load(black_box(&gazetteer)).expect("gazetteer"))
    });
    load_group.finish();
}

criterion_group!(benches, bench_text);
criterion_main!(benches);
