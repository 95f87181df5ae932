//! The ticker finder on news that nobody here wrote: a seeded sample of its detections on
//! public datasets, each judged by reading the text, and a seeded sample of the entities
//! that SEntFiN and FiQA annotators named (`tests/fixtures/tickers_real/`, drawn by
//! `scripts/ticker_judged_sample.py`).
//!
//! Texts of the MIT-licensed sources (SEntFiN, Twitter Financial News) are committed; FiQA
//! and Financial PhraseBank texts are read from `../shared/data` when it is there, and their
//! rows are skipped otherwise.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use finsent::split::split_sentences;
use finsent::tickers::{Gazetteer, MentionForm, Tickers};
use serde::Deserialize;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/tickers_real").join(name)
}

/// Dataset folder and split file of a text id's source (`fiqa:train:12`).
fn shared_file(id: &str) -> Option<PathBuf> {
    let mut parts = id.split(':');
    let folder = match parts.next()? {
        "tfns" => "twitter_financial_news_sentiment",
        "sentfin" => "sentfin",
        "fiqa" => "fiqa_2018_task1",
        "fpb" => "financial_phrasebank",
        _ => return None,
    };
    Some(
        root()
            .join("../shared/data")
            .join(folder)
            .join(format!("{}.jsonl", parts.next()?)),
    )
}

#[derive(Deserialize)]
struct Text {
    id: String,
    text: String,
}

#[derive(Deserialize)]
struct Line {
    text: String,
}

/// id -> text: the committed ones, and those of `ids` found in ../shared/data.
fn texts(ids: &BTreeSet<&str>) -> HashMap<String, String> {
    let committed = std::fs::read_to_string(fixture("texts.jsonl")).expect("texts.jsonl");
    let mut out: HashMap<String, String> = committed
        .lines()
        .map(|l| serde_json::from_str::<Text>(l).expect("text"))
        .map(|t| (t.id, t.text))
        .collect();
    let mut files: HashMap<PathBuf, Vec<String>> = HashMap::new();
    let missing: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| !out.contains_key(*id))
        .collect();
    for id in missing {
        let Some(path) = shared_file(id).filter(|p| p.exists()) else {
            continue;
        };
        let lines = files.entry(path.clone()).or_insert_with(|| {
            std::fs::read_to_string(&path)
                .expect("shared data")
                .lines()
                .map(str::to_string)
                .collect()
        });
        let n: usize = id
            .rsplit(':')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("line");
        let line: Line = serde_json::from_str(&lines[n - 1]).expect("shared line");
        out.insert(id.to_string(), line.text);
    }
    out
}

fn tsv(path: &Path) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| ((*h).to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn is_mit(id: &str) -> bool {
    id.starts_with("tfns:") || id.starts_with("sentfin:")
}

/// Wilson 95 % interval of `k` successes in `n`.
fn interval(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n, z) = (k as f64, n as f64, 1.96_f64);
    let p = k / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / (1.0 + z * z / n);
    (centre - half, centre + half)
}

#[derive(Default)]
struct Tally {
    right: usize,
    wrong: usize,
    unjudged: usize,
    in_context_right: usize,
    in_context_wrong: usize,
    listed: usize,
    found: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        self.right as f64 / (self.right + self.wrong + self.unjudged).max(1) as f64
    }
    fn in_context_precision(&self) -> f64 {
        self.in_context_right as f64 / (self.in_context_right + self.in_context_wrong).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.listed.max(1) as f64
    }
    fn print(&self, scope: &str) {
        let n = self.right + self.wrong + self.unjudged;
        let (pl, ph) = interval(self.right, n);
        let m = self.in_context_right + self.in_context_wrong;
        let (cl, ch) = interval(self.in_context_right, m);
        let (rl, rh) = interval(self.found, self.listed);
        println!(
            "{scope}: precision {:.3} ({} of {n}, 95 % {pl:.3}-{ph:.3}); name-in-context \
             precision {:.3} ({} of {m}, {cl:.3}-{ch:.3}); recall {:.3} ({} of {} listed, \
             {rl:.3}-{rh:.3})",
            self.precision(),
            self.right,
            self.in_context_precision(),
            self.in_context_right,
            self.recall(),
            self.found,
            self.listed,
        );
    }
}

