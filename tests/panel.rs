//! `finsent panel` on a hand-made week: news before and after the New York close on a
//! Friday and on a Saturday, an error record and an undated one.

use std::process::Command;

fn finsent() -> Command {
    Command::new(env!("CARGO_BIN_EXE_finsent"))
}

/// A scored article as `finsent score` writes it (the fields the panel reads).
fn article(id: &str, published_at: &str, confidence: f64, tickers: &[(&str, f64, f64)]) -> String {
    let tickers: Vec<_> = tickers
        .iter()
        .map(|(symbol, relevance, score)| {
            serde_json::json!({"symbol": symbol, "relevance": relevance, "score": score})
        })
        .collect();
    serde_json::json!({"id": id, "confidence": confidence, "tickers": tickers,
                       "published_at": published_at, "error": null})
    .to_string()
}

#[test]
fn panel_crosses_the_close_and_the_weekend() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 2026-02-06 is a Friday; New York is UTC-5: 20:00Z is 15:00 there, 21:30Z is 16:30.
    let friday = ("NVDA", 1.0, -0.9952);
    let after_close = [("NVDA", 0.5, 0.5), ("AAPL", 0.25, 0.2)];
    let saturday = ("NVDA", 0.25, 0.9963);
    let records = [
        article("fri-1500", "2026-02-06T20:00:00Z", 0.9, &[friday]),
        article("fri-1630", "2026-02-06T21:30:00Z", 0.8, &after_close),
        article("sat", "2026-02-07T15:00:00Z", 0.7, &[saturday]),
        r#"{"id":"bad","error":{"kind":"parse","message":"invalid JSON"},"source":{"path":"a","line":4}}"#.into(),
        article("undated", "", 0.9, &[friday]).replace(r#""published_at":"""#, r#""published_at":null"#),
    ];
    let scores = dir.path().join("scores.jsonl");
    std::fs::write(&scores, records.join("\n") + "\n").expect("write scores");
    let out = dir.path().join("panel.csv");
    let run = finsent()
        .arg("panel")
        .arg(&scores)
        .arg("-o")
        .arg(&out)
        .args(["--tz", "America/New_York", "--cutoff", "16:00"])
        .output()
        .expect("run finsent panel");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains("left out 1 error and 1 undated records"),
        "{stderr}"
    );

    let round = |x: f64| format!("{}", (x * 1e4).round() / 1e4);
    let monday_nvda = (after_close[0].1 * after_close[0].2 + saturday.1 * saturday.2)
        / (after_close[0].1 + saturday.1);
    let expected = [
        "symbol,day,score,articles,stories,confidence,relevance,last_published_at".to_string(),
        format!(
            "AAPL,2026-02-09,{},1,1,0.8,0.25,2026-02-06T21:30:00Z",
            round(after_close[1].2)
        ),
        format!(
            "NVDA,2026-02-06,{},1,1,0.9,1.0,2026-02-06T20:00:00Z",
            round(friday.2)
        ),
        format!(
            "NVDA,2026-02-09,{},2,2,{},0.75,2026-02-07T15:00:00Z",
            round(monday_nvda),
            round((0.8 + 0.7) / 2.0)
        ),
    ];
    let csv = std::fs::read_to_string(&out).expect("panel written");
    assert_eq!(csv.lines().collect::<Vec<_>>(), expected);

    // In Tokyo (close 15:30) Friday 20:00 UTC is already Saturday morning: all goes to Monday.
    let tokyo = finsent()
        .arg("panel")
        .arg(&scores)
        .args([
            "--tz",
            "Asia/Tokyo",
            "--cutoff",
            "15:30",
            "--format",
            "csv",
            "-q",
        ])
        .output()
        .expect("run finsent panel");
    let table = String::from_utf8_lossy(&tokyo.stdout);
    assert!(table.contains("\nNVDA,2026-02-09,"), "{table}");
    assert!(!table.contains(",2026-02-06,"), "{table}");

    let bad = finsent()
        .arg("panel")
        .arg(&scores)
        .args(["--tz", "New York"])
        .output()
        .expect("run finsent panel");
    assert_eq!(bad.status.code(), Some(2));
}

