//! `Encode` and `Decode` for standard library types.
//!
//! Every impl here is generic over the format: it speaks only the
//! [`Encoder`](crate::Encoder) and [`Decoder`](crate::Decoder) traits.

mod bytes;
mod key;
mod map;
mod option;
mod pointer;
mod primitive;
mod seq;
mod string;
mod tuple;

// What the impls for other crates' types (`crate::ext`) share with these.
#[cfg(feature = "indexmap")]
pub(crate) use self::map::{decode_map, encode_map};
#[cfg(any(feature = "smallvec", feature = "indexmap"))]
pub(crate) use self::seq::decode_seq;
#[cfg(feature = "camino")]
pub(crate) use self::string::cannot_borrow;
