//! How deep an HTML page nests, measured before the page is parsed and walked.
//!
//! Parsing costs time in proportion to the nesting depth for every element (the HTML
//! parser looks through the open elements), Readability and the paragraph walk recurse
//! once per level, so a page of 100,000 nested `<div>`s would take minutes and overflow
//! the stack. [`too_deep`] reads the tags in one pass, in time linear in the page, and
//! tells such a page apart before it is parsed; [`dom_depth`] then checks the parsed tree
//! without recursing, because the quick pass only approximates how the parser closes
//! elements that are left open.

use dom_query::NodeRef;

/// Deepest element nesting read (real news pages nest a few dozen levels). A deeper page
/// is a `too_deep` error record.
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements that a start tag of the same name closes when one is open (`<p>a<p>b`,
/// `<li>` items without `</li>`).
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp",
];

/// Whether the tags of `html` nest deeper than [`MAX_DEPTH`] by a quick count: start tags
/// open an element unless void or written `<x/>`, an end tag closes up to the open element
/// of its name (and is ignored without one), and `<p>`, `<li>`, `<td>` and the like close
/// an open one of their name. Comments, doctypes and the content of `<script>`, `<style>`
/// and the other raw-text elements are skipped.
pub fn too_deep(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', bytes, i) {
        i = lt + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i = find(bytes, i + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i = memchr(b'>', bytes, i).map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (end, self_closed) = tag_end(bytes, name_start + name_len);
        i = end;
        if closing {
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                open.truncate(at);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            i = raw_text_end(html, i, &name);
            continue;
        }
        if name == "plaintext" {
            break;
        }
        if self_closed || VOID.contains(&name.as_str()) {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name.as_str())
            && let Some(at) = open.iter().rposition(|n| *n == name)
        {
            open.truncate(at);
        }
        open.push(name);
        if open.len() > MAX_DEPTH {
            return true;
        }
    }
    false
}

/// Where the tag whose attributes start at `from` ends (after its `>`), and whether it
/// ends with `/>`. Quoted attribute values may hold `>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (i + 1, i > from && bytes[i - 1] == b'/'),
            None => {}
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// Where the content of the raw-text element `name` opened before `from` ends: after its
/// end tag (any case), or at the end of the page.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(lt) = find(bytes, i, b"</") {
        let after = lt + 2;
        let candidate = bytes.get(after..after + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return memchr(b'>', bytes, after).map_or(bytes.len(), |end| end + 1);
        }
        i = after;
    }
    bytes.len()
}

fn memchr(needle: u8, bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| from + p)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The depth of the deepest element under `root` (the root's children are at depth 1),
/// counted without recursion.
pub fn dom_depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        for child in node.children_it(false) {
            if child.is_element() {
                stack.push((child, depth + 1));
            }
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!(
            "<html><body>{}<p>Shares rose.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    }

    #[test]
    fn deep_nesting_is_told_apart_in_one_pass() {
        assert!(!too_deep(&nested(MAX_DEPTH - 10)));
        assert!(too_deep(&nested(MAX_DEPTH + 1)));
        assert!(too_deep(&"<div>".repeat(100_000)), "unclosed divs nest");
    }

    #[test]
    fn siblings_left_open_comments_and_scripts_do_not_count_as_depth() {
        let paragraphs = "<p>Revenue rose. ".repeat(5 * MAX_DEPTH);
        let items = format!("<ul>{}</ul>", "<li>item ".repeat(5 * MAX_DEPTH));
        let cells = format!("<table>{}</table>", "<tr><td>1<td>2".repeat(5 * MAX_DEPTH));
        let hidden = format!(
            "<!-- {} --><script>var s = \"{}\";</script><STYLE>{}</style>",
            "<div>".repeat(5 * MAX_DEPTH),
            "<div>".repeat(5 * MAX_DEPTH),
            "<div>".repeat(5 * MAX_DEPTH)
        );
        let void = "<br><img src='a>b'><svg><path d='M0'/></svg>".repeat(5 * MAX_DEPTH);
        for page in [paragraphs, items, cells, hidden, void] {
            assert!(!too_deep(&page), "{}", &page[..80]);
        }
    }

    #[test]
    fn dom_depth_counts_levels_without_recursing() {
        let doc = dom_query::Document::from(nested(3).as_str());
        // html > body > div > div > div > p
        assert_eq!(dom_depth(&doc.root()), 6);
    }
}
