//! Field and range errors, what the library's validators return. A validator names the
//! field as the library's types do and says what the field allows; it never names a flag.
//! The command words a [`Field`] as its flag, Python as its keyword argument (ripgrep's
//! rule: a flag's implementation never names the flag, the parser adds it).

use std::fmt;

/// A setting a validator checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `ScoreOptions::title_weight`.
    TitleWeight,
    /// `ScoreOptions::chunk_articles`.
    ChunkArticles,
    /// `StoryOptions::window`.
    NoveltyWindow,
    /// `StoryOptions::capacity`.
    StoryCapacity,
    /// `ScorerOptions::threads`.
    Threads,
    /// `ScorerOptions::intra_threads`.
    IntraThreads,
    /// `ScorerOptions::max_batch`.
    MaxBatch,
    /// `ScorerOptions::token_budget`.
    TokenBudget,
    /// A `Shard`, written `K/N`.
    Shard,
    /// The label `Bands`, three thresholds.
    Bands,
    /// `PanelRule::min_relevance`.
    MinRelevance,
    /// `PanelRule::tz`.
    Tz,
    /// `PanelRule::cutoff`.
    Cutoff,
}

impl Field {
    /// The field's name in the library's types (and in Python's keyword arguments).
    pub fn name(self) -> &'static str {
        match self {
            Field::TitleWeight => "title_weight",
            Field::ChunkArticles => "chunk_articles",
            Field::NoveltyWindow => "novelty_window",
            Field::StoryCapacity => "story_capacity",
            Field::Threads => "threads",
            Field::IntraThreads => "intra_threads",
            Field::MaxBatch => "max_batch",
            Field::TokenBudget => "token_budget",
            Field::Shard => "shard",
            Field::Bands => "bands",
            Field::MinRelevance => "min_relevance",
            Field::Tz => "tz",
            Field::Cutoff => "cutoff",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A setting outside what its field allows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} must be {allowed}, got {value}")]
pub struct Invalid {
    pub field: Field,
    /// What the field allows: `a number from 0 to 1000`, `K/N with 1 <= K <= N`.
    pub allowed: String,
    /// The value given, as text.
    pub value: String,
}

impl Invalid {
    pub fn new(field: Field, allowed: impl Into<String>, value: impl fmt::Display) -> Self {
        Self {
            field,
            allowed: allowed.into(),
            value: value.to_string(),
        }
    }

    /// The message with the field called `name` (a flag, a keyword argument).
    pub fn named(&self, name: &str) -> String {
        format!("{name} {}", self.reason())
    }

    /// The message without the field, for a parser that names it itself.
    pub fn reason(&self) -> String {
        format!("must be {}, got {}", self.allowed, self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_field_or_what_the_caller_calls_it() {
        let e = Invalid::new(Field::TitleWeight, "a number from 0 to 1000", 5000);
        assert_eq!(
            e.to_string(),
            "title_weight must be a number from 0 to 1000, got 5000"
        );
        assert_eq!(
            e.named("--title-weight"),
            "--title-weight must be a number from 0 to 1000, got 5000"
        );
    }
}
