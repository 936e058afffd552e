//! The ranges and `Bound<T>`, as serde writes them: `Range` and
//! `RangeInclusive` as `{"start": .., "end": ..}`, `RangeFrom` as
//! `{"start": ..}`, `RangeTo` as `{"end": ..}` (read from those maps or from
//! arrays of the fields, as serde reads them); `Bound` as the externally
//! tagged enum `"Unbounded"`, `{"Included": v}`, `{"Excluded": v}`.
//!
//! Positional formats store them inline: `Range` and `RangeInclusive` as the
//! tuple `(start, end)`, `RangeFrom` and `RangeTo` as their one bound, and
//! `Bound<T>` as `Option<(bool, T)>`: absent for `Unbounded`, the `bool`
//! true for `Excluded`.

use std::ops::{Bound, Range, RangeFrom, RangeInclusive, RangeTo};

use super::record::{decode_one, decode_two, encode_one, encode_two};
use super::variant::{Content, decode_variant, encode_newtype};
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder, slot_width};
use crate::error::{Error, Result};

const START_END: (&str, &str) = ("start", "end");

/// Writes the slots of `start` and `end` one after the other into `out`.
#[inline]
fn encode_pair_inline<T: Encode>(start: &T, end: &T, out: &mut [u8]) {
    let width = slot_width(T::INLINE_SIZE).min(out.len());
    let (first, second) = out.split_at_mut(width);
    start.encode_inline(first);
    end.encode_inline(second);
}

/// Reads two slots of `T` one after the other from `bytes`.
#[inline]
fn decode_pair_inline<'de, T: Decode<'de>>(bytes: &[u8]) -> Result<(T, T), &'static str> {
    let width = slot_width(T::INLINE_SIZE).min(bytes.len());
    let (first, second) = bytes.split_at(width);
    Ok((T::decode_inline(first)?, T::decode_inline(second)?))
}

/// `Range` and `RangeInclusive`: `$parts` splits one into its bounds, `$make` builds one.
macro_rules! two_bounds {
    ($($ty:ident => |$this:ident| $parts:expr, |$start:ident, $end:ident| $make:expr;)*) => {$(
        impl<T: Encode> Encode for $ty<T> {
            const INLINE_SIZE: Option<usize> = Some(2 * slot_width(T::INLINE_SIZE));
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                let $this = self;
                let (start, end) = $parts;
                encode_pair_inline(start, end, out);
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                let $this = self;
                let (start, end) = $parts;
                if E::POSITIONAL {
                    return (start, end).encode(encoder);
                }
                encode_two(encoder, START_END, start, end)
            }
        }

        impl<'de, T: Decode<'de>> Decode<'de> for $ty<T> {
            const INLINE_SIZE: Option<usize> = Some(2 * slot_width(T::INLINE_SIZE));
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                decode_pair_inline(bytes).map(|($start, $end): (T, T)| $make)
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                let ($start, $end): (T, T) = if D::POSITIONAL {
                    <(T, T)>::decode(decoder)?
                } else {
                    decode_two(decoder, START_END)?
                };
                Ok($make)
            }
        }
    )*};
}

two_bounds! {
    Range => |this| (&this.start, &this.end), |start, end| start..end;
    RangeInclusive => |this| (this.start(), this.end()), |start, end| start..=end;
}

/// `RangeFrom` and `RangeTo`: their one bound, `$field`, named `$name`.
macro_rules! one_bound {
    ($($ty:ident . $field:ident => $name:literal, |$bound:ident| $make:expr;)*) => {$(
        impl<T: Encode> Encode for $ty<T> {
            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                self.$field.encode_inline(out);
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                if E::POSITIONAL {
                    return self.$field.encode(encoder);
                }
                encode_one(encoder, $name, &self.$field)
            }
        }

        impl<'de, T: Decode<'de>> Decode<'de> for $ty<T> {
            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                T::decode_inline(bytes).map(|$bound| $make)
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                let $bound: T = if D::POSITIONAL {
                    T::decode(decoder)?
                } else {
                    decode_one(decoder, $name)?
                };
                Ok($make)
            }
        }
    )*};
}

one_bound! {
    RangeFrom.start => "start", |start| start..;
    RangeTo.end => "end", |end| ..end;
}

/// A `Bound` as positional formats store it: `None` for `Unbounded`, else
/// whether it is `Excluded` and the value.
#[inline]
fn bound_repr<T>(bound: &Bound<T>) -> Option<(bool, &T)> {
    match bound {
        Bound::Unbounded => None,
        Bound::Included(value) => Some((false, value)),
        Bound::Excluded(value) => Some((true, value)),
    }
}

#[inline]
fn repr_bound<T>(repr: Option<(bool, T)>) -> Bound<T> {
    match repr {
        None => Bound::Unbounded,
        Some((false, value)) => Bound::Included(value),
        Some((true, value)) => Bound::Excluded(value),
    }
}

const BOUND_VARIANTS: [(&str, Content); 3] = [
    ("Unbounded", Content::Unit),
    ("Included", Content::Newtype),
    ("Excluded", Content::Newtype),
];

impl<T: Encode> Encode for Bound<T> {
    const INLINE_SIZE: Option<usize> = <Option<(bool, T)> as Encode>::INLINE_SIZE;
    const INLINE_ONLY: bool = T::INLINE_ONLY;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        bound_repr(self).encode_inline(out);
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return bound_repr(self).encode(encoder);
        }
        match self {
            Bound::Unbounded => encoder.unit_variant("Unbounded", 0),
            Bound::Included(value) => encode_newtype(encoder, "Included", 1, value),
            Bound::Excluded(value) => encode_newtype(encoder, "Excluded", 2, value),
        }
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Bound<T> {
    const INLINE_SIZE: Option<usize> = <Option<(bool, T)> as Decode<'de>>::INLINE_SIZE;
    const INLINE_ONLY: bool = T::INLINE_ONLY;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        Option::<(bool, T)>::decode_inline(bytes).map(repr_bound)
    }

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return Option::<(bool, T)>::decode(decoder).map(repr_bound);
        }
        decode_variant(decoder, &BOUND_VARIANTS, |decoder, index| {
            match (decoder, index) {
                (_, 0) => Ok(Bound::Unbounded),
                (Some(decoder), 1) => T::decode(decoder).map(Bound::Included),
                (Some(decoder), _) => T::decode(decoder).map(Bound::Excluded),
                (None, _) => Err(Error::unexpected("object", "str")),
            }
        })
    }
}
