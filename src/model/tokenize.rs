//! Text to token ids with the model's own `tokenizer.json`: no padding (batches are padded
//! when tensors are built), explicit truncation, and overflow windows for long sentences.

use std::path::Path;

use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use crate::error::{Error, Result};

/// Tokens shared by consecutive windows of a sentence longer than the model's maximum.
const WINDOW_OVERLAP: usize = 32;

pub struct Encoder {
    tokenizer: Tokenizer,
    /// Token ids of the domain tag, inserted after the leading special tokens of every window.
    prefix_ids: Vec<u32>,
}

impl Encoder {
    /// Loads `tokenizer.json`; `prefix` (the model's domain tag) starts every window.
    pub fn load(path: &Path, max_length: usize, prefix: &str) -> Result<Self> {
        let tokenizer = Tokenizer::from_file(path)
            .map_err(|e| Error::Tokenizer(format!("{}: {e}", path.display())))?;
        Self::new(tokenizer, max_length, prefix)
    }

    /// A `tokenizer.json` read already; `origin` names it in errors.
    pub fn from_bytes(json: &[u8], origin: &str, max_length: usize, prefix: &str) -> Result<Self> {
        let tokenizer =
            Tokenizer::from_bytes(json).map_err(|e| Error::Tokenizer(format!("{origin}: {e}")))?;
        Self::new(tokenizer, max_length, prefix)
    }

    fn new(mut tokenizer: Tokenizer, max_length: usize, prefix: &str) -> Result<Self> {
        tokenizer.with_padding(None);
        let prefix_ids = tokenizer
            .encode_fast(prefix, false)
            .map_err(|e| Error::Tokenizer(e.to_string()))?
            .get_ids()
            .to_vec();
        let room = max_length.saturating_sub(prefix_ids.len());
        if room < 8 {
            return Err(Error::Model(format!(
                "max_length {max_length} leaves no room after the domain tag"
            )));
        }
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: room,
                stride: WINDOW_OVERLAP.min(room / 4),
                strategy: TruncationStrategy::LongestFirst,
                direction: TruncationDirection::Right,
            }))
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        Ok(Self {
            tokenizer,
            prefix_ids,
        })
    }

    /// The token ids of `text` in windows of at most the maximum length, special tokens and
    /// the domain tag included. Tokenizing the tag apart gives the same ids as tokenizing
    /// it in front of the text (it ends with a space), and lets every window carry it.
    pub fn encode(&self, text: &str) -> Result<Vec<Vec<u32>>> {
        let mut encoding = self
            .tokenizer
            .encode_fast(text, true)
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        let overflow = encoding.take_overflowing();
        Ok(std::iter::once(&encoding)
            .chain(&overflow)
            .map(|window| {
                let ids = window.get_ids();
                let leading = window
                    .get_special_tokens_mask()
                    .iter()
                    .take_while(|&&m| m == 1)
                    .count();
                let mut out = Vec::with_capacity(ids.len() + self.prefix_ids.len());
                out.extend_from_slice(&ids[..leading]);
                out.extend_from_slice(&self.prefix_ids);
                out.extend_from_slice(&ids[leading..]);
                out
            })
            .collect())
    }
}
