//! CSV archives with a header row: one article per row, read as a stream. Columns are
//! found by name (case-insensitive); rows with fewer or more fields than the header are
//! read as far as they go.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::BufRead;
use std::rc::Rc;

use ::csv::ByteRecord;

use super::{DateLayouts, FieldNames, Fields, Records, Tap, record_error};
use crate::article::{ErrorKind, Origin, Record};

/// Column indexes of the article fields in one file's header.
struct Columns {
    id: Option<usize>,
    title: Option<usize>,
    body: Option<usize>,
    published_at: Option<usize>,
    outlet: Option<usize>,
    url: Option<usize>,
    /// The kept fields' columns (`--keep`), in the order asked for.
    kept: Vec<Option<usize>>,
}

impl Columns {
    fn find(header: &[String], fields: &FieldNames) -> Self {
        let find = |names: &[String]| {
            names
                .iter()
                .find_map(|name| header.iter().position(|h| h.eq_ignore_ascii_case(name)))
        };
        Self {
            id: find(&fields.id),
            title: find(&fields.title),
            body: find(&fields.body),
            published_at: find(&fields.published_at),
            outlet: find(&fields.outlet),
            url: find(&fields.url),
            kept: fields
                .keep
                .iter()
                .map(|k| find(std::slice::from_ref(&k.field)))
                .collect(),
        }
    }
}

/// Physical line numbers of record starts, whatever the line endings. The CSV reader
/// counts a record's line before the line breaks in front of it (a CRLF's `\n`, blank
/// lines), so a file with CRLF endings numbered its first row as the header's line, and
/// ids made of path and line changed with the line endings. A record starts after the run
/// of `\r`/`\n` bytes in front of it; its line is one more than the line breaks (`\r\n`,
/// `\n` or a lone `\r`) before that.
#[derive(Default)]
struct LineIndex {
    /// Bytes seen.
    offset: u64,
    /// Line breaks seen.
    newlines: u64,
    /// The last byte seen is a `\r`.
    after_cr: bool,
    /// The start of the run of line-break bytes the last byte seen is in.
    open_run: Option<u64>,
    /// Runs of line-break bytes seen, not yet behind the record being read: where each
    /// starts, and the line breaks up to its end.
    runs: VecDeque<(u64, u64)>,
}

impl LineIndex {
    fn see(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == b'\n' || b == b'\r' {
                self.open_run.get_or_insert(self.offset);
                // `\r\n`, `\n` and a lone `\r` each end one line.
                self.newlines += u64::from(b == b'\r' || !self.after_cr);
            } else if let Some(start) = self.open_run.take() {
                self.runs.push_back((start, self.newlines));
            }
            self.after_cr = b == b'\r';
            self.offset += 1;
        }
    }

    /// The line of the record whose reading starts at `byte` (records come in order).
    fn line_at(&mut self, byte: u64) -> u64 {
        while self.runs.get(1).is_some_and(|&(start, _)| start <= byte) {
            self.runs.pop_front();
        }
        match self.runs.front() {
            Some(&(start, newlines)) if start <= byte => 1 + newlines,
            _ => 1,
        }
    }
}

/// The articles of a CSV file, one per row (or an error record for the row); a header that
/// cannot be read is one error record for the file.
pub fn records(
    reader: Box<dyn BufRead>,
    path: String,
    fields: FieldNames,
    dates: DateLayouts,
) -> Records {
    // The `"` bytes read: an odd count at the end of the file means a quote was never closed.
    let quotes = Rc::new(Cell::new(0u64));
    let counter = quotes.clone();
    let lines = Rc::new(RefCell::new(LineIndex::default()));
    let index = lines.clone();
    let seen = move |bytes: &[u8]| {
        counter.set(counter.get() + bytes.iter().filter(|&&b| b == b'"').count() as u64);
        index.borrow_mut().see(bytes);
    };
    let mut csv = ::csv::ReaderBuilder::new().flexible(true).from_reader(Tap {
        inner: reader,
        seen,
    });
    let header = match read_header(&mut csv) {
        Ok(header) => header,
        Err((kind, message)) => {
            let origin = Origin {
                path: path.clone(),
                line: Some(1),
            };
            return Box::new(std::iter::once(record_error(path, kind, message, origin)));
        }
    };
    let columns = Columns::find(&header, &fields);
    let file = CsvFile {
        no_text: no_text(&columns, &header, &fields),
        columns,
        path,
        fields,
        dates,
        quotes,
        lines,
    };
    // A read error is reported once; the rest of the file is not read.
    let mut failed = false;
    let mut rows = csv
        .into_byte_records()
        .map_while(move |row| {
            if failed {
                return None;
            }
            failed = row.as_ref().is_err_and(|e| e.is_io_error());
            Some(row)
        })
        .peekable();
    Box::new(std::iter::from_fn(move || {
        let row = rows.next()?;
        let last = rows.peek().is_none();
        Some(file.record(row, last))
    }))
}

