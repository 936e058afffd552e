//! `Mutex<T>`, `RwLock<T>` and the atomics, written as the value they hold,
//! as serde writes them. Encoding a poisoned lock is an error, as in serde;
//! an atomic is read with `Ordering::Relaxed`, as serde and `Debug` read it.

use std::sync::atomic::{
    AtomicBool, AtomicI8, AtomicI16, AtomicI32, AtomicI64, AtomicIsize, AtomicU8, AtomicU16,
    AtomicU32, AtomicU64, AtomicUsize, Ordering,
};
use std::sync::{Mutex, RwLock};

use super::cell::decode_guarded;
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, ErrorKind, Result};

/// A lock poisoned by a panic while it was held.
#[cold]
fn poisoned() -> Error {
    Error::with_kind(
        ErrorKind::Unsupported,
        "lock poison error while serializing",
    )
}

/// Not `INLINE_ONLY`, whatever `T` is: a slot written in place could not
/// report a poisoned lock.
impl<T: Encode + ?Sized> Encode for Mutex<T> {
    const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        match self.lock() {
            Ok(value) => value.encode(encoder),
            Err(_) => Err(poisoned()),
        }
    }
}

impl<T: Encode + ?Sized> Encode for RwLock<T> {
    const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        match self.read() {
            Ok(value) => value.encode(encoder),
            Err(_) => Err(poisoned()),
        }
    }
}

decode_guarded! {
    Mutex => Mutex::new,
    RwLock => RwLock::new,
}

macro_rules! atomics {
    ($($atomic:ty => $int:ty),* $(,)?) => {$(
        impl Encode for $atomic {
            const INLINE_SIZE: Option<usize> = <$int as Encode>::INLINE_SIZE;
            const INLINE_ONLY: bool = true;

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                self.load(Ordering::Relaxed).encode_inline(out);
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                self.load(Ordering::Relaxed).encode(encoder)
            }
        }

        impl<'de> Decode<'de> for $atomic {
            const INLINE_SIZE: Option<usize> = <$int as Decode<'de>>::INLINE_SIZE;
            const INLINE_ONLY: bool = true;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
                <$int>::decode_inline(bytes).map(<$atomic>::new)
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                <$int>::decode(decoder).map(<$atomic>::new)
            }
        }
    )*};
}

atomics! {
    AtomicBool => bool,
    AtomicI8 => i8,
    AtomicI16 => i16,
    AtomicI32 => i32,
    AtomicI64 => i64,
    AtomicIsize => isize,
    AtomicU8 => u8,
    AtomicU16 => u16,
    AtomicU32 => u32,
    AtomicU64 => u64,
    AtomicUsize => usize,
}
