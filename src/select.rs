//! Which records a run scores: `--shard K/N` keeps the records whose id hashes to shard K,
//! so N processes or machines split an archive without coordination; `--resume` skips the
//! ids an earlier, interrupted run already wrote.

use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::article::Record;

/// Shard `index` (0-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Parses `K/N` with 1 ≤ K ≤ N.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("--shard takes K/N with 1 <= K <= N, got {text:?}");
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

/// The ids of the records in an existing JSONL output. A last line cut short by a crash
/// (no newline at the end, or not JSON) is removed from the file, so appending goes on
/// from the last whole record; a bad line before the last means the file is not
/// finsent's output, and nothing is changed.
pub fn resume_ids(path: &Path) -> io::Result<HashSet<String>> {
    let mut file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(e) => return Err(e),
    };
    let mut ids = HashSet::new();
    let mut whole = 0u64;
    let mut reader = BufReader::new(&mut file);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        let id = serde_json::from_slice::<serde_json::Value>(&line)
            .ok()
            .and_then(|v| v.get("id").and_then(|id| id.as_str().map(str::to_string)));
        match id {
            Some(id) if line.ends_with(b"\n") => {
                ids.insert(id);
                whole += n as u64;
            }
            _ => {
                let mut rest = [0u8; 1];
                if reader.read(&mut rest)? > 0 {
                    let message = format!(
                        "line {} is not a finsent output record; not resuming into this file",
                        ids.len() + 1
                    );
                    return Err(io::Error::new(io::ErrorKind::InvalidData, message));
                }
                break;
            }
        }
    }
    drop(reader);
    file.set_len(whole)?;
    file.seek(SeekFrom::End(0))?;
    Ok(ids)
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

    #[test]
    fn resume_drops_a_cut_last_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\"}\n{\"id\":\"b\",\"error\":{}}\n{\"id\":\"c\",\"sco",
        )
        .expect("write");
        let ids = resume_ids(&path).expect("readable");
        assert_eq!(ids, HashSet::from(["a".to_string(), "b".to_string()]));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "{\"id\":\"a\"}\n{\"id\":\"b\",\"error\":{}}\n"
        );
        assert!(
            resume_ids(&dir.path().join("missing.jsonl"))
                .expect("no file is no ids")
                .is_empty()
        );
        let other = dir.path().join("notes.txt");
        std::fs::write(&other, "{\"id\":\"a\"}\nmy notes\nmore notes\n").expect("write");
        assert!(
            resume_ids(&other).is_err(),
            "a bad line before the last is refused"
        );
        let kept = std::fs::read_to_string(&other).expect("read");
        assert_eq!(
            kept, "{\"id\":\"a\"}\nmy notes\nmore notes\n",
            "and the file is left alone"
        );
    }
}
