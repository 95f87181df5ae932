//! An article's fingerprint for near-duplicate search: the words of its title and body,
//! normalised, cut into overlapping word triples (shingles), and the MinHash of that set.
//!
//! Two fingerprints estimate how much of each text the other holds without either text:
//! the share of equal MinHash values estimates the Jaccard similarity of the shingle sets,
//! and with the sets' sizes that gives their overlap.
//!
//! Beside the shingles, a fingerprint keeps a sample of the text's names and figures (words
//! that are capitalised or hold a digit): two notices written from one template (dividends
//! declared by two companies, a daily market report on two days) share most of their word
//! triples but few of their names and figures.

/// MinHash values per fingerprint; `BANDS × ROWS` of them index a fingerprint.
pub const HASHES: usize = 126;
/// Words per shingle: triples survive an edited word or two in a paragraph, and two
/// texts that share only common phrases share few of them.
const SHINGLE_WORDS: usize = 3;

/// The MinHash of an article's shingle set, and the set's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub(crate) mins: Box<[u32; HASHES]>,
    /// Distinct shingles (at least 1 for any text with a word).
    pub(crate) shingles: u32,
    /// The smallest hashes of the names and figures, sorted (a bottom-k sample).
    pub(crate) names: Box<[u32]>,
    /// Whether `names` holds every name and figure of the text.
    pub(crate) all_names: bool,
    /// The smallest hashes of the figures alone (words with a digit), sorted.
    pub(crate) figures: Box<[u32]>,
    /// Whether `figures` holds every figure of the text.
    pub(crate) all_figures: bool,
}

/// Names and figures sampled per fingerprint.
const NAMES: usize = 96;

/// A fixed 64-bit hash of bytes (FNV-1a, then mixed): the same on every machine and run,
/// so fingerprints made by separate processes (shards) compare.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64's finaliser: every input bit moves every output bit.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The key of one band of MinHash values: its values hashed with the band's number.
pub(crate) fn mix_band(band: usize, rows: &[u32]) -> u64 {
    rows.iter()
        .fold(mix(band as u64 + 1), |h, &r| mix(h ^ u64::from(r)))
}

/// A stable 64-bit hash of a string, for story ids.
pub(crate) fn stable_hash(text: &str) -> u64 {
    hash_bytes(text.as_bytes())
}

/// The words of a text, lowercased, letters and digits only (punctuation, case and
/// spacing edits do not change a shingle). A leading wire tag of the title (`UPDATE 2-`,
/// `CORRECTED-`, `RPT-`) is not part of the story's text.
fn words(title: Option<&str>, body: &str) -> Vec<String> {
    let title = title.map(strip_wire_tags).unwrap_or("");
    [title, body]
        .into_iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Tags a wire puts before a headline to mark a version of a story, not a new one.
const VERSION_TAGS: [&str; 10] = [
    "UPDATE",
    "UPDATED",
    "CORRECTED",
    "CORRECTION",
    "REFILE",
    "RPT",
    "REPEAT",
    "URGENT",
    "FLASH",
    "BRIEF",
];

/// The title without its leading version tags: `UPDATE 3-`, `CORRECTED-`, `RPT-UPDATE 1-`,
/// `REFILE:`. A capitalised name glued by a hyphen (`IBM-Red Hat`) stays.
fn strip_wire_tags(title: &str) -> &str {
    let mut rest = title.trim_start();
    loop {
        let Some(end) = rest.find(['-', ':']) else {
            return rest;
        };
        let mut tag = rest[..end].split_whitespace();
        let word = tag.next().unwrap_or("");
        let number = tag.next();
        let versioned = VERSION_TAGS.contains(&word)
            && number.is_none_or(|n| n.chars().all(|c| c.is_ascii_digit()))
            && tag.next().is_none();
        if !versioned {
            return rest;
        }
        rest = rest[end + 1..].trim_start();
    }
}

/// The bottom-k samples of the hashes of the words that are capitalised or hold a digit,
/// and of those that hold a digit, lowercased and stripped of surrounding punctuation; each
/// with whether it is the whole set.
type Sample = (Box<[u32]>, bool);

fn names_and_figures(title: Option<&str>, body: &str) -> (Sample, Sample) {
    let title = title.map(strip_wire_tags).unwrap_or("");
    let mut names = Vec::new();
    let mut figures = Vec::new();
    for word in [title, body].into_iter().flat_map(str::split_whitespace) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let figure = word.contains(|c: char| c.is_ascii_digit());
        if figure || word.starts_with(char::is_uppercase) {
            let hash = (hash_bytes(word.to_lowercase().as_bytes()) >> 32) as u32;
            names.push(hash);
            if figure {
                figures.push(hash);
            }
        }
    }
    (bottom(names, NAMES), bottom(figures, FIGURES))
}

