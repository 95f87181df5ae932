//! The model directory's `config.json`: label order, maximum length, domain tags and the
//! checksum of the ONNX file. Nothing about the model is hard-coded in the scorer.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Deserialize)]
pub struct ModelConfig {
    pub name: String,
    pub version: String,
    /// Class names in the order of the model's logits.
    pub labels: Vec<String>,
    /// Tokens per model input, special tokens included; longer texts are scored in windows.
    pub max_length: usize,
    /// The ONNX file, relative to the model directory.
    pub onnx: String,
    pub onnx_sha256: String,
    /// Text prepended to every input of a domain, as in training.
    #[serde(default)]
    pub domain_prefix: BTreeMap<String, String>,
    pub default_domain: Option<String>,
    /// The ONNX inputs the model takes (`input_ids`, `attention_mask`, maybe `token_type_ids`).
    pub inputs: Vec<String>,
    /// The ONNX output holding the logits.
    pub output: String,
    /// The token that fills padded positions; its id comes from the tokenizer.
    pub pad_token: String,
    /// How a text is asked about one target entity; `None` for a model without targets.
    pub target_format: Option<TargetFormat>,
    /// Calibrated softmax temperature per domain, fitted on dev splits (logits are divided
    /// by it); a domain without one keeps the raw probabilities (temperature 1).
    #[serde(default)]
    pub temperature: BTreeMap<String, f32>,
}

/// The target-aware input convention, as in training: the domain tag, then `prefix` with the
/// target's name, then the text with each mention of the target between `open` and `close`:
/// `news | Nissan | Toyota rose while << Nissan >> slumped`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TargetFormat {
    /// Contains `{target}`, replaced by the target's name.
    pub prefix: String,
    pub open: String,
    pub close: String,
}

impl TargetFormat {
    /// The prefix naming `target`.
    pub fn prefix_for(&self, target: &str) -> String {
        self.prefix.replace("{target}", target)
    }
}

/// Indexes of the three classes in the model's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelIndex {
    pub negative: usize,
    pub neutral: usize,
    pub positive: usize,
}

impl ModelConfig {
    /// A `config.json` read already; `path` names it in errors.
    pub fn parse(text: &[u8], path: PathBuf) -> Result<Self> {
        let config: Self =
            serde_json::from_slice(text).map_err(|source| Error::ModelConfig { path, source })?;
        if config.max_length < 8 {
            return Err(Error::Model(format!(
                "max_length {} is too small",
                config.max_length
            )));
        }
        config.label_index()?;
        for required in ["input_ids", "attention_mask"] {
            if !config.inputs.iter().any(|i| i == required) {
                return Err(Error::Model(format!(
                    "config.json inputs {:?} lack {required}",
                    config.inputs
                )));
            }
        }
        if let Some(format) = &config.target_format
            && !format.prefix.contains("{target}")
        {
            return Err(Error::Model(format!(
                "config.json target_format prefix {:?} lacks {{target}}",
                format.prefix
            )));
        }
        if let Some((domain, t)) = config
            .temperature
            .iter()
            .find(|(_, t)| !(t.is_finite() && **t > 0.0))
        {
            return Err(Error::Model(format!(
                "config.json temperature for {domain:?} must be a number > 0, got {t}"
            )));
        }
        Ok(config)
    }

    pub fn label_index(&self) -> Result<LabelIndex> {
        let find = |name: &str| {
            self.labels.iter().position(|l| l == name).ok_or_else(|| {
                Error::Model(format!(
                    "config.json labels {:?} lack {name:?}",
                    self.labels
                ))
            })
        };
        if self.labels.len() != 3 {
            return Err(Error::Model(format!(
                "expected 3 labels, config.json has {:?}",
                self.labels
            )));
        }
        Ok(LabelIndex {
            negative: find("negative")?,
            neutral: find("neutral")?,
            positive: find("positive")?,
        })
    }

    /// The temperature for `domain` (the default domain's when `None`); 1 without one.
    pub fn temperature(&self, domain: Option<&str>) -> f32 {
        domain
            .or(self.default_domain.as_deref())
            .and_then(|d| self.temperature.get(d))
            .copied()
            .unwrap_or(1.0)
    }

    /// The prefix for `domain`, or the default domain's when `None`.
    pub fn prefix(&self, domain: Option<&str>) -> Result<String> {
        let Some(domain) = domain.or(self.default_domain.as_deref()) else {
            return Ok(String::new());
        };
        self.domain_prefix.get(domain).cloned().ok_or_else(|| {
            let known: Vec<_> = self.domain_prefix.keys().cloned().collect();
            Error::Usage(format!(
                "unknown domain {domain:?}; this model knows {known:?}"
            ))
        })
    }

    /// Checks the ONNX graph's bytes (`path` names them in errors) against the sha256 in
    /// `config.json`.
    pub fn verify_bytes(&self, onnx: &[u8], path: PathBuf) -> Result<()> {
        let found = hex(&Sha256::digest(onnx));
        if found.eq_ignore_ascii_case(&self.onnx_sha256) {
            Ok(())
        } else {
            Err(Error::ModelChecksum {
                path,
                expected: self.onnx_sha256.clone(),
                found,
            })
        }
    }
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(extra: &str) -> Result<ModelConfig> {
        let text = format!(
            r#"{{"name": "m", "version": "1", "labels": ["negative", "neutral", "positive"],
                "max_length": 128, "onnx": "model.onnx", "onnx_sha256": "00",
                "inputs": ["input_ids", "attention_mask"], "output": "logits",
                "pad_token": "[PAD]", "target_format": null, "default_domain": "news"{extra}}}"#
        );
        ModelConfig::parse(text.as_bytes(), PathBuf::from("config.json"))
    }

    #[test]
    fn temperatures_are_per_domain_with_one_as_the_default() {
        let plain = config("").expect("config");
        assert_eq!(plain.temperature(None), 1.0);
        let calibrated = config(r#", "temperature": {"news": 1.9, "tweet": 1.2}"#).expect("config");
        assert_eq!(calibrated.temperature(None), 1.9, "the default domain's");
        assert_eq!(calibrated.temperature(Some("tweet")), 1.2);
        assert_eq!(calibrated.temperature(Some("headline")), 1.0);
    }

    #[test]
    fn a_temperature_that_is_not_positive_is_refused() {
        for bad in ["0", "-1", "1e40"] {
            let refused = config(&format!(r#", "temperature": {{"news": {bad}}}"#));
            assert!(refused.is_err(), "temperature {bad}");
        }
    }
}
