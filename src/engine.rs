//! The library's entry point: [`Finsent`] loads a model (and the company gazetteer) once and
//! scores articles — streamed, in order, in parallel inside — or short texts. The `finsent`
//! command is its first user; the Python package is its second.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::article::{Probs, Record};
use crate::error::{Error, Result};
use crate::model::{
    ModelFiles, ModelInput, Scorer, ScorerOptions, accurate_places, init_runtime, locate_accurate,
};
use crate::pipeline::{
    ScoreOptions, mark_stories, panicked_record, score_chunk, score_groups, signatures,
};
use crate::select::Selection;
use crate::stories::{Signature, Stories};
use crate::stream::{
    Destination, Outlet, Phases, RunStats, Stage, Tally, WriteFailed, in_order, run,
};
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

    /// The configuration, every number checked against its range (a field error names the
    /// field: [`crate::validate::Invalid`]).
    pub fn checked(self) -> Result<CheckedConfig> {
        self.scorer.validate()?;
        self.score.validate()?;
        Ok(CheckedConfig(self))
    }
}

/// A [`ScoreConfig`] whose settings were checked ([`ScoreConfig::checked`]): the checks run
/// once per run, and [`Finsent::load`] takes it as it is.
#[derive(Debug, Clone)]
pub struct CheckedConfig(ScoreConfig);

impl CheckedConfig {
    pub fn config(&self) -> &ScoreConfig {
        &self.0
    }

    /// The same configuration with ONNX Runtime at `runtime` (not a checked setting).
    pub fn with_runtime(mut self, runtime: PathBuf) -> Self {
        self.0.runtime = runtime;
        self
    }

    /// Which records to score (not a checked setting: a resumed run adds the ids done).
    pub fn selection_mut(&mut self) -> &mut Selection {
        &mut self.0.score.selection
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
    /// Loads what `config` names, once its settings are checked ([`ScoreConfig::checked`]):
    /// ONNX Runtime, the model (checked against its checksum), the gazetteer, and one worker
    /// per session.
    pub fn new(config: ScoreConfig) -> Result<Self> {
        Self::load(config.checked()?)
    }

    /// [`Finsent::new`] with settings checked already.
    pub fn load(config: CheckedConfig) -> Result<Self> {
        let CheckedConfig(config) = config;
        let env = init_runtime(&config.runtime)?;
        let scorer = Scorer::load(&env, &config.model.files()?, &config.scorer)?;
        let tickers = config
            .gazetteer
            .as_ref()
            .map(GazetteerChoice::load)
            .transpose()?;
        Self::assemble(scorer, tickers, config.score)
    }

    /// An engine over a scorer and gazetteer loaded already.
    pub fn from_parts(
        scorer: Scorer,
        tickers: Option<Tickers>,
        options: ScoreOptions,
    ) -> Result<Self> {
        options.validate()?;
        Self::assemble(scorer, tickers, options)
    }

    /// An engine over its parts, whose options were checked.
    fn assemble(scorer: Scorer, tickers: Option<Tickers>, options: ScoreOptions) -> Result<Self> {
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
    /// panicked), in input order. Records are scored in chunks on the engine's workers by
    /// the one stream runner ([`crate::stream::in_order`]), as [`Finsent::score_stream`]
    /// scores them; selections do not apply here.
    pub fn score_articles<'a, I>(&'a self, records: I) -> impl Iterator<Item = OutputRecord> + 'a
    where
        I: IntoIterator<Item = Record>,
        I::IntoIter: 'a,
    {
        let stage = ScoreStage::new(self, &self.options);
        in_order(records.into_iter(), stage, self.options.chunking()).map(|scored| scored.record)
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

    /// The probabilities of each text, scored as it is (no splitting), toward its target
    /// when it has one; a text the model cannot take fails alone, as does a text with a
    /// target when the model takes none ([`Scorer::takes_targets`]).
    pub fn classify(&self, inputs: &[ModelInput<'_>]) -> Vec<Result<Probs>> {
        let takes_targets = self.scorer.takes_targets();
        let groups: Vec<Vec<ModelInput>> = inputs
            .iter()
            .map(|&input| match input.target {
                Some(_) if !takes_targets => Vec::new(),
                _ => vec![input],
            })
            .collect();
        self.score_groups(&groups, false)
            .into_iter()
            .zip(inputs)
            .map(|(probs, input)| match input.target {
                Some(_) if !takes_targets => Err(Error::Usage(
                    "this model cannot score toward a target (no target_format in its \
                     config.json)"
                        .into(),
                )),
                _ => probs.map(|p| p[0]),
            })
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
        self.stream(&self.options, records, output, errors, progress)
    }

    /// [`Finsent::score_stream`] with other scoring options than the engine's own (limits,
    /// chunking, selection), on the same model, gazetteer and workers.
    pub fn score_stream_with<'a, I>(
        &self,
        options: &ScoreOptions,
        records: impl FnOnce() -> I + Send,
        output: Destination<'a>,
        errors: Option<Destination<'a>>,
        progress: &mut dyn FnMut(&RunStats),
    ) -> Result<RunStats>
    where
        I: Iterator<Item = Record>,
    {
        options.validate()?;
        self.stream(options, records, output, errors, progress)
    }

    /// [`Finsent::score_stream_with`] with options checked already.
    fn stream<'a, I>(
        &self,
        options: &ScoreOptions,
        records: impl FnOnce() -> I + Send,
        output: Destination<'a>,
        errors: Option<Destination<'a>>,
        progress: &mut dyn FnMut(&RunStats),
    ) -> Result<RunStats>
    where
        I: Iterator<Item = Record>,
    {
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
        let mut stage = ScoreStage::new(self, options);
        let mut outlet = Destinations { output, errors };
        let mut stats = run(
            selected,
            &mut stage,
            &mut outlet,
            options.chunking(),
            &mut |stats| {
                progress(&RunStats {
                    skipped: skipped.load(Ordering::Relaxed),
                    ..stats.clone()
                })
            },
        )?;
        stats.skipped = skipped.into_inner();
        stats.read += stats.skipped;
        Ok(stats)
    }
}

/// `score` as a stage of the stream runner: a chunk scored on the engine's workers, then,
/// in input order, each article given its near-duplicate story.
struct ScoreStage<'a> {
    engine: &'a Finsent,
    options: &'a ScoreOptions,
    stories: Option<Stories>,
}

