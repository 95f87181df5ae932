//! The engines of this process: each model (with a domain) is loaded once, on first use,
//! and shared by every later call, from any thread.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::PyResult;
use pyo3::exceptions::{PyRuntimeError, PyValueError};

use finsent::error::Error;
use finsent::model::cache_root;
use finsent::tickers::Tickers;
use finsent::{Finsent, ModelChoice, ScoreConfig};

use crate::chain;

struct Loaded {
    runtime: PathBuf,
    model: String,
    /// The domain it scores: the one asked for, else the model's default.
    domain: Option<String>,
    /// The model's default domain.
    default_domain: Option<String>,
    engine: Arc<Finsent>,
}

/// The engines, and the process that loaded them.
struct Engines {
    pid: u32,
    loaded: Vec<Loaded>,
}

static ENGINES: Mutex<Engines> = Mutex::new(Engines {
    pid: 0,
    loaded: Vec::new(),
});

/// The engine for `model` (`fast`, or a model directory) scoring `domain` (the model's
/// default when `None`), loaded on first use with ONNX Runtime from `runtime`.
///
/// After `os.fork()` (or a `multiprocessing` "fork" pool) the child has the parent's
/// engines but none of their threads: a call on them would wait forever for workers that
/// do not exist. So a child that finds engines loaded by another process leaves them
/// (dropping them would wait on those threads too) and loads its own.
pub fn engine(runtime: PathBuf, model: &str, domain: Option<String>) -> PyResult<Arc<Finsent>> {
    let mut engines = ENGINES
        .lock()
        .map_err(|_| PyRuntimeError::new_err("a finsent engine failed while loading"))?;
    let pid = std::process::id();
    if engines.pid != pid {
        let inherited = std::mem::take(&mut engines.loaded);
        // Their worker threads and sessions' threads stayed in the parent.
        std::mem::forget(inherited);
        engines.pid = pid;
    }
    let engines = &mut engines.loaded;
    let same = |l: &&Loaded| {
        l.runtime == runtime
            && l.model == model
            && domain.as_ref().map_or(l.domain == l.default_domain, |d| {
                l.domain.as_ref() == Some(d)
            })
    };
    if let Some(loaded) = engines.iter().find(same) {
        return Ok(loaded.engine.clone());
    }
    let mut config = ScoreConfig::new(runtime.clone());
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let cache = cache_root(var("XDG_CACHE_HOME"), var("HOME"));
    config.model = match ModelChoice::named(model.as_ref(), None, cache.as_deref()) {
        ModelChoice::Dir(dir) if !dir.is_dir() => {
            return Err(PyValueError::new_err(format!(
                "model must be \"fast\", \"accurate\" or a model directory, got {model:?}"
            )));
        }
        choice => choice,
    };
    config.scorer.domain = domain.clone();
    // Sentence records are always built; `score(sentences=False)` leaves the column out.
    config.score.with_sentences = true;
    // A domain the model does not know is a bad argument; anything else a failure to load.
    let engine = Arc::new(Finsent::new(config).map_err(|e| match e {
        Error::Usage(_) | Error::Invalid(_) => PyValueError::new_err(chain(&e)),
        _ => PyRuntimeError::new_err(chain(&e)),
    })?);
    let default_domain = engine.scorer().config().default_domain.clone();
    engines.push(Loaded {
        runtime,
        model: model.to_string(),
        domain: domain.or_else(|| default_domain.clone()),
        default_domain,
        engine: engine.clone(),
    });
    Ok(engine)
}

/// The shipped gazetteer, loaded on first use.
pub fn shipped_tickers() -> PyResult<&'static Tickers> {
    static TICKERS: OnceLock<Tickers> = OnceLock::new();
    if let Some(tickers) = TICKERS.get() {
        return Ok(tickers);
    }
    let tickers = finsent::shipped::tickers().map_err(|e| PyRuntimeError::new_err(chain(&e)))?;
    Ok(TICKERS.get_or_init(|| tickers))
}
