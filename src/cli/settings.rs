//! Raw flags to validated settings, in one place (ripgrep's `HiArgs::from_low_args`): every
//! check and every default of `finsent score` and `finsent classify` happens here, once,
//! before anything is loaded or written, and without side effects: the outputs are locked
//! (and a resumed output read) by the command ([`ScoreSettings::claim`]).

use std::path::{Path, PathBuf};
use std::time::Duration;

use finsent::error::{Error, Result};
use finsent::limits::Limits;
use finsent::loader::LoadOptions;
use finsent::model::{
    Candidate, ScorerOptions, cache_dir, cache_root, locate_runtime, runtime_candidates,
};
use finsent::pipeline::ScoreOptions;
use finsent::select::{resume_ids, resume_sentence_table};
use finsent::stories::StoryOptions;
use finsent::writer::{Format, Layout, OutputLock, claim_outputs, kept_columns};
use finsent::{CheckedConfig, GazetteerChoice, ModelChoice, ScoreConfig};

use super::flags::{GazetteerArgs, ModelArgs, ScoreArgs};

/// The longest interval between progress lines: a day.
const MAX_PROGRESS_EVERY: f64 = 86_400.0;

/// `finsent score`, validated.
pub struct ScoreSettings {
    pub config: CheckedConfig,
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
        if args.resume {
            let table = args.sentences_table.as_deref().zip(table_format);
            check_resumable(&args.output, format, table)?;
        }
        let mut score = ScoreOptions {
            bands: args.bands,
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
        score.selection.shard = args.shard;
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
        })
    }

    /// Checks the outputs against the inputs and each other and locks them
    /// ([`claim_outputs`]); the locks are held while the run writes, so a second run on the
    /// same output or error file refuses. When resuming, reads the ids the output holds into
    /// the selection and readies the sentences table.
    pub fn claim(&mut self) -> Result<Vec<OutputLock>> {
        let input_format = self.load.format;
        let scanned = |p: &Path| {
            input_format.is_some() || finsent::loader::InputFormat::from_path(p).is_some()
        };
        let outputs: Vec<(&str, &Path)> = std::iter::once(("-o", self.output.as_path()))
            .chain(self.errors.as_ref().map(|(e, _)| ("--errors", e.as_path())))
            .chain((self.sentences_table.as_ref()).map(|(t, _)| ("--sentences-table", t.as_path())))
            .collect();
        let resumable = self.resume && self.format == Format::Jsonl;
        let locks = claim_outputs(&outputs, &self.inputs, scanned, resumable)?;
        if self.resume {
            let done = resume_ids(&self.output).map_err(|source| Error::Output {
                path: self.output.display().to_string(),
                source,
            })?;
            if let Some((table, _)) = &self.sentences_table {
                resume_sentence_table(table, &done).map_err(|source| Error::Output {
                    path: table.display().to_string(),
                    source,
                })?;
            }
            self.config.selection_mut().done = done;
        }
        Ok(locks)
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

/// A resumed run appends to a JSON Lines output file (and a JSON Lines sentences table).
fn check_resumable(output: &Path, format: Format, table: Option<(&Path, Format)>) -> Result<()> {
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
    if table.is_some_and(|(path, format)| path.as_os_str() == "-" || format != Format::Jsonl) {
        return Err(Error::Usage(
            "--resume with --sentences-table needs a JSON Lines file for the table \
             (--sentences-table FILE.jsonl), resumed with the output"
                .into(),
        ));
    }
    Ok(())
}

/// The engine's settings, checked: the model and thread flags, ONNX Runtime located,
/// `score`.
pub fn engine_config(
    args: &ModelArgs,
    gazetteer: Option<GazetteerChoice>,
    score: ScoreOptions,
) -> Result<CheckedConfig> {
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
    }
    .checked()?;
    Ok(config.with_runtime(locate_runtime(&runtime_places())?.path))
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

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::flags::{Cli, Command};

    fn settings(args: &[&str]) -> Result<ScoreSettings> {
        let cli = Cli::try_parse_from(args).expect("the flags parse");
        let Command::Score(args) = cli.command else {
            unreachable!("a score command")
        };
        ScoreSettings::from_args(*args)
    }

    /// Issue 30 #4: validating the flags took the output lock (and, resuming, read the
    /// output), so settings could not be made twice for one output. Validation has no side
    /// effects; the command's claim locks.
    #[test]
    fn validation_takes_no_lock_and_the_claim_does() {
        let dir = tempfile::tempdir().expect("tempdir");
        let output = dir.path().join("out.jsonl");
        let output = output.to_str().expect("path");
        let args = ["finsent", "score", "corpus", "-o", output, "--resume"];
        let mut first = settings(&args).expect("valid flags");
        let mut second = settings(&args).expect("validating again takes no lock");
        let _locks = first.claim().expect("the first run claims its output");
        let refused = second.claim().expect_err("a second claim is refused");
        assert!(
            refused.to_string().contains("another finsent run"),
            "{refused}"
        );
    }

    /// Issue 30 #4: the library names fields; the command words them as flags.
    #[test]
    fn a_field_error_is_worded_as_its_flag() {
        let refused = settings(&["finsent", "score", "corpus", "--title-weight", "inf"])
            .err()
            .expect("refused");
        assert!(
            matches!(&refused, Error::Invalid(e) if e.field == finsent::validate::Field::TitleWeight),
            "{refused:?}"
        );
        assert!(!refused.to_string().contains("--"), "{refused}");
        let worded = crate::cli::flags::worded(refused).to_string();
        assert_eq!(
            worded,
            "--title-weight must be a number from 0 to 1000, got inf"
        );
    }
}