impl<'a> ScoreStage<'a> {
    fn new(engine: &'a Finsent, options: &'a ScoreOptions) -> Self {
        Self {
            engine,
            options,
            stories: options.stories.as_ref().map(Stories::new),
        }
    }
}

/// A record scored, with the fingerprint its story is found by.
struct Scored {
    record: OutputRecord,
    signature: Option<Signature>,
}

impl Stage for ScoreStage<'_> {
    type Item = Record;
    type Out = Scored;

    fn id(record: &Record) -> &str {
        match record {
            Ok(article) => &article.id,
            Err(error) => &error.id,
        }
    }

    fn weight(record: &Record) -> usize {
        record.as_ref().map_or(0, |a| {
            a.body.len() + a.title.as_ref().map_or(0, String::len)
        })
    }

    fn run(&mut self, chunk: Vec<Record>, phases: &mut Phases) -> Vec<Scored> {
        let signatures = match self.stories {
            Some(_) => self.engine.pool.install(|| signatures(&chunk)),
            None => vec![None; chunk.len()],
        };
        let records = self.engine.score_chunk(chunk, self.options, phases);
        records
            .into_iter()
            .zip(signatures)
            .map(|(record, signature)| Scored { record, signature })
            .collect()
    }

    fn panicked(record: &Record, message: String) -> Scored {
        Scored {
            record: panicked_record(record, message),
            signature: None,
        }
    }

    fn settle(&mut self, outs: &mut [Scored], stats: &mut RunStats) {
        if let Some(stories) = &mut self.stories {
            let marks = outs
                .iter_mut()
                .map(|out| (&mut out.record, out.signature.take()));
            stats.late_for_stories += mark_stories(stories, marks);
        }
    }

    fn tally(out: &Scored) -> Tally {
        match &out.record {
            OutputRecord::Article(a) => Tally::Done(a.sentences.total as u64),
            OutputRecord::Error(_) => Tally::Failed,
        }
    }
}

/// Where `score` writes: every record to the output, or error records to a file of their
/// own when one is given.
struct Destinations<'a> {
    output: Destination<'a>,
    errors: Option<Destination<'a>>,
}

impl Outlet<Scored> for Destinations<'_> {
    fn write(&mut self, out: Scored) -> std::result::Result<(), WriteFailed> {
        let target = match (&out.record, self.errors.as_mut()) {
            (OutputRecord::Error(_), Some(errors)) => errors,
            _ => &mut self.output,
        };
        WriteFailed::on(target.name, target.writer.write(&out.record))
    }

    fn flush(&mut self) -> std::result::Result<(), WriteFailed> {
        if let Some(errors) = self.errors.as_mut() {
            WriteFailed::on(errors.name, errors.writer.flush())?;
        }
        WriteFailed::on(self.output.name, self.output.writer.flush())
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
