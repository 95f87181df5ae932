//! The ticker × day panel (`finsent panel`): each company an article names, with its own
//! score, put on the trading day on which the news could first be traded, and averaged per
//! company and day.
//!
//! The rule, so that a backtest has no look-ahead: an article's UTC time is read in the
//! market's time zone; before the cut-off (the close, `16:00`) it belongs to that calendar
//! day, at or after it to the next; a Saturday or Sunday rolls forward to Monday. A day's
//! row therefore holds only news published before that day's close. Holidays are not
//! known: news on a weekday holiday stays on it.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
    TimestampMicrosecondArray,
};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, SecondsFormat, Utc, Weekday};
use chrono_tz::Tz;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::tickers::is_us;
use crate::validate::{self, Invalid};
use crate::writer::{Format, Rounded, Sink};

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

/// One company named in one scored article.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub symbol: String,
    pub published_at: DateTime<Utc>,
    pub relevance: f64,
    /// The company's own score in the article.
    pub score: f64,
    /// The article's confidence.
    pub confidence: f64,
    /// The article's near-duplicate story; `None` (stories off, or an older output): a
    /// story of its own.
    pub story: Option<String>,
    /// The company's US code when its own listing is elsewhere and it has one (`TM` for
    /// `7203.T`), for [`PanelListing::Us`].
    pub us_listing: Option<String>,
}

/// Why a scored record gives no observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// An error record.
    Error,
    /// No publication time.
    Undated,
}

/// The companies of one output record of `finsent score` (as JSON).
pub fn observations(record: &Value) -> std::result::Result<Vec<Observation>, Skipped> {
    if record.get("error").is_some_and(|e| !e.is_null()) {
        return Err(Skipped::Error);
    }
    let published_at = record
        .get("published_at")
        .and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .ok_or(Skipped::Undated)?
        .to_utc();
    let number = |v: &Value, name: &str| v.get(name).and_then(Value::as_f64);
    let confidence = number(record, "confidence").ok_or(Skipped::Error)?;
    let story = record
        .get("story")
        .and_then(Value::as_str)
        .map(str::to_string);
    let tickers = record.get("tickers").and_then(Value::as_array);
    Ok(tickers
        .into_iter()
        .flatten()
        .filter_map(|t| {
            Some(Observation {
                symbol: t.get("symbol")?.as_str()?.to_string(),
                published_at,
                relevance: number(t, "relevance")?,
                score: number(t, "score")?,
                confidence,
                story: story.clone(),
                us_listing: us_listing(t),
            })
        })
        .collect())
}

/// The US code of a company of a scored record whose own listing is not a US one: its
/// first US listing on an exchange in `other_listings`, else its first over the counter.
fn us_listing(company: &Value) -> Option<String> {
    let exchange = company.get("exchange").and_then(Value::as_str);
    if exchange.is_none_or(is_us) {
        return None;
    }
    let us: Vec<(&str, &str)> = company
        .get("other_listings")
        .and_then(Value::as_array)?
        .iter()
        .filter_map(|code| code.as_str()?.split_once(':'))
        .filter(|(exchange, _)| is_us(exchange))
        .collect();
    us.iter()
        .find(|(exchange, _)| *exchange != "OTC")
        .or(us.first())
        .map(|(_, code)| code.to_string())
}

/// One company on one trading day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanelRow {
    pub symbol: String,
    /// The trading day (see [`PanelRule::trading_day`]).
    #[serde(serialize_with = "as_display")]
    pub day: NaiveDate,
    /// Relevance-weighted mean of the company's scores over the day's stories, each story
    /// as [`PerStory`] counts it (the plain mean when every relevance is 0).
    pub score: Rounded,
    /// Articles naming the company that day.
    pub articles: i64,
    /// Distinct stories among them (each article without a story its own).
    pub stories: i64,
    /// Mean confidence over the day's stories.
    pub confidence: Rounded,
    /// Sum of the company's relevance over the day's stories.
    pub relevance: Rounded,
    /// The latest news in the row (UTC): always before the day's cut-off.
    #[serde(serialize_with = "as_rfc3339")]
    pub last_published_at: DateTime<Utc>,
}

