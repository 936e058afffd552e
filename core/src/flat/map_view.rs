//! [`MapView`]: a map read in place, with lookups by binary search.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::marker::PhantomData;

use super::table::{follow, slot_at};
use super::varint;
use super::view::View;
use crate::encode::slot_width;

/// The view of a `BTreeMap<K, V>` or `HashMap<K, V>`: its entries sorted by
/// key, each a key slot then a value slot.
///
/// [`MapView::get`] finds a key by binary search; [`MapView::iter`] walks the
/// entries in key order.
///
/// # Examples
///
/// ```
/// use std::collections::HashMap;
///
/// let ports = HashMap::from([(443u16, "https".to_owned()), (80, "http".to_owned())]);
/// let bytes = zerospec::flat::to_vec(&ports)?;
/// let view = zerospec::flat::view::<HashMap<u16, String>>(&bytes)?;
/// assert_eq!(view.get(&80), Some("http"));
/// assert_eq!(view.iter().map(|(k, _)| k).collect::<Vec<_>>(), [80, 443]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct MapView<'a, K, V> {
    /// The buffer from the first entry to the end.
    data: &'a [u8],
    len: usize,
    types: PhantomData<fn() -> (K, V)>,
}

impl<K, V> Clone for MapView<'_, K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for MapView<'_, K, V> {}

impl<'a, K: View, V: View> MapView<'a, K, V> {
    const KEY: usize = slot_width(K::INLINE_SIZE);
    const ENTRY: usize = slot_width(K::INLINE_SIZE) + slot_width(V::INLINE_SIZE);

    /// The empty map.
    pub const EMPTY: MapView<'static, K, V> = MapView {
        data: &[],
        len: 0,
        types: PhantomData,
    };

    /// Reads the map an offset slot points to (its count, then the entries);
    /// empty for offset 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::flat::MapView;
    /// // Offset 4, one entry: key 7u8, value 9u8.
    /// let map = MapView::<u8, u8>::read(&[4, 0, 0, 0, 1, 7, 9]);
    /// assert_eq!(map.get(&7), Some(9));
    /// ```
    #[inline]
    #[must_use]
    pub fn read(slot: &'a [u8]) -> Self {
        let Some(object) = follow(slot) else {
            return MapView::EMPTY;
        };
        let Some((len, header)) = varint::read(object) else {
            return MapView::EMPTY;
        };
        let data = slot_at(object, header);
        let len = match Self::ENTRY {
            0 => len as usize,
            width => (len as usize).min(data.len() / width),
        };
        MapView {
            data,
            len,
            types: PhantomData,
        }
    }

    /// How many entries the map holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// let bytes = zerospec::flat::to_vec(&BTreeMap::from([(1u8, 2u8)]))?;
    /// assert_eq!(zerospec::flat::view::<BTreeMap<u8, u8>>(&bytes)?.len(), 1);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the map holds no entries.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// let bytes = zerospec::flat::to_vec(&BTreeMap::<u8, u8>::new())?;
    /// assert!(zerospec::flat::view::<BTreeMap<u8, u8>>(&bytes)?.is_empty());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The key and value views of entry `index`, in key order.
    #[inline]
    fn entry(&self, index: usize) -> (K::View<'a>, V::View<'a>) {
        let entry = slot_at(self.data, index * Self::ENTRY);
        (K::read(entry), V::read(slot_at(entry, Self::KEY)))
    }

    /// The value under `key`, found by binary search; `None` when absent.
    ///
    /// The key is anything the key view borrows as: `&str` for `String`
    /// keys, the number itself for integer keys.
    ///
    /// # Examples
    ///
    /// See [`MapView`].
    #[inline]
    pub fn get<Q>(&self, key: &Q) -> Option<V::View<'a>>
    where
        K::View<'a>: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let (mut low, mut high) = (0, self.len);
        while low < high {
            let middle = low + (high - low) / 2;
            let probe = K::read(slot_at(self.data, middle * Self::ENTRY));
            match probe.borrow().cmp(key) {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => return Some(self.entry(middle).1),
            }
        }
        None
    }

    /// True when the map holds `key`.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// let bytes = zerospec::flat::to_vec(&BTreeMap::from([('a', true)]))?;
    /// let map = zerospec::flat::view::<BTreeMap<char, bool>>(&bytes)?;
    /// assert!(map.contains_key(&'a'));
    /// assert!(!map.contains_key(&'b'));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K::View<'a>: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.get(key).is_some()
    }

    /// The entries' key and value views, in key order.
    ///
    /// # Examples
    ///
    /// See [`MapView`].
    #[inline]
    #[must_use]
    pub fn iter(&self) -> MapIter<'a, K, V> {
        MapIter {
            map: *self,
            front: 0,
            back: self.len,
        }
    }
}

impl<'a, K: View, V: View> IntoIterator for MapView<'a, K, V> {
    type Item = (K::View<'a>, V::View<'a>);
    type IntoIter = MapIter<'a, K, V>;

    #[inline]
    fn into_iter(self) -> MapIter<'a, K, V> {
        self.iter()
    }
}

impl<K: View, V: View> fmt::Debug for MapView<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: View, V: View> PartialEq for MapView<'_, K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

/// The iterator over a [`MapView`]'s entries, in key order.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// let bytes = zerospec::flat::to_vec(&BTreeMap::from([(1u8, 10u8), (2, 20)]))?;
/// let map = zerospec::flat::view::<BTreeMap<u8, u8>>(&bytes)?;
/// assert_eq!(map.iter().rev().collect::<Vec<_>>(), [(2, 20), (1, 10)]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct MapIter<'a, K, V> {
    map: MapView<'a, K, V>,
    front: usize,
    back: usize,
}

impl<K, V> Clone for MapIter<'_, K, V> {
    fn clone(&self) -> Self {
        MapIter {
            map: self.map,
            front: self.front,
            back: self.back,
        }
    }
}

impl<K, V> fmt::Debug for MapIter<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapIter")
            .field("remaining", &(self.back - self.front))
            .finish()
    }
}

impl<'a, K: View, V: View> Iterator for MapIter<'a, K, V> {
    type Item = (K::View<'a>, V::View<'a>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.front < self.back {
            let entry = self.map.entry(self.front);
            self.front += 1;
            Some(entry)
        } else {
            None
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }
}

impl<K: View, V: View> DoubleEndedIterator for MapIter<'_, K, V> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front < self.back {
            self.back -= 1;
            Some(self.map.entry(self.back))
        } else {
            None
        }
    }
}

impl<K: View, V: View> ExactSizeIterator for MapIter<'_, K, V> {}

impl<K: View, V: View> std::iter::FusedIterator for MapIter<'_, K, V> {}
