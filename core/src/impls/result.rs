//! `Result<T, E>`, as serde writes it: the externally tagged enum
//! `{"Ok": value}` or `{"Err": error}`.
//!
//! Positional formats store it inline as `(Option<T>, Option<E>)`, exactly
//! one of them present.

use super::variant::{Content, decode_variant, encode_newtype};
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

const VARIANTS: [(&str, Content); 2] = [("Ok", Content::Newtype), ("Err", Content::Newtype)];

/// A `Result` as positional formats store it.
#[inline]
fn repr<T, E>(result: &Result<T, E>) -> (Option<&T>, Option<&E>) {
    match result {
        Ok(value) => (Some(value), None),
        Err(error) => (None, Some(error)),
    }
}

/// The message of a positional `Result` slot with both halves or neither.
pub(crate) const NOT_ONE: &str = "invalid Result (exactly one of `Ok` and `Err` must be present)";

#[inline]
fn from_repr<T, E>(repr: (Option<T>, Option<E>)) -> Result<Result<T, E>, &'static str> {
    match repr {
        (Some(value), None) => Ok(Ok(value)),
        (None, Some(error)) => Ok(Err(error)),
        _ => Err(NOT_ONE),
    }
}

impl<T: Encode, E: Encode> Encode for Result<T, E> {
    const INLINE_SIZE: Option<usize> = <(Option<T>, Option<E>) as Encode>::INLINE_SIZE;
    const INLINE_ONLY: bool = T::INLINE_ONLY && E::INLINE_ONLY;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        repr(self).encode_inline(out);
    }

    #[inline]
    fn encode<En: Encoder>(&self, encoder: &mut En) -> Result<()> {
        if En::POSITIONAL {
            return repr(self).encode(encoder);
        }
        match self {
            Ok(value) => encode_newtype(encoder, "Ok", 0, value),
            Err(error) => encode_newtype(encoder, "Err", 1, error),
        }
    }
}

impl<'de, T: Decode<'de>, E: Decode<'de>> Decode<'de> for Result<T, E> {
    const INLINE_SIZE: Option<usize> = <(Option<T>, Option<E>) as Decode<'de>>::INLINE_SIZE;
    const INLINE_ONLY: bool = T::INLINE_ONLY && E::INLINE_ONLY;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        from_repr(<(Option<T>, Option<E>)>::decode_inline(bytes)?)
    }

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            let repr = <(Option<T>, Option<E>)>::decode(decoder)?;
            return from_repr(repr).map_err(|message| {
                decoder.locate(Error::with_kind(crate::ErrorKind::Validation, message))
            });
        }
        decode_variant(decoder, &VARIANTS, |decoder, index| {
            match (decoder, index) {
                (Some(decoder), 0) => T::decode(decoder).map(Ok),
                (Some(decoder), _) => E::decode(decoder).map(Err),
                (None, _) => Err(Error::unexpected("object", "str")),
            }
        })
    }
}
