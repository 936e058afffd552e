//! Benchmark support for zerospec: typed models of the JSON corpus and a loader
//! for the corpus files.
//!
//! The corpus lives outside the repository, in `../shared/data/json-corpus/`
//! seen from the workspace root, or under the directory named by the
//! `ZEROSPEC_DATA` environment variable. Where it is absent, benchmarks and
//! tests say so and skip.

use std::path::PathBuf;

pub mod flat_data;
pub mod flat_ops;
pub mod log;
pub mod models;

/// The corpus files, by name without the `.json` extension.
pub const CORPUS: [&str; 3] = ["twitter", "citm_catalog", "canada"];

/// The shared data directory: `$ZEROSPEC_DATA`, else `../shared/data` next to
/// the workspace root.
#[must_use]
pub fn data_dir() -> PathBuf {
    match std::env::var_os("ZEROSPEC_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data")),
    }
}

/// The path of corpus file `name` (one of [`CORPUS`]).
#[must_use]
pub fn corpus_path(name: &str) -> PathBuf {
    data_dir().join("json-corpus").join(format!("{name}.json"))
}

/// The bytes of corpus file `name`, or `None` when the file is absent.
///
/// # Panics
///
/// Panics when the file exists but cannot be read.
#[must_use]
pub fn read_corpus(name: &str) -> Option<Vec<u8>> {
    let path = corpus_path(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("cannot read {}: {e}", path.display()),
    }
}
