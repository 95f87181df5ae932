//! The sentiment model: tokenizer, token-budget batches, ONNX Runtime sessions run in
//! parallel, and class probabilities out.
//!
//! `files` reads a model's files at the edge; `tokenize` makes token windows;
//! `batch` plans batches by token budget; a [`Backend`] runs them, unpadded windows in,
//! logits out, with its own [`BackendError`] ([`OrtBackend`]: it pads each batch and runs it
//! on a free session of its pool, `workers` sessions of `intra_threads` threads each, so
//! workers × intra-op threads = the thread budget; `runtime` loads ONNX Runtime, `session`
//! builds its sessions, `pool` lends them). The [`Scorer`] ties them together and works in
//! whatever rayon pool its caller installs. Batches are planned from the texts
//! alone, so the same text gets the same probabilities whatever the thread count or
//! batch-mates (the shipped int8 model is statically quantized, hence batch-invariant).

mod backend;
mod batch;
mod config;
mod files;
mod input;
mod onnx;
mod pool;
mod runtime;
mod session;
mod tokenize;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use backend::{Backend, BackendError};
pub use batch::{BatchTensors, pad_batch, plan_batches};
pub use config::{LabelIndex, ModelConfig, TargetFormat};
pub use files::{ACCURATE_NAME, ModelFiles, accurate_places, locate_accurate};
pub use input::{ModelInput, Target};
pub use onnx::OrtBackend;
pub use runtime::{
    Candidate, ORT_LIBRARY, ORT_VERSION, OnnxRuntime, Place, cache_dir, cache_root,
    candidates as runtime_candidates, init as init_runtime, library_version as runtime_version,
    locate as locate_runtime,
};
pub use tokenize::{Encoder, EncoderSettings, Window};

use crate::article::Probs;
use crate::error::Result;

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
            threads: available_cores(),
            intra_threads: 1,
            token_budget: 4096,
            max_batch: 8,
            domain: None,
        }
    }
}

/// The cores this process may use.
pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Most threads per core a run may ask for: each worker builds its own session (~65 MB), so
/// a mistyped `-j 100000` would exhaust memory long before it helped.
pub const MAX_THREADS_PER_CORE: usize = 4;
/// The largest batch and token budget accepted.
pub const MAX_BATCH: usize = 1024;
pub const MAX_TOKEN_BUDGET: usize = 1 << 20;

impl ScorerOptions {
    /// Checks the numbers against their ranges ([`crate::validate::Invalid`] names the field).
    pub fn validate(&self) -> Result<()> {
        use crate::validate::{Field, Invalid};
        let cap = available_cores() * MAX_THREADS_PER_CORE;
        let per_core = format!(" (at most {MAX_THREADS_PER_CORE} threads per core)");
        let checks = [
            (Field::Threads, self.threads, cap, per_core.as_str()),
            (
                Field::IntraThreads,
                self.intra_threads,
                cap,
                per_core.as_str(),
            ),
            (Field::MaxBatch, self.max_batch, MAX_BATCH, ""),
            (Field::TokenBudget, self.token_budget, MAX_TOKEN_BUDGET, ""),
        ];
        for (field, value, high, note) in checks {
            if !(1..=high).contains(&value) {
                let allowed = format!("between 1 and {high}{note}");
                return Err(Invalid::new(field, allowed, value).into());
            }
        }
        Ok(())
    }

    /// Workers, each with its own session.
    pub fn workers(&self) -> usize {
        (self.threads.max(1) / self.intra_threads.max(1)).max(1)
    }
}

/// What a scorer needs from the model's files besides the backend: the tokenizer, the
/// label order and the temperature of the domain scored.
struct TextSide {
    encoder: Encoder,
    labels: LabelIndex,
    temperature: f32,
}

impl TextSide {
    fn new(files: &ModelFiles<'_>, config: &ModelConfig, options: &ScorerOptions) -> Result<Self> {
        let labels = config.label_index()?;
        let domain = options.domain.as_deref();
        let prefix = config.prefix(domain)?;
        let encoder = Encoder::new(
            &files.tokenizer,
            &files.tokenizer_origin(),
            EncoderSettings {
                max_length: config.max_length,
                prefix: &prefix,
                pad_token: &config.pad_token,
                target: config.target_format.as_ref(),
            },
        )?;
        Ok(Self {
            encoder,
            labels,
            temperature: config.temperature(domain),
        })
    }
}

pub struct Scorer {
    config: ModelConfig,
    labels: LabelIndex,
    encoder: Encoder,
    backend: Box<dyn Backend>,
    token_budget: usize,
    max_batch: usize,
    /// Logits are divided by this before the softmax (the model's calibrated temperature
    /// for the domain scored; 1 when it has none).
    temperature: f32,
    /// Nanoseconds the workers spent tokenizing and in the backend, summed over workers.
    tokenize_nanos: AtomicU64,
    inference_nanos: AtomicU64,
}

impl Scorer {
    /// Loads the model in `files` on ONNX Runtime (`runtime`, from [`init_runtime`]), after
    /// checking the ONNX graph against its checksum: an [`OrtBackend`] of
    /// [`ScorerOptions::workers`] sessions.
    pub fn load(
        runtime: &OnnxRuntime,
        files: &ModelFiles<'_>,
        options: &ScorerOptions,
    ) -> Result<Self> {
        let config = files.verified_config()?;
        let text = TextSide::new(files, &config, options)?;
        let backend = OrtBackend::new(
            runtime,
            &files.onnx,
            &config,
            text.encoder.pad_id(),
            options.workers(),
            options.intra_threads,
        )?;
        Ok(Self::assemble(config, text, Box::new(backend), options))
    }

