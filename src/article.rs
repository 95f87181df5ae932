//! The types that flow through the pipeline: articles in, record errors beside them, the
//! units of an article the model scores and the class probabilities it gives them (by
//! unit, and toward each company, in [`UnitScores`]).

use std::collections::BTreeMap;

use serde::Serialize;

/// Where a record came from: the file (or `-` for standard input) and, for archives, the line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub path: String,
    /// The 1-based line of an archive record; null for whole-file articles.
    pub line: Option<u64>,
}

/// One news article as the loaders deliver it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier: the record's id field, else the file path, else `path:line`.
    pub id: String,
    pub title: Option<String>,
    /// The visible text, after HTML or Markdown is reduced to plain text.
    pub body: String,
    /// Publication time, normalised to RFC 3339 in UTC (`2026-02-12T07:10:00Z`).
    pub published_at: Option<String>,
    /// The news outlet (the input's `source` field).
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub origin: Origin,
    /// What was changed or dropped while reading the article (an unreadable date,
    /// truncation), reported in its output record.
    pub warnings: Vec<String>,
    /// Input fields copied through to the output record (`--keep`), in the order asked
    /// for: the output column and the value as text (null when the record lacks it).
    pub kept: Vec<(String, Option<String>)>,
}

/// Why a record could not be scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or stream could not be read.
    Io,
    /// The record is not valid JSON, CSV or HTML of the expected shape.
    Parse,
    /// The bytes are not valid UTF-8.
    Encoding,
    /// Neither a title nor a body with text.
    EmptyText,
    /// The record is larger than `--max-record-bytes`; it was not read.
    TooLarge,
    /// The model failed on the record's text.
    Model,
    /// An HTML page nested deeper than finsent reads (`loader::html::MAX_DEPTH`).
    TooDeep,
    /// finsent itself failed on the record (a panic, caught): a bug to report. The other
    /// records are not affected.
    Internal,
    /// The input is not a regular file (a FIFO, socket or device found in a scanned
    /// directory); it was not read, so the scan never blocks on it.
    NotAFile,
}

/// An input record that yields no scored article, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub id: String,
    pub kind: ErrorKind,
    pub message: String,
    pub origin: Origin,
}

/// What a loader yields for each input record.
pub type Record = Result<Article, RecordError>;

/// Where a unit (a text the model scores) is in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Title,
    /// Body sentence `i` (0-based, in text order).
    Sentence(usize),
}

impl Unit {
    /// The unit's weight in an article's or a company's score: the title counts
    /// `title_weight` body sentences.
    pub fn weight(self, title_weight: f32) -> f32 {
        match self {
            Unit::Title => title_weight,
            Unit::Sentence(_) => 1.0,
        }
    }
}

/// A sentiment class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    Negative,
    Neutral,
    Positive,
}

impl Class {
    /// The class's name, as written in output records.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Negative => "negative",
            Class::Neutral => "neutral",
            Class::Positive => "positive",
        }
    }
}

/// Class probabilities of one text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Probs {
    pub negative: f32,
    pub neutral: f32,
    pub positive: f32,
}

impl Probs {
    /// P(positive) − P(negative), in [−1, 1].
    pub fn score(&self) -> f32 {
        self.positive - self.negative
    }

    /// The most probable class (ties go to neutral, then positive).
    pub fn class(&self) -> Class {
        if self.neutral >= self.positive && self.neutral >= self.negative {
            Class::Neutral
        } else if self.positive >= self.negative {
            Class::Positive
        } else {
            Class::Negative
        }
    }
}

/// The probabilities of an article's inputs, by name.
#[derive(Debug, Default)]
pub struct UnitScores {
    units: BTreeMap<Unit, Probs>,
    /// Each unit's passes toward a company (its symbol), in symbol order.
    passes: BTreeMap<Unit, Vec<(String, Probs)>>,
}

impl UnitScores {
    /// Each unit's probabilities, and each unit's passes toward a company in symbol order.
    pub fn new(units: BTreeMap<Unit, Probs>, passes: BTreeMap<Unit, Vec<(String, Probs)>>) -> Self {
        Self { units, passes }
    }

    pub fn unit(&self, unit: Unit) -> Option<Probs> {
        self.units.get(&unit).copied()
    }

    /// The pass of `unit` toward `symbol`, when the unit had one.
    pub fn toward(&self, unit: Unit, symbol: &str) -> Option<Probs> {
        self.passes_of(unit)
            .find(|(s, _)| *s == symbol)
            .map(|(_, p)| p)
    }

    /// The passes of `unit`, in symbol order.
    pub fn passes_of(&self, unit: Unit) -> impl Iterator<Item = (&str, Probs)> {
        self.passes
            .get(&unit)
            .into_iter()
            .flatten()
            .map(|(symbol, p)| (symbol.as_str(), *p))
    }
}
