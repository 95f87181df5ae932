//! The companies of one article: how often and where each is named, how relevant it is to
//! the article, and the units (title, sentences) whose sentiment makes its score.

use std::collections::BTreeMap;

use crate::article::Unit;
use crate::split::Span;
use crate::tickers::{ListingInfo, Mention, TickerKey, Tickers};

use super::scored_sentence;

/// Sentences at the start of the body that count as its lead for relevance.
pub const LEAD_SENTENCES: usize = 2;

/// One company of an article: how often and where it is named.
#[derive(Debug, Clone, PartialEq)]
pub struct TickerSummary {
    pub listing: ListingInfo,
    pub mentions: usize,
    pub relevance: f32,
    /// The units naming the company, in order (the title first).
    pub units: Vec<Unit>,
}

/// A company's mentions as they are counted, before its relevance is known.
struct Acc {
    listing: ListingInfo,
    mentions: usize,
    in_title: bool,
    in_lead: bool,
    sentences: Vec<usize>,
}

/// The companies of one article, most relevant first.
///
/// `title_mentions` are in the title; `body_mentions` in the body, whose sentences are
/// `spans`. Relevance is `0.4 × in title + 0.3 × in the lead (first two sentences) + 0.3
/// × mentions / most mentions of any company in the article`, in (0, 1]. Only scored
/// text counts: a body mention outside `spans` (cut by `--max-sentences`) is left out.
pub fn summarize(
    tickers: &Tickers,
    title_mentions: &[Mention],
    body_mentions: &[Mention],
    spans: &[Span],
) -> Vec<TickerSummary> {
    rank(count(tickers, title_mentions, body_mentions, spans))
}

/// Each company's mentions, by symbol, so `$XYZ` and `(NYSE: XYZ)` of an unknown company
/// are one entry.
fn count(
    tickers: &Tickers,
    title_mentions: &[Mention],
    body_mentions: &[Mention],
    spans: &[Span],
) -> BTreeMap<String, Acc> {
    let mut by_symbol: BTreeMap<String, Acc> = BTreeMap::new();
    let mut mention = |key: &TickerKey, sentence: Option<usize>| {
        let listing = tickers.listing(key);
        let acc = by_symbol
            .entry(listing.symbol.clone())
            .or_insert_with(|| Acc {
                listing: listing.clone(),
                mentions: 0,
                in_title: false,
                in_lead: false,
                sentences: Vec::new(),
            });
        if acc.listing.exchange.is_none() {
            acc.listing.exchange = listing.exchange;
        }
        acc.mentions += 1;
        match sentence {
            None => acc.in_title = true,
            Some(i) => {
                acc.in_lead |= i < LEAD_SENTENCES;
                if acc.sentences.last() != Some(&i) {
                    acc.sentences.push(i);
                }
            }
        }
    };
    for m in title_mentions {
        mention(&m.key, None);
    }
    for m in body_mentions {
        // Mentions come in text order, so their sentences do too. A mention outside the
        // scored sentences (cut by `--max-sentences`) has no score to lend: left out.
        if let Some(i) = scored_sentence(spans, m) {
            mention(&m.key, Some(i));
        }
    }
    by_symbol
}

/// The companies with their relevance and units, most relevant first.
fn rank(by_symbol: BTreeMap<String, Acc>) -> Vec<TickerSummary> {
    let most = by_symbol
        .values()
        .map(|a| a.mentions)
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let mut out: Vec<TickerSummary> = by_symbol
        .into_values()
        .map(|acc| {
            let relevance = 0.4 * f32::from(u8::from(acc.in_title))
                + 0.3 * f32::from(u8::from(acc.in_lead))
                + 0.3 * acc.mentions as f32 / most;
            let units = acc
                .in_title
                .then_some(Unit::Title)
                .into_iter()
                .chain(acc.sentences.into_iter().map(Unit::Sentence))
                .collect();
            TickerSummary {
                listing: acc.listing,
                mentions: acc.mentions,
                relevance,
                units,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.relevance
            .total_cmp(&a.relevance)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.listing.symbol.cmp(&b.listing.symbol))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::split_sentences;
    use crate::tickers::tests::tickers;

    #[test]
    fn summary_lists_each_company_with_its_units() {
        let t = tickers();
        let body = "Toyota raised its outlook. Ford Motor cut its guidance. Toyota shares rose.";
        let spans = split_sentences(body);
        let mentions = t.find(body, &spans);
        let out = summarize(&t, &[], &mentions, &spans);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].listing.symbol, "7203.T");
        assert_eq!(out[0].mentions, 2);
        assert!(
            (out[0].relevance - 0.6).abs() < 1e-6,
            "lead + most mentions: {}",
            out[0].relevance
        );
        assert_eq!(out[0].units, [Unit::Sentence(0), Unit::Sentence(2)]);
        assert_eq!(out[1].units, [Unit::Sentence(1)]);
        assert_eq!(out[1].listing.other_listings, Vec::<String>::new());
        assert!(out.iter().all(|s| s.relevance > 0.0 && s.relevance <= 1.0));
    }

    /// Regression: a company named only past the scored sentences took a kept sentence's
    /// score (`--max-sentences 1`) or indexed past the probabilities (`--max-sentences 0`).
    #[test]
    fn companies_named_only_in_unscored_sentences_are_left_out() {
        let t = tickers();
        let body = "Toyota raised its outlook. Ford Motor cut its guidance.";
        let spans = split_sentences(body);
        let mentions = t.find(body, &spans);
        let symbols = |spans: &[Span]| {
            summarize(&t, &[], &mentions, spans)
                .into_iter()
                .map(|s| s.listing.symbol)
                .collect::<Vec<_>>()
        };
        assert_eq!(symbols(&spans[..1]), ["7203.T"]);
        assert!(symbols(&[]).is_empty());
    }
}
