//! Partial output files never outlive an interrupted run. A file output is written under a
//! temporary name (`.finsent-XXXX.partial`) and renamed into place when the run completes;
//! a run that fails or panics removes it as it unwinds. A signal ends a process without
//! unwinding, so the temporary names are also kept here, where a signal handler can reach
//! them: on SIGINT, SIGTERM, SIGHUP or an abort (SIGABRT), [`remove_on_signal`]'s handler
//! deletes them and the process then ends by the same signal, as it would have.
//!
//! The names live in a few fixed slots of static memory, so registering one allocates
//! nothing that could leak and the handler never reads freed memory. (A handler that hands
//! the work to a thread, as `signal-hook`'s iterator does, would miss an abort: the process
//! ends as soon as the handler returns.) Signals are Unix's: elsewhere nothing is
//! registered and no handler is installed.

use std::path::Path;

/// A temporary file known to the signal handler until it is dropped (renamed into place,
/// or deleted by its owner).
#[derive(Debug)]
pub struct Registered(Option<usize>);

/// Makes `path` known to the signal handler, if a slot is free and the path fits in one
/// (the output and the error file of a few engines at once).
pub fn register(path: &Path) -> Registered {
    #[cfg(unix)]
    return Registered(slots::take(path));
    #[cfg(not(unix))]
    {
        let _ = path;
        Registered(None)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(i) = self.0 {
            slots::release(i);
        }
    }
}

/// Installs the handler that deletes the registered partial files on SIGINT, SIGTERM,
/// SIGHUP and SIGABRT, then ends the process by the same signal. A signal the process was
/// started with ignored (`nohup`, a background job's SIGINT) stays ignored. For the
/// `finsent` binary's `main`: the library never installs it by itself. Does nothing on
/// systems without Unix signals.
pub fn remove_on_signal() {
    #[cfg(unix)]
    slots::install();
}

#[cfg(unix)]
mod slots {
    use std::cell::UnsafeCell;
    use std::ffi::{c_char, c_int};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::sync::atomic::{AtomicU8, Ordering};

    /// Temporary files registered at once: the output and the error file, with room for
    /// several runs in one process.
    const SLOTS: usize = 16;
    /// The longest path kept, with its closing NUL (Linux's `PATH_MAX`).
    const PATH_BYTES: usize = 4096;

    /// A slot's states: free; being written by [`take`]; holding a path; read by the
    /// handler (then it stays so: the process is ending).
    const FREE: u8 = 0;
    const WRITING: u8 = 1;
    const READY: u8 = 2;
    const UNLINKING: u8 = 3;

    struct Slot {
        state: AtomicU8,
        path: UnsafeCell<[u8; PATH_BYTES]>,
    }

    // SAFETY: `path` is written only by the thread that moved `state` from FREE to WRITING,
    // and read only after `state` is READY (published with Release, read with Acquire);
    // a READY slot is written again only after its owner or nobody else holds it.
    unsafe impl Sync for Slot {}

    static SLOT: [Slot; SLOTS] = [const {
        Slot {
            state: AtomicU8::new(FREE),
            path: UnsafeCell::new([0; PATH_BYTES]),
        }
    }; SLOTS];

    /// The signals after which partial files are removed.
    const SIGNALS: [c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGABRT];

    /// Copies `path` into a free slot; `None` when none is free, or the path does not fit
    /// or holds a NUL byte.
    pub fn take(path: &Path) -> Option<usize> {
        let bytes = path.as_os_str().as_bytes();
        if bytes.len() >= PATH_BYTES || bytes.contains(&0) {
            return None;
        }
        let i = SLOT.iter().position(|slot| {
            slot.state
                .compare_exchange(FREE, WRITING, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
        })?;
        // SAFETY: this thread moved the slot from FREE to WRITING: nobody else reads or
        // writes its path until it is READY.
        let buffer = unsafe { &mut *SLOT[i].path.get() };
        buffer[..bytes.len()].copy_from_slice(bytes);
        buffer[bytes.len()] = 0;
        SLOT[i].state.store(READY, Ordering::Release);
        Some(i)
    }

    /// Frees slot `i`, unless the handler is reading it (the process is then ending).
    pub fn release(i: usize) {
        let _ = SLOT[i]
            .state
            .compare_exchange(READY, FREE, Ordering::AcqRel, Ordering::Relaxed);
    }

    pub fn install() {
        for signal in SIGNALS {
            // SAFETY: `on_signal` only calls async-signal-safe functions (unlink, signal,
            // raise) and atomics; the sigaction structs are fully initialised.
            unsafe {
                let mut current: libc::sigaction = std::mem::zeroed();
                libc::sigaction(signal, std::ptr::null(), &mut current);
                if current.sa_sigaction == libc::SIG_IGN {
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as *const () as libc::sighandler_t;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    }

    extern "C" fn on_signal(signal: c_int) {
        for slot in &SLOT {
            let taken =
                slot.state
                    .compare_exchange(READY, UNLINKING, Ordering::Acquire, Ordering::Relaxed);
            if taken.is_ok() {
                // SAFETY: a READY slot holds a NUL-terminated path, and UNLINKING keeps
                // anyone from writing it again.
                unsafe { libc::unlink(slot.path.get().cast::<c_char>()) };
            }
        }
        // SAFETY: restoring the default action and raising the signal again ends the
        // process with the status the signal gives (130 for SIGINT in a shell).
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }

    /// The paths registered now.
    #[cfg(test)]
    pub fn registered() -> Vec<Vec<u8>> {
        SLOT.iter()
            .filter(|slot| slot.state.load(Ordering::Acquire) == READY)
            .map(|slot| {
                // SAFETY: a READY slot's path is written; tests register no path while
                // reading (a race would only garble this copy).
                let buffer = unsafe { &*slot.path.get() };
                let end = buffer.iter().position(|&b| b == 0).unwrap_or(PATH_BYTES);
                buffer[..end].to_vec()
            })
            .collect()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::ffi::OsStrExt;

    use super::*;

    #[test]
    fn registered_paths_are_released_on_drop_and_slots_are_reused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let taken =
            |path: &Path| slots::registered().contains(&path.as_os_str().as_bytes().to_vec());
        let path = dir.path().join(".finsent-x.partial");
        let registered = register(&path);
        assert!(registered.0.is_some() && taken(&path));
        drop(registered);
        assert!(!taken(&path));
        // Each registration gives its slot back: far more outputs than slots, one by one.
        for i in 0..1_000 {
            let path = dir.path().join(format!(".finsent-{i}.partial"));
            let registered = register(&path);
            assert!(registered.0.is_some(), "output {i} has a slot");
        }
        let long = dir.path().join("x".repeat(5_000));
        assert!(
            register(&long).0.is_none(),
            "a path longer than a slot is left out"
        );
    }
}
