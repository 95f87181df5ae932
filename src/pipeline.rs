//! Streaming orchestration of `finsent score`: a reader thread loads records into a bounded
//! channel; the main thread cuts them into chunks (by article count and text size, so the
//! cut depends on the input only), splits and scores each chunk on the worker pool,
//! aggregates, and writes the records in input order. Memory stays bounded whatever the
//! archive size.

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::aggregate::{Bands, Weighted, aggregate};
use crate::article::{Article, ErrorKind, Record, RecordError};
use crate::error::{Error, Result};
use crate::figures;
use crate::limits::{Limits, cut_body};
use crate::model::{ModelInput, Probs, Scorer, Target};
use crate::per_ticker::{TargetPass, Unit, UnitMention, company_score, plan_targets};
use crate::select::Selection;
use crate::split::{Span, char_offsets, sentence_at, split_sentences};
use crate::tickers::{Mention, Tickers};
use crate::writer::{
    ArticleRecord, Evidence, EvidenceSentence, ModelInfo, OutputRecord, Part, RecordWriter,
    Rounded, SentenceRecord, TargetRecord, TickerRecord,
};

/// How articles are scored and reported.
#[derive(Debug, Clone)]
pub struct ScoreOptions {
    pub bands: Bands,
    /// Weight of the title relative to one body sentence.
    pub title_weight: f32,
    /// Adds every sentence to the output record.
    pub with_sentences: bool,
    /// Most articles per chunk.
    pub chunk_articles: usize,
    /// Most text bytes per chunk.
    pub chunk_bytes: usize,
    /// Which records to score (`--shard`, `--resume`); the others are skipped.
    pub selection: Selection,
    /// Longest body and most sentences scored per article.
    pub limits: Limits,
    /// Score each distinct sentence of a chunk once.
    pub dedupe: bool,
}

impl Default for ScoreOptions {
    fn default() -> Self {
        Self {
            bands: Bands::default(),
            title_weight: 2.0,
            with_sentences: false,
            chunk_articles: 512,
            chunk_bytes: 2 << 20,
            selection: Selection::default(),
            limits: Limits::default(),
            dedupe: true,
        }
    }
}

/// What a run did, for the summary line and the exit status.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunStats {
    /// Records read: `scored + failed + skipped`.
    pub read: u64,
    pub scored: u64,
    pub failed: u64,
    /// Records left out by `--shard` or `--resume`.
    pub skipped: u64,
    pub sentences: u64,
    pub elapsed: Duration,
    /// The reader of standard output went away (`| head`); the run stopped there.
    pub output_closed: bool,
    /// Wall time of the stages of each chunk.
    pub phases: Phases,
}

/// Wall time of the stages of a chunk, summed over the chunks (reading the input runs on its
/// own thread, beside them).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Phases {
    /// Splitting and ticker matching (on the workers).
    pub parse: Duration,
    /// Scoring: tokenizing and the model (on the workers).
    pub score: Duration,
    /// Aggregating articles and writing records.
    pub aggregate_and_write: Duration,
}

impl RunStats {
    pub fn sentences_per_second(&self) -> f64 {
        self.sentences as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Runs `process` on chunks of the items `produce` yields on a reader thread, in order.
/// A chunk ends at `max_items` items or once the items' `weight` reaches `max_weight`.
/// `process` returns `Ok(false)` to stop early.
pub fn in_chunks<T, I>(
    produce: impl FnOnce() -> I + Send,
    weight: impl Fn(&T) -> usize,
    max_items: usize,
    max_weight: usize,
    mut process: impl FnMut(Vec<T>) -> Result<bool>,
) -> Result<()>
where
    T: Send,
    I: Iterator<Item = T>,
{
    let (tx, rx) = crossbeam_channel::bounded::<T>(max_items.max(1) * 2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for item in produce() {
                if tx.send(item).is_err() {
                    break;
                }
            }
        });
        // `rx` is dropped when this closure returns, which stops the reader if we stop early.
        let rx = rx;
        let mut chunk = Vec::new();
        let mut total = 0;
        for item in rx.iter() {
            total += weight(&item);
            chunk.push(item);
            if chunk.len() >= max_items.max(1) || total >= max_weight {
                total = 0;
                if !process(std::mem::take(&mut chunk))? {
                    return Ok(());
                }
            }
        }
        if !chunk.is_empty() {
            process(chunk)?;
        }
        Ok(())
    })
}

/// A writer and the name its write errors carry (the path as given; `-` is standard output).
pub struct Destination<'a> {
    pub writer: &'a mut dyn RecordWriter,
    pub name: &'a str,
}