/// The `k` smallest distinct values, sorted, and whether they are all of them.
fn bottom(mut hashes: Vec<u32>, k: usize) -> Sample {
    hashes.sort_unstable();
    hashes.dedup();
    let all = hashes.len() <= k;
    hashes.truncate(k);
    (hashes.into_boxed_slice(), all)
}

/// Figures sampled per fingerprint.
const FIGURES: usize = 48;

/// The share of `sample`'s values that `other` holds, each weighing `weight`, where `other`
/// is complete (`other_all`) or below its largest value; `None` when none weighs.
fn sample_held_by(
    sample: &[u32],
    other: &[u32],
    other_all: bool,
    weight: impl Fn(u32) -> f64,
) -> Option<f64> {
    // Where `other`'s sample is cut, only hashes below its largest can be looked up.
    let limit = if other_all { u32::MAX } else { *other.last()? };
    let (mut seen, mut shared) = (0.0, 0.0);
    for &v in sample.iter().take_while(|&&v| v <= limit) {
        let w = weight(v);
        seen += w;
        if other.binary_search(&v).is_ok() {
            shared += w;
        }
    }
    (seen > 0.0).then(|| shared / seen)
}

impl Signature {
    /// The fingerprint of an article's title and body; `None` when they hold no word.
    pub fn of(title: Option<&str>, body: &str) -> Option<Self> {
        let words = words(title, body);
        if words.is_empty() {
            return None;
        }
        let width = SHINGLE_WORDS.min(words.len());
        let mut shingles: Vec<u64> = words
            .windows(width)
            .map(|w| {
                let mut h = 0u64;
                for word in w {
                    h = mix(h ^ hash_bytes(word.as_bytes()));
                }
                h
            })
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        let mut mins = Box::new([u32::MAX; HASHES]);
        for &s in &shingles {
            for (i, min) in mins.iter_mut().enumerate() {
                // One hash function per position: the shingle mixed with its own seed.
                let h = (mix(s ^ SEEDS[i]) >> 32) as u32;
                *min = (*min).min(h);
            }
        }
        let ((names, all_names), (figures, all_figures)) = names_and_figures(title, body);
        Some(Self {
            mins,
            shingles: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
            names,
            all_names,
            figures,
            all_figures,
        })
    }

    /// The estimated share of this text's names and figures that `other` holds, each
    /// weighing `weight` of its hash; `None` when this text has none (of any weight).
    pub fn names_held_by(&self, other: &Self, weight: impl Fn(u32) -> f64) -> Option<f64> {
        sample_held_by(&self.names, &other.names, other.all_names, weight)
    }

    /// The estimated share of this text's figures that `other` holds, each weighing
    /// `weight`; `None` when this text has none.
    pub fn figures_held_by(&self, other: &Self, weight: impl Fn(u32) -> f64) -> Option<f64> {
        sample_held_by(&self.figures, &other.figures, other.all_figures, weight)
    }

    /// The hashes of the names and figures sampled, each once.
    pub(crate) fn names(&self) -> impl Iterator<Item = u32> + '_ {
        let extra = self
            .figures
            .iter()
            .filter(|f| self.names.binary_search(f).is_err());
        self.names.iter().chain(extra).copied()
    }

    /// Estimated Jaccard similarity of the two shingle sets: the share of equal values.
    pub fn jaccard(&self, other: &Self) -> f64 {
        let equal = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / HASHES as f64
    }

    /// Estimated share of this text's shingles that `other` holds (|A ∩ B| / |A|), from
    /// the Jaccard estimate and the sets' sizes.
    pub fn held_by(&self, other: &Self) -> f64 {
        self.held_at(self.jaccard(other), other)
    }

    /// The Jaccard estimate of the two shingle sets and the share of each held by the
    /// other (this text's in `other`, then `other`'s in this), from one comparison.
    pub fn overlap(&self, other: &Self) -> (f64, f64, f64) {
        let j = self.jaccard(other);
        (j, self.held_at(j, other), other.held_at(j, self))
    }

    /// [`Signature::held_by`] given the Jaccard estimate `j` of the two sets.
    fn held_at(&self, j: f64, other: &Self) -> f64 {
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        (j * (a + b) / (1.0 + j) / a).min(1.0)
    }
}

