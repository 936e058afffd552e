//! Scalars: `bool`, the integers, the floats, `char`, `()` and `PhantomData`.
//! Each is stored inline at its width, little-endian.

use std::marker::PhantomData;

use crate::error::Result;
use crate::flat::{Validator, View};

/// Numbers: every bit pattern is valid, so there is nothing to validate
/// beyond the bounds the container already checked.
macro_rules! numbers {
    ($($ty:ty),* $(,)?) => {$(
        impl View for $ty {
            type View<'a> = $ty;

            const INLINE_SIZE: Option<usize> = Some(size_of::<$ty>());
            const INLINE_ONLY: bool = true;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                let _ = (v, slot);
                Ok(())
            }

            #[inline]
            fn read(bytes: &[u8]) -> $ty {
                match bytes.first_chunk() {
                    Some(bytes) => <$ty>::from_le_bytes(*bytes),
                    None => Self::absent(),
                }
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                <$ty>::default()
            }

            #[inline]
            fn from_view(view: $ty) -> $ty {
                view
            }
        }
    )*};
}

numbers!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, f32, f64);

/// `usize` and `isize` travel as 8 bytes, so data moves between platforms; a
/// value the platform cannot hold fails validation.
macro_rules! pointer_sized {
    ($($ty:ty => $wide:ty),* $(,)?) => {$(
        impl View for $ty {
            type View<'a> = $ty;

            const INLINE_SIZE: Option<usize> = Some(8);
            const INLINE_ONLY: bool = true;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                let wide = <$wide>::from_le_bytes(v.scalar(slot)?);
                match <$ty>::try_from(wide) {
                    Ok(_) => Ok(()),
                    Err(_) => Err(v.malformed(concat!("value out of range for `", stringify!($ty), "`"), slot)),
                }
            }

            #[inline]
            fn read(bytes: &[u8]) -> $ty {
                let wide = <$wide as View>::read(bytes);
                <$ty>::try_from(wide).unwrap_or_default()
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                0
            }

            #[inline]
            fn from_view(view: $ty) -> $ty {
                view
            }
        }
    )*};
}

pointer_sized!(usize => u64, isize => i64);

impl View for bool {
    type View<'a> = bool;

    const INLINE_SIZE: Option<usize> = Some(1);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        match v.scalar::<1>(slot)? {
            [0 | 1] => Ok(()),
            _ => Err(v.malformed("invalid bool (expected 0 or 1)", slot)),
        }
    }

    #[inline]
    fn read(bytes: &[u8]) -> bool {
        bytes.first() == Some(&1)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        false
    }

    #[inline]
    fn from_view(view: bool) -> bool {
        view
    }
}

/// A `char` is its Unicode scalar value as a `u32`; surrogates and values
/// above `0x10FFFF` fail validation.
impl View for char {
    type View<'a> = char;

    const INLINE_SIZE: Option<usize> = Some(4);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        match char::from_u32(u32::from_le_bytes(v.scalar(slot)?)) {
            Some(_) => Ok(()),
            None => Err(v.malformed("invalid char", slot)),
        }
    }

    #[inline]
    fn read(bytes: &[u8]) -> char {
        char::from_u32(u32::read(bytes)).unwrap_or_default()
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        '\0'
    }

    #[inline]
    fn from_view(view: char) -> char {
        view
    }
}

/// Zero-width: nothing stored, nothing to check.
macro_rules! zero_width {
    ($([$($generics:tt)*] $ty:ty => $value:expr),* $(,)?) => {$(
        impl<$($generics)*> View for $ty {
            type View<'a> = $ty;

            const INLINE_SIZE: Option<usize> = Some(0);
            const INLINE_ONLY: bool = true;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                let _ = (v, slot);
                Ok(())
            }

            #[inline]
            fn read(bytes: &[u8]) -> $ty {
                let _ = bytes;
                $value
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                $value
            }

            #[inline]
            fn from_view(view: $ty) -> $ty {
                view
            }
        }
    )*};
}

zero_width! {
    [] () => (),
    [T: ?Sized] PhantomData<T> => PhantomData,
}