/// The header's column names, trimmed (and without a byte-order mark); else the error's kind
/// and message.
fn read_header<R: std::io::Read>(
    csv: &mut ::csv::Reader<R>,
) -> Result<Vec<String>, (ErrorKind, String)> {
    match csv.headers() {
        Ok(h) => Ok(h
            .iter()
            .map(|s| s.trim().trim_start_matches('\u{feff}').to_string())
            .collect()),
        Err(err) => {
            let kind = if matches!(err.kind(), ::csv::ErrorKind::Utf8 { .. }) {
                ErrorKind::Encoding
            } else {
                ErrorKind::Parse
            };
            Err((kind, format!("cannot read the CSV header: {err}")))
        }
    }
}

/// Why no row of a file with this header can be scored (it has no text column), if so.
fn no_text(columns: &Columns, header: &[String], fields: &FieldNames) -> Option<String> {
    (columns.title.is_none() && columns.body.is_none()).then(|| {
        format!(
            "CSV header has no title column ({}) and no body column ({}); found: {}",
            fields.title.join("/"),
            fields.body.join("/"),
            header.join(",")
        )
    })
}

/// What the rows of one file are read with.
struct CsvFile {
    path: String,
    columns: Columns,
    fields: FieldNames,
    dates: DateLayouts,
    /// Without a text column each row is this error.
    no_text: Option<String>,
    /// The `"` bytes read so far.
    quotes: Rc<Cell<u64>>,
    lines: Rc<RefCell<LineIndex>>,
}

impl CsvFile {
    /// The record of one row; `last`: no row follows it.
    fn record(&self, row: Result<ByteRecord, ::csv::Error>, last: bool) -> Record {
        let (row, position) = match row {
            Ok(row) => {
                let position = row.position().cloned();
                (Ok(row), position)
            }
            Err(err) => {
                let position = err.position().cloned();
                (Err(err), position)
            }
        };
        let line = position.map(|p| self.lines.borrow_mut().line_at(p.byte()));
        let origin = Origin {
            path: self.path.clone(),
            line,
        };
        let fallback_id = format!("{}:{}", self.path, line.unwrap_or(0));
        let row = match row {
            Ok(row) => row,
            Err(err) => {
                return record_error(fallback_id, ErrorKind::Parse, err.to_string(), origin);
            }
        };
        if let Some(message) = &self.no_text {
            return record_error(fallback_id, ErrorKind::Parse, message.clone(), origin);
        }
        if last && self.quotes.get() % 2 == 1 && row.iter().any(|f| f.contains(&b'\n')) {
            let message = "unbalanced quote: a quoted field opened in this row runs to the end \
                           of the file, so the rows after it cannot be told apart; close the \
                           quote and score the file again";
            return record_error(fallback_id, ErrorKind::Parse, message, origin);
        }
        let fields = match self.fields_of(&row) {
            Ok(fields) => fields,
            Err(err) => {
                let message = format!("field is not valid UTF-8: {err}");
                return record_error(fallback_id, ErrorKind::Encoding, message, origin);
            }
        };
        crate::isolate::catching(|| {
            fields.into_article(fallback_id.clone(), origin.clone(), &self.dates)
        })
        .unwrap_or_else(|message| {
            Err(crate::isolate::internal_error(
                &fallback_id,
                &origin,
                message,
            ))
        })
    }

