//! One record never takes down a run. The work on records runs inside a panic boundary: a
//! panic there, from finsent or from a dependency (the tokenizer, the HTML parser, a regex),
//! becomes an `internal` error record for the record it happened on, carrying the panic
//! message, and the run goes on with the other records unchanged.
//!
//! Where the boundary sits: around each chunk of every run, by the one stream runner
//! ([`crate::stream::run`], with [`isolated`]), because records are batched for the model.
//! When a chunk panics, each of its records is run again alone, so only the records that
//! panic alone fail; scores do not depend on batch-mates, so the others come out as they
//! would have. Each stage makes its own `internal` record ([`crate::pipeline::panicked_record`]
//! for `score`). The loaders run each record's parsing alone; a panic while reading an
//! input outside a record (walking a directory) ends that input with one `internal` error
//! record ([`crate::loader::load`]).

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::article::{ErrorKind, Origin, RecordError};

/// Runs `work`; a panic in it becomes its message.
pub fn catching<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    // The work's state is dropped or rebuilt after a panic (a batch is run again from
    // clones of its records), so no broken invariant is observed.
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| panic_message(payload.as_ref()))
}

/// The text a panic was raised with.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message");
    format!("internal error (a bug in finsent; please report it): {text}")
}

/// The `internal` error record of the record `id` read at `origin`, whose work panicked
/// with `message`.
pub fn internal_error(id: &str, origin: &Origin, message: String) -> RecordError {
    RecordError {
        id: id.to_string(),
        kind: ErrorKind::Internal,
        message,
        origin: origin.clone(),
    }
}

/// Runs `work` on `items` as one batch: one output per item, in order. If it panics, runs
/// it on each item alone: an item that panics alone gets `panicked(item, message)`, the
/// others what `work` gives them.
pub fn isolated<T: Clone, R>(
    items: Vec<T>,
    mut work: impl FnMut(Vec<T>) -> Vec<R>,
    panicked: impl Fn(&T, String) -> R,
) -> Vec<R> {
    let copy = items.clone();
    match catching(|| work(items)) {
        Ok(out) => out,
        Err(_) => copy
            .into_iter()
            .map(|item| {
                let alone = catching(|| work(vec![item.clone()]));
                match alone.map(|out| out.into_iter().next()) {
                    Ok(Some(out)) => out,
                    Ok(None) => panicked(&item, "no result".into()),
                    Err(message) => panicked(&item, message),
                }
            })
            .collect(),
    }
}

/// The fault-injection hook of the isolation tests, called in each item's work by the
/// stream runner with the item's id ([`crate::stream::Stage::id`]: a record's id, a
/// `classify` line's `path:line`, the position of a text given to Python's `classify` or
/// `tickers`) and for each entry of a scanned directory (as `walk <path>`): in builds with
/// the test-only feature `fault-hook`, which `cargo test` turns on (the package is its own
/// dev-dependency with it), the record or entry whose id is the value of
/// `FINSENT_TEST_PANIC_ID` panics here. Other builds have no hook and read no environment.
pub fn fault_point(id: &str) {
    #[cfg(feature = "fault-hook")]
    {
        use std::sync::LazyLock;
        static PANIC_ID: LazyLock<Option<String>> =
            LazyLock::new(|| std::env::var("FINSENT_TEST_PANIC_ID").ok());
        if PANIC_ID.as_deref() == Some(id) {
            panic!("test fault injected into record {id}");
        }
    }
    #[cfg(not(feature = "fault-hook"))]
    let _ = id;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolated_keeps_the_batch_result_or_isolates_the_panicking_item() {
        let double = |xs: Vec<i32>| -> Vec<Result<i32, String>> {
            xs.into_iter()
                .map(|x| {
                    assert!(x != 3, "three");
                    Ok(x * 2)
                })
                .collect()
        };
        let panicked = |_: &i32, message: String| Err(message);
        assert_eq!(isolated(vec![1, 2], double, panicked), [Ok(2), Ok(4)]);
        let out = isolated(vec![1, 3, 4], double, panicked);
        assert_eq!(out[0], Ok(2));
        assert!(out[1].as_ref().is_err_and(|m| m.contains("three")));
        assert_eq!(out[2], Ok(8));
    }
}
