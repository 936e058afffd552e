//! [`SeqView`]: a sequence read in place, element by element or, for numbers,
//! as one zero-copy slice.

use std::fmt;
use std::marker::PhantomData;

use zerocopy::FromBytes;

use super::scalar::Scalar;
use super::table::{follow, slot_at};
use super::varint;
use super::view::View;
use crate::encode::slot_width;

/// The view of a `Vec<T>` (and of `VecDeque<T>`, `Box<[T]>`, sets and
/// `[T; N]`): `T`'s slots, one after another.
///
/// `Copy`, indexable in O(1), and iterable with an [`ExactSizeIterator`]. For
/// a sequence of fixed-width numbers, [`SeqView::as_slice`] gives the
/// elements as one slice of zerocopy's little-endian types, with no copy.
///
/// # Examples
///
/// ```
/// let bytes = zerospec::flat::to_vec(&vec![1.5f32, -2.0])?;
/// let seq = zerospec::flat::view::<Vec<f32>>(&bytes)?;
/// assert_eq!(seq.len(), 2);
/// assert_eq!(seq.get(1), Some(-2.0));
/// assert_eq!(seq.iter().sum::<f32>(), -0.5);
/// assert_eq!(seq.as_slice()[0].get(), 1.5);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct SeqView<'a, T> {
    /// The buffer from the first element's slot to the end.
    data: &'a [u8],
    len: usize,
    element: PhantomData<fn() -> T>,
}

impl<T> Clone for SeqView<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SeqView<'_, T> {}

impl<'a, T: View> SeqView<'a, T> {
    /// The width of one element's slot.
    const WIDTH: usize = slot_width(T::INLINE_SIZE);

    /// The empty sequence.
    pub const EMPTY: SeqView<'static, T> = SeqView {
        data: &[],
        len: 0,
        element: PhantomData,
    };

    /// Reads the sequence an offset slot points to (its count, then the
    /// elements); empty for offset 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::flat::SeqView;
    /// let seq = SeqView::<u8>::read(&[4, 0, 0, 0, 2, 7, 8]);
    /// assert_eq!(seq.iter().collect::<Vec<_>>(), [7, 8]);
    /// ```
    #[inline]
    #[must_use]
    pub fn read(slot: &'a [u8]) -> Self {
        let Some(object) = follow(slot) else {
            return SeqView::EMPTY;
        };
        match varint::read(object) {
            Some((len, header)) => SeqView::inline(slot_at(object, header), len as usize),
            None => SeqView::EMPTY,
        }
    }

    /// A sequence of `len` elements whose slots start at `data[0]`: a fixed-size
    /// array stored inline. The length is cut to what `data` holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::flat::SeqView;
    /// let seq = SeqView::<u16>::inline(&[1, 0, 2, 0], 2);
    /// assert_eq!(seq.get(1), Some(2));
    /// ```
    #[inline]
    #[must_use]
    pub fn inline(data: &'a [u8], len: usize) -> Self {
        let len = match Self::WIDTH {
            0 => len,
            width => len.min(data.len() / width),
        };
        SeqView {
            data,
            len,
            element: PhantomData,
        }
    }

    /// The sequence of `len` elements whose slots start at `data[0]`, as
    /// validation found it (so `data` holds them all).
    #[inline(always)]
    pub(crate) fn validated(data: &'a [u8], len: usize) -> Self {
        SeqView {
            data,
            len,
            element: PhantomData,
        }
    }

    /// How many elements the sequence holds.
    ///
    /// # Examples
    ///
    /// See [`SeqView`].
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the sequence holds no elements.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&Vec::<u8>::new())?;
    /// assert!(zerospec::flat::view::<Vec<u8>>(&bytes)?.is_empty());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The view of element `index`, or `None` past the end.
    ///
    /// # Examples
    ///
    /// See [`SeqView`].
    #[inline]
    #[must_use]
    pub fn get(&self, index: usize) -> Option<T::View<'a>> {
        if index < self.len {
            Some(T::read(slot_at(self.data, index * Self::WIDTH)))
        } else {
            None
        }
    }

    /// The elements' views, in order.
    ///
    /// # Examples
    ///
    /// See [`SeqView`].
    #[inline]
    #[must_use]
    pub fn iter(&self) -> SeqIter<'a, T> {
        let data = if SeqIter::<T>::EXACT {
            // The sequence holds `len` slots (see `inline` and `validated`).
            self.data.get(..self.len * Self::WIDTH).unwrap_or(self.data)
        } else {
            self.data
        };
        SeqIter {
            data,
            len: self.len,
            element: PhantomData,
        }
    }
}

