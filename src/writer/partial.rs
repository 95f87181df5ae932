//! Partial output files never outlive an interrupted run. A file output is written under a
//! temporary name (`.finsent-XXXX.partial`) and renamed into place when the run completes;
//! a run that fails or panics removes it as it unwinds. A signal ends a process without
//! unwinding, so the temporary names are also kept here, where a signal handler can reach
//! them: on SIGINT, SIGTERM, SIGHUP or an abort (SIGABRT), [`remove_on_signal`]'s handler
//! deletes them and the process then ends by the same signal, as it would have.

use std::ffi::{CString, c_char, c_int};
use std::path::Path;
use std::sync::atomic::{AtomicPtr, Ordering};

/// Temporary files a run writes at once: the output and the error file, with room to spare.
const SLOTS: usize = 16;

static PARTIALS: [AtomicPtr<c_char>; SLOTS] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; SLOTS];

/// The signals after which partial files are removed.
const SIGNALS: [c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGABRT];

/// A temporary file known to the signal handler until it is dropped (renamed into place,
/// or deleted by its owner).
#[derive(Debug)]
pub struct Registered(Option<usize>);

/// Makes `path` known to the signal handler. The path stays allocated for the life of the
/// process (a few bytes per output file), so the handler never reads freed memory.
pub fn register(path: &Path) -> Registered {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = CString::new(path.as_os_str().as_bytes()) else {
        return Registered(None);
    };
    let raw = path.into_raw();
    for (i, slot) in PARTIALS.iter().enumerate() {
        let free = slot.compare_exchange(
            std::ptr::null_mut(),
            raw,
            Ordering::SeqCst,
            Ordering::SeqCst,
        );
        if free.is_ok() {
            return Registered(Some(i));
        }
    }
    Registered(None)
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(i) = self.0 {
            PARTIALS[i].store(std::ptr::null_mut(), Ordering::SeqCst);
        }
    }
}

/// Installs the handler that deletes the registered partial files on SIGINT, SIGTERM,
/// SIGHUP and SIGABRT, then ends the process by the same signal. A signal the process was
/// started with ignored (`nohup`, a background job's SIGINT) stays ignored. For the
/// `finsent` binary's `main`: the library never installs it by itself.
pub fn remove_on_signal() {
    for signal in SIGNALS {
        // SAFETY: `on_signal` only calls async-signal-safe functions (unlink, signal,
        // raise) and reads atomics; the sigaction structs are fully initialised.
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
    for slot in &PARTIALS {
        let path = slot.load(Ordering::SeqCst);
        if !path.is_null() {
            // SAFETY: registered paths are NUL-terminated and never freed.
            unsafe { libc::unlink(path) };
        }
    }
    // SAFETY: restoring the default action and raising the signal again ends the process
    // with the status the signal gives (130 for SIGINT in a shell).
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_paths_are_released_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let taken = |path: &Path| {
            PARTIALS.iter().any(|slot| {
                let p = slot.load(Ordering::SeqCst);
                // SAFETY: registered paths are NUL-terminated and never freed.
                !p.is_null()
                    && unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes() == {
                        use std::os::unix::ffi::OsStrExt;
                        path.as_os_str().as_bytes()
                    }
            })
        };
        let path = dir.path().join(".finsent-x.partial");
        let registered = register(&path);
        assert!(taken(&path));
        drop(registered);
        assert!(!taken(&path));
    }
}
