//! Maps: `HashMap<K, V>` and `BTreeMap<K, V>`, keyed by any [`EncodeKey`] / [`MapKey`].
//!
//! A key that appears twice keeps its last value, as serde does.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::decode::{Decode, Decoder, MapKey};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// Writes `len` entries as a map.
#[inline]
pub(crate) fn encode_map<'a, E, K, V>(
    encoder: &mut E,
    len: usize,
    entries: impl IntoIterator<Item = (&'a K, &'a V)>,
) -> Result<()>
where
    E: Encoder,
    K: EncodeKey + 'a,
    V: Encode + 'a,
{
    let mut map = encoder.map_begin_of::<K, V>(len)?;
    for (key, value) in entries {
        encoder.map_key(&mut map, key)?;
        value.encode(encoder)?;
    }
    encoder.map_end(map)
}

/// Adds `key` to the path of an error raised under it.
#[cold]
fn under_key<'de, K: MapKey<'de>>(err: Error, key: &K) -> Error {
    match key.key_display() {
        Some(shown) => err.in_key(shown),
        None => err,
    }
}

/// Reads a map into a collection made by `with_capacity`, adding each entry
/// with `insert`; a value's error gains its key.
#[inline]
pub(crate) fn decode_map<'de, D, K, V, M>(
    decoder: &mut D,
    with_capacity: impl FnOnce(usize) -> M,
    mut insert: impl FnMut(&mut M, K, V),
) -> Result<M>
where
    D: Decoder<'de>,
    K: MapKey<'de>,
    V: Decode<'de>,
{
    let mut map = decoder.map_begin_of::<K, V>()?;
    let hint = decoder.map_remaining(&map);
    let mut out = with_capacity(decoder.reserve_ahead(hint, size_of::<(K, V)>()));
    let mut index = 0;
    while decoder.map_next_entry(&mut map)? {
        let key: K = decoder.decode_key()?;
        match V::decode(decoder) {
            Ok(value) => insert(&mut out, key, value),
            // Positional formats name an entry by its index, as their views do.
            Err(err) if D::POSITIONAL => return Err(err.in_index(index)),
            Err(err) => return Err(under_key(err, &key)),
        }
        index += 1;
    }
    Ok(out)
}

impl<K: EncodeKey, V: Encode, S> Encode for HashMap<K, V, S> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_sorted(encoder, self);
        }
        encode_map(encoder, self.len(), self)
    }
}

/// Writes a map's entries for a positional format, which stores them sorted
/// by key (`EncodeKey::cmp_key`, the order of the key's flat view): the
/// entries' references are sorted (one allocation of two pointers per
/// entry, `O(n log n)` key comparisons), then written in that order.
fn encode_sorted<'a, E, K, V>(
    encoder: &mut E,
    map: impl IntoIterator<Item = (&'a K, &'a V)>,
) -> Result<()>
where
    E: Encoder,
    K: EncodeKey + 'a,
    V: Encode + 'a,
{
    let mut entries: Vec<(&K, &V)> = map.into_iter().collect();
    let mut unordered = false;
    entries.sort_unstable_by(|a, b| {
        a.0.cmp_key(b.0).unwrap_or_else(|| {
            unordered = true;
            std::cmp::Ordering::Equal
        })
    });
    if unordered {
        return Err(Error::unsupported(
            "map keys of this type have no order to sort them by for the flat format",
        ));
    }
    encode_map(encoder, entries.len(), entries.iter().copied())
}

impl<'de, K, V, S> Decode<'de> for HashMap<K, V, S>
where
    K: MapKey<'de> + Eq + Hash,
    V: Decode<'de>,
    S: BuildHasher + Default,
{
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_map(
            decoder,
            |capacity| HashMap::with_capacity_and_hasher(capacity, S::default()),
            |map, key, value| {
                map.insert(key, value);
            },
        )
    }
}

impl<K: EncodeKey, V: Encode> Encode for BTreeMap<K, V> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        // A few key types order their flat views otherwise than `Ord` does
        // (`semver::Version`, by its text): sorted as their readers require.
        if E::POSITIONAL && !in_key_order(self.keys()) {
            return encode_sorted(encoder, self);
        }
        encode_map(encoder, self.len(), self)
    }
}

/// Whether `keys` strictly increase by `EncodeKey::cmp_key`, or have no such
/// order.
fn in_key_order<'a, K: EncodeKey + 'a>(keys: impl Iterator<Item = &'a K> + Clone) -> bool {
    keys.clone()
        .zip(keys.skip(1))
        .all(|(a, b)| a.cmp_key(b).is_none_or(std::cmp::Ordering::is_lt))
}

impl<'de, K, V> Decode<'de> for BTreeMap<K, V>
where
    K: MapKey<'de> + Ord,
    V: Decode<'de>,
{
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_map(
            decoder,
            |_| BTreeMap::new(),
            |map, key, value| {
                map.insert(key, value);
            },
        )
    }
}
