//! `Encode` and `Decode` for standard library types.
//!
//! Every impl here is generic over the format: it speaks only the
//! [`Encoder`](crate::Encoder) and [`Decoder`](crate::Decoder) traits.

mod bytes;
mod cell;
mod cmp;
mod collections;
mod ffi;
mod key;
mod map;
mod net;
mod num;
mod ops;
mod option;
mod path;
mod pointer;
mod primitive;
mod record;
mod result;
pub(crate) mod seq;
pub(crate) mod string;
mod sync;
mod time;
mod tuple;
mod variant;

// What the impls for other crates' types (`crate::ext`) share with these.
#[cfg(feature = "indexmap")]
pub(crate) use self::map::{decode_map, encode_map};
#[cfg(any(feature = "smallvec", feature = "indexmap"))]
pub(crate) use self::seq::decode_seq;
#[cfg(feature = "camino")]
pub(crate) use self::string::cannot_borrow;
