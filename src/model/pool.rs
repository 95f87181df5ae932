//! A fixed set of items (ONNX Runtime sessions) lent out one caller at a time. A caller
//! takes whichever item is free and waits when none is, so any number of threads can share
//! the set, whatever pool they run in: nothing ties an item to a thread. A thread is given
//! the item it had last when that one is free (a hint, not a rule): with as many workers as
//! sessions each keeps to one, as a session tied to a worker did, instead of sessions
//! passing from thread to thread at every batch.

use std::cell::Cell;
use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

thread_local! {
    /// The index this thread leased last, from any pool; only ever a preference.
    static LAST: Cell<Option<usize>> = const { Cell::new(None) };
}

pub struct Pool<T> {
    items: Vec<Mutex<T>>,
    /// Indexes of the items no lease holds.
    free: Mutex<Vec<usize>>,
    returned: Condvar,
}

/// One item of a [`Pool`], held until the lease is dropped (a panic included).
pub struct Lease<'a, T> {
    pool: &'a Pool<T>,
    index: usize,
    item: MutexGuard<'a, T>,
}

impl<T> Pool<T> {
    pub fn new(items: Vec<T>) -> Self {
        Self {
            free: Mutex::new((0..items.len()).rev().collect()),
            items: items.into_iter().map(Mutex::new).collect(),
            returned: Condvar::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// A free item, waiting until one is returned when all are lent. A pool of no items
    /// would wait for ever; [`Pool::new`]'s callers give it one at least.
    pub fn lease(&self) -> Lease<'_, T> {
        let mut free = relock(self.free.lock());
        let index = loop {
            let had = LAST
                .get()
                .and_then(|last| free.iter().position(|&i| i == last));
            if let Some(index) = had.map(|at| free.swap_remove(at)).or_else(|| free.pop()) {
                break index;
            }
            free = relock(self.returned.wait(free));
        };
        drop(free);
        LAST.set(Some(index));
        Lease {
            pool: self,
            index,
            // Only this lease holds `index`, so this lock is never contended.
            item: relock(self.items[index].lock()),
        }
    }

    /// The items no lease holds.
    #[cfg(test)]
    fn available(&self) -> usize {
        relock(self.free.lock()).len()
    }
}

/// A panic caught while an item was lent (one record's bug, see `crate::isolate`) leaves
/// the item itself intact: later callers go on using it.
fn relock<G>(result: Result<G, PoisonError<G>>) -> G {
    result.unwrap_or_else(PoisonError::into_inner)
}

impl<T> Deref for Lease<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.item
    }
}

impl<T> DerefMut for Lease<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.item
    }
}

impl<T> Drop for Lease<'_, T> {
    fn drop(&mut self) {
        relock(self.pool.free.lock()).push(self.index);
        self.pool.returned.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// More callers than items: every call gets an item, no item is lent twice at once, and
    /// all come back.
    #[test]
    fn more_callers_than_items_share_them_one_at_a_time() {
        const ITEMS: usize = 2;
        const CALLERS: usize = 8;
        const CALLS: usize = 200;
        let pool = Pool::new(vec![0usize; ITEMS]);
        let lent = AtomicUsize::new(0);
        let most_lent = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..CALLERS {
                scope.spawn(|| {
                    for _ in 0..CALLS {
                        let mut item = pool.lease();
                        let now = lent.fetch_add(1, Ordering::SeqCst) + 1;
                        most_lent.fetch_max(now, Ordering::SeqCst);
                        *item += 1;
                        std::thread::yield_now();
                        lent.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        assert!(most_lent.load(Ordering::SeqCst) <= ITEMS);
        assert_eq!(pool.available(), ITEMS, "every item came back");
        let uses: usize = pool.items.iter().map(|m| *relock(m.lock())).sum();
        assert_eq!(uses, CALLERS * CALLS, "every call had an item to itself");
    }

    /// A thread gets back the item it had last when that one is free, though another was
    /// returned after it.
    #[test]
    fn a_thread_gets_its_last_item_back_when_it_is_free() {
        let pool = Pool::new(vec!["a", "b"]);
        let (first, second) = (pool.lease(), pool.lease());
        let mine = *second;
        drop(second);
        drop(first);
        // Another thread takes and returns the other item, which is then the last returned.
        std::thread::scope(|scope| {
            scope.spawn(|| drop(pool.lease()));
        });
        assert_eq!(*pool.lease(), mine);
    }

    /// An item lent to a caller that panics comes back, so the pool does not shrink.
    #[test]
    fn a_panic_while_lent_returns_the_item() {
        let pool = Pool::new(vec![String::new()]);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut item = pool.lease();
            item.push_str("used");
            panic!("a record's bug");
        }));
        assert!(caught.is_err());
        assert_eq!(pool.available(), 1);
        assert_eq!(pool.lease().as_str(), "used", "the item survives the panic");
    }
}
