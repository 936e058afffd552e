//! [`FlatEncoder`]: writes the flat format in one forward pass.
//!
//! The encoder keeps one cursor, the slot the next value fills. A scalar is
//! written into its slot. An out-of-line value (a string, a sequence, a table
//! ...) is appended at the end of the buffer and its slot receives the
//! forward offset to it; the buffer is the pre-order of the value tree.
//!
//! A container's slots are first written by appending (the *open area*): a
//! run of scalars, such as a `Vec<f32>` or a fixed struct, is written once,
//! with no zero-filling. When a value inside the area is written out of line,
//! the rest of the area is reserved (zeroed) first, so the value lands after
//! it, and the remaining slots are filled in place.

use super::measured::{ExactWriter, Sizer};
use super::validator::DEFAULT_MAX_DEPTH;
use super::varint;
use crate::encode::{Encode, EncodeKey, Encoder, Shape, slot_width};
use crate::error::{Error, Result};
use crate::output::Output;

/// An [`Encoder`] for the flat format, writing into a `Vec<u8>`, a
/// `bytes::BytesMut`, or a mutable reference to either.
///
/// Reuse one encoder (or one buffer) across messages to avoid reallocating;
/// each [`FlatEncoder::encode`] appends one self-contained message.
///
/// # Examples
///
/// ```
/// use zerospec::flat::FlatEncoder;
///
/// let mut buf = Vec::new();
/// let mut encoder = FlatEncoder::new(&mut buf);
/// for word in ["a", "bc"] {
///     encoder.encode(word)?;
/// }
/// // Each message: the root slot (an offset), then the string.
/// assert_eq!(buf, [4, 0, 0, 0, 1, b'a', 4, 0, 0, 0, 2, b'b', b'c']);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug)]
pub struct FlatEncoder<O> {
    out: O,
    /// Absolute position of the slot the next value fills.
    slot: usize,
    /// The end of the open area: slots up to here not yet written are
    /// appended rather than reserved. At or below `out.len()` when none is open.
    pending: usize,
    /// How many objects with slots the next value sits in, counted as the
    /// readers count nesting, so nothing is written that they refuse.
    depth: u32,
    max_depth: u32,
}

/// The state of a struct, sequence, map or enum being written: where its
/// slots end, and the parent's cursor to return to.
#[derive(Debug)]
pub struct SlotWriter {
    /// The cursor after the container's own slot in its parent, for
    /// out-of-line containers; `None` for inline ones (fixed structs, tuples).
    resume: Option<usize>,
    /// Where the cursor must be when the container ends.
    end: usize,
}

