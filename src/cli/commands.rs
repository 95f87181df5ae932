//! What each subcommand does with its validated settings.

use std::io::{self, Write};

use finsent::Finsent;
use finsent::error::{Error, Result};
use finsent::loader::load;
use finsent::panel::{PanelRule, build_panel, read_scored, write_panel};
use finsent::pipeline::ScoreOptions;
use finsent::stream::{Destination, RunStats};
use finsent::writer::{
    Layout, RecordWriter, SentenceTable, Sink, open_row_writer, open_writer, sentence_table_schema,
};

use super::flags::{ClassifyArgs, PanelArgs, SplitArgs, StoriesArgs, TickersArgs};
use super::inspect::{split_stream, stories_stream, tickers_stream};
use super::progress::{Progress, input_size};
use super::settings::{ScoreSettings, engine_config, gazetteer_choice, output_format};

pub fn score(mut settings: ScoreSettings) -> Result<RunStats> {
    let _locks = settings.claim()?;
    let output = settings.output.display().to_string();
    let output_error = |source| Error::Output {
        path: output.clone(),
        source,
    };
    let engine = Finsent::load(settings.config)?;
    let sink = open_sink(&settings.output, settings.resume).map_err(output_error)?;
    let mut writer = open_writer(settings.format, sink, &settings.layout).map_err(output_error)?;
    if let Some((path, format)) = &settings.sentences_table {
        let name = path.display().to_string();
        let table_error = |source| Error::Output {
            path: name.clone(),
            source,
        };
        let sink = open_sink(path, settings.resume).map_err(table_error)?;
        let table = open_row_writer(*format, sink, sentence_table_schema()).map_err(table_error)?;
        let with_sentences = settings.layout.with_sentences;
        writer = Box::new(SentenceTable::new(writer, table, name, with_sentences));
    }
    let errors_path = (settings.errors.as_ref()).map(|(p, _)| p.display().to_string());
    let errors_error = |source| Error::Output {
        path: errors_path.clone().unwrap_or_default(),
        source,
    };
    let mut errors: Option<Box<dyn RecordWriter>> = match &settings.errors {
        Some((path, format)) => {
            let sink = Sink::open(path).map_err(errors_error)?;
            let layout = Layout {
                per_ticker: false,
                ..settings.layout.clone()
            };
            Some(open_writer(*format, sink, &layout).map_err(errors_error)?)
        }
        None => None,
    };
    let total = (!settings.quiet)
        .then(|| input_size(&settings.inputs))
        .flatten();
    let mut progress = Progress::new(
        settings.quiet,
        settings.progress_every,
        total,
        settings.load.bytes_read.clone(),
    );
    let (inputs, load_options) = (settings.inputs, settings.load);
    let positions = progress.positions();
    let stats = engine.score_stream(
        move || positions.track(load(inputs, load_options)),
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
    summarize(&stats, settings.quiet);
    if settings.timings {
        report_timings(&stats, &engine);
    }
    Ok(stats)
}

/// A file output: appended to in place when resuming, else written under a temporary name.
fn open_sink(path: &std::path::Path, resume: bool) -> io::Result<Sink> {
    if resume {
        Sink::append(path)
    } else {
        Sink::open(path)
    }
}

pub fn classify(args: ClassifyArgs) -> Result<RunStats> {
    let format = output_format("-o", &args.output, args.format)?;
    let config = engine_config(&args.model, None, ScoreOptions::default())?;
    let outputs = [("-o", args.output.as_path())];
    let _locks = finsent::writer::claim_outputs(&outputs, &args.inputs, |_| false, false)?;
    let engine = Finsent::load(config)?;
    let output = args.output.display().to_string();
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
    let stats = finsent::classify::classify_stream(input, &engine, format, sink, &output)?;
    summarize(&stats, args.quiet);
    Ok(stats)
}

pub fn split(args: SplitArgs) -> Result<RunStats> {
    let (inputs, load_options) = (args.input.inputs.clone(), args.input.load_options());
    let mut out = io::BufWriter::new(io::stdout().lock());
    split_stream(
        move || load(inputs, load_options),
        args.json,
        &mut out,
        &mut report_error,
    )
}

pub fn tickers(args: TickersArgs) -> Result<RunStats> {
    let tickers = gazetteer_choice(&args.gazetteer).load()?;
    let (inputs, load_options) = (args.input.inputs.clone(), args.input.load_options());
    let mut out = io::BufWriter::new(io::stdout().lock());
    tickers_stream(
        move || load(inputs, load_options),
        &tickers,
        &mut out,
        &mut report_error,
    )
}

pub fn stories(args: StoriesArgs) -> Result<RunStats> {
    let options = finsent::stories::StoryOptions {
        window: args.novelty_window,
        ..Default::default()
    };
    let (inputs, load_options) = (args.input.inputs.clone(), args.input.load_options());
    let mut out = io::BufWriter::new(io::stdout().lock());
    stories_stream(
        move || load(inputs, load_options),
        &options,
        &mut out,
        &mut report_error,
    )
}

pub fn panel(args: &PanelArgs) -> Result<RunStats> {
    let rule = PanelRule {
        per_story: args.per_story,
        listing: args.listing,
        ..PanelRule::new(args.tz, args.cutoff, args.min_relevance)?
    };
    let format = output_format("-o", &args.output, args.format)?;
    // `-o` naming the scores file would replace the scores with the panel.
    let outputs = [("-o", args.output.as_path())];
    let inputs = [args.input.clone()];
    let _locks = finsent::writer::claim_outputs(&outputs, &inputs, |_| false, false)?;
    let (observations, input) = read_scored(&args.input)?;
    let rows = build_panel(observations, &rule);
    write_panel(&rows, &args.output, format)?;
    if !args.quiet {
        eprintln!(
            "finsent: {} records: {} ticker-day rows; left out {} error and {} undated records",
            input.records,
            rows.len(),
            input.errors,
            input.undated
        );
    }
    Ok(RunStats {
        read: input.records,
        ..RunStats::default()
    })
}

/// Shares of the wall time: the workers' time per worker for the stages they run.
fn report_timings(stats: &RunStats, engine: &Finsent) {
    let wall = stats.elapsed.as_secs_f64().max(1e-9);
    let workers = engine.scorer().workers() as f64;
    let (tokenize, inference) = engine.scorer().busy();
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
    if stats.late_for_stories > 0 {
        let _ = writeln!(
            io::stderr(),
            "finsent: {} articles were published more than two novelty windows before an \
             article read earlier: their stories may miss earlier versions (sort the input \
             by published_at for exact stories)",
            stats.late_for_stories
        );
    }
}
