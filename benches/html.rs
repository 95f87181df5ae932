//! Throughput of the HTML loader, in pages per second on one thread: a typical news page
//! of about 100 KB (scripts and styles, navigation, the story with a photo and a share
//! bar, teaser cards, reader comments, a footer), and the small pages of the sample
//! corpus and the HTML test fixtures; and pages nested ever deeper (the shape that was
//! quadratic). Run: `cargo bench --bench html`.

use std::hint::black_box;
use std::io::Cursor;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use finsent::loader::{InputFormat, LoadOptions, read_format};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A news page of about 100 KB, built from the sample corpus's JPMorgan story and the
/// furniture real pages put around a story.
fn news_page() -> String {
    let story = std::fs::read_to_string(root().join("corpus/html/jpmorgan_record_profit.html"))
        .expect("corpus page");
    let paragraphs: String = story
        .lines()
        .filter(|l| l.starts_with("<p>"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut page = String::from(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>JPMorgan posts record annual profit | The Finance Courier</title>
<meta property="og:title" content="JPMorgan posts record annual profit as dealmaking rebounds">
<meta property="og:site_name" content="The Finance Courier">
<meta property="article:published_time" content="2026-01-13T12:30:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"JPMorgan posts record annual profit","datePublished":"2026-01-13T12:30:00Z"}</script>
"#,
    );
    for i in 0..300 {
        page += &format!(".c{i} {{ margin: {i}px; padding: 0 {i}px; color: #{i:03}; }}\n");
    }
    page += "<script>\n";
    for i in 0..500 {
        page +=
            &format!("window.slots.push({{id: 'slot-{i}', sizes: [[300, 250], [728, 90]]}});\n");
    }
    page += "</script></head><body>\n<header><nav><ul>";
    for i in 0..200 {
        page += &format!("<li><a href=\"/section/{i}\">Section {i}</a></li>");
    }
    page += "</ul></nav></header>\n<main><div class=\"layout\"><article class=\"story\">\n";
    page += "<h1>JPMorgan posts record annual profit as dealmaking rebounds</h1>\n";
    page += "<div class=\"byline\">By Dana Price | Jan. 13, 2026</div>\n";
    page += "<div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Google+</a></div>\n";
    page += "<figure><img src=\"/a.jpg\"><figcaption>The bank's headquarters. Photographer: Jane Doe/Getty Images</figcaption></figure>\n";
    page += &paragraphs;
    page += "\n</article>\n<section class=\"more-news\">\n";
    for i in 0..100 {
        page += &format!(
            "<article class=\"card\"><h3><a href=\"/story/{i}\">Bank shares move on results, story {i}</a></h3><p>A short summary of another story, number {i}, about markets.</p></article>\n"
        );
    }
    page += "</section>\n<div id=\"comments\">\n";
    for i in 0..80 {
        page += &format!(
            "<div class=\"comment\"><p><b>reader{i}</b> wrote: I bought more shares today and I think the results were better than the market expected, again.</p></div>\n"
        );
    }
    page += "</div></div></main>\n<footer><ul>";
    for i in 0..120 {
        page += &format!("<li><a href=\"/footer/{i}\">Footer link {i}</a></li>");
    }
    page += "</ul><p>&copy; 2026 The Finance Courier. All rights reserved.</p></footer></body></html>\n";
    page
}

fn small_pages() -> Vec<Vec<u8>> {
    ["corpus/html", "tests/fixtures/html"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root().join(dir)).expect("pages"))
        .map(|entry| std::fs::read(entry.expect("entry").path()).expect("page"))
        .collect()
}

/// Loads one page through the HTML loader as the pipeline does (decoding included).
fn load_page(bytes: &[u8]) -> usize {
    let reader = Box::new(Cursor::new(bytes.to_vec()));
    read_format(
        InputFormat::Html,
        reader,
        "page.html".into(),
        &LoadOptions::default(),
    )
    .map(|r| r.map_or(0, |a| a.body.len()))
    .sum()
}

fn bench_html(c: &mut Criterion) {
    let page = news_page().into_bytes();
    assert!(
        (90_000..115_000).contains(&page.len()),
        "the typical page is {} bytes",
        page.len()
    );
    assert!(load_page(&page) > 1000, "the story is read");
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Elements(1));
    group.bench_function("news_page_100kb", |b| {
        b.iter(|| load_page(black_box(&page)))
    });
    let pages = small_pages();
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("corpus_and_fixture_pages", |b| {
        b.iter(|| pages.iter().map(|p| load_page(black_box(p))).sum::<usize>())
    });
    group.finish();
}

/// The pathological shape of issue 25 #14: `<div>`s nested ever deeper (5,000 took 3.6 s
/// before the depth check), and a page nested just under the depth limit that is read;
/// then pages ever wider.
fn bench_deep_nesting(c: &mut Criterion) {
    let nested = |depth: usize| {
        format!(
            "<html><body>{}<p>Toyota shares rose.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
        .into_bytes()
    };
    let mut group = c.benchmark_group("html/deep_nesting");
    for depth in [500, 5_000, 100_000] {
        let page = nested(depth);
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(format!("depth_{depth}"), |b| {
            b.iter(|| load_page(black_box(&page)))
        });
    }
    group.finish();
    // Wide pages of deep (100-level) subtrees, read whole: the time per byte should not
    // grow with the page (`tests/growth.rs` checks the work done on the same shape).
    let mut group = c.benchmark_group("html/wide_pages");
    for subtrees in [10, 40, 160] {
        let subtree = format!(
            "{}<p>Toyota shares rose after strong results in North America.</p>{}",
            "<div>".repeat(100),
            "</div>".repeat(100)
        );
        let page = format!("<html><body>{}</body></html>", subtree.repeat(subtrees)).into_bytes();
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(format!("subtrees_{subtrees}"), |b| {
            b.iter(|| load_page(black_box(&page)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_html, bench_deep_nesting);
criterion_main!(benches);
