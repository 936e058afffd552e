//! `Option<T>`: `None` is null, `Some(v)` is `v`; a missing field is `None`.
//!
//! Positional formats store an option inline: a presence byte, then the room
//! `T` takes (zero when absent), so `INLINE_SIZE` is one more than `T`'s slot.

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder, slot_width};
use crate::error::Result;

impl<T: Encode> Encode for Option<T> {
    const INLINE_SIZE: Option<usize> = Some(1 + slot_width(T::INLINE_SIZE));
    const INLINE_ONLY: bool = T::INLINE_ONLY;

    /// The presence byte, then the value's slot (left zero when absent).
    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        if let (Some(value), Some((tag, rest))) = (self, out.split_first_mut()) {
            *tag = 1;
            value.encode_inline(rest);
        }
    }

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
    const INLINE_ONLY: bool = T::INLINE_ONLY;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> std::result::Result<Self, &'static str> {
        match bytes.split_first() {
            Some((0, _)) => Ok(None),
            Some((1, rest)) => T::decode_inline(rest).map(Some),
            _ => Err("invalid option tag (expected 0 or 1)"),
        }
    }

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
