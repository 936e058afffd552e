//! `indexmap::IndexMap<K, V, S>` and `IndexSet<T, S>`, as indexmap's serde
//! impls write them: a map and a sequence, in insertion order, in every
//! format. A key read twice keeps its first position and its last value, as
//! `IndexMap::insert` does.
//!
//! In the flat format an `IndexMap` keeps its order too: its entries are
//! written as a map's (a count, then key and value slots) but in insertion
//! order, not sorted, so its view is the sequence of `(key, value)` pairs, a
//! [`SeqView<(K, V)>`](crate::flat::SeqView) (a `Vec<(K, V)>` has the same
//! bytes), with no lookup by key. An `IndexSet` is a sequence.

use std::hash::{BuildHasher, Hash};

use ::indexmap::{IndexMap, IndexSet};

use crate::decode::{Decode, Decoder, MapKey};
use crate::encode::{Encode, EncodeKey, Encoder, encode_iter};
use crate::error::Result;
use crate::impls::{decode_map, decode_seq, encode_map};

impl<K: EncodeKey, V: Encode, S> Encode for IndexMap<K, V, S> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_map(encoder, self.len(), self)
    }
}

impl<'de, K, V, S> Decode<'de> for IndexMap<K, V, S>
where
    K: MapKey<'de> + Eq + Hash,
    V: Decode<'de>,
    S: BuildHasher + Default,
{
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            // The flat layout is a map's in insertion order, not sorted:
            // read as the sequence of pairs its view shows, whose keys have
            // no order to check.
            return decode_seq(
                decoder,
                |pairs: Vec<(K, V)>| pairs.into_iter().collect(),
                |capacity| IndexMap::with_capacity_and_hasher(capacity, S::default()),
                |map, (key, value)| {
                    map.insert(key, value);
                },
            );
        }
        decode_map(
            decoder,
            |capacity| IndexMap::with_capacity_and_hasher(capacity, S::default()),
            |map, key, value| {
                map.insert(key, value);
            },
        )
    }
}

impl<T: Encode, S> Encode for IndexSet<T, S> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_iter(encoder, self)
    }
}

impl<'de, T, S> Decode<'de> for IndexSet<T, S>
where
    T: Decode<'de> + Eq + Hash,
    S: BuildHasher + Default,
{
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            |items| items.into_iter().collect(),
            |capacity| IndexSet::with_capacity_and_hasher(capacity, S::default()),
            |set, item| {
                set.insert(item);
            },
        )
    }
}

#[cfg(feature = "flat")]
impl<K, V, S> crate::flat::View for IndexMap<K, V, S>
where
    K: crate::flat::View + Eq + Hash,
    V: crate::flat::View,
    S: BuildHasher + Default,
{
    type View<'a> = crate::flat::SeqView<'a, (K, V)>;

    const INLINE_SIZE: Option<usize> = None;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        <Vec<(K, V)> as crate::flat::View>::validate(v, slot)
    }

    #[inline]
    fn validate_view<'a>(
        v: &mut crate::flat::Validator<'a>,
        slot: usize,
    ) -> Result<Self::View<'a>> {
        <Vec<(K, V)> as crate::flat::View>::validate_view(v, slot)
    }

    #[inline]
    fn read(bytes: &[u8]) -> Self::View<'_> {
        crate::flat::SeqView::read(bytes)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        crate::flat::SeqView::EMPTY
    }

    #[inline]
    fn from_view(view: Self::View<'_>) -> Self {
        // By index, not with `SeqView::iter`: the iterator hands each inline
        // element its slot cut from the buffer, which assumes an inline slot
        // holds no offset, so a key or value behind an offset inside a
        // `(K, V)` pair (a `String` key) would read as absent through it.
        (0..view.len())
            .filter_map(|index| view.get(index))
            .map(|(key, value)| (K::from_view(key), V::from_view(value)))
            .collect()
    }
}

#[cfg(feature = "flat")]
impl<T, S> crate::flat::View for IndexSet<T, S>
where
    T: crate::flat::View + Eq + Hash,
    S: BuildHasher + Default,
{
    type View<'a> = crate::flat::SeqView<'a, T>;

    const INLINE_SIZE: Option<usize> = None;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        <Vec<T> as crate::flat::View>::validate(v, slot)
    }

    #[inline]
    fn validate_view<'a>(
        v: &mut crate::flat::Validator<'a>,
        slot: usize,
    ) -> Result<Self::View<'a>> {
        <Vec<T> as crate::flat::View>::validate_view(v, slot)
    }

    #[inline]
    fn read(bytes: &[u8]) -> Self::View<'_> {
        crate::flat::SeqView::read(bytes)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        crate::flat::SeqView::EMPTY
    }

    #[inline]
    fn from_view(view: Self::View<'_>) -> Self {
        view.iter().map(T::from_view).collect()
    }
}