fn as_display<S: Serializer>(day: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(day)
}

/// As `published_at` is written: RFC 3339 in UTC.
fn as_rfc3339<S: Serializer>(t: &DateTime<Utc>, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// The sums of some observations (a company-day's stories, or one story's articles).
#[derive(Default)]
struct Sums {
    weighted: f64,
    weights: f64,
    scores: f64,
    confidence: f64,
    /// Observations added.
    count: i64,
    /// Articles behind them.
    articles: i64,
    last: Option<DateTime<Utc>>,
}

impl Sums {
    /// Adds an observation that stands for `articles` articles.
    fn add(&mut self, o: &Observation, articles: i64) {
        self.weighted += o.relevance * o.score;
        self.weights += o.relevance;
        self.scores += o.score;
        self.confidence += o.confidence;
        self.count += 1;
        self.articles += articles;
        self.last = self.last.max(Some(o.published_at));
    }

    /// The relevance-weighted mean score (the plain mean when every relevance is 0).
    fn score(&self) -> f64 {
        if self.weights > 0.0 {
            self.weighted / self.weights
        } else {
            self.scores / self.count as f64
        }
    }

    /// The mean confidence.
    fn confidence(&self) -> f64 {
        self.confidence / self.count as f64
    }
}

/// The observations of one company, day and story, and the one that stands for them.
struct StoryGroup {
    first: Observation,
    last: Observation,
    sums: Sums,
}

impl StoryGroup {
    fn new(o: Observation) -> Self {
        let mut sums = Sums::default();
        sums.add(&o, 1);
        Self {
            first: o.clone(),
            last: o,
            sums,
        }
    }

    fn add(&mut self, o: Observation) {
        self.sums.add(&o, 1);
        if o.published_at < self.first.published_at {
            self.first = o;
        } else if o.published_at >= self.last.published_at {
            self.last = o;
        }
    }

    /// The observation that stands for the group: the relevance-weighted mean (the plain
    /// mean when every relevance is 0) at the latest time, or the latest article.
    fn stands_for(self, rule: PerStory) -> Observation {
        if rule == PerStory::Last {
            return self.last;
        }
        Observation {
            relevance: self.sums.weights / self.sums.count as f64,
            score: self.sums.score(),
            confidence: self.sums.confidence(),
            ..self.last
        }
    }
}

/// The observations as `rule` counts stories, each with the articles it stands for.
fn by_story(
    observations: impl IntoIterator<Item = Observation>,
    rule: &PanelRule,
) -> Vec<(Observation, i64)> {
    let kept = observations
        .into_iter()
        .filter(|o| o.relevance >= rule.min_relevance)
        .map(|o| match (rule.listing, &o.us_listing) {
            (PanelListing::Us, Some(us)) => Observation {
                symbol: us.clone(),
                ..o
            },
            _ => o,
        });
    if rule.per_story == PerStory::All {
        return kept.map(|o| (o, 1)).collect();
    }
    // First: a story's first article anywhere; mean and last: within a company-day.
    let mut groups: BTreeMap<(String, Option<NaiveDate>, String), StoryGroup> = BTreeMap::new();
    let mut alone = Vec::new();
    for o in kept {
        let Some(story) = o.story.clone() else {
            alone.push((o, 1));
            continue;
        };
        let day = (rule.per_story != PerStory::First).then(|| rule.trading_day(o.published_at));
        match groups.entry((o.symbol.clone(), day, story)) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(StoryGroup::new(o));
            }
            std::collections::btree_map::Entry::Occupied(mut g) => g.get_mut().add(o),
        }
    }
    alone.extend(groups.into_values().map(|g| match rule.per_story {
        PerStory::First => (g.first, 1),
        _ => {
            let articles = g.sums.articles;
            (g.stands_for(rule.per_story), articles)
        }
    }));
    alone
}

