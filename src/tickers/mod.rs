//! Tickers: the listed companies an article mentions, each with its own sentiment.
//!
//! `patterns` finds explicit codes, `gazetteer` knows listings and their names,
//! `resolve` turns both into mentions, and [`Tickers::summarize`] turns an article's
//! mentions into its companies: mentions, relevance, and the units (title, sentences) that
//! name each, whose sentiment [`crate::per_ticker`] turns into the company's score.

mod coded;
mod context;
mod gazetteer;
mod local;
mod names;
mod patterns;
mod resolve;

use std::collections::BTreeMap;
use std::path::Path;

pub use gazetteer::{Gazetteer, Kind, Listing, MAX_NAME_BYTES};
pub use patterns::{ExplicitCode, find_codes, is_us};
pub use resolve::{Mention, MentionForm, TickerKey, find_mentions};

use crate::article::Unit;
use crate::error::Result;
use crate::split::{Span, sentence_at};

/// Sentences at the start of the body that count as its lead for relevance.
pub const LEAD_SENTENCES: usize = 2;

/// The gazetteer and its matcher, built once.
pub struct Tickers {
    gazetteer: Gazetteer,
}

/// How a listing is reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingInfo {
    pub symbol: String,
    pub exchange: Option<String>,
    pub name: Option<String>,
    pub other_listings: Vec<String>,
    /// The last day (`YYYY-MM-DD`) of a listing that has ended (delisted, merged, renamed
    /// under a new code); `None` for a listing of today. With `symbol`, the code at the
    /// article's date, it is what a backtest joins prices on without survivorship bias.
    pub delisted: Option<String>,
}

/// One company of an article: how often and where it is named.
#[derive(Debug, Clone, PartialEq)]
pub struct TickerSummary {
    pub listing: ListingInfo,
    pub mentions: usize,
    pub relevance: f32,
    /// The units naming the company, in order (the title first).
    pub units: Vec<Unit>,
}

impl Tickers {
    /// The gazetteer file at `path`.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| crate::error::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// A gazetteer read already (as compiled into the finsent binary); `origin` names it
    /// in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Self> {
        let gazetteer =
            Gazetteer::parse(text).map_err(|message| crate::error::Error::Gazetteer {
                origin: origin.to_string(),
                message,
            })?;
        Ok(Self { gazetteer })
    }

    pub fn from_gazetteer(gazetteer: Gazetteer) -> Self {
        Self { gazetteer }
    }

    /// How many listings and how many distinct names the gazetteer holds.
    pub fn size(&self) -> (usize, usize) {
        (self.gazetteer.listings.len(), self.gazetteer.patterns.len())
    }

    /// Mentions in `text`, whose sentences are `sentences`, as the companies are listed
    /// today.
    pub fn find(&self, text: &str, sentences: &[Span]) -> Vec<Mention> {
        find_mentions(&self.gazetteer, text, sentences, None)
    }

    /// Mentions in `text` of an article published at `published_at` (RFC 3339, or a date
    /// `YYYY-MM-DD`): a name or a code that several listings had over the years is the one
    /// listed then (`Clear Channel` in 2007 is CCU; `$AMTD` in 2015 is TD Ameritrade).
    pub fn find_at(
        &self,
        text: &str,
        sentences: &[Span],
        published_at: Option<&str>,
    ) -> Vec<Mention> {
        find_mentions(&self.gazetteer, text, sentences, published_at.and_then(day))
    }

    /// The symbol a mention is reported under ([`ListingInfo::symbol`], without building
    /// the rest of the listing).
    pub fn symbol<'a>(&'a self, key: &'a TickerKey) -> &'a str {
        match key {
            TickerKey::Known(id) => &self.gazetteer.listings[*id].symbol,
            TickerKey::Unknown { symbol, .. } => symbol,
        }
    }

    pub fn listing(&self, key: &TickerKey) -> ListingInfo {
        match key {
            TickerKey::Known(id) => {
                let l: &Listing = &self.gazetteer.listings[*id];
                ListingInfo {
                    symbol: l.symbol.clone(),
                    exchange: Some(l.exchange.clone()),
                    name: Some(l.name.clone()),
                    other_listings: l.other_listings.clone(),
                    // Renamed with the code kept (Philip Morris, now Altria): still listed.
                    delisted: l
                        .listed_until
                        .clone()
                        .filter(|_| l.successor.as_deref() != Some(l.symbol.as_str())),
                }
            }
            TickerKey::Unknown { symbol, exchange } => ListingInfo {
                symbol: symbol.clone(),
                exchange: exchange.map(str::to_string),
                name: None,
                other_listings: Vec::new(),
                delisted: None,
            },
        }
    }

    /// The companies of one article, most relevant first.
    ///
    /// `title_mentions` are in the title; `body_mentions` in the body, whose sentences are
    /// `spans`. Relevance is `0.4 × in title + 0.3 × in the lead (first two sentences) + 0.3
    /// × mentions / most mentions of any company in the article`, in (0, 1]. Only scored
    /// text counts: a body mention outside `spans` (cut by `--max-sentences`) is left out.
    pub fn summarize(
        &self,
        title_mentions: &[Mention],
        body_mentions: &[Mention],
        spans: &[Span],
    ) -> Vec<TickerSummary> {
        struct Acc {
            listing: ListingInfo,
            mentions: usize,
            in_title: bool,
            in_lead: bool,
            sentences: Vec<usize>,
        }
        // By symbol, so `$XYZ` and `(NYSE: XYZ)` of an unknown company are one entry.
        let mut by_symbol: BTreeMap<String, Acc> = BTreeMap::new();
        let mut mention = |key: &TickerKey, sentence: Option<usize>| {
            let listing = self.listing(key);
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
            let i = sentence_at(spans, m.start, m.end)
                .unwrap_or_else(|| spans.partition_point(|s| s.end <= m.start));
            if i < spans.len() {
                mention(&m.key, Some(i));
            }
        }
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
}

