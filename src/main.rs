//! The `finsent` command: flags -> validated options -> library call -> exit status.

mod cli;
mod info;
mod shipped;

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use finsent::aggregate::Bands;
use finsent::error::{Error, Result};
use finsent::inspect::{split_stream, tickers_stream};
use finsent::limits::Limits;
use finsent::loader::load;
use finsent::model::{Scorer, ScorerOptions, init_runtime, locate_runtime};
use finsent::pipeline::{Destination, RunStats, ScoreOptions, score_stream};
use finsent::progress::{Progress, input_size};
use finsent::select::{Shard, resume_ids};
use finsent::writer::{Format, Layout, RecordWriter, Sink, open_writer};

use cli::{Cli, Command, ModelArgs, ScoreArgs};

fn main() -> ExitCode {
    finsent::writer::partial::remove_on_signal();
    let cli = Cli::parse();
    match run(cli) {
        Ok(stats) if stats.failed > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("finsent: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<RunStats> {
    match cli.command {
        Command::Score(args) => score(*args),
        Command::Classify(args) => {
            let scorer = load_scorer(&args.model)?;
            let output = args.output.display().to_string();
            let outputs = [("-o", args.output.as_path())];
            let _lock = finsent::writer::claim_outputs(&outputs, &args.inputs, |_| false, false)?;
            let sink = Sink::open(&args.output).map_err(|source| Error::Output {
                path: output.clone(),
                source,
            })?;
            let input = finsent::classify::ClassifyInput {
                inputs: args.inputs,
                text_field: args.text_field,
                target_field: args.target_field,
                max_line: args.max_record_bytes,
            };
            let stats = finsent::classify::classify_stream(input, &scorer, sink, &output)?;
            summarize(&stats, args.quiet);
            Ok(stats)
        }
        Command::Split(args) => {
            let (inputs, load_options) = (args.input.inputs.clone(), args.input.load_options());
            let mut out = io::BufWriter::new(io::stdout().lock());
            split_stream(
                move || load(inputs, load_options),
                args.json,
                &mut out,
                &mut report_error,
            )
        }
        Command::Tickers(args) => {
            let tickers = shipped::tickers(args.gazetteer.gazetteer.as_deref())?;
            let (inputs, load_options) = (args.input.inputs.clone(), args.input.load_options());
            let mut out = io::BufWriter::new(io::stdout().lock());
            tickers_stream(
                move || load(inputs, load_options),
                &tickers,
                &mut out,
                &mut report_error,
            )
        }
        Command::Info(args) => info::info(&args).map(|()| RunStats::default()),
    }
}

fn score(args: ScoreArgs) -> Result<RunStats> {
    if !(args.title_weight.is_finite() && args.title_weight >= 0.0) {
        return Err(Error::Usage(format!(
            "--title-weight must be a number >= 0, got {}",
            args.title_weight
        )));
    }
    let mut options = ScoreOptions {
        bands: parse_bands(&args.bands)?,
        title_weight: args.title_weight,
        with_sentences: args.sentences,
        chunk_articles: args.chunk_articles.max(1),
        dedupe: !args.no_sentence_cache,
        limits: Limits {
            max_article_bytes: args.max_article_bytes,
            max_sentences: args.max_sentences,
        },
        ..ScoreOptions::default()
    };
    if let Some(shard) = &args.shard {
        options.selection.shard = Some(Shard::parse(shard).map_err(Error::Usage)?);
    }
    let scorer = load_scorer(&args.model)?;
    let tickers = if args.no_tickers {
        None
    } else {
        Some(shipped::tickers(args.gazetteer.gazetteer.as_deref())?)
    };
    let layout = Layout {
        with_sentences: args.sentences,
        per_ticker: args.per_ticker,
    };
    let format = args
        .format
        .unwrap_or_else(|| Format::from_path(&args.output));
    if args.per_ticker && format != Format::Csv {
        return Err(Error::Usage(
            "--per-ticker is for CSV output (--format csv or -o FILE.csv); \
             JSONL and Parquet keep the tickers of an article in one list"
                .into(),
        ));
    }
    if !(args.progress_every.is_finite() && args.progress_every >= 0.0) {
        return Err(Error::Usage(format!(
            "--progress-every must be a number of seconds >= 0, got {}",
            args.progress_every
        )));
    }
    let output = args.output.display().to_string();
    let output_error = |source| Error::Output {
        path: output.clone(),
        source,
    };
    let scanned = |p: &std::path::Path| {
        args.input.input_format.is_some() || finsent::loader::InputFormat::from_path(p).is_some()
    };
    let outputs: Vec<(&str, &std::path::Path)> = std::iter::once(("-o", args.output.as_path()))
        .chain(args.errors.as_deref().map(|e| ("--errors", e)))
        .collect();
    // Only a resume that goes ahead (JSON Lines) creates its output to lock it.
    let append = args.resume && format == Format::Jsonl;
    let _lock = finsent::writer::claim_outputs(&outputs, &args.input.inputs, scanned, append)?;
    let sink = if args.resume {
        if output == "-" {
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
        options.selection.done = resume_ids(&args.output).map_err(output_error)?;
        Sink::append(&args.output).map_err(output_error)?
    } else {
        Sink::open(&args.output).map_err(output_error)?
    };
    let mut writer = open_writer(format, sink, layout).map_err(output_error)?;
    let errors_path = args.errors.as_ref().map(|p| p.display().to_string());
    let errors_error = |source| Error::Output {
        path: errors_path.clone().unwrap_or_default(),
        source,
    };
    let mut errors: Option<Box<dyn RecordWriter>> = match &args.errors {
        Some(path) => {
            let sink = Sink::open(path).map_err(errors_error)?;
            let layout = Layout {
                per_ticker: false,
                ..layout
            };
            Some(open_writer(Format::from_path(path), sink, layout).map_err(errors_error)?)
        }
        None => None,
    };
    let load_options = args.input.load_options();
    let total = (!args.quiet)
        .then(|| input_size(&args.input.inputs))
        .flatten();
    let mut progress = Progress::new(
        args.quiet,
        Duration::from_secs_f64(args.progress_every),
        total,
        load_options.bytes_read.clone(),
    );
    let inputs = args.input.inputs.clone();
    let positions = progress.positions();
    let records = move || positions.track(load(inputs, load_options));
    let stats = score_stream(
        records,
        &scorer,
        tickers.as_ref(),
        &options,
        Destination {
            writer: writer.as_mut(),
            name: &output,
        },
        errors
            .as_mut()
            .zip(errors_path.as_deref())
            .map(|(e, name)| Destination {
                writer: e.as_mut(),
                name,
            }),
        &mut |stats| progress.update(stats),
    )?;
    progress.finish();
    if !stats.output_closed {
        writer.finish().map_err(output_error)?;
    }
    if let Some(errors) = errors {
        errors.finish().map_err(errors_error)?;
    }
    summarize(&stats, args.quiet);
    if args.timings {
        report_timings(&stats, &scorer);
    }
    Ok(stats)
}

/// Shares of the wall time: the workers' time per worker for the stages they run.
fn report_timings(stats: &RunStats, scorer: &Scorer) {
    let wall = stats.elapsed.as_secs_f64().max(1e-9);
    let workers = scorer.workers() as f64;
    let (tokenize, inference) = scorer.busy();
    let share = |secs: f64| format!("{secs:.2} s ({:.1} %)", 100.0 * secs / wall);
    let phases = &stats.phases;
    let _ = writeln!(
        io::stderr(),
        "finsent: timings over {wall:.2} s of wall time, {workers} workers: model inference {} \
         per worker; tokenizing {} per worker; splitting and tickers {}; aggregating and \
         writing {}; waiting for input {}",
        share(inference.as_secs_f64() / workers),
        share(tokenize.as_secs_f64() / workers),
        share(phases.parse.as_secs_f64()),
        share(phases.aggregate_and_write.as_secs_f64()),
        share(
            (stats
                .elapsed
                .saturating_sub(phases.parse + phases.score + phases.aggregate_and_write))
            .as_secs_f64()
        ),
    );
}

fn report_error(e: &finsent::article::RecordError) {
    eprintln!("finsent: {}: {}", e.id, e.message);
}

fn load_scorer(args: &ModelArgs) -> Result<Scorer> {
    let env = init_runtime(&locate_runtime(&shipped::runtime_places())?.path)?;
    let defaults = ScorerOptions::default();
    let options = ScorerOptions {
        threads: args.threads.unwrap_or(defaults.threads),
        intra_threads: args.intra_threads,
        token_budget: args.token_budget,
        max_batch: args.max_batch,
        domain: args.domain.clone(),
    };
    Scorer::load_from(env, shipped::model(args.model.as_deref()), &options)
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

fn summarize(stats: &RunStats, quiet: bool) {
    if quiet {
        return;
    }
    let _ = writeln!(
        io::stderr(),
        "finsent: {} records: {} scored, {} failed, {} skipped; {} sentences in {:.2} s ({:.0} sentences/s){}",
        stats.read,
        stats.scored,
        stats.failed,
        stats.skipped,
        stats.sentences,
        stats.elapsed.as_secs_f64(),
        stats.sentences_per_second(),
        if stats.output_closed {
            "; output closed early"
        } else {
            ""
        }
    );
}
