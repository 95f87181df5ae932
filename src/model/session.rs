//! The only place ONNX Runtime sessions are built.

use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;

use super::backend::BackendError;
use super::onnx::failed;
use super::runtime::OnnxRuntime;

/// A session over the ONNX graph `onnx` with `intra_threads` threads for its operators and
/// no inter-op parallelism.
pub fn build_session(
    runtime: &OnnxRuntime,
    onnx: &[u8],
    intra_threads: usize,
) -> Result<Session, BackendError> {
    Session::builder(runtime.environment())
        .map_err(failed)?
        .with_optimization_level(GraphOptimizationLevel::Level3)
        .map_err(failed)?
        .with_intra_threads(intra_threads)
        .map_err(failed)?
        .with_inter_threads(1)
        .map_err(failed)?
        .commit_from_memory(onnx)
        .map_err(failed)
}