/// Scores every record of `records` and writes one output record per input record to
/// `output`, error records to `errors` when given. With `tickers`, each article also lists
/// the companies it mentions. `progress` sees the counts after every chunk.
pub fn score_stream<'a, I>(
    records: impl FnOnce() -> I + Send,
    scorer: &Scorer,
    tickers: Option<&Tickers>,
    options: &ScoreOptions,
    mut output: Destination<'a>,
    mut errors: Option<Destination<'a>>,
    progress: &mut dyn FnMut(&RunStats),
) -> Result<RunStats>
where
    I: Iterator<Item = Record>,
{
    let start = Instant::now();
    let mut stats = RunStats::default();
    let model = ModelInfo {
        name: scorer.config().name.clone(),
        version: scorer.config().version.clone(),
    };
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
    in_chunks(
        selected,
        size,
        options.chunk_articles,
        options.chunk_bytes,
        |chunk| {
            let out = score_chunk(chunk, scorer, tickers, options, &model, &mut stats.phases);
            let written = Instant::now();
            for record in &out {
                stats.read += 1;
                match record {
                    OutputRecord::Article(a) => {
                        stats.scored += 1;
                        stats.sentences += a.sentences.total as u64;
                    }
                    OutputRecord::Error(_) => stats.failed += 1,
                }
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
            progress(&stats);
            Ok(go_on)
        },
    )?;
    stats.skipped = skipped.into_inner();
    stats.read += stats.skipped;
    stats.elapsed = start.elapsed();
    Ok(stats)
}

/// How write errors name standard output.
pub const STDOUT: &str = "-";

/// `Ok(true)` to go on, `Ok(false)` when standard output was closed by its reader; other
/// write errors are [`Error::Output`] naming `target`.
pub fn write_or_stop(result: io::Result<()>, stats: &mut RunStats, target: &str) -> Result<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            stats.output_closed = true;
            Ok(false)
        }
        Err(source) => Err(Error::Output {
            path: target.into(),
            source,
        }),
    }
}

/// What an article's text yields before scoring: its sentences, company mentions, and the
/// units to score toward each company of a multi-company unit.
#[derive(Default)]
struct Parsed {
    spans: Vec<Span>,
    title_mentions: Vec<Mention>,
    body_mentions: Vec<Mention>,
    targets: Vec<TargetPass>,
    /// A cut to `--max-sentences`.
    warning: Option<String>,
}

/// `with_targets`: plan target passes (the model takes targets).
fn parse_article(
    article: &Article,
    tickers: Option<&Tickers>,
    limits: &Limits,
    with_targets: bool,
) -> Parsed {
    let mut spans = split_sentences(&article.body);
    let warning = (spans.len() > limits.max_sentences).then(|| {
        let was = spans.len();
        spans.truncate(limits.max_sentences);
        format!(
            "truncated: {was} sentences, the first {} scored (--max-sentences)",
            limits.max_sentences
        )
    });
    let Some(tickers) = tickers else {
        return Parsed {
            spans,
            warning,
            ..Parsed::default()
        };
    };
    let title_mentions = article.title.as_deref().map_or_else(Vec::new, |t| {
        tickers.find_at(
            t,
            &[Span {
                start: 0,
                end: t.len(),
            }],
            article.published_at.as_deref(),
        )
    });
    // Companies are looked for in the scored sentences only: one named only in a cut
    // sentence would have no score of its own.
    let scored = if warning.is_some() {
        &article.body[..spans.last().map_or(0, |s| s.end)]
    } else {
        &article.body
    };
    let body_mentions = tickers.find_at(scored, &spans, article.published_at.as_deref());
    let targets = if with_targets {
        plan_targets(&unit_mentions(
            tickers,
            &title_mentions,
            &body_mentions,
            &spans,
        ))
    } else {
        Vec::new()
    };
    Parsed {
        spans,
        title_mentions,
        body_mentions,
        targets,
        warning,
    }
}

/// Each mention with its unit and its offsets in the unit's text; mentions outside the
/// scored sentences are left out.
fn unit_mentions(
    tickers: &Tickers,
    title_mentions: &[Mention],
    body_mentions: &[Mention],
    spans: &[Span],
) -> Vec<UnitMention> {
    let symbol = |m: &Mention| tickers.symbol(&m.key).to_string();
    let title = title_mentions.iter().map(|m| UnitMention {
        unit: Unit::Title,
        symbol: symbol(m),
        start: m.start,
        end: m.end,
    });
    let body = body_mentions.iter().filter_map(|m| {
        let i = sentence_at(spans, m.start, m.end)?;
        Some(UnitMention {
            unit: Unit::Sentence(i),
            symbol: symbol(m),
            start: m.start - spans[i].start,
            end: m.end - spans[i].start,
        })
    });
    title.chain(body).collect()
}