/// (all texts available, MIT texts only).
fn evaluate() -> (Tally, Tally) {
    let detections = tsv(&fixture("detections.tsv"));
    let entities = tsv(&fixture("recall.tsv"));
    let ids: BTreeSet<&str> = detections
        .iter()
        .chain(&entities)
        .map(|r| r["text_id"].as_str())
        .collect();
    let texts = texts(&ids);
    let t = Tickers::load(&root().join("models/gazetteer/gazetteer.jsonl"))
        .expect("shipped gazetteer loads");
    // (text id, char start, char end, symbol) -> judged right.
    let judged: HashMap<(String, usize, usize, String), (bool, String)> = detections
        .iter()
        .map(|r| {
            let verdict = match r["verdict"].as_str() {
                "right" => true,
                "wrong" => false,
                other => panic!("verdict {other:?} in {r:?}"),
            };
            let key = (
                r["text_id"].clone(),
                r["start"].parse().expect("start"),
                r["end"].parse().expect("end"),
                r["symbol"].clone(),
            );
            (key, (verdict, r["why"].clone()))
        })
        .collect();
    let sampled: BTreeSet<&str> = detections.iter().map(|r| r["text_id"].as_str()).collect();
    // [all sources present, MIT sources only]; a text counts in the second when it is MIT's.
    let mut tallies = [Tally::default(), Tally::default()];
    let scopes = |id: &str| if is_mit(id) { 0..2 } else { 0..1 };
    let mut notes = Vec::new();
    let mut symbols_of: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for id in &ids {
        let Some(text) = texts.get(*id) else {
            continue;
        };
        let mentions = t.find(text, &split_sentences(text));
        symbols_of.insert(
            id,
            mentions.iter().map(|m| t.listing(&m.key).symbol).collect(),
        );
        if !sampled.contains(id) {
            continue;
        }
        for m in &mentions {
            let symbol = t.listing(&m.key).symbol;
            let start = text[..m.start].chars().count();
            let end = start + text[m.start..m.end].chars().count();
            let key = ((*id).to_string(), start, end, symbol.clone());
            let in_context = m.form == MentionForm::NameInContext;
            for k in scopes(id) {
                let tally = &mut tallies[k];
                match judged.get(&key) {
                    Some((true, _)) => {
                        tally.right += 1;
                        tally.in_context_right += usize::from(in_context);
                    }
                    Some((false, _)) => {
                        tally.wrong += 1;
                        tally.in_context_wrong += usize::from(in_context);
                    }
                    None => tally.unjudged += 1,
                }
            }
            match judged.get(&key) {
                Some((false, why)) => notes.push(format!(
                    "  wrong: {id} {:?} -> {symbol}: {why}",
                    &text[m.start..m.end]
                )),
                None => notes.push(format!(
                    "  unjudged (counted wrong): {id} {:?} -> {symbol}",
                    &text[m.start..m.end]
                )),
                Some((true, _)) => {}
            }
        }
    }
    for r in entities.iter().filter(|r| r["verdict"] == "listed") {
        let id = r["text_id"].as_str();
        let Some(found) = symbols_of.get(id) else {
            continue;
        };
        let hit = found.contains(&r["symbol"]);
        for k in scopes(id) {
            let tally = &mut tallies[k];
            tally.listed += 1;
            tally.found += usize::from(hit);
        }
        if !hit {
            notes.push(format!(
                "  missed: {id} {:?} ({}), found {found:?}",
                r["entity"], r["symbol"]
            ));
        }
    }
    for n in &notes {
        println!("{n}");
    }
    let [all, mit] = tallies;
    (all, mit)
}

