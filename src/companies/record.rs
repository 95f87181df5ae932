//! Each company's output row: its summary and its own score from its units.

use crate::aggregate::{ArticleScore, Bands};
use crate::article::{Probs, Unit, UnitScores};
use crate::split::Span;
use crate::tickers::Tickers;
use crate::writer::{Rounded, TickerRecord};

use super::{ArticleCompanies, ROLE, TickerSummary, company_score, summarize};

/// Each company of the article (its scored sentences are `spans`) with its own score:
/// neutral in a unit where it only plays a role, else from its target pass in a unit that
/// had one, else from the unit's own probabilities.
pub fn ticker_records(
    tickers: &Tickers,
    companies: &ArticleCompanies,
    spans: &[Span],
    scores: &UnitScores,
    title_weight: f32,
    bands: &Bands,
) -> Vec<TickerRecord> {
    summarize(
        tickers,
        &companies.title_mentions,
        &companies.body_mentions,
        spans,
    )
    .into_iter()
    .map(|company| {
        let units: Vec<(Unit, Probs)> = company
            .units
            .iter()
            .filter_map(|&unit| {
                let symbol = &company.listing.symbol;
                if companies.roles.contains(&(unit, symbol.clone())) {
                    return Some((unit, ROLE));
                }
                let own = scores.toward(unit, symbol);
                own.or_else(|| scores.unit(unit)).map(|p| (unit, p))
            })
            .collect();
        let score = company_score(&units, title_weight, bands);
        TickerRecord::new(company, &score)
    })
    .collect()
}

impl TickerRecord {
    /// The record of a company and its score.
    pub fn new(t: TickerSummary, score: &ArticleScore) -> Self {
        Self {
            symbol: t.listing.symbol,
            exchange: t.listing.exchange,
            name: t.listing.name,
            mentions: t.mentions,
            relevance: Rounded(t.relevance),
            score: Rounded(score.score),
            label: score.label,
            other_listings: t.listing.other_listings,
            delisted: t.listing.delisted,
        }
    }
}
