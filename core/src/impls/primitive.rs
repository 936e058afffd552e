//! Scalars: `bool`, the integers, the floats, `char`, `()` and `PhantomData`.

use std::marker::PhantomData;

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

impl Encode for bool {
    const INLINE_SIZE: Option<usize> = Some(1);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        if let Some(byte) = out.first_mut() {
            *byte = u8::from(*self);
        }
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_bool(*self)
    }
}

impl<'de> Decode<'de> for bool {
    const INLINE_SIZE: Option<usize> = Some(1);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        match bytes.first() {
            Some(0) => Ok(false),
            Some(1) => Ok(true),
            _ => Err("invalid bool (expected 0 or 1)"),
        }
    }

    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_bool()
    }
}

/// Whether numbers' memory is their flat slots: little-endian targets.
const RAW_NUMBERS: bool = cfg!(target_endian = "little");

/// `Encode::raw_bytes` of the numbers: their memory, when `raw`.
#[cfg(feature = "flat")]
#[inline]
fn raw_bytes<T: zerocopy::IntoBytes + zerocopy::Immutable>(
    raw: bool,
    items: &[T],
) -> Option<&[u8]> {
    raw.then(|| zerocopy::IntoBytes::as_bytes(items))
}

/// `Decode::raw_vec` of the numbers: `bytes` copied, when `raw`.
#[cfg(feature = "flat")]
#[inline]
fn raw_vec<T: zerocopy::IntoBytes + zerocopy::FromBytes>(
    raw: bool,
    bytes: &[u8],
) -> Option<Vec<T>> {
    if raw {
        crate::__private::raw_vec(bytes)
    } else {
        None
    }
}

/// `RAW_INLINE` and `raw_bytes` of a number's `Encode` impl: its memory is
/// its slot when `$raw`.
macro_rules! raw_encode_items {
    ($raw:expr) => {
        const RAW_INLINE: bool = $raw;

        #[cfg(feature = "flat")]
        #[inline]
        fn raw_bytes(items: &[Self]) -> Option<&[u8]> {
            raw_bytes(<Self as Encode>::RAW_INLINE, items)
        }
    };
}

/// `RAW_INLINE` and `raw_vec` of a number's `Decode` impl (`$decode` is the
/// trait with the impl's lifetime).
macro_rules! raw_decode_items {
    ($raw:expr, $decode:ty) => {
        const RAW_INLINE: bool = $raw;

        #[cfg(feature = "flat")]
        #[inline]
        fn raw_vec(bytes: &[u8]) -> Option<Vec<Self>> {
            raw_vec(<Self as $decode>::RAW_INLINE, bytes)
        }
    };
}

/// The `Encode` items of a number stored at its own width, little-endian.
macro_rules! plain_encode_items {
    () => {
        raw_encode_items!(RAW_NUMBERS);

        #[inline]
        fn encode_inline(&self, out: &mut [u8]) {
            if let Some(out) = out.first_chunk_mut() {
                *out = self.to_le_bytes();
            }
        }
    };
}

/// The `Decode` items of a number stored at its own width, little-endian.
macro_rules! plain_decode_items {
    ($ty:ty, $decode:ty) => {
        raw_decode_items!(RAW_NUMBERS, $decode);

        #[inline]
        fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
            match bytes.first_chunk() {
                Some(bytes) => Ok(<$ty>::from_le_bytes(*bytes)),
                None => Err("truncated"),
            }
        }
    };
}

/// Integers that travel as a wider type: range-checked on the way in.
macro_rules! narrow_integers {
    ($($ty:ty => $encode:ident, $decode:ident, $wide:ty;)*) => {$(
        impl Encode for $ty {
            // Positional formats keep the wide type's width, so data moves between platforms.
            const INLINE_SIZE: Option<usize> = Some(size_of::<$wide>());
            const INLINE_ONLY: bool = true;

            raw_encode_items!(RAW_NUMBERS && size_of::<$ty>() == size_of::<$wide>());

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                // Lossless: every type listed fits its wide type.
                #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
                let wide = *self as $wide;
                if let Some(out) = out.first_chunk_mut() {
                    *out = wide.to_le_bytes();
                }
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                // Lossless: every type listed fits its wide type.
                #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
                let wide = *self as $wide;
                encoder.$encode(wide)
            }
        }

        impl<'de> Decode<'de> for $ty {
            const INLINE_SIZE: Option<usize> = Some(size_of::<$wide>());
            const INLINE_ONLY: bool = true;

            raw_decode_items!(RAW_NUMBERS && size_of::<$ty>() == size_of::<$wide>(), Decode<'de>);

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                match bytes.first_chunk() {
                    Some(bytes) => <$ty>::try_from(<$wide>::from_le_bytes(*bytes))
                        .map_err(|_| concat!("value out of range for `", stringify!($ty), "`")),
                    None => Err("truncated"),
                }
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                let wide: $wide = decoder.$decode()?;
                match <$ty>::try_from(wide) {
                    Ok(value) => Ok(value),
                    // Lossless: the narrow type's bounds fit the wide type.
                    #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
                    Err(_) => Err(decoder.locate(if wide > <$ty>::MAX as $wide {
                        Error::int_above(<$ty>::MAX)
                    } else {
                        Error::int_below(<$ty>::MIN)
                    })),
                }
            }

            #[inline]
            fn decode_array<D: Decoder<'de>, const N: usize>(decoder: &mut D) -> Result<Option<[Self; N]>> {
                super::seq::decode_int_array(decoder)
            }
        }
    )*};
}

