//! The figure lines of newswire earnings tables, where which number is larger decides: "Net
//! 3,244,000 vs 2,584,000", "Shr loss 12 cts vs profit 15 cts", "Revs 67.7 mln vs 4.5 mln",
//! "Qtly div 18 cts vs 16 cts prior". The first figure is the current period.

use std::sync::LazyLock;

use regex::Regex;

use super::Change;

/// Figures within this share of each other count as flat.
const FLAT: f64 = 0.005;

static LINE: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"\d+-\d/\d|\d[\d,]*(?:\.\d+)?|\.\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|nil";
    let figure = format!(
        r"(?:(loss|profit)\s+)?({number})\s*(mln|million|bln|billion|dlrs|dlr|cts|ct)?(?:\s+dlrs)?"
    );
    Regex::new(&format!(
        r"(?i)^\s*([a-z][a-z0-9\s./&-]*?)\s+{figure}\s+vs\.?\s+{figure}(?:\s+(?:prior|prior\s+qtr|prior\s+yr|a\s+year\s+ago))?\s*\.?\s*$"
    ))
    .expect("figure line pattern")
});

/// Whether `label` names a line where more is better for a shareholder (profit, earnings per
/// share, revenue, a dividend), and if so whether its figures are losses unless marked
/// `profit` ("Net loss 1.2 mln vs 3.4 mln").
fn losses_by_default(label: &str) -> Option<bool> {
    let label = label.to_ascii_lowercase();
    let words: Vec<&str> = label.split_whitespace().collect();
    let loss = words.last() == Some(&"loss");
    let head: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| {
            !matches!(
                *w,
                "loss"
                    | "profit"
                    | "oper"
                    | "qtr"
                    | "4th"
                    | "3rd"
                    | "2nd"
                    | "1st"
                    | "year"
                    | "yr"
                    | "primary"
                    | "diluted"
                    | "fully"
                    | "avg"
                    | "qtly"
                    | "three"
                    | "six"
                    | "nine"
                    | "mths"
                    | "mth"
                    | "months"
                    | "half"
            )
        })
        .collect();
    let profit = match head.as_slice() {
        ["shr" | "shrs"] if words.contains(&"avg") => return None,
        ["shr" | "net" | "income" | "earnings" | "pretax" | "pre-tax"]
        | ["net", "income" | "profit" | "earnings"]
        | ["pretax" | "pre-tax", "net" | "profit"]
        | [] => true,
        ["revs" | "revenues" | "revenue" | "sales" | "turnover"]
        | ["net" | "total", "sales" | "revs" | "revenues"]
        | ["div" | "dividend"]
        | ["annual" | "final" | "interim", "div" | "dividend"] => false,
        _ => return None,
    };
    Some(loss && profit)
}

