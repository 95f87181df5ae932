//! The only place ONNX Runtime sessions are built.

use std::path::Path;

use ort::environment::Environment;
use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;

use crate::error::Result;

/// A session with `intra_threads` threads for its operators and no inter-op parallelism.
pub fn build_session(env: &Environment, model: &Path, intra_threads: usize) -> Result<Session> {
    let session = Session::builder(env)?
        .with_optimization_level(GraphOptimizationLevel::Level3)?
        .with_intra_threads(intra_threads)?
        .with_inter_threads(1)?
        .commit_from_file(model)?;
    Ok(session)
}
