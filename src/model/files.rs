//! A model's files, read into memory at the edge — from a directory or compiled into the
//! binary — so that everything after follows one path: one config parse, one checksum, one
//! tokenizer load, one session builder.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::config::ModelConfig;
use crate::error::{Error, Result};

/// `config.json`, the ONNX graph it names and `tokenizer.json`, as bytes.
#[derive(Debug, Clone)]
pub struct ModelFiles<'a> {
    pub config: Cow<'a, [u8]>,
    pub onnx: Cow<'a, [u8]>,
    pub tokenizer: Cow<'a, [u8]>,
    /// Where the files came from (a directory, or `<compiled in>/models/...`); errors name
    /// each file under it.
    pub origin: PathBuf,
}

impl ModelFiles<'static> {
    /// Reads the model in `dir`.
    pub fn read(dir: &Path) -> Result<Self> {
        let read =
            |path: PathBuf| std::fs::read(&path).map_err(|source| Error::Io { path, source });
        let config = read(dir.join("config.json"))?;
        let onnx = ModelConfig::parse(&config, dir.join("config.json"))?.onnx;
        Ok(Self {
            onnx: Cow::Owned(read(dir.join(onnx))?),
            tokenizer: Cow::Owned(read(dir.join("tokenizer.json"))?),
            config: Cow::Owned(config),
            origin: dir.to_path_buf(),
        })
    }
}

impl<'a> ModelFiles<'a> {
    /// Files held in memory already (compiled in); `origin` names them in errors.
    pub fn from_bytes(config: &'a [u8], onnx: &'a [u8], tokenizer: &'a [u8], origin: &str) -> Self {
        Self {
            config: Cow::Borrowed(config),
            onnx: Cow::Borrowed(onnx),
            tokenizer: Cow::Borrowed(tokenizer),
            origin: PathBuf::from(origin),
        }
    }

    /// The model's configuration, its ONNX graph checked against the checksum in it.
    pub fn verified_config(&self) -> Result<ModelConfig> {
        let config = ModelConfig::parse(&self.config, self.origin.join("config.json"))?;
        config.verify_bytes(&self.onnx, self.origin.join(&config.onnx))?;
        Ok(config)
    }

    /// How errors name `tokenizer.json`.
    pub fn tokenizer_origin(&self) -> String {
        self.origin.join("tokenizer.json").display().to_string()
    }
}