impl<O: Output> FlatEncoder<O> {
    /// Makes an encoder appending to `out`.
    ///
    /// # Examples
    ///
    /// ```
    /// let encoder = zerospec::flat::FlatEncoder::new(Vec::new());
    /// assert!(encoder.into_inner().is_empty());
    /// ```
    #[must_use]
    pub fn new(out: O) -> Self {
        FlatEncoder {
            out,
            slot: 0,
            pending: 0,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }

    /// Sets how deep the objects of a message may nest (64 by default, the
    /// readers' default): a deeper value is refused with an error rather
    /// than written where readers would refuse it. Raise it together with
    /// the readers' limit ([`FlatDecoder::with_max_depth`](crate::flat::FlatDecoder::with_max_depth),
    /// [`view_with_max_depth`](crate::flat::view_with_max_depth)).
    ///
    /// # Examples
    ///
    /// ```
    /// let deep = vec![vec![vec![1u8]]];
    /// let mut encoder = zerospec::flat::FlatEncoder::new(Vec::new()).with_max_depth(2);
    /// assert!(encoder.encode(&deep).is_err());
    /// let mut encoder = zerospec::flat::FlatEncoder::new(Vec::new()).with_max_depth(3);
    /// assert!(encoder.encode(&deep).is_ok());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// Appends `value` as one flat message: its root slot, then everything it
    /// points to. On failure the buffer is left as it was.
    ///
    /// A buffer lent by reference is taken out for the write and put back,
    /// so appending through `&mut Vec<u8>` is as fast as through an owned
    /// one; should a value's `Encode` impl panic, that buffer is left empty.
    ///
    /// # Errors
    ///
    /// Fails when the value does not fit the format: a message over 4 GiB,
    /// a `HashMap` whose keys have no order, a type whose `Encode` impl is not
    /// positional (a struct with a flattened field, a `Value`).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut encoder = zerospec::flat::FlatEncoder::new(Vec::new());
    /// encoder.encode(&7u16)?;
    /// assert_eq!(encoder.into_inner(), [7, 0]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn encode<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        if O::BORROWED {
            // Written by value, then put back (see `Output::BORROWED`).
            return crate::output::detached(&mut self.out, |buffer| {
                let mut owned = FlatEncoder::new(buffer).with_max_depth(self.max_depth);
                let result = owned.encode(value);
                (owned.out, result)
            });
        }
        let base = self.out.len();
        let width = slot_width(T::INLINE_SIZE);
        self.slot = base;
        self.pending = base + width;
        self.depth = 0;
        let result = value.encode(self).and_then(|()| {
            if self.slot == base + width {
                Ok(())
            } else {
                Err(unfilled())
            }
        });
        if result.is_err() {
            self.out.truncate(base);
        }
        result
    }

    /// The buffer.
    ///
    /// # Examples
    ///
    /// ```
    /// let encoder = zerospec::flat::FlatEncoder::new(vec![9u8]);
    /// assert_eq!(encoder.get_ref(), &[9]);
    /// ```
    #[must_use]
    pub fn get_ref(&self) -> &O {
        &self.out
    }

    /// The buffer, to clear it between messages.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut encoder = zerospec::flat::FlatEncoder::new(Vec::new());
    /// encoder.encode(&1u8)?;
    /// encoder.get_mut().clear();
    /// encoder.encode(&2u8)?;
    /// assert_eq!(encoder.get_ref(), &[2]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn get_mut(&mut self) -> &mut O {
        &mut self.out
    }

    /// Gives back the buffer.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut encoder = zerospec::flat::FlatEncoder::new(Vec::new());
    /// encoder.encode(&true)?;
    /// assert_eq!(encoder.into_inner(), [1]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn into_inner(self) -> O {
        self.out
    }

    /// Writes `bytes` into the current slot and moves past it: appended in
    /// the open area, in place in a reserved one.
    #[inline]
    fn put<const N: usize>(&mut self, bytes: [u8; N]) -> Result<()> {
        let len = self.out.len();
        let end = self.slot + N;
        if self.slot == len {
            if end > self.pending {
                return Err(outside());
            }
            self.out.write(&bytes);
        } else {
            match self.out.bytes_mut().get_mut(self.slot..end) {
                Some(slot) => slot.copy_from_slice(&bytes),
                None => return Err(outside()),
            }
        }
        self.slot = end;
        Ok(())
    }

    /// Passes over `width` zero bytes: an empty value's slot.
    #[inline]
    fn skip(&mut self, width: usize) -> Result<()> {
        let len = self.out.len();
        let end = self.slot + width;
        if self.slot == len {
            if end > self.pending {
                return Err(outside());
            }
            self.out.zeroes(width);
        } else if end > len {
            return Err(outside());
        }
        self.slot = end;
        Ok(())
    }

    /// Points the current 4-byte slot at the end of the buffer, where the
    /// caller appends the value.
    #[inline(always)]
    fn offset_to_end(&mut self) -> Result<()> {
        let mut len = self.out.len();
        if self.pending > len {
            // The value goes after the open area: reserve what is left of it.
            self.out.zeroes(self.pending - len);
            len = self.pending;
        }
        let slot = self.slot;
        let end = slot + 4;
        let Ok(offset) = u32::try_from(len.wrapping_sub(slot)) else {
            return Err(too_large());
        };
        match self.out.bytes_mut().get_mut(slot..end) {
            Some(dst) => {
                dst.copy_from_slice(&offset.to_le_bytes());
                self.slot = end;
                Ok(())
            }
            None => Err(outside()),
        }
    }

    /// Opens an area of `size` bytes of slots at the end and moves the cursor
    /// into it; the container ends at its end.
    #[inline]
    fn open(&mut self, size: usize) -> SlotWriter {
        let resume = Some(self.slot);
        let start = self.out.len();
        self.out.reserve(size);
        self.slot = start;
        self.pending = start + size;
        SlotWriter {
            resume,
            end: start + size,
        }
    }

    /// Enters an object with slots (table, sequence, map, variant object):
    /// one level of nesting, as the readers count it.
    #[inline]
    fn descend(&mut self) -> Result<()> {
        if self.depth >= self.max_depth {
            return Err(too_deep(self.max_depth));
        }
        self.depth += 1;
        Ok(())
    }

    /// Starts a table: its field count, then its slots, reserved at once
    /// (most structs hold an out-of-line field, which would reserve them anyway).
    fn table_begin(&mut self, shape: Shape) -> Result<SlotWriter> {
        if shape.fields == 0 {
            return self.empty();
        }
        self.descend()?;
        self.offset_to_end()?;
        varint::write(&mut self.out, shape.fields);
        let resume = Some(self.slot);
        let start = self.out.len();
        self.out.zeroes(shape.inline_size);
        self.slot = start;
        Ok(SlotWriter {
            resume,
            end: start + shape.inline_size,
        })
    }

    /// Ends a container: its slots must be exactly filled.
    #[inline]
    fn close(&mut self, slots: SlotWriter) -> Result<()> {
        if self.slot != slots.end {
            return Err(unfilled());
        }
        if let Some(resume) = slots.resume {
            self.slot = resume;
            self.depth -= 1;
        }
        Ok(())
    }

    /// An empty out-of-line container: offset 0, nothing appended.
    #[inline]
    fn empty(&mut self) -> Result<SlotWriter> {
        self.skip(4)?;
        Ok(SlotWriter {
            resume: None,
            end: self.slot,
        })
    }

    /// Starts an out-of-line run of `len` slots of `width` bytes each, after
    /// its count.
    #[inline]
    fn sequence(&mut self, len: usize, width: usize) -> Result<SlotWriter> {
        if len == 0 {
            return self.empty();
        }
        let Ok(count) = u32::try_from(len) else {
            return Err(too_large());
        };
        self.descend()?;
        if width == 0 {
            // Elements of width 0 write nothing, but take a (zero) byte each.
            self.offset_to_end()?;
            varint::write(&mut self.out, count);
            let resume = Some(self.slot);
            self.out.zeroes(len);
            self.slot = self.out.len();
            return Ok(SlotWriter {
                resume,
                end: self.slot,
            });
        }
        let Some(size) = len.checked_mul(width) else {
            return Err(too_large());
        };
        self.offset_to_end()?;
        varint::write(&mut self.out, count);
        Ok(self.open(size))
    }
}

