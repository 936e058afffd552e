//! Sequences: `[T]`, `Vec<T>`, `VecDeque<T>`, `[T; N]`, `HashSet<T>`, `BTreeSet<T>`.

use std::collections::{BTreeSet, HashSet, VecDeque};
use std::hash::{BuildHasher, Hash};

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder, Shape, slot_width};
use crate::error::{Error, Result};

/// Reads an array into a collection made by `with_capacity`, adding each
/// element with `add`; an element's error gains its index. A positional
/// format may read a run of `INLINE_ONLY` elements in one pass into a `Vec`,
/// which `from_vec` turns into the collection.
///
/// An empty array is taken first, in the caller (`Decoder::seq_empty`).
#[inline(always)]
pub(crate) fn decode_seq<'de, D, T, C>(
    decoder: &mut D,
    from_vec: impl FnOnce(Vec<T>) -> C,
    with_capacity: impl FnOnce(usize) -> C,
    add: impl FnMut(&mut C, T),
) -> Result<C>
where
    D: Decoder<'de>,
    T: Decode<'de>,
{
    if decoder.seq_empty() {
        return Ok(with_capacity(0));
    }
    decode_items(decoder, from_vec, with_capacity, add)
}

/// [`decode_seq`] past its empty case.
#[inline]
fn decode_items<'de, D, T, C>(
    decoder: &mut D,
    from_vec: impl FnOnce(Vec<T>) -> C,
    with_capacity: impl FnOnce(usize) -> C,
    mut add: impl FnMut(&mut C, T),
) -> Result<C>
where
    D: Decoder<'de>,
    T: Decode<'de>,
{
    let mut seq = decoder.seq_begin_of::<T>()?;
    if D::POSITIONAL
        && T::INLINE_ONLY
        && let Some(items) = decoder.decode_inline_seq::<T>(&mut seq)?
    {
        return Ok(from_vec(items));
    }
    let hint = decoder.seq_remaining(&seq);
    let mut out = with_capacity(decoder.reserve_ahead(hint, size_of::<T>()));
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

/// The positional layout of `len` values stored inline one after another, each
/// taking `width` bytes: a fixed-size array or a tuple, which cannot evolve.
#[inline]
pub(super) fn fixed_shape(len: usize, width: usize) -> Result<Shape> {
    match u32::try_from(len) {
        Ok(fields) => Ok(Shape {
            fields,
            inline_size: width,
            offsets: &[],
            fixed: true,
        }),
        Err(_) => Err(Error::unsupported("arrays longer than 2^32 - 1 elements")),
    }
}

/// Builds `[T; N]` from `next(index)` called in order, stopping at the first
/// failure, without a heap allocation.
#[inline]
fn try_array<T, const N: usize>(mut next: impl FnMut(usize) -> Result<T>) -> Result<[T; N]> {
    // Each slot is filled in order until the first failure, which is kept and
    // returned below.
    let mut failure = None;
    let slots: [Option<T>; N] = std::array::from_fn(|index| {
        if failure.is_some() {
            return None;
        }
        next(index).map_err(|err| failure = Some(err)).ok()
    });
    if let Some(err) = failure {
        return Err(err);
    }
    // Every slot is `Some`: a `None` would have left a failure behind.
    Ok(slots.map(|slot| slot.expect("every slot was filled")))
}

/// `[T; N]` for a type with a cheap placeholder (the numbers), read
/// element by element straight into place: no `Option` per slot, no second
/// pass to unwrap them. What their [`Decode::decode_array`] answers when the
/// format has no faster way; the errors are those of the general path.
#[inline]
pub(super) fn decode_plain_array<'de, D, T, const N: usize>(
    decoder: &mut D,
) -> Result<Option<[T; N]>>
where
    D: Decoder<'de>,
    T: Decode<'de> + Copy + Default,
{
    // Only non-positional formats call `decode_array` (see there).
    let mut seq = decoder.seq_begin()?;
    let mut out = [T::default(); N];
    for (index, slot) in out.iter_mut().enumerate() {
        if !decoder.seq_next(&mut seq)? {
            return Err(decoder.locate(wrong_length(N)));
        }
        *slot = T::decode(decoder).map_err(|err| err.in_index(index))?;
    }
    if decoder.seq_next(&mut seq)? {
        return Err(decoder.locate(wrong_length(N)));
    }
    Ok(Some(out))
}

/// `[T; N]` for the integers: the format's one pass over an array of small
/// unsigned integers ([`Decoder::decode_u8_array`]) when every `u8` fits `T`
/// (all but `i8`), then [`decode_plain_array`].
#[inline]
pub(super) fn decode_int_array<'de, D, T, const N: usize>(decoder: &mut D) -> Result<Option<[T; N]>>
where
    D: Decoder<'de>,
    T: Decode<'de> + Copy + Default + TryFrom<u8>,
{
    // Constant for each `T`: whether 255 (so every `u8`) converts.
    if T::try_from(u8::MAX).is_ok()
        && let Some(bytes) = decoder.decode_u8_array::<N>()?
    {
        let mut out = [T::default(); N];
        for (slot, byte) in out.iter_mut().zip(bytes) {
            if let Ok(value) = T::try_from(byte) {
                *slot = value;
            }
        }
        return Ok(Some(out));
    }
    decode_plain_array(decoder)
}

