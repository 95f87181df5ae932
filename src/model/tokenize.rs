//! Text to token ids with the model's own `tokenizer.json`: no padding (the backend pads a
//! batch if it needs to), explicit truncation, and overflow windows for long sentences.
//! A text asked about a target carries the target's prefix in every window, and only the
//! windows that hold a marked mention are scored.

use tokenizers::Tokenizer;

use super::config::TargetFormat;
use super::input::ModelInput;
use crate::error::{Error, Result};

/// Tokens shared by consecutive windows of a sentence longer than the model's maximum.
const WINDOW_OVERLAP: usize = 32;
/// Most tokens of a target's name in its prefix; a longer name is cut.
const TARGET_NAME_TOKENS: usize = 16;

/// One model input: token ids and their token types, special tokens and tags included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub ids: Vec<u32>,
    pub type_ids: Vec<u32>,
}

/// The target convention, tokenized.
struct TargetEncoding {
    format: TargetFormat,
    /// Token ids of the prefix without a name (the bar), and of the opening marker.
    bar_ids: Vec<u32>,
    open_ids: Vec<u32>,
}

pub struct Encoder {
    tokenizer: Tokenizer,
    /// The tokenizer file, for errors.
    origin: String,
    /// Token ids of the domain tag, inserted after the leading special tokens of every window.
    prefix_ids: Vec<u32>,
    /// The special tokens (and their token types) around every window, from the tokenizer's
    /// own post-processor: `[CLS]` before, `[SEP]` after for BERT.
    lead: Window,
    trail: Window,
    max_length: usize,
    target: Option<TargetEncoding>,
    pad_id: u32,
}

/// How an [`Encoder`] builds windows, from the model's `config.json`.
#[derive(Debug, Clone, Copy)]
pub struct EncoderSettings<'a> {
    /// Tokens per window, special tokens included.
    pub max_length: usize,
    /// The model's domain tag, at the start of every window.
    pub prefix: &'a str,
    /// The token that fills padded positions.
    pub pad_token: &'a str,
    /// The model's target convention, if it takes targets.
    pub target: Option<&'a TargetFormat>,
}

impl Encoder {
    /// The encoder of a `tokenizer.json` (its bytes); `origin` names the file in errors.
    pub fn new(json: &[u8], origin: &str, settings: EncoderSettings<'_>) -> Result<Self> {
        let fail = |source| Error::Tokenizer {
            origin: origin.to_string(),
            source,
        };
        let mut tokenizer = Tokenizer::from_bytes(json).map_err(fail)?;
        let EncoderSettings {
            max_length,
            prefix,
            pad_token,
            target,
        } = settings;
        tokenizer.with_padding(None);
        tokenizer.with_truncation(None).map_err(fail)?;
        let pad_id = tokenizer.token_to_id(pad_token).ok_or_else(|| {
            Error::Model(format!("the pad token {pad_token:?} is not in {origin}"))
        })?;
        // A one-word text shows where the post-processor puts its special tokens.
        let probe = tokenizer.encode_fast("a", true).map_err(fail)?;
        let mask = probe.get_special_tokens_mask();
        let leading = mask.iter().take_while(|&&m| m == 1).count();
        let trailing = mask.iter().rev().take_while(|&&m| m == 1).count();
        let part = |range: std::ops::Range<usize>| Window {
            ids: probe.get_ids()[range.clone()].to_vec(),
            type_ids: probe.get_type_ids()[range].to_vec(),
        };
        let (lead, trail) = (part(0..leading), part(probe.len() - trailing..probe.len()));
        let ids_of = |text: &str| -> Result<Vec<u32>> {
            Ok(tokenizer
                .encode_fast(text, false)
                .map_err(fail)?
                .get_ids()
                .to_vec())
        };
        let prefix_ids = ids_of(prefix)?;
        let target = target
            .map(|format| -> Result<TargetEncoding> {
                Ok(TargetEncoding {
                    bar_ids: ids_of(&format.prefix_for(""))?,
                    open_ids: ids_of(format.open.trim())?,
                    format: format.clone(),
                })
            })
            .transpose()?;
        let fixed = lead.ids.len() + trail.ids.len() + prefix_ids.len();
        let target_fixed = target
            .as_ref()
            .map_or(0, |t| t.bar_ids.len() + TARGET_NAME_TOKENS);
        if max_length < fixed + target_fixed + 8 {
            return Err(Error::Model(format!(
                "max_length {max_length} leaves no room after the special tokens, the domain \
                 tag and a target prefix"
            )));
        }
        Ok(Self {
            tokenizer,
            origin: origin.to_string(),
            prefix_ids,
            lead,
            trail,
            max_length,
            target,
            pad_id,
        })
    }

