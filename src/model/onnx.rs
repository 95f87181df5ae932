//! [`OrtBackend`]: ONNX Runtime on the CPU. It pads each batch to its longest window (with
//! the model's pad id, the padding masked out) and runs it on a free session of its pool.

use ort::session::Session;
use ort::value::TensorRef;

use super::backend::{Backend, BackendError};
use super::batch::pad_batch;
use super::config::ModelConfig;
use super::pool::Pool;
use super::runtime::OnnxRuntime;
use super::session::build_session;
use super::tokenize::Window;

const RUNTIME: &str = "ONNX Runtime";

/// An ONNX Runtime failure, its cause kept without its type.
pub(super) fn failed(e: impl Into<ort::Error>) -> BackendError {
    BackendError::runtime(RUNTIME, e.into())
}

/// ONNX Runtime: a pool of sessions, each with its own intra-op threads; a batch runs on
/// whichever session is free.
pub struct OrtBackend {
    sessions: Pool<Session>,
    output: String,
    classes: usize,
    pad_id: u32,
    takes_token_types: bool,
    // Sessions are built in this runtime; it must live as long as they do.
    _runtime: OnnxRuntime,
}

impl OrtBackend {
    /// `sessions` sessions of `intra_threads` threads over the ONNX graph `onnx`, checked
    /// against the inputs and output `config` names; batches padded with `pad_id`.
    pub fn new(
        runtime: &OnnxRuntime,
        onnx: &[u8],
        config: &ModelConfig,
        pad_id: u32,
        sessions: usize,
        intra_threads: usize,
    ) -> Result<Self, BackendError> {
        let first = build_session(runtime, onnx, intra_threads.max(1))?;
        let input_names: Vec<&str> = first.inputs().iter().map(|i| i.name()).collect();
        for required in &config.inputs {
            if !input_names.contains(&required.as_str()) {
                return Err(BackendError::Model(format!(
                    "config.json names the input {required:?}; the ONNX graph has {input_names:?}"
                )));
            }
        }
        let takes_token_types = input_names.contains(&"token_type_ids");
        if !first.outputs().iter().any(|o| o.name() == config.output) {
            let outputs: Vec<&str> = first.outputs().iter().map(|o| o.name()).collect();
            return Err(BackendError::Model(format!(
                "config.json names the output {:?}; the ONNX graph has {outputs:?}",
                config.output
            )));
        }
        let mut all = vec![first];
        for _ in 1..sessions.max(1) {
            all.push(build_session(runtime, onnx, intra_threads.max(1))?);
        }
        Ok(Self {
            sessions: Pool::new(all),
            output: config.output.clone(),
            classes: config.labels.len(),
            pad_id,
            takes_token_types,
            _runtime: runtime.clone(),
        })
    }
}

impl Backend for OrtBackend {
    fn run(&self, windows: &[&Window]) -> Result<Vec<f32>, BackendError> {
        let batch = pad_batch(windows, self.pad_id, self.takes_token_types);
        let shape = [batch.rows, batch.width];
        fn tensor(shape: [usize; 2], data: &[i64]) -> Result<TensorRef<'_, i64>, BackendError> {
            TensorRef::from_array_view((shape, data)).map_err(failed)
        }
        let mut inputs = ort::inputs![
            "input_ids" => tensor(shape, &batch.input_ids)?,
            "attention_mask" => tensor(shape, &batch.attention_mask)?,
        ];
        if let Some(types) = &batch.token_type_ids {
            inputs.push(("token_type_ids".into(), tensor(shape, types)?.into()));
        }
        let mut session = self.sessions.lease();
        let outputs = session.run(inputs).map_err(failed)?;
        let (out_shape, logits) = outputs[self.output.as_str()]
            .try_extract_tensor::<f32>()
            .map_err(failed)?;
        if out_shape.len() != 2
            || out_shape[0] as usize != batch.rows
            || out_shape[1] as usize != self.classes
        {
            return Err(BackendError::Model(format!(
                "logits have shape {out_shape:?}, expected [{}, {}]",
                batch.rows, self.classes
            )));
        }
        Ok(logits.to_vec())
    }

    fn workers(&self) -> usize {
        self.sessions.len()
    }
}
