//! An engine over the shipped model and gazetteer, loaded once, and a writer that keeps the
//! records: for driving `score` in process. Shared by `tests/pipeline_properties.rs` and the `pipeline`
//! fuzz target (`fuzz/fuzz_targets/pipeline.rs`), which include this file.

use std::io;
use std::path::PathBuf;
use std::sync::LazyLock;

use finsent::Finsent;
use finsent::model::{
    ModelFiles, Scorer, ScorerOptions, init_runtime, locate_runtime, runtime_candidates,
};
use finsent::pipeline::ScoreOptions;
use finsent::tickers::Tickers;
use finsent::writer::{OutputRecord, RecordWriter};

/// The repository root: the crate's directory (the tests) or the one above it (`fuzz/`).
fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|dir| dir.join(finsent::MODEL_DIR).is_dir())
        .expect("inside the repository")
        .to_path_buf()
}

/// The shipped model and gazetteer on two workers; ONNX Runtime from `ORT_DYLIB_PATH` or
/// the build.
pub static ENGINE: LazyLock<Finsent> = LazyLock::new(|| {
    let places = runtime_candidates(
        std::env::var_os("ORT_DYLIB_PATH").map(PathBuf::from),
        None,
        None,
    );
    let runtime = locate_runtime(&places).expect("ONNX Runtime (cargo build fetches it)");
    let env = init_runtime(&runtime.path).expect("ONNX Runtime loads");
    let options = ScorerOptions {
        threads: 2,
        ..ScorerOptions::default()
    };
    let files = ModelFiles::read(&root().join(finsent::MODEL_DIR)).expect("model files");
    let scorer = Scorer::load(&env, &files, &options).expect("shipped model");
    let tickers = Tickers::load(&root().join(finsent::GAZETTEER_FILE)).expect("gazetteer");
    Finsent::from_parts(scorer, Some(tickers), ScoreOptions::default()).expect("engine")
});

/// Keeps the records a run writes.
#[derive(Default)]
pub struct Written(pub Vec<OutputRecord>);

impl RecordWriter for Written {
    fn write(&mut self, record: &OutputRecord) -> io::Result<()> {
        self.0.push(record.clone());
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        Ok(())
    }
}
