//! The ticker finder against the labelled cases in tests/fixtures/ticker_cases.jsonl, and
//! every company of the sample corpus against tests/fixtures/corpus_expected.tsv.

use std::collections::BTreeSet;
use std::path::PathBuf;

use finsent::loader::{LoadOptions, load};
use finsent::split::{Span, split_sentences};
use finsent::tickers::Tickers;
use serde::Deserialize;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tickers() -> Tickers {
    Tickers::load(&root().join("models/gazetteer/gazetteer.jsonl"))
        .expect("shipped gazetteer loads")
}

fn symbols(t: &Tickers, text: &str) -> BTreeSet<String> {
    t.find(text, &split_sentences(text))
        .iter()
        .map(|m| t.listing(&m.key).symbol)
        .collect()
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    tickers: BTreeSet<String>,
}

#[test]
fn labelled_cases_reach_the_precision_and_recall_bar() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/ticker_cases.jsonl")).expect("fixture");
    let cases: Vec<Case> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("case"))
        .collect();
    assert!(cases.len() >= 150);
    let t = tickers();
    let (mut true_pos, mut false_pos, mut false_neg) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for case in &cases {
        let found = symbols(&t, &case.text);
        let tp = found.intersection(&case.tickers).count();
        let fp: Vec<_> = found.difference(&case.tickers).collect();
        let fn_: Vec<_> = case.tickers.difference(&found).collect();
        true_pos += tp;
        false_pos += fp.len();
        false_neg += fn_.len();
        if !fp.is_empty() || !fn_.is_empty() {
            misses.push(format!(
                "{}: extra {fp:?} missing {fn_:?}\n    {}",
                case.name, case.text
            ));
        }
    }
    let precision = true_pos as f64 / (true_pos + false_pos).max(1) as f64;
    let recall = true_pos as f64 / (true_pos + false_neg).max(1) as f64;
    println!(
        "ticker cases: {} texts, {true_pos} true, {false_pos} false positives, {false_neg} missed: \
         precision {precision:.3}, recall {recall:.3}",
        cases.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(
        precision >= 0.97 && recall >= 0.92,
        "precision {precision:.3}, recall {recall:.3}"
    );
}

#[test]
fn every_company_in_the_corpus_gets_its_listing() {
    let expected = std::fs::read_to_string(root().join("tests/fixtures/corpus_expected.tsv"))
        .expect("fixture");
    let t = tickers();
    let articles: Vec<_> = load(vec![root().join("corpus")], LoadOptions::default())
        .map(|r| r.expect("corpus articles load"))
        .collect();
    let mut wrong = Vec::new();
    for line in expected.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let want: BTreeSet<String> = cols[2]
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let article = articles
            .iter()
            .find(|a| {
                a.id == cols[0]
                    || a.id.ends_with(&format!("/{}", cols[0]))
                    || a.id == root().join(cols[0]).display().to_string()
            })
            .unwrap_or_else(|| panic!("{} not loaded", cols[0]));
        let title = article.title.as_deref().unwrap_or("");
        let mut found = symbols(&t, &article.body);
        found.extend(
            t.find(
                title,
                &[Span {
                    start: 0,
                    end: title.len(),
                }],
            )
            .iter()
            .map(|m| t.listing(&m.key).symbol),
        );
        let missing: Vec<_> = want.difference(&found).collect();
        if !missing.is_empty() {
            wrong.push(format!("{}: missing {missing:?}, found {found:?}", cols[0]));
        }
    }
    assert!(
        wrong.is_empty(),
        "corpus companies not found:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn gazetteer_loads_quickly() {
    // Not a benchmark: a guard against an accidental quadratic build. Measured in the README.
    let start = std::time::Instant::now();
    let _ = tickers();
    assert!(start.elapsed().as_secs_f64() < 5.0);
}
