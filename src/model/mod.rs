//! The sentiment model: tokenizer, token-budget batches, ONNX Runtime sessions run in
//! parallel, and class probabilities out.
//!
//! Each rayon worker owns one session (`intra_threads` threads each), so workers ×
//! intra-op threads = the thread budget. Batches are planned from the texts alone, so the
//! same text gets the same probabilities whatever the thread count or batch-mates (the
//! shipped int8 model is statically quantized, hence batch-invariant).

mod batch;
mod config;
mod input;
mod runtime;
mod session;
mod tokenize;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ort::environment::Environment;
use ort::session::Session;
use ort::value::TensorRef;
use rayon::prelude::*;

pub use batch::plan_batches;
pub use config::{LabelIndex, ModelConfig, TargetFormat};
pub use input::{ModelInput, Target};
pub use runtime::{
    Candidate, ORT_LIBRARY, ORT_VERSION, Place, cache_dir, candidates as runtime_candidates,
    init as init_runtime, library_version as runtime_version, locate as locate_runtime,
};
use session::{OnnxGraph, build_session};
pub use tokenize::{Encoder, Window};

use crate::error::{Error, Result};

/// Class probabilities of one text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Probs {
    pub negative: f32,
    pub neutral: f32,
    pub positive: f32,
}

impl Probs {
    /// P(positive) − P(negative), in [−1, 1].
    pub fn score(&self) -> f32 {
        self.positive - self.negative
    }

    /// The most probable class (ties go to neutral, then positive).
    pub fn class(&self) -> &'static str {
        if self.neutral >= self.positive && self.neutral >= self.negative {
            "neutral"
        } else if self.positive >= self.negative {
            "positive"
        } else {
            "negative"
        }
    }
}

/// The probabilities of a text from those of its windows: the windows' mean weighted by
/// their token counts (a short last window counts less); one window is taken as it is.
fn combine_windows(windows: &[(f32, Probs)]) -> Probs {
    if let [(_, p)] = windows {
        return *p;
    }
    let total: f32 = windows
        .iter()
        .map(|(w, _)| w)
        .sum::<f32>()
        .max(f32::MIN_POSITIVE);
    let mean = |f: fn(&Probs) -> f32| windows.iter().map(|(w, p)| w * f(p)).sum::<f32>() / total;
    Probs {
        negative: mean(|p| p.negative),
        neutral: mean(|p| p.neutral),
        positive: mean(|p| p.positive),
    }
}

/// How the scorer uses the machine.
#[derive(Debug, Clone)]
pub struct ScorerOptions {
    /// Threads in all: workers × intra-op threads.
    pub threads: usize,
    /// ONNX Runtime threads per session.
    pub intra_threads: usize,
    /// Most padded tokens (items × longest) in one batch.
    pub token_budget: usize,
    /// Most texts in one batch.
    pub max_batch: usize,
    /// The domain whose tag is prepended to texts; the model's default when `None`.
    pub domain: Option<String>,
}

impl Default for ScorerOptions {
    fn default() -> Self {
        Self {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            intra_threads: 1,
            token_budget: 4096,
            max_batch: 8,
            domain: None,
        }
    }
}

/// Where a model's files are.
#[derive(Debug, Clone, Copy)]
pub enum ModelSource<'a> {
    /// A directory with `config.json`, the ONNX file it names and `tokenizer.json`.
    Dir(&'a Path),
    /// The contents of those three files, as compiled into the finsent binary; `origin`
    /// names them in errors.
    Bytes {
        config: &'a [u8],
        onnx: &'a [u8],
        tokenizer: &'a [u8],
        origin: &'a str,
    },
}

impl ModelSource<'_> {
    /// The model's configuration, its ONNX file checked against the checksum in it.
    pub fn verified_config(&self) -> Result<ModelConfig> {
        match *self {
            ModelSource::Dir(dir) => {
                let config = ModelConfig::load(dir)?;
                config.verify(dir)?;
                Ok(config)
            }
            ModelSource::Bytes {
                config,
                onnx,
                origin,
                ..
            } => {
                let origin = PathBuf::from(origin);
                let parsed = ModelConfig::parse(config, origin.join("config.json"))?;
                parsed.verify_bytes(onnx, origin.join(&parsed.onnx))?;
                Ok(parsed)
            }
        }
    }
}

