//! Loaders: files, directories and standard input in, a stream of [`Record`]s out.
//!
//! Whole-file formats (`.txt`, `.md`, `.html`) give one article per file; archives
//! (`.jsonl`, `.csv`) give one per line or row and are read as streams, so an archive
//! larger than memory works. A record that cannot be read becomes a record error and the
//! stream goes on.
//!
//! This file holds what every loader shares (formats, field names, options, the fields of
//! an archive record); `inputs` turns paths and standard input into one loader per input.

mod boilerplate;
mod compressed;
mod csv;
mod dates;
mod document;
mod front_matter;
mod html;
mod inputs;
mod jsonl;
mod markdown;
mod text;

use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::article::{Article, ErrorKind, Origin, Record, RecordError};
use crate::limits::MAX_RECORD_BYTES;
use document::decode;

pub use compressed::decompressed;
pub use dates::{DateError, DateLayouts};
pub use inputs::{load, read_format, walk};
pub use jsonl::{LineError, Lines};

/// An input format, chosen from the file extension or forced with `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum InputFormat {
    /// Plain text: the first line of the story is the title; page furniture of a saved
    /// page (section labels, read times, captions, prompts, footers) is left out.
    Text,
    /// Markdown: the front matter's title, else the first `# heading`, else the first line
    /// is the title; front matter gives the date, outlet, url and tickers.
    Md,
    /// HTML page: the article's text, title and metadata, without the page around it.
    Html,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// CSV with a header row: one article per row.
    Csv,
}

impl InputFormat {
    /// The format of a file, from its extension (after a compression suffix: `x.csv.gz` is
    /// CSV); `None` for files a directory scan skips.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = compressed::without_suffix(path)
            .extension()?
            .to_str()?
            .to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Self::Text,
            "md" | "markdown" => Self::Md,
            "html" | "htm" => Self::Html,
            "jsonl" | "ndjson" => Self::Jsonl,
            "csv" => Self::Csv,
            _ => return None,
        })
    }
}

/// Names of the fields read from JSONL objects and CSV columns; the first present one wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub body: Vec<String>,
    pub published_at: Vec<String>,
    pub outlet: Vec<String>,
    pub url: Vec<String>,
    /// Fields copied through to the output record as they are (`--keep`).
    pub keep: Vec<Kept>,
}

/// An input field copied through to the output record: read as `field` (a JSONL key, a CSV
/// column), written as `column` (the field's name, unless the output has a column of that
/// name: [`crate::writer::kept_columns`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub field: String,
    pub column: String,
}

impl Kept {
    /// Each kept field's column with no value: what a record without the fields carries.
    pub fn absent(keep: &[Kept]) -> Vec<(String, Option<String>)> {
        keep.iter().map(|k| (k.column.clone(), None)).collect()
    }
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldNames {
    fn default() -> Self {
        Self {
            id: names(&["id"]),
            title: names(&["title", "headline"]),
            body: names(&["body", "text", "content"]),
            published_at: names(&["published_at", "date", "published", "datetime", "timestamp"]),
            outlet: names(&["source", "outlet", "publisher"]),
            url: names(&["url", "link"]),
            keep: Vec::new(),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub fields: FieldNames,
    /// Overrides the format of every input; standard input is sniffed when unset.
    pub format: Option<InputFormat>,
    /// Counts the input bytes read, for progress reports.
    pub bytes_read: Arc<AtomicU64>,
    /// Largest record (file, JSONL line) read; larger ones are `too_large` errors.
    pub max_record_bytes: u64,
    /// Date layouts beyond the built-in ones, and whether `26/02/1987` is day first.
    pub dates: DateLayouts,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            fields: FieldNames::default(),
            format: None,
            bytes_read: Arc::default(),
            max_record_bytes: MAX_RECORD_BYTES,
            dates: DateLayouts::default(),
        }
    }
}

/// A reader that shows every piece it reads to `seen` (to count bytes, quotes, ...).
struct Tap<R, F> {
    inner: R,
    seen: F,
}

impl<R: Read, F: FnMut(&[u8])> Read for Tap<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        (self.seen)(&buf[..n]);
        Ok(n)
    }
}

/// `inner`, buffered, adding the bytes read to `options.bytes_read`.
fn counted(inner: impl Read + 'static, options: &LoadOptions) -> Box<dyn BufRead> {
    let count = options.bytes_read.clone();
    let seen = move |bytes: &[u8]| {
        count.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    };
    Box::new(BufReader::with_capacity(64 << 10, Tap { inner, seen }))
}

/// The fields of one archive record before it becomes an [`Article`].
#[derive(Debug, Default)]
struct Fields {
    id: Option<String>,
    title: Option<String>,
    body: Option<String>,
    published_at: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    /// The kept fields: output column and value.
    kept: Vec<(String, Option<String>)>,
}

impl Fields {
    /// Builds the article; `fallback_id` is used when the record has no id of its own.
    fn into_article(self, fallback_id: String, origin: Origin, dates: &DateLayouts) -> Record {
        let non_empty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        let title = non_empty(self.title);
        let body = non_empty(self.body).unwrap_or_default();
        let id = non_empty(self.id).unwrap_or(fallback_id);
        if title.is_none() && body.is_empty() {
            return Err(RecordError {
                id,
                kind: ErrorKind::EmptyText,
                message: "record has neither a title nor a body with text".into(),
                origin,
            });
        }
        let mut warnings = Vec::new();
        let published_at =
            non_empty(self.published_at).and_then(|raw| match dates.normalize(&raw) {
                Ok(date) => Some(date),
                Err(DateError::Unrecognised) => {
                    warnings.push(format!("published_at: unrecognised date {raw:?}, left out"));
                    None
                }
                Err(DateError::Ambiguous) => {
                    warnings.push(format!(
                        "published_at: ambiguous date {raw:?} (day or month first?), left out; \
                         --day-first or --date-format reads it"
                    ));
                    None
                }
            });
        Ok(Article {
            id,
            title,
            body,
            published_at,
            outlet: non_empty(self.outlet),
            url: non_empty(self.url),
            origin,
            warnings,
            kept: self.kept,
        })
    }
}

fn record_error(id: String, kind: ErrorKind, message: impl Into<String>, origin: Origin) -> Record {
    Err(RecordError {
        id,
        kind,
        message: message.into(),
        origin,
    })
}

/// A stream of records.
pub type Records = Box<dyn Iterator<Item = Record>>;
