//! From inputs to records: paths (files as given, directories scanned) and standard
//! input, each opened, decompressed, its format chosen (by extension, `--input-format`,
//! or sniffed on standard input) and handed to the loader of that format.

use std::fs::File;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

use super::boilerplate::Boilerplate;
use super::document::read_document;
use super::{
    InputFormat, Kept, LoadOptions, Records, compressed, counted, csv, jsonl, record_error,
};
use crate::article::{ErrorKind, Origin, Record};

/// Every record of `inputs`, in order: files as given, directories recursively in name order.
/// A panic while reading an input outside a record's own parsing (walking a directory,
/// opening a file) ends that input with one `internal` error record (`Guarded`); the
/// records read before it and the other inputs are unchanged.
pub fn load(inputs: Vec<PathBuf>, options: LoadOptions) -> impl Iterator<Item = Record> {
    inputs.into_iter().flat_map(move |input| Guarded {
        path: input.display().to_string(),
        records: Some(load_input(input, options.clone())),
    })
}

/// The records of one input, read inside a panic boundary: a panic becomes the input's last
/// record, an `internal` error naming the input, since the reader's state after a panic
/// cannot be trusted to go on.
struct Guarded {
    path: String,
    records: Option<Records>,
}

impl Iterator for Guarded {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let records = self.records.as_mut()?;
        match crate::isolate::catching(|| records.next()) {
            Ok(Some(record)) => Some(record),
            Ok(None) => {
                self.records = None;
                None
            }
            Err(message) => {
                self.records = None;
                let origin = Origin {
                    path: self.path.clone(),
                    line: None,
                };
                let message = format!("{message}; the rest of this input was not read");
                Some(Err(crate::isolate::internal_error(
                    &self.path, &origin, message,
                )))
            }
        }
    }
}

/// The entries of a directory as the loaders read it: recursively, following symbolic
/// links (loops are reported as errors), in name order.
pub fn walk(dir: &Path) -> walkdir::IntoIter {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
}

fn load_input(input: PathBuf, options: LoadOptions) -> Records {
    if input.as_os_str() == "-" {
        return load_stdin(options);
    }
    if input.is_dir() {
        let boilerplate = Boilerplate::scan(&input, &options);
        let entries = walk(&input);
        return Box::new(entries.flat_map(move |entry| -> Records {
            if let Ok(e) = &entry {
                crate::isolate::fault_point(&format!("walk {}", e.path().display()));
            }
            match entry {
                Ok(e) if e.file_type().is_dir() => Box::new(std::iter::empty()),
                Ok(e) => match options.format.or_else(|| InputFormat::from_path(e.path())) {
                    // Opening a FIFO waits for a writer: a scan never opens what is not a
                    // regular file. (An input named on the command line is read as given.)
                    Some(_) if !e.file_type().is_file() => unreadable_as(
                        e.path().display().to_string(),
                        ErrorKind::NotAFile,
                        "not a regular file (a FIFO, socket or device) inside a scanned \
                         directory; not read. Name it on the command line to read it",
                    ),
                    Some(format) => load_file(e.path(), format, &options, &boilerplate),
                    None => Box::new(std::iter::empty()),
                },
                Err(err) => {
                    let path = err
                        .path()
                        .map_or_else(|| input.display().to_string(), |p| p.display().to_string());
                    unreadable(path, &err)
                }
            }
        }));
    }
    let format = options
        .format
        .or_else(|| InputFormat::from_path(&input))
        .unwrap_or(InputFormat::Text);
    load_file(&input, format, &options, &Boilerplate::default())
}

fn load_file(
    path: &Path,
    format: InputFormat,
    options: &LoadOptions,
    boilerplate: &Boilerplate,
) -> Records {
    let name = path.display().to_string();
    let reader = match File::open(path) {
        Ok(file) => compressed::decompressed(counted(file, options)),
        Err(err) => return unreadable(name, &err),
    };
    match reader {
        Ok(reader) => read_input(format, reader, name, options, boilerplate),
        Err(message) => unreadable_as(name, ErrorKind::Encoding, &message),
    }
}

/// The one record of an input that cannot be read at all.
fn unreadable(path: String, err: &dyn std::fmt::Display) -> Records {
    unreadable_as(path, ErrorKind::Io, &err.to_string())
}

fn unreadable_as(path: String, kind: ErrorKind, message: &str) -> Records {
    let origin = Origin {
        path: path.clone(),
        line: None,
    };
    Box::new(std::iter::once(record_error(path, kind, message, origin)))
}