pub struct Scorer {
    config: ModelConfig,
    labels: LabelIndex,
    encoder: Encoder,
    sessions: Vec<Mutex<Session>>,
    pool: rayon::ThreadPool,
    needs_token_types: bool,
    token_budget: usize,
    max_batch: usize,
    /// Nanoseconds the workers spent tokenizing and in ONNX Runtime, summed over workers.
    tokenize_nanos: AtomicU64,
    inference_nanos: AtomicU64,
    // Sessions are built in this environment; it must live as long as they do.
    _env: Environment,
}

impl Scorer {
    /// Loads the model in `dir`, after checking the ONNX file against its checksum.
    pub fn load(env: Environment, dir: &Path, options: &ScorerOptions) -> Result<Self> {
        Self::load_from(env, ModelSource::Dir(dir), options)
    }

    /// Loads the model from `source`, after checking the ONNX file against its checksum.
    pub fn load_from(
        env: Environment,
        source: ModelSource,
        options: &ScorerOptions,
    ) -> Result<Self> {
        let config = source.verified_config()?;
        let labels = config.label_index()?;
        let prefix = config.prefix(options.domain.as_deref())?;
        let onnx_path;
        let pad = config.pad_token.as_str();
        let target = config.target_format.as_ref();
        let (encoder, graph) = match source {
            ModelSource::Dir(dir) => {
                onnx_path = config.onnx_path(dir);
                let tokenizer = dir.join("tokenizer.json");
                (
                    Encoder::load(&tokenizer, config.max_length, &prefix, pad, target)?,
                    OnnxGraph::File(&onnx_path),
                )
            }
            ModelSource::Bytes {
                onnx,
                tokenizer,
                origin,
                ..
            } => (
                Encoder::from_bytes(tokenizer, origin, config.max_length, &prefix, pad, target)?,
                OnnxGraph::Bytes(onnx),
            ),
        };
        let intra = options.intra_threads.max(1);
        let workers = (options.threads.max(1) / intra).max(1);
        let sessions = (0..workers)
            .map(|_| build_session(&env, graph, intra).map(Mutex::new))
            .collect::<Result<Vec<_>>>()?;
        let first = sessions[0]
            .lock()
            .map_err(|_| Error::Model("session lock poisoned".into()))?;
        let input_names: Vec<&str> = first.inputs().iter().map(|i| i.name()).collect();
        for required in &config.inputs {
            if !input_names.contains(&required.as_str()) {
                return Err(Error::Model(format!(
                    "config.json names the input {required:?}; the ONNX graph has {input_names:?}"
                )));
            }
        }
        let needs_token_types = input_names.contains(&"token_type_ids");
        if !first.outputs().iter().any(|o| o.name() == config.output) {
            let outputs: Vec<&str> = first.outputs().iter().map(|o| o.name()).collect();
            return Err(Error::Model(format!(
                "config.json names the output {:?}; the ONNX graph has {outputs:?}",
                config.output
            )));
        }
        drop(first);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(workers)
            .thread_name(|i| format!("finsent-worker-{i}"))
            .build()
            .map_err(|e| Error::Model(format!("cannot start worker threads: {e}")))?;
        Ok(Self {
            config,
            labels,
            encoder,
            sessions,
            pool,
            needs_token_types,
            token_budget: options.token_budget.max(1),
            max_batch: options.max_batch.max(1),
            tokenize_nanos: AtomicU64::new(0),
            inference_nanos: AtomicU64::new(0),
            _env: env,
        })
    }

    pub fn config(&self) -> &ModelConfig {
        &self.config
    }

    /// The worker pool, for other per-chunk work (splitting) that should share the threads.
    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    /// Time spent so far tokenizing and running the model, summed over the workers.
    pub fn busy(&self) -> (Duration, Duration) {
        let get = |n: &AtomicU64| Duration::from_nanos(n.load(Ordering::Relaxed));
        (get(&self.tokenize_nanos), get(&self.inference_nanos))
    }

    /// How many workers (each with its own session) score batches.
    pub fn workers(&self) -> usize {
        self.sessions.len()
    }

    /// Whether the model can score a text toward a target ([`ModelInput::toward`]); inputs
    /// with a target are scored as plain texts otherwise.
    pub fn takes_targets(&self) -> bool {
        self.encoder.takes_targets()
    }