impl<O: Output> FlatEncoder<O> {
    /// A sequence of floats or rows of them: one copy of their memory where
    /// it is their slots (little-endian targets), else slot by slot.
    #[inline]
    fn encode_numbers<T: Encode>(&mut self, items: &[T]) -> Result<()> {
        if T::RAW_INLINE
            && let Some(bytes) = T::raw_bytes(items)
        {
            return self.encode_raw_seq(items, bytes);
        }
        self.encode_inline_seq(items.iter())
    }
}

/// The widest value a run of inline values is staged on the stack for.
const STAGING: usize = 64;

/// Values narrower than this (numbers) are written in place into zeroed
/// room instead, a loop the compiler vectorizes.
const SMALL: usize = 9;

/// A value wrote more or fewer bytes than its container reserved: an
/// `Encode` impl whose `INLINE_SIZE` or `Shape` does not match what it writes.
#[cold]
pub(super) fn unfilled() -> Error {
    Error::unsupported(
        "a value wrote a different number of bytes than its declared inline size \
         (`INLINE_SIZE` or `Shape` disagrees with what `encode` writes)",
    )
}

/// A value was written where no slot was reserved for it.
#[cold]
pub(super) fn outside() -> Error {
    Error::unsupported(
        "a value was written outside the slots reserved for it \
         (`INLINE_SIZE` or `Shape` disagrees with what `encode` writes)",
    )
}