/// The panel of `observations` under `rule`, sorted by symbol, then day.
pub fn build_panel(
    observations: impl IntoIterator<Item = Observation>,
    rule: &PanelRule,
) -> Vec<PanelRow> {
    let mut cells: BTreeMap<(String, NaiveDate), Sums> = BTreeMap::new();
    for (o, articles) in by_story(observations, rule) {
        cells
            .entry((o.symbol.clone(), rule.trading_day(o.published_at)))
            .or_default()
            .add(&o, articles);
    }
    cells
        .into_iter()
        .filter_map(|((symbol, day), s)| {
            Some(PanelRow {
                symbol,
                day,
                score: Rounded(s.score() as f32),
                articles: s.articles,
                stories: s.count,
                confidence: Rounded(s.confidence() as f32),
                relevance: Rounded(s.weights as f32),
                last_published_at: s.last?,
            })
        })
        .collect()
}

/// What [`read_scored`] found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PanelInput {
    pub records: u64,
    pub errors: u64,
    pub undated: u64,
}

/// The companies of every record of a `finsent score` output (JSON Lines, or Parquet by
/// its extension), with counts of the records read and left out.
pub fn read_scored(path: &Path) -> Result<(Vec<Observation>, PanelInput)> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut records = Vec::new();
    if Format::from_path(path) == Some(Format::Parquet) {
        let file = File::open(path).map_err(io_error)?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.build())
            .map_err(|e| io_error(io::Error::other(e)))?;
        let mut json = arrow_json::LineDelimitedWriter::new(Vec::new());
        for batch in reader {
            let batch = batch.map_err(|e| io_error(io::Error::other(e)))?;
            json.write(&batch)
                .map_err(|e| io_error(io::Error::other(e)))?;
        }
        json.finish().map_err(|e| io_error(io::Error::other(e)))?;
        for line in json.into_inner().split(|&b| b == b'\n') {
            if !line.is_empty() {
                records.push(serde_json::from_slice(line).map_err(|e| io_error(e.into()))?);
            }
        }
    } else {
        let file = File::open(path).map_err(io_error)?;
        for line in BufReader::new(file).lines() {
            let line = line.map_err(io_error)?;
            if !line.trim().is_empty() {
                records.push(serde_json::from_str(&line).map_err(|e| io_error(e.into()))?);
            }
        }
    }
    let mut input = PanelInput::default();
    let mut found = Vec::new();
    for record in &records {
        input.records += 1;
        match observations(record) {
            Ok(o) => found.extend(o),
            Err(Skipped::Error) => input.errors += 1,
            Err(Skipped::Undated) => input.undated += 1,
        }
    }
    Ok((found, input))
}

/// The panel's Arrow schema: `day` is a date, `last_published_at` a UTC timestamp.
pub fn panel_schema() -> Schema {
    Schema::new(vec![
        Field::new("symbol", DataType::Utf8, false),
        Field::new("day", DataType::Date32, false),
        Field::new("score", DataType::Float64, false),
        Field::new("articles", DataType::Int64, false),
        Field::new("stories", DataType::Int64, false),
        Field::new("confidence", DataType::Float64, false),
        Field::new("relevance", DataType::Float64, false),
        Field::new(
            "last_published_at",
            DataType::Timestamp(TimeUnit::Microsecond, Some("+00:00".into())),
            false,
        ),
    ])
}

