//! `Option<T>`: `None` is null, `Some(v)` is `v`; a missing field is `None`.
//!
//! Positional formats store an option inline: a presence byte, then the room
//! `T` takes (zero when absent), so `INLINE_SIZE` is one more than `T`'s slot.

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder, slot_width};
use crate::error::Result;

impl<T: Encode> Encode for Option<T> {
    const INLINE_SIZE: Option<usize> = Some(1 + slot_width(T::INLINE_SIZE));

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        match self {
            Some(value) => encoder.encode_some(value),
            None => encoder.encode_none_of::<T>(),
        }
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Option<T> {
    const INLINE_SIZE: Option<usize> = Some(1 + slot_width(T::INLINE_SIZE));

    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if decoder.decode_option_of::<T>()? {
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
