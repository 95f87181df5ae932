//! HTML pages with the page furniture that real news pages carry (a teaser card before
//! the story, reader comments, share bars, photo credits, related links, a cookie banner,
//! a market-quote widget) and a page that only JavaScript fills in: each reads as exactly
//! its article, with its title and metadata, and no company comes from the furniture.

use std::collections::BTreeMap;
use std::path::PathBuf;

use finsent::article::{Article, ErrorKind};
use finsent::loader::{LoadOptions, load};

mod common;
use common::{finsent, root, stderr, stdout_records};

/// What one fixture must read as.
struct Expected {
    file: &'static str,
    title: &'static str,
    body: &'static [&'static str],
    published_at: Option<&'static str>,
    outlet: Option<&'static str>,
    url: Option<&'static str>,
    warnings: &'static [&'static str],
    /// The listed companies of the story itself, by symbol.
    tickers: &'static [&'static str],
}

const PAGES: &[Expected] = &[
    Expected {
        file: "teaser_before_story.html",
        title: "Amazon lifts holiday hiring as online orders climb",
        body: &[
            "SEATTLE, Nov. 4 \u{2013} Amazon.com Inc. said on Monday it would hire 280,000 seasonal workers in the United States for the holiday quarter, up from 250,000 a year earlier, as online orders grew faster than it had planned.",
            "The company said it would raise average starting pay in its logistics network to $23 an hour, and that most of the new jobs would be in warehouses and delivery stations in the Midwest.",
            "\u{201c}Customers are shopping earlier, and they are buying more per order,\u{201d} the company said in a statement. Its shares rose 1.8% in early trading.",
        ],
        published_at: None,
        outlet: None,
        url: None,
        warnings: &["title from <h1>"],
        tickers: &["AMZN"],
    },
    Expected {
        file: "comments_in_div.html",
        title: "JPMorgan quarterly profit beats estimates on trading boom",
        body: &[
            "NEW YORK \u{2013} JPMorgan Chase & Co. reported fourth-quarter profit of $14.0 billion on Tuesday, beating analysts\u{2019} estimates as trading revenue jumped and loan losses stayed low.",
            "Markets revenue rose 21% to $7.2 billion, led by fixed income, and the bank said investment banking fees climbed 12% from a year earlier.",
            "Chief Executive Jamie Dimon said the economy remained resilient but warned that inflation could prove sticky. The shares gained 2.3% before the opening bell.",
        ],
        published_at: Some("2026-01-13T11:30:00Z"),
        outlet: None,
        url: Some("https://news.example/banking/jpmorgan-profit-beats"),
        warnings: &[
            "title from JSON-LD headline",
            "published_at from JSON-LD datePublished",
            "url from canonical link",
        ],
        tickers: &["JPM"],
    },
    Expected {
        file: "share_bar.html",
        title: "Nvidia forecast tops estimates as data-center sales double",
        body: &[
            "Nvidia Corp. forecast first-quarter revenue above Wall Street estimates on Wednesday, as cloud companies kept buying its artificial-intelligence chips.",
            "Revenue in the data-center unit more than doubled to $35.6 billion, and the company expects sales of about $43 billion in the current quarter.",
            "The shares rose 4% in extended trading.",
        ],
        published_at: Some("2026-02-25T21:15:00Z"),
        outlet: Some("The Chip Ledger"),
        url: Some("https://chips.example/2026/02/nvidia-forecast"),
        warnings: &[
            "title from og:title",
            "published_at from article:published_time",
            "outlet from og:site_name",
            "url from og:url",
        ],
        tickers: &["NVDA"],
    },
    Expected {
        file: "caption_credit.html",
        title: "Boeing deliveries rise as 737 output recovers",
        body: &[
            "Boeing Co. delivered 48 commercial jets in January, up from 30 a year earlier, as production of its 737 Max recovered after a year of tighter safety oversight.",
            "The planemaker booked orders for 71 aircraft in the month, including 50 widebody jets for a Gulf carrier, and said it was on track to build 38 of the narrowbody jets a month.",
            "Boeing shares were little changed in New York.",
        ],
        published_at: None,
        outlet: Some("Aero Markets"),
        url: None,
        warnings: &["title from og:title", "outlet from og:site_name"],
        tickers: &["BA"],
    },
    Expected {
        file: "related_links.html",
        title: "Walmart raises annual outlook as shoppers trade down",
        body: &[
            "Walmart Inc. raised its full-year sales forecast on Thursday after comparable sales in the United States rose 4.6% in the fourth quarter, beating estimates, as higher-income households shopped at its stores.",
            "The retailer said e-commerce sales grew 20% and that its advertising business expanded by nearly a third.",
            "Walmart expects net sales to grow 3% to 4% in the new fiscal year.",
        ],
        published_at: Some("2026-02-19T13:05:00Z"),
        outlet: None,
        url: Some("https://retail.example/walmart-outlook"),
        warnings: &[
            "title from og:title",
            "published_at from article:published_time",
            "url from og:url",
        ],
        tickers: &["WMT"],
    },
    Expected {
        file: "cookie_banner.html",
        title: "Unilever to cut 7,500 jobs in cost drive",
        body: &[
            "Unilever Plc said on Tuesday it would cut about 7,500 jobs worldwide as part of a productivity programme meant to save 800 million euros over three years.",
            "The maker of Dove soap and Ben & Jerry\u{2019}s ice cream said most of the cuts would fall on office roles, and that it would separate its ice cream business by the end of the year.",
            "Its shares rose 1.2% in London.",
        ],
        published_at: None,
        outlet: Some("London Business Post"),
        url: Some("https://lbp.example/unilever-jobs"),
        warnings: &[
            "title from og:title",
            "outlet from og:site_name",
            "url from canonical link",
        ],
        tickers: &["ULVR.L"],
    },
    Expected {
        file: "market_widget.html",
        title: "Home Depot sales slip as big-ticket projects wait",
        body: &[
            "Home Depot Inc. reported a 1.5% drop in comparable sales for the fourth quarter on Tuesday, as customers put off kitchen remodels and other costly projects while mortgage rates stayed high.",
            "The home-improvement chain kept its forecast for the year and said sales to professional contractors held up better than those to do-it-yourself shoppers.",
            "Its shares fell 0.6% before the bell.",
        ],
        published_at: Some("2026-02-24T11:00:00Z"),
        outlet: None,
        url: None,
        warnings: &[
            "title from JSON-LD headline",
            "published_at from JSON-LD datePublished",
        ],
        tickers: &["HD"],
    },
];