    /// Probabilities for each input. A text longer than the model's maximum is scored in
    /// overlapping windows whose probabilities are averaged (for a target, the windows
    /// holding its mention).
    pub fn score(&self, inputs: &[ModelInput<'_>]) -> Result<Vec<Probs>> {
        let encoded: Vec<Vec<Window>> = self.pool.install(|| {
            inputs
                .par_iter()
                .map(|input| {
                    let start = Instant::now();
                    let encoded = self.encoder.encode(input);
                    add_elapsed(&self.tokenize_nanos, start);
                    encoded
                })
                .collect::<Result<_>>()
        })?;
        let windows: Vec<(usize, &Window)> = encoded
            .iter()
            .enumerate()
            .flat_map(|(owner, ws)| ws.iter().map(move |w| (owner, w)))
            .collect();
        let lengths: Vec<usize> = windows.iter().map(|(_, w)| w.ids.len()).collect();
        let batches = plan_batches(&lengths, self.token_budget, self.max_batch);
        let results: Vec<Vec<Probs>> = self.pool.install(|| {
            batches
                .par_iter()
                .map(|batch| {
                    let items: Vec<&Window> = batch.iter().map(|&i| windows[i].1).collect();
                    self.run_batch(&items)
                })
                .collect::<Result<_>>()
        })?;

        // Each text's windows, in window order (not batch order), so the result does not
        // depend on the batch plan.
        let mut per_text: Vec<Vec<(usize, Probs)>> = vec![Vec::new(); inputs.len()];
        for (batch, probs) in batches.iter().zip(results) {
            for (&window, p) in batch.iter().zip(probs) {
                per_text[windows[window].0].push((window, p));
            }
        }
        Ok(per_text
            .into_iter()
            .map(|mut ws| {
                ws.sort_by_key(|(window, _)| *window);
                combine_windows(
                    &ws.iter()
                        .map(|&(w, p)| (windows[w].1.ids.len() as f32, p))
                        .collect::<Vec<_>>(),
                )
            })
            .collect())
    }

    /// Runs one padded batch through the calling worker's session.
    fn run_batch(&self, items: &[&Window]) -> Result<Vec<Probs>> {
        let rows = items.len();
        let width = items.iter().map(|w| w.ids.len()).max().unwrap_or(0).max(1);
        let mut input_ids = vec![i64::from(self.encoder.pad_id()); rows * width];
        let mut mask = vec![0i64; rows * width];
        let mut token_types = vec![
            0i64;
            if self.needs_token_types {
                rows * width
            } else {
                0
            }
        ];
        for (row, window) in items.iter().enumerate() {
            let start = row * width;
            let len = window.ids.len();
            for (slot, &id) in input_ids[start..start + len].iter_mut().zip(&window.ids) {
                *slot = i64::from(id);
            }
            mask[start..start + len].fill(1);
            if self.needs_token_types {
                for (slot, &t) in token_types[start..start + len]
                    .iter_mut()
                    .zip(&window.type_ids)
                {
                    *slot = i64::from(t);
                }
            }
        }
        let shape = [rows, width];
        let mut inputs = ort::inputs![
            "input_ids" => TensorRef::from_array_view((shape, input_ids.as_slice()))?,
            "attention_mask" => TensorRef::from_array_view((shape, mask.as_slice()))?,
        ];
        if self.needs_token_types {
            inputs.push((
                "token_type_ids".into(),
                TensorRef::from_array_view((shape, token_types.as_slice()))?.into(),
            ));
        }
        let worker = rayon::current_thread_index().unwrap_or(0) % self.sessions.len();
        // A panic caught while a session was locked (one record's bug, see `isolate`)
        // leaves the session itself intact: later batches go on using it.
        let mut session = self.sessions[worker]
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let start = Instant::now();
        let outputs = session.run(inputs)?;
        add_elapsed(&self.inference_nanos, start);
        let (out_shape, logits) =
            outputs[self.config.output.as_str()].try_extract_tensor::<f32>()?;
        let classes = self.config.labels.len();
        if out_shape.len() != 2 || out_shape[0] as usize != rows || out_shape[1] as usize != classes
        {
            return Err(Error::Model(format!(
                "logits have shape {out_shape:?}, expected [{rows}, {classes}]"
            )));
        }
        Ok(logits
            .chunks_exact(classes)
            .map(|row| self.softmax(row))
            .collect())
    }

    fn softmax(&self, logits: &[f32]) -> Probs {
        let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let exp: Vec<f32> = logits.iter().map(|&l| (l - max).exp()).collect();
        let sum: f32 = exp.iter().sum();
        Probs {
            negative: exp[self.labels.negative] / sum,
            neutral: exp[self.labels.neutral] / sum,
            positive: exp[self.labels.positive] / sum,
        }
    }
}

fn add_elapsed(total: &AtomicU64, start: Instant) {
    total.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
}
