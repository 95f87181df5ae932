//! The only place ONNX Runtime sessions are built.

use ort::environment::Environment;
use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;

use crate::error::Result;

/// A session over the ONNX graph `onnx` with `intra_threads` threads for its operators and
/// no inter-op parallelism.
pub fn build_session(env: &Environment, onnx: &[u8], intra_threads: usize) -> Result<Session> {
    let session = Session::builder(env)?
        .with_optimization_level(GraphOptimizationLevel::Level3)?
        .with_intra_threads(intra_threads)?
        .with_inter_threads(1)?
        .commit_from_memory(onnx)?;
    Ok(session)
}