/// The panel as one Arrow batch.
pub fn panel_batch(
    rows: &[PanelRow],
) -> std::result::Result<RecordBatch, arrow_schema::ArrowError> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let rounded = |f: fn(&PanelRow) -> Rounded| -> ArrayRef {
        Arc::new(Float64Array::from_iter_values(
            rows.iter().map(|r| f(r).value()),
        ))
    };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|r| &r.symbol),
        )),
        Arc::new(Date32Array::from_iter_values(
            rows.iter().map(|r| (r.day - epoch).num_days() as i32),
        )),
        rounded(|r| r.score),
        Arc::new(Int64Array::from_iter_values(
            rows.iter().map(|r| r.articles),
        )),
        Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.stories))),
        rounded(|r| r.confidence),
        rounded(|r| r.relevance),
        Arc::new(
            TimestampMicrosecondArray::from_iter_values(
                rows.iter().map(|r| r.last_published_at.timestamp_micros()),
            )
            .with_timezone("+00:00"),
        ),
    ];
    RecordBatch::try_new(Arc::new(panel_schema()), columns)
}

/// Writes the panel to `path` (`-` is standard output) in `format`: Parquet, CSV (a
/// header row, dates as `YYYY-MM-DD`) or JSON Lines.
pub fn write_panel(rows: &[PanelRow], path: &Path, format: Format) -> Result<()> {
    let output_error = |source| Error::Output {
        path: path.display().to_string(),
        source,
    };
    let mut sink = Sink::open(path).map_err(output_error)?;
    match format {
        Format::Parquet => {
            let batch = panel_batch(rows).map_err(|e| output_error(io::Error::other(e)))?;
            let mut writer = ArrowWriter::try_new(&mut sink, batch.schema(), None)
                .map_err(|e| output_error(io::Error::other(e)))?;
            writer
                .write(&batch)
                .and_then(|()| writer.close().map(drop))
                .map_err(|e| output_error(io::Error::other(e)))?;
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(&mut sink);
            for row in rows {
                csv.serialize(row)
                    .map_err(|e| output_error(io::Error::other(e)))?;
            }
            csv.flush().map_err(output_error)?;
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut sink, row).map_err(|e| output_error(e.into()))?;
                sink.write_all(b"\n").map_err(output_error)?;
            }
        }
    }
    sink.finish().map_err(output_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.to_utc())
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn news_after_the_close_and_at_weekends_goes_to_the_next_trading_day() {
        let rule = PanelRule::default();
        // 2026-02-06 is a Friday; New York is UTC-5 in February.
        let cases = [
            ("2026-02-06T20:59:59Z", "2026-02-06"), // Fri 15:59:59 New York
            ("2026-02-06T21:00:00Z", "2026-02-09"), // Fri 16:00, the close: Monday
            ("2026-02-07T15:00:00Z", "2026-02-09"), // Saturday
            ("2026-02-08T22:00:00Z", "2026-02-09"), // Sunday evening
            ("2026-02-09T03:00:00Z", "2026-02-09"), // Sun 22:00 New York, Mon in UTC
            ("2026-02-10T02:00:00Z", "2026-02-10"), // Mon 21:00 New York: Tuesday
        ];
        for (published, expected) in cases {
            assert_eq!(
                rule.trading_day(at(published)),
                day(expected),
                "{published}"
            );
        }
        // Summer time: New York is UTC-4 in July, so 20:30 UTC is after the close.
        assert_eq!(
            rule.trading_day(at("2026-07-01T20:30:00Z")),
            day("2026-07-02")
        );
    }

    #[test]
    fn the_time_zone_and_cut_off_are_the_users() {
        let tokyo = PanelRule::parse("Asia/Tokyo", "15:30", 0.0).expect("valid rule");
        // 06:35 UTC is 15:35 in Tokyo: after its close.
        assert_eq!(
            tokyo.trading_day(at("2026-02-12T06:35:00Z")),
            day("2026-02-13")
        );
        assert_eq!(
            tokyo.trading_day(at("2026-02-12T06:25:00Z")),
            day("2026-02-12")
        );
        assert!(PanelRule::parse("Mars/Olympus", "16:00", 0.0).is_err());
        assert!(PanelRule::parse("UTC", "4pm", 0.0).is_err());
        assert!(PanelRule::parse("UTC", "16:00", 1.5).is_err());
    }

    fn observation(symbol: &str, published: &str, relevance: f64, score: f64) -> Observation {
        Observation {
            symbol: symbol.into(),
            published_at: at(published),
            relevance,
            score,
            confidence: 0.5 + relevance / 2.0,
            story: None,
            us_listing: None,
        }
    }

    fn in_story(story: &str, o: Observation) -> Observation {
        Observation {
            story: Some(story.into()),
            ..o
        }
    }

    /// A hand-made week: a profit warning on Monday with two updates that day and a
    /// repost on Tuesday, another story on Monday, and an article without a story.
    fn week() -> Vec<Observation> {
        vec![
            in_story("w", observation("ACME", "2026-02-09T13:00:00Z", 1.0, -0.8)),
            in_story("w", observation("ACME", "2026-02-09T14:00:00Z", 1.0, -0.6)),
            in_story("w", observation("ACME", "2026-02-09T15:00:00Z", 0.5, -0.4)),
            in_story("w", observation("ACME", "2026-02-10T13:00:00Z", 1.0, -0.8)),
            in_story("d", observation("ACME", "2026-02-09T13:30:00Z", 1.0, 0.6)),
            observation("ACME", "2026-02-09T15:30:00Z", 1.0, 0.2),
        ]
    }

    fn rows_by(per_story: PerStory) -> Vec<(NaiveDate, f32, i64, i64)> {
        let rule = PanelRule {
            per_story,
            ..PanelRule::default()
        };
        build_panel(week(), &rule)
            .iter()
            .map(|r| (r.day, r.score.0, r.articles, r.stories))
            .collect()
    }

    #[test]
    fn a_story_counts_once_as_asked() {
        let (monday, tuesday) = (day("2026-02-09"), day("2026-02-10"));
        // All: six articles, the warning four times.
        let all_monday = ((-0.8 - 0.6 - 0.5 * 0.4 + 0.6 + 0.2) / 4.5) as f32;
        assert_eq!(
            rows_by(PerStory::All),
            vec![(monday, all_monday, 5, 5), (tuesday, -0.8, 1, 1)]
        );
        // Mean: Monday's three versions of the warning are one story at their weighted
        // mean, with their mean relevance; Tuesday's repost is Tuesday's story.
        let warning = (-0.8 - 0.6 - 0.5 * 0.4) / 2.5;
        let relevance = 2.5 / 3.0;
        let mean_monday = ((relevance * warning + 0.6 + 0.2) / (relevance + 2.0)) as f32;
        let mean = rows_by(PerStory::Mean);
        assert_eq!((mean[0].0, mean[0].2, mean[0].3), (monday, 5, 3));
        assert!(
            (mean[0].1 - mean_monday).abs() < 1e-6,
            "{mean:?} vs {mean_monday}"
        );
        assert_eq!(mean[1], (tuesday, -0.8, 1, 1));
        // First: the warning once, at its first article; the repost is gone.
        let first = rows_by(PerStory::First);
        assert_eq!(first.len(), 1);
        assert_eq!((first[0].0, first[0].2, first[0].3), (monday, 3, 3));
        assert!((first[0].1 - ((-0.8 + 0.6 + 0.2) / 3.0) as f32).abs() < 1e-6);
        // Last: Monday's warning is its 15:00 version.
        let last_monday = ((0.5 * -0.4 + 0.6 + 0.2) / 2.5) as f32;
        assert_eq!(
            rows_by(PerStory::Last),
            vec![(monday, last_monday, 5, 3), (tuesday, -0.8, 1, 1)]
        );
        assert_eq!(PerStory::parse("first").ok(), Some(PerStory::First));
        assert!(PerStory::parse("median").is_err());
    }

    #[test]
    fn a_day_is_the_relevance_weighted_mean_of_its_articles() {
        let rows = build_panel(
            [
                observation("NVDA", "2026-02-06T14:00:00Z", 0.75, -0.5),
                observation("NVDA", "2026-02-06T21:30:00Z", 0.25, 1.0), // after the close
                observation("NVDA", "2026-02-07T12:00:00Z", 0.5, 0.5),  // Saturday
                observation("AAPL", "2026-02-06T15:00:00Z", 0.5, 0.25),
                observation("AAPL", "2026-02-06T16:00:00Z", 0.0, 0.5), // below min_relevance
            ],
            &PanelRule {
                min_relevance: 0.1,
                ..PanelRule::default()
            },
        );
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.symbol.as_str(),
                    r.day,
                    r.score.0,
                    r.articles,
                    r.relevance.0,
                )
            })
            .collect();
        let monday_score = ((0.25 * 1.0 + 0.5 * 0.5) / 0.75) as f32;
        assert_eq!(
            got,
            vec![
                ("AAPL", day("2026-02-06"), 0.25, 1, 0.5),
                ("NVDA", day("2026-02-06"), -0.5, 1, 0.75),
                ("NVDA", day("2026-02-09"), monday_score, 2, 0.75),
            ]
        );
        assert_eq!(rows[2].confidence.0, ((0.625 + 0.75) / 2.0) as f32);
        assert_eq!(rows[2].last_published_at, at("2026-02-07T12:00:00Z"));
    }

    #[test]
    fn error_and_undated_records_give_no_observations() {
        let error = serde_json::json!({"id": "x", "error": {"kind": "parse", "message": "m"}});
        assert_eq!(observations(&error), Err(Skipped::Error));
        let undated = serde_json::json!({"id": "y", "confidence": 0.9, "published_at": null,
                                          "tickers": [], "error": null});
        assert_eq!(observations(&undated), Err(Skipped::Undated));
        let scored = serde_json::json!({"id": "z", "confidence": 0.9,
            "published_at": "2026-02-06T14:00:00Z",
            "tickers": [{"symbol": "NVDA", "relevance": 0.8, "score": -0.3}]});
        let found = observations(&scored).expect("a dated article");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].symbol.as_str(), found[0].score), ("NVDA", -0.3));
    }

    #[test]
    fn a_home_listing_goes_under_its_us_code_when_asked() {
        let record = serde_json::json!({"id": "t", "confidence": 0.9,
            "published_at": "2026-02-06T14:00:00Z", "error": null, "tickers": [
                {"symbol": "7203.T", "exchange": "TSE", "relevance": 1.0, "score": 0.5,
                 "other_listings": ["OTC:TOYOF", "NYSE:TM"]},
                {"symbol": "NESN.SW", "exchange": "SIX", "relevance": 1.0, "score": 0.1,
                 "other_listings": ["OTC:NSRGY"]},
                {"symbol": "RELIANCE.NS", "exchange": "NSE", "relevance": 1.0, "score": 0.2,
                 "other_listings": ["BSE:500325"]},
                {"symbol": "AAPL", "exchange": "NASDAQ", "relevance": 1.0, "score": -0.2,
                 "other_listings": ["XETRA:APC"]}]});
        let found = observations(&record).expect("a dated article");
        let symbols = |listing| -> Vec<String> {
            let rule = PanelRule {
                listing,
                ..PanelRule::default()
            };
            build_panel(found.clone(), &rule)
                .into_iter()
                .map(|r| r.symbol)
                .collect()
        };
        // An exchange listing before one over the counter; no US listing: the home one.
        assert_eq!(
            symbols(PanelListing::Us),
            ["AAPL", "NSRGY", "RELIANCE.NS", "TM"]
        );
        assert_eq!(
            symbols(PanelListing::Home),
            ["7203.T", "AAPL", "NESN.SW", "RELIANCE.NS"]
        );
        assert_eq!(PanelListing::parse("US").ok(), Some(PanelListing::Us));
        assert!(PanelListing::parse("LSE").is_err());
    }
}
