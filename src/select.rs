//! Which records a run scores: `--shard K/N` keeps the records whose id hashes to shard K,
//! so N processes or machines split an archive without coordination; `--resume` skips the
//! ids an earlier, interrupted run already wrote.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Seek, SeekFrom};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::article::Record;
use crate::validate::{Field, Invalid};

/// Shard `index` (0-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Parses `K/N` with 1 ≤ K ≤ N.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let bad = || Invalid::new(Field::Shard, "K/N with 1 <= K <= N", format!("{text:?}"));
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let (k, n): (u64, u64) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if k == 0 || k > n {
            return Err(bad());
        }
        Ok(Self {
            index: k - 1,
            count: n,
        })
    }

    /// The shard of `id`: the first 8 bytes of its SHA-256, modulo the shard count. Stable
    /// across runs, machines and finsent versions.
    pub fn contains(&self, id: &str) -> bool {
        let digest = Sha256::digest(id.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(first) % self.count == self.index
    }
}

/// The records a run keeps.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub shard: Option<Shard>,
    /// Ids already written by an earlier run.
    pub done: HashSet<String>,
}

impl Selection {
    pub fn keeps(&self, record: &Record) -> bool {
        let id = match record {
            Ok(article) => &article.id,
            Err(error) => &error.id,
        };
        self.shard.is_none_or(|s| s.contains(id)) && !self.done.contains(id)
    }
}

/// Whether `line` is a record finsent wrote: a JSON object that starts with its `id` and
/// has the shape of a scored article (`label`, `score`, `model` with `name` and
/// `version`, `source`) or of an error record (`error` with `kind` and `message`,
/// `source`). Returns its id.
fn own_record(line: &[u8]) -> Option<String> {
    use serde_json::Value;
    if !line.starts_with(OWN_PREFIX) {
        return None;
    }
    let record: serde_json::Map<String, Value> = serde_json::from_slice(line).ok()?;
    let is_object_with = |field: &str, keys: &[&str]| {
        record
            .get(field)
            .and_then(Value::as_object)
            .is_some_and(|o| keys.iter().all(|k| o.contains_key(*k)))
    };
    let article = is_object_with("model", &["name", "version"])
        && record.contains_key("label")
        && record.contains_key("score");
    let error = is_object_with("error", &["kind", "message"]);
    let own = (article || error) && is_object_with("source", &["path", "line"]);
    own.then(|| record.get("id")?.as_str().map(str::to_string))
        .flatten()
}

/// How every finsent output record starts (its first field is the id).
const OWN_PREFIX: &[u8] = b"{\"id\":";

/// Why an output file is not resumed into; nothing in it was changed.
fn not_resumable(message: String) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{message}; not resuming into this file (nothing in it was changed)"),
    )
}

/// The ids of the records in an existing JSONL output. Only finsent's own records are
/// trusted (`own_record`): a file with any other complete line (notes, another tool's
/// JSON, an input archive) is refused, not trimmed. A last line cut short by a crash (no
/// newline at its end, and the start of a finsent record) is removed from the file, so
/// appending goes on from the last whole record.
pub fn resume_ids(path: &Path) -> io::Result<HashSet<String>> {
    let mut file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(e) => return Err(e),
    };
    let mut ids = HashSet::new();
    keep_lines(&mut file, |number, line| match line {
        Line::Whole(text) => match own_record(text) {
            Some(id) => {
                ids.insert(id);
                Ok(true)
            }
            None => Err(not_resumable(format!(
                "line {number} is not a finsent output record"
            ))),
        },
        // A record cut short by a crash, or whole but for the newline; either way it is
        // scored again.
        Line::Cut(text) if text.starts_with(OWN_PREFIX) => Ok(false),
        Line::Cut(_) => Err(not_resumable(format!(
            "its last line ({number}) is not one finsent wrote"
        ))),
    })?;
    file.seek(SeekFrom::End(0))?;
    Ok(ids)
}

/// Makes the sentences table of an output being resumed agree with it: rows of the records
/// the output holds (`done`) are kept; the table is cut before the first row of an article
/// the output lacks (written before a crash hit the output; the article is scored again),
/// and before a last line cut short. Rows are checked as [`resume_ids`] checks records:
/// a file with a line that is not a finsent sentence row is refused, unchanged. A missing
/// table is refused when the output holds records already (their rows would be missing).
pub fn resume_sentence_table(path: &Path, done: &HashSet<String>) -> io::Result<()> {
    let mut file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound && done.is_empty() => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "the output holds {} records already but this sentences table does not \
                     exist, so their rows would be missing; resume without it, or start again",
                    done.len()
                ),
            ));
        }
        Err(e) => return Err(e),
    };
    keep_lines(&mut file, |number, line| {
        let Line::Whole(text) = line else {
            return Ok(false);
        };
        match sentence_row_id(text) {
            Some(id) => Ok(done.contains(&id)),
            None => Err(not_resumable(format!(
                "line {number} is not a finsent sentence row"
            ))),
        }
    })
}

