//! The ticker matcher with the shipped gazetteer on any text: mentions lie inside the text,
//! on character boundaries, in order.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use finsent::split::split_sentences;
use finsent::tickers::Tickers;
use libfuzzer_sys::fuzz_target;

fn tickers() -> &'static Tickers {
    static TICKERS: OnceLock<Tickers> = OnceLock::new();
    TICKERS.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/gazetteer/gazetteer.jsonl");
        Tickers::load(&path).expect("the shipped gazetteer")
    })
}

fuzz_target!(|text: &str| {
    let spans = split_sentences(text);
    let mentions = tickers().find(text, &spans);
    let mut start = 0;
    for m in &mentions {
        assert!(m.start >= start && m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        start = m.start;
    }
});
