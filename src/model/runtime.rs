//! Finds and loads the ONNX Runtime shared library (`load-dynamic`). The places, in order:
//! `ORT_DYLIB_PATH` when set (and then only it), the directory of the finsent binary (a
//! bundle), the versioned cache directory the build fills, and the path the build wrote
//! the library to (see `build.rs`). A missing or unusable library is an error whose
//! message says where finsent looked and what to do, never a panic.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use ort::environment::Environment;

use super::onnx::failed;
use crate::error::{Error, Result};

/// The ONNX Runtime release this build of `ort` is written against (set by `build.rs`).
pub const ORT_VERSION: &str = env!("FINSENT_ORT_VERSION");

/// The library's file name.
pub const ORT_LIBRARY: &str = concat!("libonnxruntime.so.", env!("FINSENT_ORT_VERSION"));

/// Where `build.rs` placed the library fetched from the `onnxruntime` wheel, if it did.
const BUILT: Option<&str> = option_env!("FINSENT_ORT_DYLIB");

/// Why a place is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `ORT_DYLIB_PATH`.
    Env,
    /// The directory of the finsent binary, as in a bundle.
    BesideBinary,
    /// `$XDG_CACHE_HOME/finsent/onnxruntime/VERSION` (else `~/.cache/...`).
    Cache,
    /// The path `build.rs` wrote the library to.
    Build,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Place::Env => "named by ORT_DYLIB_PATH",
            Place::BesideBinary => "beside the finsent binary",
            Place::Cache => "in the cache directory",
            Place::Build => "where the build put it",
        })
    }
}

/// A library path to try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub place: Place,
    pub path: PathBuf,
}

/// The versioned cache directory the build fills and finsent searches:
/// `$XDG_CACHE_HOME/finsent/onnxruntime/VERSION`, else `$HOME/.cache/finsent/onnxruntime/VERSION`
/// (`build.rs` computes the same).
pub fn cache_dir(xdg_cache_home: Option<PathBuf>, home: Option<PathBuf>) -> Option<PathBuf> {
    Some(
        cache_root(xdg_cache_home, home)?
            .join("onnxruntime")
            .join(ORT_VERSION),
    )
}

/// finsent's cache directory: `$XDG_CACHE_HOME/finsent`, else `$HOME/.cache/finsent` (each
/// only when absolute). It holds `onnxruntime/VERSION/` and `models/`.
pub fn cache_root(xdg_cache_home: Option<PathBuf>, home: Option<PathBuf>) -> Option<PathBuf> {
    let base = xdg_cache_home
        .filter(|p| p.is_absolute())
        .or_else(|| home.filter(|p| p.is_absolute()).map(|h| h.join(".cache")))?;
    Some(base.join("finsent"))
}

/// The places to look, in order: `explicit` (`ORT_DYLIB_PATH`), `exe_dir` (the binary's
/// directory), `cache` (from [`cache_dir`]), then the build's path; duplicates dropped.
pub fn candidates(
    explicit: Option<PathBuf>,
    exe_dir: Option<&Path>,
    cache: Option<&Path>,
) -> Vec<Candidate> {
    if let Some(path) = explicit {
        return vec![Candidate {
            place: Place::Env,
            path,
        }];
    }
    let mut out: Vec<Candidate> = Vec::new();
    let places = [
        (Place::BesideBinary, exe_dir.map(|d| d.join(ORT_LIBRARY))),
        (Place::Cache, cache.map(|d| d.join(ORT_LIBRARY))),
        (Place::Build, BUILT.map(PathBuf::from)),
    ];
    for (place, path) in places {
        if let Some(path) = path
            && !out.iter().any(|c| c.path == path)
        {
            out.push(Candidate { place, path });
        }
    }
    out
}

/// The first candidate that is a file. `ORT_DYLIB_PATH` naming a directory is an error
/// that says so (it exists, so "not found" would mislead).
pub fn locate(candidates: &[Candidate]) -> Result<Candidate> {
    if let Some(dir) = candidates
        .iter()
        .find(|c| c.place == Place::Env && c.path.is_dir())
    {
        return Err(Error::Runtime(format!(
            "ORT_DYLIB_PATH names {}, which is a directory, not a library; set it to the \
             library file itself ({}). {HOW_TO_GET}",
            dir.path.display(),
            dir.path.join(ORT_LIBRARY).display()
        )));
    }
    candidates
        .iter()
        .find(|c| c.path.is_file())
        .cloned()
        .ok_or_else(|| missing(candidates))
}

