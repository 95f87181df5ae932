//! Markdown front matter: a YAML block between `---` lines at the very top of a file, as
//! static-site generators and note apps write it. It gives the article's fields (read by
//! the same names as JSONL fields: `title`, `date`, `published_at`, `source`, `outlet`,
//! `url`, `id`, ...) and the tickers its author tagged it with. It is never scored as text.
//!
//! Front matter that is not closed, is not valid YAML or is not a `key: value` mapping
//! gives a warning, and the body is still read.
//!
//! YAML is read with `saphyr` (YAML 1.2, pure Rust): dates stay text for finsent's own
//! date reader, alias expansion is bounded (no "billion laughs"), and nesting depth is
//! limited.

use saphyr::{LoadableYamlNode, Scalar, Yaml};

use super::{FieldNames, Fields};

/// Keys whose value is the author's tickers: a list, or one string separated by commas.
const TICKER_KEYS: &[&str] = &["tickers", "ticker", "symbols"];

/// Most tickers kept from one front matter.
const MAX_TICKERS: usize = 100;

/// What the front matter of a file gives.
#[derive(Debug, Default)]
pub struct FrontMatter {
    pub fields: Fields,
    /// The author's tickers, in their order, without repeats or a leading `$`.
    pub tickers: Vec<String>,
    /// What could not be read.
    pub warnings: Vec<String>,
}

/// Splits `text` into its front matter (`None` when the file does not start with a `---`
/// line) and the text after it.
pub fn split<'t>(text: &'t str, names: &FieldNames) -> (Option<FrontMatter>, &'t str) {
    let Some(after_open) = strip_fence(text, "---") else {
        return (None, text);
    };
    let (yaml, body, warning) = match closing(after_open) {
        Some((yaml, body)) => (yaml, body, None),
        None => unclosed(after_open),
    };
    let mut front = read(yaml, names);
    front.warnings.splice(0..0, warning);
    (Some(front), body)
}

/// The text after a first line that is `fence` (trailing spaces allowed).
fn strip_fence<'t>(text: &'t str, fence: &str) -> Option<&'t str> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    (first.trim_end() == fence).then_some(rest)
}

