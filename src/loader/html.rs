//! HTML pages: the article's text, title and metadata, without the page around it.
//!
//! 1. The page's own metadata (`og:title`, JSON-LD, `article:published_time`,
//!    `og:site_name`, `og:url`, the canonical link) is read first ([`meta`]).
//! 2. `dom_smoothie` (a port of Mozilla's Readability) finds the main content: the
//!    element whose paragraphs score highest, so a teaser card, comments or a sidebar
//!    lose to the story.
//! 3. finsent's own walk cuts that content into paragraphs, leaving out page furniture
//!    the scorer keeps (captions, credits, bylines, share bars, related links, widgets:
//!    [`furniture`]).
//!
//! When Readability finds nothing, the first `<article>`, else `<main>`, else `<body>`
//! left after step 2's pruning is walked the same way. A page with no text left has an
//! empty body: the loader makes it an `empty_text` error record.

mod depth;
mod furniture;
mod meta;

use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeRef};
use dom_smoothie::{Config, Readability};
use furniture::Furniture;

pub use depth::MAX_DEPTH;
pub(super) use furniture::is_furniture_text;
pub use meta::Found;

/// What an HTML page yields: the title, the article text and the metadata, each with
/// where it came from.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Page {
    pub title: Option<Found>,
    /// Paragraphs separated by blank lines; empty when the page has no article text.
    pub body: String,
    pub published_at: Option<Found>,
    pub outlet: Option<Found>,
    pub url: Option<Found>,
}

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "summary",
    "details",
    "body",
];

/// Marks the page's `<h1>` elements, so the one that ends up in the main content is
/// recognised after Readability has renamed it.
const H1_MARK: &str = "data-finsent-h1";

fn matcher(css: &str) -> Matcher {
    Matcher::new(css).expect("valid selector")
}

static H1: LazyLock<Matcher> = LazyLock::new(|| matcher("h1"));
static MARKED_H1: LazyLock<Matcher> = LazyLock::new(|| matcher("[data-finsent-h1]"));
static TITLE: LazyLock<Matcher> = LazyLock::new(|| matcher("title"));
static FALLBACK_ROOTS: LazyLock<[Matcher; 3]> =
    LazyLock::new(|| [matcher("article"), matcher("main"), matcher("body")]);

/// An HTML page nested deeper than [`MAX_DEPTH`] levels: it is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// Reads the article of an HTML page, unless the page nests deeper than [`MAX_DEPTH`]:
/// the work on a page grows with its depth ([`depth`]), so the depth is checked first,
/// by a quick pass over the tags and then on the parsed tree.
pub fn extract(html: &str) -> Result<Page, TooDeep> {
    if depth::too_deep(html) {
        return Err(TooDeep);
    }
    let doc = Document::from(html);
    if depth::dom_depth(&doc.root()) > MAX_DEPTH {
        return Err(TooDeep);
    }
    Ok(extract_parsed(doc, html))
}

/// Reads the article of the page `doc`, parsed from `html`.
fn extract_parsed(doc: Document, html: &str) -> Page {
    let meta = meta::read(&doc);
    let page_title = doc
        .select_single_matcher(&TITLE)
        .nodes()
        .first()
        .map(|t| meta::collapse(&t.text()))
        .filter(|t| !t.is_empty());
    let h1s: Vec<String> = doc
        .select_matcher(&H1)
        .nodes()
        .iter()
        .filter(|h| !furniture::is_link_only(h))
        .map(|h| {
            h.set_attr(H1_MARK, "");
            meta::collapse(&h.text())
        })
        .collect();
    prune(&doc.root());
    let config = Config {
        keep_classes: true,
        ..Config::default()
    };
    let content = Readability::with_document(doc, None, Some(config))
        .ok()
        .and_then(|mut r| r.parse().ok());
    let (mut paragraphs, content_h1) = match &content {
        Some(article) => {
            let fragment = Document::fragment(article.content.clone());
            let h1 = fragment
                .select_single_matcher(&MARKED_H1)
                .nodes()
                .first()
                .map(|h| meta::collapse(&h.text()));
            (cut(&fragment.root()), h1)
        }
        None => (Vec::new(), None),
    };
    if paragraphs.is_empty() {
        let doc = Document::from(html);
        prune(&doc.root());
        let root = FALLBACK_ROOTS
            .iter()
            .find_map(|m| doc.select_single_matcher(m).nodes().first().copied());
        if let Some(root) = root {
            paragraphs = cut(&root);
        }
    }
    // Readability drops a heading that repeats its own title guess: when that guess is
    // one of the page's <h1>s, that <h1> headed the main content.
    let readability_h1 = content
        .as_ref()
        .map(|a| meta::collapse(&a.title))
        .filter(|t| h1s.contains(t));
    let found = |value: String, source| Found { value, source };
    let title = meta
        .title
        .or_else(|| {
            content_h1
                .filter(|t| !t.is_empty())
                .map(|t| found(t, "<h1>"))
        })
        .or_else(|| readability_h1.map(|t| found(t, "<h1>")))
        .or_else(|| page_title.map(|t| found(t, "<title>")));
    if let Some(title) = &title {
        // The title is scored as the title, not again as the body's first paragraph.
        if paragraphs.first().is_some_and(|p| p == &title.value) {
            paragraphs.remove(0);
        }
    }
    Page {
        title,
        body: paragraphs.join("\n\n"),
        published_at: meta.published_at,
        outlet: meta.outlet,
        url: meta.url,
    }
}

