//! zerospec turns bytes into typed Rust values and back in one pass, validating
//! as it reads, through one derive that serves JSON, MessagePack and a zero-copy
//! flat format.
//!
//! ```
//! use zerospec::{Decode, Encode};
//!
//! #[derive(Encode, Decode, Debug, PartialEq)]
//! #[serde(rename_all = "camelCase")]
//! struct User {
//!     user_id: u64,
//!     #[zerospec(min_len = 1)]
//!     name: String,
//!     #[serde(default)]
//!     tags: Vec<String>,
//! }
//!
//! let user: User = zerospec::json::from_slice(br#"{"userId": 7, "name": "ada"}"#)?;
//! assert_eq!(user, User { user_id: 7, name: "ada".into(), tags: vec![] });
//! assert_eq!(zerospec::json::to_string(&user)?, r#"{"userId":7,"name":"ada","tags":[]}"#);
//!
//! let err = zerospec::json::from_slice::<User>(br#"{"userId": 7, "name": ""}"#).unwrap_err();
//! assert_eq!(err.to_string(), "Expected `str` of length >= 1 - at `$.name`");
//! # Ok::<_, zerospec::Error>(())
//! ```
//!
//! The attributes the derive reads are listed, each with an example, in
//! [`manual::attributes`]; where zerospec reads differently from serde_json and
//! rmp-serde, and why, in [`manual::differences`]. See `ARCHITECTURE.md` in the
//! repository for how the pieces fit.
#![deny(missing_docs)]
// `unsafe` is confined to `utf8` (two blocks, each after validation), which allows it.
#![deny(unsafe_code)]
// Pedantic lints that fight the problem domain: casts between integer widths are
// checked by hand where they matter, and format code has long match arms.
#![allow(clippy::module_name_repetitions, clippy::missing_errors_doc)]

mod budget;
mod byte_buf;
pub mod decode;
pub mod encode;
mod error;
pub mod ext;
#[cfg(feature = "flat")]
pub mod flat;
mod impls;
#[cfg(feature = "json")]
pub mod json;
mod memo;
#[cfg(feature = "msgpack")]
pub mod msgpack;
mod output;
#[cfg(feature = "serde")]
pub mod serde;
#[cfg(all(feature = "json", feature = "msgpack"))]
pub mod transcode;
#[allow(unsafe_code)]
mod utf8;
pub mod value;

#[doc(hidden)]
pub mod __private;

/// The user manual's reference pages, from the repository's `docs/` directory.
/// Their examples run as doc-tests.
#[cfg(all(feature = "json", feature = "msgpack", feature = "flat"))]
pub mod manual {
    #[doc = include_str!("../../docs/attributes.md")]
    pub mod attributes {}

    #[doc = include_str!("../../docs/differences.md")]
    pub mod differences {}
}

/// The repository's README, so that its example runs as a doc-test.
#[cfg(all(doctest, feature = "json", feature = "msgpack"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

pub use crate::byte_buf::ByteBuf;
pub use crate::decode::{Decode, DecodeOwned, Decoder, MapKey};
pub use crate::encode::{Encode, EncodeKey, Encoder};
pub use crate::error::{Error, ErrorKind, Format, Result};
/// The `View` trait and its derive, as `Encode` and `Decode` are exported.
#[cfg(feature = "flat")]
pub use crate::flat::View;
pub use crate::value::Value;
pub use zerospec_derive::{Decode, Encode};
