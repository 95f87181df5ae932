//! What one record may cost, so a data dump posing as an article never exhausts memory or
//! stalls a run: records larger than `max_record_bytes` are refused by the loaders
//! (`too_large` error records, read no further); longer article texts are cut to
//! `max_article_bytes` and articles with more sentences are cut to `max_sentences`, each
//! cut stated in the record's `warnings`.

/// Default largest input record (a file, a JSONL line), in bytes; the loaders apply it
/// (`LoadOptions::max_record_bytes`).
pub const MAX_RECORD_BYTES: u64 = 64 << 20;

/// The limits on one article's text, with their documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest article body scored, in bytes of UTF-8 text.
    pub max_article_bytes: usize,
    /// Most body sentences scored per article.
    pub max_sentences: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_article_bytes: 1 << 20,
            max_sentences: 2000,
        }
    }
}

/// Cuts `body` to at most `max` bytes, at the last whitespace before the limit when there
/// is one nearby (else at a character boundary); returns the warning to report.
pub fn cut_body(body: &mut String, max: usize) -> Option<String> {
    if body.len() <= max {
        return None;
    }
    let mut end = body.floor_char_boundary(max);
    // Both ends of the search window must fall on character boundaries: a multi-byte
    // character may straddle either.
    let window = body.floor_char_boundary(end.saturating_sub(1000));
    if let Some(space) = body[window..end].rfind(char::is_whitespace) {
        end = window + space;
    }
    let was = body.len();
    body.truncate(end);
    Some(format!(
        "truncated: body of {was} bytes cut to {end} (--max-article-bytes {max})"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_long_bodies_at_whitespace_and_character_boundaries() {
        let mut short = "Sales rose.".to_string();
        assert_eq!(cut_body(&mut short, 100), None);
        assert_eq!(short, "Sales rose.");

        let mut words = "alpha beta gamma delta".to_string();
        let warning = cut_body(&mut words, 13).expect("cut");
        assert_eq!(words, "alpha beta");
        assert!(warning.contains("22 bytes cut to 10"), "{warning}");

        let mut yen = "¥".repeat(3000);
        cut_body(&mut yen, 1001).expect("cut");
        assert_eq!(
            yen.len(),
            1000,
            "no whitespace: cut at the character boundary"
        );
    }

    /// Regression: a 1 MiB body of 3-byte characters (`€`) panicked with "byte index is not
    /// a char boundary", because the start of the whitespace search window was not moved to
    /// a boundary. Every width of character, at every offset around the limit and the window.
    #[test]
    fn cut_body_never_slices_inside_a_multibyte_character() {
        for ch in ['¥', '€', '日', '𝄞'] {
            for lead in 0..4 {
                for max in [1, 2, 3, 4, 5, 999, 1000, 1001, 1002, 1003, 1004, 1005, 4096] {
                    for tail in ["", " end", ". Toyota shares rose 5%."] {
                        let text =
                            format!("{}{}{tail}", "a".repeat(lead), ch.to_string().repeat(2000));
                        let mut body = text.clone();
                        let Some(warning) = cut_body(&mut body, max) else {
                            assert!(text.len() <= max, "{ch} lead {lead} max {max}: not cut");
                            continue;
                        };
                        assert!(
                            body.len() <= max,
                            "{ch} lead {lead} max {max}: {}",
                            body.len()
                        );
                        assert!(
                            text.starts_with(&body),
                            "{ch} lead {lead} max {max}: a prefix"
                        );
                        assert!(
                            max - body.len() < ch.len_utf8(),
                            "{ch} lead {lead} max {max}: cut {} bytes short",
                            max - body.len()
                        );
                        assert!(warning.contains("--max-article-bytes"), "{warning}");
                    }
                }
            }
        }
    }
}
