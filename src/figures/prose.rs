//! Figure comparisons in wire and press-release prose: "net income of $1.2 billion, compared
//! with $1.5 billion a year earlier", "revenue rose to $5.2 billion from $4.9 billion",
//! "(prior-year quarter: $3.1 million)", "costs rose 12%", "net interest margin narrowed 12
//! basis points", "net loss of $3 million, compared with a loss of $5 million".
//!
//! The text is cut into words and figures; each mention of a quantity the reader knows
//! ([`words::QUANTITIES`]) opens a stretch that runs to the next quantity, the end of the
//! sentence, or a clause giving a cause ("as", "on", "after"). In its stretch the reader
//! looks for a current and an earlier figure on either side of a comparison ("compared with",
//! "from", "versus", "than", "(2023: ...)"), and for a way ("rose", "narrowed", "down") with a
//! size ("12%", "150 basis points", "doubled"). Loss figures count below zero, so a smaller
//! loss reads as better. Figures within 1 % of each other, or a move of at most 1 %, are flat.
//!
//! It answers only when every quantity it can read agrees, at least one has figures, nothing
//! contradicts (a way against the figures, a cost rising beside a profit rising), and the
//! sentence has no contrast, hedge, negation or comparison with expectations
//! ([`words::refuses`]). Otherwise it returns `None` and the model's probabilities stand.

use super::Change;
use super::tokens::{Figure, Kind, Token, tokenize, word_at};
use super::words::{self, Quantity, Way};

/// Longer texts are left to the model: a reader of one comparison has no business there.
const LONGEST: usize = 600;
/// Figures within this share of each other, or a move of at most this share, are flat.
const FLAT: f64 = 0.01;
/// A move in percentage points (margins, ratios) at most this large is flat (5 bps).
const FLAT_POINTS: f64 = 0.05;

/// A mention of a known quantity: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Mention {
    start: usize,
    end: usize,
    quantity: Quantity,
}

/// The longest known quantity starting at each word, left to right, without overlaps.
fn mentions(tokens: &[Token]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut best: Option<Mention> = None;
        for (quantity, phrases) in words::QUANTITIES {
            for phrase in *phrases {
                let n = phrase.split(' ').count();
                let fits = phrase
                    .split(' ')
                    .enumerate()
                    .all(|(k, w)| word_at(tokens, i + k) == Some(w));
                if fits && best.is_none_or(|b| n > b.end - b.start) {
                    best = Some(Mention {
                        start: i,
                        end: i + n,
                        quantity: *quantity,
                    });
                }
            }
        }
        match best {
            Some(m) => {
                found.push(m);
                i = m.end;
            }
            None => i += 1,
        }
    }
    found
}

/// What one quantity's stretch of the sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Nothing about a change.
    Silent,
    /// A way without figures ("as costs fell", "on higher costs"): it cannot answer, but it
    /// can contradict.
    Hint(Change),
    /// Figures that say which way, and how much.
    Firm(Change),
    /// Something the reader cannot square: the whole sentence is left to the model.
    Refuse,
}

/// One item of a quantity's stretch, as the reader sees it.
#[derive(Debug, Clone, Copy)]
enum Item {
    /// The quantity itself.
    Quantity,
    Figure(Figure),
    /// A way, and for "doubled" and the like its size in per cent.
    Way(Way, Option<f64>),
    Judgement(bool),
    /// A comparison: what follows is the earlier figure.
    Comparison,
    /// "a loss of" (`true`) or "a profit of" inside a profit or loss stretch: the figures
    /// after it, up to the next comparison, are of that kind.
    Marker(bool),
    /// "to", between the two figures of "from B to A".
    To,
    /// A word between a way and its size that says nothing ("rose by about 12%").
    Filler,
    /// Any other word: it keeps a way from reaching a figure ("rose to $5bn").
    Plain,
    /// Separates; it stops a way reaching a figure.
    Break,
}

