//! `Reverse<T>`, written as the `T` it holds, as serde writes it. As a map
//! key it orders entries in reverse, as its `Ord` does.

use std::cmp::Reverse;

use super::num::{decode_as_inner, encode_as_inner, key_as_inner};
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::Result;

encode_as_inner! {
    [T: Encode] Reverse<T> => |this| this.0,
}

decode_as_inner! {
    [T: Decode<'de>] Reverse<T> => Reverse,
}

key_as_inner! {
    Reverse => |a, b| b.cmp_key(a),
        |bytes, earlier, later| T::flat_key_after(bytes, later, earlier);
}
