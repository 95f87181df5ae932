//! The splitter on any text: sentences in order, inside the text, on character boundaries,
//! never overlapping, never empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let spans = finsent::split::split_sentences(text);
    let mut end = 0;
    for span in &spans {
        assert!(span.start >= end && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(!span.text(text).trim().is_empty());
        end = span.end;
    }
    let offsets = finsent::split::char_offsets(text, &spans);
    assert_eq!(offsets.len(), spans.len());
});
