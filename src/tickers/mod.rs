//! Tickers: finding the listed companies an article mentions, by name or by code.
//!
//! `patterns` finds explicit codes, `gazetteer` knows listings and their names, and
//! `resolve` turns both into mentions. What an article's mentions make of its companies
//! (relevance, units, each company's score) is [`crate::companies`]'s.

mod coded;
mod context;
mod gazetteer;
mod local;
mod names;
mod patterns;
mod resolve;

use std::path::Path;

pub use gazetteer::{Gazetteer, Kind, Listing, MAX_NAME_BYTES};
pub use patterns::{ExplicitCode, find_codes, is_us};
pub use resolve::{Mention, MentionForm, TickerKey, find_mentions};

use crate::error::Result;
use crate::split::Span;

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
}

/// The day (`YYYY-MM-DD`) that starts an RFC 3339 time or a date.
fn day(published_at: &str) -> Option<&str> {
    let day = published_at.get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::split::split_sentences;

    const GAZETTEER: &str = r#"{"symbol":"7203.T","exchange":"TSE","name":"Toyota Motor","aliases":["Toyota","Toyota Motor","Toyota Motor Corp"],"ambiguous":[],"codes":["TSE:7203","NYSE:TM"]}
{"symbol":"6201.T","exchange":"TSE","name":"Toyota Industries","aliases":["Toyota Industries"],"ambiguous":[],"codes":["TSE:6201"]}
{"symbol":"AAPL","exchange":"NASDAQ","name":"Apple","aliases":["Apple Inc"],"ambiguous":["Apple"],"codes":["NASDAQ:AAPL"]}
{"symbol":"F","exchange":"NYSE","name":"Ford Motor","aliases":["Ford Motor"],"ambiguous":["Ford"],"codes":["NYSE:F"]}"#;

    pub(crate) fn tickers() -> Tickers {
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
}
