//! Writers: records in input order, as JSON Lines, CSV or Parquet, to a file or standard
//! output. A file is written under a temporary name beside the target and renamed into
//! place only when the run completes, so a crash or an error never leaves a partial file
//! that looks whole.

mod arrow;
mod csv;
mod guard;
mod jsonl;
mod lock;
mod mention;
mod parquet;
pub mod partial;
mod record;
mod schema;
mod sentences;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use self::arrow::ArrowEncoder;
pub use self::csv::CsvWriter;
pub use self::parquet::ParquetWriter;
pub use guard::{check_destinations, claim_outputs};
pub use jsonl::JsonlWriter;
pub use lock::{OutputLock, lock_output};
pub use mention::{MentionRecord, mention_records};
pub use record::*;
pub use schema::{
    KEPT_PREFIX, classify_schema, kept_columns, mention_fields, record_schema,
    sentence_table_schema,
};
pub use sentences::SentenceTable;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// JSON Lines: one object per record (the default).
    Jsonl,
    /// CSV with a header row: the schema flattened, one row per record.
    Csv,
    /// Parquet: typed, nested columns.
    Parquet,
}

impl Format {
    /// The format an output path's extension names: `.jsonl` (`.ndjson`, `.json`), `.csv`,
    /// `.parquet` (`.pq`); JSON Lines for a path without an extension (`-`, `/dev/null`).
    /// `None` for any other extension, which names no format finsent writes (`x.txt`,
    /// `x.jsonl.gz`).
    pub fn from_path(path: &Path) -> Option<Self> {
        let Some(ext) = path.extension() else {
            return Some(Self::Jsonl);
        };
        match ext.to_str()?.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "json" => Some(Self::Jsonl),
            "csv" => Some(Self::Csv),
            "parquet" | "pq" => Some(Self::Parquet),
            _ => None,
        }
    }
}

/// What the writers put in each record beyond the fixed fields.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// `sentence_scores` is a field (`--sentences`).
    pub with_sentences: bool,
    /// CSV: one row per (article, ticker) (`--per-ticker`).
    pub per_ticker: bool,
    /// The columns of kept input fields (`--keep`), last in each record.
    pub kept: Vec<String>,
}

impl Layout {
    /// The fields of the records written with this layout.
    pub fn schema(&self) -> arrow_schema::Schema {
        record_schema(self.with_sentences, &self.kept)
    }
}

/// A writer of `format` over `sink`.
pub fn open_writer(
    format: Format,
    sink: Sink,
    layout: &Layout,
) -> io::Result<Box<dyn RecordWriter>> {
    Ok(match format {
        Format::Jsonl => Box::new(JsonlWriter::new(sink)),
        Format::Csv => Box::new(CsvWriter::for_schema(
            sink,
            &layout.schema(),
            layout.per_ticker,
        )?),
        Format::Parquet => Box::new(ParquetWriter::for_schema(sink, layout.schema())?),
    })
}

/// A writer of `format` over `sink` for rows of `schema` (`classify`'s), given as JSON
/// objects: JSON Lines writes each object whole, CSV and Parquet the schema's fields.
pub fn open_row_writer(
    format: Format,
    sink: Sink,
    schema: arrow_schema::Schema,
) -> io::Result<Box<dyn RowWriter>> {
    Ok(match format {
        Format::Jsonl => Box::new(JsonlWriter::new(sink)),
        Format::Csv => Box::new(CsvWriter::for_schema(sink, &schema, false)?),
        Format::Parquet => Box::new(ParquetWriter::for_schema(sink, schema)?),
    })
}

/// A destination for output records.
pub trait RecordWriter {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()>;
    /// Flushes what is buffered (called after every chunk, so piped output streams).
    fn flush(&mut self) -> io::Result<()>;
    /// Completes the output: flushes it and, for files, moves it into place.
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// A writer that also takes rows of another schema than the score records, as JSON.
pub trait RowWriter: RecordWriter {
    fn write_row(&mut self, row: &serde_json::Value) -> io::Result<()>;
}

/// Standard output, a file that appears at its path only once finished, or a file
/// written in place (`--resume` appends; devices and pipes are written as they are).
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    InPlace(BufWriter<File>),
    File {
        temp: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
        /// Lets a signal handler delete the temporary file ([`partial`]).
        partial: partial::Registered,
    },
}

impl Sink {
    /// `-` is standard output; an existing device or pipe (`/dev/null`, a FIFO) is written
    /// as it is; anything else is a file, created under a temporary name in its directory.
    pub fn open(path: &Path) -> io::Result<Self> {
        if path.as_os_str() == "-" {
            return Ok(Self::Stdout(BufWriter::new(io::stdout())));
        }
        if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = std::fs::OpenOptions::new().write(true).open(path)?;
            return Ok(Self::InPlace(BufWriter::new(file)));
        }
        if path.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "the output path is a directory",
            ));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("directory {} does not exist", dir.display()),
            ));
        }
        let temp = tempfile::Builder::new()
            .prefix(".finsent-")
            .suffix(".partial")
            .tempfile_in(dir)?;
        // Temporary files are private (0600); the finished output is an ordinary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            temp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        Ok(Self::File {
            partial: partial::register(temp.path()),
            temp: BufWriter::new(temp),
            path: path.to_path_buf(),
        })
    }

    /// Appends to `path` (created if missing); what is written is on disk after each flush.
    pub fn append(path: &Path) -> io::Result<Self> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        Ok(Self::InPlace(BufWriter::new(file)))
    }

    pub fn finish(self) -> io::Result<()> {
        match self {
            Self::Stdout(mut out) => out.flush(),
            Self::InPlace(mut out) => {
                out.flush()?;
                match out.get_ref().sync_all() {
                    // Devices and pipes cannot be synced.
                    Err(e) if e.kind() == io::ErrorKind::InvalidInput => Ok(()),
                    other => other,
                }
            }
            Self::File { temp, path, .. } => {
                let temp = temp.into_inner().map_err(|e| e.into_error())?;
                temp.as_file().sync_all()?;
                let file: File = temp.persist(&path).map_err(|e| e.error)?;
                drop(file);
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(out) => out.write(buf),
            Self::InPlace(out) => out.write(buf),
            Self::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(out) => out.flush(),
            Self::InPlace(out) => out.flush(),
            Self::File { temp, .. } => temp.flush(),
        }
    }
}
