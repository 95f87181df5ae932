//! The model directory's `config.json`: label order, maximum length, domain tags and the
//! checksum of the ONNX file. Nothing about the model is hard-coded in the scorer.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

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
    pub fn load(dir: &Path) -> Result<Self> {
        let path = dir.join("config.json");
        let text = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        Self::parse(&text, path)
    }

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
        Ok(config)
    }

    pub fn onnx_path(&self, dir: &Path) -> PathBuf {
        dir.join(&self.onnx)
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

    /// Checks the ONNX file against the sha256 in `config.json`.
    pub fn verify(&self, dir: &Path) -> Result<()> {
        let path = self.onnx_path(dir);
        let found = sha256_file(&path)?;
        self.check_sha256(path, found)
    }

    /// Checks ONNX bytes read already (`path` names them in errors) against the sha256 in
    /// `config.json`.
    pub fn verify_bytes(&self, onnx: &[u8], path: PathBuf) -> Result<()> {
        self.check_sha256(path, hex(&Sha256::digest(onnx)))
    }

    fn check_sha256(&self, path: PathBuf, found: String) -> Result<()> {
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

fn sha256_file(path: &Path) -> Result<String> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(io)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