/// The model inputs of one article, named by their place: the title, then each sentence,
/// then each target pass (a unit toward one company), in that order.
fn article_inputs<'a>(article: &'a Article, parsed: &'a Parsed) -> Vec<ModelInput<'a>> {
    let unit_text = |unit: Unit| match unit {
        Unit::Title => article.title.as_deref().unwrap_or(""),
        Unit::Sentence(i) => parsed.spans[i].text(&article.body),
    };
    let units = article
        .title
        .as_deref()
        .into_iter()
        .chain(parsed.spans.iter().map(|s| s.text(&article.body)))
        .map(ModelInput::from);
    let targets = parsed.targets.iter().map(move |pass| {
        let text = unit_text(pass.unit);
        let (start, end) = pass.mentions[0];
        ModelInput::toward(
            text,
            Target {
                name: &text[start..end],
                mentions: &pass.mentions,
            },
        )
    });
    units.chain(targets).collect()
}

/// Splits, scores and aggregates one chunk; returns its records in input order.
fn score_chunk(
    mut chunk: Vec<Record>,
    scorer: &Scorer,
    tickers: Option<&Tickers>,
    options: &ScoreOptions,
    model: &ModelInfo,
    phases: &mut Phases,
) -> Vec<OutputRecord> {
    let start = Instant::now();
    let limits = &options.limits;
    let with_targets = scorer.takes_targets();
    for article in chunk.iter_mut().flatten() {
        let warning = cut_body(&mut article.body, limits.max_article_bytes);
        article.warnings.extend(warning);
    }
    let parsed: Vec<Parsed> = scorer.pool().install(|| {
        chunk
            .par_iter()
            .map(|r| {
                r.as_ref().map_or_else(
                    |_| Parsed::default(),
                    |a| parse_article(a, tickers, limits, with_targets),
                )
            })
            .collect()
    });
    // Each article's texts, title first; none for records that are already errors.
    let groups: Vec<Vec<ModelInput>> = chunk
        .iter()
        .zip(&parsed)
        .map(|(record, parsed)| match record {
            Ok(article) => article_inputs(article, parsed),
            Err(_) => Vec::new(),
        })
        .collect();
    let scoring = Instant::now();
    phases.parse += scoring - start;
    let probs = score_groups(scorer, &groups, options.dedupe);
    let aggregating = Instant::now();
    phases.score += aggregating - scoring;
    let records = chunk
        .into_iter()
        .zip(parsed)
        .zip(probs)
        .map(|((record, parsed), probs)| match (record, probs) {
            (Err(e), _) => OutputRecord::Error(e.into()),
            (Ok(article), Ok(probs)) => {
                let record = article_record(article, &parsed, &probs, tickers, options, model);
                OutputRecord::Article(Box::new(record))
            }
            (Ok(article), Err(message)) => OutputRecord::Error(
                RecordError {
                    id: article.id,
                    kind: ErrorKind::Model,
                    message,
                    origin: article.origin,
                }
                .into(),
            ),
        })
        .collect();
    phases.aggregate_and_write += aggregating.elapsed();
    records
}

