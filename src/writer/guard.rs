//! Nothing a user points at is destroyed by accident: before a run writes anything, its
//! output files are checked against each other and against its inputs. `-o` equal to
//! `--errors` would keep only one of the two; `-o` equal to an input would overwrite the
//! archive with its own scores (and, with `--resume`, take the input's ids for records
//! already written); an output inside a scanned directory would be read back as input by
//! the next run, or by this one when it resumes.

use std::path::{Path, PathBuf};

use super::lock::{OutputLock, lock_output};
use crate::error::{Error, Result};

/// A file as the system knows it: its device and inode when it exists (its canonical path
/// on systems without inodes), else its absolute path with the directory's symbolic links
/// resolved.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    #[cfg(unix)]
    Inode(u64, u64),
    Path(PathBuf),
}

fn identity(path: &Path) -> Option<Identity> {
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::MetadataExt;
        return Some(Identity::Inode(meta.dev(), meta.ino()));
    }
    #[cfg(not(unix))]
    if let Ok(existing) = path.canonicalize() {
        return Some(Identity::Path(existing));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(Identity::Path(
        dir.canonicalize().ok()?.join(path.file_name()?),
    ))
}

/// An output that names a file: not standard output and not an existing device or pipe
/// (`/dev/null` may be given twice).
fn is_file_output(path: &Path) -> bool {
    path.as_os_str() != "-" && !std::fs::metadata(path).is_ok_and(|m| !m.is_file())
}

/// Checks the outputs of a run ([`check_destinations`]) and takes the lock on each file
/// among them ([`lock_output`]): the output proper, which is created when the run appends
/// to it in place (`append`), and the error file. A collision is a usage error; a lock held
/// by another run is an output error that says so. The locks are held until the returned
/// value is dropped.
pub fn claim_outputs(
    outputs: &[(&str, &Path)],
    inputs: &[PathBuf],
    scanned: impl Fn(&Path) -> bool,
    append: bool,
) -> Result<Vec<OutputLock>> {
    check_destinations(outputs, inputs, scanned).map_err(Error::Usage)?;
    let mut locks = Vec::new();
    for (i, &(_, path)) in outputs.iter().enumerate() {
        if path.as_os_str() == "-" {
            continue;
        }
        let lock = lock_output(path, append && i == 0).map_err(|source| Error::Output {
            path: path.display().to_string(),
            source,
        })?;
        locks.extend(lock);
    }
    Ok(locks)
}

/// Checks the outputs of a run, given as (flag, path), against each other and against
/// `inputs`; `scanned` says whether a directory scan reads a file (by its extension, or
/// every file under `--input-format`). Returns the message of the refusal.
pub fn check_destinations(
    outputs: &[(&str, &Path)],
    inputs: &[PathBuf],
    scanned: impl Fn(&Path) -> bool,
) -> std::result::Result<(), String> {
    let outputs: Vec<(&str, &Path, Identity)> = outputs
        .iter()
        .filter(|(_, path)| is_file_output(path))
        .filter_map(|&(flag, path)| Some((flag, path, identity(path)?)))
        .collect();
    for (i, (flag, path, id)) in outputs.iter().enumerate() {
        if let Some((other, _, _)) = outputs[..i].iter().find(|(_, _, o)| o == id) {
            return Err(format!(
                "{other} and {flag} name the same file {}: one would overwrite the other; \
                 give each its own file",
                path.display()
            ));
        }
        for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
            if identity(input).as_ref() == Some(id) {
                return Err(format!(
                    "{flag} {} is an input of this run: writing it would destroy the input; \
                     write the output to another file",
                    path.display()
                ));
            }
            let inside = input.is_dir()
                && match (input.canonicalize(), &id) {
                    (Ok(dir), Identity::Path(file)) => file.starts_with(&dir),
                    #[cfg(unix)]
                    (Ok(dir), Identity::Inode(..)) => {
                        path.canonicalize().is_ok_and(|file| file.starts_with(&dir))
                    }
                    (Err(_), _) => false,
                };
            if inside && scanned(path) {
                return Err(format!(
                    "{flag} {} is inside the input directory {}, whose scan reads it as \
                     input; write the output outside the directory (or under another \
                     extension)",
                    path.display(),
                    input.display()
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "jsonl")
    }

    #[test]
    fn outputs_that_collide_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let input = dir.path().join("a.jsonl");
        std::fs::write(&input, "{}\n").expect("write");
        let out = dir.path().join("out.jsonl");
        let same = dir.path().join(".").join("out.jsonl");
        let refused = |outputs: &[(&str, &Path)], inputs: &[PathBuf]| {
            check_destinations(outputs, inputs, jsonl).expect_err("refused")
        };
        let both = refused(&[("-o", &out), ("--errors", &same)], &[]);
        assert!(
            both.contains("-o and --errors name the same file"),
            "{both}"
        );
        let overwrite = refused(&[("-o", &input)], std::slice::from_ref(&input));
        assert!(overwrite.contains("is an input of this run"), "{overwrite}");
        let scanned = refused(&[("-o", &out)], &[dir.path().to_path_buf()]);
        assert!(scanned.contains("inside the input directory"), "{scanned}");
    }

    #[test]
    fn distinct_outputs_devices_and_stdout_pass() {
        let dir = tempfile::tempdir().expect("tempdir");
        let input = dir.path().join("in");
        std::fs::create_dir(&input).expect("mkdir");
        let out = dir.path().join("out.jsonl");
        let errors = dir.path().join("errors.jsonl");
        let inputs = [input.clone(), PathBuf::from("-")];
        let ok = |outputs: &[(&str, &Path)]| check_destinations(outputs, &inputs, jsonl);
        assert_eq!(ok(&[("-o", &out), ("--errors", &errors)]), Ok(()));
        let null = Path::new("/dev/null");
        assert_eq!(ok(&[("-o", null), ("--errors", null)]), Ok(()));
        let dash = Path::new("-");
        assert_eq!(ok(&[("-o", dash), ("--errors", &errors)]), Ok(()));
        let unscanned = input.join("scores.csv");
        assert_eq!(ok(&[("-o", &unscanned)]), Ok(()));
    }

    #[test]
    fn the_error_file_is_locked_like_the_output() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out.jsonl");
        let errors = dir.path().join("errors.jsonl");
        std::fs::write(&errors, "").expect("an error file of an earlier run");
        let outputs: [(&str, &Path); 2] = [("-o", &out), ("--errors", &errors)];
        let first = claim_outputs(&outputs, &[], jsonl, true).expect("first run");
        assert_eq!(
            first.len(),
            2,
            "the output (created to append) and the error file"
        );
        // Another run with its own output but the same error file.
        let other = dir.path().join("other.jsonl");
        let second = claim_outputs(&[("-o", &other), ("--errors", &errors)], &[], jsonl, false)
            .expect_err("the error file is taken");
        assert!(
            matches!(&second, Error::Output { path, .. } if path == &errors.display().to_string()),
            "{second}"
        );
        assert!(
            second.to_string().contains("another finsent run"),
            "{second}"
        );
        drop(first);
        assert_eq!(
            claim_outputs(&outputs, &[], jsonl, false)
                .expect("free again")
                .len(),
            2
        );
    }
}