/// ONNX Runtime, loaded in this process: what [`super::Scorer::load`] builds its sessions
/// in. A handle (cheap to clone) that names no type of the `ort` crate.
#[derive(Clone)]
pub struct OnnxRuntime {
    environment: Environment,
}

impl fmt::Debug for OnnxRuntime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OnnxRuntime")
    }
}

impl OnnxRuntime {
    pub(super) fn environment(&self) -> &Environment {
        &self.environment
    }
}

/// The environment of this process and the library it was loaded from. ONNX Runtime has one
/// environment per process, and `ort` refuses to build a second even after the first is
/// dropped; so it is built once, kept for the life of the process, and every engine (a
/// second model, another domain) builds its sessions in it.
static ENVIRONMENT: Mutex<Option<(PathBuf, OnnxRuntime)>> = Mutex::new(None);

/// Loads the library at `path` and creates the environment every session is built in; later
/// calls with the same library share that environment. A different library than the one
/// loaded already is an error: a process holds one ONNX Runtime.
pub fn init(path: &Path) -> Result<OnnxRuntime> {
    // A panic while building leaves `None` behind, which the next call builds again.
    let mut loaded = ENVIRONMENT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((first, runtime)) = loaded.as_ref() {
        return if same_file(first, path) {
            Ok(runtime.clone())
        } else {
            Err(Error::Runtime(format!(
                "ONNX Runtime is loaded in this process from {} already; one process holds one \
                 ONNX Runtime, shared by every model, so {} cannot be loaded beside it",
                first.display(),
                path.display()
            )))
        };
    }
    let builder = ort::init_from(path).map_err(|source| Error::RuntimeLoad {
        path: path.to_path_buf(),
        needs: format!("finsent needs ONNX Runtime {ORT_VERSION} ({ORT_LIBRARY}). {HOW_TO_GET}"),
        source: source.into(),
    })?;
    let environment = builder.with_name("finsent").build().map_err(failed)?;
    let runtime = OnnxRuntime { environment };
    *loaded = Some((path.to_path_buf(), runtime.clone()));
    Ok(runtime)
}

/// Whether `a` and `b` name one file (through links and relative paths).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (a.canonicalize(), b.canonicalize()),
            (Ok(a), Ok(b)) if a == b
        )
}

/// The version the library at `path` reports (`OrtGetApiBase()->GetVersionString()`), as
/// `ort` reads it when it loads the library.
pub fn library_version(path: &Path) -> Result<String> {
    let fail = |why: String| {
        Error::Runtime(format!(
            "cannot read the version of ONNX Runtime at {}: {why}",
            path.display()
        ))
    };
    // SAFETY: loading runs the library's initialisers; `init` has loaded this library
    // already, so this only takes another reference to it.
    let library = unsafe { libloading::Library::new(path) }.map_err(|e| fail(e.to_string()))?;
    // SAFETY: ONNX Runtime exports `OrtGetApiBase` with this signature (onnxruntime_c_api.h).
    let get_base = unsafe {
        library.get::<unsafe extern "C" fn() -> *const ort::sys::OrtApiBase>(b"OrtGetApiBase")
    }
    .map_err(|e| fail(e.to_string()))?;
    // SAFETY: the function takes no arguments and returns a pointer to a static struct.
    let base = unsafe { get_base() };
    if base.is_null() {
        return Err(fail("OrtGetApiBase returned null".into()));
    }
    // SAFETY: `base` is valid while the library is loaded; GetVersionString returns a
    // static NUL-terminated string.
    let version = unsafe { std::ffi::CStr::from_ptr(((*base).GetVersionString)()) };
    Ok(version.to_string_lossy().into_owned())
}

