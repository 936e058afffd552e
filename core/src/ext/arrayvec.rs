//! `arrayvec::ArrayVec<T, CAP>` and `ArrayString<CAP>`, as arrayvec's serde
//! impls write them: a sequence of the elements, and the string's text, in
//! every format. Reading more than `CAP` elements, or a string longer than
//! `CAP` bytes, is an error. In the flat format they are a `Vec`'s sequence
//! (viewed as a [`SeqView`](crate::flat::SeqView)) and a string (viewed as
//! `&str`), and validation checks the capacity.

use std::cmp::Ordering;
use std::fmt::Display;

use ::arrayvec::{ArrayString, ArrayVec};

use super::text::decode_parsed;
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// ``Expected `array` of length <= 4``.
#[cold]
fn too_many(cap: usize) -> Error {
    Error::invalid(format!("Expected `array` of length <= {cap}"))
}

/// ``Expected `str` of at most 8 bytes``.
#[cold]
fn too_long(cap: usize) -> Error {
    Error::invalid(format!("Expected `str` of at most {cap} bytes"))
}

/// An `ArrayString` holding `text`, or the error saying it is too long.
#[inline]
fn array_string<const CAP: usize>(text: &str) -> Result<ArrayString<CAP>> {
    ArrayString::from(text).map_err(|_| too_long(CAP))
}

impl<T: Encode, const CAP: usize> Encode for ArrayVec<T, CAP> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        T::encode_slice(self, encoder)
    }
}

impl<'de, T: Decode<'de>, const CAP: usize> Decode<'de> for ArrayVec<T, CAP> {
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let mut out = ArrayVec::new();
        if decoder.seq_empty() {
            return Ok(out);
        }
        let mut seq = decoder.seq_begin_of::<T>()?;
        // A count the format declares up front is refused before any element is read.
        if decoder.seq_remaining(&seq).is_some_and(|len| len > CAP) {
            return Err(decoder.locate(too_many(CAP)));
        }
        while decoder.seq_next(&mut seq)? {
            let index = out.len();
            let item = T::decode(decoder).map_err(|err| err.in_index(index))?;
            if out.try_push(item).is_err() {
                return Err(decoder.locate(too_many(CAP)));
            }
        }
        Ok(out)
    }
}

impl<const CAP: usize> Encode for ArrayString<CAP> {
    const MEASURABLE: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_str(self)
    }
}

impl<'de, const CAP: usize> Decode<'de> for ArrayString<CAP> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_parsed(decoder, array_string)
    }
}

impl<const CAP: usize> EncodeKey for ArrayString<CAP> {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(self)
    }

    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<'de, const CAP: usize> MapKey<'de> for ArrayString<CAP> {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        array_string(&key)
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

#[cfg(feature = "flat")]
impl<T: crate::flat::View, const CAP: usize> crate::flat::View for ArrayVec<T, CAP> {
    type View<'a> = crate::flat::SeqView<'a, T>;

    const INLINE_SIZE: Option<usize> = None;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        Self::validate_view(v, slot).map(drop)
    }

    #[inline]
    fn validate_view<'a>(
        v: &mut crate::flat::Validator<'a>,
        slot: usize,
    ) -> Result<Self::View<'a>> {
        let seq = <Vec<T> as crate::flat::View>::validate_view(v, slot)?;
        if seq.len() > CAP {
            return Err(v.malformed("more elements than the `ArrayVec` holds", slot));
        }
        Ok(seq)
    }

    #[inline]
    fn read(bytes: &[u8]) -> Self::View<'_> {
        crate::flat::SeqView::read(bytes)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        crate::flat::SeqView::EMPTY
    }

    /// On bytes that were never validated, elements past `CAP` are dropped.
    #[inline]
    fn from_view(view: Self::View<'_>) -> Self {
        view.iter().take(CAP).map(T::from_view).collect()
    }
}

#[cfg(feature = "flat")]
impl<const CAP: usize> crate::flat::View for ArrayString<CAP> {
    type View<'a> = &'a str;

    const INLINE_SIZE: Option<usize> = None;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        super::text::validate_text(
            v,
            slot,
            |text| text.len() <= CAP,
            "string longer than the `ArrayString` holds",
        )
    }

    #[inline]
    fn read(bytes: &[u8]) -> &str {
        <String as crate::flat::View>::read(bytes)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        ""
    }

    /// On bytes that were never validated, text past `CAP` bytes is cut at
    /// the last character that fits.
    #[inline]
    fn from_view(view: &str) -> Self {
        let mut end = view.len().min(CAP);
        while !view.is_char_boundary(end) {
            end -= 1;
        }
        view.get(..end)
            .and_then(|text| ArrayString::from(text).ok())
            .unwrap_or_default()
    }
}
