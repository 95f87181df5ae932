//! Text saved from news pages and Markdown with front matter, written for these tests (no
//! real page): a saved page reads as its headline and story, with none of the page's
//! furniture scored; a site's footer repeated across a directory is left out; front
//! matter gives the fields and is never scored, and bad front matter is a warning.

use std::fs;
use std::path::Path;

use finsent::article::{Article, ErrorKind};
use finsent::loader::{LoadOptions, load};
use serde_json::Value;

mod common;
use common::{finsent, stdout_records};

/// The saved page: the section label on line 1, the headline on line 3, then the
/// byline with its read time, the listen line, captions and the prompts under the story.
const SAVED_PAGE: &str = "Business

Harbor Freightways lifts annual outlook as shipping rates recover
Sarah Chen··2 min read
Listen to this article0:00 min
AI-generated illustration
Harbor Freightways Ltd. raised its full-year profit forecast on Tuesday, citing a rebound in container rates.
Data visualization chart
The company now expects operating profit of $1.2 billion, up from $950 million.
Data Visualisation
Analysts said the upgrade was larger than expected.
More in Business
Did this article answer your question?
Discussion
Share this article
Subscribe to our newsletter
We use cookies to improve your experience.
";

const CHROME: &[&str] = &[
    "Business",
    "Sarah Chen··2 min read",
    "Listen to this article0:00 min",
    "AI-generated illustration",
    "Data visualization chart",
    "Data Visualisation",
    "More in Business",
    "Did this article answer your question?",
    "Discussion",
    "Share this article",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience.",
];

fn read_all(path: &Path) -> Vec<Result<Article, finsent::article::RecordError>> {
    load(vec![path.to_path_buf()], LoadOptions::default()).collect()
}

fn read_one(path: &Path) -> Article {
    let mut records = read_all(path);
    assert_eq!(records.len(), 1);
    records.remove(0).expect("an article")
}

#[test]
fn a_saved_page_is_its_headline_and_story_in_finsent_split() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("page.txt");
    fs::write(&file, SAVED_PAGE).expect("write");
    let out = finsent(&["split", "--json", file.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let records = stdout_records(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(
        records[0]["title"],
        "Harbor Freightways lifts annual outlook as shipping rates recover"
    );
    let sentences: Vec<&str> = records[0]["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    assert_eq!(sentences.len(), 3, "{sentences:?}");
    assert!(sentences[1].contains("$1.2 billion"), "{sentences:?}");
    for chrome in CHROME {
        assert!(
            sentences.iter().all(|s| !s.contains(chrome)),
            "{chrome:?} was scored: {sentences:?}"
        );
    }
    let article = read_one(&file);
    assert_eq!(
        article.warnings,
        [
            "page furniture left out: 12 lines (section labels, bylines, captions, prompts, repeated footers)"
        ]
    );
}

#[test]
fn a_footer_repeated_across_a_directory_is_left_out_but_figures_stay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let footer = "This story was produced with the assistance of our newsroom tools and reviewed by an editor.";
    let data_line = "Index futures were flat before the open.";
    for (i, company) in ["Alder", "Birch", "Cedar", "Dogwood"].iter().enumerate() {
        let text = format!(
            "{company} names new chief executive\n{company} appointed a new chief executive, \
             effective in {}.\n{data_line}\nRevenue rose 4% last year.\n{footer}\n",
            2027 + i
        );
        fs::write(dir.path().join(format!("{i}.txt")), text).expect("write");
    }
    // The same footer in another folder with only two files is not repeated enough there.
    let other = dir.path().join("other");
    fs::create_dir(&other).expect("mkdir");
    fs::write(
        other.join("a.txt"),
        format!("Elm rises\nElm shares rose.\n{footer}\n"),
    )
    .expect("write");
    let records = read_all(dir.path());
    assert_eq!(records.len(), 5);
    for record in &records[..4] {
        let article = record.as_ref().expect("an article");
        assert!(!article.body.contains(footer), "{}", article.body);
        assert!(
            !article.body.contains(data_line),
            "repeated in all four: {}",
            article.body
        );
        assert!(
            article.body.contains("Revenue rose 4% last year."),
            "{}",
            article.body
        );
    }
    let lone = records[4].as_ref().expect("an article");
    assert!(lone.body.contains(footer), "{}", lone.body);
    // A single file named on the command line has no directory to compare with.
    let single = read_one(&dir.path().join("0.txt"));
    assert!(single.body.contains(footer), "{}", single.body);
}

#[test]
fn a_text_of_nothing_but_furniture_is_an_empty_text_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("menu.txt");
    fs::write(
        &file,
        "Skip to main content\nBusiness\nSign in\nPrivacy Policy\n",
    )
    .expect("write");
    let err = read_all(&file).remove(0).expect_err("an error record");
    assert_eq!(err.kind, ErrorKind::EmptyText);
    assert!(err.message.contains("page furniture"), "{}", err.message);
}

#[test]
fn front_matter_gives_the_fields_and_is_never_scored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("post.md");
    fs::write(
        &file,
        "---\ntitle: Toyota raises forecast\ndate: Feb 12, 2026\nsource: Finsent Wire\n\
         url: https://example.com/toyota\ntickers:\n  - 7203.T\n  - TM\n---\n\
         # Toyota raises forecast\n\nToyota Motor Corp. raised its profit forecast.\n",
    )
    .expect("write");
    let article = read_one(&file);
    assert_eq!(article.title.as_deref(), Some("Toyota raises forecast"));
    assert_eq!(
        article.published_at.as_deref(),
        Some("2026-02-12T00:00:00Z")
    );
    assert_eq!(article.outlet.as_deref(), Some("Finsent Wire"));
    assert_eq!(article.url.as_deref(), Some("https://example.com/toyota"));
    assert_eq!(
        article.body,
        "Toyota Motor Corp. raised its profit forecast."
    );
    assert_eq!(
        article.warnings,
        ["tickers from front matter (the author's; companies are found in the text): 7203.T, TM"]
    );
    let out = finsent(&["score", "--no-stories", file.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let record: &Value = &stdout_records(&out)[0];
    assert_eq!(record["published_at"], "2026-02-12T00:00:00Z");
    assert_eq!(record["sentences"]["total"].as_u64(), Some(2), "{record}");
}

#[test]
fn bad_front_matter_is_a_warning_and_the_body_is_scored() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text, warning) in [
        (
            "bad.md",
            "---\ntitle: [oops\n---\n# Sony lifts outlook\n\nProfit rose.\n",
            "not valid YAML",
        ),
        (
            "open.md",
            "---\ntitle: Sony lifts outlook\n\nProfit rose.\n",
            "no closing",
        ),
        (
            "date.md",
            "---\ndate: someday\n---\n# Sony lifts outlook\n\nProfit rose.\n",
            "unrecognised date",
        ),
    ] {
        let file = dir.path().join(name);
        fs::write(&file, text).expect("write");
        let article = read_one(&file);
        assert_eq!(
            article.title.as_deref(),
            Some("Sony lifts outlook"),
            "{name}"
        );
        assert_eq!(article.body, "Profit rose.", "{name}");
        assert!(
            article.warnings.iter().any(|w| w.contains(warning)),
            "{name}: {:?}",
            article.warnings
        );
    }
}
