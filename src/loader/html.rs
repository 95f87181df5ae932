//! HTML pages: the visible text of the article, without scripts, styles, comments,
//! navigation, headers, footers or forms. Block elements become paragraphs, so list items
//! and headings are sentences of their own.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose text is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "iframe", "object", "head", "menu", "dialog",
];

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
    "figcaption",
    "figure",
    "hr",
    "td",
    "th",
    "address",
    "summary",
    "details",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

static ROOTS: LazyLock<[Selector; 3]> =
    LazyLock::new(|| [selector("article"), selector("main"), selector("body")]);
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));

/// Returns (title, body): the title is the article's first `<h1>`, else the page `<title>`.
pub fn extract(html: &str) -> (Option<String>, String) {
    let doc = Html::parse_document(html);
    let root = ROOTS.iter().find_map(|s| doc.select(s).next());
    // The article's heading; else the page's first heading outside navigation, headers and
    // footers (a site logo in a <header><h1> is not a title).
    let h1 = root
        .and_then(|r| r.select(&H1).next())
        .or_else(|| doc.select(&H1).find(|h| !inside_skipped(*h)));
    let title = h1
        .or_else(|| doc.select(&TITLE).next())
        .map(|e| collapse(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let mut out = Text::default();
    if let Some(root) = root {
        walk(root, h1, &mut out);
    }
    (title, out.finish())
}

/// Appends the visible text under `element`, leaving out the element used as the title.
fn walk(element: ElementRef, title: Option<ElementRef>, out: &mut Text) {
    for child in element.children() {
        if let Node::Text(text) = child.value() {
            out.push(text);
        }
        let Some(child) = ElementRef::wrap(child) else {
            continue;
        };
        let name = child.value().name();
        if SKIPPED.contains(&name) || Some(child) == title {
            continue;
        }
        let block = BLOCKS.contains(&name);
        if block {
            out.paragraph();
        }
        walk(child, title, out);
        if block {
            out.paragraph();
        }
    }
}

/// Collects text with HTML whitespace rules: runs collapse to one space, blocks to a blank line.
#[derive(Default)]
struct Text {
    buf: String,
    pending_space: bool,
    pending_paragraph: bool,
}

impl Text {
    fn push(&mut self, text: &str) {
        for word in text.split(|c: char| c.is_whitespace() && c != '\u{a0}') {
            if word.is_empty() {
                self.pending_space = true;
                continue;
            }
            if !self.buf.is_empty() {
                if self.pending_paragraph {
                    self.buf.push_str("\n\n");
                } else if self.pending_space {
                    self.buf.push(' ');
                }
            }
            self.pending_space = false;
            self.pending_paragraph = false;
            self.buf.push_str(&word.replace('\u{a0}', " "));
            self.pending_space = true;
        }
        if !text.ends_with(char::is_whitespace) {
            self.pending_space = false;
        }
    }

    fn paragraph(&mut self) {
        self.pending_paragraph = true;
    }

    fn finish(self) -> String {
        self.buf
    }
}

fn inside_skipped(element: ElementRef) -> bool {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| SKIPPED.contains(&a.value().name()))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_text_only() {
        let html = r#"<html><head><title>Site | News</title><style>p{color:red}</style>
            <script>var x = "Shares fell.";</script></head><body>
            <nav><a href="/">Home</a> <a href="/m">Markets</a></nav>
            <article><h1>ASML bookings jump</h1><!-- ad slot -->
            <p>ASML&#8217;s orders rose&nbsp;40% in the <b>third</b> quarter.</p>
            <ul><li>EUV demand strong</li><li>China sales fell</li></ul></article>
            <footer>&copy; 2026 Example Media. Cookies.</footer></body></html>"#;
        let (title, body) = extract(html);
        assert_eq!(title.as_deref(), Some("ASML bookings jump"));
        assert_eq!(
            body,
            "ASML\u{2019}s orders rose 40% in the third quarter.\n\nEUV demand strong\n\nChina sales fell"
        );
    }

    #[test]
    fn page_title_when_no_h1() {
        let (title, body) = extract(
            "<html><head><title> Nikkei  closes higher </title></head><body><p>Stocks rose.</p></body></html>",
        );
        assert_eq!(title.as_deref(), Some("Nikkei closes higher"));
        assert_eq!(body, "Stocks rose.");
    }
}
