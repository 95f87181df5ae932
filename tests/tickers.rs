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
    Tickers::load(&root().join(finsent::GAZETTEER_FILE)).expect("shipped gazetteer loads")
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

/// (precision, recall, cases) over the (text, ticker) pairs of a fixture; prints every miss.
fn evaluate(fixture: &str) -> (f64, f64, usize) {
    let text = std::fs::read_to_string(root().join(fixture)).expect("fixture");
    let cases: Vec<Case> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("case"))
        .collect();
    let t = tickers();
    let (mut true_pos, mut false_pos, mut false_neg) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for case in &cases {
        let found = symbols(&t, &case.text);
        let extra: Vec<_> = found.difference(&case.tickers).collect();
        let missing: Vec<_> = case.tickers.difference(&found).collect();
        true_pos += found.intersection(&case.tickers).count();
        false_pos += extra.len();
        false_neg += missing.len();
        if !extra.is_empty() || !missing.is_empty() {
            misses.push(format!(
                "{}: extra {extra:?} missing {missing:?}\n    {}",
                case.name, case.text
            ));
        }
    }
    let precision = true_pos as f64 / (true_pos + false_pos).max(1) as f64;
    let recall = true_pos as f64 / (true_pos + false_neg).max(1) as f64;
    println!(
        "{fixture}: {} texts, {true_pos} true, {false_pos} false positives, {false_neg} missed: \
         precision {precision:.3}, recall {recall:.3}",
        cases.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    (precision, recall, cases.len())
}

#[test]
fn labelled_cases_reach_the_precision_and_recall_bar() {
    let (precision, recall, n) = evaluate("tests/fixtures/ticker_cases.jsonl");
    assert!(n >= 150);
    assert!(
        precision >= 0.97 && recall >= 0.92,
        "precision {precision:.3}, recall {recall:.3}"
    );
}

/// A second set, written apart from the first and never used to tune the rules: it
/// measures how they generalise (figures in the README).
#[test]
fn held_out_cases_stay_close_to_the_bar() {
    let (precision, recall, n) = evaluate("tests/fixtures/ticker_cases_holdout.jsonl");
    assert!(n >= 100);
    assert!(
        precision >= 0.9 && recall >= 0.9,
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
