//! What the items of one quantity's stretch state about it: the ways, sizes and judgements
//! said, and the level figures on either side of each comparison ([`gather`], a walk over
//! the items), then whether they agree on one change ([`decide`]).

use super::Reading;
use super::stretch::Item;
use crate::figures::Change;
use crate::figures::tokens::{Figure, Kind};
use crate::figures::words::{Quantity, Way};

/// Figures within this share of each other, or a move of at most this share, are flat.
const FLAT: f64 = 0.01;
/// A move in percentage points (margins, ratios) at most this large is flat (5 bps).
const FLAT_POINTS: f64 = 0.05;

/// How big a move is, to tell a flat one.
#[derive(Debug, Clone, Copy)]
enum Size {
    Percent(f64),
    Points(f64),
    /// An amount ("by $2 million") or a multiple: never flat.
    Other,
}

impl Size {
    fn of(f: &Figure) -> Size {
        match f.kind {
            Kind::Percent => Size::Percent(f.value.abs()),
            Kind::Points => Size::Points(f.value.abs()),
            _ => Size::Other,
        }
    }

    fn flat(self) -> bool {
        match self {
            Size::Percent(p) => p <= FLAT * 100.0,
            Size::Points(p) => p <= FLAT_POINTS,
            Size::Other => false,
        }
    }
}

/// A figure stated as a level (not as the size of a move), and whether it is a loss.
#[derive(Debug, Clone, Copy)]
struct Level {
    figure: Figure,
    loss: bool,
    /// Written right after "to": the later figure of "from B to A".
    after_to: bool,
}

impl Level {
    /// Its value, losses below zero, in the scale `scale` when it has none of its own.
    fn value(&self, scale: Option<f64>) -> f64 {
        let v = match (self.figure.bare, self.figure.scale, scale) {
            (true, None, Some(s)) if self.figure.value.abs() < 1000.0 => self.figure.value * s,
            _ => self.figure.value,
        };
        if self.loss { -v } else { v }
    }
}

/// Which way the later figure `now` went from `before`, when the two measure the same kind
/// of thing.
fn compare(now: &Level, before: &Level) -> Option<Way> {
    let (a, b) = (now.figure, before.figure);
    let same = a.kind == b.kind
        || (a.bare || b.bare)
        || matches!(
            (a.kind, b.kind),
            (Kind::Plain, Kind::PerShare) | (Kind::PerShare, Kind::Plain)
        );
    if !same {
        return None;
    }
    let (x, y) = (now.value(b.scale), before.value(a.scale));
    let scale = x.abs().max(y.abs());
    Some(if scale == 0.0 || (x - y).abs() <= FLAT * scale {
        Way::Flat
    } else if x > y {
        Way::Up
    } else {
        Way::Down
    })
}

/// What the items of one quantity's stretch say about it.
pub(super) fn read_stretch(items: &[Item], quantity: Quantity) -> Reading {
    decide(gather(items, quantity), quantity)
}

/// What a stretch states, in the order it says it.
#[derive(Debug, Default)]
struct Statements {
    ways: Vec<Way>,
    sizes: Vec<Size>,
    judgements: Vec<bool>,
    /// A word that says "flat" ("unchanged", "steady").
    flat_word: bool,
    /// Level figures before the first comparison, then after each comparison.
    segments: Vec<Vec<Level>>,
}

/// The walk over a stretch's items: what it has gathered, and what the items just read
/// say about the next one.
struct Walk<'a> {
    items: &'a [Item],
    quantity: Quantity,
    said: Statements,
    /// Items since the last comparison.
    since_comparison: usize,
    /// "a loss of" or "a profit of" since the last comparison: the kind of the figures.
    marker: Option<bool>,
    /// A way just read, which a figure right after it sizes.
    pending_way: Option<Way>,
    /// The item before was "to".
    after_to: bool,
}

/// Reads a stretch's items left to right into what they state.
fn gather(items: &[Item], quantity: Quantity) -> Statements {
    let mut walk = Walk {
        items,
        quantity,
        said: Statements {
            segments: vec![Vec::new()],
            ..Statements::default()
        },
        since_comparison: usize::MAX,
        marker: None,
        pending_way: None,
        after_to: false,
    };
    for at in 0..items.len() {
        walk.step(at);
    }
    walk.said
}

