//! [`Map`]: the object of a [`Value`], keeping its keys in insertion order.
//!
//! Entries live in a `Vec`, so iteration is in order and small maps are just a
//! vector. Past [`INDEX_FROM`] entries a hash index is built beside it: an
//! open-addressing table of entry positions, hashed with the standard library's
//! randomly seeded SipHash, so lookups and inserts stay O(1) even for an object
//! of a million keys chosen by an attacker.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::BuildHasher;

use super::Value;

/// Maps up to this many entries are searched by a linear scan, without an index.
const INDEX_FROM: usize = 8;

/// A JSON object: string keys to [`Value`]s, in the order the keys were first inserted.
///
/// Inserting a key that is already present replaces its value in place, so a
/// decoded object with a duplicate key keeps the last value, at the position of
/// the first (as serde_json's `preserve_order` map does). Two maps are equal
/// when they hold the same entries, in any order.
///
/// # Examples
///
/// ```
/// use zerospec::value::{Map, Value};
///
/// let mut m = Map::new();
/// m.insert("b".to_owned(), Value::from(1));
/// m.insert("a".to_owned(), Value::from(2));
/// assert_eq!(m.insert("b".to_owned(), Value::from(3)), Some(Value::from(1)));
/// assert_eq!(m.keys().collect::<Vec<_>>(), ["b", "a"]);
/// assert_eq!(m["b"], Value::from(3));
/// ```
#[derive(Clone, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
    // Boxed: most maps never need it, and it would double the size of `Value`.
    index: Option<Box<Index>>,
}

/// Positions of entries by key hash: linear probing over a power-of-two table,
/// each slot holding an entry position plus one (zero marks an empty slot).
#[derive(Clone)]
struct Index {
    hasher: RandomState,
    slots: Vec<usize>,
}

impl Index {
    fn slot_of(&self, key: &str) -> usize {
        #[allow(clippy::cast_possible_truncation)]
        let hash = self.hasher.hash_one(key) as usize;
        hash & (self.slots.len() - 1)
    }

    /// An empty index with room for `len` entries and then some.
    fn with_room(hasher: RandomState, len: usize) -> Index {
        Index {
            hasher,
            slots: vec![0; (len * 2 + 2).next_power_of_two().max(32)],
        }
    }

    /// Builds an index for `entries` with room to grow.
    fn build(hasher: RandomState, entries: &[(String, Value)]) -> Index {
        let mut index = Index::with_room(hasher, entries.len());
        for (position, (key, _)) in entries.iter().enumerate() {
            let mut slot = index.slot_of(key);
            while index.slots[slot] != 0 {
                slot = (slot + 1) & (index.slots.len() - 1);
            }
            index.slots[slot] = position + 1;
        }
        index
    }