/// What a user can do to get ONNX Runtime, for error messages.
pub const HOW_TO_GET: &str = "`cargo build` and `cargo install` fetch it from the onnxruntime wheel \
    on PyPI with pip into the cache directory (python3 scripts/fetch_onnxruntime.py DIR does \
    the same by hand); a bundle (scripts/bundle.sh) carries it beside the binary; or set \
    ORT_DYLIB_PATH to an existing libonnxruntime.so.1.31.x, e.g. the one inside a \
    `pip install onnxruntime==1.31.1` (site-packages/onnxruntime/capi/).";

fn missing(candidates: &[Candidate]) -> Error {
    let looked: Vec<String> = candidates
        .iter()
        .map(|c| format!("{} ({})", c.path.display(), c.place))
        .collect();
    let looked = if looked.is_empty() {
        "nowhere: the build fetched no library and no cache directory is known (HOME is not set)"
            .to_string()
    } else {
        looked.join(", ")
    };
    Error::Runtime(format!(
        "ONNX Runtime {ORT_VERSION} ({ORT_LIBRARY}) was not found; finsent loads it at run \
         time and looked in: {looked}. {HOW_TO_GET}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_dir_prefers_xdg_and_needs_absolute_paths() {
        let xdg = cache_dir(Some("/x/cache".into()), Some("/home/u".into()));
        assert_eq!(
            xdg,
            Some(PathBuf::from(format!(
                "/x/cache/finsent/onnxruntime/{ORT_VERSION}"
            )))
        );
        let home = cache_dir(Some("relative".into()), Some("/home/u".into()));
        assert_eq!(
            home,
            Some(PathBuf::from(format!(
                "/home/u/.cache/finsent/onnxruntime/{ORT_VERSION}"
            )))
        );
        assert_eq!(cache_dir(None, None), None);
    }

    #[test]
    fn explicit_path_is_the_only_candidate() {
        let c = candidates(Some("/a/lib.so".into()), Some(Path::new("/bin")), None);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].place, Place::Env);
        let err = locate(&c).expect_err("missing file").to_string();
        assert!(err.contains("/a/lib.so (named by ORT_DYLIB_PATH)"), "{err}");
    }

    /// Regression: `ORT_DYLIB_PATH=/tmp` said the library "was not found" although the
    /// path exists.
    #[test]
    fn ort_dylib_path_naming_a_directory_says_it_is_a_directory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let c = candidates(Some(dir.path().to_path_buf()), None, None);
        let err = locate(&c).expect_err("a directory").to_string();
        assert!(err.contains("which is a directory, not a library"), "{err}");
        assert!(!err.contains("was not found"), "{err}");
    }

    #[test]
    fn binary_directory_comes_before_the_cache() {
        let bundle = tempfile::tempdir().expect("tempdir");
        let cache = tempfile::tempdir().expect("tempdir");
        for dir in [bundle.path(), cache.path()] {
            std::fs::write(dir.join(ORT_LIBRARY), b"").expect("write");
        }
        let c = candidates(None, Some(bundle.path()), Some(cache.path()));
        assert_eq!(c[0].place, Place::BesideBinary);
        assert_eq!(c[1].place, Place::Cache);
        let found = locate(&c).expect("found");
        assert_eq!(found.path, bundle.path().join(ORT_LIBRARY));
        std::fs::remove_file(bundle.path().join(ORT_LIBRARY)).expect("rm");
        assert_eq!(
            locate(&c).expect("found").path,
            cache.path().join(ORT_LIBRARY)
        );
    }

    #[test]
    fn missing_library_names_every_place() {
        let empty = tempfile::tempdir().expect("tempdir");
        // The build's copy exists on a machine that built finsent: leave it out.
        let c: Vec<Candidate> =
            candidates(None, Some(empty.path()), Some(&empty.path().join("cache")))
                .into_iter()
                .filter(|c| c.place != Place::Build)
                .collect();
        let err = locate(&c).expect_err("nothing there").to_string();
        assert!(err.contains("beside the finsent binary"), "{err}");
        assert!(err.contains("in the cache directory"), "{err}");
        assert!(
            err.contains("ORT_DYLIB_PATH") && err.contains("pip"),
            "{err}"
        );
    }
}
