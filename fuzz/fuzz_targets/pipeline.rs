//! `finsent score` end to end on any bytes: every input format, the limits at 0, 1, near
//! the input's size and huge, then the splitter, the ticker matcher with the shipped
//! gazetteer, the shipped model, the aggregator and the writer. The first bytes choose the
//! format and the limits; the rest is the input, repeated to make bodies near the limits
//! when the control byte asks. Checked: nothing panics (a panic the pipeline catches is an
//! `internal` error record, also a failure here), every input record yields exactly one
//! output record, in order, the counts reconcile, and a cut body stays within its limit.
#![no_main]

#[path = "../../tests/common/shipped.rs"]
mod shipped;

use std::io::Cursor;

use finsent::article::{ErrorKind, Record};
use finsent::limits::Limits;
use finsent::loader::{InputFormat, LoadOptions, read_format};
use finsent::pipeline::ScoreOptions;
use finsent::stream::Destination;
use finsent::writer::OutputRecord;
use libfuzzer_sys::fuzz_target;
use shipped::{ENGINE, Written};

const FORMATS: [InputFormat; 5] = [
    InputFormat::Jsonl,
    InputFormat::Csv,
    InputFormat::Html,
    InputFormat::Text,
    InputFormat::Md,
];

/// A limit chosen by `choice` around `size`: 0, 1, just under, at, just over, or huge.
fn limit(choice: u8, size: usize) -> usize {
    match choice % 6 {
        0 => 0,
        1 => 1,
        2 => size.saturating_sub(1 + usize::from(choice / 6 % 4)),
        3 => size,
        4 => size + 1 + usize::from(choice / 6 % 4),
        _ => usize::MAX,
    }
}

fuzz_target!(|data: &[u8]| {
    let [format, article, sentences, record, repeat, rest @ ..] = data else {
        return;
    };
    let format = FORMATS[usize::from(*format) % FORMATS.len()];
    let input: Vec<u8> = rest.repeat(usize::from(*repeat % 8) + 1);
    let size = input.len();
    let load = LoadOptions {
        format: Some(format),
        max_record_bytes: limit(*record, size) as u64,
        ..LoadOptions::default()
    };
    let options = ScoreOptions {
        chunk_articles: 3,
        limits: Limits {
            max_article_bytes: limit(*article, size),
            max_sentences: limit(*sentences, size / 16),
        },
        ..ScoreOptions::default()
    };
    let records = || {
        let reader = Box::new(Cursor::new(input.clone()));
        read_format(format, reader, "fuzz".into(), &load)
    };
    let expected: Vec<Record> = records().collect();
    let mut out = Written::default();
    let stats = ENGINE.score_stream_with(
        &options,
        records,
        Destination {
            writer: &mut out,
            name: "fuzz",
        },
        None,
        &mut |_| {},
    )
    .expect("no run-level error on any input");
    assert_eq!(out.0.len(), expected.len(), "one output record per input record");
    assert_eq!(stats.read, stats.scored + stats.failed + stats.skipped);
    assert_eq!(stats.read as usize, expected.len());
    for (record, input) in out.0.iter().zip(&expected) {
        match (record, input) {
            (OutputRecord::Article(a), Ok(article)) => {
                assert_eq!(a.id, article.id, "in order");
                assert!((-1.0..=1.0).contains(&a.score.0), "{}", a.score.0);
                let most = options.limits.max_sentences.saturating_add(1);
                assert!(a.sentences.total <= most, "{} units", a.sentences.total);
                let cut = options.limits.max_article_bytes;
                if let Some(title) = &a.title {
                    assert!(title.len() <= cut, "title of {} bytes over {cut}", title.len());
                }
            }
            (OutputRecord::Error(e), Ok(article)) => {
                assert_eq!(e.id, article.id, "in order");
                assert_ne!(e.error.kind, ErrorKind::Internal, "{}", e.error.message);
            }
            (OutputRecord::Error(e), Err(error)) => {
                assert_eq!((&e.id, e.error.kind), (&error.id, error.kind), "in order");
            }
            (OutputRecord::Article(a), Err(error)) => {
                panic!("{} scored although the loader failed it: {}", a.id, error.message)
            }
        }
    }
});
