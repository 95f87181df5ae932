//! Markdown articles: the first `# heading` (else the first line) is the title; the body
//! keeps its paragraphs and list markers but loses heading marks, emphasis, code ticks,
//! images and link targets, so the model sees prose.

use std::sync::LazyLock;

use regex::Regex;

static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").expect("valid regex"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("valid regex"));
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__|`([^`\n]+)`").expect("valid regex")
});
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^#{1,6}[ \t]+").expect("valid regex"));
static QUOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^>[ \t]?").expect("valid regex"));

/// Returns (title, body).
pub fn extract(text: &str) -> (Option<String>, String) {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    // `# Title`, not a `#hashtag`.
    let heading = first.trim_start_matches('#');
    match (first.starts_with('#') && heading.starts_with([' ', '\t'])).then_some(heading) {
        Some(heading) => (Some(heading.trim().to_string()), clean(rest)),
        None => {
            let (title, body) = super::text::extract(text);
            (title, clean(&body))
        }
    }
}

fn clean(body: &str) -> String {
    let body = IMAGE.replace_all(body, "$1");
    let body = LINK.replace_all(&body, "$1");
    let body = EMPHASIS.replace_all(&body, "$1$2$3");
    let body = HEADING.replace_all(&body, "");
    let body = QUOTE.replace_all(&body, "");
    body.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_is_title_and_markup_goes() {
        let md = "# Sony lifts outlook\n\n## Details\n\n**Sony** said [profit](https://example.com/x) rose `12%`.\n\n- PlayStation sales up\n";
        let (title, body) = extract(md);
        assert_eq!(title.as_deref(), Some("Sony lifts outlook"));
        assert_eq!(
            body,
            "Details\n\nSony said profit rose 12%.\n\n- PlayStation sales up"
        );
    }

    #[test]
    fn without_heading_first_line_is_title() {
        let (title, body) = extract("Nvidia beats\n\nRevenue rose.");
        assert_eq!(title.as_deref(), Some("Nvidia beats"));
        assert_eq!(body, "Revenue rose.");
    }
}