/// A line of a file being resumed into.
enum Line<'a> {
    /// A line with its newline.
    Whole(&'a [u8]),
    /// The last line, without a newline at its end.
    Cut(&'a [u8]),
}

/// Reads `file`'s lines from its start, numbered from 1, while `keep` takes them, then cuts
/// the file after the last line taken. An error from `keep` ends the reading and leaves the
/// file unchanged.
fn keep_lines(
    file: &mut File,
    mut keep: impl FnMut(usize, Line<'_>) -> io::Result<bool>,
) -> io::Result<()> {
    let mut kept = 0u64;
    let mut reader = BufReader::new(&mut *file);
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        let read = if line.ends_with(b"\n") {
            Line::Whole(&line)
        } else {
            Line::Cut(&line)
        };
        if !keep(number, read)? {
            break;
        }
        kept += n as u64;
    }
    drop(reader);
    if file.metadata()?.len() != kept {
        file.set_len(kept)?;
    }
    Ok(())
}

/// The article id of a sentences table row: a JSON object that starts with its `id` and
/// has the unit's `index` and `part`.
fn sentence_row_id(line: &[u8]) -> Option<String> {
    use serde_json::Value;
    if !line.starts_with(OWN_PREFIX) {
        return None;
    }
    let row: serde_json::Map<String, Value> = serde_json::from_slice(line).ok()?;
    let unit = row.get("index").is_some_and(Value::is_u64) && row.contains_key("part");
    unit.then(|| row.get("id")?.as_str().map(str::to_string))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_ids() {
        let shards: Vec<Shard> = (1..=3)
            .map(|k| Shard::parse(&format!("{k}/3")).expect("valid"))
            .collect();
        for i in 0..300 {
            let id = format!("article-{i}");
            assert_eq!(
                shards.iter().filter(|s| s.contains(&id)).count(),
                1,
                "{id} is in exactly one shard"
            );
        }
        let sizes: Vec<usize> = shards
            .iter()
            .map(|s| {
                (0..300)
                    .filter(|i| s.contains(&format!("article-{i}")))
                    .count()
            })
            .collect();
        assert!(sizes.iter().all(|&n| n > 70), "roughly even: {sizes:?}");
        assert!(
            Shard::parse("0/3").is_err()
                && Shard::parse("4/3").is_err()
                && Shard::parse("x").is_err()
        );
    }

    const ARTICLE: &str = r#"{"id":"a","label":"neutral","score":0.0,"model":{"name":"m","version":"1"},"source":{"path":"x.jsonl","line":1}}"#;
    const ERROR: &str = r#"{"id":"b","error":{"kind":"parse","message":"bad"},"source":{"path":"x.jsonl","line":2}}"#;

    #[test]
    fn resume_drops_a_cut_last_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, format!("{ARTICLE}\n{ERROR}\n{{\"id\":\"c\",\"sco")).expect("write");
        let ids = resume_ids(&path).expect("readable");
        assert_eq!(ids, HashSet::from(["a".to_string(), "b".to_string()]));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            format!("{ARTICLE}\n{ERROR}\n")
        );
        assert!(
            resume_ids(&dir.path().join("missing.jsonl"))
                .expect("no file is no ids")
                .is_empty()
        );
    }

    #[test]
    fn a_resumed_sentences_table_is_cut_where_the_output_ends() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sentences.jsonl");
        let row = |id: &str, index: u32| {
            format!("{{\"id\":\"{id}\",\"index\":{index},\"part\":\"body\"}}\n")
        };
        let kept = [row("a", 0), row("a", 1), row("b", 0)].concat();
        let ahead = [row("c", 0), row("c", 1), "{\"id\":\"d\",\"in".into()].concat();
        std::fs::write(&path, format!("{kept}{ahead}")).expect("write");
        let done = HashSet::from(["a".to_string(), "b".to_string()]);
        resume_sentence_table(&path, &done).expect("resumable");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), kept);

        std::fs::write(&path, format!("{kept}my notes\n")).expect("write");
        let refused = resume_sentence_table(&path, &done).expect_err("not a row");
        assert!(refused.to_string().contains("nothing in it was changed"));
        let missing = dir.path().join("missing.jsonl");
        assert!(resume_sentence_table(&missing, &HashSet::new()).is_ok());
        assert!(resume_sentence_table(&missing, &done).is_err());
    }

    #[test]
    fn resume_refuses_a_file_finsent_did_not_write_and_leaves_it_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let foreign = [
            format!("{ARTICLE}\nmy notes, not json\n"),
            "line\nmy notes, not json\n".to_string(),
            format!("{ARTICLE}\nmy notes without a newline"),
            "{\"id\":\"x\",\"title\":\"an input article\",\"body\":\"text\"}\n".to_string(),
            format!("{ARTICLE}\n{{\"id\":\"y\",\"label\":\"neutral\",\"score\":0}}\n"),
        ];
        for (i, text) in foreign.iter().enumerate() {
            let path = dir.path().join(format!("{i}.jsonl"));
            std::fs::write(&path, text).expect("write");
            let refused = resume_ids(&path).expect_err("refused");
            assert_eq!(refused.kind(), io::ErrorKind::InvalidData, "{text}");
            assert!(refused.to_string().contains("nothing in it was changed"));
            assert_eq!(&std::fs::read_to_string(&path).expect("read"), text);
        }
    }
}