    /// The article fields of a row, as text.
    fn fields_of(&self, row: &ByteRecord) -> Result<Fields, std::str::Utf8Error> {
        let columns = &self.columns;
        let all = [
            columns.id,
            columns.title,
            columns.body,
            columns.published_at,
            columns.outlet,
            columns.url,
        ];
        let texts = all
            .into_iter()
            .chain(columns.kept.iter().copied())
            .map(|col| col.and_then(|i| row.get(i)))
            .map(|bytes| {
                Ok(bytes
                    .map(std::str::from_utf8)
                    .transpose()?
                    .map(str::to_string))
            })
            .collect::<Result<Vec<Option<String>>, std::str::Utf8Error>>()?;
        let mut texts = texts.into_iter();
        let mut next = || texts.next().flatten();
        Ok(Fields {
            id: next(),
            title: next(),
            body: next(),
            published_at: next(),
            outlet: next(),
            url: next(),
            // An empty cell is null: CSV does not tell an empty text from a missing one.
            kept: (self.fields.keep.iter())
                .map(|k| (k.column.clone(), next().filter(|v| !v.is_empty())))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &'static str) -> Vec<Record> {
        records(
            Box::new(input.as_bytes()),
            "a.csv".into(),
            FieldNames::default(),
            DateLayouts::default(),
        )
        .collect()
    }

    #[test]
    fn reads_quoted_multiline_rows() {
        let out = read(
            "ID,Headline,Text,Date\ncsv-1,\"Ford cuts outlook\",\"Ford said, \"\"costs rose.\"\"\nShares fell.\",2026-02-17\n,,\"Only a body\"\n",
        );
        let first = out[0].as_ref().expect("row 1");
        assert_eq!(first.id, "csv-1");
        assert_eq!(first.body, "Ford said, \"costs rose.\"\nShares fell.");
        assert_eq!(first.published_at.as_deref(), Some("2026-02-17T00:00:00Z"));
        let second = out[1].as_ref().expect("row 2");
        assert_eq!(second.id, "a.csv:4");
        assert_eq!(second.title, None);
    }

    /// Regression (issue 25 #6): with CRLF line endings the first row was numbered 1, the
    /// header's line, and blank lines between rows shifted the numbers, so ids made of
    /// path and line changed with the line endings.
    #[test]
    fn csv_line_numbers_are_physical_lines_whatever_the_line_endings() {
        let lines = |input: &'static str| -> Vec<(String, Option<u64>)> {
            read(input)
                .into_iter()
                .map(|r| {
                    let a = r.expect("a row");
                    (a.id, a.origin.line)
                })
                .collect()
        };
        let expected = |rows: [u64; 3]| -> Vec<(String, Option<u64>)> {
            rows.iter()
                .map(|&n| (format!("a.csv:{n}"), Some(n)))
                .collect()
        };
        assert_eq!(lines("title\nA\nB\nC\n"), expected([2, 3, 4]));
        assert_eq!(lines("title\r\nA\r\nB\r\nC\r\n"), expected([2, 3, 4]));
        assert_eq!(lines("title\rA\rB\rC"), expected([2, 3, 4]));
        assert_eq!(lines("title\n\nA\n\n\nB\nC"), expected([3, 6, 7]));
        assert_eq!(
            lines("title\r\n\r\nA\r\n\r\n\r\nB\r\nC"),
            expected([3, 6, 7])
        );
        assert_eq!(lines("title\n\"A\nA\"\r\n\nB\nC\n"), expected([2, 5, 6]));
    }

    #[test]
    fn unknown_header_makes_every_row_an_error() {
        let out = read("a,b\n1,2\n3,4\n");
        assert_eq!(out.len(), 2);
        for record in out {
            assert_eq!(record.expect_err("no text column").kind, ErrorKind::Parse);
        }
    }

    #[test]
    fn unbalanced_quote_is_reported_not_swallowed() {
        let out = read("id,text\n1,fine\n2,\"open quote\n3,eaten\n4,eaten too\n");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().expect("row 1").body, "fine");
        let error = out[1].as_ref().expect_err("unbalanced");
        assert_eq!((error.kind, error.origin.line), (ErrorKind::Parse, Some(3)));
        assert!(error.message.contains("unbalanced quote"));
        // A literal quote inside an unquoted one-line field is not a broken file.
        let out = read("id,text\n1,a 5\" screen\n");
        assert_eq!(out[0].as_ref().expect("row").body, "a 5\" screen");
    }
}
