//! Helpers shared by zerospec's integration tests and its fuzzer (`fuzz/`).

use std::fmt::Debug;
use std::path::PathBuf;

use zerospec::flat::View;
use zerospec::{DecodeOwned, Encode};

pub mod models;
pub mod rmp;

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

/// Writing out `value` and reading that back gives a value that writes the
/// same bytes: what one reader accepted can be written and read again
/// without change. Bytes are compared, not values, so that a NaN counts as
/// equal to itself. A value that `write` refuses (a NaN in JSON) is passed
/// over.
///
/// # Panics
///
/// When the bytes written do not read back, or read back as a value that
/// writes other bytes.
///
/// # Examples
///
/// ```
/// zerospec_tests::rewrites_the_same(&vec![1.5f64, f64::NAN], zerospec::msgpack::to_vec, |b| {
///     zerospec::msgpack::from_slice::<Vec<f64>>(b)
/// });
/// ```
pub fn rewrites_the_same<T: Debug>(
    value: &T,
    write: impl Fn(&T) -> zerospec::Result<Vec<u8>>,
    read: impl Fn(&[u8]) -> zerospec::Result<T>,
) {
    let Ok(first) = write(value) else { return };
    let again =
        read(&first).unwrap_or_else(|err| panic!("{value:?} wrote {first:?}, read back: {err}"));
    let second = write(&again).expect("a value read back writes again");
    assert_eq!(first, second, "{value:?} then {again:?}");
}

/// Everything a reader can do with `bytes` as a flat `T`, none of which may
/// panic: validate it and walk the whole view (its `Debug` output reads every
/// accessor, recursively, and so does comparing it with the unvalidated
/// view), decode it without a view, and read it without validating. Where
/// validation passes, the owned decoder must give the view's value, and that
/// value must write and read back unchanged ([`rewrites_the_same`]).
///
/// # Panics
///
/// When any of that fails: a bug in the flat format's readers.
///
/// # Examples
///
/// ```
/// use zerospec_tests::models::{Log, log};
///
/// let bytes = zerospec::flat::to_vec(&vec![log(1), log(2)]).unwrap();
/// for len in 0..=bytes.len() {
///     zerospec_tests::exercise_flat::<Vec<Log>>(&bytes[..len]);
/// }
/// ```
pub fn exercise_flat<T>(bytes: &[u8])
where
    T: View + DecodeOwned + Encode + Debug + PartialEq,
{
    let decoded = zerospec::flat::from_slice::<T>(bytes);
    match zerospec::flat::view::<T>(bytes) {
        Ok(view) => {
            let shown = format!("{view:?}");
            // Equality walks every accessor too (a NaN makes it false).
            let _ = view == T::read(bytes);
            let owned = T::from_view(view);
            // What validation accepts, the owned decoder reads the same way
            // (compared by `Debug` too, where a float is NaN).
            let decoded = decoded
                .unwrap_or_else(|err| panic!("{shown} validated, but decoding failed: {err}"));
            assert!(
                owned == decoded || format!("{owned:?}") == format!("{decoded:?}"),
                "{bytes:?} viewed as {shown}, decoded as {decoded:?}"
            );
            rewrites_the_same(&owned, zerospec::flat::to_vec::<T>, |b| {
                zerospec::flat::from_slice::<T>(b)
            });
        }
        Err(err) => {
            // What validation refuses, the owned decoder refuses too, with
            // the same error at the same path.
            match decoded {
                Ok(value) => panic!("validation failed ({err}), but decoding gave {value:?}"),
                Err(decode_err) => assert_eq!(
                    (decode_err.to_string(), decode_err.path()),
                    (err.to_string(), err.path())
                ),
            }
        }
    }
    // Unvalidated bytes read as something, without panicking.
    let _ = format!("{:?}", T::read(bytes));
}
