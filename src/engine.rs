//! The library's entry point: [`Finsent`] loads a model (and the company gazetteer) once and
//! scores articles — streamed, in order, in parallel inside — or short texts. The `finsent`
//! command is its first user; the Python package is its second.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use crate::article::{Probs, Record};
use crate::error::{Error, Result};
use crate::model::{
    ModelFiles, ModelInput, Scorer, ScorerOptions, accurate_places, init_runtime, locate_accurate,
};
use crate::pipeline::{ScoreOptions, mark_stories, score_chunk, score_groups, signatures};
use crate::stories::Stories;
use crate::stream::{Destination, RunStats, in_chunks, write_or_stop};
use crate::tickers::Tickers;
use crate::writer::{ModelInfo, OutputRecord};

/// Which model scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelChoice {
    /// The fast tier, compiled into the library (feature `embedded`).
    Fast,
    /// The accurate tier: the first of these directories that holds it
    /// ([`crate::model::accurate_places`] lists where it is looked for).
    Accurate(Vec<PathBuf>),
    /// A model directory: `config.json`, the ONNX graph it names, `tokenizer.json`.
    Dir(PathBuf),
}

impl ModelChoice {
    /// The choice a user names: `fast`, `accurate` (looked for in
    /// [`crate::model::accurate_places`] of `exe_dir` and `cache_root`) or a model
    /// directory. The one place the tier names are read, for the command and Python alike.
    pub fn named(name: &Path, exe_dir: Option<&Path>, cache_root: Option<&Path>) -> Self {
        match name.to_str() {
            Some("fast") => ModelChoice::Fast,
            Some("accurate") => ModelChoice::Accurate(accurate_places(exe_dir, cache_root)),
            _ => ModelChoice::Dir(name.to_path_buf()),
        }
    }

    /// The model's files: the compiled-in ones, or read from the directory.
    pub fn files(&self) -> Result<ModelFiles<'static>> {
        match self {
            ModelChoice::Fast => crate::shipped::model(),
            ModelChoice::Accurate(places) => ModelFiles::read(&locate_accurate(places)?),
            ModelChoice::Dir(dir) => ModelFiles::read(dir),
        }
    }
}

/// Which company gazetteer finds tickers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GazetteerChoice {
    /// The shipped gazetteer, compiled into the library (feature `embedded`).
    Shipped,
    /// A gazetteer file (JSON Lines, as `models/gazetteer/gazetteer.jsonl`).
    File(PathBuf),
}

impl GazetteerChoice {
    /// The gazetteer, parsed.
    pub fn load(&self) -> Result<Tickers> {
        match self {
            GazetteerChoice::Shipped => crate::shipped::tickers(),
            GazetteerChoice::File(path) => Tickers::load(path),
        }
    }
}

/// Everything [`Finsent::new`] needs. The library reads no flags or environment variables:
/// the caller says where ONNX Runtime is (the `finsent` command searches `ORT_DYLIB_PATH`,
/// its own directory and its cache; the Python package uses the `onnxruntime` wheel's).
#[derive(Debug, Clone)]
pub struct ScoreConfig {
    /// The ONNX Runtime shared library (`libonnxruntime.so.1.31.x`).
    pub runtime: PathBuf,
    pub model: ModelChoice,
    /// The gazetteer that finds tickers; `None`: no tickers.
    pub gazetteer: Option<GazetteerChoice>,
    pub scorer: ScorerOptions,
    pub score: ScoreOptions,
}

impl ScoreConfig {
    /// The defaults, with ONNX Runtime at `runtime`.
    pub fn new(runtime: PathBuf) -> Self {
        Self {
            runtime,
            model: ModelChoice::Fast,
            gazetteer: Some(GazetteerChoice::Shipped),
            scorer: ScorerOptions::default(),
            score: ScoreOptions::default(),
        }
    }

    /// Checks every number against its range.
    pub fn validate(&self) -> Result<()> {
        self.scorer.validate()?;
        self.score.validate()
    }
}

/// A loaded model, gazetteer and worker pool.
pub struct Finsent {
    scorer: Scorer,
    tickers: Option<Tickers>,
    options: ScoreOptions,
    pool: rayon::ThreadPool,
    model: ModelInfo,
}

