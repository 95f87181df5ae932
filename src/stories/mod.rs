//! Stories: near-duplicate articles found across an archive, so that an updated wire story,
//! a partner's repost or a trimmed copy counts as one story and not as fresh news.
//!
//! Each article gets a fingerprint ([`Signature`]: MinHash of its word triples, a sample of
//! its names and figures). It joins the story of an earlier article within the window when
//! one text holds most of the other's word triples ([`SAME_STORY`]) and most of its names
//! and figures ([`SAME_NAMES`]); its novelty says what it adds: `new` (the story's first
//! article, or no earlier one in the window), `update` (it carries text the earlier
//! versions lack) or `repeat` (it adds next to nothing, [`REPEAT`]). Articles are taken in
//! input order, each at its publication time (an undated one at the newest time seen), so
//! an archive sorted by time gets exact answers; see [`Stories::mark`] for one that is not.

mod index;
mod options;
mod signature;

use std::sync::Arc;

use chrono::DateTime;
use rustc_hash::FxHashMap;
use serde::Serialize;

pub use options::{MAX_WINDOW_DAYS, StoryOptions, parse_window};
pub use signature::Signature;

use index::{Entry, Index};
use signature::stable_hash;

/// The share of the smaller text the larger must hold for the two to be one story: an
/// update with a rewritten lead and new paragraphs holds 0.5 to 0.9 of its first version.
pub const SAME_STORY: f64 = 0.6;
/// The share of one text's figures the other must hold: a company's report of the next
/// day, from one template with new figures, is another story; a revised figure is not.
pub const SAME_FIGURES: f64 = 0.5;
/// The share of one text's names and figures (capitalised words, numbers) the other must
/// hold too, each weighing its inverse document frequency among the recent articles: a
/// template filled with another company's name and figures is another story.
pub const SAME_NAMES: f64 = 0.6;
/// The share of an article an earlier version of its story must hold for it to be a repeat:
/// a repost with copy edits keeps 0.8 or more, an update with new paragraphs less.
pub const REPEAT: f64 = 0.8;
/// Texts whose shingle sets overlap less than this (Jaccard) are never one story, however
/// short one of them is: a one-line snippet inside a long article is not its story.
const MIN_JACCARD: f64 = 0.2;

/// What an article is to its story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Novelty {
    New,
    Update,
    Repeat,
}

/// An article's story, as written in its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryMark {
    /// 16 hex digits, the same for every article of the story (a hash of the first's id).
    pub story: String,
    pub novelty: Novelty,
    /// The id of the story's first article.
    pub first: String,
    /// The article was published more than two windows before the newest article read
    /// before it: earlier versions of its story may have left the index (an archive far
    /// out of time order; sort it by `published_at` for exact stories).
    pub late: bool,
}

/// The story an article in the index belongs to.
#[derive(Debug)]
struct Member {
    story: Arc<StoryMark>,
}

/// Stories found so far, over the recent articles of one input.
#[derive(Debug)]
pub struct Stories {
    index: Index<Member>,
    /// In how many articles of the index each sampled name or figure occurs.
    name_counts: FxHashMap<u32, u32>,
}

impl Stories {
    pub fn new(options: &StoryOptions) -> Self {
        let window = i64::try_from(options.window.as_secs()).unwrap_or(i64::MAX);
        Self {
            index: Index::new(window, options.capacity),
            name_counts: FxHashMap::default(),
        }
    }

    /// The story of the next article (`id`, its `published_at` in RFC 3339, its
    /// fingerprint), which then joins the index. The best-matching earlier article in the
    /// window gives the story; the novelty compares the article with the versions published
    /// at or before it. An article that arrives before an earlier-published one it matches
    /// (an archive out of time order) joins that story as `new`.
    pub fn mark(
        &mut self,
        id: &str,
        published_at: Option<&str>,
        signature: Signature,
    ) -> StoryMark {
        let published = published_at
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.timestamp());
        let time = self.index.time_of(published);
        let late = self.index.is_late(time);
        // A name or figure in many recent articles (a template's words, the month) says
        // little: each weighs its inverse document frequency over the index and this
        // article (smoothed: never 0, so a small index weighs every name alike).
        let (counts, held) = (&self.name_counts, self.index.len() as f64);
        let weight = |name: u32| {
            let count = counts.get(&name).copied().unwrap_or(0);
            (1.0 + (held + 1.0) / (f64::from(count) + 1.0)).ln()
        };
        let mut best: Option<(f64, &Arc<StoryMark>)> = None;
        let mut held_by_earlier: f64 = 0.0;
        for entry in self.index.candidates(&signature, time) {
            let Some((overlap, held)) = same_story(&signature, &entry.signature, &weight) else {
                continue;
            };
            if best.is_none_or(|(o, _)| overlap > o) {
                best = Some((overlap, &entry.value.story));
            }
            if entry.time <= time {
                held_by_earlier = held_by_earlier.max(held);
            }
        }
        let mark = match best {
            None => StoryMark {
                story: format!("{:016x}", stable_hash(id)),
                novelty: Novelty::New,
                first: id.to_string(),
                late,
            },
            Some((_, story)) => StoryMark {
                novelty: if held_by_earlier >= REPEAT {
                    Novelty::Repeat
                } else if held_by_earlier > 0.0 {
                    Novelty::Update
                } else {
                    Novelty::New
                },
                late,
                ..StoryMark::clone(story)
            },
        };
        let story = Arc::new(StoryMark {
            novelty: Novelty::New,
            ..mark.clone()
        });
        for name in signature.names() {
            *self.name_counts.entry(name).or_default() += 1;
        }
        let counts = &mut self.name_counts;
        self.index.insert(
            Entry {
                time,
                signature,
                value: Member { story },
            },
            |gone| {
                for name in gone.names() {
                    if let Some(count) = counts.get_mut(&name) {
                        *count -= 1;
                        if *count == 0 {
                            counts.remove(&name);
                        }
                    }
                }
            },
        );
        mark
    }
}

/// The larger of two shares, either of which may be missing.
fn larger(x: Option<f64>, y: Option<f64>) -> Option<f64> {
    match (x, y) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// When the two are one story, how much of the smaller text the larger holds and how much
/// of `a` `b` holds: one holds [`SAME_STORY`] of the other's word triples, [`SAME_NAMES`]
/// of its names and figures and [`SAME_FIGURES`] of its figures.
fn same_story(a: &Signature, b: &Signature, weight: &impl Fn(u32) -> f64) -> Option<(f64, f64)> {
    let (jaccard, a_in_b, b_in_a) = a.overlap(b);
    let overlap = a_in_b.max(b_in_a);
    if jaccard < MIN_JACCARD || overlap < SAME_STORY {
        return None;
    }
    // Either way: an all-capitals copy holds every name of its original, not the reverse.
    let names = larger(a.names_held_by(b, weight), b.names_held_by(a, weight));
    let figures = larger(a.figures_held_by(b, weight), b.figures_held_by(a, weight));
    (names.is_none_or(|n| n >= SAME_NAMES) && figures.is_none_or(|f| f >= SAME_FIGURES))
        .then_some((overlap, a_in_b))
}

#[cfg(test)]
mod tests;
