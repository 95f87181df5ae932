//! Command-line flags (clap derive). Every doc comment here is `--help` text.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveTime;
use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand};
use finsent::aggregate::Bands;
use finsent::error::Error;
use finsent::limits::{Limits, MAX_RECORD_BYTES};
use finsent::loader::{DateLayouts, FieldNames, InputFormat, LoadOptions};
use finsent::model::ScorerOptions;
use finsent::panel::{PanelListing, PerStory, parse_cutoff, parse_tz};
use finsent::select::Shard;
use finsent::stories::{StoryOptions, parse_window};
use finsent::validate::{Field, Invalid};
use finsent::writer::Format;

#[derive(Debug, Parser)]
#[command(
    name = "finsent",
    version,
    long_version = concat!(
        env!("CARGO_PKG_VERSION"),
        "\nmodel: compiled in, from ",
        finsent::model_dir!(),
        "\nONNX Runtime: ",
        env!("FINSENT_ORT_VERSION"),
        ", loaded at run time (`finsent info` shows which library and checks it)"
    ),
    about = "Score the sentiment of market news with a shipped ONNX model",
    after_help = "Exit status: 0 when every record was scored, 1 when some records failed \
                  (they are in the output as error records), 2 for usage or set-up errors.\n\
                  ONNX Runtime: ORT_DYLIB_PATH names libonnxruntime.so.1.31.x; else finsent \
                  looks beside its own binary, in ~/.cache/finsent/onnxruntime/VERSION/ (the \
                  build fills it) and where the build put it. `finsent info` shows what it uses."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score news articles: one record per input article, in input order (JSONL, CSV or Parquet).
    Score(Box<ScoreArgs>),
    /// Score short texts (headlines, tweets, sentences) as they are, without splitting.
    Classify(ClassifyArgs),
    /// Print the sentences finsent sees in each article (title first).
    Split(SplitArgs),
    /// Print the company mentions finsent finds in each article, with offsets.
    Tickers(TickersArgs),
    /// Print each article's near-duplicate story, as `finsent score` finds it, without
    /// scoring: `{"id","published_at","story","novelty","story_first","late"}` per article
    /// (`late`: published more than two windows before an article read earlier, so earlier
    /// versions may be missed; sort such an input by time). Cheap
    /// (no model): run it over a whole archive scored in shards and join on `id`.
    Stories(StoriesArgs),
    /// Turn `finsent score` output into a ticker × day table: each company's own score,
    /// relevance-weighted, per trading day. News at or after the cut-off (local time in
    /// --tz) goes to the next day; Saturday and Sunday roll forward to Monday. A day holds
    /// only news published before its close: no look-ahead. Holidays are not known.
    Panel(PanelArgs),
    /// Check and print what this finsent uses: its version, the model (name, version,
    /// sha256), the ONNX Runtime library (path, version), the gazetteer's size and the
    /// thread defaults. Exit status 2, with what to do, when something is missing.
    Info(InfoArgs),
}

#[derive(Debug, Args)]
pub struct GazetteerArgs {
    /// Company gazetteer (JSON Lines, see models/gazetteer/) [default: the one compiled into
    /// finsent].
    #[arg(long, env = "FINSENT_GAZETTEER", value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or directories to read; `-` is standard input. Directories are read
    /// recursively, in name order: .txt, .md, .html/.htm, .jsonl, .csv. gzip and zstd
    /// input (x.jsonl.gz, x.csv.zst, or compressed standard input) is decompressed.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Read every input in this format instead of going by the extension
    /// (standard input: JSONL when it starts with `{`, else one text article).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// JSONL/CSV field with the article id [default: id].
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,
    /// JSONL/CSV field with the title [default: title, else headline].
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// JSONL/CSV field with the article text [default: body, else text, else content].
    #[arg(long, value_name = "NAME")]
    pub body_field: Option<String>,
    /// JSONL/CSV field with the publication time [default: published_at, else date, published, datetime, timestamp].
    /// It also picks, among companies that had a name or a code over the years, the one
    /// listed then (`Clear Channel` in 2007 is CCU).
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Date layout of the archive (strftime, e.g. `%d/%m/%Y %H:%M`), tried before the
    /// built-in layouts; repeat it for several: the first that parses wins.
    #[arg(long = "date-format", value_name = "FMT", value_parser = date_format)]
    pub date_formats: Vec<String>,
    /// Read numeric dates day first (`26/02/1987`, `26.02.1987`); without it they are
    /// ambiguous and left null with a warning.
    #[arg(long)]
    pub day_first: bool,
    /// JSONL/CSV field with the news outlet [default: source, else outlet, publisher].
    #[arg(long, visible_alias = "source-field", value_name = "NAME")]
    pub outlet_field: Option<String>,
    /// JSONL/CSV field with the URL [default: url, else link].
    #[arg(long, value_name = "NAME")]
    pub url_field: Option<String>,
    /// Largest input record read (a file, a JSONL line); a larger one is a `too_large`
    /// error record and is not read.
    #[arg(long, default_value_t = MAX_RECORD_BYTES, value_name = "BYTES")]
    pub max_record_bytes: u64,
}