    /// The model in `files` (its tokenizer; `config` read from them), run by `backend`
    /// instead of ONNX Runtime: the seam another runtime plugs into.
    pub fn with_backend(
        files: &ModelFiles<'_>,
        config: ModelConfig,
        backend: Box<dyn Backend>,
        options: &ScorerOptions,
    ) -> Result<Self> {
        let text = TextSide::new(files, &config, options)?;
        Ok(Self::assemble(config, text, backend, options))
    }

    fn assemble(
        config: ModelConfig,
        text: TextSide,
        backend: Box<dyn Backend>,
        options: &ScorerOptions,
    ) -> Self {
        Self {
            config,
            labels: text.labels,
            encoder: text.encoder,
            backend,
            token_budget: options.token_budget.max(1),
            max_batch: options.max_batch.max(1),
            temperature: text.temperature,
            tokenize_nanos: AtomicU64::new(0),
            inference_nanos: AtomicU64::new(0),
        }
    }

    pub fn config(&self) -> &ModelConfig {
        &self.config
    }

    /// Time spent so far tokenizing and running the model, summed over the workers.
    pub fn busy(&self) -> (Duration, Duration) {
        let get = |n: &AtomicU64| Duration::from_nanos(n.load(Ordering::Relaxed));
        (get(&self.tokenize_nanos), get(&self.inference_nanos))
    }

    /// How many batches run at once (one per session); the caller's pool should have as
    /// many threads.
    pub fn workers(&self) -> usize {
        self.backend.workers()
    }

    /// Whether the model can score a text toward a target ([`ModelInput::toward`]); inputs
    /// with a target are scored as plain texts otherwise.
    pub fn takes_targets(&self) -> bool {
        self.encoder.takes_targets()
    }

    /// Probabilities for each input, computed in the caller's rayon pool. A text longer than
    /// the model's maximum is scored in overlapping windows whose probabilities are averaged
    /// (for a target, the windows holding its mention).
    pub fn score(&self, inputs: &[ModelInput<'_>]) -> Result<Vec<Probs>> {
        let encoded: Vec<Vec<Window>> = inputs
            .par_iter()
            .map(|input| {
                let start = Instant::now();
                let encoded = self.encoder.encode(input);
                add_elapsed(&self.tokenize_nanos, start);
                encoded
            })
            .collect::<Result<_>>()?;
        let windows: Vec<(usize, &Window)> = encoded
            .iter()
            .enumerate()
            .flat_map(|(owner, ws)| ws.iter().map(move |w| (owner, w)))
            .collect();
        let lengths: Vec<usize> = windows.iter().map(|(_, w)| w.ids.len()).collect();
        let batches = plan_batches(&lengths, self.token_budget, self.max_batch);
        let results: Vec<Vec<Probs>> = batches
            .par_iter()
            .map(|batch| {
                let items: Vec<&Window> = batch.iter().map(|&i| windows[i].1).collect();
                self.run_batch(&items)
            })
            .collect::<Result<_>>()?;

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

    /// Runs one batch through the backend, which pads it if it needs to.
    fn run_batch(&self, items: &[&Window]) -> Result<Vec<Probs>> {
        let start = Instant::now();
        let logits = self.backend.run(items)?;
        add_elapsed(&self.inference_nanos, start);
        let classes = self.config.labels.len();
        if logits.len() != items.len() * classes {
            return Err(BackendError::Model(format!(
                "the backend returned {} logits for {} windows of {classes} classes",
                logits.len(),
                items.len()
            ))
            .into());
        }
        Ok(logits
            .chunks_exact(classes)
            .map(|row| softmax(row, &self.labels, self.temperature))
            .collect())
    }
}

/// Class probabilities from one row of logits divided by `temperature` (1: the raw softmax).
fn softmax(logits: &[f32], labels: &LabelIndex, temperature: f32) -> Probs {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp: Vec<f32> = logits
        .iter()
        .map(|&l| ((l - max) / temperature).exp())
        .collect();
    let sum: f32 = exp.iter().sum();
    Probs {
        negative: exp[labels.negative] / sum,
        neutral: exp[labels.neutral] / sum,
        positive: exp[labels.positive] / sum,
    }
}

fn add_elapsed(total: &AtomicU64, start: Instant) {
    total.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: LabelIndex = LabelIndex {
        negative: 2,
        neutral: 0,
        positive: 1,
    };

    #[test]
    fn softmax_follows_the_label_order_of_the_model() {
        let p = softmax(&[0.0, 2.0, -1.0], &LABELS, 1.0);
        assert!(p.positive > p.neutral && p.neutral > p.negative);
        assert!((p.negative + p.neutral + p.positive - 1.0).abs() < 1e-6);
    }

    /// Calibration: a temperature above 1 softens the probabilities, keeps the class, and
    /// is the softmax of the divided logits.
    #[test]
    fn a_temperature_softens_probabilities_without_changing_the_class() {
        let logits = [0.5, 4.0, -2.0];
        let raw = softmax(&logits, &LABELS, 1.0);
        let soft = softmax(&logits, &LABELS, 2.0);
        let halved = softmax(&logits.map(|l| l / 2.0), &LABELS, 1.0);
        assert_eq!(raw.class(), soft.class());
        assert!(soft.positive < raw.positive && soft.negative > raw.negative);
        assert!((soft.positive - halved.positive).abs() < 1e-6);
        assert!((soft.neutral - halved.neutral).abs() < 1e-6);
    }
}
