//! Cost linear in input: explicit growth-ratio tests with a generous bound (4x the input
//! may not take more than 8x the time; a quadratic cost takes 16x). Timings are the best
//! of several runs, each loading the page many times, one test at a time, so a busy
//! machine does not fail them. Speed itself is measured by the criterion benches (`benches/html.rs`).

use std::io::Cursor;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use finsent::loader::{InputFormat, LoadOptions, read_format};

/// The best time of 5 runs of loading `page` `times` times through the HTML loader.
fn load_time(page: &str, times: usize) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..times {
                let reader = Box::new(Cursor::new(page.as_bytes().to_vec()));
                let records = read_format(
                    InputFormat::Html,
                    reader,
                    "p.html".into(),
                    &LoadOptions::default(),
                );
                assert_eq!(records.count(), 1, "one record per page");
            }
            start.elapsed()
        })
        .min()
        .expect("five runs")
}

/// One measurement at a time: the test harness runs tests on parallel threads.
static SERIAL: Mutex<()> = Mutex::new(());

fn assert_linear(what: &str, small: &str, large: &str, times: usize) {
    let _alone = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    assert!(
        large.len() * 10 >= small.len() * 39,
        "{what}: about 4x the input"
    );
    let (t1, t4) = (load_time(small, times), load_time(large, times));
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!("{what}: 4x the input took {ratio:.2}x the time ({t1:?} -> {t4:?})");
    assert!(
        ratio <= 8.0,
        "{what}: 4x the input took {ratio:.1}x the time ({t1:?} -> {t4:?})"
    );
}

fn nested(depth: usize) -> String {
    format!(
        "<html><body>{}<p>Toyota shares rose.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// Regression (issue 25 #14): 5,000 nested divs took 3.6 s and 10,000 took 14.7 s. (Pages
/// of megabytes would measure the allocator and the caches, not finsent.)
#[test]
fn html_time_grows_linearly_with_nesting_depth() {
    assert_linear("nesting", &nested(5_000), &nested(20_000), 200);
}

/// Wide pages of deep (100-level) subtrees: time follows the page's size.
#[test]
fn html_time_grows_linearly_with_page_width() {
    let page = |subtrees: usize| {
        let subtree = format!(
            "{}<p>Toyota shares rose after strong results in North America.</p>{}",
            "<div>".repeat(100),
            "</div>".repeat(100)
        );
        format!("<html><body>{}</body></html>", subtree.repeat(subtrees))
    };
    assert_linear("width", &page(10), &page(40), 10);
}
