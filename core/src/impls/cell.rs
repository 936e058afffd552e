//! `Cell<T>` and `RefCell<T>`, written as the `T` they hold, as serde
//! writes them. Encoding a `RefCell` that is mutably borrowed is an error.

use std::cell::{Cell, RefCell};

use super::num::{decode_as_inner, encode_as_inner};
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, ErrorKind, Result};

encode_as_inner! {
    [T: Encode + Copy] Cell<T> => |this| this.get(),
}

decode_as_inner! {
    [T: Decode<'de> + Copy] Cell<T> => Cell::new,
}

/// `Decode` for a wrapper whose `Encode` can fail (it must borrow or lock
/// the value): read as `T` and wrapped with `$wrap`, with `T`'s slot but not
/// `INLINE_ONLY`, as its `Encode` is not.
macro_rules! decode_guarded {
    ($($ty:ident => $wrap:expr),* $(,)?) => {$(
        impl<'de, T: Decode<'de>> Decode<'de> for $ty<T> {
            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;

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
pub(super) use decode_guarded;

decode_guarded! {
    RefCell => RefCell::new,
}

/// Not `INLINE_ONLY`, whatever `T` is: a slot written in place could not
/// report that the value is borrowed.
impl<T: Encode + ?Sized> Encode for RefCell<T> {
    const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        match self.try_borrow() {
            Ok(value) => value.encode(encoder),
            Err(_) => Err(Error::with_kind(
                ErrorKind::Unsupported,
                "RefCell is mutably borrowed while encoding",
            )),
        }
    }
}