/// Removes the page furniture Readability could take for content: elements that are
/// furniture by tag, role or state, and elements named like furniture that hold no prose.
fn prune(node: &NodeRef) {
    for child in node.children() {
        if !child.is_element() {
            continue;
        }
        let Some(name) = child.node_name() else {
            continue;
        };
        let furniture = match furniture::furniture_element(&child, &name.to_ascii_lowercase()) {
            Furniture::No => false,
            Furniture::Always => true,
            Furniture::ByName => !furniture::holds_prose(&child),
        };
        // An article's own <header> holds its <h1>: Readability may keep it with the
        // story, and the walk leaves it out of the text.
        let article_header = name.as_ref() == "header" && has_marked_h1(&child);
        let page = matches!(name.as_ref(), "html" | "head" | "body");
        if furniture && !page && !article_header {
            child.remove_from_parent();
        } else {
            prune(&child);
        }
    }
}

fn has_marked_h1(node: &NodeRef) -> bool {
    node.descendants_it().any(|n| n.has_attr(H1_MARK))
}

/// The article's paragraphs under `root`, furniture left out.
fn cut(root: &NodeRef) -> Vec<String> {
    let mut text = Text::default();
    let context = Context {
        in_link: false,
        in_table: false,
        root_chars: root.text().len(),
    };
    walk(root, &mut text, context);
    text.paragraph();
    text.paragraphs
}

/// Where the walk is.
#[derive(Clone, Copy)]
struct Context {
    in_link: bool,
    in_table: bool,
    /// The text length of the whole content, to tell a wrapper from furniture.
    root_chars: usize,
}

fn walk(node: &NodeRef, out: &mut Text, context: Context) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.push(&child.text(), context);
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let Some(name) = child.node_name() else {
            continue;
        };
        let name = name.to_ascii_lowercase();
        if name == "h1" || child.has_attr(H1_MARK) {
            // The title, taken from the metadata or kept apart above.
            out.paragraph();
            continue;
        }
        let block = BLOCKS.contains(&name.as_str());
        let furniture = match furniture::furniture_element(&child, &name) {
            Furniture::No => false,
            Furniture::Always => true,
            Furniture::ByName => child.text().len() * 2 < context.root_chars,
        };
        if furniture {
            if block {
                out.paragraph();
            }
            continue;
        }
        if block {
            out.paragraph();
        }
        if name == "td" || name == "th" {
            out.push(" ", context);
        }
        let inner = Context {
            in_link: context.in_link || name == "a",
            in_table: context.in_table || name == "table",
            ..context
        };
        walk(&child, out, inner);
        if block {
            out.paragraph();
        }
    }
}

/// Collects text with HTML whitespace rules (runs collapse to one space) into
/// paragraphs, counting the characters inside links.
#[derive(Default)]
struct Text {
    buf: String,
    link_chars: usize,
    in_table: bool,
    pending_space: bool,
    paragraphs: Vec<String>,
}

