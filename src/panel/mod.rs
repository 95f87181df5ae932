//! The ticker × day panel (`finsent panel`): each company an article names, with its own
//! score, put on the trading day on which the news could first be traded, and averaged per
//! company and day.
//!
//! The rule, so that a backtest has no look-ahead: an article's UTC time is read in the
//! market's time zone; before the cut-off (the close, `16:00`) it belongs to that calendar
//! day, at or after it to the next; a Saturday or Sunday rolls forward to Monday. A day's
//! row therefore holds only news published before that day's close. Holidays are not
//! known: news on a weekday holiday stays on it.
//!
//! `read` takes the companies of `finsent score` output, `days` puts them on their trading
//! days and averages them, `write` writes the rows.

mod days;
mod read;
#[cfg(test)]
mod tests;
mod write;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::validate::{self, Invalid};

pub use days::{PanelRow, build_panel};
pub use read::{Observation, PanelInput, Skipped, observations, read_scored};
pub use write::{panel_batch, panel_schema, write_panel};

/// How the articles of one near-duplicate story (the `story` field of `finsent score`)
/// count in the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PerStory {
    /// A story's articles in one company-day average into one observation: four updates of
    /// one profit warning weigh as one story, not four.
    #[default]
    Mean,
    /// Only a story's first article counts, on its day: fresh news only.
    First,
    /// A story's latest article in the company-day stands for it (revised figures replace
    /// the first version's).
    Last,
    /// Every article counts, copies too.
    All,
}

impl PerStory {
    /// `mean`, `first`, `last` or `all`.
    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "mean" => Ok(Self::Mean),
            "first" => Ok(Self::First),
            "last" => Ok(Self::Last),
            "all" => Ok(Self::All),
            _ => Err(Error::Usage(format!(
                "per-story rule {name:?}: one of mean, first, last, all"
            ))),
        }
    }
}

/// Which listing of a company names its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PanelListing {
    /// The symbol `finsent score` reports: the home listing (`7203.T`, `BP.L`, `UBSG.SW`).
    #[default]
    Home,
    /// The company's US listing where it has one (`TM`, `BP`, `UBS`: an ADR or a listing on
    /// NYSE or Nasdaq before one traded over the counter), so that rows join US prices;
    /// a company without one keeps its home symbol.
    Us,
}

impl PanelListing {
    /// `home` or `us` (in any case: `US`).
    pub fn parse(name: &str) -> Result<Self> {
        match name.to_ascii_lowercase().as_str() {
            "home" => Ok(Self::Home),
            "us" => Ok(Self::Us),
            _ => Err(Error::Usage(format!("listing {name:?}: one of home, us"))),
        }
    }
}

/// When news can be traded: the market's time zone and its close; how stories count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelRule {
    pub tz: Tz,
    /// News at or after this local time goes to the next trading day.
    pub cutoff: NaiveTime,
    /// Companies less relevant to an article than this are left out.
    pub min_relevance: f64,
    pub per_story: PerStory,
    /// Which listing names a company's rows.
    pub listing: PanelListing,
}

impl Default for PanelRule {
    /// The New York close: `America/New_York`, 16:00.
    fn default() -> Self {
        Self {
            tz: chrono_tz::America::New_York,
            cutoff: NaiveTime::from_hms_opt(16, 0, 0).unwrap_or_default(),
            min_relevance: 0.0,
            per_story: PerStory::default(),
            listing: PanelListing::default(),
        }
    }
}

/// A market's time zone, by its IANA name (`America/New_York`).
pub fn parse_tz(name: &str) -> Result<Tz, Invalid> {
    name.parse::<Tz>().map_err(|_| {
        Invalid::new(
            validate::Field::Tz,
            "an IANA time zone name such as America/New_York",
            format!("{name:?}"),
        )
    })
}

/// A market's close, `HH:MM` (`16:00`).
pub fn parse_cutoff(text: &str) -> Result<NaiveTime, Invalid> {
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| {
        Invalid::new(
            validate::Field::Cutoff,
            "a time HH:MM such as 16:00",
            format!("{text:?}"),
        )
    })
}

impl PanelRule {
    /// A rule from the names a user writes: `America/New_York`, `16:00`.
    pub fn parse(tz: &str, cutoff: &str, min_relevance: f64) -> Result<Self, Invalid> {
        Self::new(parse_tz(tz)?, parse_cutoff(cutoff)?, min_relevance)
    }

    /// A rule with the other settings at their defaults; `min_relevance` from 0 to 1.
    pub fn new(tz: Tz, cutoff: NaiveTime, min_relevance: f64) -> Result<Self, Invalid> {
        if !(0.0..=1.0).contains(&min_relevance) {
            return Err(Invalid::new(
                validate::Field::MinRelevance,
                "a number from 0 to 1",
                min_relevance,
            ));
        }
        Ok(Self {
            tz,
            cutoff,
            min_relevance,
            per_story: PerStory::default(),
            listing: PanelListing::default(),
        })
    }

    /// The trading day on which news published at `at` can first be traded.
    pub fn trading_day(&self, at: DateTime<Utc>) -> NaiveDate {
        let local = at.with_timezone(&self.tz);
        let day = local.date_naive();
        let day = if local.time() >= self.cutoff {
            day.succ_opt().unwrap_or(day)
        } else {
            day
        };
        let weekend_days = match day.weekday() {
            Weekday::Sat => 2,
            Weekday::Sun => 1,
            _ => 0,
        };
        day + chrono::Days::new(weekend_days)
    }
}
