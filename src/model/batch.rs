//! Batches by token budget: inputs sorted by length, so a batch pads little, and cut so that
//! a batch's padded size (items × longest) stays within the budget. The plan depends only on
//! the lengths, never on the thread count, so scores are reproducible.

/// Groups the indexes of `lengths` into batches.
pub fn plan_batches(lengths: &[usize], token_budget: usize, max_batch: usize) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| lengths[i]);
    let mut batches = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for i in order {
        // Sorted ascending, so the newest item is the longest of its batch.
        let padded = (current.len() + 1) * lengths[i];
        if !current.is_empty() && (padded > token_budget || current.len() == max_batch) {
            batches.push(std::mem::take(&mut current));
        }
        current.push(i);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_sorted_and_within_budget() {
        let lengths = [30, 5, 12, 7, 60, 9, 11, 5, 128];
        let batches = plan_batches(&lengths, 64, 4);
        let flat: Vec<usize> = batches.iter().flatten().copied().collect();
        let mut sorted = flat.clone();
        sorted.sort_by_key(|&i| lengths[i]);
        assert_eq!(flat, sorted, "items come in length order");
        assert_eq!(flat.len(), lengths.len(), "every item once");
        for batch in &batches {
            let longest = batch.iter().map(|&i| lengths[i]).max().unwrap_or(0);
            assert!(batch.len() <= 4);
            assert!(
                batch.len() == 1 || batch.len() * longest <= 64,
                "{batch:?} over budget"
            );
        }
    }

    #[test]
    fn plan_ignores_everything_but_lengths() {
        let lengths = [3, 3, 3, 3, 3];
        assert_eq!(
            plan_batches(&lengths, 9, 100),
            vec![vec![0, 1, 2], vec![3, 4]]
        );
        assert!(plan_batches(&[], 9, 100).is_empty());
    }
}
