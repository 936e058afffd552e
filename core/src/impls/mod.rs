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
pub(crate) mod seq;
pub(crate) mod string;
mod tuple;
