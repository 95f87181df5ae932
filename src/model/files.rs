//! A model's files, read into memory at the edge — from a directory or compiled into the
//! binary — so that everything after follows one path: one config parse, one checksum, one
//! tokenizer load, one session builder.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::config::ModelConfig;
use crate::error::{Error, Result};

/// The accurate tier's directory name: in the repository under `models/`, and in each place
/// [`accurate_places`] lists. Too large to compile in (about 110 MB), it ships as files.
pub const ACCURATE_NAME: &str = "finsent-mpnet-v3";

/// Where the accurate tier is looked for, in order: beside the finsent binary (a bundle),
/// `models/` in finsent's cache directory ([`super::cache_root`]), and the checkout this
/// library was built from.
pub fn accurate_places(exe_dir: Option<&Path>, cache_root: Option<&Path>) -> Vec<PathBuf> {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
    let mut places: Vec<PathBuf> = Vec::new();
    for dir in [
        exe_dir,
        cache_root.map(|c| c.join("models")).as_deref(),
        Some(&checkout),
    ]
    .into_iter()
    .flatten()
    {
        let place = dir.join(ACCURATE_NAME);
        if !places.contains(&place) {
            places.push(place);
        }
    }
    places
}

/// The first of `places` that holds a model (`config.json`), or an error that names every
/// place and says how to get the accurate tier.
pub fn locate_accurate(places: &[PathBuf]) -> Result<PathBuf> {
    if let Some(found) = places.iter().find(|p| p.join("config.json").is_file()) {
        return Ok(found.clone());
    }
    let looked: Vec<String> = places.iter().map(|p| p.display().to_string()).collect();
    Err(Error::Usage(format!(
        "the accurate model ({ACCURATE_NAME}) is not installed: looked in {}. It is not \
         compiled into finsent; it ships in the finsent repository as models/{ACCURATE_NAME}/. \
         Copy that directory into the cache (~/.cache/finsent/models/{ACCURATE_NAME}/) or \
         beside the finsent binary, or name a model directory with --model DIR",
        looked.join(", ")
    )))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accurate_places_are_binary_cache_then_checkout_without_duplicates() {
        let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("models");
        let places = accurate_places(Some(Path::new("/opt/finsent")), Some(Path::new("/c")));
        assert_eq!(
            places,
            vec![
                PathBuf::from("/opt/finsent").join(ACCURATE_NAME),
                PathBuf::from("/c/models").join(ACCURATE_NAME),
                checkout.join(ACCURATE_NAME),
            ]
        );
        let same = accurate_places(Some(&checkout), None);
        assert_eq!(same, vec![checkout.join(ACCURATE_NAME)]);
    }

    #[test]
    fn a_missing_accurate_model_names_every_place_and_the_way_out() {
        let dir = tempfile::tempdir().unwrap();
        let places = [dir.path().join("a"), dir.path().join("b")];
        let err = locate_accurate(&places).unwrap_err().to_string();
        for place in &places {
            assert!(err.contains(&place.display().to_string()), "{err}");
        }
        assert!(err.contains("--model DIR"), "{err}");
        std::fs::create_dir(&places[1]).unwrap();
        std::fs::write(places[1].join("config.json"), "{}").unwrap();
        assert_eq!(locate_accurate(&places).unwrap(), places[1]);
    }
}
