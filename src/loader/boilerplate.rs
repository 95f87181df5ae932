//! A site's boilerplate in a directory of saved text pages: lines that many articles of
//! one directory share word for word (an AI-use footer, a standard disclaimer, a
//! newsletter plug), found before the directory's articles are read.
//!
//! The rule: a line is boilerplate when at least [`MIN_FILES`] text files of its own
//! directory, and at least one in [`SHARE`] of them, hold it. Lines with a figure or a
//! company name are never counted (they are the story's). Only text files (`.txt`) are
//! read for it, once each before the directory is scored, so a directory is read twice;
//! records still stream. Memory is bounded: at most [`MAX_LINES`] distinct lines are
//! counted (8-byte fingerprints of directory and line); lines first seen after that are
//! not counted.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::path::Path;

use super::{InputFormat, LoadOptions, compressed, decode, walk};

/// Fewest files of a directory that must share a line.
pub const MIN_FILES: u32 = 3;
/// The share of a directory's text files (one in this many) that must hold a line.
pub const SHARE: u32 = 10;
/// Most distinct lines counted in one scan.
pub const MAX_LINES: usize = 200_000;
/// Longest line (in words) counted: a footer, not an article.
const MAX_WORDS: usize = 80;

/// The boilerplate lines of the directories under one input.
#[derive(Debug, Default)]
pub struct Boilerplate {
    lines: rustc_hash::FxHashSet<u64>,
}

impl Boilerplate {
    /// Reads every text file under `root` (as the loader finds them) and keeps the lines
    /// that many files of one directory share. Files that cannot be read are skipped here
    /// (the loader reports them).
    pub fn scan(root: &Path, options: &LoadOptions) -> Self {
        if options.format.is_some_and(|f| f != InputFormat::Text) {
            return Self::default();
        }
        // Per line: its directory's index in `files`, and how many files hold it.
        let mut counts: HashMap<u64, (usize, u32)> = HashMap::new();
        let mut dirs: HashMap<String, usize> = HashMap::new();
        let mut files: Vec<u32> = Vec::new();
        for entry in walk(root).flatten() {
            let path = entry.path();
            let text_file = entry.file_type().is_file()
                && options.format.or_else(|| InputFormat::from_path(path))
                    == Some(InputFormat::Text);
            let Some(text) = text_file.then(|| read(path, options)).flatten() else {
                continue;
            };
            let dir = directory(&path.display().to_string());
            let next = dirs.len();
            let d = *dirs.entry(dir.clone()).or_insert(next);
            if d == files.len() {
                files.push(0);
            }
            files[d] += 1;
            let mut seen = rustc_hash::FxHashSet::default();
            for line in text.lines().filter(|l| counted(l)) {
                let key = fingerprint(&dir, line);
                if !seen.insert(key) {
                    continue;
                }
                if let Some((_, n)) = counts.get_mut(&key) {
                    *n += 1;
                } else if counts.len() < MAX_LINES {
                    counts.insert(key, (d, 1));
                }
            }
        }
        let lines = counts
            .into_iter()
            .filter(|&(_, (d, n))| n >= MIN_FILES && n >= files[d].div_ceil(SHARE))
            .map(|(key, _)| key)
            .collect();
        Self { lines }
    }

    /// Whether `line` of the file at `path` is boilerplate of its directory.
    pub fn contains(&self, path: &str, line: &str) -> bool {
        !self.lines.is_empty()
            && counted(line)
            && self.lines.contains(&fingerprint(&directory(path), line))
    }
}

/// The directory part of a path as the loader names files.
fn directory(path: &str) -> String {
    Path::new(path)
        .parent()
        .map_or_else(String::new, |p| p.display().to_string())
}

/// Whether a line is one boilerplate is looked for in.
fn counted(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words > 0 && words <= MAX_WORDS && !super::text::carries_figure_or_company(line)
}

fn fingerprint(dir: &str, line: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    dir.hash(&mut hasher);
    for word in line.split_whitespace() {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

/// The text of a file, as the loader would decode it; `None` when it cannot be read.
fn read(path: &Path, options: &LoadOptions) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let reader = compressed::decompressed(Box::new(std::io::BufReader::new(file))).ok()?;
    let mut bytes = Vec::new();
    reader
        .take(options.max_record_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() as u64 > options.max_record_bytes {
        return None;
    }
    decode(&bytes).ok()
}
