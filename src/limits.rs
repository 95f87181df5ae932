//! What one record may cost, so a data dump posing as an article never exhausts memory or
//! stalls a run: records larger than `max_record_bytes` are refused by the loaders
//! (`too_large` error records, read no further); longer article texts are cut to
//! `max_article_bytes` and articles with more sentences are cut to `max_sentences`, each
//! cut stated in the record's `warnings`.

use crate::article::Article;

/// Default largest input record (a file, a JSONL line), in bytes; the loaders apply it
/// (`LoadOptions::max_record_bytes`).
pub const MAX_RECORD_BYTES: u64 = 64 << 20;

/// The limits on one article's text, with their documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest article body scored, in bytes of UTF-8 text; the title is cut to the same.
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

/// Cuts an article's title and body to at most `max` bytes each ([`cut_body`]; a title is
/// scored as one unit, so a title of megabytes costs what a body of megabytes does), and
/// adds each cut to its warnings. A title cut to nothing is no title.
pub fn cut_article(article: &mut Article, max: usize) {
    if let Some(title) = &mut article.title {
        let warning = cut_text(title, max, "title");
        article.warnings.extend(warning);
        if title.trim().is_empty() {
            article.title = None;
        }
    }
    let warning = cut_body(&mut article.body, max);
    article.warnings.extend(warning);
}

/// Cuts `body` to at most `max` bytes, at the last whitespace before the limit when there
/// is one nearby (else at a character boundary); returns the warning to report.
pub fn cut_body(body: &mut String, max: usize) -> Option<String> {
    cut_text(body, max, "body")
}

/// [`cut_body`] for the `part` of an article (`title`, `body`) that `text` is.
fn cut_text(body: &mut String, max: usize, part: &str) -> Option<String> {
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
        "truncated: {part} of {was} bytes cut to {end} (the limit is {max} bytes per article)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Origin;

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

    /// Regression: a 2.8 MB title without punctuation took 21 s, because the title was not
    /// limited at all; it is cut as the body is, on a character boundary.
    #[test]
    fn long_title_is_cut_like_the_body() {
        for ch in ['¥', '€', '𝄞'] {
            let mut article = Article {
                id: "a".into(),
                title: Some(ch.to_string().repeat(1000)),
                body: "Sales rose.".into(),
                published_at: None,
                outlet: None,
                url: None,
                origin: Origin {
                    path: "a.jsonl".into(),
                    line: Some(1),
                },
                warnings: Vec::new(),
                kept: Vec::new(),
            };
            cut_article(&mut article, 100);
            let title = article.title.as_deref().expect("a title left");
            assert!(title.len() <= 100 && 100 - title.len() < ch.len_utf8());
            assert_eq!(article.body, "Sales rose.");
            assert_eq!(article.warnings.len(), 1, "{:?}", article.warnings);
            assert!(article.warnings[0].starts_with("truncated: title of"));
            cut_article(&mut article, 0);
            assert_eq!((article.title, article.body.as_str()), (None, ""));
        }
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
                        assert!(
                            warning.contains(&format!("limit is {max} bytes")),
                            "{warning}"
                        );
                    }
                }
            }
        }
    }
}