#[cold]
fn too_deep(limit: u32) -> Error {
    Error::unsupported(format!(
        "the value nests deeper than {limit} levels, which flat readers refuse"
    ))
}

#[cold]
pub(super) fn too_large() -> Error {
    Error::unsupported("flat messages are limited to 4 GiB, and counts to 2^32 - 1")
}

#[cold]
fn needs_type(what: &'static str) -> Error {
    Error::unsupported(what)
}

impl<O: Output> Encoder for FlatEncoder<O> {
    type Seq = SlotWriter;
    type Map = SlotWriter;

    const POSITIONAL: bool = true;
    const HUMAN_READABLE: bool = false;

    /// `()` and unit structs take no room.
    #[inline]
    fn encode_null(&mut self) -> Result<()> {
        Ok(())
    }

    #[inline]
    fn encode_some<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.put([1])?;
        value.encode(self)
    }

    #[inline]
    fn encode_none_of<T: Encode + ?Sized>(&mut self) -> Result<()> {
        // The presence byte and the room for `T` were reserved as zeroes.
        self.skip(1 + slot_width(T::INLINE_SIZE))
    }

    #[inline]
    fn encode_bool(&mut self, value: bool) -> Result<()> {
        self.put([u8::from(value)])
    }

    #[inline]
    fn encode_i8(&mut self, value: i8) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_i16(&mut self, value: i16) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_i32(&mut self, value: i32) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_i64(&mut self, value: i64) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_u8(&mut self, value: u8) -> Result<()> {
        self.put([value])
    }

    #[inline]
    fn encode_u16(&mut self, value: u16) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_u32(&mut self, value: u32) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_u64(&mut self, value: u64) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_i128(&mut self, value: i128) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_u128(&mut self, value: u128) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_f32(&mut self, value: f32) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline]
    fn encode_f64(&mut self, value: f64) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    /// A `char` is its Unicode scalar value, as a `u32`.
    #[inline]
    fn encode_char(&mut self, value: char) -> Result<()> {
        self.put(u32::from(value).to_le_bytes())
    }

    #[inline]
    fn encode_str(&mut self, value: &str) -> Result<()> {
        self.encode_bytes(value.as_bytes())
    }

    #[inline]
    fn encode_bytes(&mut self, value: &[u8]) -> Result<()> {
        if value.is_empty() {
            return self.skip(4);
        }
        let Ok(len) = u32::try_from(value.len()) else {
            return Err(too_large());
        };
        self.offset_to_end()?;
        varint::write(&mut self.out, len);
        self.out.write(value);
        Ok(())
    }

    #[inline]
    fn encode_unit_struct(&mut self) -> Result<()> {
        Ok(())
    }

    fn seq_begin(&mut self, len: usize) -> Result<SlotWriter> {
        let _ = len;
        Err(needs_type(
            "the flat format lays sequences out by element type: call `seq_begin_of`",
        ))
    }

    #[inline]
    fn seq_begin_of<T: Encode + ?Sized>(&mut self, len: usize) -> Result<SlotWriter> {
        self.sequence(len, slot_width(T::INLINE_SIZE))
    }

    /// Reserves the elements' slots and writes each in place with
    /// `encode_inline`: no per-value call into the encoder.
    #[inline]
    fn encode_inline_seq<'a, T, I>(&mut self, items: I) -> Result<()>
    where
        T: Encode + 'a,
        I: ExactSizeIterator<Item = &'a T>,
    {
        let width = slot_width(T::INLINE_SIZE);
        let len = items.len();
        let slots = self.sequence(len, width)?;
        if len > 0 && width > 0 {
            let start = self.slot;
            let size = len * width;
            if (SMALL..=STAGING).contains(&width) {
                // Staged on the stack and appended: the bytes are written once.
                let mut staging = [0u8; STAGING];
                for item in items {
                    let slot = &mut staging[..width];
                    slot.fill(0);
                    item.encode_inline(slot);
                    self.out.write(slot);
                }
            } else {
                self.out.zeroes(size);
                if let Some(area) = self.out.bytes_mut().get_mut(start..start + size) {
                    for (slot, item) in area.chunks_exact_mut(width).zip(items) {
                        item.encode_inline(slot);
                    }
                }
            }
            if self.out.len() != start + size {
                return Err(unfilled());
            }
            self.slot = start + size;
        }
        self.close(slots)
    }

    /// The sequence's count, then `bytes`, the elements' slots, in one copy.
    #[inline]
    fn encode_raw_seq<T: Encode>(&mut self, items: &[T], bytes: &[u8]) -> Result<()> {
        let width = slot_width(T::INLINE_SIZE);
        let len = items.len();
        if width == 0 || Some(bytes.len()) != len.checked_mul(width) {
            // Not whole slots: an impl whose `raw_bytes` disagrees with its size.
            return self.encode_inline_seq(items.iter());
        }
        let slots = self.sequence(len, width)?;
        if len > 0 {
            let start = self.slot;
            self.out.write(bytes);
            if self.out.len() != start + bytes.len() {
                return Err(unfilled());
            }
            self.slot = start + bytes.len();
        }
        self.close(slots)
    }

    const MEASURES: bool = true;

    /// Measures the table with a [`Sizer`], grows the buffer once by its
    /// size, and writes it there with an [`ExactWriter`]: the same bytes as
    /// field by field, with one growth per table instead of one per string.
    #[inline]
    fn encode_measured<T: Encode + ?Sized>(&mut self, value: &T) -> Result<bool> {
        let mut sizer = Sizer::default();
        let measured = value.encode(&mut sizer);
        let (Ok(()), Some(size)) = (measured, sizer.size()) else {
            return Ok(false);
        };
        // A measured value is one table of inline values and strings.
        if self.depth >= self.max_depth {
            return Err(too_deep(self.max_depth));
        }
        self.offset_to_end()?;
        let start = self.out.len();
        self.out.zeroes(size);
        let Some(room) = self.out.bytes_mut().get_mut(start..) else {
            return Err(outside());
        };
        let mut writer = ExactWriter::new(room)?;
        value.encode(&mut writer)?;
        writer.finish()?;
        Ok(true)
    }

    #[inline]
    fn encode_inline_value<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        let width = slot_width(T::INLINE_SIZE);
        let slot = self.slot;
        let end = slot + width;
        if slot == self.out.len() {
            if end > self.pending {
                return Err(outside());
            }
            if width <= STAGING {
                let mut staging = [0u8; STAGING];
                let staged = &mut staging[..width];
                value.encode_inline(staged);
                self.out.write(staged);
            } else {
                self.out.zeroes(width);
                if let Some(room) = self.out.bytes_mut().get_mut(slot..end) {
                    value.encode_inline(room);
                }
            }
        } else {
            // Reserved room is zeroed, as `encode_inline` expects.
            match self.out.bytes_mut().get_mut(slot..end) {
                Some(room) => value.encode_inline(room),
                None => return Err(outside()),
            }
        }
        self.slot = end;
        Ok(())
    }

    #[inline]
    fn encode_f32_seq(&mut self, items: &[f32]) -> Result<()> {
        self.encode_numbers(items)
    }

    #[inline]
    fn encode_f64_seq(&mut self, items: &[f64]) -> Result<()> {
        self.encode_numbers(items)
    }

    #[inline]
    fn encode_f32_rows<const N: usize>(&mut self, rows: &[[f32; N]]) -> Result<()> {
        self.encode_numbers(rows)
    }

    #[inline]
    fn encode_f64_rows<const N: usize>(&mut self, rows: &[[f64; N]]) -> Result<()> {
        self.encode_numbers(rows)
    }

    #[inline]
    fn seq_elem(&mut self, seq: &mut SlotWriter) -> Result<()> {
        let _ = seq;
        Ok(())
    }

    #[inline]
    fn seq_end(&mut self, seq: SlotWriter) -> Result<()> {
        self.close(seq)
    }

    #[inline(always)]
    fn struct_begin(&mut self, shape: Shape) -> Result<SlotWriter> {
        if shape.fixed {
            return Ok(SlotWriter {
                resume: None,
                end: self.slot + shape.inline_size,
            });
        }
        self.table_begin(shape)
    }

    #[inline]
    fn struct_field(&mut self, seq: &mut SlotWriter, index: u32) -> Result<()> {
        let _ = (seq, index);
        Ok(())
    }

    #[inline]
    fn struct_end(&mut self, seq: SlotWriter) -> Result<()> {
        self.close(seq)
    }

    #[inline]
    fn enum_begin(&mut self, index: u32, shape: Shape) -> Result<SlotWriter> {
        self.descend()?;
        self.offset_to_end()?;
        varint::write(&mut self.out, index);
        varint::write(&mut self.out, shape.fields);
        Ok(self.open(shape.inline_size))
    }

    #[inline]
    fn enum_end(&mut self, seq: SlotWriter) -> Result<()> {
        self.close(seq)
    }

    fn map_begin(&mut self, len: Option<usize>) -> Result<SlotWriter> {
        let _ = len;
        Err(needs_type(
            "the flat format lays maps out by key and value type: call `map_begin_of` \
             (structs with flattened fields have no flat form)",
        ))
    }

    #[inline]
    fn map_begin_of<K, V>(&mut self, len: usize) -> Result<SlotWriter>
    where
        K: EncodeKey + ?Sized,
        V: Encode + ?Sized,
    {
        self.sequence(len, slot_width(K::INLINE_SIZE) + slot_width(V::INLINE_SIZE))
    }

    fn map_field(&mut self, map: &mut SlotWriter, name: &'static str) -> Result<()> {
        let _ = (map, name);
        Err(needs_type(
            "the flat format writes struct fields by position: call `struct_field`",
        ))
    }

    #[inline]
    fn map_str_key(&mut self, map: &mut SlotWriter, key: &str) -> Result<()> {
        let _ = map;
        self.encode_str(key)
    }

    #[inline]
    fn map_key<K: EncodeKey + ?Sized>(&mut self, map: &mut SlotWriter, key: &K) -> Result<()> {
        let _ = map;
        key.encode(self)
    }

    #[inline]
    fn map_end(&mut self, map: SlotWriter) -> Result<()> {
        self.close(map)
    }

    /// A unit variant outside an enum with content: its index, as the `u32`
    /// a unit-only enum is stored as.
    #[inline]
    fn unit_variant(&mut self, name: &'static str, index: u32) -> Result<()> {
        let _ = name;
        self.encode_u32(index)
    }

    fn variant_begin(&mut self, name: &'static str, index: u32) -> Result<SlotWriter> {
        let _ = (name, index);
        Err(needs_type(
            "the flat format writes enums by index: call `enum_begin`",
        ))
    }
}

/// Encodes `value` in the flat format.
///
/// # Errors
///
/// Fails as [`FlatEncoder::encode`] does.
///
/// # Examples
///
/// ```
/// let bytes = zerospec::flat::to_vec(&vec![1u16, 2])?;
/// // Root slot: offset 4; then the count 2 and two u16.
/// assert_eq!(bytes, [4, 0, 0, 0, 2, 1, 0, 2, 0]);
/// assert_eq!(zerospec::flat::from_slice::<Vec<u16>>(&bytes)?, [1, 2]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn to_vec<T: Encode + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut encoder = FlatEncoder::new(Vec::new());
    encoder.encode(value)?;
    Ok(encoder.into_inner())
}
