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
mod signature;

use std::sync::Arc;
use std::time::Duration;

use chrono::DateTime;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::validate::{Field, Invalid};

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

/// How stories are found.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryOptions {
    /// How far apart in time two articles of one story may be.
    pub window: Duration,
    /// Fingerprints held at most: what bounds memory for an archive without dates, or one
    /// whose window holds more articles than this (about 1.3 KB each).
    pub capacity: usize,
}

impl Default for StoryOptions {
    fn default() -> Self {
        Self {
            window: Duration::from_secs(72 * 3600),
            capacity: 200_000,
        }
    }
}

impl StoryOptions {
    /// Checks the window: at least a second, at most a year (a longer one keeps every
    /// article of a dense archive until the capacity stops it).
    pub fn validate(&self) -> Result<(), Invalid> {
        let secs = self.window.as_secs();
        if !(1..=MAX_WINDOW_DAYS * 86_400).contains(&secs) {
            let allowed = format!("from 1 second to {MAX_WINDOW_DAYS} days");
            return Err(Invalid::new(
                Field::NoveltyWindow,
                allowed,
                format!("{secs} s"),
            ));
        }
        if self.capacity == 0 {
            return Err(Invalid::new(Field::StoryCapacity, "at least 1 article", 0));
        }
        Ok(())
    }
}

/// The longest novelty window, in days.
pub const MAX_WINDOW_DAYS: u64 = 366;