/// ``Expected `array` of length 3``, for a fixed-size array or tuple.
#[cold]
pub(crate) fn wrong_length(len: usize) -> Error {
    Error::invalid(format!("Expected `array` of length {len}"))
}

impl<T: Encode> Encode for [T] {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        T::encode_slice(self, encoder)
    }

    #[inline]
    fn encode_borrowed<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        T::encode_borrowed_slice(self, encoder)
    }
}

impl<T: Encode> Encode for Vec<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        T::encode_slice(self, encoder)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Vec<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(decoder, |items| items, Vec::with_capacity, Vec::push)
    }
}

impl<T: Encode> Encode for VecDeque<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        crate::encode::encode_iter(encoder, self)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for VecDeque<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            VecDeque::from,
            VecDeque::with_capacity,
            VecDeque::push_back,
        )
    }
}

impl<T: Encode, const N: usize> Encode for [T; N] {
    // Inline in positional formats: the elements' slots one after another.
    const INLINE_SIZE: Option<usize> = Some(N * slot_width(T::INLINE_SIZE));
    const INLINE_ONLY: bool = T::INLINE_ONLY;
    // `[T; N]` is `N` `T`s back to back, in memory as in its slot.
    const RAW_INLINE: bool = T::RAW_INLINE;

    #[inline]
    fn raw_bytes(items: &[Self]) -> Option<&[u8]> {
        T::raw_bytes(items.as_flattened())
    }

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        let width = slot_width(T::INLINE_SIZE);
        if width == 0 {
            return;
        }
        for (slot, item) in out.chunks_exact_mut(width).zip(self) {
            item.encode_inline(slot);
        }
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            let width = N * slot_width(T::INLINE_SIZE);
            let mut seq = encoder.struct_begin(fixed_shape(N, width)?)?;
            for (index, item) in self.iter().enumerate() {
                // `fixed_shape` checked that N fits a u32.
                #[allow(clippy::cast_possible_truncation)]
                encoder.struct_field(&mut seq, index as u32)?;
                item.encode(encoder).map_err(|err| err.in_index(index))?;
            }
            return encoder.struct_end(seq);
        }
        T::encode_slice(self, encoder)
    }

    #[inline]
    fn encode_slice<E: Encoder>(items: &[Self], encoder: &mut E) -> Result<()> {
        T::encode_rows(items, encoder)
    }
}

impl<'de, T: Decode<'de>, const N: usize> Decode<'de> for [T; N] {
    const INLINE_SIZE: Option<usize> = Some(N * slot_width(T::INLINE_SIZE));
    const INLINE_ONLY: bool = T::INLINE_ONLY;
    const RAW_INLINE: bool = T::RAW_INLINE;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> std::result::Result<Self, &'static str> {
        let width = slot_width(T::INLINE_SIZE);
        let mut failure = None;
        let slots: [Option<T>; N] = std::array::from_fn(|index| {
            if failure.is_some() {
                return None;
            }
            let slot = bytes.get(index * width..(index + 1) * width).unwrap_or(&[]);
            T::decode_inline(slot)
                .map_err(|err| failure = Some(err))
                .ok()
        });
        if let Some(err) = failure {
            return Err(err);
        }
        Ok(slots.map(|slot| slot.expect("every slot was filled")))
    }

    // Always: in a build of one codegen unit with LTO, LLVM left it a call
    // per array, which took `canada` from 2.20M to 3.19M instructions to
    // decode from MessagePack (each point is a `[f64; 2]`).
    #[inline(always)]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            let width = N * slot_width(T::INLINE_SIZE);
            let mut seq = decoder.struct_begin(fixed_shape(N, width)?)?;
            let array = try_array(|index| {
                // `fixed_shape` checked that N fits a u32; a fixed struct holds every field.
                #[allow(clippy::cast_possible_truncation)]
                decoder.struct_field(&mut seq, index as u32)?;
                T::decode(decoder).map_err(|err| err.in_index(index))
            })?;
            decoder.struct_end(seq)?;
            return Ok(array);
        }
        if let Some(array) = T::decode_array(decoder)? {
            return Ok(array);
        }
        let mut seq = decoder.seq_begin()?;
        let array = try_array(|index| match decoder.seq_next(&mut seq) {
            Ok(true) => T::decode(decoder).map_err(|err| err.in_index(index)),
            Ok(false) => Err(decoder.locate(wrong_length(N))),
            Err(err) => Err(err),
        })?;
        if decoder.seq_next(&mut seq)? {
            return Err(decoder.locate(wrong_length(N)));
        }
        Ok(array)
    }
}

impl<T: Encode, S> Encode for HashSet<T, S> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        crate::encode::encode_iter(encoder, self)
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
            |items| items.into_iter().collect(),
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
        crate::encode::encode_iter(encoder, self)
    }
}

impl<'de, T: Decode<'de> + Ord> Decode<'de> for BTreeSet<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            |items| items.into_iter().collect(),
            |_| BTreeSet::new(),
            |set, item| {
                set.insert(item);
            },
        )
    }
}
