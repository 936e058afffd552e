//! Maps: `BTreeMap<K, V>` and `HashMap<K, V>`, out of line: a LEB128 count,
//! then the entries (a key slot, a value slot) sorted by key, strictly
//! increasing. Read as a [`MapView`].

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::encode::slot_width;
use crate::error::Result;
use crate::flat::rules::{keys_increase, keys_out_of_order};
use crate::flat::{MapView, Validator, View};

/// Validates the map an offset slot points to, and that its keys increase.
#[inline]
fn validate_map<K, V>(v: &mut Validator<'_>, slot: usize) -> Result<()>
where
    K: View,
    V: View,
    for<'a> K::View<'a>: Ord,
{
    let key_width = slot_width(K::INLINE_SIZE);
    let width = key_width + slot_width(V::INLINE_SIZE);
    let mut previous: Option<usize> = None;
    v.sequence(slot, width, |v, entry, index| {
        K::validate(v, entry).map_err(|err| err.in_index(index))?;
        if let Some(previous) = previous
            && !keys_increase::<K>(v.bytes(), previous, entry)
        {
            return Err(keys_out_of_order(v.bytes(), entry));
        }
        previous = Some(entry);
        V::validate(v, entry + key_width).map_err(|err| err.in_index(index))
    })
}

macro_rules! maps {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> View for $ty
        where
            for<'a> K::View<'a>: Ord,
        {
            type View<'a> = MapView<'a, K, V>;

            const INLINE_SIZE: Option<usize> = None;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                validate_map::<K, V>(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> MapView<'_, K, V> {
                MapView::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                MapView::EMPTY
            }

            #[inline]
            fn from_view(view: MapView<'_, K, V>) -> Self {
                view.iter()
                    .map(|(key, value)| (K::from_view(key), V::from_view(value)))
                    .collect()
            }
        }
    )*};
}

maps! {
    [K: View + Ord, V: View] BTreeMap<K, V>,
    [K: View + Eq + Hash, V: View, S: BuildHasher + Default] HashMap<K, V, S>,
}