/// How the figures of `text` changed, when it is a sentence that compares one kind of
/// reported figure clearly.
pub(super) fn read(text: &str) -> Option<Change> {
    if text.len() > LONGEST {
        return None;
    }
    let tokens = tokenize(text);
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Word(w) if words::refuses(w)))
        // "may" the modal; "May" the month
        || text.split(|c: char| !c.is_alphanumeric()).any(|w| w == "may")
    {
        return None;
    }
    let found = mentions(&tokens);
    let mut answer: Option<Change> = None;
    let mut hints = Vec::new();
    let mut k = 0;
    while k < found.len() {
        let m = found[k];
        let (items, next) = stretch(&tokens, &found, k);
        k = next;
        match read_stretch(&items, m.quantity) {
            Reading::Silent => {}
            Reading::Hint(c) => hints.push(c),
            Reading::Firm(c) => {
                if answer.is_some_and(|a| a != c) {
                    return None;
                }
                answer = Some(c);
            }
            Reading::Refuse => return None,
        }
    }
    let answer = answer?;
    hints.iter().all(|h| *h == answer).then_some(answer)
}

/// Whether the mention `m` of a profit or a loss, inside the stretch of another, only says
/// of what kind the next figure is ("compared with a loss of $5 million").
fn is_marker(tokens: &[Token], m: &Mention, owner: Quantity) -> bool {
    let results = |q| matches!(q, Quantity::Profit | Quantity::Loss);
    if !results(owner) || !results(m.quantity) {
        return false;
    }
    let mut i = m.end;
    while matches!(
        word_at(tokens, i),
        Some("of" | "was" | "at" | "totaling" | "totalling")
    ) {
        i += 1;
    }
    matches!(tokens.get(i), Some(Token::Figure(_)))
}

/// The items of the stretch of mention `found[k]`, with the words just before it that belong
/// to it ("a 12% rise in revenue", "cut its costs"), and the index of the next mention that
/// opens a stretch of its own.
fn stretch(tokens: &[Token], found: &[Mention], k: usize) -> (Vec<Item>, usize) {
    let m = found[k];
    let floor = if k == 0 { 0 } else { found[k - 1].end };
    let mut items: Vec<Item> = lead_in(tokens, m.start, floor)
        .iter()
        .map(|&t| item(tokens, t, true))
        .collect();
    items.push(Item::Quantity);
    let mut next = k + 1;
    let mut i = m.end;
    while i < tokens.len() {
        if let Some(other) = found.get(next)
            && other.start == i
        {
            if is_marker(tokens, other, m.quantity) {
                items.push(Item::Marker(other.quantity == Quantity::Loss));
                i = other.end;
                next += 1;
                continue;
            }
            // The next quantity's lead-in ends this stretch.
            break;
        }
        if let Some(other) = found.get(next)
            && lead_in(tokens, other.start, i).first() == Some(&i)
        {
            break;
        }
        match &tokens[i] {
            Token::Stop => break,
            Token::Word(w)
                if words::ends_clause(w)
                    && !(w == "on" && word_at(tokens, i.wrapping_sub(1)) == Some("year")) =>
            {
                break;
            }
            _ => {}
        }
        // "(prior-year quarter: $3.1 million)", "(2023: $4bn)"
        if matches!(tokens[i], Token::Open)
            && let Some(colon) =
                (i + 1..tokens.len().min(i + 8)).find(|&j| matches!(tokens[j], Token::Colon))
            && (i + 1..colon).all(|j| {
                matches!(tokens[j], Token::Word(_))
                    || matches!(tokens[j], Token::Figure(f) if f.whole)
            })
        {
            items.push(Item::Comparison);
            i = colon + 1;
            continue;
        }
        // "compared with", "compares to": one comparison, two words.
        if matches!(
            word_at(tokens, i),
            Some("compared" | "compares" | "comparing" | "comparison")
        ) && matches!(word_at(tokens, i + 1), Some("with" | "to"))
        {
            items.push(Item::Comparison);
            i += 2;
            continue;
        }
        items.push(item(tokens, i, i == m.end));
        i += 1;
    }
    (items, next)
}

/// The tokens just before a mention that belong to it: fillers, ways, and the size of a way
/// ("a 12% rise in"), back to `floor` and no further than six tokens.
fn lead_in(tokens: &[Token], start: usize, floor: usize) -> Vec<usize> {
    let mut j = start;
    while j > floor && start - j < 6 {
        let t = &tokens[j - 1];
        let takes = match t {
            Token::Word(w) => {
                (words::filler(w) && w != "by" && w != "than" && w != "more")
                    || words::direction(w).is_some()
                    || words::judgement(w).is_some()
            }
            Token::Figure(f) => {
                matches!(f.kind, Kind::Percent | Kind::Points)
                    && word_at(tokens, j).and_then(words::direction).is_some()
            }
            _ => false,
        };
        if !takes {
            break;
        }
        j -= 1;
    }
    // A lead-in that says nothing is no lead-in: "and the" before "revenue".
    while j < start
        && matches!(&tokens[j], Token::Word(w) if words::filler(w) && words::direction(w).is_none())
    {
        j += 1;
    }
    (j..start).collect()
}

