//! Record assembly: an article's output record from its plan and the probabilities of its
//! units — the article score, the evidence sentences, each company's own score (made by
//! [`crate::companies`]).

use std::collections::BTreeMap;

use crate::aggregate::{Weighted, aggregate};
use crate::article::{Article, Record, Unit, UnitScores};
use crate::companies::ticker_records;
use crate::split::char_offsets;
use crate::tickers::Tickers;
use crate::writer::{
    ArticleRecord, Evidence, EvidenceSentence, ModelInfo, OutputRecord, Part, Rounded,
    SentenceRecord, TargetRecord,
};

use super::ScoreOptions;
use super::plan::ArticlePlan;

/// Builds the output record of one article from the named probabilities of its units.
pub fn article_record(
    mut article: Article,
    plan: &ArticlePlan,
    scores: &UnitScores,
    tickers: Option<&Tickers>,
    options: &ScoreOptions,
    model: &ModelInfo,
) -> ArticleRecord {
    let symbols = tickers.map_or_else(Default::default, |t| {
        plan.companies.unit_symbols(&plan.spans, t)
    });
    let sentences = sentence_records(&article, plan, scores, symbols);
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
    let tickers = tickers.map_or_else(Vec::new, |t| {
        let (weight, bands) = (options.title_weight, &options.bands);
        ticker_records(t, &plan.companies, &plan.spans, scores, weight, bands)
    });
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
        kept: article.kept,
        sentence_scores: options.with_sentences.then_some(sentences),
    }
}

/// The title's and each body sentence's record, numbered in unit order, with the
/// companies each names (`symbols`, by unit) and their target passes.
fn sentence_records(
    article: &Article,
    plan: &ArticlePlan,
    scores: &UnitScores,
    mut symbols: BTreeMap<Unit, Vec<String>>,
) -> Vec<SentenceRecord> {
    let offsets = char_offsets(&article.body, &plan.spans);
    plan.units
        .iter()
        .enumerate()
        .filter_map(|(index, &unit)| {
            let p = scores.unit(unit)?;
            let (part, text, offsets) = match unit {
                Unit::Title => {
                    let title = article.title.as_deref().unwrap_or("");
                    (Part::Title, title, (0, title.chars().count()))
                }
                Unit::Sentence(i) => (Part::Body, plan.text(article, unit), offsets[i]),
            };
            Some(SentenceRecord {
                index,
                part,
                text: text.to_string(),
                start: offsets.0,
                end: offsets.1,
                score: Rounded(p.score()),
                label: p.class(),
                probs: p.into(),
                symbols: symbols.remove(&unit).unwrap_or_default(),
                targets: scores
                    .passes_of(unit)
                    .map(|(symbol, p)| TargetRecord::new(symbol, p))
                    .collect(),
            })
        })
        .collect()
}

/// The record written for `record` when its work panicked with `message`: an `internal`
/// error record with its id and origin.
pub fn panicked_record(record: &Record, message: String) -> OutputRecord {
    let (id, origin) = match record {
        Ok(article) => (&article.id, &article.origin),
        Err(error) => (&error.id, &error.origin),
    };
    OutputRecord::Error(crate::isolate::internal_error(id, origin, message).into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ErrorKind, Origin, RecordError};

    fn error(id: &str) -> Record {
        Err(RecordError {
            id: id.into(),
            kind: ErrorKind::Parse,
            message: "bad".into(),
            origin: Origin {
                path: "a.jsonl".into(),
                line: Some(1),
            },
        })
    }

    #[test]
    fn a_panicking_record_fails_alone_and_the_others_pass_through() {
        let chunk = vec![error("a"), error("boom"), error("c")];
        let work = |records: Vec<Record>| -> Vec<OutputRecord> {
            records
                .into_iter()
                .map(|r| {
                    let e = r.expect_err("error records");
                    assert_ne!(e.id, "boom", "boom panics");
                    OutputRecord::Error(e.into())
                })
                .collect()
        };
        let out = crate::isolate::isolated(chunk, work, panicked_record);
        let got: Vec<(String, ErrorKind)> = out
            .iter()
            .map(|r| match r {
                OutputRecord::Error(e) => (e.id.clone(), e.error.kind),
                OutputRecord::Article(_) => unreachable!("no articles here"),
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a".to_string(), ErrorKind::Parse),
                ("boom".to_string(), ErrorKind::Internal),
                ("c".to_string(), ErrorKind::Parse)
            ]
        );
        let OutputRecord::Error(boom) = &out[1] else {
            unreachable!()
        };
        assert!(
            boom.error.message.contains("boom panics"),
            "{}",
            boom.error.message
        );
    }
}
