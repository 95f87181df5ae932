//! Reading `finsent score` output: each company of each scored record, as an observation.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use chrono::{DateTime, Utc};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::tickers::is_us;
use crate::writer::Format;

#[cfg(doc)]
use super::PanelListing;

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
