//! Text to token ids with the model's own `tokenizer.json`: no padding (batches are padded
//! when tensors are built), explicit truncation, and overflow windows for long sentences.

use std::path::Path;

use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use crate::error::{Error, Result};

/// Tokens shared by consecutive windows of a sentence longer than the model's maximum.
const WINDOW_OVERLAP: usize = 32;

pub struct Encoder {
    tokenizer: Tokenizer,
    prefix: String,
}

impl Encoder {
    /// Loads `tokenizer.json`; `prefix` is prepended to every text (the model's domain tag).
    pub fn load(path: &Path, max_length: usize, prefix: String) -> Result<Self> {
        let mut tokenizer = Tokenizer::from_file(path)
            .map_err(|e| Error::Tokenizer(format!("{}: {e}", path.display())))?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length,
                stride: WINDOW_OVERLAP.min(max_length / 4),
                strategy: TruncationStrategy::LongestFirst,
                direction: TruncationDirection::Right,
            }))
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        Ok(Self { tokenizer, prefix })
    }

    /// The token ids of `text` in windows of at most the maximum length, special tokens included.
    pub fn encode(&self, text: &str) -> Result<Vec<Vec<u32>>> {
        let input = if self.prefix.is_empty() {
            text.to_string()
        } else {
            format!("{}{text}", self.prefix)
        };
        let mut encoding = self
            .tokenizer
            .encode_fast(input, true)
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        let overflow = encoding.take_overflowing();
        let mut windows = Vec::with_capacity(1 + overflow.len());
        windows.push(encoding.get_ids().to_vec());
        windows.extend(overflow.iter().map(|e| e.get_ids().to_vec()));
        Ok(windows)
    }
}