/// Three versions of one warning and a fresh story on one day: by default the warning
/// counts once; `--per-story all` counts every copy; `first` keeps the first version.
#[test]
fn a_story_counts_once_in_the_panel() {
    let dir = tempfile::tempdir().expect("temp dir");
    let story = |id: &str, at: &str, score: f64, story: &str| {
        let mut record: serde_json::Value =
            serde_json::from_str(&article(id, at, 0.8, &[("ACME", 1.0, score)])).expect("json");
        record["story"] = story.into();
        record.to_string()
    };
    let records = [
        story("w1", "2026-02-09T13:00:00Z", -0.9, "w"),
        story("w2", "2026-02-09T14:00:00Z", -0.7, "w"),
        story("w3", "2026-02-09T15:00:00Z", -0.5, "w"),
        story("d1", "2026-02-09T15:30:00Z", 0.5, "d"),
    ];
    let scores = dir.path().join("scores.jsonl");
    std::fs::write(&scores, records.join("\n") + "\n").expect("write scores");
    let panel = |rule: Option<&str>| {
        let mut command = finsent();
        command
            .arg("panel")
            .arg(&scores)
            .args(["--format", "csv", "-q"]);
        if let Some(rule) = rule {
            command.args(["--per-story", rule]);
        }
        let run = command.output().expect("run finsent panel");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = String::from_utf8_lossy(&run.stdout).into_owned();
        let row: Vec<String> = text
            .lines()
            .nth(1)
            .expect("a row")
            .split(',')
            .map(String::from)
            .collect();
        (
            row[2].parse::<f64>().expect("score"),
            row[3].clone(),
            row[4].clone(),
        )
    };
    let (mean, articles, stories) = panel(None);
    assert!((mean - (-0.7 + 0.5) / 2.0).abs() < 1e-4, "{mean}");
    assert_eq!((articles.as_str(), stories.as_str()), ("4", "2"));
    let (all, articles, stories) = panel(Some("all"));
    assert!((all - (-0.9 - 0.7 - 0.5 + 0.5) / 4.0).abs() < 1e-4, "{all}");
    assert_eq!((articles.as_str(), stories.as_str()), ("4", "4"));
    let (first, _, stories) = panel(Some("first"));
    assert!((first - (-0.9 + 0.5) / 2.0).abs() < 1e-4, "{first}");
    assert_eq!(stories, "2");
    let (last, _, _) = panel(Some("last"));
    assert!((last - (-0.5 + 0.5) / 2.0).abs() < 1e-4, "{last}");
    let bad = finsent()
        .arg("panel")
        .arg(&scores)
        .args(["--per-story", "median"])
        .output()
        .expect("run finsent panel");
    assert_eq!(bad.status.code(), Some(2));
}

/// `--listing us` names a home listing by its US code (an exchange listing before one over
/// the counter); a company without one, and a US company, keep their symbol.
#[test]
fn listing_us_names_home_listings_by_their_us_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let record = serde_json::json!({"id": "a", "confidence": 0.9, "error": null,
        "published_at": "2026-02-06T14:00:00Z", "tickers": [
            {"symbol": "7203.T", "exchange": "TSE", "relevance": 1.0, "score": 0.5,
             "other_listings": ["NYSE:TM", "OTC:TOYOF"]},
            {"symbol": "BP.L", "exchange": "LSE", "relevance": 1.0, "score": -0.25,
             "other_listings": ["NYSE:BP"]},
            {"symbol": "RELIANCE.NS", "exchange": "NSE", "relevance": 1.0, "score": 0.1,
             "other_listings": []},
            {"symbol": "NVDA", "exchange": "NASDAQ", "relevance": 1.0, "score": 0.3,
             "other_listings": []}]});
    let scores = dir.path().join("scores.jsonl");
    std::fs::write(&scores, format!("{record}\n")).expect("write scores");
    let symbols = |listing: &str| -> Vec<String> {
        let run = finsent()
            .arg("panel")
            .arg(&scores)
            .args(["-q", "--format", "csv", "--listing", listing])
            .output()
            .expect("run finsent panel");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        String::from_utf8_lossy(&run.stdout)
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(symbols("us"), ["BP", "NVDA", "RELIANCE.NS", "TM"]);
    assert_eq!(symbols("home"), ["7203.T", "BP.L", "NVDA", "RELIANCE.NS"]);
    let bad = finsent()
        .arg("panel")
        .arg(&scores)
        .args(["--listing", "LSE"])
        .output()
        .expect("run finsent panel");
    assert_eq!(bad.status.code(), Some(2));
}
