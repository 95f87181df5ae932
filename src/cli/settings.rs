//! Raw flags to validated settings, in one place (ripgrep's `HiArgs::from_low_args`): every
//! check and every default of `finsent score` and `finsent classify` happens here, before
//! anything is loaded or written.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use finsent::aggregate::Bands;
use finsent::error::{Error, Result};
use finsent::limits::Limits;
use finsent::loader::LoadOptions;
use finsent::model::{
    Candidate, ScorerOptions, cache_dir, cache_root, locate_runtime, runtime_candidates,
};
use finsent::pipeline::ScoreOptions;
use finsent::select::{Selection, Shard, resume_ids, resume_sentence_table};
use finsent::stories::StoryOptions;
use finsent::writer::{Format, Layout, OutputLock, claim_outputs, kept_columns};
use finsent::{GazetteerChoice, ModelChoice, ScoreConfig};

use super::flags::{GazetteerArgs, ModelArgs, ScoreArgs};

/// The longest interval between progress lines: a day.
const MAX_PROGRESS_EVERY: f64 = 86_400.0;

/// `finsent score`, validated.
pub struct ScoreSettings {
    pub config: ScoreConfig,
    pub inputs: Vec<PathBuf>,
    pub load: LoadOptions,
    pub output: PathBuf,
    pub format: Format,
    pub layout: Layout,
    /// Append to `output`, skipping the ids it holds.
    pub resume: bool,
    /// The file of error records, and its format.
    pub errors: Option<(PathBuf, Format)>,
    /// The sentences table, and its format.
    pub sentences_table: Option<(PathBuf, Format)>,
    pub quiet: bool,
    pub progress_every: Duration,
    pub timings: bool,
    /// Held while the run writes: a second run on the same output or error file refuses.
    _locks: Vec<OutputLock>,
}

impl ScoreSettings {
    pub fn from_args(args: ScoreArgs) -> Result<Self> {
        let format = output_format("-o", &args.output, args.format)?;
        let errors_format = (args.errors.as_deref())
            .map(|path| output_format("--errors", path, None))
            .transpose()?;
        let table_format = (args.sentences_table.as_deref())
            .map(|path| output_format("--sentences-table", path, None))
            .transpose()?;
        let kept = kept_columns(&args.keep, args.sentences)
            .map_err(|e| Error::Usage(format!("--keep: {e}")))?;
        if args.per_ticker && format != Format::Csv {
            return Err(Error::Usage(
                "--per-ticker is for CSV output (--format csv or -o FILE.csv); \
                 JSONL and Parquet keep the tickers of an article in one list"
                    .into(),
            ));
        }
        if !(args.progress_every.is_finite()
            && (0.0..=MAX_PROGRESS_EVERY).contains(&args.progress_every))
        {
            return Err(Error::Usage(format!(
                "--progress-every must be a number of seconds from 0 to {MAX_PROGRESS_EVERY}, got {}",
                args.progress_every
            )));
        }
        let mut score = ScoreOptions {
            bands: parse_bands(&args.bands)?,
            title_weight: args.title_weight,
            // The sentences table takes its rows from the records' sentences.
            with_sentences: args.sentences || args.sentences_table.is_some(),
            chunk_articles: args.chunk_articles,
            dedupe: !args.no_sentence_cache,
            stories: (!args.no_stories).then(|| StoryOptions {
                window: args.novelty_window,
                ..StoryOptions::default()
            }),
            limits: Limits {
                max_article_bytes: args.max_article_bytes,
                max_sentences: args.max_sentences,
            },
            ..ScoreOptions::default()
        };
        if let Some(shard) = &args.shard {
            score.selection.shard = Some(Shard::parse(shard).map_err(Error::Usage)?);
        }
        let locks = claim(&args, format, table_format, &mut score.selection)?;
        let gazetteer = (!args.no_tickers).then(|| gazetteer_choice(&args.gazetteer));
        let config = engine_config(&args.model, gazetteer, score)?;
        let mut load = args.input.load_options();
        load.fields.keep = kept.clone();
        Ok(Self {
            config,
            load,
            inputs: args.input.inputs,
            output: args.output,
            format,
            layout: Layout {
                with_sentences: args.sentences,
                per_ticker: args.per_ticker,
                kept: kept.into_iter().map(|k| k.column).collect(),
            },
            resume: args.resume,
            errors: args.errors.zip(errors_format),
            sentences_table: args.sentences_table.zip(table_format),
            quiet: args.quiet,
            progress_every: Duration::from_secs_f64(args.progress_every),
            timings: args.timings,
            _locks: locks,
        })
    }
}

/// The format of an output `path` (named by `flag`): `format` when given, else the one its
/// extension names. The rule of every command that writes records (`score`, its
/// `--errors`, `classify`, `panel`).
pub fn output_format(flag: &str, path: &Path, format: Option<Format>) -> Result<Format> {
    match format {
        Some(format) => Ok(format),
        None => Format::from_path(path).ok_or_else(|| {
            Error::Usage(format!(
                "{flag} {}: the extension names no output format; use .jsonl, .csv or \
                 .parquet, or give --format",
                path.display()
            ))
        }),
    }
}

