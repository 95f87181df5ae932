//! A sentence cut into stretches: each mention of a known quantity opens one, which runs to
//! the next quantity (or the words before it that belong to it), the end of the sentence or
//! a clause giving a cause, and holds what the reader sees there as [`Item`]s.

use crate::figures::tokens::{Figure, Kind, Token, word_at};
use crate::figures::words::{self, Quantity, Way};

/// A mention of a known quantity: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) quantity: Quantity,
}

/// The longest known quantity starting at each word, left to right, without overlaps.
pub(super) fn mentions(tokens: &[Token]) -> Vec<Mention> {
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

/// One item of a quantity's stretch, as the reader sees it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Item {
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
pub(super) fn stretch(tokens: &[Token], found: &[Mention], k: usize) -> (Vec<Item>, usize) {
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