    /// The entry holding `key`, or the empty slot where it would go.
    fn find(&self, entries: &[(String, Value)], key: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(key);
        loop {
            match self.slots[slot] {
                0 => return Err(slot),
                position if entries[position - 1].0 == key => return Ok(position - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

impl Map {
    /// Makes an empty map.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(zerospec::value::Map::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Map::default()
    }

    /// Makes an empty map with room for `capacity` entries.
    ///
    /// # Examples
    ///
    /// ```
    /// let m = zerospec::value::Map::with_capacity(4);
    /// assert_eq!(m.len(), 0);
    /// ```
    #[must_use]
    pub fn with_capacity(capacity: usize) -> Self {
        Map {
            entries: Vec::with_capacity(capacity),
            index: None,
        }
    }

    /// Makes a map of `entries` in their order, a repeated key keeping its last
    /// value at the place of its first; each key is hashed once (decoding
    /// builds objects this way).
    pub(crate) fn from_entries(mut entries: Vec<(String, Value)>) -> Self {
        if entries.len() <= INDEX_FROM {
            let mut i = 1;
            while i < entries.len() {
                match entries[..i].iter().position(|(k, _)| *k == entries[i].0) {
                    Some(first) => {
                        let (_, value) = entries.remove(i);
                        entries[first].1 = value;
                    }
                    None => i += 1,
                }
            }
            return Map {
                entries,
                index: None,
            };
        }
        let mut index = Index::with_room(RandomState::new(), entries.len());
        let mut repeated = Vec::new();
        for i in 0..entries.len() {
            match index.find(&entries, &entries[i].0) {
                Ok(first) => {
                    entries[first].1 = std::mem::take(&mut entries[i].1);
                    repeated.push(i);
                }
                Err(slot) => index.slots[slot] = i + 1,
            }
        }
        if !repeated.is_empty() {
            // Rare: drop the later copies, then index the survivors afresh.
            let mut position = 0;
            entries.retain(|_| {
                position += 1;
                repeated.binary_search(&(position - 1)).is_err()
            });
            index = Index::build(index.hasher, &entries);
        }
        Map {
            entries,
            index: Some(Box::new(index)),
        }
    }

    /// The number of entries.
    ///
    /// # Examples
    ///
    /// ```
    /// let m: zerospec::value::Map = [("a".to_owned(), zerospec::Value::Null)].into_iter().collect();
    /// assert_eq!(m.len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the map has no entries.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(zerospec::value::Map::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.find(&self.entries, key).ok(),
            None => self.entries.iter().position(|(k, _)| k == key),
        }
    }

    /// The value under `key`.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(br#"{"a": true}"#)?;
    /// let m = v.as_object().unwrap();
    /// assert_eq!(m.get("a"), Some(&zerospec::Value::Bool(true)));
    /// assert_eq!(m.get("b"), None);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// The value under `key`, mutably.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut m = zerospec::value::Map::new();
    /// m.insert("n".to_owned(), 1.into());
    /// *m.get_mut("n").unwrap() = 2.into();
    /// assert_eq!(m["n"].as_i64(), Some(2));
    /// ```
    #[must_use]
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.position(key).map(|i| &mut self.entries[i].1)
    }

    /// True when the map has an entry under `key`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut m = zerospec::value::Map::new();
    /// m.insert("a".to_owned(), zerospec::Value::Null);
    /// assert!(m.contains_key("a"));
    /// ```
    #[must_use]
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Inserts `value` under `key`, answering the value it replaces.
    ///
    /// A new key goes at the end; a present key keeps its place.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut m = zerospec::value::Map::new();
    /// assert_eq!(m.insert("a".to_owned(), 1.into()), None);
    /// assert_eq!(m.insert("a".to_owned(), 2.into()), Some(1.into()));
    /// assert_eq!(m.len(), 1);
    /// ```
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        let slot = match &self.index {
            Some(index) => match index.find(&self.entries, &key) {
                Ok(i) => return Some(std::mem::replace(&mut self.entries[i].1, value)),
                Err(slot) => Some(slot),
            },
            None => {
                if let Some(i) = self.entries.iter().position(|(k, _)| *k == key) {
                    return Some(std::mem::replace(&mut self.entries[i].1, value));
                }
                None
            }
        };
        self.entries.push((key, value));
        let len = self.entries.len();
        match (&mut self.index, slot) {
            // Keep the table at most half full.
            (Some(index), Some(slot)) if len * 2 <= index.slots.len() => index.slots[slot] = len,
            (Some(index), _) => {
                let hasher = index.hasher.clone();
                **index = Index::build(hasher, &self.entries);
            }
            (None, _) if len > INDEX_FROM => {
                self.index = Some(Box::new(Index::build(RandomState::new(), &self.entries)));
            }
            (None, _) => {}
        }
        None
    }

    /// Removes the entry under `key`, keeping the order of the others, and
    /// answers its value. This takes time proportional to the map's length.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut m: zerospec::value::Map =
    ///     [("a".to_owned(), 1.into()), ("b".to_owned(), 2.into())].into_iter().collect();
    /// assert_eq!(m.remove("a"), Some(1.into()));
    /// assert_eq!(m.keys().collect::<Vec<_>>(), ["b"]);
    /// ```
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.position(key)?;
        let (_, value) = self.entries.remove(i);
        if let Some(index) = self.index.take()
            && self.entries.len() > INDEX_FROM
        {
            self.index = Some(Box::new(Index::build(index.hasher, &self.entries)));
        }
        Some(value)
    }

    /// Removes every entry.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut m = zerospec::value::Map::new();
    /// m.insert("a".to_owned(), 1.into());
    /// m.clear();
    /// assert!(m.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    /// The entries, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(br#"{"z": 1, "a": 2}"#)?;
    /// let pairs: Vec<_> = v.as_object().unwrap().iter().map(|(k, v)| (k, v.as_i64())).collect();
    /// assert_eq!(pairs, [("z", Some(1)), ("a", Some(2))]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.entries.iter())
    }

    /// The entries, in order, with the values mutable.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut m = zerospec::value::Map::new();
    /// m.insert("a".to_owned(), 1.into());
    /// for (_, v) in m.iter_mut() { *v = zerospec::Value::Null; }
    /// assert!(m["a"].is_null());
    /// ```
    #[must_use]
    pub fn iter_mut(&mut self) -> IterMut<'_> {
        IterMut(self.entries.iter_mut())
    }

    /// The keys, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(br#"{"b": 1, "a": 2}"#)?;
    /// assert_eq!(v.as_object().unwrap().keys().collect::<Vec<_>>(), ["b", "a"]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// The values, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(br#"{"b": 1, "a": 2}"#)?;
    /// let sum: i64 = v.as_object().unwrap().values().filter_map(|v| v.as_i64()).sum();
    /// assert_eq!(sum, 3);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Value> + DoubleEndedIterator {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl std::ops::Index<&str> for Map {
    type Output = Value;

    /// The value under `key`, or `Null` when there is none.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&super::NULL)
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        map.extend(iter);
        map
    }
}

impl Extend<(String, Value)> for Map {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, iter: I) {
        for (key, value) in iter {
            self.insert(key, value);
        }
    }
}

