//! Record assembly: an article's output record from its plan and the probabilities of its
//! units — the article score, the evidence sentences, each company's own score.

use crate::aggregate::{Weighted, aggregate};
use crate::article::{Article, Probs, Unit};
use crate::per_ticker::{ROLE, company_score};
use crate::split::char_offsets;
use crate::tickers::Tickers;
use crate::writer::{
    ArticleRecord, Evidence, EvidenceSentence, ModelInfo, Part, Rounded, SentenceRecord,
    TargetRecord, TickerRecord,
};

use super::ScoreOptions;
use super::plan::{ArticlePlan, UnitScores};

/// Builds the output record of one article from the named probabilities of its units.
pub fn article_record(
    mut article: Article,
    plan: &ArticlePlan,
    scores: &UnitScores,
    tickers: Option<&Tickers>,
    options: &ScoreOptions,
    model: &ModelInfo,
) -> ArticleRecord {
    let sentences = sentence_records(&article, plan, scores);
    let units: Vec<Weighted> = plan
        .units
        .iter()
        .filter_map(|&unit| {
            scores.unit(unit).map(|probs| Weighted {
                probs,
                weight: unit.weight(options.title_weight),
            })
        })
        .collect();
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
    let tickers = tickers.map_or_else(Vec::new, |t| ticker_records(t, plan, scores, options));
    article.warnings.extend(plan.warning.clone());
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
        story: None,
        novelty: None,
        story_first: None,
        source: article.origin,
        warnings: article.warnings,
        sentence_scores: options.with_sentences.then_some(sentences),
    }
}

/// The title's and each body sentence's record, with their target passes.
fn sentence_records(
    article: &Article,
    plan: &ArticlePlan,
    scores: &UnitScores,
) -> Vec<SentenceRecord> {
    let targets_of = |unit: Unit| -> Vec<TargetRecord> {
        scores
            .passes_of(unit)
            .map(|(symbol, p)| TargetRecord::new(symbol, p))
            .collect()
    };
    let mut sentences = Vec::with_capacity(plan.units.len());
    if let (Some(title), Some(p)) = (&article.title, scores.unit(Unit::Title)) {
        sentences.push(sentence_record(
            Part::Title,
            title,
            (0, title.chars().count()),
            p,
            targets_of(Unit::Title),
        ));
    }
    let offsets = char_offsets(&article.body, &plan.spans);
    for (i, (span, offsets)) in plan.spans.iter().zip(offsets).enumerate() {
        let unit = Unit::Sentence(i);
        if let Some(p) = scores.unit(unit) {
            sentences.push(sentence_record(
                Part::Body,
                span.text(&article.body),
                offsets,
                p,
                targets_of(unit),
            ));
        }
    }
    sentences
}

/// Each company of the article with its own score: neutral in a unit where it only plays a
/// role, else from its target pass in a unit that had one, else from the unit's own
/// probabilities.
fn ticker_records(
    tickers: &Tickers,
    plan: &ArticlePlan,
    scores: &UnitScores,
    options: &ScoreOptions,
) -> Vec<TickerRecord> {
    tickers
        .summarize(&plan.title_mentions, &plan.body_mentions, &plan.spans)
        .into_iter()
        .map(|company| {
            let units: Vec<(Unit, Probs)> = company
                .units
                .iter()
                .filter_map(|&unit| {
                    let symbol = &company.listing.symbol;
                    if plan.roles.contains(&(unit, symbol.clone())) {
                        return Some((unit, ROLE));
                    }
                    let own = scores.toward(unit, symbol);
                    own.or_else(|| scores.unit(unit)).map(|p| (unit, p))
                })
                .collect();
            let score = company_score(&units, options.title_weight, &options.bands);
            TickerRecord::new(company, &score)
        })
        .collect()
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
