//! Whole-file articles (`.txt`, `.md`, `.html`): one file, one record.

use std::io::{BufRead, Read};

use super::boilerplate::Boilerplate;
use super::front_matter::{self, FrontMatter};
use super::{DateLayouts, Fields, InputFormat, LoadOptions, html, markdown, record_error, text};
use crate::article::{ErrorKind, Origin, Record};

/// Reads a whole-file article; `boilerplate` holds the lines repeated across the text files
/// of its directory.
pub(super) fn read_document(
    format: InputFormat,
    reader: Box<dyn BufRead>,
    path: String,
    options: &LoadOptions,
    boilerplate: &Boilerplate,
) -> Record {
    let max = options.max_record_bytes;
    let origin = Origin {
        path: path.clone(),
        line: None,
    };
    let mut bytes = Vec::new();
    if let Err(err) = reader.take(max.saturating_add(1)).read_to_end(&mut bytes) {
        return record_error(path, ErrorKind::Io, err.to_string(), origin);
    }
    if bytes.len() as u64 > max {
        let message = format!("file larger than {max} bytes (--max-record-bytes); not read");
        return record_error(path, ErrorKind::TooLarge, message, origin);
    }
    let failed = (path.clone(), origin.clone());
    let article = || document_article(format, &bytes, path, origin, options, boilerplate);
    crate::isolate::catching(article).unwrap_or_else(|message| {
        Err(crate::isolate::internal_error(
            &failed.0, &failed.1, message,
        ))
    })
}

/// The article of a whole file's bytes.
fn document_article(
    format: InputFormat,
    bytes: &[u8],
    path: String,
    origin: Origin,
    options: &LoadOptions,
    boilerplate: &Boilerplate,
) -> Record {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(message) => return record_error(path, ErrorKind::Encoding, message, origin),
    };
    match format {
        InputFormat::Html => html_article(&text, path, origin),
        InputFormat::Md => markdown_article(&text, path, origin, options),
        _ => text_article(&text, path, origin, boilerplate),
    }
}

/// The article of a text file, page furniture left out; text that is nothing but page
/// furniture is an `empty_text` error record.
fn text_article(text: &str, path: String, origin: Origin, boilerplate: &Boilerplate) -> Record {
    let read = text::extract(text, &|line| boilerplate.contains(&path, line));
    if read.left_out > 0 && read.title.is_none() && read.body.trim().is_empty() {
        let message = format!(
            "no article text: all {} lines are page furniture (menus, captions, prompts, \
             a footer repeated across the directory)",
            read.left_out
        );
        return record_error(path, ErrorKind::EmptyText, message, origin);
    }
    let mut record = Fields {
        title: read.title,
        body: Some(read.body),
        ..Fields::default()
    }
    // A text file carries no date to read.
    .into_article(path, origin, &DateLayouts::default());
    if let (Ok(article), true) = (&mut record, read.left_out > 0) {
        article.warnings.push(format!(
            "page furniture left out: {} lines (section labels, bylines, captions, prompts, \
             repeated footers)",
            read.left_out
        ));
    }
    record
}

/// The article of a Markdown file: its front matter's fields, else its heading.
fn markdown_article(text: &str, path: String, origin: Origin, options: &LoadOptions) -> Record {
    let (front, body) = front_matter::split(text, &options.fields);
    let FrontMatter {
        mut fields,
        tickers,
        warnings,
    } = front.unwrap_or_default();
    fields.title = fields.title.filter(|t| !t.trim().is_empty());
    let (heading, body) = markdown::extract(body, fields.title.as_deref());
    fields.title = fields.title.or(heading);
    fields.body = Some(body);
    let mut record = fields.into_article(path, origin, &options.dates);
    if let Ok(article) = &mut record {
        let dates = std::mem::take(&mut article.warnings);
        article.warnings = warnings.into_iter().chain(dates).collect();
        if !tickers.is_empty() {
            article.warnings.push(format!(
                "tickers from front matter (the author's; companies are found in the text): {}",
                tickers.join(", ")
            ));
        }
    }
    record
}

/// The article of an HTML page, with `warnings` saying where each field was read; a page
/// without article text (a page that JavaScript fills in, a bare list of links) is an
/// `empty_text` error record even when it has a title.
fn html_article(text: &str, path: String, origin: Origin) -> Record {
    let Ok(page) = html::extract(text) else {
        let message = format!(
            "HTML nested deeper than {} levels; not read (real pages nest a few dozen)",
            html::MAX_DEPTH
        );
        return record_error(path, ErrorKind::TooDeep, message, origin);
    };
    if page.body.trim().is_empty() {
        let message = "no article text found in the HTML page (only page furniture, or text \
                       that JavaScript would fill in)";
        return record_error(path, ErrorKind::EmptyText, message, origin);
    }
    let fields = [
        ("title", &page.title),
        ("published_at", &page.published_at),
        ("outlet", &page.outlet),
        ("url", &page.url),
    ];
    let sources: Vec<String> = fields
        .iter()
        .filter_map(|(name, found)| Some(format!("{name} from {}", found.as_ref()?.source)))
        .collect();
    let value = |found: Option<html::Found>| found.map(|f| f.value);
    let mut record = Fields {
        title: value(page.title),
        body: Some(page.body),
        published_at: value(page.published_at),
        outlet: value(page.outlet),
        url: value(page.url),
        ..Fields::default()
    }
    // Page metadata dates are ISO 8601 (`article:published_time`, JSON-LD): the built-in
    // layouts read them.
    .into_article(path, origin, &DateLayouts::default());
    if let Ok(article) = &mut record {
        let later = std::mem::take(&mut article.warnings);
        article.warnings = sources.into_iter().chain(later).collect();
    }
    record
}

/// The text of a whole-file article: UTF-8 (a byte-order mark is dropped), or UTF-16 with
/// a byte-order mark. A file with NUL bytes is binary, and text that is not valid in its
/// encoding is an error: finsent reports such input instead of guessing at it.
pub(super) fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| from([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16(&units).map_err(|e| format!("input is not valid UTF-16: {e}"))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| format!("input is not valid UTF-8: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf16_and_refuses_binary() {
        let text = "Sony ¥";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).as_deref(), Ok(text));
        assert_eq!(decode(&be).as_deref(), Ok(text));
        assert_eq!(decode(b"\xef\xbb\xbfplain").as_deref(), Ok("plain"));
        assert!(decode(b"\x7fELF\x02\x01\x00\x00").is_err());
        assert!(decode(b"caf\xe9").is_err());
    }

    #[test]
    fn an_empty_front_matter_title_leaves_the_heading_as_title() {
        let origin = Origin {
            path: "x.md".into(),
            line: None,
        };
        let text = "---\ntitle: ''\n---\n# Sony lifts outlook\n\nProfit rose.\n";
        let article = markdown_article(text, "x.md".into(), origin, &LoadOptions::default())
            .expect("an article");
        assert_eq!(article.title.as_deref(), Some("Sony lifts outlook"));
        assert_eq!(article.body, "Profit rose.");
    }
}
