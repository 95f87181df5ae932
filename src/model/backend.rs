//! Backends run padded batches ([`BatchTensors`]) through a model and return its logits.
//! [`OrtBackend`] is ONNX Runtime on the CPU, one session per worker; another backend (a GPU
//! one) implements [`Backend`] and the rest of the scorer stays as it is.

use std::sync::Mutex;

use ort::environment::Environment;
use ort::session::Session;
use ort::value::TensorRef;

use super::batch::BatchTensors;
use super::config::ModelConfig;
use super::session::build_session;
use crate::error::{Error, Result};

/// Runs batches through a model.
pub trait Backend: Send + Sync {
    /// The logits of each row of `batch`, row-major `[rows, classes]`.
    fn run(&self, batch: &BatchTensors) -> Result<Vec<f32>>;
    /// How many batches it can run at once (sessions).
    fn workers(&self) -> usize;
    /// Whether the model takes `token_type_ids`.
    fn takes_token_types(&self) -> bool;
}

/// ONNX Runtime: one session per worker, each with its own intra-op threads.
pub struct OrtBackend {
    sessions: Vec<Mutex<Session>>,
    output: String,
    classes: usize,
    takes_token_types: bool,
    // Sessions are built in this environment; it must live as long as they do.
    _env: Environment,
}

impl OrtBackend {
    /// `workers` sessions of `intra_threads` threads over the ONNX graph `onnx`, checked
    /// against the inputs and output `config` names.
    pub fn new(
        env: Environment,
        onnx: &[u8],
        config: &ModelConfig,
        workers: usize,
        intra_threads: usize,
    ) -> Result<Self> {
        let sessions = (0..workers.max(1))
            .map(|_| build_session(&env, onnx, intra_threads.max(1)).map(Mutex::new))
            .collect::<Result<Vec<_>>>()?;
        let first = lock(&sessions[0]);
        let input_names: Vec<&str> = first.inputs().iter().map(|i| i.name()).collect();
        for required in &config.inputs {
            if !input_names.contains(&required.as_str()) {
                return Err(Error::Model(format!(
                    "config.json names the input {required:?}; the ONNX graph has {input_names:?}"
                )));
            }
        }
        let takes_token_types = input_names.contains(&"token_type_ids");
        if !first.outputs().iter().any(|o| o.name() == config.output) {
            let outputs: Vec<&str> = first.outputs().iter().map(|o| o.name()).collect();
            return Err(Error::Model(format!(
                "config.json names the output {:?}; the ONNX graph has {outputs:?}",
                config.output
            )));
        }
        drop(first);
        Ok(Self {
            sessions,
            output: config.output.clone(),
            classes: config.labels.len(),
            takes_token_types,
            _env: env,
        })
    }
}

/// A panic caught while a session was locked (one record's bug, see `crate::isolate`)
/// leaves the session itself intact: later batches go on using it.
fn lock(session: &Mutex<Session>) -> std::sync::MutexGuard<'_, Session> {
    session
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Backend for OrtBackend {
    fn run(&self, batch: &BatchTensors) -> Result<Vec<f32>> {
        let shape = [batch.rows, batch.width];
        let mut inputs = ort::inputs![
            "input_ids" => TensorRef::from_array_view((shape, batch.input_ids.as_slice()))?,
            "attention_mask" => TensorRef::from_array_view((shape, batch.attention_mask.as_slice()))?,
        ];
        if let Some(types) = batch
            .token_type_ids
            .as_ref()
            .filter(|_| self.takes_token_types)
        {
            inputs.push((
                "token_type_ids".into(),
                TensorRef::from_array_view((shape, types.as_slice()))?.into(),
            ));
        }
        // Each rayon worker of the caller's pool has its own session.
        let worker = rayon::current_thread_index().unwrap_or(0) % self.sessions.len();
        let mut session = lock(&self.sessions[worker]);
        let outputs = session.run(inputs)?;
        let (out_shape, logits) = outputs[self.output.as_str()].try_extract_tensor::<f32>()?;
        if out_shape.len() != 2
            || out_shape[0] as usize != batch.rows
            || out_shape[1] as usize != self.classes
        {
            return Err(Error::Model(format!(
                "logits have shape {out_shape:?}, expected [{}, {}]",
                batch.rows, self.classes
            )));
        }
        Ok(logits.to_vec())
    }

    fn workers(&self) -> usize {
        self.sessions.len()
    }

    fn takes_token_types(&self) -> bool {
        self.takes_token_types
    }
}
