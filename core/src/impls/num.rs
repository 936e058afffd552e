//! The number wrappers: `NonZero*`, `Wrapping<T>` and `Saturating<T>`, each
//! written as the number it holds, as serde writes them.
//!
//! A `NonZero*` reads its integer and refuses 0. `Saturating<T>` of an
//! integer type reads any integer and clamps it to the type's range, as
//! serde does (`300` is `Saturating(255u8)`, `-3` is `Saturating(0u8)`).
//! Positional formats store each as its number, whose bits are exact there.
//! Each is a map key where its number is.

use std::cmp::Ordering;
use std::fmt::Display;
use std::num::{
    NonZeroI8, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI128, NonZeroIsize, NonZeroU8,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroUsize, Saturating, Wrapping,
};

use crate::decode::{Decode, Decoder, MapKey, Number, Peek, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// ``Expected `int` != 0``, for a `NonZero*` given 0.
#[cold]
fn zero() -> Error {
    Error::invalid("Expected `int` != 0".to_owned())
}

macro_rules! nonzero {
    ($($nz:ty => $int:ty),* $(,)?) => {$(
        impl Encode for $nz {
            const INLINE_SIZE: Option<usize> = <$int as Encode>::INLINE_SIZE;
            const INLINE_ONLY: bool = true;

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                self.get().encode_inline(out);
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                self.get().encode(encoder)
            }
        }

        impl<'de> Decode<'de> for $nz {
            const INLINE_SIZE: Option<usize> = <$int as Decode<'de>>::INLINE_SIZE;
            const INLINE_ONLY: bool = true;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                <$int>::decode_inline(bytes)
                    .and_then(|value| <$nz>::new(value).ok_or("zero in a `NonZero` slot"))
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                if D::POSITIONAL {
                    // A zero slot is malformed there, as its view says.
                    return decoder.decode_inline_value();
                }
                let value = <$int>::decode(decoder)?;
                <$nz>::new(value).ok_or_else(|| decoder.locate(zero()))
            }
        }

        impl EncodeKey for $nz {
            #[inline]
            fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
                self.get().with_key_str(f)
            }

            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl<'de> MapKey<'de> for $nz {
    crate::decode::flat_key_after!(Self);
            #[inline]
            fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
                <$nz>::new(<$int>::from_key_str(key)?).ok_or_else(zero)
            }

            fn key_display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }
    )*};
}

nonzero! {
    NonZeroI8 => i8,
    NonZeroI16 => i16,
    NonZeroI32 => i32,
    NonZeroI64 => i64,
    NonZeroI128 => i128,
    NonZeroIsize => isize,
    NonZeroU8 => u8,
    NonZeroU16 => u16,
    NonZeroU32 => u32,
    NonZeroU64 => u64,
    NonZeroU128 => u128,
    NonZeroUsize => usize,
}

/// `Encode` for a wrapper of `T` written as `T`; `$get` reads the `T` out
/// of `self`.
macro_rules! encode_as_inner {
    ($([$($generics:tt)*] $ty:ty => |$this:ident| $get:expr),* $(,)?) => {$(
        impl<$($generics)*> Encode for $ty {
            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;
            const MEASURABLE: bool = T::MEASURABLE;

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                let $this = self;
                $get.encode_inline(out);
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                let $this = self;
                $get.encode(encoder)
            }
        }
    )*};
}
pub(super) use encode_as_inner;

/// `Decode` for a wrapper of `T` read as `T` and wrapped with `$wrap`.
macro_rules! decode_as_inner {
    ($([$($generics:tt)*] $ty:ty => $wrap:expr),* $(,)?) => {$(
        impl<'de, $($generics)*> Decode<'de> for $ty {
            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                T::decode_inline(bytes).map($wrap)
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                T::decode(decoder).map($wrap)
            }

            #[inline]
            fn absent() -> Option<Self> {
                T::absent().map($wrap)
            }
        }
    )*};
}
pub(super) use decode_as_inner;

