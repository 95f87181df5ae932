//! `score` end to end, in process, with the shipped model and gazetteer: bodies and titles
//! of 1- to 4-byte characters whose length lies near `--max-article-bytes`, in JSONL, CSV
//! and text, with every limit at 0, 1, near the text's size and huge. Every input record
//! yields exactly one output record, in order; nothing panics (a caught panic would be an
//! `internal` error record, a failure here); a text over a limit is cut and says so.

#[path = "common/shipped.rs"]
mod shipped;

use std::io::Cursor;

use finsent::article::{ErrorKind, Record};
use finsent::limits::Limits;
use finsent::loader::{InputFormat, LoadOptions, read_format};
use finsent::pipeline::ScoreOptions;
use finsent::stream::Destination;
use finsent::writer::OutputRecord;
use proptest::prelude::*;
use shipped::{ENGINE, Written};

/// Text of words in 1-, 2-, 3- and 4-byte characters, with spaces, full stops and a
/// company name, about `bytes` long.
fn text(bytes: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Toyota".to_string()),
        "[a-z]{1,6}",
        "[¥é]{1,6}",
        "[€日]{1,6}",
        "[𝄞😀]{1,4}",
        Just(" ".to_string()),
        Just(". ".to_string()),
        Just("। ".to_string()),
    ];
    proptest::collection::vec(piece, 1..64).prop_map(move |pieces| {
        let mut text = String::new();
        for piece in pieces.iter().cycle() {
            if text.len() >= bytes {
                break;
            }
            text.push_str(piece);
        }
        text
    })
}

/// A limit near `size`: 0, 1, a few bytes under, at or over it, or huge.
fn limit(size: usize) -> impl Strategy<Value = usize> {
    prop_oneof![
        Just(0),
        Just(1),
        (0usize..8).prop_map(move |d| size.saturating_sub(d)),
        (0usize..8).prop_map(move |d| size + d),
        Just(usize::MAX),
    ]
}

/// The input bytes of `articles` (title, body) in `format`: one line or row each, or one
/// text file of the first.
fn input(format: InputFormat, articles: &[(String, String)]) -> Vec<u8> {
    match format {
        InputFormat::Jsonl => articles
            .iter()
            .enumerate()
            .map(|(i, (title, body))| {
                serde_json::json!({"id": format!("p{i}"), "title": title, "body": body}).to_string()
                    + "\n"
            })
            .collect::<String>()
            .into_bytes(),
        InputFormat::Csv => {
            let mut csv = ::csv::Writer::from_writer(Vec::new());
            csv.write_record(["id", "title", "body"]).expect("header");
            for (i, (title, body)) in articles.iter().enumerate() {
                csv.write_record([format!("p{i}").as_str(), title.as_str(), body.as_str()])
                    .expect("row");
            }
            csv.into_inner().expect("csv bytes")
        }
        _ => format!("{}\n{}", articles[0].0, articles[0].1).into_bytes(),
    }
}

fn case() -> impl Strategy<Value = (InputFormat, Vec<(String, String)>, Limits, u64)> {
    (200usize..3000).prop_flat_map(|size| {
        (
            prop_oneof![
                Just(InputFormat::Jsonl),
                Just(InputFormat::Csv),
                Just(InputFormat::Text)
            ],
            proptest::collection::vec((text(size / 8), text(size)), 1..4),
            limit(size),
            limit(size / 40),
            limit(size * 2).prop_map(|l| l as u64),
        )
            .prop_map(|(format, articles, article, sentences, record)| {
                let limits = Limits {
                    max_article_bytes: article,
                    max_sentences: sentences,
                };
                (format, articles, limits, record)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn score_yields_one_record_per_input_record_at_every_limit(
        (format, articles, limits, max_record_bytes) in case()
    ) {
        let bytes = input(format, &articles);
        let load = LoadOptions { max_record_bytes, ..LoadOptions::default() };
        let records = || {
            read_format(format, Box::new(Cursor::new(bytes.clone())), "p".into(), &load)
        };
        let expected: Vec<Record> = records().collect();
        let options = ScoreOptions { chunk_articles: 2, limits, ..ScoreOptions::default() };
        let mut written = Written::default();
        let stats = ENGINE.score_stream_with(
            &options,
            records,
            Destination { writer: &mut written, name: "p" },
            None,
            &mut |_| {},
        )
        .expect("no run-level error");
        prop_assert_eq!(written.0.len(), expected.len());
        prop_assert_eq!(stats.read, stats.scored + stats.failed);
        for (out, input) in written.0.iter().zip(&expected) {
            match (out, input) {
                (OutputRecord::Article(a), Ok(article)) => {
                    prop_assert_eq!(&a.id, &article.id);
                    let cut_title = article.title.as_ref().is_some_and(|t| t.len() > limits.max_article_bytes);
                    let cut_body = article.body.len() > limits.max_article_bytes;
                    let said = |part: &str| a.warnings.iter().any(|w| w.starts_with(&format!("truncated: {part} of")));
                    prop_assert_eq!(said("title"), cut_title, "{:?}", a.warnings);
                    prop_assert_eq!(said("body"), cut_body, "{:?}", a.warnings);
                    if let Some(title) = &a.title {
                        prop_assert!(title.len() <= limits.max_article_bytes);
                    }
                    prop_assert!(a.sentences.total <= limits.max_sentences.saturating_add(1));
                }
                (OutputRecord::Error(e), Ok(article)) => {
                    prop_assert_eq!(&e.id, &article.id);
                    prop_assert_ne!(e.error.kind, ErrorKind::Internal, "{}", e.error.message);
                }
                (OutputRecord::Error(e), Err(error)) => {
                    prop_assert_eq!((&e.id, e.error.kind), (&error.id, error.kind));
                }
                (OutputRecord::Article(a), Err(error)) => {
                    prop_assert!(false, "{} scored though the loader failed it: {}", a.id, error.message);
                }
            }
        }
    }
}