fn load_stdin(options: LoadOptions) -> Records {
    match compressed::decompressed(counted(io::stdin(), &options)) {
        Ok(reader) => read_stream(reader, "-".into(), &options),
        Err(message) => unreadable_as("-".into(), ErrorKind::Encoding, &message),
    }
}

/// The records of a stream whose format is not known from a file name (standard input):
/// `options.format`, else sniffed. A byte-order mark is dropped first, and an empty stream
/// has no records (Spark hands empty partitions to `finsent score -`).
fn read_stream(mut reader: Box<dyn BufRead>, path: String, options: &LoadOptions) -> Records {
    if reader
        .fill_buf()
        .is_ok_and(|b| b.starts_with(b"\xef\xbb\xbf"))
    {
        reader.consume(3);
    }
    if reader.fill_buf().is_ok_and(<[u8]>::is_empty) {
        return Box::new(std::iter::empty());
    }
    let format = options.format.unwrap_or_else(|| sniff(&mut reader));
    read_format(format, reader, path, options)
}

/// JSON Lines when the first non-blank byte opens an object, plain text otherwise.
fn sniff(reader: &mut Box<dyn BufRead>) -> InputFormat {
    loop {
        let Ok(buf) = reader.fill_buf() else {
            return InputFormat::Text;
        };
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) if buf[i] == b'{' => return InputFormat::Jsonl,
            Some(_) => return InputFormat::Text,
            None if buf.is_empty() => return InputFormat::Text,
            None => {
                // Whitespace only so far: this text is read as whitespace by every format.
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// The records of one input in `format` read from `reader`; `path` names it in ids and
/// error records.
pub fn read_format(
    format: InputFormat,
    reader: Box<dyn BufRead>,
    path: String,
    options: &LoadOptions,
) -> Records {
    read_input(format, reader, path, options, &Boilerplate::default())
}

/// [`read_format`], with the boilerplate lines of the input's directory.
fn read_input(
    format: InputFormat,
    mut reader: Box<dyn BufRead>,
    path: String,
    options: &LoadOptions,
    boilerplate: &Boilerplate,
) -> Records {
    let archive = matches!(format, InputFormat::Jsonl | InputFormat::Csv);
    if archive
        && reader
            .fill_buf()
            .is_ok_and(|b| b.starts_with(b"\xff\xfe") || b.starts_with(b"\xfe\xff"))
    {
        let message =
            "UTF-16 archives are not read; convert the file to UTF-8 (iconv -f UTF-16 -t UTF-8)";
        return unreadable_as(path, ErrorKind::Encoding, message);
    }
    match format {
        InputFormat::Jsonl => Box::new(jsonl::records(
            reader,
            path,
            options.fields.clone(),
            options.dates.clone(),
            options.max_record_bytes,
        )),
        InputFormat::Csv => {
            csv::records(reader, path, options.fields.clone(), options.dates.clone())
        }
        InputFormat::Text | InputFormat::Md | InputFormat::Html => {
            let mut record = read_document(format, reader, path, options, boilerplate);
            if let Ok(article) = &mut record {
                // A document has no fields to keep: each is null.
                article.kept = Kept::absent(&options.fields.keep);
            }
            Box::new(std::iter::once(record))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_stdin(bytes: &'static [u8]) -> Vec<Record> {
        read_stream(Box::new(bytes), "-".into(), &LoadOptions::default()).collect()
    }

    #[test]
    fn stdin_with_a_byte_order_mark_is_read_as_its_format() {
        let records = read_stdin(
            b"\xef\xbb\xbf{\"id\":\"a\",\"body\":\"Sales rose.\"}\n{\"id\":\"b\",\"body\":\"Costs fell.\"}\n",
        );
        let ids: Vec<&str> = records
            .iter()
            .map(|r| r.as_ref().expect("an article").id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"], "JSONL, not one text article");
        let text = read_stdin(b"\xef\xbb\xbfToyota lifts outlook\nShares rose.");
        let article = text[0].as_ref().expect("a text article");
        assert_eq!(article.title.as_deref(), Some("Toyota lifts outlook"));
    }

    #[test]
    fn empty_stdin_has_no_records() {
        assert!(read_stdin(b"").is_empty());
        assert!(read_stdin(b"\xef\xbb\xbf").is_empty());
    }
}
