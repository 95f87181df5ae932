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

/// A figure that counts jobs or stores is no size of a reported figure's change.
#[test]
fn counts_of_jobs_or_stores_are_left_to_the_model() {
    check(&[
        ("Intel swings to a loss and cuts 5,000 jobs", None),
        ("The retailer's loss narrowed and it closed 30 stores", None),
        (
            "Net loss narrowed to $3 million from $5 million.",
            Some(Better),
        ),
    ]);
}