/// The day (`YYYY-MM-DD`) that starts an RFC 3339 time or a date.
fn day(published_at: &str) -> Option<&str> {
    let day = published_at.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split::split_sentences;

    const GAZETTEER: &str = r#"{"symbol":"7203.T","exchange":"TSE","name":"Toyota Motor","aliases":["Toyota","Toyota Motor","Toyota Motor Corp"],"ambiguous":[],"codes":["TSE:7203","NYSE:TM"]}
{"symbol":"6201.T","exchange":"TSE","name":"Toyota Industries","aliases":["Toyota Industries"],"ambiguous":[],"codes":["TSE:6201"]}
{"symbol":"AAPL","exchange":"NASDAQ","name":"Apple","aliases":["Apple Inc"],"ambiguous":["Apple"],"codes":["NASDAQ:AAPL"]}
{"symbol":"F","exchange":"NYSE","name":"Ford Motor","aliases":["Ford Motor"],"ambiguous":["Ford"],"codes":["NYSE:F"]}"#;

    fn tickers() -> Tickers {
        Tickers::from_gazetteer(Gazetteer::parse(GAZETTEER).expect("valid gazetteer"))
    }

    fn symbols(text: &str) -> Vec<String> {
        let t = tickers();
        let mut out: Vec<String> = t
            .find(text, &split_sentences(text))
            .iter()
            .map(|m| t.listing(&m.key).symbol)
            .collect();
        out.dedup();
        out
    }

    #[test]
    fn names_codes_and_adrs_resolve_to_the_home_listing() {
        assert_eq!(symbols("Toyota’s profit rose. $TM gained."), ["7203.T"]);
        assert_eq!(symbols("TOYOTA RAISES FORECAST"), ["7203.T"]);
        assert_eq!(symbols("Toyota Industries (TSE: 6201) fell."), ["6201.T"]);
        assert_eq!(symbols("Shares of (Nasdaq: ATXI) jumped."), ["ATXI"]);
        // A line all in lower case has no case to read; in a line of mixed case a lower-case
        // name is a word.
        assert_eq!(symbols("toyota raises its forecast"), ["7203.T"]);
        assert_eq!(
            symbols("Investors said toyota is lowercase here"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn ordinary_words_need_business_context() {
        assert_eq!(
            symbols("Apple shares rose after the iPhone launch."),
            ["AAPL"]
        );
        assert_eq!(
            symbols("Apple growers expect a record harvest."),
            Vec::<String>::new()
        );
        assert_eq!(
            symbols("Harrison Ford starred in the film, which made $400 million."),
            Vec::<String>::new()
        );
        assert_eq!(symbols("APPLE BEATS ESTIMATES"), ["AAPL"]);
        assert_eq!(
            symbols("APPLE HARVEST SEEN AT RECORD"),
            Vec::<String>::new()
        );
        assert_eq!(
            symbols("See https://example.com/Apple-Inc for more."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn review_regressions() {
        // Multi-byte spaces before a name or a code used to split a character.
        assert_eq!(
            symbols("said\u{a0}Toyota (NYSE: TM)\u{3000}rose"),
            ["7203.T"]
        );
        assert_eq!(
            symbols("Harrison\u{202f}Ford\u{a0}starred"),
            Vec::<String>::new()
        );
        // "X on Thursday reported" is the wire's own construction.
        assert_eq!(
            symbols("Apple on Thursday reported record revenue."),
            ["AAPL"]
        );
        assert_eq!(symbols("Apple fell 3%."), ["AAPL"]);
        // Currencies are not cashtags; a class share joins its listing.
        assert_eq!(
            symbols("The deal is worth $US 5bn and $HK10 a share."),
            Vec::<String>::new()
        );
        // A title-case headline naming two companies keeps both.
        assert_eq!(
            symbols("Toyota Partners With Ford (NYSE: F) On Batteries"),
            ["7203.T", "F"]
        );
        // `Nissan/Renault.` is not a URL.
        assert_eq!(
            symbols("A tie-up between Toyota/Ford Motor."),
            ["7203.T", "F"]
        );
    }

    #[test]
    fn summary_lists_each_company_with_its_units() {
        let t = tickers();
        let body = "Toyota raised its outlook. Ford Motor cut its guidance. Toyota shares rose.";
        let spans = split_sentences(body);
        let mentions = t.find(body, &spans);
        let out = t.summarize(&[], &mentions, &spans);
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
        let summarize = |spans: &[Span]| {
            t.summarize(&[], &mentions, spans)
                .into_iter()
                .map(|s| s.listing.symbol)
                .collect::<Vec<_>>()
        };
        assert_eq!(summarize(&spans[..1]), ["7203.T"]);
        assert!(summarize(&[]).is_empty());
    }
}