narrow_integers! {
    isize => encode_i64, decode_i64, i64;
    usize => encode_u64, decode_u64, u64;
}

/// Integers the encoder and decoder speak directly.
macro_rules! wide_integers {
    ($($ty:ty => $encode:ident, $decode:ident $(, $borrowed_slice:ident)?;)*) => {$(
        impl Encode for $ty {
            const INLINE_SIZE: Option<usize> = Some(size_of::<$ty>());
            const INLINE_ONLY: bool = true;

            plain_encode_items!();

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                encoder.$encode(*self)
            }

            $(
                #[inline]
                fn encode_borrowed_slice<E: Encoder>(items: &[Self], encoder: &mut E) -> Result<()> {
                    encoder.$borrowed_slice(items)
                }
            )?
        }

        impl<'de> Decode<'de> for $ty {
            const INLINE_SIZE: Option<usize> = Some(size_of::<$ty>());
            const INLINE_ONLY: bool = true;

            plain_decode_items!($ty, Decode<'de>);

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                decoder.$decode()
            }

            #[inline]
            fn decode_array<D: Decoder<'de>, const N: usize>(decoder: &mut D) -> Result<Option<[Self; N]>> {
                super::seq::decode_int_array(decoder)
            }
        }
    )*};
}

wide_integers! {
    i8 => encode_i8, decode_i8;
    i16 => encode_i16, decode_i16;
    i32 => encode_i32, decode_i32;
    // `&[u8]` is binary; see `Encode::encode_borrowed`.
    u8 => encode_u8, decode_u8, encode_bytes;
    u16 => encode_u16, decode_u16;
    u32 => encode_u32, decode_u32;
    i64 => encode_i64, decode_i64;
    u64 => encode_u64, decode_u64;
    i128 => encode_i128, decode_i128;
    u128 => encode_u128, decode_u128;
}

/// The floats: inline at their width in positional formats, and whole
/// sequences handed to the encoder at once (JSON batches their formatting).
macro_rules! floats {
    ($($ty:ty: $size:literal, $encode:ident, $seq:ident, $rows:ident, $decode:ident, { $($decode_extra:tt)* };)*) => {$(
        impl Encode for $ty {
            const INLINE_SIZE: Option<usize> = Some($size);
            const INLINE_ONLY: bool = true;

            plain_encode_items!();

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                encoder.$encode(*self)
            }

            #[inline]
            fn encode_slice<E: Encoder>(items: &[Self], encoder: &mut E) -> Result<()> {
                encoder.$seq(items)
            }

            #[inline]
            fn encode_rows<E: Encoder, const N: usize>(rows: &[[Self; N]], encoder: &mut E) -> Result<()> {
                encoder.$rows(rows)
            }
        }

        impl<'de> Decode<'de> for $ty {
            const INLINE_SIZE: Option<usize> = Some($size);
            const INLINE_ONLY: bool = true;

            plain_decode_items!($ty, Decode<'de>);

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                decoder.$decode()
            }

            $($decode_extra)*
        }
    )*};
}

floats! {
    f32: 4, encode_f32, encode_f32_seq, encode_f32_rows, decode_f32, {
        #[inline]
        fn decode_array<D: Decoder<'de>, const N: usize>(decoder: &mut D) -> Result<Option<[Self; N]>> {
            super::seq::decode_plain_array(decoder)
        }
    };
    f64: 8, encode_f64, encode_f64_seq, encode_f64_rows, decode_f64, {
        #[inline]
        fn decode_array<D: Decoder<'de>, const N: usize>(decoder: &mut D) -> Result<Option<[Self; N]>> {
            decoder.decode_f64_array()
        }
    };
}

/// The one `char` of `text`, if it holds exactly one.
#[inline]
pub(super) fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// ``Expected `str` of length 1``, for a `char` given more or less than one.
#[cold]
pub(super) fn not_one_char() -> Error {
    Error::invalid("Expected `str` of length 1".to_owned())
}

impl Encode for char {
    const INLINE_SIZE: Option<usize> = Some(4);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        if let Some(out) = out.first_chunk_mut() {
            *out = u32::from(*self).to_le_bytes();
        }
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_char(*self)
    }
}

impl<'de> Decode<'de> for char {
    const INLINE_SIZE: Option<usize> = Some(4);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        match bytes.first_chunk() {
            Some(bytes) => char::from_u32(u32::from_le_bytes(*bytes)).ok_or("invalid char"),
            None => Err("truncated"),
        }
    }

    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_char()
    }
}

impl Encode for () {
    const INLINE_SIZE: Option<usize> = Some(0);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_null()
    }
}

impl<'de> Decode<'de> for () {
    const INLINE_SIZE: Option<usize> = Some(0);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        let _ = bytes;
        Ok(())
    }

    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_null()
    }
}

impl<T: ?Sized> Encode for PhantomData<T> {
    const INLINE_SIZE: Option<usize> = Some(0);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        // Written as serde writes it: a unit struct (`null`, MessagePack `[]`).
        encoder.encode_unit_struct()
    }
}

impl<'de, T: ?Sized> Decode<'de> for PhantomData<T> {
    const INLINE_SIZE: Option<usize> = Some(0);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        let _ = bytes;
        Ok(PhantomData)
    }

    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_unit_struct().map(|()| PhantomData)
    }
}
