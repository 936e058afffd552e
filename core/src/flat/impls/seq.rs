//! Sequences: `Vec<T>`, `VecDeque<T>`, `Box<[T]>`, `HashSet<T>`, `BTreeSet<T>`,
//! `BinaryHeap<T>`, `LinkedList<T>`
//! out of line (a LEB128 count, then the elements' slots), and `[T; N]`
//! inline (the elements' slots). All read as a [`SeqView`].

use std::collections::{BTreeSet, BinaryHeap, HashSet, LinkedList, VecDeque};
use std::hash::{BuildHasher, Hash};

use crate::encode::slot_width;
use crate::error::Result;
use crate::flat::{SeqView, Validator, View};

/// Validates the out-of-line sequence of `T` an offset slot points to, and
/// returns its view.
#[inline(always)]
fn validate_seq<'a, T: View>(v: &mut Validator<'a>, slot: usize) -> Result<SeqView<'a, T>> {
    let elements = v.open_sequence(slot, slot_width(T::INLINE_SIZE))?;
    for index in 0..elements.visits() {
        T::validate(v, elements.slot(index)).map_err(|err| err.in_index(index))?;
    }
    v.close_sequence(elements);
    Ok(elements.view(v.bytes()))
}

macro_rules! sequences {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> View for $ty {
            type View<'a> = SeqView<'a, T>;

            const INLINE_SIZE: Option<usize> = None;

            #[inline(always)]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                validate_seq::<T>(v, slot).map(drop)
            }

            #[inline(always)]
            fn validate_view<'a>(v: &mut Validator<'a>, slot: usize) -> Result<SeqView<'a, T>> {
                validate_seq::<T>(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> SeqView<'_, T> {
                SeqView::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                SeqView::EMPTY
            }

            #[inline]
            fn from_view(view: SeqView<'_, T>) -> Self {
                view.iter().map(T::from_view).collect()
            }
        }
    )*};
}

sequences! {
    [T: View] Vec<T>,
    [T: View] VecDeque<T>,
    [T: View] Box<[T]>,
    [T: View + Ord] BTreeSet<T>,
    [T: View + Eq + Hash, S: BuildHasher + Default] HashSet<T, S>,
    [T: View + Ord] BinaryHeap<T>,
    [T: View] LinkedList<T>,
}

impl<T: View, const N: usize> View for [T; N] {
    type View<'a> = SeqView<'a, T>;

    const INLINE_SIZE: Option<usize> = Some(N * slot_width(T::INLINE_SIZE));
    const INLINE_ONLY: bool = T::INLINE_ONLY;

    #[inline]
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        let width = slot_width(T::INLINE_SIZE);
        if width == 0 {
            return Ok(());
        }
        for index in 0..N {
            T::validate(v, slot + index * width).map_err(|err| err.in_index(index))?;
        }
        Ok(())
    }

    #[inline]
    fn read(bytes: &[u8]) -> SeqView<'_, T> {
        SeqView::inline(bytes, N)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        SeqView::inline(&[], N)
    }

    #[inline]
    fn from_view(view: SeqView<'_, T>) -> Self {
        std::array::from_fn(|index| T::from_view(view.get(index).unwrap_or_else(T::absent)))
    }
}