    fn error(&self, source: tokenizers::Error) -> Error {
        Error::Tokenizer {
            origin: self.origin.clone(),
            source,
        }
    }

    fn ids_of(&self, text: &str) -> Result<Vec<u32>> {
        let encoding = self
            .tokenizer
            .encode_fast(text, false)
            .map_err(|source| self.error(source))?;
        Ok(encoding.get_ids().to_vec())
    }

    /// The id that fills padded positions.
    pub fn pad_id(&self) -> u32 {
        self.pad_id
    }

    /// Whether the model knows a target convention.
    pub fn takes_targets(&self) -> bool {
        self.target.is_some()
    }

    /// The windows of `input`, each at most the maximum length, special tokens, the domain
    /// tag and any target prefix included; consecutive windows share `WINDOW_OVERLAP` tokens
    /// (a quarter of a window at most). Tokenizing a tag apart gives the same ids as
    /// tokenizing it in front of the text (it ends with a space), and lets every window
    /// carry it. A target input keeps only the windows holding a marked mention.
    pub fn encode(&self, input: &ModelInput<'_>) -> Result<Vec<Window>> {
        let (Some(target), Some(t)) = (&self.target, input.target.as_ref()) else {
            return self.windows(input.text, &self.prefix_ids, None);
        };
        let mut prefix = self.prefix_ids.clone();
        let named = self.ids_of(&target.format.prefix_for(t.name))?;
        // The name's ids, cut to TARGET_NAME_TOKENS, then the bar.
        let name_len = named.len().saturating_sub(target.bar_ids.len());
        prefix.extend_from_slice(&named[..name_len.min(TARGET_NAME_TOKENS)]);
        prefix.extend_from_slice(&named[name_len..]);
        let marked = t.marked(input.text, &target.format);
        self.windows(&marked, &prefix, Some(&target.open_ids))
    }

    fn windows(&self, text: &str, prefix: &[u32], needle: Option<&[u32]>) -> Result<Vec<Window>> {
        let encoding = self
            .tokenizer
            .encode_fast(text, false)
            .map_err(|source| self.error(source))?;
        let (ids, types) = (encoding.get_ids(), encoding.get_type_ids());
        let room = self.max_length - self.lead.ids.len() - self.trail.ids.len() - prefix.len();
        let step = room - WINDOW_OVERLAP.min(room / 4);
        let prefix_type = types.first().copied().unwrap_or(0);
        let mut all = Vec::new();
        let mut start = 0;
        loop {
            let end = (start + room).min(ids.len());
            let mut w = Window {
                ids: Vec::with_capacity(self.max_length),
                type_ids: Vec::with_capacity(self.max_length),
            };
            w.ids.extend_from_slice(&self.lead.ids);
            w.ids.extend_from_slice(prefix);
            w.ids.extend_from_slice(&ids[start..end]);
            w.ids.extend_from_slice(&self.trail.ids);
            w.type_ids.extend_from_slice(&self.lead.type_ids);
            w.type_ids
                .extend(std::iter::repeat_n(prefix_type, prefix.len()));
            w.type_ids.extend_from_slice(&types[start..end]);
            w.type_ids.extend_from_slice(&self.trail.type_ids);
            all.push(w);
            if end == ids.len() {
                break;
            }
            start += step;
        }
        let Some(needle) = needle.filter(|n| !n.is_empty() && all.len() > 1) else {
            return Ok(all);
        };
        let holding: Vec<Window> = all
            .iter()
            .filter(|w| w.ids.windows(needle.len()).any(|s| s == needle))
            .cloned()
            .collect();
        Ok(if holding.is_empty() { all } else { holding })
    }
}
