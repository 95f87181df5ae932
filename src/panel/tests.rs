//! The panel's rules, read and averaged on hand-made observations and records.

use super::*;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.to_utc())
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn news_after_the_close_and_at_weekends_goes_to_the_next_trading_day() {
    let rule = PanelRule::default();
    // 2026-02-06 is a Friday; New York is UTC-5 in February.
    let cases = [
        ("2026-02-06T20:59:59Z", "2026-02-06"), // Fri 15:59:59 New York
        ("2026-02-06T21:00:00Z", "2026-02-09"), // Fri 16:00, the close: Monday
        ("2026-02-07T15:00:00Z", "2026-02-09"), // Saturday
        ("2026-02-08T22:00:00Z", "2026-02-09"), // Sunday evening
        ("2026-02-09T03:00:00Z", "2026-02-09"), // Sun 22:00 New York, Mon in UTC
        ("2026-02-10T02:00:00Z", "2026-02-10"), // Mon 21:00 New York: Tuesday
    ];
    for (published, expected) in cases {
        assert_eq!(
            rule.trading_day(at(published)),
            day(expected),
            "{published}"
        );
    }
    // Summer time: New York is UTC-4 in July, so 20:30 UTC is after the close.
    assert_eq!(
        rule.trading_day(at("2026-07-01T20:30:00Z")),
        day("2026-07-02")
    );
}

#[test]
fn the_time_zone_and_cut_off_are_the_users() {
    let tokyo = PanelRule::parse("Asia/Tokyo", "15:30", 0.0).expect("valid rule");
    // 06:35 UTC is 15:35 in Tokyo: after its close.
    assert_eq!(
        tokyo.trading_day(at("2026-02-12T06:35:00Z")),
        day("2026-02-13")
    );
    assert_eq!(
        tokyo.trading_day(at("2026-02-12T06:25:00Z")),
        day("2026-02-12")
    );
    assert!(PanelRule::parse("Mars/Olympus", "16:00", 0.0).is_err());
    assert!(PanelRule::parse("UTC", "4pm", 0.0).is_err());
    assert!(PanelRule::parse("UTC", "16:00", 1.5).is_err());
}

fn observation(symbol: &str, published: &str, relevance: f64, score: f64) -> Observation {
    Observation {
        symbol: symbol.into(),
        published_at: at(published),
        relevance,
        score,
        confidence: 0.5 + relevance / 2.0,
        story: None,
        us_listing: None,
    }
}

fn in_story(story: &str, o: Observation) -> Observation {
    Observation {
        story: Some(story.into()),
        ..o
    }
}

/// A hand-made week: a profit warning on Monday with two updates that day and a
/// repost on Tuesday, another story on Monday, and an article without a story.
fn week() -> Vec<Observation> {
    vec![
        in_story("w", observation("ACME", "2026-02-09T13:00:00Z", 1.0, -0.8)),
        in_story("w", observation("ACME", "2026-02-09T14:00:00Z", 1.0, -0.6)),
        in_story("w", observation("ACME", "2026-02-09T15:00:00Z", 0.5, -0.4)),
        in_story("w", observation("ACME", "2026-02-10T13:00:00Z", 1.0, -0.8)),
        in_story("d", observation("ACME", "2026-02-09T13:30:00Z", 1.0, 0.6)),
        observation("ACME", "2026-02-09T15:30:00Z", 1.0, 0.2),
    ]
}

fn rows_by(per_story: PerStory) -> Vec<(NaiveDate, f32, i64, i64)> {
    let rule = PanelRule {
        per_story,
        ..PanelRule::default()
    };
    build_panel(week(), &rule)
        .iter()
        .map(|r| (r.day, r.score.0, r.articles, r.stories))
        .collect()
}

#[test]
fn a_story_counts_once_as_asked() {
    let (monday, tuesday) = (day("2026-02-09"), day("2026-02-10"));
    // All: six articles, the warning four times.
    let all_monday = ((-0.8 - 0.6 - 0.5 * 0.4 + 0.6 + 0.2) / 4.5) as f32;
    assert_eq!(
        rows_by(PerStory::All),
        vec![(monday, all_monday, 5, 5), (tuesday, -0.8, 1, 1)]
    );
    // Mean: Monday's three versions of the warning are one story at their weighted
    // mean, with their mean relevance; Tuesday's repost is Tuesday's story.
    let warning = (-0.8 - 0.6 - 0.5 * 0.4) / 2.5;
    let relevance = 2.5 / 3.0;
    let mean_monday = ((relevance * warning + 0.6 + 0.2) / (relevance + 2.0)) as f32;
    let mean = rows_by(PerStory::Mean);
    assert_eq!((mean[0].0, mean[0].2, mean[0].3), (monday, 5, 3));
    assert!(
        (mean[0].1 - mean_monday).abs() < 1e-6,
        "{mean:?} vs {mean_monday}"
    );
    assert_eq!(mean[1], (tuesday, -0.8, 1, 1));
    // First: the warning once, at its first article; the repost is gone.
    let first = rows_by(PerStory::First);
    assert_eq!(first.len(), 1);
    assert_eq!((first[0].0, first[0].2, first[0].3), (monday, 3, 3));
    assert!((first[0].1 - ((-0.8 + 0.6 + 0.2) / 3.0) as f32).abs() < 1e-6);
    // Last: Monday's warning is its 15:00 version.
    let last_monday = ((0.5 * -0.4 + 0.6 + 0.2) / 2.5) as f32;
    assert_eq!(
        rows_by(PerStory::Last),
        vec![(monday, last_monday, 5, 3), (tuesday, -0.8, 1, 1)]
    );
    assert_eq!(PerStory::parse("first").ok(), Some(PerStory::First));
    assert!(PerStory::parse("median").is_err());
}