impl Finsent {
    /// Loads what `config` names: ONNX Runtime, the model (checked against its checksum), the
    /// gazetteer, and one worker per session.
    pub fn new(config: ScoreConfig) -> Result<Self> {
        // The scoring options are checked by from_parts.
        config.scorer.validate()?;
        let env = init_runtime(&config.runtime)?;
        let scorer = Scorer::load(&env, &config.model.files()?, &config.scorer)?;
        let tickers = config
            .gazetteer
            .as_ref()
            .map(GazetteerChoice::load)
            .transpose()?;
        Self::from_parts(scorer, tickers, config.score)
    }

    /// An engine over a scorer and gazetteer loaded already.
    pub fn from_parts(
        scorer: Scorer,
        tickers: Option<Tickers>,
        options: ScoreOptions,
    ) -> Result<Self> {
        options.validate()?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(scorer.workers())
            .thread_name(|i| format!("finsent-worker-{i}"))
            .build()
            .map_err(|e| Error::Threads(Box::new(e)))?;
        let model = ModelInfo {
            name: scorer.config().name.clone(),
            version: scorer.config().version.clone(),
        };
        Ok(Self {
            scorer,
            tickers,
            options,
            pool,
            model,
        })
    }

    pub fn scorer(&self) -> &Scorer {
        &self.scorer
    }

    pub fn tickers(&self) -> Option<&Tickers> {
        self.tickers.as_ref()
    }

    pub fn options(&self) -> &ScoreOptions {
        &self.options
    }

