//! finsent scores the sentiment of market news at archive scale.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! loader -> split -> model (tokenize, batch, backend) -> pipeline (plan, scoring, record:
//!           aggregate, tickers, companies, figures) -> stories -> writer
//! ```
//!
//! [`Finsent`] is the entry point: [`Finsent::new`] loads what a [`ScoreConfig`] names,
//! [`Finsent::score_articles`] scores articles (streamed, in order, parallel inside),
//! [`Finsent::classify`] scores short texts as they are, and [`Finsent::score_stream`] runs
//! a whole input through to writers, as `finsent score` does. [`stream`] is the one stream
//! runner every run goes through (score, classify, split, tickers, stories; the command,
//! the library and Python): chunked reading, per-record isolation, counting and writing.
//! Settings are checked once, at the edge ([`ScoreConfig::checked`]); a setting out of range
//! is a [`validate::Invalid`] naming the field, which the command words as its flag.
//!
//! ```no_run
//! use finsent::{Finsent, ScoreConfig};
//! use finsent::article::{Article, Origin};
//! use finsent::writer::OutputRecord;
//!
//! let engine = Finsent::new(ScoreConfig::new("libonnxruntime.so.1.31.1".into()))?;
//! let article = Article {
//!     id: "a1".into(),
//!     title: Some("Toyota raises its outlook".into()),
//!     body: "Toyota raised its full-year profit forecast.".into(),
//!     published_at: None,
//!     outlet: None,
//!     url: None,
//!     origin: Origin { path: "-".into(), line: None },
//!     warnings: Vec::new(),
//!     kept: Vec::new(),
//! };
//! for record in engine.score_articles(vec![Ok(article)]) {
//!     if let OutputRecord::Article(a) = record {
//!         println!("{} {:?} {}", a.id, a.label, a.score.0);
//!     }
//! }
//! # Ok::<(), finsent::Error>(())
//! ```

pub mod aggregate;
pub mod article;
pub mod classify;
pub mod companies;
mod engine;
pub mod error;
pub mod figures;
pub mod isolate;
pub mod limits;
pub mod loader;
pub mod model;
pub mod panel;
pub mod pipeline;
pub mod select;
pub mod shipped;
pub mod split;
pub mod stories;
pub mod stream;
pub mod tickers;
pub mod validate;
pub mod writer;

pub use engine::{CheckedConfig, Finsent, GazetteerChoice, ModelChoice, ScoreConfig};
pub use error::{Error, Result};
pub use shipped::{GAZETTEER_FILE, MODEL_DIR};
