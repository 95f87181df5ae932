//! The splitter on any text: sentences in order, inside the text, on character boundaries,
//! never overlapping, never empty, with only whitespace between them, never cut inside a
//! number.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// A cut at byte `at` falls inside a number such as `3.5` or `1026`.
fn inside_number(text: &[u8], at: usize) -> bool {
    at > 1
        && at < text.len()
        && text[at].is_ascii_digit()
        && (text[at - 1].is_ascii_digit()
            || (text[at - 1] == b'.' && text[at - 2].is_ascii_digit()))
}

fuzz_target!(|text: &str| {
    let spans = finsent::split::split_sentences(text);
    let mut end = 0;
    for span in &spans {
        assert!(span.start >= end && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(!span.text(text).trim().is_empty());
        assert!(text[end..span.start].chars().all(char::is_whitespace));
        assert!(!inside_number(text.as_bytes(), span.start));
        assert!(!inside_number(text.as_bytes(), span.end));
        end = span.end;
    }
    assert!(text[end..].chars().all(char::is_whitespace));
    let offsets = finsent::split::char_offsets(text, &spans);
    assert_eq!(offsets.len(), spans.len());
});