fn check_resumable(output: &Path, format: Format) -> Result<()> {
    if output.as_os_str() == "-" {
        return Err(Error::Usage(
            "--resume needs an output file (-o FILE)".into(),
        ));
    }
    if format != Format::Jsonl {
        return Err(Error::Usage(
            "--resume appends to JSON Lines output only; convert the finished file to \
             CSV or Parquet afterwards, or score shards (--shard) into separate files"
                .into(),
        ));
    }
    Ok(())
}

/// Checks the outputs against the inputs and each other and locks them (see
/// `claim_outputs`) before a resume reads them; when resuming, reads the ids the output holds into `selection` and
/// readies the sentences table.
fn claim(
    args: &ScoreArgs,
    format: Format,
    table_format: Option<Format>,
    selection: &mut Selection,
) -> Result<Vec<OutputLock>> {
    let scanned = |p: &Path| {
        args.input.input_format.is_some() || finsent::loader::InputFormat::from_path(p).is_some()
    };
    let outputs: Vec<(&str, &Path)> = std::iter::once(("-o", args.output.as_path()))
        .chain(args.errors.as_deref().map(|e| ("--errors", e)))
        .chain(
            args.sentences_table
                .as_deref()
                .map(|t| ("--sentences-table", t)),
        )
        .collect();
    let resumable = args.resume && format == Format::Jsonl;
    let locks = claim_outputs(&outputs, &args.input.inputs, scanned, resumable)?;
    if args.resume {
        check_resumable(&args.output, format)?;
        selection.done = resume_ids(&args.output).map_err(|source| Error::Output {
            path: args.output.display().to_string(),
            source,
        })?;
        if let Some((table, table_format)) = args.sentences_table.as_deref().zip(table_format) {
            resume_table(table, table_format, &selection.done)?;
        }
    }
    Ok(locks)
}

/// Readies the sentences table of a resumed run: JSON Lines, appended to as the output is,
/// cut where the output ends ([`resume_sentence_table`]).
fn resume_table(table: &Path, format: Format, done: &HashSet<String>) -> Result<()> {
    if table.as_os_str() == "-" || format != Format::Jsonl {
        return Err(Error::Usage(
            "--resume with --sentences-table needs a JSON Lines file for the table \
             (--sentences-table FILE.jsonl), resumed with the output"
                .into(),
        ));
    }
    resume_sentence_table(table, done).map_err(|source| Error::Output {
        path: table.display().to_string(),
        source,
    })
}

/// The engine's settings: the model and thread flags, ONNX Runtime located, `score`.
pub fn engine_config(
    args: &ModelArgs,
    gazetteer: Option<GazetteerChoice>,
    score: ScoreOptions,
) -> Result<ScoreConfig> {
    let defaults = ScorerOptions::default();
    let scorer = ScorerOptions {
        threads: args.threads.unwrap_or(defaults.threads),
        intra_threads: args.intra_threads,
        token_budget: args.token_budget,
        max_batch: args.max_batch,
        domain: args.domain.clone(),
    };
    let config = ScoreConfig {
        runtime: PathBuf::new(),
        model: model_choice(args),
        gazetteer,
        scorer,
        score,
    };
    config.validate()?;
    Ok(ScoreConfig {
        runtime: locate_runtime(&runtime_places())?.path,
        ..config
    })
}

/// `--model`: `fast` (the compiled-in model, the default), `accurate` (looked for beside
/// the binary, in the cache, then in the checkout) or a model directory.
pub fn model_choice(args: &ModelArgs) -> ModelChoice {
    let Some(name) = args.model.as_deref() else {
        return ModelChoice::Fast;
    };
    let exe = std::env::current_exe().ok();
    let cache = cache_root(env_path("XDG_CACHE_HOME"), env_path("HOME"));
    ModelChoice::named(
        name,
        exe.as_deref().and_then(Path::parent),
        cache.as_deref(),
    )
}

/// An environment variable as a path, when set and not empty.
fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

pub fn gazetteer_choice(args: &GazetteerArgs) -> GazetteerChoice {
    args.gazetteer
        .clone()
        .map_or(GazetteerChoice::Shipped, GazetteerChoice::File)
}

fn parse_bands(text: &str) -> Result<Bands> {
    let values: Vec<f32> = text
        .split(',')
        .map(|v| v.trim().parse::<f32>())
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::Usage(format!("--bands {text:?}: {e}")))?;
    match values[..] {
        [a, b, c] => Bands::new(a, b, c).map_err(|e| Error::Usage(format!("--bands: {e}"))),
        _ => Err(Error::Usage(format!(
            "--bands takes three numbers, got {text:?}"
        ))),
    }
}

/// Where to look for ONNX Runtime, from `ORT_DYLIB_PATH`, the binary's own path and the
/// cache directory.
pub fn runtime_places() -> Vec<Candidate> {
    let explicit = env_path("ORT_DYLIB_PATH");
    // current_exe resolves symbolic links: a link to a bundled binary finds the bundle.
    let exe = std::env::current_exe().ok();
    let cache = cache_dir(env_path("XDG_CACHE_HOME"), env_path("HOME"));
    runtime_candidates(
        explicit,
        exe.as_deref().and_then(Path::parent),
        cache.as_deref(),
    )
}
