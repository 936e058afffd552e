//! Wrappers stored as the value they hold: `Wrapping<T>`, `Saturating<T>`
//! and `Reverse<T>` (viewed as the wrapper around `T`'s view, so that a
//! `Reverse` key keeps its order), and `Cell<T>`, `RefCell<T>`, `Mutex<T>`,
//! `RwLock<T>` and the atomics (viewed as `T`'s view).

use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::num::{Saturating, Wrapping};
use std::sync::atomic::{
    AtomicBool, AtomicI8, AtomicI16, AtomicI32, AtomicI64, AtomicIsize, AtomicU8, AtomicU16,
    AtomicU32, AtomicU64, AtomicUsize,
};
use std::sync::{Mutex, RwLock};

use crate::error::Result;
use crate::flat::{Validator, View};

macro_rules! wrapped_views {
    ($($wrapper:ident),* $(,)?) => {$(
        impl<T: View> View for $wrapper<T> {
            type View<'a> = $wrapper<T::View<'a>>;

            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                T::validate(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> Self::View<'_> {
                $wrapper(T::read(bytes))
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                $wrapper(T::absent())
            }

            #[inline]
            fn from_view(view: Self::View<'_>) -> Self {
                $wrapper(T::from_view(view.0))
            }
        }
    )*};
}

wrapped_views!(Wrapping, Saturating, Reverse);

macro_rules! inner_views {
    ($([$($bound:tt)*] $wrapper:ident => $wrap:expr),* $(,)?) => {$(
        impl<T: View $($bound)*> View for $wrapper<T> {
            type View<'a> = T::View<'a>;

            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;
            const INLINE_ONLY: bool = T::INLINE_ONLY;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                T::validate(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> T::View<'_> {
                T::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                T::absent()
            }

            #[inline]
            fn from_view(view: T::View<'_>) -> Self {
                $wrap(T::from_view(view))
            }
        }
    )*};
}

inner_views! {
    [+ Copy] Cell => Cell::new,
    [] RefCell => RefCell::new,
    [] Mutex => Mutex::new,
    [] RwLock => RwLock::new,
}

macro_rules! atomic_views {
    ($($atomic:ty => $int:ty),* $(,)?) => {$(
        impl View for $atomic {
            type View<'a> = $int;

            const INLINE_SIZE: Option<usize> = <$int as View>::INLINE_SIZE;
            const INLINE_ONLY: bool = true;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                <$int>::validate(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> $int {
                <$int>::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                <$int>::absent()
            }

            #[inline]
            fn from_view(view: $int) -> Self {
                <$atomic>::new(view)
            }
        }
    )*};
}

atomic_views! {
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
