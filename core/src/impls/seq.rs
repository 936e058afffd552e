//! Sequences: `[T]`, `Vec<T>`, `VecDeque<T>`, `[T; N]`, `HashSet<T>`, `BTreeSet<T>`.

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::hash::{BuildHasher, Hash};

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// Most bytes reserved ahead from a length the input declares: beyond that the
/// collection grows as elements actually arrive, so a hostile length cannot make
/// us allocate more than the input backs.
const MAX_PREALLOCATION: usize = 64 * 1024;

/// How many elements to reserve for a declared `hint`, capped by size.
#[inline]
pub(super) fn cautious_capacity<T>(hint: Option<usize>) -> usize {
    let cap = MAX_PREALLOCATION / size_of::<T>().max(1);
    hint.unwrap_or(0).min(cap)
}

/// Writes `len` elements as an array.
#[inline]
pub(super) fn encode_seq<'a, E, T>(
    encoder: &mut E,
    len: usize,
    items: impl IntoIterator<Item = &'a T>,
) -> Result<()>
where
    E: Encoder,
    T: Encode + 'a,
{
    let mut seq = encoder.seq_begin(len)?;
    for item in items {
        encoder.seq_elem(&mut seq)?;
        item.encode(encoder)?;
    }
    encoder.seq_end(seq)
}

/// Reads an array into a collection made by `with_capacity`, adding each
/// element with `add`; an element's error gains its index.
#[inline]
pub(super) fn decode_seq<'de, D, T, C>(
    decoder: &mut D,
    with_capacity: impl FnOnce(usize) -> C,
    mut add: impl FnMut(&mut C, T),
) -> Result<C>
where
    D: Decoder<'de>,
    T: Decode<'de>,
{
    let mut seq = decoder.seq_begin()?;
    let mut out = with_capacity(cautious_capacity::<T>(decoder.seq_remaining(&seq)));
    let mut index = 0;
    while decoder.seq_next(&mut seq)? {
        match T::decode(decoder) {
            Ok(item) => add(&mut out, item),
            Err(err) => return Err(err.in_index(index)),
        }
        index += 1;
    }
    Ok(out)
}

/// ``Expected `array` of length 3``, for a fixed-size array or tuple.
#[cold]
pub(super) fn wrong_length(len: usize) -> Error {
    Error::invalid(format!("Expected `array` of length {len}"))
}

impl<T: Encode> Encode for [T] {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_seq(encoder, self.len(), self)
    }
}

impl<T: Encode> Encode for Vec<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_seq(encoder, self.len(), self)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Vec<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(decoder, Vec::with_capacity, Vec::push)
    }
}

impl<T: Encode> Encode for VecDeque<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_seq(encoder, self.len(), self)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for VecDeque<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(decoder, VecDeque::with_capacity, VecDeque::push_back)
    }
}

impl<T: Encode, const N: usize> Encode for [T; N] {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_seq(encoder, N, self)
    }
}

impl<'de, T: Decode<'de>, const N: usize> Decode<'de> for [T; N] {
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let mut seq = decoder.seq_begin()?;
        // Built in place, without a heap allocation: each slot is filled in
        // order until the first failure, which is kept and returned below.
        let mut failure = None;
        let slots: [Option<T>; N] = std::array::from_fn(|index| {
            if failure.is_some() {
                return None;
            }
            let item = match decoder.seq_next(&mut seq) {
                Ok(true) => T::decode(decoder).map_err(|err| err.in_index(index)),
                Ok(false) => Err(decoder.locate(wrong_length(N))),
                Err(err) => Err(err),
            };
            item.map_err(|err| failure = Some(err)).ok()
        });
        if let Some(err) = failure {
            return Err(err);
        }
        if decoder.seq_next(&mut seq)? {
            return Err(decoder.locate(wrong_length(N)));
        }
        // Every slot is `Some`: a `None` would have left a failure behind.
        Ok(slots.map(|slot| slot.expect("every slot was filled")))
    }
}

impl<T: Encode, S> Encode for HashSet<T, S> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_seq(encoder, self.len(), self)
    }
}

impl<'de, T, S> Decode<'de> for HashSet<T, S>
where
    T: Decode<'de> + Eq + Hash,
    S: BuildHasher + Default,
{
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            |capacity| HashSet::with_capacity_and_hasher(capacity, S::default()),
            |set, item| {
                set.insert(item);
            },
        )
    }
}

impl<T: Encode> Encode for BTreeSet<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_seq(encoder, self.len(), self)
    }
}

impl<'de, T: Decode<'de> + Ord> Decode<'de> for BTreeSet<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            |_| BTreeSet::new(),
            |set, item| {
                set.insert(item);
            },
        )
    }
}
