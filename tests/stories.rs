//! Near-duplicate stories end to end: `finsent score` gives each article its `story` and
//! `novelty`, `finsent stories` gives the same without the model, and the panel counts a
//! story once.

use std::path::Path;

use serde_json::{Value, json};

mod common;
use common::{finsent, stderr, stdout_records};

const REPORT: [&str; 5] = [
    "Harbor Freight Lines said on Thursday that second-quarter net income rose 14 percent \
     to 96 million dollars as container volumes on its Atlantic routes recovered.",
    "Revenue increased to 1.42 billion dollars from 1.27 billion a year earlier, beating \
     the 1.35 billion analysts had expected.",
    "The company raised its quarterly dividend to 31 cents a share and said it would add \
     four ships to its fleet by the end of next year.",
    "Finance chief Tom Avery said fuel costs had fallen but warned that labour talks at \
     two European ports could delay deliveries in the autumn.",
    "Shares of Harbor Freight gained 3 percent in morning trading in New York.",
];

fn article(id: &str, at: Option<&str>, title: &str, paragraphs: &[String]) -> Value {
    json!({"id": id, "published_at": at, "title": title, "body": paragraphs.join("\n\n")})
}

/// The first report, its update, a partner's repost, the next quarter's report from the
/// same template, and an unrelated article.
fn archive(dir: &Path) -> std::path::PathBuf {
    let report: Vec<String> = REPORT.iter().map(ToString::to_string).collect();
    let mut update = report.clone();
    update.insert(
        2,
        "Chief executive Ana Ruiz told analysts on a call that bookings for the third quarter \
         were running ahead of last year and that rates had stabilised."
            .into(),
    );
    let mut repost = vec!["(Reporting by the Maritime Desk; editing by J. Smith)".to_string()];
    repost.extend(report.clone());
    let next_quarter: Vec<String> = report
        .iter()
        .map(|p| {
            p.replace("second", "third")
                .replace("rose 14 percent", "fell 6 percent")
                .replace("96", "81")
                .replace("1.42", "1.31")
                .replace("1.27", "1.38")
                .replace("1.35", "1.36")
                .replace("beating", "missing")
                .replace("raised", "kept")
                .replace("gained 3", "lost 5")
                .replace("fuel costs had fallen", "fuel costs had risen")
        })
        .collect();
    let other = vec![
        "Regulators in Brussels opened an inquiry into airline fuel surcharges on Monday, \
         asking six carriers for pricing data covering the last three years."
            .to_string(),
    ];
    let records = [
        article(
            "q2",
            Some("2026-07-16T11:00:00Z"),
            "Harbor Freight profit up",
            &report,
        ),
        article(
            "q2-update",
            Some("2026-07-16T13:30:00Z"),
            "UPDATE 1-Harbor Freight profit up 14 pct, raises dividend",
            &update,
        ),
        article(
            "other",
            Some("2026-07-16T14:00:00Z"),
            "EU probes fuel surcharges",
            &other,
        ),
        article(
            "q2-repost",
            Some("2026-07-17T08:00:00Z"),
            "Harbor Freight profit up",
            &repost,
        ),
        article(
            "q3",
            Some("2026-10-15T11:00:00Z"),
            "Harbor Freight profit down",
            &next_quarter,
        ),
        article(
            "q2-late",
            Some("2026-10-16T11:00:00Z"),
            "Harbor Freight profit up",
            &report,
        ),
    ];
    let path = dir.join("stories.jsonl");
    let text: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(&path, text).expect("write archive");
    path
}

fn by_id(records: &[Value]) -> std::collections::HashMap<String, &Value> {
    records
        .iter()
        .map(|r| (r["id"].as_str().expect("id").to_string(), r))
        .collect()
}

#[test]
fn score_and_stories_find_the_same_stories() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = archive(dir.path());
    let input = input.to_str().expect("utf-8 path");
    let scored = finsent(&["score", "-q", input]);
    assert!(scored.status.success(), "{}", stderr(&scored));
    let scored = stdout_records(&scored);
    let listed = finsent(&["stories", input]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let listed = stdout_records(&listed);
    assert_eq!(scored.len(), 6);
    assert_eq!(listed.len(), 6);
    for (s, l) in scored.iter().zip(&listed) {
        for field in ["id", "story", "novelty", "story_first"] {
            assert_eq!(s[field], l[field], "{field} of {}", s["id"]);
        }
    }
    let r = by_id(&scored);
    let story = |id: &str| r[id]["story"].as_str().expect("story").to_string();
    let novelty = |id: &str| r[id]["novelty"].as_str().expect("novelty").to_string();
    assert_eq!(story("q2").len(), 16);
    assert_eq!(story("q2-update"), story("q2"));
    assert_eq!(story("q2-repost"), story("q2"));
    assert_eq!(r["q2-repost"]["story_first"], "q2");
    assert_eq!(novelty("q2"), "new");
    assert_eq!(novelty("q2-update"), "update");
    assert_eq!(novelty("q2-repost"), "repeat");
    // The next quarter's report from the same template is news; so is a copy three months
    // on, past the 72-hour window.
    for fresh in ["other", "q3", "q2-late"] {
        assert_ne!(story(fresh), story("q2"), "{fresh}");
        assert_eq!(novelty(fresh), "new", "{fresh}");
    }
    assert_ne!(story("q3"), story("q2-late"));
}

#[test]
fn a_window_and_no_stories_are_honoured() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = archive(dir.path());
    let input = input.to_str().expect("utf-8 path");
    // A 100-day window reaches the late copy.
    let wide = finsent(&["stories", "--novelty-window", "100d", input]);
    let wide = stdout_records(&wide);
    let r = by_id(&wide);
    assert_eq!(r["q2-late"]["story"], r["q2"]["story"]);
    assert_eq!(r["q2-late"]["novelty"], "repeat");
    // Off: the fields are there, null.
    let off = finsent(&["score", "-q", "--no-stories", input]);
    assert!(off.status.success(), "{}", stderr(&off));
    for record in stdout_records(&off) {
        for field in ["story", "novelty", "story_first"] {
            assert!(record[field].is_null(), "{field}: {record}");
        }
    }
    let bad = finsent(&["score", "--novelty-window", "3 weeks", input]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--novelty-window"),
        "{}",
        stderr(&bad)
    );
}