/// A wire figure: `3,244,000`, `1.20`, `7-1/2`, or a number word (`eight cts`).
fn number(text: &str) -> Option<f64> {
    const WORDS: [&str; 13] = [
        "nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let lower = text.to_ascii_lowercase();
    if let Some(n) = WORDS.iter().position(|w| *w == lower) {
        return Some(n as f64);
    }
    if let Some((whole, fraction)) = text.split_once('-') {
        let (top, bottom) = fraction.split_once('/')?;
        let bottom: f64 = bottom.parse().ok()?;
        return Some(whole.parse::<f64>().ok()? + top.parse::<f64>().ok()? / bottom);
    }
    text.replace(',', "").parse().ok()
}

/// Whether a figure written without a unit may take the other side's: a small bare number
/// ("1.20 vs 1.10 dlrs"), not a written-out amount ("1.2 mln vs 980,000").
fn takes_unit(text: &str) -> bool {
    !text.contains(',') && number(text).is_some_and(|n| n < 1000.0)
}

fn value(
    kind: Option<&str>,
    number_text: &str,
    unit: Option<&str>,
    loss_default: bool,
) -> Option<f64> {
    let n = number(number_text)?;
    let scale = match unit.map(str::to_ascii_lowercase).as_deref() {
        Some("mln" | "million") => 1e6,
        Some("bln" | "billion") => 1e9,
        Some("cts" | "ct") => 0.01,
        _ => 1.0,
    };
    let loss = match kind.map(str::to_ascii_lowercase).as_deref() {
        Some("loss") => true,
        Some(_) => false,
        None => loss_default,
    };
    Some(if loss { -n * scale } else { n * scale })
}

/// How the figures of a figure line changed, when `text` is one. Every line it reads is one
/// where more is better (loss figures count below zero).
pub(super) fn read(text: &str) -> Option<Change> {
    if text.len() > 160 {
        return None;
    }
    let c = LINE.captures(text)?;
    let loss_default = losses_by_default(c.get(1)?.as_str())?;
    let get = |i: usize| c.get(i).map(|m| m.as_str());
    let now = value(get(2), get(3)?, get(4), loss_default)?;
    let before = value(get(5), get(6)?, get(7), loss_default)?;
    // A unit is often left off one side ("1.20 vs 1.10 dlrs"): a small bare number takes
    // the other side's.
    let (now, before) = match (get(4), get(7)) {
        (None, Some(u)) if takes_unit(get(3)?) => {
            (value(get(2), get(3)?, Some(u), loss_default)?, before)
        }
        (Some(u), None) if takes_unit(get(6)?) => {
            (now, value(get(5), get(6)?, Some(u), loss_default)?)
        }
        _ => (now, before),
    };
    let scale = now.abs().max(before.abs());
    Some(if scale == 0.0 || (now - before).abs() <= FLAT * scale {
        Change::Flat
    } else if now > before {
        Change::Better
    } else {
        Change::Worse
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_figure_lines_are_read() {
        let cases = [
            ("Net 3,244,000 vs 2,584,000", Some(Change::Better)),
            ("Net 1,279,000 vs 7,979,000", Some(Change::Worse)),
            ("Shr loss 12 cts vs profit 15 cts", Some(Change::Worse)),
            ("Net loss 562,231 vs profit 10,253", Some(Change::Worse)),
            ("Net profit 72,000 vs profit 16,000", Some(Change::Better)),
            ("Net loss 1.2 mln vs loss 3.4 mln", Some(Change::Better)),
            (
                "Oper shr profit 20 cts vs loss four cts",
                Some(Change::Better),
            ),
            ("Net 1.2 mln vs 980,000", Some(Change::Better)),
            ("Net 640,000 vs 1.1 mln", Some(Change::Worse)),
            ("Shr loss eight cts vs loss 31 cts", Some(Change::Better)),
            ("Nine mths Net 22.1 mln vs 25.8 mln", Some(Change::Worse)),
            ("Qtly div 7-1/2 cts vs 7-1/2 cts", Some(Change::Flat)),
            // A period heading on its own line joins the figure line below it.
            (
                "Year\n    Shr profit 1.10 dlrs vs 1.45 dlrs",
                Some(Change::Worse),
            ),
            ("Qtly div five cts vs 12 cts prior", Some(Change::Worse)),
            ("Revs 67.7 mln vs 4.5 mln", Some(Change::Better)),
            ("Revs 7,075,000 vs 2,330,000", Some(Change::Better)),
            ("Sales 1.1 billion vs 980 mln", Some(Change::Better)),
            ("Shr 1.20 dlrs vs 1.10 dlrs", Some(Change::Better)),
            ("Shr 95 cts vs 1.10 dlrs", Some(Change::Worse)),
            ("Qtly div 18 cts vs 18 cts prior", Some(Change::Flat)),
            ("Annual div 72 cts vs 72 cts prior yr", Some(Change::Flat)),
            ("Qtly div 20 cts vs 18 cts prior", Some(Change::Better)),
            ("Avg shrs 12,345,000 vs 11,000,000", None),
            ("NET LOSS 0.4 MLN VS PROFIT 3.3 MLN", Some(Change::Worse)),
            ("Net income rose to 4.1 mln dlrs from 3.2 mln", None),
            ("Apple shares rose 3 vs 2 yesterday", None),
        ];
        for (text, expected) in cases {
            assert_eq!(read(text), expected, "{text}");
        }
    }
}
