//! `Encode`, `Decode` and `View` for other crates' types, one file per
//! crate, each behind the cargo feature named after that crate. Each writes
//! the bytes that crate's own serde impl writes through serde_json and
//! rmp-serde, reads back what those write, and has a flat layout where one
//! makes sense (`docs/flat-format.md`). Modules that hold more than impls,
//! such as the `#[zerospec(with = "...")]` modules of [`chrono`], are public.

#[cfg(any(
    feature = "chrono",
    feature = "time",
    feature = "jiff",
    feature = "serde_json"
))]
mod support;

#[cfg(feature = "chrono")]
pub mod chrono;

#[cfg(feature = "time")]
pub mod time;

#[cfg(feature = "jiff")]
pub mod jiff;

#[cfg(feature = "serde_json")]
pub mod serde_json;

#[cfg(feature = "arrayvec")]
mod arrayvec;
#[cfg(feature = "camino")]
mod camino;
#[cfg(feature = "compact_str")]
mod compact_str;
#[cfg(feature = "indexmap")]
mod indexmap;
#[cfg(feature = "rust_decimal")]
mod rust_decimal;
#[cfg(feature = "semver")]
mod semver;
#[cfg(feature = "smallvec")]
mod smallvec;
#[cfg(feature = "smol_str")]
mod smol_str;
#[cfg(any(
    feature = "arrayvec",
    feature = "compact_str",
    feature = "rust_decimal",
    feature = "semver",
    feature = "smol_str",
    feature = "url",
    feature = "uuid",
))]
mod text;
#[cfg(feature = "url")]
mod url;
#[cfg(feature = "uuid")]
mod uuid;
