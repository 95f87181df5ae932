//! The only place ONNX Runtime sessions are built.

use std::path::Path;

use ort::environment::Environment;
use ort::session::Session;
use ort::session::builder::GraphOptimizationLevel;

use crate::error::Result;

/// An ONNX graph: a file, or its bytes (as compiled into the finsent binary).
#[derive(Debug, Clone, Copy)]
pub enum OnnxGraph<'a> {
    File(&'a Path),
    Bytes(&'a [u8]),
}

/// A session with `intra_threads` threads for its operators and no inter-op parallelism.
pub fn build_session(env: &Environment, model: OnnxGraph, intra_threads: usize) -> Result<Session> {
    let mut builder = Session::builder(env)?
        .with_optimization_level(GraphOptimizationLevel::Level3)?
        .with_intra_threads(intra_threads)?
        .with_inter_threads(1)?;
    let session = match model {
        OnnxGraph::File(path) => builder.commit_from_file(path)?,
        OnnxGraph::Bytes(bytes) => builder.commit_from_memory(bytes)?,
    };
    Ok(session)
}
