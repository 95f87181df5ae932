//! The fingerprints of recent articles, indexed by locality-sensitive hashing: the MinHash
//! values are cut into bands, and two fingerprints that agree on a whole band are compared.
//! With `BANDS` bands of `ROWS` values, texts with Jaccard similarity 0.4 meet with
//! probability 0.94 and 0.5 with 0.996, while texts at 0.1 meet with probability 0.04.
//!
//! Fingerprints leave the index in the order they came once they are two windows behind the
//! newest time seen (one window for matches, one of slack for an archive a little out of
//! time order), or when the index holds `capacity` of them, so memory is bounded whatever
//! the archive's length.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use super::signature::{HASHES, Signature, mix_band};

const BANDS: usize = 42;
const ROWS: usize = 3;
const _: () = assert!(BANDS * ROWS <= HASHES);

/// Fingerprints compared per band at most, newest first: a band shared by thousands of
/// copies of one text needs only its latest few to find the story.
const PER_BAND: usize = 32;

/// One article in the index.
#[derive(Debug)]
pub(crate) struct Entry<T> {
    /// Seconds since the epoch: its publication time, or the newest time seen before it.
    pub time: i64,
    pub signature: Signature,
    pub value: T,
}

/// Recent fingerprints and the bands that find them.
#[derive(Debug)]
pub(crate) struct Index<T> {
    window: i64,
    capacity: usize,
    /// In arrival order; `entries[i]` has sequence number `first + i`.
    entries: VecDeque<Entry<T>>,
    first: u64,
    bands: FxHashMap<u64, Vec<u64>>,
    /// The newest time seen.
    clock: i64,
    /// Fingerprints compared, for tests of the work done.
    #[cfg(test)]
    pub compared: u64,
}

/// The band keys of a fingerprint: each band's values hashed with the band's number.
fn band_keys(signature: &Signature) -> impl Iterator<Item = u64> + '_ {
    signature
        .mins
        .chunks_exact(ROWS)
        .take(BANDS)
        .enumerate()
        .map(|(band, rows)| mix_band(band, rows))
}

impl<T> Index<T> {
    pub fn new(window_seconds: i64, capacity: usize) -> Self {
        Self {
            window: window_seconds,
            capacity: capacity.max(1),
            entries: VecDeque::new(),
            first: 0,
            bands: FxHashMap::default(),
            clock: i64::MIN,
            #[cfg(test)]
            compared: 0,
        }
    }

    /// The time an article counts at: its own, else the newest seen (input order stands in
    /// for a missing date).
    pub fn time_of(&self, published: Option<i64>) -> i64 {
        published.unwrap_or(self.clock.max(0))
    }

    /// Whether an article of `time` comes later than the index can answer for: articles
    /// within its window may have left already.
    pub fn is_late(&self, time: i64) -> bool {
        time < self.horizon()
    }

    /// Entries older than this leave the index.
    fn horizon(&self) -> i64 {
        self.clock.saturating_sub(self.window.saturating_mul(2))
    }

