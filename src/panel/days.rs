//! The panel's rows: observations put on their trading day and averaged per company and
//! day, each story counted as the rule says.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Serialize, Serializer};

use crate::writer::Rounded;

use super::{Observation, PanelListing, PanelRule, PerStory};

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