    /// Scores `records` as they come, one output record per record (an error record for a
    /// record that could not be read or scored, an `internal` one for a record whose work
    /// panicked), in input order. Records are scored in chunks of
    /// [`ScoreOptions::chunk_articles`] on the engine's workers, isolated as
    /// [`Finsent::score_stream`] isolates them; selections do not apply here.
    pub fn score_articles<'a, I>(&'a self, records: I) -> impl Iterator<Item = OutputRecord> + 'a
    where
        I: IntoIterator<Item = Record>,
        I::IntoIter: 'a,
    {
        let mut records = records.into_iter();
        let mut phases = Default::default();
        let mut stories = self.options.stories.as_ref().map(Stories::new);
        std::iter::from_fn(move || {
            let chunk: Vec<Record> = records.by_ref().take(self.options.chunk_articles).collect();
            (!chunk.is_empty()).then(|| {
                self.score_marked(chunk, &self.options, &mut phases, stories.as_mut())
                    .0
            })
        })
        .flatten()
    }

    /// Scores `chunk` ([`Finsent::score_isolated`]) and, when `stories` is given, gives each
    /// article its story in input order; with the count of articles that came late for it.
    fn score_marked(
        &self,
        chunk: Vec<Record>,
        options: &ScoreOptions,
        phases: &mut crate::stream::Phases,
        stories: Option<&mut Stories>,
    ) -> (Vec<OutputRecord>, u64) {
        let Some(stories) = stories else {
            return (self.score_isolated(chunk, options, phases), 0);
        };
        let fingerprints = self.pool.install(|| signatures(&chunk));
        let mut out = self.score_isolated(chunk, options, phases);
        let late = mark_stories(stories, &mut out, fingerprints);
        (out, late)
    }

    /// Scores `chunk`; a record whose scoring panics becomes its own `internal` error record
    /// and the others come out as they would have ([`crate::pipeline::per_record`]). Every
    /// run path scores through here.
    fn score_isolated(
        &self,
        chunk: Vec<Record>,
        options: &ScoreOptions,
        phases: &mut crate::stream::Phases,
    ) -> Vec<OutputRecord> {
        crate::pipeline::per_record(chunk, |chunk| self.score_chunk(chunk, options, phases))
    }

    fn score_chunk(
        &self,
        chunk: Vec<Record>,
        options: &ScoreOptions,
        phases: &mut crate::stream::Phases,
    ) -> Vec<OutputRecord> {
        let tickers = self.tickers.as_ref();
        self.pool
            .install(|| score_chunk(chunk, &self.scorer, tickers, options, &self.model, phases))
    }

    /// The probabilities of each text, scored as it is (no splitting); a text the model
    /// cannot take fails alone.
    pub fn classify(&self, inputs: &[ModelInput<'_>]) -> Vec<Result<Probs>> {
        let groups: Vec<Vec<ModelInput>> = inputs.iter().map(|&input| vec![input]).collect();
        self.score_groups(&groups, false)
            .into_iter()
            .map(|probs| probs.map(|p| p[0]))
            .collect()
    }

    /// The probabilities of each group of inputs, all groups scored together on the
    /// engine's workers (each distinct input once with `dedupe`); a group the model cannot
    /// take fails alone ([`score_groups`]).
    pub fn score_groups(
        &self,
        groups: &[Vec<ModelInput<'_>>],
        dedupe: bool,
    ) -> Vec<Result<Vec<Probs>>> {
        self.pool
            .install(|| score_groups(&self.scorer, groups, dedupe))
    }

    /// Scores every record `records` yields (read on a thread of its own) and writes one
    /// output record per input record to `output`, error records to `errors` when given;
    /// records the selection leaves out are counted as skipped. `progress` sees the counts
    /// after every chunk.
    pub fn score_stream<'a, I>(
        &self,
        records: impl FnOnce() -> I + Send,
        output: Destination<'a>,
        errors: Option<Destination<'a>>,
        progress: &mut dyn FnMut(&RunStats),
    ) -> Result<RunStats>
    where
        I: Iterator<Item = Record>,
    {
        self.score_stream_with(&self.options, records, output, errors, progress)
    }

    /// [`Finsent::score_stream`] with other scoring options than the engine's own (limits,
    /// chunking, selection), on the same model, gazetteer and workers.
    pub fn score_stream_with<'a, I>(
        &self,
        options: &ScoreOptions,
        records: impl FnOnce() -> I + Send,
        mut output: Destination<'a>,
        mut errors: Option<Destination<'a>>,
        progress: &mut dyn FnMut(&RunStats),
    ) -> Result<RunStats>
    where
        I: Iterator<Item = Record>,
    {
        options.validate()?;
        let start = Instant::now();
        let mut stats = RunStats::default();
        let size = |r: &Record| {
            r.as_ref().map_or(0, |a| {
                a.body.len() + a.title.as_ref().map_or(0, String::len)
            })
        };
        let skipped = AtomicU64::new(0);
        let selected = || {
            records().filter(|r| {
                let keep = options.selection.keeps(r);
                if !keep {
                    skipped.fetch_add(1, Ordering::Relaxed);
                }
                keep
            })
        };
        let (max_items, max_bytes) = (options.chunk_articles, options.chunk_bytes);
        let mut stories = options.stories.as_ref().map(Stories::new);
        in_chunks(selected, size, max_items, max_bytes, |chunk| {
            let (out, late) =
                self.score_marked(chunk, options, &mut stats.phases, stories.as_mut());
            stats.late_for_stories += late;
            let written = Instant::now();
            for record in &out {
                count(&mut stats, record);
                let target = match (record, errors.as_mut()) {
                    (OutputRecord::Error(_), Some(errors)) => &mut *errors,
                    _ => &mut output,
                };
                if !write_or_stop(target.writer.write(record), &mut stats, target.name)? {
                    return Ok(false);
                }
            }
            if let Some(errors) = errors.as_mut() {
                write_or_stop(errors.writer.flush(), &mut stats, errors.name)?;
            }
            let go_on = write_or_stop(output.writer.flush(), &mut stats, output.name)?;
            stats.phases.aggregate_and_write += written.elapsed();
            stats.skipped = skipped.load(Ordering::Relaxed);
            progress(&stats);
            Ok(go_on)
        })?;
        stats.skipped = skipped.into_inner();
        stats.read += stats.skipped;
        stats.elapsed = start.elapsed();
        Ok(stats)
    }
}

fn count(stats: &mut RunStats, record: &OutputRecord) {
    stats.read += 1;
    match record {
        OutputRecord::Article(a) => {
            stats.scored += 1;
            stats.sentences += a.sentences.total as u64;
        }
        OutputRecord::Error(_) => stats.failed += 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One engine serves every thread of a program (rust-bert's check, at compile time).
    #[test]
    fn the_engine_is_send_and_sync() {
        fn shared<T: Send + Sync>() {}
        shared::<Finsent>();
        shared::<Scorer>();
    }
}