/// What token `i` is to the reader. `free`: a way word needs no link before it (it is
/// just before or just after the quantity: "lower costs", "revenue up 12%").
fn item(tokens: &[Token], i: usize, free: bool) -> Item {
    match &tokens[i] {
        Token::Figure(f) => Item::Figure(*f),
        Token::Word(w) => match w.as_str() {
            "versus" | "vs" | "against" | "from" => Item::Comparison,
            "than"
                if !matches!(
                    word_at(tokens, i.wrapping_sub(1)),
                    Some("more" | "less" | "fewer" | "rather" | "other")
                ) =>
            {
                Item::Comparison
            }
            "to" => Item::To,
            _ => {
                if let Some(good) = words::judgement(w) {
                    return Item::Judgement(good);
                }
                match words::direction(w) {
                    // "up", "down", "higher", "lower", "flat" say a way only after a link
                    // ("was up 12%"), a figure ("12% higher") or a comma, or next to the
                    // quantity; otherwise they may belong to a phrasal verb ("made up").
                    Some((way, size))
                        if free
                            || !matches!(
                                w.as_str(),
                                "up" | "down" | "higher" | "lower" | "flat"
                            )
                            || match i.checked_sub(1).map(|p| &tokens[p]) {
                                Some(Token::Word(p)) => words::links(p),
                                Some(Token::Figure(_) | Token::Comma | Token::Open) | None => true,
                                _ => false,
                            } =>
                    {
                        Item::Way(way, size)
                    }
                    Some(_) => Item::Plain,
                    None if words::filler(w) => Item::Filler,
                    None => Item::Plain,
                }
            }
        },
        Token::Comma | Token::Open => Item::Break,
        _ => Item::Plain,
    }
}

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
fn read_stretch(items: &[Item], quantity: Quantity) -> Reading {
    let mut ways: Vec<Way> = Vec::new();
    let mut sizes: Vec<Size> = Vec::new();
    let mut judgements: Vec<bool> = Vec::new();
    let mut flat_word = false;
    // Level figures before the first comparison, then after each comparison.
    let mut segments: Vec<Vec<Level>> = vec![Vec::new()];
    let mut since_comparison = usize::MAX;
    let mut marker: Option<bool> = None;
    let mut pending_way: Option<Way> = None;
    let mut after_to = false;
    // A percentage just before a way ("a 12% increase") is the way's size.
    let sized_by_next = |at: usize| {
        items[at + 1..]
            .iter()
            .find(|it| !matches!(it, Item::Filler))
            .and_then(|it| match it {
                Item::Way(way, _) if *way != Way::Flat => Some(*way),
                _ => None,
            })
    };
    for (at, it) in items.iter().enumerate() {
        since_comparison = since_comparison.saturating_add(1);
        match *it {
            Item::Quantity | Item::Filler => continue,
            Item::Way(Way::Flat, _) => {
                flat_word = true;
                pending_way = None;
            }
            Item::Way(way, size) => {
                ways.push(way);
                if let Some(p) = size {
                    sizes.push(Size::Percent(p));
                }
                pending_way = Some(way);
            }
            Item::Figure(f) => {
                let sizing = matches!(f.kind, Kind::Percent | Kind::Points);
                if pending_way.is_some() {
                    sizes.push(Size::of(&f));
                } else if sizing && f.signed {
                    ways.push(if f.value < 0.0 { Way::Down } else { Way::Up });
                    sizes.push(Size::of(&f));
                } else if sizing && sized_by_next(at).is_some() {
                    sizes.push(Size::of(&f));
                    // The way itself is counted when it comes; it has its size.
                    pending_way = None;
                    after_to = false;
                    continue;
                } else {
                    let year = f.whole && (1900.0..=2100.0).contains(&f.value);
                    let first_after_comparison = segments.len() > 1
                        && since_comparison <= 3
                        && segments.last().is_some_and(Vec::is_empty);
                    if !f.whole || (first_after_comparison && !year) {
                        let loss = marker.unwrap_or(quantity == Quantity::Loss);
                        if let Some(segment) = segments.last_mut() {
                            segment.push(Level {
                                figure: f,
                                loss,
                                after_to,
                            });
                        }
                    }
                }
                pending_way = None;
            }
            Item::Comparison => {
                segments.push(Vec::new());
                since_comparison = 0;
                marker = None;
                pending_way = None;
            }
            Item::Marker(loss) => marker = Some(loss),
            Item::To => {
                pending_way = None;
                after_to = true;
                continue;
            }
            Item::Judgement(good) => {
                judgements.push(good);
                pending_way = None;
            }
            Item::Plain | Item::Break => pending_way = None,
        }
        after_to = false;
    }

    if quantity == Quantity::Unjudged {
        let moved = !ways.is_empty()
            || flat_word
            || !judgements.is_empty()
            || !sizes.is_empty()
            || segments.iter().flatten().next().is_some();
        return if moved {
            Reading::Refuse
        } else {
            Reading::Silent
        };
    }
    // Ways are said of the quantity as named: a loss that widened went down in value.
    let ways: Vec<Way> = ways
        .into_iter()
        .map(|w| match (quantity, w) {
            (Quantity::Loss, Way::Up) => Way::Down,
            (Quantity::Loss, Way::Down) => Way::Up,
            _ => w,
        })
        .collect();

    let pre = &segments[0];
    let active: Vec<&Vec<Level>> = segments[1..].iter().filter(|s| !s.is_empty()).collect();
    let pairs: Vec<(&Level, &Level)> = match active.as_slice() {
        [] => Vec::new(),
        [post] if pre.is_empty() && post.len() == 2 && post[1].after_to => {
            vec![(&post[1], &post[0])]
        }
        [post] if pre.len() == post.len() => pre.iter().zip(post.iter()).collect(),
        _ => return Reading::Refuse,
    };
    let mut pair_ways = Vec::new();
    for (now, before) in pairs {
        match compare(now, before) {
            Some(w) => pair_ways.push(w),
            None => return Reading::Refuse,
        }
    }
    let moving: Vec<Way> = ways
        .iter()
        .chain(pair_ways.iter())
        .copied()
        .filter(|w| *w != Way::Flat)
        .collect();
    if moving.contains(&Way::Up) && moving.contains(&Way::Down) {
        return Reading::Refuse;
    }
    let firm = if let Some(&first) = pair_ways.first() {
        if pair_ways.iter().any(|w| *w != first)
            || (first == Way::Flat && sizes.iter().any(|s| !s.flat()))
            || (first != Way::Flat && flat_word)
        {
            return Reading::Refuse;
        }
        Some(first)
    } else if !sizes.is_empty() {
        let Some(&way) = moving.first() else {
            return Reading::Refuse;
        };
        if sizes.iter().all(|s| s.flat()) {
            Some(Way::Flat)
        } else if sizes.iter().any(|s| s.flat()) || flat_word {
            return Reading::Refuse;
        } else {
            Some(way)
        }
    } else if flat_word && moving.is_empty() && !pre.is_empty() {
        Some(Way::Flat)
    } else {
        None
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
        (None, None) => match judgements.first() {
            Some(true) => Reading::Hint(Change::Better),
            Some(false) => Reading::Hint(Change::Worse),
            None => Reading::Silent,
        },
    };
    let judged = |c: Change| {
        judgements
            .iter()
            .all(|&good| c == if good { Change::Better } else { Change::Worse })
    };
    match reading {
        Reading::Firm(c) | Reading::Hint(c) if !judged(c) => Reading::Refuse,
        r => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Change::{Better, Flat, Worse};

    fn check(cases: &[(&str, Option<Change>)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(text, expected)| read(text) != *expected)
            .map(|(text, expected)| format!("{text}: {:?}, expected {expected:?}", read(text)))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn comparisons_with_an_earlier_period() {
        check(&[
            (
                "Net income was $1.2 billion, compared with $1.5 billion a year earlier.",
                Some(Worse),
            ),
            (
                "The bank reported net income of $1.2 billion, compared with $980 million a year earlier.",
                Some(Better),
            ),
            (
                "Quarterly revenue came in at 4.51 billion euros versus 4.12 billion euros in the year-ago period.",
                Some(Better),
            ),
            (
                "Net profit attributable to shareholders was 312 million Swiss francs (prior-year quarter: 355 million).",
                Some(Worse),
            ),
            ("Revenue: $5.2 billion (2023: $4.8 billion)", Some(Better)),
            (
                "It earned $84 million, or 41 cents a share, in the third quarter, compared with $61 million, or 30 cents a share, a year earlier.",
                None,
            ),
            (
                "Net income rose to $84 million, or 41 cents a share, from $61 million, or 30 cents a share, a year earlier.",
                Some(Better),
            ),
            (
                "Adjusted earnings per share were $1.12 vs. $1.31 in the prior-year quarter.",
                Some(Worse),
            ),
            ("EPS of $1.20 compared with 95 cents.", Some(Better)),
            (
                "Operating profit came in at 2.14 billion crowns, down from 2.6 billion crowns.",
                Some(Worse),
            ),
            (
                "Turnover of 1.21 billion pounds was higher than the 1.1 billion pounds recorded a year earlier.",
                Some(Better),
            ),
        ]);
    }

    #[test]
    fn rises_and_falls_with_figures() {
        check(&[
            (
                "Revenue rose to $5.2 billion from $4.9 billion.",
                Some(Better),
            ),
            (
                "Fourth-quarter sales fell 8% to 3.4 billion euros from 3.7 billion euros.",
                Some(Worse),
            ),
            (
                "Revenue grew from $3.1 billion to $3.6 billion.",
                Some(Better),
            ),
            ("Net income rose 12% to $430 million.", Some(Better)),
            (
                "Same-store sales declined 4.2% in the quarter.",
                Some(Worse),
            ),
            ("Comparable sales were up 3.5%.", Some(Better)),
            ("Group revenue was down 6 percent on the year.", Some(Worse)),
            (
                "Core profit more than doubled to 1.1 billion rupees.",
                Some(Better),
            ),
            (
                "The company raised its quarterly dividend by 10%.",
                Some(Better),
            ),
            (
                "The board raised the quarterly dividend to 25 cents a share from 22 cents.",
                Some(Better),
            ),
            (
                "The retailer cut its dividend to 10 pence from 20 pence.",
                Some(Worse),
            ),
            ("Orders jumped 23% year-on-year.", Some(Better)),
            (
                "The company reported a 15% rise in first-half revenue.",
                Some(Better),
            ),
            ("Revenue rose to $5.2 billion.", None),
            ("Sales fell sharply.", None),
        ]);
    }

    #[test]
    fn losses_count_below_zero() {
        check(&[
            (
                "The company posted a net loss of $3 million, compared with a loss of $5 million a year earlier.",
                Some(Better),
            ),
            (
                "Net loss widened to $48 million from $21 million.",
                Some(Worse),
            ),
            (
                "Its operating loss narrowed 40% in the quarter.",
                Some(Better),
            ),
            (
                "Adjusted loss per share improved to 2 cents from 8 cents.",
                Some(Better),
            ),
            (
                "The insurer swung to a net profit of 45 million euros from a loss of 12 million euros.",
                Some(Better),
            ),
            (
                "The airline swung to a loss of $120 million from a profit of $85 million.",
                Some(Worse),
            ),
            (
                "Net income fell to a loss of $3 million from a profit of $2 million.",
                Some(Worse),
            ),
            (
                "Net loss of $7.1 million compared with net income of $2.4 million in the prior-year period.",
                Some(Worse),
            ),
            ("Net loss widened to $48 million from $52 million.", None),
        ]);
    }

    #[test]
    fn costs_debt_and_bad_loans_up_is_bad() {
        check(&[
            ("Operating expenses rose 9% to $2.3 billion.", Some(Worse)),
            (
                "Net debt was reduced to 3.1 billion euros from 4.0 billion euros.",
                Some(Better),
            ),
            (
                "Loan-loss provisions climbed to $1.9 billion from $1.1 billion.",
                Some(Worse),
            ),
            (
                "Gross NPAs fell to 2.1% of total loans from 2.5% a year earlier.",
                Some(Better),
            ),
            (
                "The cost-to-income ratio rose to 58.2% from 55.0%.",
                Some(Worse),
            ),
            (
                "Impairment charges halved to 300 million pounds.",
                Some(Better),
            ),
            ("Net charge-offs increased 35 basis points.", Some(Worse)),
            ("The company cut its costs by $200 million.", Some(Better)),
            (
                "Net interest margin narrowed 12 basis points to 1.84%.",
                Some(Worse),
            ),
            (
                "Gross margin expanded 150 basis points to 42.3%.",
                Some(Better),
            ),
        ]);
    }

    #[test]
    fn small_moves_are_flat() {
        check(&[
            ("Revenue rose 0.4% to $12.1 billion.", Some(Flat)),
            (
                "Net income was $502 million, compared with $500 million a year earlier.",
                Some(Flat),
            ),
            (
                "The quarterly dividend was unchanged at 18 cents a share.",
                Some(Flat),
            ),
            ("Sales were flat at 2.2 billion euros.", Some(Flat)),
            ("Operating margin edged up 3 basis points.", Some(Flat)),
            ("Costs fell 1.5%.", Some(Better)),
        ]);
    }

    #[test]
    fn several_quantities_must_agree() {
        check(&[
            (
                "Revenue rose 8% to $3.2 billion and net income climbed 15% to $410 million.",
                Some(Better),
            ),
            (
                "Revenue rose to $3.2 billion from $2.9 billion, and net loss narrowed to $10 million from $25 million.",
                Some(Better),
            ),
            (
                "Net income fell to $3 million from $5 million on higher costs.",
                Some(Worse),
            ),
            (
                "Revenue rose 8% to $3.2 billion and costs climbed 12%.",
                None,
            ),
            (
                "Net income rose to $5 million from $3 million as costs increased.",
                None,
            ),
            (
                "Revenue rose to $3.2 billion from $2.9 billion, but net income fell 10%.",
                None,
            ),
            (
                "Although sales climbed 5%, operating profit fell to $80 million from $95 million.",
                None,
            ),
            (
                "Sales of $5 billion and net income of $300 million compared with $4.5 billion and $250 million.",
                None,
            ),
        ]);
    }

    #[test]
    fn what_it_leaves_to_the_model() {
        check(&[
            // Against expectations, not an earlier period: the surprise decides.
            (
                "Net income of $1.2 billion beat analysts' estimates of $1.1 billion.",
                None,
            ),
            (
                "The operating loss was less than feared, and its shares jumped 9%.",
                None,
            ),
            // Quantities it does not judge.
            ("Brent crude futures rose 6 cents to $82.10 a barrel.", None),
            (
                "Nestle shares edged 0.2% lower, in line with the market.",
                None,
            ),
            ("Capital spending rose to $4 billion from $3 billion.", None),
            ("The effective tax rate rose to 24% from 21%.", None),
            (
                "Net income rose to $5 million from $3 million and its shares fell 4%.",
                None,
            ),
            // Hedged, conditional, negated.
            ("Revenue could fall 10% next year.", None),
            ("Net income did not rise from $3 million.", None),
            ("Revenue may fall 5% this year.", None),
            // A figure with no comparison, and no figure at all.
            ("Net income was $1.2 billion.", None),
            ("The company reported a net loss for the quarter.", None),
            ("Costs made up 40% of revenue.", None),
            // A way that contradicts the figures.
            ("Revenue rose to $4.1 billion from $4.5 billion.", None),
            // Two earlier figures for one current one.
            (
                "Net income rose to $5 million from $4 million and $3.5 million two years ago.",
                None,
            ),
            // Percentages of different things.
            ("Revenue of $5 billion compared with 12%.", None),
            ("", None),
        ]);
    }

    #[test]
    fn years_and_dates_are_not_figures() {
        check(&[
            (
                "Revenue for fiscal 2024 rose to $8.1 billion from $7.6 billion in 2023.",
                Some(Better),
            ),
            (
                "Net income in the nine months to Sept. 30 rose to 14.2 million euros from 11.9 million euros.",
                Some(Better),
            ),
            ("Revenue rose to 52 million from 49.", Some(Better)),
        ]);
    }

    #[test]
    fn long_and_odd_input_is_refused_quickly() {
        let long = "revenue rose 5% and ".repeat(40);
        assert_eq!(read(&long), None);
        let odd = "Net income ((((( $$$ 1,2,3,, vs vs vs : : from from 1e9 −−5% ";
        assert_eq!(read(odd), None);
        let digits = "1".repeat(400);
        assert_eq!(read(&format!("Revenue rose to {digits} from 5")), None);
    }
}
