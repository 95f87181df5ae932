//! What the page says about itself: Open Graph and article meta tags, JSON-LD, the
//! canonical link. Each value comes with the name of the tag it was read from.

use std::sync::LazyLock;

use dom_query::{Document, Matcher};
use serde_json::Value;

/// A value read from the page and where it was found (`og:title`, `JSON-LD headline`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub value: String,
    pub source: &'static str,
}

/// The metadata a page declares about its article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<Found>,
    pub published_at: Option<Found>,
    pub outlet: Option<Found>,
    pub url: Option<Found>,
}

fn matcher(css: &str) -> Matcher {
    Matcher::new(css).expect("valid selector")
}

static META: LazyLock<Matcher> = LazyLock::new(|| matcher("meta[content]"));
static CANONICAL: LazyLock<Matcher> = LazyLock::new(|| matcher("link[rel][href]"));
static JSON_LD: LazyLock<Matcher> =
    LazyLock::new(|| matcher(r#"script[type="application/ld+json"]"#));

/// JSON-LD types that describe an article (schema.org `Article` and its kinds).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
    "SocialMediaPosting",
];

/// Reads the page's metadata; the first source in each field's order wins.
pub fn read(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut og_title = None;
    let mut og_url = None;
    let mut og_site = None;
    let mut published = None;
    for node in doc.select_matcher(&META).nodes() {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .map(|k| k.to_ascii_lowercase());
        let Some(key) = key else { continue };
        let Some(value) = node.attr("content").map(|c| collapse(&c)) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let slot = match key.as_str() {
            "og:title" => &mut og_title,
            "og:url" => &mut og_url,
            "og:site_name" => &mut og_site,
            "article:published_time" => &mut published,
            _ => continue,
        };
        slot.get_or_insert(value);
    }
    let ld = json_ld(doc);
    let found = |value: Option<String>, source| value.map(|value| Found { value, source });
    meta.title = found(og_title, "og:title").or_else(|| found(ld.headline, "JSON-LD headline"));
    meta.published_at = found(published, "article:published_time")
        .or_else(|| found(ld.date_published, "JSON-LD datePublished"));
    meta.outlet = found(og_site, "og:site_name");
    meta.url = found(og_url, "og:url").or_else(|| found(canonical(doc), "canonical link"));
    meta
}

fn canonical(doc: &Document) -> Option<String> {
    doc.select_matcher(&CANONICAL)
        .nodes()
        .iter()
        .find_map(|link| {
            let rel = link.attr("rel")?;
            rel.split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
                .then(|| link.attr("href").map(|h| collapse(&h)))
                .flatten()
                .filter(|h| !h.is_empty())
        })
}

#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    date_published: Option<String>,
}

/// The headline and publication date of the first JSON-LD object of an article type
/// (inside arrays and `@graph` too). Unparseable blocks are passed over.
fn json_ld(doc: &Document) -> LdArticle {
    let mut found = LdArticle::default();
    for script in doc.select_matcher(&JSON_LD).nodes() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    if is_article(map.get("@type")) {
                        let text = |key| map.get(key).and_then(Value::as_str).map(collapse);
                        let non_empty = |s: Option<String>| s.filter(|s| !s.is_empty());
                        if found.headline.is_none() {
                            found.headline = non_empty(text("headline"));
                        }
                        if found.date_published.is_none() {
                            found.date_published = non_empty(text("datePublished"));
                        }
                    }
                }
                _ => {}
            }
        }
        if found.headline.is_some() && found.date_published.is_some() {
            break;
        }
    }
    found
}

fn is_article(kind: Option<&Value>) -> bool {
    match kind {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| is_article(Some(k))),
        _ => false,
    }
}

/// Whitespace runs collapsed to single spaces, ends trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(value: &str, source: &'static str) -> Option<Found> {
        Some(Found {
            value: value.into(),
            source,
        })
    }

    #[test]
    fn open_graph_comes_before_json_ld() {
        let doc = Document::from(
            r#"<html><head>
            <meta property="og:title" content=" Fed  holds rates ">
            <meta name="og:site_name" content="Wire">
            <meta property="article:published_time" content="2026-03-18T18:00:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Other",
              "datePublished":"2026-03-17"}</script>
            <link rel="canonical" href="https://x.example/fed"></head></html>"#,
        );
        assert_eq!(
            read(&doc),
            PageMeta {
                title: found("Fed holds rates", "og:title"),
                published_at: found("2026-03-18T18:00:00Z", "article:published_time"),
                outlet: found("Wire", "og:site_name"),
                url: found("https://x.example/fed", "canonical link"),
            }
        );
    }

    #[test]
    fn json_ld_article_inside_graph_or_array() {
        for ld in [
            r#"{"@graph":[{"@type":"WebPage","headline":"Page"},{"@type":["NewsArticle"],"headline":"Story","datePublished":"2026-01-02"}]}"#,
            r#"[{"@type":"Organization","name":"Wire"},{"@type":"BlogPosting","headline":"Story","datePublished":"2026-01-02"}]"#,
        ] {
            let doc = Document::from(format!(
                r#"<html><head><script type="application/ld+json">not json</script>
                <script type="application/ld+json">{ld}</script></head></html>"#
            ));
            let meta = read(&doc);
            assert_eq!(meta.title, found("Story", "JSON-LD headline"), "{ld}");
            assert_eq!(
                meta.published_at,
                found("2026-01-02", "JSON-LD datePublished"),
                "{ld}"
            );
        }
    }

    #[test]
    fn og_url_before_canonical_and_nothing_when_absent() {
        let doc = Document::from(
            r#"<link rel="canonical" href="/a"><meta property="og:url" content="https://x.example/a">"#,
        );
        assert_eq!(read(&doc).url, found("https://x.example/a", "og:url"));
        assert_eq!(read(&Document::from("<p>text</p>")), PageMeta::default());
    }
}