#[test]
fn a_day_is_the_relevance_weighted_mean_of_its_articles() {
    let rows = build_panel(
        [
            observation("NVDA", "2026-02-06T14:00:00Z", 0.75, -0.5),
            observation("NVDA", "2026-02-06T21:30:00Z", 0.25, 1.0), // after the close
            observation("NVDA", "2026-02-07T12:00:00Z", 0.5, 0.5),  // Saturday
            observation("AAPL", "2026-02-06T15:00:00Z", 0.5, 0.25),
            observation("AAPL", "2026-02-06T16:00:00Z", 0.0, 0.5), // below min_relevance
        ],
        &PanelRule {
            min_relevance: 0.1,
            ..PanelRule::default()
        },
    );
    let got: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.symbol.as_str(),
                r.day,
                r.score.0,
                r.articles,
                r.relevance.0,
            )
        })
        .collect();
    let monday_score = ((0.25 * 1.0 + 0.5 * 0.5) / 0.75) as f32;
    assert_eq!(
        got,
        vec![
            ("AAPL", day("2026-02-06"), 0.25, 1, 0.5),
            ("NVDA", day("2026-02-06"), -0.5, 1, 0.75),
            ("NVDA", day("2026-02-09"), monday_score, 2, 0.75),
        ]
    );
    assert_eq!(rows[2].confidence.0, ((0.625 + 0.75) / 2.0) as f32);
    assert_eq!(rows[2].last_published_at, at("2026-02-07T12:00:00Z"));
}

#[test]
fn error_and_undated_records_give_no_observations() {
    let error = serde_json::json!({"id": "x", "error": {"kind": "parse", "message": "m"}});
    assert_eq!(observations(&error), Err(Skipped::Error));
    let undated = serde_json::json!({"id": "y", "confidence": 0.9, "published_at": null,
                                      "tickers": [], "error": null});
    assert_eq!(observations(&undated), Err(Skipped::Undated));
    let scored = serde_json::json!({"id": "z", "confidence": 0.9,
        "published_at": "2026-02-06T14:00:00Z",
        "tickers": [{"symbol": "NVDA", "relevance": 0.8, "score": -0.3}]});
    let found = observations(&scored).expect("a dated article");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].symbol.as_str(), found[0].score), ("NVDA", -0.3));
}

#[test]
fn a_home_listing_goes_under_its_us_code_when_asked() {
    let record = serde_json::json!({"id": "t", "confidence": 0.9,
        "published_at": "2026-02-06T14:00:00Z", "error": null, "tickers": [
            {"symbol": "7203.T", "exchange": "TSE", "relevance": 1.0, "score": 0.5,
             "other_listings": ["OTC:TOYOF", "NYSE:TM"]},
            {"symbol": "NESN.SW", "exchange": "SIX", "relevance": 1.0, "score": 0.1,
             "other_listings": ["OTC:NSRGY"]},
            {"symbol": "RELIANCE.NS", "exchange": "NSE", "relevance": 1.0, "score": 0.2,
             "other_listings": ["BSE:500325"]},
            {"symbol": "AAPL", "exchange": "NASDAQ", "relevance": 1.0, "score": -0.2,
             "other_listings": ["XETRA:APC"]}]});
    let found = observations(&record).expect("a dated article");
    let symbols = |listing| -> Vec<String> {
        let rule = PanelRule {
            listing,
            ..PanelRule::default()
        };
        build_panel(found.clone(), &rule)
            .into_iter()
            .map(|r| r.symbol)
            .collect()
    };
    // An exchange listing before one over the counter; no US listing: the home one.
    assert_eq!(
        symbols(PanelListing::Us),
        ["AAPL", "NSRGY", "RELIANCE.NS", "TM"]
    );
    assert_eq!(
        symbols(PanelListing::Home),
        ["7203.T", "AAPL", "NESN.SW", "RELIANCE.NS"]
    );
    assert_eq!(PanelListing::parse("US").ok(), Some(PanelListing::Us));
    assert!(PanelListing::parse("LSE").is_err());
}
