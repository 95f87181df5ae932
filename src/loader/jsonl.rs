//! JSON Lines archives: one article object per line, read as a stream.

use std::io::{self, BufRead, Read};

use serde_json::{Map, Value};

use super::{DateLayouts, FieldNames, Fields, record_error};
use crate::article::{ErrorKind, Origin, Record};

/// Reads one line into `buf` (emptied first), at most `max` bytes of it; returns the bytes
/// the line has in all, the rest of a longer line being skipped unread into `buf`.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: u64) -> io::Result<u64> {
    buf.clear();
    let n = (&mut *reader)
        .take(max.saturating_add(1))
        .read_until(b'\n', buf)? as u64;
    if n <= max || buf.last() == Some(&b'\n') {
        return Ok(n);
    }
    Ok(n + reader.skip_until(b'\n')? as u64)
}

/// Why a line could not be read.
pub type LineError = (ErrorKind, String);

/// The lines of a stream, numbered from 1, each read into one reused buffer. A line longer
/// than `max` bytes is a `too_large` error and is skipped unread; a read error is reported
/// once and ends the stream.
pub struct Lines {
    reader: Box<dyn BufRead>,
    max: u64,
    buf: Vec<u8>,
    number: u64,
    done: bool,
}

impl Lines {
    pub fn new(reader: Box<dyn BufRead>, max: u64) -> Self {
        Self {
            reader,
            max,
            buf: Vec::new(),
            number: 0,
            done: false,
        }
    }

    /// The next line's number and bytes (newline included), or why it cannot be read;
    /// `None` at the end of the stream.
    pub fn next_line(&mut self) -> Option<(u64, Result<&[u8], LineError>)> {
        if self.done {
            return None;
        }
        self.number += 1;
        let line = match read_line(&mut *self.reader, &mut self.buf, self.max) {
            Ok(0) => {
                self.done = true;
                return None;
            }
            Ok(n) if n > self.max => Err((
                ErrorKind::TooLarge,
                format!(
                    "line of {n} bytes, over --max-record-bytes {}; not read",
                    self.max
                ),
            )),
            Ok(_) => Ok(self.buf.as_slice()),
            Err(err) => {
                self.done = true;
                Err((ErrorKind::Io, err.to_string()))
            }
        };
        Some((self.number, line))
    }
}

/// The records of a JSONL stream; blank lines are not records. A line longer than
/// `max_line` bytes is a `too_large` error record.
pub fn records(
    reader: Box<dyn BufRead>,
    path: String,
    fields: FieldNames,
    dates: DateLayouts,
    max_line: u64,
) -> impl Iterator<Item = Record> {
    let mut lines = Lines::new(reader, max_line);
    std::iter::from_fn(move || {
        while let Some((number, line)) = lines.next_line() {
            let origin = Origin {
                path: path.clone(),
                line: Some(number),
            };
            let fallback_id = format!("{path}:{number}");
            match line {
                Err((kind, message)) => {
                    return Some(record_error(fallback_id, kind, message, origin));
                }
                Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => {}
                Ok(bytes) => {
                    let parsed = crate::isolate::catching(|| {
                        parse_line(bytes, &fields, &dates, fallback_id.clone(), origin.clone())
                    });
                    return Some(parsed.unwrap_or_else(|message| {
                        Err(crate::isolate::internal_error(
                            &fallback_id,
                            &origin,
                            message,
                        ))
                    }));
                }
            }
        }
        None
    })
}