impl Text {
    fn push(&mut self, text: &str, context: Context) {
        self.in_table |= context.in_table;
        for word in text.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
            if word.is_empty() {
                self.pending_space = true;
                continue;
            }
            if !self.buf.is_empty() && self.pending_space {
                self.buf.push(' ');
            }
            self.pending_space = false;
            let before = self.buf.len();
            self.buf.push_str(&word.replace('\u{a0}', " "));
            if context.in_link {
                self.link_chars += self.buf.len() - before;
            }
            self.pending_space = true;
        }
        if !text.ends_with(|c: char| c.is_whitespace() && c != '\u{a0}') {
            self.pending_space = false;
        }
    }

    /// Ends the current paragraph, keeping it unless it is furniture.
    fn paragraph(&mut self) {
        let text = self.buf.trim();
        if !text.is_empty() {
            let link_share = self.link_chars as f64 / text.len() as f64;
            if !furniture::is_furniture_text(text, link_share, self.in_table) {
                self.paragraphs.push(text.to_string());
            }
        }
        self.buf.clear();
        self.link_chars = 0;
        self.in_table = false;
        self.pending_space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(html: &str) -> Page {
        super::extract(html).expect("a page of ordinary depth")
    }

    fn source(found: &Option<Found>) -> Option<(&str, &str)> {
        found.as_ref().map(|f| (f.value.as_str(), f.source))
    }

    #[test]
    fn keeps_article_text_only() {
        let html = r#"<html><head><title>Site | News</title><style>p{color:red}</style>
            <script>var x = "Shares fell.";</script></head><body>
            <nav><a href="/">Home</a> <a href="/m">Markets</a></nav>
            <article><h1>ASML bookings jump</h1><!-- ad slot -->
            <p>ASML&#8217;s orders rose&nbsp;40% in the <b>third</b> quarter.</p>
            <ul><li>EUV demand strong</li><li>China sales fell</li></ul></article>
            <footer>&copy; 2026 Example Media. Cookies.</footer></body></html>"#;
        let page = extract(html);
        assert_eq!(source(&page.title), Some(("ASML bookings jump", "<h1>")));
        assert_eq!(
            page.body,
            "ASML\u{2019}s orders rose 40% in the third quarter.\n\nEUV demand strong\n\nChina sales fell"
        );
    }

    #[test]
    fn page_title_when_no_h1() {
        let page = extract(
            "<html><head><title> Nikkei  closes higher </title></head><body><p>Stocks rose.</p></body></html>",
        );
        assert_eq!(
            source(&page.title),
            Some(("Nikkei closes higher", "<title>"))
        );
        assert_eq!(page.body, "Stocks rose.");
    }

    #[test]
    fn a_linked_teaser_heading_is_never_the_title() {
        let page = extract(
            r#"<html><head><title>Toyota output rises - Wire</title></head><body>
            <article><h1><a href="/other">Sony shares slump</a></h1><p>Sony fell.</p></article>
            <div><p>Toyota Motor Corp. said global output rose 3% in March from a year earlier,
            helped by hybrid demand in North America.</p></div></body></html>"#,
        );
        assert_eq!(
            source(&page.title),
            Some(("Toyota output rises - Wire", "<title>"))
        );
        assert!(page.body.starts_with("Toyota Motor Corp."), "{}", page.body);
        assert!(!page.body.contains("Sony"), "{}", page.body);
    }

    #[test]
    fn inline_furniture_leaves_its_paragraph_whole() {
        let page = extract(
            r#"<html><body><p>Revenue rose <span class="sr-only">(opens a chart)</span> 5% to
            $3.2 billion.</p></body></html>"#,
        );
        assert_eq!(page.body, "Revenue rose 5% to $3.2 billion.");
    }

    #[test]
    fn a_wrapper_named_like_furniture_that_holds_the_story_is_kept() {
        let story =
            "Shipments of the new handset beat forecasts in every region, the company said. "
                .repeat(8);
        let html = format!(
            r#"<html><body><div class="field field-label-hidden"><p>{story}</p></div>
            <div class="widget related"><a href="/x">Other news</a></div></body></html>"#
        );
        assert_eq!(extract(&html).body, story.trim());
    }

    #[test]
    fn nothing_but_scripts_is_an_empty_body() {
        let page = extract(
            r#"<html><head><meta property="og:title" content="Live"></head><body>
            <noscript>Enable JavaScript.</noscript><div id="app"></div>
            <script>render("Stocks rallied.")</script></body></html>"#,
        );
        assert_eq!(source(&page.title), Some(("Live", "og:title")));
        assert_eq!(page.body, "");
    }
}
