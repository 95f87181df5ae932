//! One run writes an output file at a time. A run that appends in place (`--resume`)
//! holds an exclusive lock (`flock`) on the output for as long as it runs; a second run
//! on the same file, resuming or not, finds the lock taken and refuses instead of
//! interleaving its records with the first run's (every record twice) or renaming a new
//! file over the one being appended to. The lock belongs to the open file, so the system
//! releases it when the process ends, however it ends: no stale lock survives a crash.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;

/// The lock on an output file, held until dropped.
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// Takes the lock on the output `path`. With `create` (appending in place), the file is
/// created when missing; without, a missing file needs no lock (the run creates it by
/// renaming a finished temporary file into place). A lock another run holds is an
/// `io::ErrorKind::WouldBlock` error that says so.
pub fn lock_output(path: &Path, create: bool) -> io::Result<Option<OutputLock>> {
    let opened = if create {
        OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
    } else {
        File::open(path)
    };
    let file = match opened {
        Ok(file) if file.metadata()?.is_file() => file,
        // Devices and pipes are not locked: they are not output files that a run fills.
        Ok(_) => return Ok(None),
        Err(e) if !create && e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(OutputLock { _file: file })),
        Err(TryLockError::WouldBlock) => Err(io::Error::new(
            io::ErrorKind::WouldBlock,
            "another finsent run is writing this file (it holds the file's lock); wait for \
             it to finish, or write to another file",
        )),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_run_on_a_locked_output_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.jsonl");
        assert!(
            lock_output(&path, false).expect("no file").is_none(),
            "a missing file needs no lock"
        );
        let first = lock_output(&path, true).expect("first run locks");
        assert!(first.is_some() && path.is_file(), "created and locked");
        for create in [true, false] {
            let second = lock_output(&path, create).expect_err("second run refused");
            assert_eq!(second.kind(), io::ErrorKind::WouldBlock);
            assert!(second.to_string().contains("another finsent run"));
        }
        drop(first);
        assert!(lock_output(&path, true).expect("free again").is_some());
        assert!(
            lock_output(Path::new("/dev/null"), false)
                .expect("device")
                .is_none()
        );
    }
}