/// An iterator over a [`Map`]'s entries, in order.
///
/// # Examples
///
/// ```
/// let m: zerospec::value::Map = [("a".to_owned(), 1.into())].into_iter().collect();
/// let mut it: zerospec::value::Iter<'_> = m.iter();
/// assert_eq!(it.next().map(|(k, _)| k), Some("a"));
/// ```
#[derive(Debug, Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, (String, Value)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.as_str(), v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k.as_str(), v))
    }
}

/// An iterator over a [`Map`]'s entries, in order, with mutable values.
///
/// # Examples
///
/// ```
/// let mut m: zerospec::value::Map = [("a".to_owned(), 1.into())].into_iter().collect();
/// let it: zerospec::value::IterMut<'_> = m.iter_mut();
/// assert_eq!(it.count(), 1);
/// ```
#[derive(Debug)]
pub struct IterMut<'a>(std::slice::IterMut<'a, (String, Value)>);

impl<'a> Iterator for IterMut<'a> {
    type Item = (&'a str, &'a mut Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.as_str(), v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for IterMut<'_> {}

/// An iterator taking a [`Map`]'s entries, in order.
///
/// # Examples
///
/// ```
/// let m: zerospec::value::Map = [("a".to_owned(), 1.into())].into_iter().collect();
/// let pairs: Vec<(String, zerospec::Value)> = m.into_iter().collect();
/// assert_eq!(pairs[0].0, "a");
/// ```
#[derive(Debug)]
pub struct IntoIter(std::vec::IntoIter<(String, Value)>);

impl Iterator for IntoIter {
    type Item = (String, Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for IntoIter {}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        IntoIter(self.entries.into_iter())
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a str, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Map {
    type Item = (&'a str, &'a mut Value);
    type IntoIter = IterMut<'a>;

    fn into_iter(self) -> IterMut<'a> {
        self.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_maps_keep_order_and_find_every_key() {
        let mut m = Map::new();
        for i in 0..5000 {
            assert_eq!(m.insert(format!("k{i}"), Value::from(i)), None);
        }
        for i in (0..5000).step_by(3) {
            assert_eq!(
                m.insert(format!("k{i}"), Value::from(-i)),
                Some(Value::from(i))
            );
        }
        assert_eq!(m.len(), 5000);
        for (n, (k, v)) in m.iter().enumerate() {
            assert_eq!(k, format!("k{n}"));
            let n = i64::try_from(n).unwrap();
            assert_eq!(v.as_i64(), Some(if n % 3 == 0 { -n } else { n }));
        }
        assert_eq!(m.remove("k10"), Some(Value::from(10)));
        assert_eq!(m.get("k10"), None);
        assert_eq!(m.get("k11"), Some(&Value::from(11)));
        assert_eq!(m.get("k4999"), Some(&Value::from(4999)));
        assert!(!m.contains_key("nope"));
        let mut shrunk: Map = (0..20).map(|i| (format!("k{i}"), Value::from(i))).collect();
        for i in 0..15 {
            assert_eq!(shrunk.remove(&format!("k{i}")), Some(Value::from(i)));
        }
        assert_eq!(
            shrunk.keys().collect::<Vec<_>>(),
            ["k15", "k16", "k17", "k18", "k19"]
        );
        assert_eq!(shrunk["k17"], Value::from(17));
        assert_eq!(shrunk.get("k3"), None);
    }

    #[test]
    fn from_entries_keeps_the_last_of_repeated_keys() {
        for n in [3, 8, 9, 100] {
            let mut entries: Vec<(String, Value)> =
                (0..n).map(|i| (format!("k{i}"), Value::from(i))).collect();
            entries.push(("k1".to_owned(), Value::from(-1)));
            entries.push(("k2".to_owned(), Value::from(-2)));
            entries.push(("k1".to_owned(), Value::from(-3)));
            let m = Map::from_entries(entries);
            assert_eq!(m.len(), usize::try_from(n).unwrap());
            assert_eq!(m["k1"], Value::from(-3));
            assert_eq!(m["k2"], Value::from(-2));
            assert_eq!(m.keys().nth(1), Some("k1"));
            assert_eq!(m.get("k0"), Some(&Value::from(0)));
            let mut m = m;
            m.insert("new".to_owned(), Value::Null);
            assert_eq!(m.keys().last(), Some("new"));
            assert!(m.contains_key("k0"));
        }
    }

    #[test]
    fn values_stay_small() {
        assert_eq!(size_of::<Map>(), 32);
        assert!(size_of::<Value>() <= 48);
    }

    #[test]
    fn equality_ignores_order() {
        let a: Map = [
            ("x".to_owned(), Value::Null),
            ("y".to_owned(), Value::Bool(true)),
        ]
        .into_iter()
        .collect();
        let b: Map = [
            ("y".to_owned(), Value::Bool(true)),
            ("x".to_owned(), Value::Null),
        ]
        .into_iter()
        .collect();
        assert_eq!(a, b);
    }
}
