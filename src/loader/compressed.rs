//! Compressed inputs: gzip and zstd are read as the bytes they hold, whatever the file is
//! called (the first bytes say it), so `events.csv.gz` is a CSV archive and a `.jsonl` that
//! is really gzip is still JSON Lines. Other compressed or packed formats are named in an
//! error instead of being read as text.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

/// The suffixes a compressed file's name may end with, after the format's own extension.
const SUFFIXES: [&str; 3] = ["gz", "zst", "zstd"];

/// The name of `path` without a compression suffix (`a/x.jsonl.gz` is `x.jsonl`), for
/// reading the format off its extension; `path` itself when it has none.
pub fn without_suffix(path: &Path) -> &Path {
    let compressed = path
        .extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| SUFFIXES.iter().any(|s| ext.eq_ignore_ascii_case(s)));
    match (compressed, path.file_stem()) {
        // `x.jsonl.gz` reads as `x.jsonl`; a bare `x.gz` has no format of its own.
        (true, Some(stem)) => Path::new(stem),
        _ => path,
    }
}

/// Compressions that are recognised by their first bytes but not read.
const UNREAD: [(&[u8], &str); 4] = [
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"PK\x03\x04", "zip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
];

/// `reader`, decompressed when its first bytes are a gzip or zstd header (several gzip
/// members, as `cat a.gz b.gz` makes, are read one after another); as it is otherwise. An
/// archive or compression finsent does not read is an error naming it.
pub fn decompressed(mut reader: Box<dyn BufRead>) -> Result<Box<dyn BufRead>, String> {
    let head = match reader.fill_buf() {
        Ok(head) => head,
        // The error is the reader's to report where it is read.
        Err(_) => return Ok(reader),
    };
    if head.starts_with(b"\x1f\x8b") {
        return Ok(Box::new(BufReader::with_capacity(
            64 << 10,
            MultiGzDecoder::new(reader),
        )));
    }
    if head.starts_with(b"\x28\xb5\x2f\xfd") {
        let decoder = zstd::stream::read::Decoder::with_buffer(reader)
            .map_err(|e| format!("zstd input could not be opened: {e}"))?;
        return Ok(Box::new(BufReader::with_capacity(64 << 10, decoder)));
    }
    if let Some((_, name)) = UNREAD.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Err(format!(
            "{name}-compressed input is not read; decompress it, or compress it with gzip \
             or zstd, which finsent reads"
        ));
    }
    Ok(reader)
}

#[cfg(test)]
mod tests {
    use std::io::{self, Read, Write};

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).expect("gzip");
        encoder.finish().expect("gzip")
    }

    fn read(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
        let mut reader = decompressed(Box::new(io::Cursor::new(bytes)))?;
        let mut out = Vec::new();
        reader.read_to_end(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    #[test]
    fn gzip_and_zstd_are_read_by_their_first_bytes() {
        let text = b"{\"id\":\"a\",\"body\":\"Sony rose.\"}\n".repeat(1000);
        assert_eq!(read(gzip(&text)).as_deref(), Ok(&text[..]));
        let zstd = zstd::stream::encode_all(&text[..], 3).expect("zstd");
        assert_eq!(read(zstd).as_deref(), Ok(&text[..]));
        assert_eq!(
            read(text.clone()).as_deref(),
            Ok(&text[..]),
            "plain stays plain"
        );
        // Two gzip members, as `cat a.gz b.gz` makes.
        let two = [gzip(b"one\n"), gzip(b"two\n")].concat();
        assert_eq!(read(two).as_deref(), Ok(&b"one\ntwo\n"[..]));
    }

    #[test]
    fn other_compressions_are_named() {
        let err = read(b"BZh91AY&SY...".to_vec()).expect_err("bzip2");
        assert!(
            err.starts_with("bzip2-compressed input is not read"),
            "{err}"
        );
        let err = read(b"\xfd7zXZ\x00\x00".to_vec()).expect_err("xz");
        assert!(err.starts_with("xz-compressed"), "{err}");
    }

    #[test]
    fn a_cut_gzip_stream_is_an_error() {
        let whole = gzip(&b"Sony rose. ".repeat(10_000));
        let err = read(whole[..whole.len() / 2].to_vec()).expect_err("cut");
        assert!(!err.is_empty());
    }

    #[test]
    fn the_suffix_is_dropped_before_the_extension_is_read() {
        assert_eq!(
            without_suffix(Path::new("a/x.jsonl.gz")),
            Path::new("x.jsonl")
        );
        assert_eq!(without_suffix(Path::new("x.csv.ZST")), Path::new("x.csv"));
        assert_eq!(without_suffix(Path::new("x.jsonl")), Path::new("x.jsonl"));
        assert_eq!(without_suffix(Path::new("x.gz")), Path::new("x"));
    }
}
