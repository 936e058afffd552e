//! Pointers and wrappers that encode as what they point to: `&T`, `&mut T`,
//! `Box<T>`, `Rc<T>`, `Arc<T>`, `Cow<B>`.
//!
//! Every recursive type holds itself through a collection or one of the
//! owning pointers (`Box`, `Rc`, `Arc`), so those two places bound every
//! recursion. Collections count a nesting level when they begin; a pointer
//! decodes its value through [`Decoder::decode_nested`], which counts one
//! when no input was read since the last pointer (an untagged
//! `enum E { Wrap(Box<E>), Leaf(u8) }`, which could otherwise recurse
//! forever on one byte). In positional formats an owning pointer's slot is
//! always an offset, whatever it holds, so a recursive type has a finite
//! layout (`struct Opt(Option<Box<Opt>>)`): to the value's own object when
//! that is out of line, else to a one-field table holding its slot.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use crate::__private::shape;
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder, slot_width};
use crate::error::{Error, Result};

macro_rules! encode_as_target {
    ($method:ident: $($ty:ty),*) => {$(
        impl<T: Encode + ?Sized> Encode for $ty {
            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;
            const MEASURABLE: bool = T::MEASURABLE;

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                (**self).encode_inline(out);
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                (**self).$method(encoder)
            }
        }
    )*};
}

encode_as_target!(encode: &mut T);
// A plain reference goes through `encode_borrowed`, so that `&[u8]` is
// written as binary and reads back as `&'de [u8]`.
encode_as_target!(encode_borrowed: &T);

/// Writes what an owning pointer holds: the value itself, or in positional
/// formats, where the pointer's slot is an offset, an inline value inside a
/// one-field table.
#[inline]
fn encode_pointee<T: Encode + ?Sized, E: Encoder>(value: &T, encoder: &mut E) -> Result<()> {
    if E::POSITIONAL && T::INLINE_SIZE.is_some() {
        // The one-field table an owning pointer's slot points to in
        // positional formats when the value it holds sits inline.
        let shape = const { shape(const { &[0, slot_width(T::INLINE_SIZE)] }, false) };
        let mut table = encoder.struct_begin(shape)?;
        encoder.struct_field(&mut table, 0)?;
        value.encode(encoder)?;
        return encoder.struct_end(table);
    }
    value.encode(encoder)
}

/// Reads what an owning pointer holds, as [`encode_pointee`] wrote it, one
/// nesting level down.
#[inline]
fn decode_pointee<'de, T: Decode<'de>, D: Decoder<'de>>(decoder: &mut D) -> Result<T> {
    if D::POSITIONAL && T::INLINE_SIZE.is_some() {
        let shape = const { shape(const { &[0, slot_width(T::INLINE_SIZE)] }, false) };
        let mut table = decoder.struct_begin(shape)?;
        let value = if decoder.struct_field(&mut table, 0)? {
            T::decode(decoder)?
        } else {
            T::absent().ok_or_else(|| Error::missing_field("0"))?
        };
        decoder.struct_end(table)?;
        return Ok(value);
    }
    decoder.decode_nested::<T>()
}

macro_rules! owning_pointers {
    ($($ptr:ident),*) => {$(
        impl<T: Encode + ?Sized> Encode for $ptr<T> {
            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                encode_pointee(&**self, encoder)
            }
        }
    )*};
}

owning_pointers!(Box, Rc, Arc);

impl<B: Encode + ToOwned + ?Sized> Encode for Cow<'_, B> {
    const INLINE_SIZE: Option<usize> = B::INLINE_SIZE;
    const INLINE_ONLY: bool = B::INLINE_ONLY;
    const MEASURABLE: bool = B::MEASURABLE;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        (**self).encode_inline(out);
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        (**self).encode(encoder)
    }
}

macro_rules! decode_into_pointer {
    ($($ptr:ident),*) => {$(
        impl<'de, T: Decode<'de>> Decode<'de> for $ptr<T> {
            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                decode_pointee(decoder).map($ptr::new)
            }

            #[inline]
            fn absent() -> Option<Self> {
                T::absent().map($ptr::new)
            }
        }

        impl<'de, T: Decode<'de>> Decode<'de> for $ptr<[T]> {
            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                Vec::<T>::decode(decoder).map($ptr::from)
            }
        }
    )*};
}

decode_into_pointer!(Box, Rc, Arc);
