//! Markdown articles: the front matter's title, else the first `# heading`, else the first
//! line is the title; the body keeps its paragraphs and list markers but loses heading
//! marks, emphasis, code ticks, images and link targets, so the model sees prose. (The
//! front matter itself is read apart: [`super::front_matter`].)

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

/// Returns (title, body). `given_title` (the front matter's) is the title when there is
/// one: a first `# heading` that repeats it is not scored again, any other stays in the body.
pub fn extract(text: &str, given_title: Option<&str>) -> (Option<String>, String) {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    // `# Title`, not a `#hashtag`.
    let heading = first.trim_start_matches('#');
    let heading =
        (first.starts_with('#') && heading.starts_with([' ', '\t'])).then(|| heading.trim());
    match (given_title, heading) {
        (Some(given), Some(heading)) if given.trim() == heading => (None, clean(rest)),
        (Some(_), _) => (None, clean(text)),
        (None, Some(heading)) => (Some(heading.to_string()), clean(rest)),
        (None, None) => {
            let (title, body) = super::text::first_line_title(text);
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
        let (title, body) = extract(md, None);
        assert_eq!(title.as_deref(), Some("Sony lifts outlook"));
        assert_eq!(
            body,
            "Details\n\nSony said profit rose 12%.\n\n- PlayStation sales up"
        );
    }

    #[test]
    fn without_heading_first_line_is_title() {
        let (title, body) = extract("Nvidia beats\n\nRevenue rose.", None);
        assert_eq!(title.as_deref(), Some("Nvidia beats"));
        assert_eq!(body, "Revenue rose.");
    }

    #[test]
    fn a_given_title_replaces_the_heading_that_repeats_it() {
        let (title, body) = extract(
            "# Sony lifts outlook\n\nProfit rose.",
            Some("Sony lifts outlook"),
        );
        assert_eq!(title, None, "the given title is the caller's");
        assert_eq!(body, "Profit rose.");
        let (_, body) = extract("# Results\n\nProfit rose.", Some("Sony lifts outlook"));
        assert_eq!(body, "Results\n\nProfit rose.");
    }
}
