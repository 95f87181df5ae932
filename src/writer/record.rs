//! The output schema: one JSON object per input record, either a scored article or an
//! error. Field order and names are stable; the README documents them.

use serde::{Serialize, Serializer};

use crate::aggregate::{ClassCounts, Label};
use crate::article::{Class, Probs};
use crate::article::{ErrorKind, Origin, RecordError};
use crate::stories::{Novelty, StoryMark};

/// A float written with 4 decimals, so output is compact and stable across platforms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rounded(pub f32);

impl Rounded {
    /// The value as written: 4 decimals, and no negative zero.
    pub fn value(self) -> f64 {
        let r = (f64::from(self.0) * 1e4).round() / 1e4;
        if r == 0.0 { 0.0 } else { r }
    }
}

impl Serialize for Rounded {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.value())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelInfo {
    pub name: String,
    pub version: String,
}

/// Where a sentence is: the title, or the body with character offsets into the body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Title,
    Body,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProbsRecord {
    pub negative: Rounded,
    pub neutral: Rounded,
    pub positive: Rounded,
}

impl From<Probs> for ProbsRecord {
    fn from(p: Probs) -> Self {
        Self {
            negative: Rounded(p.negative),
            neutral: Rounded(p.neutral),
            positive: Rounded(p.positive),
        }
    }
}

/// One scored sentence (or the title).
#[derive(Debug, Clone, Serialize)]
pub struct SentenceRecord {
    /// The unit's 0-based position among the article's scored units: the title (when there
    /// is one) is 0, the body sentences follow in text order.
    pub index: usize,
    pub part: Part,
    pub text: String,
    /// Character (Unicode scalar) offsets into the title or the body.
    pub start: usize,
    pub end: usize,
    pub score: Rounded,
    pub label: Class,
    pub probs: ProbsRecord,
    /// The companies the unit names, as `finsent tickers` finds them, in order of first
    /// mention (empty without tickers).
    pub symbols: Vec<String>,
    /// The companies this unit was scored toward (units naming two or more companies).
    pub targets: Vec<TargetRecord>,
}

/// A unit scored toward one company.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRecord {
    pub symbol: String,
    pub score: Rounded,
    pub label: Class,
    pub probs: ProbsRecord,
}

impl TargetRecord {
    pub fn new(symbol: &str, p: Probs) -> Self {
        Self {
            symbol: symbol.to_string(),
            score: Rounded(p.score()),
            label: p.class(),
            probs: p.into(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceSentence {
    pub index: usize,
    pub part: Part,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub score: Rounded,
    pub symbols: Vec<String>,
}

impl From<&SentenceRecord> for EvidenceSentence {
    fn from(s: &SentenceRecord) -> Self {
        Self {
            index: s.index,
            part: s.part,
            text: s.text.clone(),
            start: s.start,
            end: s.end,
            score: s.score,
            symbols: s.symbols.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// The sentence with the highest score, if any is above 0.
    pub most_positive: Option<EvidenceSentence>,
    /// The sentence with the lowest score, if any is below 0.
    pub most_negative: Option<EvidenceSentence>,
}

/// A listed company the article mentions, with its own sentiment.
#[derive(Debug, Clone, Serialize)]
pub struct TickerRecord {
    /// Canonical listing: plain for US listings (`NVDA`), Yahoo-style elsewhere (`7203.T`).
    pub symbol: String,
    pub exchange: Option<String>,
    /// Company name; null for an explicit code the gazetteer does not know.
    pub name: Option<String>,
    pub mentions: usize,
    pub relevance: Rounded,
    pub score: Rounded,
    pub label: Label,
    /// Other listings of the company, such as US ADRs (`NYSE:TM` for Toyota).
    pub other_listings: Vec<String>,
    /// The last day of a listing that has ended (delisted, merged, renamed under a new
    /// code); null for a listing of today. `symbol` is the code at the article's date.
    pub delisted: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleRecord {
    pub id: String,
    pub title: Option<String>,
    pub label: Label,
    pub score: Rounded,
    pub confidence: Rounded,
    pub sentences: ClassCounts,
    pub evidence: Evidence,
    pub tickers: Vec<TickerRecord>,
    pub model: ModelInfo,
    /// RFC 3339 in UTC.
    pub published_at: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The near-duplicate story the article belongs to (16 hex digits, shared by its
    /// updates, reposts and copies within the novelty window); null with stories off.
    pub story: Option<String>,
    /// `new`, `update` or `repeat`: what the article adds to its story.
    pub novelty: Option<Novelty>,
    /// The id of the story's first article.
    pub story_first: Option<String>,
    /// Where the record was read: file (`-` for standard input) and archive line.
    pub source: Origin,
    /// What was changed or dropped while reading or scoring the article.
    pub warnings: Vec<String>,
    /// Every sentence, with `--sentences`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_scores: Option<Vec<SentenceRecord>>,
    /// Input fields copied through (`--keep`): column and value, written after `error`.
    #[serde(skip)]
    pub kept: Vec<(String, Option<String>)>,
}

impl ArticleRecord {
    /// Writes the article's story into its record.
    pub fn set_story(&mut self, mark: StoryMark) {
        self.story = Some(mark.story);
        self.novelty = Some(mark.novelty);
        self.story_first = Some(mark.first);
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorDetail {
    pub kind: ErrorKind,
    pub message: String,
}

/// The record written in place of an article that could not be scored.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorRecord {
    pub id: String,
    pub error: ErrorDetail,
    pub source: Origin,
}

impl From<RecordError> for ErrorRecord {
    fn from(e: RecordError) -> Self {
        Self {
            id: e.id,
            error: ErrorDetail {
                kind: e.kind,
                message: e.message,
            },
            source: e.origin,
        }
    }
}

/// Kept input fields, serialized as the fields of the record they are in.
struct KeptFields<'a>(&'a [(String, Option<String>)]);

impl Serialize for KeptFields<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// What a writer receives, in input order; it serializes as the record it holds, a scored
/// article with `error: null`, so that every format has the field in every record (a
/// JSON Lines file without error records still loads with an `error` column).
#[derive(Debug, Clone)]
pub enum OutputRecord {
    Article(Box<ArticleRecord>),
    Error(ErrorRecord),
}

impl Serialize for OutputRecord {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Scored<'a> {
            #[serde(flatten)]
            article: &'a ArticleRecord,
            error: Option<&'a ErrorDetail>,
            #[serde(flatten)]
            kept: KeptFields<'a>,
        }
        match self {
            Self::Article(article) => Scored {
                article,
                error: None,
                kept: KeptFields(&article.kept),
            }
            .serialize(s),
            Self::Error(error) => error.serialize(s),
        }
    }
}