/// The seeds of the hash functions: fixed, so fingerprints compare across runs.
const SEEDS: [u64; HASHES] = seeds();

const fn seeds() -> [u64; HASHES] {
    let mut out = [0u64; HASHES];
    let mut state: u64 = 0x5851_f42d_4c95_7f2d;
    let mut i = 0;
    while i < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        out[i] = z ^ (z >> 31);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Acme Corp said on Tuesday that quarterly revenue rose 12 percent to \
        4.1 billion dollars, helped by strong demand for its industrial pumps in Europe and \
        Asia. The company raised its full-year forecast and said it would buy back shares \
        worth 500 million dollars. Chief executive Jane Roe said orders for the second half \
        looked firm despite higher steel costs.";

    fn sig(title: Option<&str>, body: &str) -> Signature {
        Signature::of(title, body).expect("words")
    }

    #[test]
    fn case_punctuation_and_spacing_do_not_change_the_fingerprint() {
        let edited = STORY
            .to_uppercase()
            .replace(". ", " .  ")
            .replace(',', " ;");
        let (a, b) = (sig(None, STORY), sig(None, &edited));
        assert_eq!((&a.mins, a.shingles), (&b.mins, b.shingles));
        // In capitals every word looks like a name: the original's names are all there.
        assert_eq!(a.names_held_by(&b, |_| 1.0), Some(1.0));
    }

    #[test]
    fn wire_tags_of_the_title_are_not_the_story() {
        let plain = sig(Some("Acme raises forecast"), STORY);
        for tagged in [
            "UPDATE 2-Acme raises forecast",
            "RPT-UPDATE 1-Acme raises forecast",
            "CORRECTED: Acme raises forecast",
        ] {
            assert_eq!(plain, sig(Some(tagged), STORY), "{tagged}");
        }
        // A capitalised first word is not a tag.
        assert_eq!(
            strip_wire_tags("IBM-Red Hat deal closes"),
            "IBM-Red Hat deal closes"
        );
    }

    #[test]
    fn a_trimmed_copy_is_held_by_the_whole_but_not_the_reverse() {
        let whole = sig(None, STORY);
        let half = sig(None, &STORY[..STORY.len() / 2]);
        assert!(half.held_by(&whole) > 0.85, "{}", half.held_by(&whole));
        assert!(whole.held_by(&half) < 0.7, "{}", whole.held_by(&half));
    }

    #[test]
    fn unrelated_texts_share_almost_nothing() {
        let other = "Central bank officials left interest rates unchanged and signalled \
            that inflation would ease next year as energy prices fall and wage growth slows.";
        assert!(sig(None, STORY).jaccard(&sig(None, other)) < 0.05);
    }

    #[test]
    fn one_template_with_other_names_and_figures_shares_few_of_them() {
        let notice = |company: &str, amount: &str, day: &str| {
            format!(
                "{company} today announced that its Board of Directors has declared a \
                quarterly cash dividend of {amount} per share, payable on March {day}, 2025, to \
                shareholders of record at the close of business. {company} has paid a dividend \
                for many consecutive quarters."
            )
        };
        let a = sig(None, &notice("Northwind Traders", "$0.42", "14"));
        let b = sig(None, &notice("Contoso Pharma", "$1.10", "21"));
        assert!(
            a.held_by(&b) > 0.6,
            "the template is shared: {}",
            a.held_by(&b)
        );
        let names = a.names_held_by(&b, |_| 1.0).expect("names");
        assert!(names < 0.6, "{names}");
        let copy = sig(
            Some("Northwind dividend"),
            &notice("Northwind Traders", "$0.42", "14"),
        );
        assert_eq!(a.names_held_by(&copy, |_| 1.0), Some(1.0));
    }

    #[test]
    fn a_long_texts_names_are_sampled_and_still_compared() {
        let names: Vec<String> = (0..400).map(|i| format!("Name{i}")).collect();
        let whole = sig(None, &names.join(" "));
        let half = sig(None, &names[..200].join(" "));
        assert!(!whole.all_names && whole.names.len() == NAMES);
        let held = half.names_held_by(&whole, |_| 1.0).expect("names");
        assert!(held > 0.95, "{held}");
        let back = whole.names_held_by(&half, |_| 1.0).expect("names");
        assert!((0.3..0.7).contains(&back), "{back}");
    }

    #[test]
    fn a_text_without_words_has_no_fingerprint() {
        assert!(Signature::of(Some(" -- "), "... !!").is_none());
        assert_eq!(sig(None, "Up").shingles, 1);
    }
}