/// `EncodeKey` and `MapKey` for a wrapper of a key type written as it;
/// `$order` compares two wrapped keys' inner keys, and `$flat_order` says
/// whether the flat key at `$later` comes after the one at `$earlier`.
macro_rules! key_as_inner {
    ($(
        $wrapper:ident => |$a:ident, $b:ident| $order:expr,
        |$bytes:ident, $earlier:ident, $later:ident| $flat_order:expr
    );* $(;)?) => {$(
        impl<T: EncodeKey> EncodeKey for $wrapper<T> {
            #[inline]
            fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
                self.0.with_key_str(f)
            }

            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<::std::cmp::Ordering> {
                let ($a, $b) = (&self.0, &other.0);
                $order
            }
        }

        impl<'de, T: MapKey<'de>> MapKey<'de> for $wrapper<T> {
            #[inline]
            fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
                T::from_key_str(key).map($wrapper)
            }

            fn key_display(&self) -> Option<&dyn ::std::fmt::Display> {
                self.0.key_display()
            }

            #[inline]
            fn flat_key_after($bytes: &[u8], $earlier: usize, $later: usize) -> bool {
                $flat_order
            }
        }
    )*};
}
pub(super) use key_as_inner;

encode_as_inner! {
    [T: Encode] Wrapping<T> => |this| this.0,
    [T: Encode] Saturating<T> => |this| this.0,
}

decode_as_inner! {
    [T: Decode<'de>] Wrapping<T> => Wrapping,
}

key_as_inner! {
    Wrapping => |a, b| a.cmp_key(b),
        |bytes, earlier, later| T::flat_key_after(bytes, earlier, later);
}

impl<T: EncodeKey> EncodeKey for Saturating<T> {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        self.0.with_key_str(f)
    }

    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        self.0.cmp_key(&other.0)
    }
}

/// `value` clamped to `T`'s range.
#[inline]
fn clamp<T: TryFrom<i128> + Bounds>(value: i128) -> T {
    T::try_from(value).unwrap_or(if value < 0 { T::MIN } else { T::MAX })
}

/// The range of an integer type.
trait Bounds {
    const MIN: Self;
    const MAX: Self;
}

/// `Saturating<T>` of the integers up to 64 bits: any integer, clamped.
macro_rules! saturating {
    ($($int:ty),* $(,)?) => {$(
        impl Bounds for $int {
            const MIN: Self = <$int>::MIN;
            const MAX: Self = <$int>::MAX;
        }

        impl<'de> Decode<'de> for Saturating<$int> {
            const INLINE_SIZE: Option<usize> = <$int as Decode<'de>>::INLINE_SIZE;
            const INLINE_ONLY: bool = true;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                <$int>::decode_inline(bytes).map(Saturating)
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                if D::POSITIONAL {
                    return <$int>::decode(decoder).map(Saturating);
                }
                match decoder.peek()? {
                    Peek::Int | Peek::Float => {}
                    found => return Err(Error::unexpected("int", found.name())),
                }
                match decoder.decode_number()? {
                    Number::U64(value) => Ok(Saturating(clamp(i128::from(value)))),
                    Number::I64(value) => Ok(Saturating(clamp(i128::from(value)))),
                    Number::F64(_) => Err(decoder.locate(Error::unexpected("int", "float"))),
                }
            }
        }

        /// A key is clamped as a value is, once it reads as an integer.
        impl<'de> MapKey<'de> for Saturating<$int> {
    crate::decode::flat_key_after!(Self);
            #[inline]
            fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
                i128::from_key_str(key).map(|value| Saturating(clamp(value)))
            }

            fn key_display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }
    )*};
}

saturating!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// `Saturating<T>` of the 128-bit integers: as the integer, whose range no
/// format's integers leave but by being out of it (as in serde_json).
macro_rules! saturating_128 {
    ($($int:ty),* $(,)?) => {$(
        impl<'de> Decode<'de> for Saturating<$int> {
            const INLINE_SIZE: Option<usize> = <$int as Decode<'de>>::INLINE_SIZE;
            const INLINE_ONLY: bool = true;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                <$int>::decode_inline(bytes).map(Saturating)
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                <$int>::decode(decoder).map(Saturating)
            }
        }

        impl<'de> MapKey<'de> for Saturating<$int> {
    crate::decode::flat_key_after!(Self);
            #[inline]
            fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
                <$int>::from_key_str(key).map(Saturating)
            }

            fn key_display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }
    )*};
}

saturating_128!(i128, u128);