    /// The entries within the window of `time` that share a band with `signature`.
    pub fn candidates(&mut self, signature: &Signature, time: i64) -> Vec<&Entry<T>> {
        let mut seen: Vec<u64> = Vec::new();
        for key in band_keys(signature) {
            if let Some(seqs) = self.bands.get(&key) {
                seen.extend(seqs.iter().rev().take(PER_BAND));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        #[cfg(test)]
        {
            self.compared += seen.len() as u64;
        }
        let window = self.window;
        seen.into_iter()
            .filter_map(|seq| self.entries.get(usize::try_from(seq - self.first).ok()?))
            .filter(|e| e.time.abs_diff(time) <= window.unsigned_abs())
            .collect()
    }

    /// Adds an article, then drops what fell out of the window or over the capacity.
    /// Adds an article, then drops what fell out of the window or over the capacity, and
    /// hands each dropped fingerprint to `evicted`.
    pub fn insert(&mut self, entry: Entry<T>, mut evicted: impl FnMut(&Signature)) {
        let seq = self.first + self.entries.len() as u64;
        for key in band_keys(&entry.signature) {
            self.bands.entry(key).or_default().push(seq);
        }
        self.clock = self.clock.max(entry.time);
        self.entries.push_back(entry);
        while let Some(oldest) = self.entries.front() {
            let stale = oldest.time < self.horizon();
            if !stale && self.entries.len() <= self.capacity {
                break;
            }
            if let Some(gone) = self.evict_oldest() {
                evicted(&gone.signature);
            }
        }
    }

    fn evict_oldest(&mut self) -> Option<Entry<T>> {
        let oldest = self.entries.pop_front()?;
        let seq = self.first;
        self.first += 1;
        for key in band_keys(&oldest.signature) {
            if let Some(seqs) = self.bands.get_mut(&key) {
                // Sequence numbers are pushed in order, so the oldest is at the front.
                if seqs.first() == Some(&seq) {
                    seqs.remove(0);
                } else {
                    seqs.retain(|&s| s != seq);
                }
                if seqs.is_empty() {
                    self.bands.remove(&key);
                }
            }
        }
        Some(oldest)
    }

    /// Fingerprints held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Band keys held (each a list of sequence numbers).
    #[cfg(test)]
    pub fn band_count(&self) -> usize {
        self.bands.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str, time: i64) -> Entry<()> {
        Entry {
            time,
            signature: Signature::of(None, text).expect("words"),
            value: (),
        }
    }

    #[test]
    fn an_old_fingerprint_leaves_the_window() {
        let mut index = Index::new(100, 1000);
        index.insert(entry("alpha beta gamma delta epsilon", 0), |_| ());
        let probe = Signature::of(None, "alpha beta gamma delta epsilon").expect("words");
        assert_eq!(index.candidates(&probe, 50).len(), 1);
        // Out of the window of the probe's time, though still held.
        assert_eq!(index.candidates(&probe, 101).len(), 0);
        // Held for a second window, for articles a little out of time order.
        index.insert(entry("zeta eta theta iota kappa", 150), |_| ());
        assert_eq!(index.len(), 2);
        assert_eq!(index.candidates(&probe, 60).len(), 1);
        assert!(!index.is_late(60));
        index.insert(entry("lambda mu nu xi omicron", 201), |_| ());
        assert_eq!(index.len(), 2);
        assert!(index.is_late(0));
        assert_eq!(index.candidates(&probe, 0).len(), 0);
    }

    #[test]
    fn capacity_bounds_an_undated_archive() {
        let mut index = Index::new(100, 3);
        for i in 0..10 {
            let time = index.time_of(None);
            index.insert(
                entry(&format!("story number {i} about item {i}"), time),
                |_| (),
            );
        }
        assert_eq!(index.len(), 3);
    }

    /// Memory and work stay flat however long the archive: 200,000 articles over 100
    /// days, a window of half a day, hold one day's fingerprints and bands at the end as
    /// after the first 20,000, and each article is compared with a bounded number of others
    /// (counted, not timed). The release binary's peak memory over a million articles is
    /// measured in `benches/stories.sh`.
    #[test]
    fn a_long_archive_holds_one_window() {
        const DAY: i64 = 86_400;
        let per_day = 2_000;
        let mut index = Index::new(DAY / 2, 1_000_000);
        let (mut held_early, mut bands_early) = (0, 0);
        for i in 0..200_000i64 {
            let time = i * DAY / per_day;
            // Distinct fingerprints: unrelated values, as unrelated texts give.
            let mut mins = Box::new([0u32; HASHES]);
            for (k, m) in mins.iter_mut().enumerate() {
                *m = (mix_band(k, &[i as u32]) >> 32) as u32;
            }
            let signature = Signature {
                mins,
                shingles: 100,
                names: Box::new([]),
                all_names: true,
                figures: Box::new([]),
                all_figures: true,
            };
            let _ = index.candidates(&signature, time);
            index.insert(
                Entry {
                    time,
                    signature,
                    value: (),
                },
                |_| (),
            );
            if i == 20_000 {
                (held_early, bands_early) = (index.len(), index.band_count());
            }
        }
        let window = per_day as usize;
        assert!(
            (window - 1..=window + 1).contains(&index.len()),
            "{}",
            index.len()
        );
        assert!(
            (window - 1..=window + 1).contains(&held_early),
            "{held_early}"
        );
        // Bands grow with the window's fingerprints, not with the archive.
        let bands = index.band_count();
        assert!(bands <= bands_early * 11 / 10, "{bands} vs {bands_early}");
        assert!(index.compared < 1_000, "{} comparisons", index.compared);
    }
}