impl InputArgs {
    pub fn load_options(&self) -> LoadOptions {
        let mut fields = FieldNames::default();
        let overrides = [
            (&self.id_field, &mut fields.id),
            (&self.title_field, &mut fields.title),
            (&self.body_field, &mut fields.body),
            (&self.date_field, &mut fields.published_at),
            (&self.outlet_field, &mut fields.outlet),
            (&self.url_field, &mut fields.url),
        ];
        for (flag, names) in overrides {
            if let Some(name) = flag {
                *names = vec![name.clone()];
            }
        }
        LoadOptions {
            fields,
            format: self.input_format,
            max_record_bytes: self.max_record_bytes,
            dates: DateLayouts {
                formats: self.date_formats.clone(),
                day_first: self.day_first,
            },
            ..LoadOptions::default()
        }
    }
}

fn date_format(format: &str) -> Result<String, String> {
    DateLayouts::check_format(format).map(|()| format.to_string())
}

#[derive(Debug, Args)]
pub struct ModelArgs {
    /// `fast` (the model compiled into finsent, the default; `finsent info` names it),
    /// `accurate` (finsent-mpnet-v3: slower, more accurate; a directory of files looked for
    /// beside the binary, in ~/.cache/finsent/models/, then in the checkout finsent was
    /// built from) or a model directory with config.json, model.onnx and tokenizer.json.
    #[arg(long, env = "FINSENT_MODEL", value_name = "fast|accurate|DIR")]
    pub model: Option<PathBuf>,
    /// Threads in all (workers × --intra-threads), at most 4 per core: each worker builds
    /// its own ONNX Runtime session [default: number of cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// ONNX Runtime threads inside each worker's session.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub intra_threads: usize,
    /// Most padded tokens (texts × longest) in one model batch (at most 1,048,576). Does
    /// not change scores.
    #[arg(long, default_value_t = ScorerOptions::default().token_budget, value_name = "TOKENS")]
    pub token_budget: usize,
    /// Most texts in one model batch (1 to 1,024). Does not change scores. Small batches
    /// were fastest here and keep ONNX Runtime's memory arena small (see
    /// docs/throughput.md, "Batch size").
    #[arg(long, default_value_t = ScorerOptions::default().max_batch, value_name = "N")]
    pub max_batch: usize,
    /// Text domain, whose tag is prepended as in training: news, tweet or headline
    /// [default: the model's, news].
    #[arg(long)]
    pub domain: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub model: ModelArgs,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
    /// Leave `tickers` empty (no company matching).
    #[arg(long)]
    pub no_tickers: bool,
    /// Output file, or `-` for standard output. A file appears only once the run completes
    /// (an interrupted run leaves no partial file). It may not name an input, the --errors
    /// file, or a file that a scanned input directory would read.
    #[arg(short, long, default_value = "-", value_name = "PATH")]
    pub output: PathBuf,
    /// Output format [default: from the extension of -o: .jsonl (.ndjson, .json), .csv,
    /// .parquet (.pq); JSON Lines without an extension; any other extension is an error].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// CSV: one row per (article, ticker) instead of one per article; an article without
    /// tickers still has one row, with empty ticker columns.
    #[arg(long)]
    pub per_ticker: bool,
    /// Write error records to this file instead of the output (same schema, format from its
    /// extension as for -o; a file appears only once the run completes).
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Score only shard K of N (1 <= K <= N): the articles whose id hashes to it. The N
    /// shard outputs together hold every article once.
    #[arg(long, value_name = "K/N", value_parser = shard)]
    pub shard: Option<Shard>,
    /// Append to the output file in place, skipping the ids it already holds, so an
    /// interrupted run finishes where it stopped. Start long runs with it: without it the
    /// output appears only when the run completes. The output is locked while the run
    /// writes it (a second run on it refuses), and only a file of finsent's own records is
    /// resumed: any other file is refused and left unchanged.
    #[arg(long)]
    pub resume: bool,
    /// Articles per chunk (1 to 100,000): the unit of batching and of output flushing.
    /// Does not change scores.
    #[arg(long, default_value_t = 512, value_name = "N")]
    pub chunk_articles: usize,
    /// Longest article body scored; a longer body is cut (at a space) and the cut is listed
    /// in the record's `warnings`.
    #[arg(long, default_value_t = Limits::default().max_article_bytes, value_name = "BYTES")]
    pub max_article_bytes: usize,
    /// Most body sentences scored per article; the rest are left out and `warnings` says so.
    /// Tickers come from the scored text only (0: the title alone).
    #[arg(long, default_value_t = Limits::default().max_sentences, value_name = "N")]
    pub max_sentences: usize,
    /// Add every sentence with its offsets and probabilities (`sentence_scores`).
    #[arg(long)]
    pub sentences: bool,
    /// Also write one row per scored sentence (the title counts as one) to this file: the
    /// article's id, the sentence's index, part, text, offsets, score, label, probs,
    /// symbols (the companies it names) and targets, and the article's published_at.
    /// Format from its extension as for -o; error records have no rows. With --resume it
    /// must be JSON Lines and is resumed with the output; with --shard it holds the
    /// shard's sentences.
    #[arg(long, value_name = "PATH")]
    pub sentences_table: Option<PathBuf>,
    /// Copy these input fields (JSONL keys, CSV columns) into every scored record, after
    /// `error`, as text (null when a record lacks one): `--keep desk,permno`. A field
    /// named like an output field is written as input_NAME (`id` as `input_id`).
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    pub keep: Vec<String>,
    /// Label band thresholds on |score|: neutral below the first, mildly below the second,
    /// plain below the third, strongly from the third on.
    #[arg(long, default_value = "0.15,0.40,0.70", value_name = "A,B,C", value_parser = bands)]
    pub bands: Bands,
    /// Weight of the title relative to one body sentence in the article score.
    #[arg(long, default_value_t = 2.0, value_name = "W")]
    pub title_weight: f32,
    /// Seconds between progress lines (0 to 86,400) when standard error is not a terminal (on a terminal
    /// a progress bar is drawn instead).
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    pub progress_every: f64,
    /// No progress and no run summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Score every sentence, even when the same text occurs again in the chunk (by default
    /// each distinct sentence of a chunk is scored once: bylines and disclaimers repeat).
    /// Does not change scores.
    #[arg(long)]
    pub no_sentence_cache: bool,
    /// After the summary, where the time went: model inference, tokenizing, splitting and
    /// ticker matching, aggregating and writing.
    #[arg(long)]
    pub timings: bool,
    /// How far apart in publication time two articles of one near-duplicate story may be
    /// (`story`, `novelty`, `story_first`): 72h, 3d, 30m, 90s. Articles are compared in
    /// input order; with --shard or --resume, each run sees only its own articles: run
    /// `finsent stories` over the whole input for exact stories.
    #[arg(long, default_value = "72h", value_name = "DURATION", value_parser = novelty_window)]
    pub novelty_window: Duration,
    /// Leave `story`, `novelty` and `story_first` null (no near-duplicate search).
    #[arg(long)]
    pub no_stories: bool,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    /// Files of JSONL objects or plain lines (gzip or zstd too); `-` is standard input.
    #[arg(default_value = "-", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Field of each JSONL object that holds the text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// Field of each JSONL object naming the entity (a company as written in the text) to
    /// score the text toward: "what is the sentiment toward Nissan?". Each mention of it in
    /// the text is marked as the model was trained; objects without the field are scored as
    /// a whole, as before.
    #[arg(long, default_value = "target", value_name = "NAME")]
    pub target_field: String,
    /// Longest input line read; a longer one is a `too_large` error record and is not read.
    #[arg(long, default_value_t = MAX_RECORD_BYTES, value_name = "BYTES")]
    pub max_record_bytes: u64,
    #[command(flatten)]
    pub model: ModelArgs,
    /// Output file, or `-` for standard output; it may not name an input. JSON Lines keeps
    /// every field of the input objects; CSV and Parquet hold text, target, label, score,
    /// probs, source (the file and line read) and error.
    #[arg(short, long, default_value = "-", value_name = "PATH")]
    pub output: PathBuf,
    /// Output format [default: from the extension of -o, as for `finsent score`].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// No run summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct SplitArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// One JSON object per article: {"id","title","sentences":[{"text","start","end"}]},
    /// offsets in characters of the body.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TickersArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct StoriesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// How far apart in publication time two articles of one story may be: 72h, 3d, 30m.
    #[arg(long, default_value = "72h", value_name = "DURATION", value_parser = novelty_window)]
    pub novelty_window: Duration,
}

