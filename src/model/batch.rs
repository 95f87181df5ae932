//! Batches by token budget: inputs sorted by length, so a batch pads little, and cut so that
//! a batch's padded size (items × longest) stays within the budget. The plan depends only on
//! the lengths, never on the thread count, so scores are reproducible. Batches go to the
//! backend unpadded; [`pad_batch`] lays one out as rectangular tensors for a backend that
//! needs them (ONNX Runtime does).

use super::tokenize::Window;

/// One padded batch, row-major `[rows, width]`, as the model's inputs take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchTensors {
    pub rows: usize,
    pub width: usize,
    pub input_ids: Vec<i64>,
    /// 1 on tokens, 0 on padding.
    pub attention_mask: Vec<i64>,
    /// Present when the model takes token types.
    pub token_type_ids: Option<Vec<i64>>,
}

/// Pads `windows` to the longest with `pad_id`; token types only when the model takes them.
pub fn pad_batch(windows: &[&Window], pad_id: u32, with_token_types: bool) -> BatchTensors {
    let rows = windows.len();
    let width = windows
        .iter()
        .map(|w| w.ids.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut input_ids = vec![i64::from(pad_id); rows * width];
    let mut attention_mask = vec![0i64; rows * width];
    let mut token_type_ids = with_token_types.then(|| vec![0i64; rows * width]);
    for (row, window) in windows.iter().enumerate() {
        let start = row * width;
        let len = window.ids.len();
        let ids = window.ids.iter().map(|&id| i64::from(id));
        for (slot, id) in input_ids[start..start + len].iter_mut().zip(ids) {
            *slot = id;
        }
        attention_mask[start..start + len].fill(1);
        if let Some(types) = token_type_ids.as_mut() {
            let window_types = window.type_ids.iter().map(|&t| i64::from(t));
            for (slot, t) in types[start..start + len].iter_mut().zip(window_types) {
                *slot = t;
            }
        }
    }
    BatchTensors {
        rows,
        width,
        input_ids,
        attention_mask,
        token_type_ids,
    }
}

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
    fn pad_batch_pads_to_the_longest_and_masks_the_padding() {
        let long = Window {
            ids: vec![101, 7, 8, 102],
            type_ids: vec![0, 0, 1, 1],
        };
        let short = Window {
            ids: vec![101, 102],
            type_ids: vec![0, 0],
        };
        let batch = pad_batch(&[&short, &long], 3, true);
        assert_eq!((batch.rows, batch.width), (2, 4));
        assert_eq!(batch.input_ids, [101, 102, 3, 3, 101, 7, 8, 102]);
        assert_eq!(batch.attention_mask, [1, 1, 0, 0, 1, 1, 1, 1]);
        assert_eq!(batch.token_type_ids, Some(vec![0, 0, 0, 0, 0, 0, 1, 1]));
        assert_eq!(pad_batch(&[&short], 0, false).token_type_ids, None);
    }

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