impl<'a, T: Scalar> SeqView<'a, T> {
    /// The elements as one slice of zerocopy's little-endian types (`u8` and
    /// `i8` as themselves): `&[F32<LittleEndian>]` for a `Vec<f32>`. No copy,
    /// no alignment needed.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&vec![3u32, 4])?;
    /// let seq = zerospec::flat::view::<Vec<u32>>(&bytes)?;
    /// let slice = seq.as_slice();
    /// assert_eq!(slice.len(), 2);
    /// assert_eq!(slice[1].get(), 4);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn as_slice(&self) -> &'a [T::Le] {
        match <[T::Le]>::ref_from_prefix_with_elems(self.data, self.len) {
            Ok((slice, _)) => slice,
            Err(_) => &[],
        }
    }
}

impl<'a, T: View> IntoIterator for SeqView<'a, T> {
    type Item = T::View<'a>;
    type IntoIter = SeqIter<'a, T>;

    #[inline]
    fn into_iter(self) -> SeqIter<'a, T> {
        self.iter()
    }
}

impl<T: View> fmt::Debug for SeqView<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: View> PartialEq for SeqView<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

/// The iterator over a [`SeqView`]'s elements.
///
/// # Examples
///
/// ```
/// let bytes = zerospec::flat::to_vec(&vec![1u8, 2, 3])?;
/// let seq = zerospec::flat::view::<Vec<u8>>(&bytes)?;
/// let mut iter = seq.iter();
/// assert_eq!(iter.len(), 3);
/// assert_eq!(iter.next_back(), Some(3));
/// assert_eq!(iter.collect::<Vec<_>>(), [1, 2]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct SeqIter<'a, T> {
    /// The buffer from the next element's slot to the end; for inline
    /// elements ([`SeqIter::EXACT`]), only the slots left.
    data: &'a [u8],
    /// Elements left.
    len: usize,
    element: PhantomData<fn() -> T>,
}

impl<T> Clone for SeqIter<'_, T> {
    fn clone(&self) -> Self {
        SeqIter {
            data: self.data,
            len: self.len,
            element: PhantomData,
        }
    }
}

impl<T> fmt::Debug for SeqIter<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SeqIter")
            .field("remaining", &self.len)
            .finish()
    }
}

impl<T: View> SeqIter<'_, T> {
    /// True when the elements are inline, hold no offsets and take room:
    /// `data` then holds exactly the slots left, and each element's view is
    /// given its slot alone, cut at a width known at compile time, so that
    /// neither the step nor the element's accessors need a check of their
    /// own. (An inline element with an offset, an `Option<String>`, reads
    /// past its slot.)
    const EXACT: bool = T::INLINE_ONLY && SeqView::<T>::WIDTH > 0;
}

impl<'a, T: View> Iterator for SeqIter<'a, T> {
    type Item = T::View<'a>;

    #[inline]
    fn next(&mut self) -> Option<T::View<'a>> {
        if Self::EXACT {
            let (slot, rest) = self.data.split_at_checked(SeqView::<T>::WIDTH)?;
            self.data = rest;
            self.len = self.len.saturating_sub(1);
            return Some(T::read(slot));
        }
        if self.len == 0 {
            return None;
        }
        let item = T::read(self.data);
        self.data = slot_at(self.data, SeqView::<T>::WIDTH);
        self.len -= 1;
        Some(item)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len, Some(self.len))
    }
}

impl<T: View> DoubleEndedIterator for SeqIter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        if Self::EXACT {
            let at = self.data.len().checked_sub(SeqView::<T>::WIDTH)?;
            let (rest, slot) = self.data.split_at(at);
            self.data = rest;
            self.len = self.len.saturating_sub(1);
            return Some(T::read(slot));
        }
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        Some(T::read(slot_at(self.data, self.len * SeqView::<T>::WIDTH)))
    }
}

impl<T: View> ExactSizeIterator for SeqIter<'_, T> {}

impl<T: View> std::iter::FusedIterator for SeqIter<'_, T> {}
