//! `Option<T>`: `None` is null, `Some(v)` is `v`; a missing field is `None`.

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::Result;

impl<T: Encode> Encode for Option<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        match self {
            Some(value) => encoder.encode_some(value),
            None => encoder.encode_null(),
        }
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Option<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if decoder.decode_option()? {
            T::decode(decoder).map(Some)
        } else {
            Ok(None)
        }
    }

    #[inline]
    fn absent() -> Option<Self> {
        Some(None)
    }
}
