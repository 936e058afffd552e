//! Encode and Decode for other crates' types, each behind a cargo feature
//! named after its crate, one module per crate. Each writes the bytes that
//! crate's own serde impl writes through serde_json and rmp-serde, reads
//! back what those write, and has a flat layout where one makes sense
//! (`docs/flat-format.md`). Modules that hold more than impls, such as the
//! `#[zerospec(with = "...")]` modules of [`chrono`], are public.

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