/// The probabilities of each group of model inputs (an article's, a line's), all groups
/// scored together; a newswire figure line ("Net 3,244,000 vs 2,584,000") takes its
/// probabilities from [`figures::read`], not from the model. If that fails, each group is scored alone, so a text the model cannot take
/// fails only its own record; scores do not depend on batch-mates, so the others come out
/// as they would have.
pub fn score_groups(
    scorer: &Scorer,
    groups: &[Vec<ModelInput<'_>>],
    dedupe: bool,
) -> Vec<std::result::Result<Vec<Probs>, String>> {
    let score = |inputs: &[ModelInput<'_>]| {
        if dedupe {
            score_unique(scorer, inputs)
        } else {
            scorer.score(inputs)
        }
    };
    let all: Vec<ModelInput> = groups.iter().flatten().copied().collect();
    let scored: Vec<std::result::Result<Vec<Probs>, String>> = match score(&all) {
        Ok(probs) => {
            let mut rest = probs.as_slice();
            groups
                .iter()
                .map(|group| {
                    let (mine, tail) = rest.split_at(group.len());
                    rest = tail;
                    Ok(mine.to_vec())
                })
                .collect()
        }
        Err(_) => groups
            .iter()
            .map(|group| score(group).map_err(|e| e.to_string()))
            .collect(),
    };
    scored
        .into_iter()
        .zip(groups)
        .map(|(probs, group)| {
            let mut probs = probs?;
            for (p, input) in probs.iter_mut().zip(group) {
                if let Some(m) = figures::read(input.text) {
                    *p = figures::probs(m);
                }
            }
            Ok(probs)
        })
        .collect()
}

/// Scores each distinct input of `inputs` once (bylines, disclaimers and other boilerplate
/// repeat within a chunk); an input is its text and its target. Scores do not depend on the
/// batch, so the result is the same as scoring every input.
fn score_unique(scorer: &Scorer, inputs: &[ModelInput<'_>]) -> Result<Vec<Probs>> {
    let mut first: HashMap<ModelInput, usize> = HashMap::with_capacity(inputs.len());
    let mut unique = Vec::new();
    let slots: Vec<usize> = inputs
        .iter()
        .map(|&t| {
            *first.entry(t).or_insert_with(|| {
                unique.push(t);
                unique.len() - 1
            })
        })
        .collect();
    let probs = scorer.score(&unique)?;
    Ok(slots.into_iter().map(|i| probs[i]).collect())
}

/// Builds the output record of one article from the probabilities of its inputs (title,
/// sentences, target passes: [`article_inputs`]).
fn article_record(
    mut article: Article,
    parsed: &Parsed,
    probs: &[Probs],
    tickers: Option<&Tickers>,
    options: &ScoreOptions,
    model: &ModelInfo,
) -> ArticleRecord {
    let spans = &parsed.spans;
    let (unit_probs, pass_probs) = probs.split_at(probs.len() - parsed.targets.len());
    let (title_probs, body_probs) = match (&article.title, unit_probs.split_first()) {
        (Some(_), Some((first, rest))) => (Some(*first), rest),
        _ => (None, unit_probs),
    };
    let toward: HashMap<(Unit, &str), Probs> = parsed
        .targets
        .iter()
        .zip(pass_probs)
        .map(|(pass, &p)| ((pass.unit, pass.symbol.as_str()), p))
        .collect();
    let targets_of = |unit: Unit| -> Vec<TargetRecord> {
        parsed
            .targets
            .iter()
            .zip(pass_probs)
            .filter(|(pass, _)| pass.unit == unit)
            .map(|(pass, &p)| TargetRecord::new(&pass.symbol, p))
            .collect()
    };
    let mut sentences = Vec::with_capacity(probs.len());
    let mut units = Vec::with_capacity(probs.len());
    if let (Some(title), Some(p)) = (&article.title, title_probs) {
        units.push(Weighted {
            probs: p,
            weight: options.title_weight,
        });
        sentences.push(sentence_record(
            Part::Title,
            title,
            (0, title.chars().count()),
            p,
            targets_of(Unit::Title),
        ));
    }
    let offsets = char_offsets(&article.body, spans);
    for (i, ((span, offsets), &p)) in spans.iter().zip(offsets).zip(body_probs).enumerate() {
        units.push(Weighted {
            probs: p,
            weight: 1.0,
        });
        sentences.push(sentence_record(
            Part::Body,
            span.text(&article.body),
            offsets,
            p,
            targets_of(Unit::Sentence(i)),
        ));
    }
    let score = aggregate(&units, &options.bands);
    let most_positive = sentences
        .iter()
        .filter(|s| s.score.0 > 0.0)
        .max_by(|a, b| a.score.0.total_cmp(&b.score.0));
    let most_negative = sentences
        .iter()
        .filter(|s| s.score.0 < 0.0)
        .min_by(|a, b| a.score.0.total_cmp(&b.score.0));
    let evidence = Evidence {
        most_positive: most_positive.map(EvidenceSentence::from),
        most_negative: most_negative.map(EvidenceSentence::from),
    };
    let unit_probs = |unit: Unit| match unit {
        Unit::Title => title_probs,
        Unit::Sentence(i) => body_probs.get(i).copied(),
    };
    let tickers = tickers.map_or_else(Vec::new, |t| {
        t.summarize(&parsed.title_mentions, &parsed.body_mentions, spans)
            .into_iter()
            .map(|company| {
                let units: Vec<(Unit, Probs)> = company
                    .units
                    .iter()
                    .filter_map(|&unit| {
                        let own = toward.get(&(unit, company.listing.symbol.as_str()));
                        own.copied().or_else(|| unit_probs(unit)).map(|p| (unit, p))
                    })
                    .collect();
                let score = company_score(&units, options.title_weight, &options.bands);
                TickerRecord::new(company, &score)
            })
            .collect()
    });
    article.warnings.extend(parsed.warning.clone());
    ArticleRecord {
        id: article.id,
        title: article.title,
        label: score.label,
        score: Rounded(score.score),
        confidence: Rounded(score.confidence),
        sentences: score.counts,
        evidence,
        tickers,
        model: model.clone(),
        published_at: article.published_at,
        outlet: article.outlet,
        url: article.url,
        source: article.origin,
        warnings: article.warnings,
        sentence_scores: options.with_sentences.then_some(sentences),
    }
}

fn sentence_record(
    part: Part,
    text: &str,
    (start, end): (usize, usize),
    p: Probs,
    targets: Vec<TargetRecord>,
) -> SentenceRecord {
    SentenceRecord {
        part,
        text: text.to_string(),
        start,
        end,
        score: Rounded(p.score()),
        label: p.class(),
        probs: p.into(),
        targets,
    }
}
