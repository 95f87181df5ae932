//! One record never takes down a run. The work on records runs inside a panic boundary: a
//! panic there, from finsent or from a dependency (the tokenizer, the HTML parser, a regex),
//! becomes an `internal` error record for the record it happened on, carrying the panic
//! message, and the run goes on with the other records unchanged.
//!
//! Where the boundary sits: around a batch of records (a chunk of `score`, by
//! [`crate::pipeline::per_record`] beside the record maker; the lines of `classify`),
//! because records are batched for the model. When a batch panics, each of its records is
//! run again alone, so only the records that panic alone fail; scores do not depend on
//! batch-mates, so the others come out as they would have. `split` and `tickers` run each
//! article alone, and the loaders run each record's parsing alone; a panic while reading an
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

/// Runs `work` on `items` as one batch (one result per item, in order). If it panics,
/// runs it on each item alone: an item that panics alone gets `Err` with the message.
pub fn per_item<T: Clone, R>(
    items: &[T],
    mut work: impl FnMut(&[T]) -> Vec<R>,
) -> Vec<Result<R, String>> {
    match catching(|| work(items)) {
        Ok(out) => out.into_iter().map(Ok).collect(),
        Err(_) => items
            .iter()
            .map(|item| {
                catching(|| work(std::slice::from_ref(item)))
                    .and_then(|mut out| out.pop().ok_or_else(|| "no result".to_string()))
            })
            .collect(),
    }
}

/// The fault-injection hook of the isolation tests, called in each record's work and
/// for each entry of a scanned directory (as `walk <path>`): in builds with the test-only
/// feature `fault-hook`, which `cargo test` turns on (the package is its own
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
    fn per_item_keeps_the_batch_result_or_isolates_the_panicking_item() {
        let double = |xs: &[i32]| -> Vec<i32> {
            xs.iter()
                .map(|&x| {
                    assert!(x != 3, "three");
                    x * 2
                })
                .collect()
        };
        assert_eq!(per_item(&[1, 2], double), [Ok(2), Ok(4)]);
        let out = per_item(&[1, 3, 4], double);
        assert_eq!(out[0], Ok(2));
        assert!(out[1].as_ref().is_err_and(|m| m.contains("three")));
        assert_eq!(out[2], Ok(8));
    }
}
