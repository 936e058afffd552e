//! MessagePack: the API, named as rmp-serde names it, writing what
//! `rmp_serde::to_vec_named` writes.
//!
//! ```
//! #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
//! struct Event<'a> { id: u32, kind: &'a str, tags: Vec<String> }
//!
//! let event = Event { id: 7, kind: "click", tags: vec!["ui".into()] };
//! let bytes = zerospec::msgpack::to_vec(&event)?;
//! assert_eq!(zerospec::msgpack::from_slice::<Event>(&bytes)?, event);
//! # Ok::<_, zerospec::Error>(())
//! ```
//!
//! # Representation
//!
//! The same derive serves JSON and MessagePack; types need no change. A value
//! is written as `rmp_serde::to_vec_named` writes it, byte for byte:
//!
//! | Rust | MessagePack |
//! |---|---|
//! | `bool`, `()` / `None` | `true`/`false`, `nil` |
//! | integers | the smallest int family that holds the value (non-negative values of signed types use the unsigned families, as rmp-serde does) |
//! | `i128`, `u128` | `bin` of 16 big-endian bytes, as rmp-serde writes them |
//! | `f32`, `f64` | `float 32`, `float 64` (never narrowed) |
//! | `char`, strings | `str` |
//! | `&[u8]`, [`ByteBuf`](crate::ByteBuf), `bytes::Bytes`, `#[zerospec(bytes)] Vec<u8>` | `bin` |
//! | `Vec<u8>` and other sequences, tuples, arrays | `array` |
//! | structs | `map` keyed by (renamed) field name; `array` with `#[zerospec(array_like)]` |
//! | unit structs | an empty `array`, as rmp-serde writes them (nil is read too) |
//! | maps | `map`, keys as themselves: integer keys stay integers |
//! | unit variants | the variant name as `str` |
//! | other variants | a one-entry `map`, `{name: content}` |
//! | [`Timestamp`] | the timestamp extension (type -1), smallest form |
//! | [`Value`](crate::Value) | whatever it holds, binary and extensions included |
//!
//! A struct with a flattened field does not know its field count up front: the
//! encoder writes a placeholder header, then patches it to the smallest form
//! when the map ends, so the bytes still equal rmp-serde's (which buffers the
//! entries in a second serializer and copies them out).
//!
//! # Decoding
//!
//! - Integers decode from any integer family whose value fits the Rust type;
//!   a value out of range is an error (``Expected `int` <= 255``), never a wrap.
//!   A float never decodes as an integer, even `1.0`.
//! - Floats decode from `float 32`, `float 64` and every integer family
//!   (rounded to nearest), as serde's float impls accept.
//! - `i128`/`u128` also decode from the 16-byte `bin` they are written as.
//! - `&str` and `&[u8]` borrow from the input; `bytes::Bytes` decoded with
//!   [`from_bytes`] is a slice of the input buffer.
//! - Every declared length is checked against the remaining input before
//!   anything is allocated; nesting deeper than 128 is an error
//!   ([`MsgPackDecoder::with_max_depth`] changes the limit).
//!
//! # Deliberate differences from rmp-serde
//!
//! zerospec writes the same bytes as `rmp_serde::to_vec_named` for every type
//! both support. It reads more strictly:
//!
//! - Trailing bytes after the value are an error (rmp-serde ignores them);
//!   [`MsgPackDecoder`] reads several values one after another.
//! - A struct must be a `map` with `str` keys (rmp-serde also takes an `array`
//!   of fields, and integer keys as field indices), unless it is `array_like`.
//! - A string must be a `str` with valid UTF-8 (rmp-serde also reads a `bin`
//!   holding UTF-8 into a `String`), and binary data must be a `bin` (rmp-serde
//!   also reads a `str` into `&[u8]`). A `Vec<u8>` is read from an `array` only
//!   (rmp-serde also reads a `bin`); a [`ByteBuf`](crate::ByteBuf) or a
//!   `#[zerospec(bytes)]` field reads both.
//! - A negative integer never decodes as a `u128` (rmp-serde wraps it).
//! - Lengths beyond 32 bits are an encoding error (rmp-serde truncates them).

mod de;
mod marker;
mod read;
mod ser;
mod timestamp;
mod write;

pub use self::de::{from_bytes, from_slice};
pub use self::read::{Checkpoint, DEFAULT_MAX_DEPTH, MapReader, MsgPackDecoder, SeqReader};
pub use self::ser::{to_vec, to_writer};
pub use self::timestamp::{TIMESTAMP_EXT, Timestamp};
pub use self::write::{MapWriter, MsgPackEncoder, SeqWriter};
pub use crate::output::Output;
