//! Throughput of the text stages on the sample corpus: sentence splitting and ticker
//! matching (MB/s), and the one-off cost of loading the gazetteer; and the pathological
//! shapes of issue 25 (one sentence of thousands of mentions, a gazetteer of long names),
//! at two sizes each so that their growth can be read off.
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

/// One sentence naming companies over and over (`'Apple Inc. ' * n`, and four companies in
/// turn): the matcher's cost per byte must stay flat as `n` grows.
fn bench_pathological(c: &mut Criterion) {
    let tickers = Tickers::load(&root().join(finsent::GAZETTEER_FILE)).expect("gazetteer");
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (shape, unit) in [
        ("one_name", "Apple Inc. "),
        (
            "four_names",
            "Toyota Motor Corp. Sony Group Apple Inc. Nvidia ",
        ),
    ] {
        for n in [2_500, 10_000] {
            let text = unit.repeat(n);
            let spans = split_sentences(&text);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{shape}_x{n}"), |b| {
                b.iter(|| tickers.find(black_box(&text), &spans).len())
            });
        }
    }
    for rows in [1_000, 4_000] {
        let gazetteer = long_name_gazetteer(rows);
        group.throughput(Throughput::Bytes(gazetteer.len() as u64));
        group.bench_function(format!("load_long_names_x{rows}"), |b| {
            b.iter(|| Tickers::parse(black_box(&gazetteer), "bench").expect("gazetteer"))
        });
    }
    group.finish();
}

/// `rows` listings, each with a name as long as the gazetteer allows.
fn long_name_gazetteer(rows: usize) -> String {
    let limit = finsent::tickers::MAX_NAME_BYTES;
    (0..rows)
        .map(|i| {
            let name: String = format!("Company{i} ").repeat(limit)[..limit - 1].to_string();
            format!(
                r#"{{"symbol":"S{i}","exchange":"NYSE","name":"C{i}","aliases":["{}"],"ambiguous":[],"codes":["NYSE:S{i}"]}}"#,
                name.trim_end()
            ) + "\n"
        })
        .collect()
}

criterion_group!(benches, bench_text, bench_pathological);
criterion_main!(benches);