/// Floors: precision and name-in-context precision at the targets (0.97, 0.90);
/// recall below its 0.92 target, at what the gazetteer reaches today (docs/tickers.md): most misses
/// are Indian small and mid caps that SEntFiN names and the gazetteer does not list.
#[test]
fn real_text_precision_and_recall_hold_their_floors() {
    let (all, mit) = evaluate();
    all.print("all sources present");
    mit.print("MIT sources (committed texts)");
    let shared_present = all.right + all.wrong > mit.right + mit.wrong;
    let mut scopes = vec![("MIT", &mit, 0.60)];
    if shared_present {
        scopes.push(("all", &all, 0.80));
    }
    for (scope, tally, recall_floor) in scopes {
        assert!(
            tally.right + tally.wrong >= 150,
            "{scope}: judged sample too small"
        );
        assert!(
            tally.precision() >= 0.97,
            "{scope}: precision {:.3}",
            tally.precision()
        );
        assert!(
            tally.in_context_precision() >= 0.90,
            "{scope}: name-in-context precision {:.3}",
            tally.in_context_precision()
        );
        assert!(
            tally.recall() >= recall_floor,
            "{scope}: recall {:.3}",
            tally.recall()
        );
    }
}

/// The rows of a JSON Lines fixture, and the texts of the rows that carry none (`unread`
/// gives their id), read from ../shared/data where it is.
fn rows_and_texts<T: serde::de::DeserializeOwned>(
    name: &str,
    unread: impl Fn(&T) -> Option<&str>,
) -> (Vec<T>, HashMap<String, String>) {
    let rows: Vec<T> = std::fs::read_to_string(fixture(name))
        .expect("fixture")
        .lines()
        .map(|l| serde_json::from_str(l).expect("fixture row"))
        .collect();
    let ids: BTreeSet<&str> = rows.iter().filter_map(&unread).collect();
    let texts = texts(&ids);
    (rows, texts)
}

#[derive(Deserialize)]
struct RecallHeadline {
    id: String,
    half: String,
    text: Option<String>,
    companies: Vec<RecallCompany>,
}

#[derive(Deserialize)]
struct RecallCompany {
    found: String,
    code: String,
    exchange: String,
    form: String,
}

/// Found and named counts of one slice of the recall set.
#[derive(Default)]
struct Share {
    found: usize,
    named: usize,
}

impl Share {
    fn add(&mut self, hit: bool) {
        self.named += 1;
        self.found += usize::from(hit);
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.named.max(1) as f64
    }
    fn line(&self) -> String {
        let (lo, hi) = interval(self.found, self.named);
        format!(
            "{:.3} ({} of {}, 95 % {lo:.3}-{hi:.3})",
            self.recall(),
            self.found,
            self.named
        )
    }
}

