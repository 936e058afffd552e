//! Pointers and wrappers that encode as what they point to: `&T`, `&mut T`,
//! `Box<T>`, `Rc<T>`, `Arc<T>`, `Cow<B>`.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::Result;

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

encode_as_target!(encode: &mut T, Box<T>, Rc<T>, Arc<T>);
// A plain reference goes through `encode_borrowed`, so that `&[u8]` is
// written as binary and reads back as `&'de [u8]`.
encode_as_target!(encode_borrowed: &T);

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
            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> std::result::Result<Self, &'static str> {
                T::decode_inline(bytes).map($ptr::new)
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                T::decode(decoder).map($ptr::new)
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