/// A window written as a number and a unit: `90s`, `30m`, `72h`, `3d`.
pub fn parse_window(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration such as 72h, 3d, 30m or 90s"))?;
    let seconds = match unit.trim() {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => {
            return Err(format!(
                "{text:?} is not a duration such as 72h, 3d, 30m or 90s"
            ));
        }
    };
    Ok(Duration::from_secs(number.saturating_mul(seconds)))
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
mod tests {
    use super::*;

    const PARAGRAPHS: [&str; 6] = [
        "Northwind Traders said on Monday its third-quarter net profit rose 18 percent to \
         212 million dollars as shipping volumes recovered across its Pacific routes.",
        "Revenue climbed to 1.9 billion dollars from 1.6 billion a year earlier, ahead of \
         the 1.8 billion analysts had expected on average.",
        "The company lifted its dividend by two cents and said it would spend up to 300 \
         million dollars on new vessels over the next two years.",
        "Chief financial officer Maria Lopez told reporters that fuel costs had eased but \
         that port congestion in Europe remained a risk for the fourth quarter.",
        "Shares of Northwind rose 4 percent in early trading, their biggest gain in a month, \
         while the broader transport index was flat.",
        "The results follow a difficult first half in which the company cut 600 jobs and \
         closed two regional offices to save costs.",
    ];

    fn mark(stories: &mut Stories, id: &str, at: &str, title: &str, body: &str) -> StoryMark {
        let signature = Signature::of(Some(title), body).expect("words");
        stories.mark(id, Some(at), signature)
    }

    fn body(paragraphs: &[&str]) -> String {
        paragraphs.join("\n\n")
    }

    #[test]
    fn windows_are_read_with_their_unit() {
        assert_eq!(parse_window("72h"), Ok(Duration::from_secs(72 * 3600)));
        assert_eq!(parse_window("3d"), Ok(Duration::from_secs(3 * 86_400)));
        assert_eq!(parse_window(" 90s "), Ok(Duration::from_secs(90)));
        for bad in ["72", "h", "-3d", "1.5h", "3 weeks", ""] {
            assert!(parse_window(bad).is_err(), "{bad}");
        }
        let options = |window| StoryOptions {
            window,
            ..StoryOptions::default()
        };
        assert!(options(Duration::ZERO).validate().is_err());
        assert!(
            options(Duration::from_secs(400 * 86_400))
                .validate()
                .is_err()
        );
        assert!(options(Duration::from_secs(60)).validate().is_ok());
    }

    #[test]
    fn an_update_a_repost_and_a_trimmed_copy_are_one_story() {
        let mut stories = Stories::new(&StoryOptions::default());
        let first = mark(
            &mut stories,
            "a",
            "2026-03-02T08:00:00Z",
            "Northwind profit up",
            &body(&PARAGRAPHS[..5]),
        );
        assert_eq!(first.novelty, Novelty::New);
        assert_eq!(first.first, "a");
        let mut updated = PARAGRAPHS.to_vec();
        updated.push(
            "Analysts at two brokerages raised their price targets after the call, \
            citing the stronger dividend and the lower fuel bill.",
        );
        let update = mark(
            &mut stories,
            "b",
            "2026-03-02T10:30:00Z",
            "UPDATE 1-Northwind profit up 18 pct, lifts dividend",
            &body(&updated),
        );
        let repost = mark(
            &mut stories,
            "c",
            "2026-03-02T11:00:00Z",
            "Northwind profit up",
            &format!("By Staff Writer\n\n{}", body(&PARAGRAPHS[..5])),
        );
        let trimmed = mark(
            &mut stories,
            "d",
            "2026-03-03T09:00:00Z",
            "Northwind profit up",
            &body(&PARAGRAPHS[..2]),
        );
        for (m, novelty) in [
            (&update, Novelty::Update),
            (&repost, Novelty::Repeat),
            (&trimmed, Novelty::Repeat),
        ] {
            assert_eq!(m.story, first.story);
            assert_eq!(m.first, "a");
            assert_eq!(m.novelty, novelty, "{m:?}");
        }
    }

    #[test]
    fn the_same_company_a_quarter_later_is_a_new_story() {
        let mut stories = Stories::new(&StoryOptions {
            window: Duration::from_secs(200 * 86_400),
            ..StoryOptions::default()
        });
        let q3 = mark(
            &mut stories,
            "q3",
            "2026-03-02T08:00:00Z",
            "Northwind profit up",
            &body(&PARAGRAPHS[..4]),
        );
        let next: Vec<String> = PARAGRAPHS[..4]
            .iter()
            .map(|p| {
                p.replace("third", "fourth")
                    .replace("18", "9")
                    .replace("212", "175")
                    .replace("1.9", "2.0")
                    .replace("1.6", "1.7")
                    .replace("1.8", "2.1")
                    .replace("two cents", "one cent")
                    .replace("300", "150")
                    .replace("fourth quarter", "new year")
            })
            .collect();
        let q4 = mark(
            &mut stories,
            "q4",
            "2026-06-01T08:00:00Z",
            "Northwind profit up",
            &next.join("\n\n"),
        );
        assert_ne!(q4.story, q3.story);
        assert_eq!(q4.novelty, Novelty::New);
    }

    #[test]
    fn a_copy_past_the_window_starts_again() {
        let mut stories = Stories::new(&StoryOptions::default());
        let text = body(&PARAGRAPHS);
        let first = mark(&mut stories, "a", "2026-03-02T08:00:00Z", "t", &text);
        let late = mark(&mut stories, "b", "2026-03-05T08:00:01Z", "t", &text);
        assert_ne!(late.story, first.story);
        assert_eq!(late.novelty, Novelty::New);
    }

    #[test]
    fn undated_articles_follow_input_order() {
        let mut stories = Stories::new(&StoryOptions::default());
        let text = body(&PARAGRAPHS);
        let sig = || Signature::of(None, &text).expect("words");
        let first = stories.mark("a", None, sig());
        let copy = stories.mark("b", None, sig());
        assert_eq!(
            (first.novelty, copy.novelty),
            (Novelty::New, Novelty::Repeat)
        );
        assert_eq!(copy.story, first.story);
    }

    #[test]
    fn an_article_far_out_of_time_order_is_marked_late() {
        let mut stories = Stories::new(&StoryOptions::default());
        let text = body(&PARAGRAPHS);
        let first = mark(&mut stories, "a", "2026-02-04T08:00:00Z", "t", &text);
        let _ = mark(
            &mut stories,
            "b",
            "2026-03-03T08:00:00Z",
            "other",
            "Unrelated words here.",
        );
        let copy = mark(&mut stories, "c", "2026-02-04T09:00:00Z", "t", &text);
        assert!(!first.late);
        assert!(copy.late);
        assert_ne!(copy.story, first.story);
    }

    #[test]
    fn an_earlier_version_read_late_shares_the_story_as_new() {
        let mut stories = Stories::new(&StoryOptions::default());
        let later = mark(
            &mut stories,
            "b",
            "2026-03-02T12:00:00Z",
            "t",
            &body(&PARAGRAPHS),
        );
        let earlier = mark(
            &mut stories,
            "a",
            "2026-03-02T08:00:00Z",
            "t",
            &body(&PARAGRAPHS),
        );
        assert_eq!(earlier.story, later.story);
        assert_eq!(earlier.novelty, Novelty::New);
    }

    /// A template's own capitalised words (Board, Directors, the month) are in every notice:
    /// once a few notices are in the index they weigh little, so a notice by another company
    /// is another story, while a repost of one notice is its story. (The first notices of a
    /// template new to the index may still join each other: a known limit, in
    /// docs/stories.md.)
    #[test]
    fn template_notices_of_other_companies_are_other_stories() {
        let notice = |i: usize| {
            format!(
                "Company{i} Holdings (CO{i}.N) today announced that its Board of Directors has \
                 declared a quarterly cash dividend of ${i}.{:02} per share of common stock. \
                 The dividend is payable on March 19, 2025, to shareholders of record at the \
                 close of business on March 10, 2025. The ex-dividend date is March 9, 2025. \
                 The dividend is unchanged from the previous quarter.",
                i % 97
            )
        };
        let mut stories = Stories::new(&StoryOptions::default());
        for i in 0..60 {
            let at = format!("2026-03-02T{:02}:{:02}:00Z", 8 + i / 60, i % 60);
            let m = mark(
                &mut stories,
                &format!("n{i}"),
                &at,
                "Dividend declared",
                &notice(i),
            );
            if i >= 10 {
                assert_eq!(m.first, format!("n{i}"), "notice {i} joined another: {m:?}");
            }
        }
        let repost = mark(
            &mut stories,
            "r",
            "2026-03-02T10:00:00Z",
            "Dividend declared",
            &format!("(Staff report)\n\n{}", notice(7)),
        );
        assert_eq!(repost.first, "n7");
        assert_eq!(repost.novelty, Novelty::Repeat);
    }

    #[test]
    fn distinct_stories_sharing_a_disclaimer_stay_apart() {
        let disclaimer = "This article is provided for information only and does not \
            constitute investment advice. The publisher and its affiliates may hold positions \
            in the securities mentioned. Past performance is no guarantee of future results.";
        let mut stories = Stories::new(&StoryOptions::default());
        let a = mark(
            &mut stories,
            "a",
            "2026-03-02T08:00:00Z",
            "Northwind profit up",
            &format!("{}\n\n{disclaimer}", PARAGRAPHS[0]),
        );
        let b = mark(
            &mut stories,
            "b",
            "2026-03-02T09:00:00Z",
            "Northwind shares rise",
            &format!("{}\n\n{disclaimer}", PARAGRAPHS[4]),
        );
        assert_ne!(a.story, b.story);
    }
}