#[derive(Debug, Args)]
pub struct InfoArgs {
    /// One JSON object instead of lines of text (nothing on standard output when a part is
    /// missing).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub model: ModelArgs,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

#[derive(Debug, Args)]
pub struct PanelArgs {
    /// Output of `finsent score`: JSON Lines, or Parquet (by the extension).
    #[arg(value_name = "SCORES")]
    pub input: PathBuf,
    /// Output file (Parquet, CSV or JSONL by its extension), or `-` for standard output.
    /// Columns: symbol, day, score, articles, stories, confidence, relevance,
    /// last_published_at.
    #[arg(short, long, default_value = "-", value_name = "PATH")]
    pub output: PathBuf,
    /// Output format [default: from the extension of -o, as for `finsent score`].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The market's time zone (IANA name), in which the cut-off is read.
    #[arg(long, default_value = "America/New_York", value_name = "ZONE", value_parser = tz)]
    pub tz: Tz,
    /// The close (HH:MM, local time): news at or after it goes to the next trading day.
    #[arg(long, default_value = "16:00", value_name = "HH:MM", value_parser = cutoff)]
    pub cutoff: NaiveTime,
    /// Leave out companies less relevant to an article than this (0 to 1).
    #[arg(long, default_value_t = 0.0, value_name = "R")]
    pub min_relevance: f64,
    /// How the articles of one near-duplicate story (`story` in the scores) count: mean
    /// (a story's articles in a company-day average into one observation, so four updates
    /// of one warning weigh as one story), first (only a story's first article counts:
    /// fresh news only), last (a story's latest article in the company-day stands for it),
    /// all (every article, copies too). Records without `story` are stories of their own.
    #[arg(long, default_value = "mean", value_name = "RULE", value_parser = per_story)]
    pub per_story: PerStory,
    /// Which listing names a company's rows: home (the symbol `finsent score` reports:
    /// 7203.T, BP.L, UBSG.SW) or us (the company's US listing where it has one, an ADR on
    /// NYSE or Nasdaq before one over the counter: TM, BP, UBS; a company without one keeps
    /// its home symbol), to join the panel to US prices.
    #[arg(long, default_value = "home", value_name = "LISTING", value_parser = panel_listing)]
    pub listing: PanelListing,
    /// No summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// A novelty window, read and checked against its range.
fn novelty_window(text: &str) -> Result<Duration, String> {
    let window = parse_window(text)?;
    StoryOptions {
        window,
        ..StoryOptions::default()
    }
    .validate()
    .map_err(|e| e.reason())?;
    Ok(window)
}

/// `--shard K/N`, read.
fn shard(text: &str) -> Result<Shard, String> {
    Shard::parse(text).map_err(must_be)
}

/// `--bands A,B,C`, read and checked.
fn bands(text: &str) -> Result<Bands, String> {
    let values: Vec<f32> = text
        .split(',')
        .map(|v| v.trim().parse::<f32>())
        .collect::<Result<_, _>>()
        .map_err(|e| format!("{e}; three numbers A,B,C"))?;
    match values[..] {
        [a, b, c] => Bands::new(a, b, c).map_err(must_be),
        _ => Err(format!("takes three numbers A,B,C, got {}", values.len())),
    }
}

/// `--tz`, read.
fn tz(text: &str) -> Result<Tz, String> {
    parse_tz(text).map_err(must_be)
}

/// `--cutoff`, read.
fn cutoff(text: &str) -> Result<NaiveTime, String> {
    parse_cutoff(text).map_err(must_be)
}

/// What a flag's value must be, for clap, which names the flag and the value itself.
fn must_be(e: Invalid) -> String {
    format!("must be {}", e.allowed)
}

/// The flag that sets `field`.
fn flag(field: Field) -> &'static str {
    match field {
        Field::TitleWeight => "--title-weight",
        Field::ChunkArticles => "--chunk-articles",
        Field::NoveltyWindow => "--novelty-window",
        Field::Threads => "--threads (-j)",
        Field::IntraThreads => "--intra-threads",
        Field::MaxBatch => "--max-batch",
        Field::TokenBudget => "--token-budget",
        Field::Shard => "--shard",
        Field::Bands => "--bands",
        Field::MinRelevance => "--min-relevance",
        Field::Tz => "--tz",
        Field::Cutoff => "--cutoff",
        // No flag sets it.
        Field::StoryCapacity => field.name(),
    }
}

/// A library error in the command's words: a field error names the flag that sets it.
pub fn worded(error: Error) -> Error {
    match error {
        Error::Invalid(e) => Error::Usage(e.named(flag(e.field))),
        other => other,
    }
}

/// A panel's listing choice, read.
fn panel_listing(text: &str) -> Result<PanelListing, String> {
    PanelListing::parse(text).map_err(|e| e.to_string())
}

/// A panel's per-story rule, read.
fn per_story(text: &str) -> Result<PerStory, String> {
    PerStory::parse(text).map_err(|e| e.to_string())
}
