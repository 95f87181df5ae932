//! `finsent score`, one article at a time in chunks: `plan` splits each article and finds
//! its companies, `scoring` scores the chunk's model inputs together, `record` builds
//! each article's output record. [`score_chunk`] runs the three over one chunk in the
//! caller's worker pool; [`crate::Finsent`] streams chunks through it.

mod plan;
mod record;
mod scoring;

use std::time::Instant;

use rayon::prelude::*;

use crate::aggregate::Bands;
use crate::article::{ErrorKind, Record, RecordError};
use crate::error::Result;
use crate::limits::{Limits, cut_article};
use crate::model::{ModelInput, Scorer};
use crate::select::Selection;
use crate::stories::{Signature, Stories, StoryOptions};
use crate::stream::{Chunking, Phases};
use crate::tickers::Tickers;
use crate::validate::{Field, Invalid};
use crate::writer::{ModelInfo, OutputRecord};

pub use plan::ArticlePlan;
pub use record::{article_record, panicked_record};
pub use scoring::score_groups;

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
    /// Near-duplicate stories across the input (`story`, `novelty`); `None`: off.
    pub stories: Option<StoryOptions>,
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
            stories: Some(StoryOptions::default()),
        }
    }
}

/// The most articles a chunk may hold: a chunk is held in memory whole (with its records
/// queued twice over on the reader's channel), so a mistyped `--chunk-articles` must not
/// allocate gigabytes before the first article is read.
pub const MAX_CHUNK_ARTICLES: usize = 100_000;
/// The most a title weighs against one body sentence.
pub const MAX_TITLE_WEIGHT: f32 = 1000.0;

impl ScoreOptions {
    /// Chunks of at most [`ScoreOptions::chunk_articles`] articles and about
    /// [`ScoreOptions::chunk_bytes`] bytes of text.
    pub fn chunking(&self) -> Chunking {
        Chunking {
            max_items: self.chunk_articles,
            max_weight: self.chunk_bytes,
        }
    }

    /// Checks the settings against their ranges.
    pub fn validate(&self) -> Result<(), Invalid> {
        if !(self.title_weight.is_finite() && (0.0..=MAX_TITLE_WEIGHT).contains(&self.title_weight))
        {
            let allowed = format!("a number from 0 to {MAX_TITLE_WEIGHT}");
            return Err(Invalid::new(Field::TitleWeight, allowed, self.title_weight));
        }
        if !(1..=MAX_CHUNK_ARTICLES).contains(&self.chunk_articles) {
            let allowed = format!("between 1 and {MAX_CHUNK_ARTICLES}");
            return Err(Invalid::new(
                Field::ChunkArticles,
                allowed,
                self.chunk_articles,
            ));
        }
        if let Some(stories) = &self.stories {
            stories.validate()?;
        }
        Ok(())
    }
}

/// Splits, scores and aggregates one chunk in the current rayon pool; returns its records
/// in input order.
pub fn score_chunk(
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
        cut_article(article, limits.max_article_bytes);
    }
    let plans: Vec<ArticlePlan> = chunk
        .par_iter()
        .map(|r| {
            r.as_ref().map_or_else(
                |_| ArticlePlan::default(),
                |a| ArticlePlan::new(a, tickers, limits, with_targets),
            )
        })
        .collect();
    // Each article's inputs; none for records that are already errors.
    let groups: Vec<Vec<ModelInput>> = chunk
        .iter()
        .zip(&plans)
        .map(|(record, plan)| match record {
            Ok(article) => plan.inputs(article),
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
        .zip(plans)
        .zip(probs)
        .map(|((record, plan), probs)| match (record, probs) {
            (Err(e), _) => OutputRecord::Error(e.into()),
            (Ok(article), Ok(probs)) => {
                let scores = plan.assign(&probs);
                let record = article_record(article, &plan, &scores, tickers, options, model);
                OutputRecord::Article(Box::new(record))
            }
            (Ok(article), Err(e)) => OutputRecord::Error(
                RecordError {
                    id: article.id,
                    kind: ErrorKind::Model,
                    message: e.to_string(),
                    origin: article.origin,
                }
                .into(),
            ),
        })
        .collect();
    phases.aggregate_and_write += aggregating.elapsed();
    records
}

/// The fingerprint of each article of a chunk, made on the current rayon pool; `None` for
/// a record that is an error or has no words.
pub fn signatures(chunk: &[Record]) -> Vec<Option<Signature>> {
    chunk
        .par_iter()
        .map(|r| {
            r.as_ref()
                .ok()
                .and_then(|a| Signature::of(a.title.as_deref(), &a.body))
        })
        .collect()
}

/// Gives each scored article its story, in input order (each record with its signature);
/// returns how many came late ([`crate::stories::StoryMark::late`]).
pub fn mark_stories<'a>(
    stories: &mut Stories,
    records: impl IntoIterator<Item = (&'a mut OutputRecord, Option<Signature>)>,
) -> u64 {
    let mut late = 0;
    for (record, signature) in records {
        if let (OutputRecord::Article(article), Some(signature)) = (record, signature) {
            let mark = stories.mark(&article.id, article.published_at.as_deref(), signature);
            late += u64::from(mark.late);
            article.set_story(mark);
        }
    }
    late
}