/// The YAML and the body, split at the first `---` (or `...`) line.
fn closing(text: &str) -> Option<(&str, &str)> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((&text[..at], &text[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

/// Front matter without its closing line: it ends at the first blank line when every line
/// before it reads as YAML (`key: value`, a list item, an indented line); otherwise there
/// is none and the whole text is the body.
fn unclosed(text: &str) -> (&str, &str, Option<String>) {
    let end = text.find("\n\n").map_or(text.len(), |i| i + 1);
    let block = &text[..end];
    let yaml_like = block.lines().all(|line| {
        let key = line.split_once(':').map(|(k, _)| k);
        line.starts_with([' ', '\t', '-', '#'])
            || key.is_some_and(|k| {
                !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || "_-".contains(c))
            })
    });
    if yaml_like && !block.trim().is_empty() {
        let message = "front matter: no closing `---` line; read up to the first blank line";
        (block, &text[end..], Some(message.into()))
    } else {
        let message = "front matter: no closing `---` line and no `key: value` lines after \
                       the opening one; the text is read as the body";
        ("", text, Some(message.into()))
    }
}

/// The fields of the YAML between the fences.
fn read(yaml: &str, names: &FieldNames) -> FrontMatter {
    let mut front = FrontMatter::default();
    if yaml.trim().is_empty() {
        return front;
    }
    let docs = match Yaml::load_from_str(yaml) {
        Ok(docs) => docs,
        Err(err) => {
            front.warnings.push(format!(
                "front matter is not valid YAML ({err}); its fields are left out"
            ));
            return front;
        }
    };
    let Some(map) = docs.first().filter(|d| d.is_mapping()) else {
        front.warnings.push(
            "front matter is not a list of `key: value` lines; its fields are left out".into(),
        );
        return front;
    };
    let mut text_field = |keys: &[String]| -> Option<String> {
        let (key, value) = keys
            .iter()
            .find_map(|k| map.as_mapping_get(k).map(|v| (k, v)))?;
        let text = scalar_text(value);
        if text.is_none() && !is_null(value) {
            front.warnings.push(format!(
                "front matter: `{key}` is not text or a number; left out"
            ));
        }
        text
    };
    let fields = Fields {
        id: text_field(&names.id),
        title: text_field(&names.title),
        body: None,
        published_at: text_field(&names.published_at),
        outlet: text_field(&names.outlet),
        url: text_field(&names.url),
        kept: Vec::new(),
    };
    front.fields = fields;
    if let Some((key, value)) = TICKER_KEYS
        .iter()
        .find_map(|k| map.as_mapping_get(k).map(|v| (k, v)))
    {
        match tickers(value) {
            Some(list) => front.tickers = list,
            None => front.warnings.push(format!(
                "front matter: `{key}` is not a list of symbols or a comma-separated string; \
                 left out"
            )),
        }
    }
    front
}

/// A scalar's text: a string, or a number as written.
fn scalar_text(value: &Yaml) -> Option<String> {
    match value {
        Yaml::Value(Scalar::String(s)) => Some(s.to_string()),
        Yaml::Value(Scalar::Integer(i)) => Some(i.to_string()),
        Yaml::Value(Scalar::FloatingPoint(f)) => Some(f.to_string()),
        Yaml::Representation(s, ..) => Some(s.to_string()),
        Yaml::Tagged(_, inner) => scalar_text(inner),
        _ => None,
    }
}

fn is_null(value: &Yaml) -> bool {
    matches!(value, Yaml::Value(Scalar::Null))
}

/// The symbols of a ticker list (`[AAPL, MSFT]`, `- AAPL`) or string (`AAPL, $MSFT`).
fn tickers(value: &Yaml) -> Option<Vec<String>> {
    let raw: Vec<String> = match value {
        Yaml::Sequence(items) => items.iter().map(scalar_text).collect::<Option<_>>()?,
        Yaml::Value(Scalar::Null) => Vec::new(),
        other => scalar_text(other)?
            .split([',', ';'])
            .map(str::to_string)
            .collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for symbol in raw.iter().flat_map(|s| s.split_whitespace()) {
        let symbol = symbol.trim_start_matches('$');
        if !symbol.is_empty() && !out.iter().any(|s| s == symbol) && out.len() < MAX_TICKERS {
            out.push(symbol.to_string());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_front(text: &str) -> (FrontMatter, &str) {
        let (front, body) = split(text, &FieldNames::default());
        (front.expect("front matter"), body)
    }

    #[test]
    fn fields_and_tickers_are_read_and_the_body_follows() {
        let (front, body) = read_front(
            "---\ntitle: \"Sony lifts outlook\"\ndate: 2026-02-12\nsource: Finsent Wire\n\
             url: https://example.com/a\ntickers: [SONY, \"$6758.T\"]\n---\n# Sony lifts outlook\n\nProfit rose.\n",
        );
        assert_eq!(front.fields.title.as_deref(), Some("Sony lifts outlook"));
        assert_eq!(front.fields.published_at.as_deref(), Some("2026-02-12"));
        assert_eq!(front.fields.outlet.as_deref(), Some("Finsent Wire"));
        assert_eq!(front.fields.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(front.tickers, ["SONY", "6758.T"]);
        assert!(front.warnings.is_empty(), "{:?}", front.warnings);
        assert_eq!(body, "# Sony lifts outlook\n\nProfit rose.\n");
    }

    #[test]
    fn a_comma_string_of_tickers_and_a_numeric_date() {
        let (front, _) =
            read_front("---\nsymbols: AAPL, MSFT;$NVDA AAPL\npublished: 20260212\n---\nx");
        assert_eq!(front.tickers, ["AAPL", "MSFT", "NVDA"]);
        assert_eq!(front.fields.published_at.as_deref(), Some("20260212"));
    }

    #[test]
    fn no_front_matter_unless_the_first_line_opens_it() {
        let text = "\n---\ntitle: x\n---\nbody";
        let (front, body) = split(text, &FieldNames::default());
        assert!(front.is_none());
        assert_eq!(body, text);
    }

    #[test]
    fn bad_yaml_is_a_warning_and_the_body_is_kept() {
        let (front, body) = read_front("---\ntitle: [unclosed\n---\nProfit rose.");
        assert!(front.fields.title.is_none());
        assert!(
            front.warnings[0].contains("not valid YAML"),
            "{:?}",
            front.warnings
        );
        assert_eq!(body, "Profit rose.");
        let (front, body) = read_front("---\n- a\n- b\n---\nProfit rose.");
        assert!(
            front.warnings[0].contains("key: value"),
            "{:?}",
            front.warnings
        );
        assert_eq!(body, "Profit rose.");
    }

    #[test]
    fn unclosed_front_matter_ends_at_a_blank_line_or_is_body() {
        let (front, body) = read_front("---\ntitle: Sony\ntags:\n  - a\n\nProfit rose.\n");
        assert_eq!(front.fields.title.as_deref(), Some("Sony"));
        assert!(front.warnings[0].contains("no closing"));
        assert_eq!(body, "\nProfit rose.\n");
        let (front, body) = read_front("---\nProfit rose 5% on Monday.\n\nMore text.");
        assert!(front.fields.title.is_none());
        assert!(front.warnings[0].contains("read as the body"));
        assert_eq!(body, "Profit rose 5% on Monday.\n\nMore text.");
    }

    #[test]
    fn wrong_types_and_alias_bombs_are_warnings() {
        let (front, _) = read_front("---\ntitle: {a: 1}\ntickers: {a: 1}\n---\nx");
        assert_eq!(front.warnings.len(), 2, "{:?}", front.warnings);
        let bomb = "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n\
                    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n\
                    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\nx";
        let (front, body) = read_front(bomb);
        assert!(
            front.warnings[0].contains("not valid YAML"),
            "{:?}",
            front.warnings
        );
        assert_eq!(body, "x");
        let deep = format!(
            "---\na: {}{}\n---\nx",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        let (front, _) = read_front(&deep);
        assert!(
            front.warnings[0].contains("not valid YAML"),
            "{:?}",
            front.warnings
        );
    }
}