/// Recall by half, form and exchange on the rule-made set of `scripts/build_recall_set.py`
/// (headlines of SEntFiN, FiQA and Twitter Financial News with the companies their
/// annotators or cashtags name). Misses are printed for the tuning half only: the untouched
/// half is read by its totals.
fn recall_by_rule() -> BTreeMap<String, Share> {
    let (set, shared_texts) = rows_and_texts::<RecallHeadline>("recall_set.jsonl", |h| {
        h.text.is_none().then_some(h.id.as_str())
    });
    let path = root().join("models/gazetteer/gazetteer.jsonl");
    let t = Tickers::load(&path).expect("shipped gazetteer loads");
    let text = std::fs::read_to_string(&path).expect("shipped gazetteer reads");
    let gazetteer = Gazetteer::parse(&text).expect("shipped gazetteer parses");
    let mut shares: BTreeMap<String, Share> = BTreeMap::new();
    for h in &set {
        let Some(text) = h.text.as_ref().or_else(|| shared_texts.get(&h.id)) else {
            continue;
        };
        let found: BTreeSet<String> = t
            .find(text, &split_sentences(text))
            .iter()
            .map(|m| t.listing(&m.key).symbol)
            .collect();
        for c in &h.companies {
            let (exchange, code) = c.code.split_once(':').expect("EXCHANGE:CODE");
            let symbol = gazetteer
                .by_code(Some(exchange), code)
                .map(|id| gazetteer.listings[id].symbol.clone());
            let hit = symbol.as_ref().is_some_and(|s| found.contains(s));
            let exchange = match c.exchange.as_str() {
                e @ ("NSE" | "NYSE" | "NASDAQ" | "LSE") => e,
                _ => "other",
            };
            for key in [
                "all".to_string(),
                format!("form {}", c.form),
                format!("exchange {exchange}"),
            ] {
                shares
                    .entry(format!("{} {key}", h.half))
                    .or_default()
                    .add(hit);
            }
            if !hit && h.half == "tune" {
                println!(
                    "  missed: {} {:?} ({}, {}) in {text:?}, found {found:?}",
                    h.id, c.found, c.code, c.form
                );
            }
        }
    }
    for (key, share) in &shares {
        println!("{key}: recall {}", share.line());
    }
    shares
}

/// The untouched half is at least as well found as the floor; the tuning half too.
#[test]
fn rule_made_recall_set_holds_its_floor() {
    let shares = recall_by_rule();
    for half in ["tune", "untouched"] {
        let all = &shares[&format!("{half} all")];
        assert!(all.named >= 1500, "{half}: only {} companies", all.named);
        assert!(
            all.recall() >= RECALL_FLOOR,
            "{half}: recall {}",
            all.line()
        );
    }
}

/// Recall of the rule-made set's halves (`cargo test --test tickers_real -- --nocapture`).
const RECALL_FLOOR: f64 = 0.88;

#[derive(Deserialize)]
struct NewDetection {
    text_id: String,
    text: Option<String>,
    start: usize,
    end: usize,
    symbol: String,
    verdict: String,
}

/// Precision on a judged sample of the detections that the rules of issue 21 added
/// (`scripts/ticker_new_detections.py`: new against the commit before them, drawn at
/// random from real text, each judged by reading it). A row the finder no longer makes is
/// left out; the sample must keep at least 300 rows when every source is present.
#[test]
fn new_detections_on_real_text_are_precise() {
    let (rows, shared_texts) = rows_and_texts::<NewDetection>("new_detections.jsonl", |r| {
        r.text.is_none().then_some(r.text_id.as_str())
    });
    let t = Tickers::load(&root().join("models/gazetteer/gazetteer.jsonl"))
        .expect("shipped gazetteer loads");
    let (mut right, mut wrong, mut read) = (0, 0, 0);
    for r in &rows {
        let Some(text) = r.text.as_ref().or_else(|| shared_texts.get(&r.text_id)) else {
            continue;
        };
        read += 1;
        let still_found = t.find(text, &split_sentences(text)).iter().any(|m| {
            let start = text[..m.start].chars().count();
            let end = start + text[m.start..m.end].chars().count();
            (start, end) == (r.start, r.end) && t.listing(&m.key).symbol == r.symbol
        });
        match (still_found, r.verdict.as_str()) {
            (false, _) => {}
            (true, "right") => right += 1,
            (true, "wrong") => wrong += 1,
            (true, other) => panic!("{}: verdict {other:?}", r.text_id),
        }
    }
    let n = right + wrong;
    let (lo, hi) = interval(right, n);
    let precision = right as f64 / n.max(1) as f64;
    println!(
        "new detections: precision {precision:.3} ({right} of {n}, 95 % {lo:.3}-{hi:.3}); \
         {read} of {} rows readable",
        rows.len()
    );
    let floor = if read == rows.len() { 300 } else { 150 };
    assert!(n >= floor, "only {n} judged detections are still made");
    assert!(precision >= 0.97, "precision {precision:.3}");
}