const JAVASCRIPT_ONLY: &str = "javascript_only.html";

fn fixture(file: &str) -> PathBuf {
    root().join("tests/fixtures/html").join(file)
}

fn read(file: &str) -> Article {
    let mut records: Vec<_> = load(vec![fixture(file)], LoadOptions::default()).collect();
    assert_eq!(records.len(), 1, "{file}");
    records
        .remove(0)
        .unwrap_or_else(|e| panic!("{file}: {e:?}"))
}

#[test]
fn every_page_reads_as_exactly_its_article() {
    for page in PAGES {
        let article = read(page.file);
        let file = page.file;
        assert_eq!(article.title.as_deref(), Some(page.title), "{file}");
        assert_eq!(article.body, page.body.join("\n\n"), "{file}");
        assert_eq!(article.published_at.as_deref(), page.published_at, "{file}");
        assert_eq!(article.outlet.as_deref(), page.outlet, "{file}");
        assert_eq!(article.url.as_deref(), page.url, "{file}");
        assert_eq!(article.warnings, page.warnings, "{file}");
    }
}

#[test]
fn a_page_that_javascript_fills_in_is_an_empty_text_error() {
    let mut records: Vec<_> =
        load(vec![fixture(JAVASCRIPT_ONLY)], LoadOptions::default()).collect();
    assert_eq!(records.len(), 1);
    let error = records
        .remove(0)
        .expect_err("no article text, even with a title");
    assert_eq!(error.kind, ErrorKind::EmptyText);
    assert!(
        error.message.contains("no article text"),
        "{}",
        error.message
    );
}

#[test]
fn no_ticker_comes_from_page_furniture() {
    let dir = root().join("tests/fixtures/html");
    let out = finsent(&["tickers", dir.to_str().expect("path")]);
    // The JavaScript-only page fails (reported on stderr), so the run exits 1.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("javascript_only.html: no article text"),
        "{}",
        stderr(&out)
    );
    let found: BTreeMap<String, Vec<String>> = stdout_records(&out)
        .iter()
        .map(|r| {
            let id = r["id"].as_str().expect("id");
            let file = id.rsplit('/').next().expect("file name").to_string();
            let mut symbols: Vec<String> = r["tickers"]
                .as_array()
                .expect("tickers")
                .iter()
                .map(|m| m["symbol"].as_str().expect("symbol").to_string())
                .collect();
            symbols.sort();
            symbols.dedup();
            (file, symbols)
        })
        .collect();
    let expected: BTreeMap<String, Vec<String>> = PAGES
        .iter()
        .map(|p| {
            let symbols = p.tickers.iter().map(|s| s.to_string()).collect();
            (p.file.to_string(), symbols)
        })
        .collect();
    assert_eq!(found, expected);
}
