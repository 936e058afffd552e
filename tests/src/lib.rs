//! Helpers shared by zerospec's integration tests.

use std::path::PathBuf;

/// The shared test data directory: `$ZEROSPEC_DATA` when set, else `../shared/data`
/// beside the workspace. `None` when it does not exist, so corpus tests can
/// print why they were skipped and pass.
///
/// # Examples
///
/// ```
/// match zerospec_tests::data_dir() {
///     Some(dir) => assert!(dir.is_dir()),
///     None => println!("skipped: no test data"),
/// }
/// ```
#[must_use]
pub fn data_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("ZEROSPEC_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data")),
    };
    dir.is_dir().then_some(dir)
}

/// `data_dir()` joined with `relative`, if that exists; otherwise prints
/// `skipped: <reason>` and answers `None`.
///
/// # Examples
///
/// ```
/// if let Some(dir) = zerospec_tests::data_path("JSONTestSuite/test_parsing") {
///     assert!(dir.is_dir());
/// }
/// ```
#[must_use]
pub fn data_path(relative: &str) -> Option<PathBuf> {
    let Some(dir) = data_dir() else {
        println!("skipped: test data not found (set ZEROSPEC_DATA or add ../shared/data)");
        return None;
    };
    let path = dir.join(relative);
    if path.exists() {
        Some(path)
    } else {
        println!("skipped: {} not found", path.display());
        None
    }
}

/// One of each collection that reads an array, for the tests of empty arrays.
pub type Collections = (
    Vec<u8>,
    std::collections::VecDeque<u8>,
    std::collections::HashSet<u8>,
    std::collections::BTreeSet<u8>,
    Vec<String>,
);

/// True when every collection in `c` is empty.
///
/// # Examples
///
/// ```
/// let c: zerospec_tests::Collections = Default::default();
/// assert!(zerospec_tests::all_empty(&c));
/// ```
#[must_use]
pub fn all_empty(c: &Collections) -> bool {
    c.0.is_empty() && c.1.is_empty() && c.2.is_empty() && c.3.is_empty() && c.4.is_empty()
}
