//! Writers: records in input order to a file or standard output. A file is written under a
//! temporary name beside the target and renamed into place only when the run completes,
//! so a crash or an error never leaves a partial file that looks whole.

mod jsonl;
mod record;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use jsonl::JsonlWriter;
pub use record::*;

/// A destination for output records.
pub trait RecordWriter {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()>;
    /// Flushes what is buffered (called after every chunk, so piped output streams).
    fn flush(&mut self) -> io::Result<()>;
    /// Completes the output: flushes it and, for files, moves it into place.
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// Standard output, a file that appears at its path only once finished, or (for
/// `--resume`) an existing file appended to in place.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    Append(BufWriter<File>),
    File {
        temp: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
}

impl Sink {
    /// `-` is standard output; anything else a file, created in its directory.
    pub fn open(path: &Path) -> io::Result<Self> {
        if path.as_os_str() == "-" {
            return Ok(Self::Stdout(BufWriter::new(io::stdout())));
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".finsent-")
            .suffix(".partial")
            .tempfile_in(dir)?;
        Ok(Self::File {
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
        Ok(Self::Append(BufWriter::new(file)))
    }

    pub fn finish(self) -> io::Result<()> {
        match self {
            Self::Stdout(mut out) => out.flush(),
            Self::Append(mut out) => {
                out.flush()?;
                out.get_ref().sync_all()
            }
            Self::File { temp, path } => {
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
            Self::Append(out) => out.write(buf),
            Self::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(out) => out.flush(),
            Self::Append(out) => out.flush(),
            Self::File { temp, .. } => temp.flush(),
        }
    }
}
