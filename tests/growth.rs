//! Cost linear in the input, asserted on work done rather than on time: this test binary
//! counts every allocation (how many, and their bytes) its threads make, and a shape of
//! input 4x as large may not cost more than 2.5x as much per unit of input. Linear work
//! costs the same per unit (growing vectors and tables allocate up to 2x their final size,
//! so up to 2x per unit across sizes); quadratic work costs 4x per unit. The counts are
//! the same on every run and every machine, busy or not. How fast these shapes run is
//! measured by the criterion benches (`benches/text.rs` `pathological/*`,
//! `benches/html.rs`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Cursor;
use std::path::PathBuf;

use finsent::loader::{InputFormat, LoadOptions, read_format};
use finsent::split::split_sentences;
use finsent::tickers::Tickers;

/// The system allocator, counting what each thread allocates.
struct Counting;

thread_local! {
    /// (allocations, bytes allocated) by this thread so far.
    static ALLOCATED: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

fn note(bytes: usize) {
    // `try_with`: the allocator runs while a thread's locals are torn down too.
    let _ = ALLOCATED.try_with(|a| {
        let (count, total) = a.get();
        a.set((count + 1, total + bytes as u64));
    });
}

// SAFETY: every call goes to the system allocator with the same arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Work done on one thread: its allocations, and their bytes.
#[derive(Debug, Clone, Copy)]
struct Work {
    allocations: u64,
    bytes: u64,
}

/// The work `f` did on this thread, and its result. Run a shape once before measuring it:
/// the first run also builds what is built once per process (regexes, selectors).
fn work_of<T>(f: impl FnOnce() -> T) -> (Work, T) {
    let (count, total) = ALLOCATED.with(Cell::get);
    let out = f();
    let (count_after, total_after) = ALLOCATED.with(Cell::get);
    let work = Work {
        allocations: count_after - count,
        bytes: total_after - total,
    };
    (work, out)
}

/// The work of `large` (`large_units` of input) per unit may be at most 2.5x that of
/// `small` (`small_units`): linear growth passes, quadratic growth (4x per unit) fails.
fn assert_linear(what: &str, small: (Work, usize), large: (Work, usize)) {
    let ((small, small_units), (large, large_units)) = (small, large);
    assert!(
        large_units * 10 >= small_units * 39,
        "{what}: about 4x the input ({small_units} -> {large_units})"
    );
    assert!(small.allocations > 0, "{what}: the work is counted");
    let per_unit = |n: u64, units: usize| n as f64 / units as f64;
    let ratio = |s: u64, l: u64| per_unit(l, large_units) / per_unit(s, small_units);
    let allocations = ratio(small.allocations, large.allocations);
    let bytes = ratio(small.bytes, large.bytes);
    eprintln!(
        "{what}: {small:?} -> {large:?} for {large_units} / {small_units} of the input; \
         per unit {allocations:.2}x the allocations, {bytes:.2}x the bytes"
    );
    assert!(
        allocations <= 2.5 && bytes <= 2.5,
        "{what}: per unit of input, 4x the input made {allocations:.2}x the allocations \
         and {bytes:.2}x the bytes ({small:?} -> {large:?})"
    );
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The work of loading `page` through the HTML loader.
fn html_work(page: &str) -> (Work, usize) {
    let reader = Box::new(Cursor::new(page.as_bytes().to_vec()));
    let (work, records) = work_of(|| {
        read_format(
            InputFormat::Html,
            reader,
            "p.html".into(),
            &LoadOptions::default(),
        )
        .count()
    });
    assert_eq!(records, 1, "one record per page");
    (work, page.len())
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
fn html_work_grows_linearly_with_nesting_depth() {
    html_work(&nested(5_000));
    let (small, large) = (html_work(&nested(5_000)), html_work(&nested(20_000)));
    // Refused by the pass over the tags, before parsing: reading the page copies it a few
    // times, a parsed tree would take hundreds of bytes per element.
    assert!(
        large.0.bytes <= 8 * large.1 as u64,
        "{:?} of work on a page of {} bytes",
        large.0,
        large.1
    );
    assert_linear("nesting", small, large);
}

/// Wide pages of deep (100-level) subtrees: the work follows the page's size.
#[test]
fn html_work_grows_linearly_with_page_width() {
    let page = |subtrees: usize| {
        let subtree = format!(
            "{}<p>Toyota shares rose after strong results in North America.</p>{}",
            "<div>".repeat(100),
            "</div>".repeat(100)
        );
        format!("<html><body>{}</body></html>", subtree.repeat(subtrees))
    };
    html_work(&page(10));
    assert_linear("width", html_work(&page(10)), html_work(&page(40)));
}

fn tickers() -> Tickers {
    Tickers::load(&root().join(finsent::GAZETTEER_FILE)).expect("shipped gazetteer loads")
}

/// Regression (issue 25 #13): ticker cost grew with the square of the mentions in one
/// sentence (`'Apple Inc. ' * 100000` took 185 s).
#[test]
fn regression_mentions_in_one_sentence_cost_linear_work() {
    let t = tickers();
    for (unit, n) in [
        ("Apple Inc. ", 5_000),
        ("Toyota Motor Corp. Sony Group Apple Inc. Nvidia ", 1_500),
    ] {
        let run = |n: usize| {
            let text = unit.repeat(n);
            let spans = split_sentences(&text);
            let (work, mentions) = work_of(|| t.find(&text, &spans).len());
            assert!(mentions >= n, "{unit}: {mentions} mentions of {n}");
            (work, n)
        };
        run(n);
        assert_linear(unit.trim(), run(n), run(4 * n));
    }
}

/// A gazetteer of `rows` listings, each named by a name of `name_bytes` bytes.
fn gazetteer_of(rows: usize, name_bytes: usize) -> String {
    (0..rows)
        .map(|i| {
            let name = format!("Name{i:06} {}", "x".repeat(name_bytes));
            format!(
                "{{\"symbol\":\"S{i}\",\"exchange\":\"NYSE\",\"name\":\"C{i}\",\"aliases\":[\"{}\"],\
                 \"ambiguous\":[],\"codes\":[\"NYSE:S{i}\"]}}\n",
                &name[..name_bytes]
            )
        })
        .collect()
}

/// Regression (issue 25 #16): a 100 KB name took 38 s to load (1 MB over 120 s). Names are
/// at most `MAX_NAME_BYTES`, refused on reading their row, before the name matcher is
/// built; and loading grows linearly with the gazetteer.
#[test]
fn regression_long_gazetteer_names_are_refused_and_loading_is_linear() {
    let huge = gazetteer_of(1, 100_000);
    let (refusing, result) = work_of(|| Tickers::parse(&huge, "test"));
    let err = result.err().expect("a 100 KB name is refused");
    assert!(err.to_string().contains("at most"), "{err}");
    // Reading the row copies the name once or twice; building a matcher of it would take
    // many times its size.
    assert!(
        refusing.bytes <= 3 * huge.len() as u64,
        "refused after {refusing:?} of work on a row of {} bytes",
        huge.len()
    );
    let longest = finsent::tickers::MAX_NAME_BYTES;
    let load = |rows: usize| {
        let text = gazetteer_of(rows, longest);
        let (work, parsed) = work_of(|| Tickers::parse(&text, "test"));
        assert!(parsed.is_ok(), "{rows} rows load");
        (work, rows)
    };
    load(500);
    assert_linear("gazetteer of long names", load(500), load(2_000));
}