fn parse_line(
    line: &[u8],
    fields: &FieldNames,
    dates: &DateLayouts,
    fallback_id: String,
    origin: Origin,
) -> Record {
    let text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(err) => {
            return record_error(
                fallback_id,
                ErrorKind::Encoding,
                format!("line is not valid UTF-8: {err}"),
                origin,
            );
        }
    };
    let object = match serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            let message = format!("expected a JSON object, found {}", kind_of(&other));
            return record_error(fallback_id, ErrorKind::Parse, message, origin);
        }
        Err(err) => {
            return record_error(
                fallback_id,
                ErrorKind::Parse,
                format!("invalid JSON: {err}"),
                origin,
            );
        }
    };
    let mut ignored = Vec::new();
    let mut get = |names: &[String]| first_string(&object, names, &mut ignored);
    let record = Fields {
        id: get(&fields.id),
        title: get(&fields.title),
        body: get(&fields.body),
        published_at: get(&fields.published_at),
        outlet: get(&fields.outlet),
        url: get(&fields.url),
        kept: fields
            .keep
            .iter()
            .map(|k| (k.column.clone(), object.get(&k.field).and_then(kept_text)))
            .collect(),
    }
    .into_article(fallback_id, origin, dates);
    with_ignored_fields(record, ignored)
}

/// Says in the record which fields were left out for their type: an article lists them
/// first among its warnings, an error record (no text left) adds them to its message.
fn with_ignored_fields(mut record: Record, ignored: Vec<String>) -> Record {
    if ignored.is_empty() {
        return record;
    }
    match &mut record {
        Ok(article) => {
            article.warnings.splice(0..0, ignored);
        }
        Err(error) => {
            error.message = format!("{}; {}", error.message, ignored.join("; "));
        }
    }
    record
}

/// The first of `names` present as a string or number (numbers are written as JSON writes
/// them). A field of another type (an object, an array, a boolean) is left out, and
/// `ignored` says so; null is an absent value.
fn first_string(
    object: &Map<String, Value>,
    names: &[String],
    ignored: &mut Vec<String>,
) -> Option<String> {
    names.iter().find_map(|name| match object.get(name)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Null => None,
        other => {
            ignored.push(format!(
                "{name}: expected a string, found {}; left out",
                kind_of(other)
            ));
            None
        }
    })
}

/// A kept field as text: a string as it is, a number as JSON writes it, `true` or
/// `false`, an object or an array as JSON; null is null.
fn kept_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &'static str) -> Vec<Record> {
        records(
            Box::new(input.as_bytes()),
            "a.jsonl".into(),
            FieldNames::default(),
            DateLayouts::default(),
            1 << 20,
        )
        .collect()
    }

    #[test]
    fn reads_fields_and_reports_bad_lines() {
        let out = read(
            "{\"id\": 7, \"headline\": \"Sony up\", \"text\": \"Shares rose.\"}\n\n[1]\n{\"title\": \nnot json\n{\"body\": \"  \"}\n",
        );
        let first = out[0].as_ref().expect("first line is an article");
        assert_eq!(first.id, "7");
        assert_eq!(first.title.as_deref(), Some("Sony up"));
        assert_eq!(first.body, "Shares rose.");
        let kinds: Vec<_> = out[1..]
            .iter()
            .map(|r| r.as_ref().expect_err("bad line").kind)
            .collect();
        assert_eq!(
            kinds,
            [
                ErrorKind::Parse,
                ErrorKind::Parse,
                ErrorKind::Parse,
                ErrorKind::EmptyText
            ]
        );
        let errors: Vec<_> = out[1..]
            .iter()
            .map(|r| r.as_ref().expect_err("bad line"))
            .collect();
        assert_eq!(errors[0].id, "a.jsonl:3");
        assert_eq!(errors[0].origin.line, Some(3));
    }

    #[test]
    fn wrong_typed_fields_are_left_out_with_a_warning() {
        let out = read(
            "{\"id\":\"a\",\"title\":[\"Sony\"],\"body\":\"Shares rose.\",\"date\":{\"y\":2026}}\n{\"id\":\"b\",\"body\":{\"text\":\"x\"}}\n",
        );
        let article = out[0].as_ref().expect("the body is text");
        assert_eq!(article.title, None);
        assert_eq!(
            article.warnings,
            [
                "title: expected a string, found an array; left out",
                "date: expected a string, found an object; left out"
            ]
            .map(String::from)
            .to_vec()
        );
        let error = out[1].as_ref().expect_err("no text left");
        assert_eq!(error.kind, ErrorKind::EmptyText);
        assert!(
            error
                .message
                .ends_with("body: expected a string, found an object; left out"),
            "{}",
            error.message
        );
    }
}
