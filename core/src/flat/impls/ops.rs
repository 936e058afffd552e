//! The ranges, `Bound<T>` and `Result<T, E>`, stored inline: `Range` and
//! `RangeInclusive` as `(start, end)` (viewed as that tuple of views),
//! `RangeFrom` and `RangeTo` as their bound (viewed as its view), `Bound`
//! as `Option<(bool, T)>` (viewed as a `Bound` of `T`'s view), and `Result`
//! as `(Option<T>, Option<E>)` with exactly one present (viewed as a
//! `Result` of the views; an absent one reads as `Ok` of `T`'s absent view).

use std::ops::{Bound, Range, RangeFrom, RangeInclusive, RangeTo};

use crate::encode::slot_width;
use crate::error::Result;
use crate::flat::{Validator, View};

macro_rules! two_bounds {
    ($($ty:ident => |$start:ident, $end:ident| $make:expr),* $(,)?) => {$(
        impl<T: View> View for $ty<T> {
            type View<'a> = (T::View<'a>, T::View<'a>);

            const INLINE_SIZE: Option<usize> = <(T, T) as View>::INLINE_SIZE;
            const INLINE_ONLY: bool = <(T, T) as View>::INLINE_ONLY;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                <(T, T)>::validate(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> Self::View<'_> {
                <(T, T)>::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                <(T, T)>::absent()
            }

            #[inline]
            fn from_view(($start, $end): Self::View<'_>) -> Self {
                let ($start, $end) = (T::from_view($start), T::from_view($end));
                $make
            }
        }
    )*};
}

two_bounds! {
    Range => |start, end| start..end,
    RangeInclusive => |start, end| start..=end,
}

macro_rules! one_bound {
    ($($ty:ident => |$bound:ident| $make:expr),* $(,)?) => {$(
        impl<T: View> View for $ty<T> {
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
                let $bound = T::from_view(view);
                $make
            }
        }
    )*};
}

one_bound! {
    RangeFrom => |start| start..,
    RangeTo => |end| ..end,
}

/// `Bound<T>` as positional formats store it.
type BoundRepr<T> = Option<(bool, T)>;

impl<T: View> View for Bound<T> {
    type View<'a> = Bound<T::View<'a>>;

    const INLINE_SIZE: Option<usize> = <BoundRepr<T> as View>::INLINE_SIZE;
    const INLINE_ONLY: bool = <BoundRepr<T> as View>::INLINE_ONLY;

    #[inline]
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        <BoundRepr<T>>::validate(v, slot)
    }

    #[inline]
    fn read(bytes: &[u8]) -> Self::View<'_> {
        match <BoundRepr<T>>::read(bytes) {
            None => Bound::Unbounded,
            Some((false, value)) => Bound::Included(value),
            Some((true, value)) => Bound::Excluded(value),
        }
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        Bound::Unbounded
    }

    #[inline]
    fn from_view(view: Self::View<'_>) -> Self {
        view.map(T::from_view)
    }
}

/// `Result<T, E>` as positional formats store it.
type ResultRepr<T, E> = (Option<T>, Option<E>);

impl<T: View, E: View> View for std::result::Result<T, E> {
    type View<'a> = std::result::Result<T::View<'a>, E::View<'a>>;

    const INLINE_SIZE: Option<usize> = <ResultRepr<T, E> as View>::INLINE_SIZE;
    const INLINE_ONLY: bool = <ResultRepr<T, E> as View>::INLINE_ONLY;

    #[inline]
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        <ResultRepr<T, E>>::validate(v, slot)?;
        let err_at = slot + 1 + slot_width(T::INLINE_SIZE);
        match (v.scalar::<1>(slot)?, v.scalar::<1>(err_at)?) {
            ([1], [0]) | ([0], [1]) => Ok(()),
            _ => Err(v.malformed(
                "invalid Result (exactly one of `Ok` and `Err` must be present)",
                slot,
            )),
        }
    }

    #[inline]
    fn read(bytes: &[u8]) -> Self::View<'_> {
        match <ResultRepr<T, E>>::read(bytes) {
            (Some(value), _) => Ok(value),
            (None, Some(error)) => Err(error),
            (None, None) => Ok(T::absent()),
        }
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        Ok(T::absent())
    }

    #[inline]
    fn from_view(view: Self::View<'_>) -> Self {
        view.map(T::from_view).map_err(E::from_view)
    }
}