impl Walk<'_> {
    /// Reads item `at`.
    fn step(&mut self, at: usize) {
        self.since_comparison = self.since_comparison.saturating_add(1);
        match self.items[at] {
            Item::Quantity | Item::Filler => return,
            Item::Way(Way::Flat, _) => {
                self.said.flat_word = true;
                self.pending_way = None;
            }
            Item::Way(way, size) => {
                self.said.ways.push(way);
                if let Some(p) = size {
                    self.said.sizes.push(Size::Percent(p));
                }
                self.pending_way = Some(way);
            }
            Item::Figure(f) => {
                self.figure(at, f);
                self.pending_way = None;
            }
            Item::Comparison => {
                self.said.segments.push(Vec::new());
                self.since_comparison = 0;
                self.marker = None;
                self.pending_way = None;
            }
            Item::Marker(loss) => self.marker = Some(loss),
            Item::To => {
                self.pending_way = None;
                self.after_to = true;
                return;
            }
            Item::Judgement(good) => {
                self.said.judgements.push(good);
                self.pending_way = None;
            }
            Item::Plain | Item::Break => self.pending_way = None,
        }
        self.after_to = false;
    }

    /// Reads the figure at `at`: the size of a way, a signed move, or a level.
    fn figure(&mut self, at: usize, f: Figure) {
        let sizing = matches!(f.kind, Kind::Percent | Kind::Points);
        if self.pending_way.is_some() {
            self.said.sizes.push(Size::of(&f));
        } else if sizing && f.signed {
            let way = if f.value < 0.0 { Way::Down } else { Way::Up };
            self.said.ways.push(way);
            self.said.sizes.push(Size::of(&f));
        } else if sizing && self.sized_by_next(at).is_some() {
            // The way itself is counted when it comes; it has its size.
            self.said.sizes.push(Size::of(&f));
        } else {
            let year = f.whole && (1900.0..=2100.0).contains(&f.value);
            let segments = &mut self.said.segments;
            let first_after_comparison = segments.len() > 1
                && self.since_comparison <= 3
                && segments.last().is_some_and(Vec::is_empty);
            if !f.whole || (first_after_comparison && !year) {
                let loss = self.marker.unwrap_or(self.quantity == Quantity::Loss);
                if let Some(segment) = segments.last_mut() {
                    segment.push(Level {
                        figure: f,
                        loss,
                        after_to: self.after_to,
                    });
                }
            }
        }
    }

    /// The way a percentage at `at` is the size of, when one comes next ("a 12% increase").
    fn sized_by_next(&self, at: usize) -> Option<Way> {
        self.items[at + 1..]
            .iter()
            .find(|it| !matches!(it, Item::Filler))
            .and_then(|it| match it {
                Item::Way(way, _) if *way != Way::Flat => Some(*way),
                _ => None,
            })
    }
}

/// Whether what a stretch states agrees on one change of its quantity.
fn decide(said: Statements, quantity: Quantity) -> Reading {
    if quantity == Quantity::Unjudged {
        let moved = !said.ways.is_empty()
            || said.flat_word
            || !said.judgements.is_empty()
            || !said.sizes.is_empty()
            || said.segments.iter().flatten().next().is_some();
        return if moved {
            Reading::Refuse
        } else {
            Reading::Silent
        };
    }
    // Ways are said of the quantity as named: a loss that widened went down in value.
    let ways = said.ways.iter().map(|&w| match (quantity, w) {
        (Quantity::Loss, Way::Up) => Way::Down,
        (Quantity::Loss, Way::Down) => Way::Up,
        _ => w,
    });
    let Some(pair_ways) = pair_ways(&said.segments) else {
        return Reading::Refuse;
    };
    let moving: Vec<Way> = ways
        .chain(pair_ways.iter().copied())
        .filter(|w| *w != Way::Flat)
        .collect();
    if moving.contains(&Way::Up) && moving.contains(&Way::Down) {
        return Reading::Refuse;
    }
    let Some(firm) = firm_way(&said, &pair_ways, &moving) else {
        return Reading::Refuse;
    };
    let change = |way: Way| match (way, quantity) {
        (Way::Flat, _) => Change::Flat,
        (Way::Up, Quantity::Bad)
        | (Way::Down, Quantity::Profit | Quantity::Loss | Quantity::Good) => Change::Worse,
        _ => Change::Better,
    };
    let reading = match (firm, moving.first()) {
        (Some(way), _) => Reading::Firm(change(way)),
        (None, Some(&way)) => Reading::Hint(change(way)),
        (None, None) => match said.judgements.first() {
            Some(true) => Reading::Hint(Change::Better),
            Some(false) => Reading::Hint(Change::Worse),
            None => Reading::Silent,
        },
    };
    let judged = |c: Change| {
        said.judgements
            .iter()
            .all(|&good| c == if good { Change::Better } else { Change::Worse })
    };
    match reading {
        Reading::Firm(c) | Reading::Hint(c) if !judged(c) => Reading::Refuse,
        r => r,
    }
}

/// The way of each pair of level figures (now, before) the segments hold: the figures
/// before a comparison against as many after it, or "from B to A" after one. `None` when
/// the figures do not pair up, or a pair measures two kinds of thing.
fn pair_ways(segments: &[Vec<Level>]) -> Option<Vec<Way>> {
    let pre = &segments[0];
    let active: Vec<&Vec<Level>> = segments[1..].iter().filter(|s| !s.is_empty()).collect();
    let pairs: Vec<(&Level, &Level)> = match active.as_slice() {
        [] => Vec::new(),
        [post] if pre.is_empty() && post.len() == 2 && post[1].after_to => {
            vec![(&post[1], &post[0])]
        }
        [post] if pre.len() == post.len() => pre.iter().zip(post.iter()).collect(),
        _ => return None,
    };
    pairs
        .into_iter()
        .map(|(now, before)| compare(now, before))
        .collect()
}

/// The way the figures and sizes settle, if they do (`Some(None)`: they settle nothing);
/// `None` when they disagree with each other or with a word that says "flat".
fn firm_way(said: &Statements, pair_ways: &[Way], moving: &[Way]) -> Option<Option<Way>> {
    let sizes = &said.sizes;
    Some(if let Some(&first) = pair_ways.first() {
        if pair_ways.iter().any(|w| *w != first)
            || (first == Way::Flat && sizes.iter().any(|s| !s.flat()))
            || (first != Way::Flat && said.flat_word)
        {
            return None;
        }
        Some(first)
    } else if !sizes.is_empty() {
        let &way = moving.first()?;
        if sizes.iter().all(|s| s.flat()) {
            Some(Way::Flat)
        } else if sizes.iter().any(|s| s.flat()) || said.flat_word {
            return None;
        } else {
            Some(way)
        }
    } else if said.flat_word && moving.is_empty() && !said.segments[0].is_empty() {
        Some(Way::Flat)
    } else {
        None
    })
}
