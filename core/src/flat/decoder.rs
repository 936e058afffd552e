//! [`FlatDecoder`]: owned decoding of the flat format through `Decode`.
//!
//! The decoder walks the slots in the order the type asks for them: each read
//! takes the bytes at the cursor and moves past them, an offset moves the
//! cursor into the object it points to until that object ends. It applies the
//! validator's rules as it goes, through the same functions (`rules.rs`), at
//! the same steps of the same walk: bounds, forward offsets, claimed extents,
//! counts, map key order, UTF-8, booleans, `char`s, depth. So it accepts
//! exactly the buffers `flat::view` accepts, and no separate validation pass
//! is needed.

use super::error::malformed;
use super::rules;
use super::validator::DEFAULT_MAX_DEPTH;
use crate::budget::Budget;
use crate::decode::{Bytes, Decode, Decoder, MapKey, Number, Peek, Str};
use crate::encode::{Shape, slot_width};
use crate::error::{Error, Result};

/// A [`Decoder`] for the flat format, reading from a slice.
///
/// # Examples
///
/// ```
/// use zerospec::flat::FlatDecoder;
///
/// let bytes = zerospec::flat::to_vec(&("ab".to_owned(), 3u8))?;
/// let mut decoder = FlatDecoder::new(&bytes).with_max_depth(8);
/// let (s, n): (&str, u8) = decoder.decode()?;
/// assert_eq!((s, n), ("ab", 3));
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct FlatDecoder<'de> {
    input: &'de [u8],
    /// The slot the next value is read from.
    pos: usize,
    /// The end of everything claimed so far (the validator's cursor): an
    /// offset must point at or after it.
    mark: usize,
    /// Reading a field the data does not hold: every value reads as its zero
    /// value and the cursor stays put.
    absent: bool,
    depth: u32,
    max_depth: u32,
    /// The slot of the key of the map entry before the one whose key is read
    /// next, to check the order of keys; `None` at a map's first entry.
    previous_key: Option<usize>,
    /// The index of the map entry whose key is read next, for the path of
    /// an error in it.
    entry: u32,
    /// What is left to reserve ahead of elements (`Decoder::reserve_ahead`).
    budget: Budget,
}

/// The state of a struct, sequence, map or enum being read.
#[derive(Debug)]
pub struct SlotReader {
    /// The cursor after the container's slot in its parent, to return to at
    /// its end; `None` for inline containers and empty ones.
    resume: Option<usize>,
    /// Elements left, or for a struct the number of fields the data holds.
    left: u32,
    /// The next field index a struct expects, or entry index a map reads.
    next: u32,
    /// Where a struct's fields are.
    fields: Fields,
    /// For a map: the slot of the key of the entry being read.
    key: Option<usize>,
    /// The absent state of the parent, restored at the end.
    parent_absent: bool,
}

/// Where the fields of a struct read through a [`SlotReader`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// In the slots after a count: a table, a variant's content (or the
    /// elements of a sequence or map).
    Counted,
    /// Inline in the parent, all of them: a fixed struct, array or tuple.
    Inline,
    /// In a variant's content, whose count `variant_fields` reads.
    Unread,
}

/// A saved decoder position.
#[derive(Debug, Clone, Copy)]
pub struct Checkpoint {
    pos: usize,
    mark: usize,
    absent: bool,
    depth: u32,
    previous_key: Option<usize>,
}

impl<'de> FlatDecoder<'de> {
    /// Makes a decoder reading the message at the start of `input`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut decoder = zerospec::flat::FlatDecoder::new(&[5, 0]);
    /// assert_eq!(decoder.decode::<u16>()?, 5);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn new(input: &'de [u8]) -> Self {
        FlatDecoder {
            input,
            pos: 0,
            mark: 0,
            absent: false,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
            previous_key: None,
            entry: 0,
            budget: Budget::for_input(input.len()),
        }
    }

    /// Sets how deep out-of-line values may nest (64 by default).
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&vec![vec![1u8]])?;
    /// let mut decoder = zerospec::flat::FlatDecoder::new(&bytes).with_max_depth(1);
    /// assert!(decoder.decode::<Vec<Vec<u8>>>().is_err());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// Decodes the message at the start of the input as a `T`. Bytes after
    /// the message (data a newer version of a type appended) are ignored.
    ///
    /// # Errors
    ///
    /// Fails when the input is not a valid flat `T`.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&Some(7u32))?;
    /// let mut decoder = zerospec::flat::FlatDecoder::new(&bytes);
    /// assert_eq!(decoder.decode::<Option<u32>>()?, Some(7));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn decode<T: Decode<'de>>(&mut self) -> Result<T> {
        self.mark = rules::claim(self.input, 0, slot_width(T::INLINE_SIZE))?;
        self.pos = 0;
        self.absent = false;
        self.depth = 0;
        self.previous_key = None;
        T::decode(self)
    }

    #[cold]
    fn error(&self, message: &'static str, offset: usize) -> Error {
        malformed(message, self.input, offset)
    }

    /// Takes the `N` bytes of the current slot.
    #[inline]
    fn take<const N: usize>(&mut self) -> Result<[u8; N]> {
        if self.absent {
            return Ok([0; N]);
        }
        let rest = self.input.get(self.pos..).unwrap_or(&[]);
        match rest.first_chunk::<N>() {
            Some(bytes) => {
                self.pos += N;
                self.mark = self.mark.max(self.pos);
                Ok(*bytes)
            }
            None => Err(self.error("truncated", self.input.len())),
        }
    }

    /// Reads the offset in the current 4-byte slot: the absolute position of
    /// the object it points to, or `None` for offset 0 (an empty value).
    #[inline]
    fn target(&mut self) -> Result<Option<usize>> {
        let slot = self.pos;
        let offset = u32::from_le_bytes(self.take()?);
        if self.absent {
            return Ok(None);
        }
        // `take` moved the mark past the slot, as claiming it does.
        rules::target(self.input, self.mark, slot, offset)
    }

    /// Follows the offset in the current slot into the object it points to,
    /// one level deeper, and reads its count (or variant index): the
    /// object's position, the count and the position after it; `None` for
    /// an empty value.
    #[inline]
    fn enter(&mut self) -> Result<Option<(usize, u32, usize)>> {
        let Some(target) = self.target()? else {
            return Ok(None);
        };
        rules::enter(&mut self.depth, self.max_depth, self.input, target)?;
        let (count, after) = rules::count(self.input, target)?;
        Ok(Some((target, count, after)))
    }

    /// Reads the length-prefixed bytes the current slot points to.
    #[inline]
    fn object_bytes(&mut self) -> Result<&'de [u8]> {
        let span = self.object_span()?;
        Ok(self.span_bytes(span))
    }

    /// The input at `start..end`, a span from [`FlatDecoder::object_span`].
    #[inline]
    fn span_bytes(&self, (start, end): (usize, usize)) -> &'de [u8] {
        self.input.get(start..end).unwrap_or(&[])
    }

    /// Where the length-prefixed bytes the current slot points to lie in the
    /// input: `(start, end)`, checked to lie in it; `(0, 0)` when empty.
    #[inline]
    fn object_span(&mut self) -> Result<(usize, usize)> {
        let Some(target) = self.target()? else {
            return Ok((0, 0));
        };
        let (len, start) = rules::count(self.input, target)?;
        self.mark = rules::claim(self.input, start, len as usize)?;
        Ok((start, self.mark))
    }

    /// `bytes` as text, or an error at `at`, the slot that points to them,
    /// when they are not UTF-8.
    #[inline]
    fn text(&self, bytes: &'de [u8], at: usize) -> Result<&'de str> {
        match crate::utf8::as_str(bytes) {
            Some(text) => Ok(text),
            None => Err(self.error("invalid UTF-8", at)),
        }
    }

    /// The error of a run of inline values, at the first one that fails.
    #[cold]
    fn inline_error<T: Decode<'de>>(
        &self,
        message: &'static str,
        area: &[u8],
        start: usize,
    ) -> Error {
        let width = slot_width(T::INLINE_SIZE).max(1);
        let index = area
            .chunks_exact(width)
            .position(|slot| T::decode_inline(slot).is_err())
            .unwrap_or(0);
        self.error(message, start + index * width)
    }

    /// An empty container, or one read for an absent field.
    #[inline]
    fn empty(&self) -> SlotReader {
        SlotReader {
            resume: None,
            left: 0,
            next: 0,
            fields: Fields::Counted,
            key: None,
            parent_absent: self.absent,
        }
    }

    /// Moves into the slots of the container the current slot points to,
    /// which start at `start` and hold `count` elements (or fields), to come
    /// back at its end.
    #[inline]
    fn open_at(&mut self, start: usize, count: u32, parent_absent: bool) -> SlotReader {
        let resume = Some(self.pos);
        self.pos = start;
        SlotReader {
            resume,
            left: count,
            next: 0,
            fields: Fields::Counted,
            key: None,
            parent_absent,
        }
    }

    /// Starts a sequence or map of `width`-byte elements (`None` when
    /// unknown), claiming its elements' slots as the validator does.
    fn open(&mut self, width: Option<usize>) -> Result<SlotReader> {
        let parent_absent = self.absent;
        let Some((target, count, start)) = self.enter()? else {
            return Ok(self.empty());
        };
        match width {
            Some(width) => {
                let size = rules::elements_size(self.input, target, count, width)?;
                self.mark = rules::claim(self.input, start, size)?;
            }
            // Read without the elements' type (no flat type does): each
            // element takes a byte at least, so the work stays proportional
            // to the input. The mark moves as the elements are read.
            None => {
                rules::claim(self.input, start, count as usize)?;
                self.mark = start;
            }
        }
        Ok(self.open_at(start, count, parent_absent))
    }

    /// Starts a struct (a table) laid out as `shape`, claiming the slots of
    /// the fields both it and the data hold, as the validator does.
    fn open_table(&mut self, shape: Shape) -> Result<SlotReader> {
        let parent_absent = self.absent;
        let Some((_, count, start)) = self.enter()? else {
            return Ok(self.empty());
        };
        let (_, size) = rules::table_slots(count, shape.offsets);
        self.mark = rules::claim(self.input, start, size)?;
        Ok(self.open_at(start, count, parent_absent))
    }

    /// Ends a container: returns to the parent's cursor.
    #[inline]
    fn close(&mut self, slots: &SlotReader) {
        if let Some(resume) = slots.resume {
            self.pos = resume;
            self.depth -= 1;
        }
        self.absent = slots.parent_absent;
    }

    /// Moves to the next element of a sequence or map, or ends it.
    #[inline]
    fn next_element(&mut self, slots: &mut SlotReader) -> bool {
        if slots.left == 0 {
            self.close(slots);
            // A second call after the end must not return twice.
            slots.resume = None;
            return false;
        }
        slots.left -= 1;
        true
    }
}

/// The shape of a variant without fields.
const UNIT: Shape = Shape {
    fields: 0,
    inline_size: 0,
    offsets: &[0],
    fixed: false,
};

#[cold]
fn fields_unread() -> Error {
    Error::unsupported(
        "the flat format reads a variant's fields after `variant_fields` gives their shape",
    )
}

#[cold]
fn not_self_describing() -> Error {
    Error::unsupported("the flat format is not self-describing: decode into a concrete type")
}

impl<'de> Decoder<'de> for FlatDecoder<'de> {
    type Seq = SlotReader;
    type Map = SlotReader;
    type Checkpoint = Checkpoint;

    const POSITIONAL: bool = true;
    const HUMAN_READABLE: bool = false;

    fn peek(&mut self) -> Result<Peek> {
        Err(not_self_describing())
    }

    /// `()` and unit structs take no room.
    #[inline]
    fn decode_null(&mut self) -> Result<()> {
        Ok(())
    }

    fn decode_option(&mut self) -> Result<bool> {
        Err(Error::unsupported(
            "the flat format reads options through `decode_option_of`",
        ))
    }

    #[inline]
    fn decode_option_of<T: Decode<'de>>(&mut self) -> Result<bool> {
        let at = self.pos;
        match self.take::<1>()? {
            [0] => {
                if !self.absent {
                    // Pass over the (zero) room for the value.
                    let width = slot_width(T::INLINE_SIZE);
                    let end = self.pos.saturating_add(width);
                    if end > self.input.len() {
                        return Err(self.error("truncated", self.input.len()));
                    }
                    self.pos = end;
                    self.mark = self.mark.max(end);
                }
                Ok(false)
            }
            [1] => Ok(true),
            _ => Err(self.error("invalid option tag (expected 0 or 1)", at)),
        }
    }

    #[inline]
    fn decode_bool(&mut self) -> Result<bool> {
        let at = self.pos;
        match self.take::<1>()? {
            [0] => Ok(false),
            [1] => Ok(true),
            _ => Err(self.error("invalid bool (expected 0 or 1)", at)),
        }
    }

    #[inline]
    fn decode_i8(&mut self) -> Result<i8> {
        self.take().map(i8::from_le_bytes)
    }

    #[inline]
    fn decode_i16(&mut self) -> Result<i16> {
        self.take().map(i16::from_le_bytes)
    }

    #[inline]
    fn decode_i32(&mut self) -> Result<i32> {
        self.take().map(i32::from_le_bytes)
    }

    #[inline]
    fn decode_i64(&mut self) -> Result<i64> {
        self.take().map(i64::from_le_bytes)
    }

    #[inline]
    fn decode_u8(&mut self) -> Result<u8> {
        self.take().map(u8::from_le_bytes)
    }

    #[inline]
    fn decode_u16(&mut self) -> Result<u16> {
        self.take().map(u16::from_le_bytes)
    }

    #[inline]
    fn decode_u32(&mut self) -> Result<u32> {
        self.take().map(u32::from_le_bytes)
    }

    #[inline]
    fn decode_u64(&mut self) -> Result<u64> {
        self.take().map(u64::from_le_bytes)
    }

    #[inline]
    fn decode_i128(&mut self) -> Result<i128> {
        self.take().map(i128::from_le_bytes)
    }

    #[inline]
    fn decode_u128(&mut self) -> Result<u128> {
        self.take().map(u128::from_le_bytes)
    }

    #[inline]
    fn decode_f32(&mut self) -> Result<f32> {
        self.take().map(f32::from_le_bytes)
    }

    #[inline]
    fn decode_f64(&mut self) -> Result<f64> {
        self.take().map(f64::from_le_bytes)
    }

    fn decode_number(&mut self) -> Result<Number> {
        Err(not_self_describing())
    }

    #[inline]
    fn decode_char(&mut self) -> Result<char> {
        let at = self.pos;
        let value = u32::from_le_bytes(self.take()?);
        char::from_u32(value).ok_or_else(|| self.error("invalid char", at))
    }

    #[inline]
    fn decode_str(&mut self) -> Result<Str<'de, '_>> {
        let at = self.pos;
        let bytes = self.object_bytes()?;
        self.text(bytes, at).map(Str::Borrowed)
    }

    #[inline]
    fn decode_string(&mut self) -> Result<String> {
        let at = self.pos;
        let (start, end) = self.object_span()?;
        // A short ASCII string with a window of input after its start is
        // copied as a whole window and cut (see `utf8::short_ascii_prefix`).
        let rest = self.input.get(start..).unwrap_or(&[]);
        if let Some(text) = crate::utf8::short_ascii_prefix(rest, end - start) {
            return Ok(text);
        }
        self.text(self.span_bytes((start, end)), at)
            .map(str::to_owned)
    }

    #[inline]
    fn decode_bytes(&mut self) -> Result<Bytes<'de, '_>> {
        self.object_bytes().map(Bytes::Borrowed)
    }

    #[inline]
    fn decode_unit_struct(&mut self) -> Result<()> {
        Ok(())
    }

    fn seq_begin(&mut self) -> Result<SlotReader> {
        self.open(None)
    }

    #[inline]
    fn seq_begin_of<T: Decode<'de>>(&mut self) -> Result<SlotReader> {
        self.open(Some(slot_width(T::INLINE_SIZE)))
    }

    #[inline]
    fn seq_next(&mut self, seq: &mut SlotReader) -> Result<bool> {
        Ok(self.next_element(seq))
    }

    #[inline]
    fn decode_inline_value<T: Decode<'de>>(&mut self) -> Result<T> {
        let width = slot_width(T::INLINE_SIZE);
        if self.absent {
            // The zero value: decoded from zeroes, without moving.
            let zeroes = [0u8; 64];
            return match zeroes.get(..width) {
                Some(slot) => {
                    T::decode_inline(slot).map_err(|message| self.error(message, self.pos))
                }
                None => T::decode_inline(&vec![0; width])
                    .map_err(|message| self.error(message, self.pos)),
            };
        }
        let start = self.pos;
        let Some(slot) = self.input.get(start..start.saturating_add(width)) else {
            return Err(self.error("truncated", self.input.len()));
        };
        let value = T::decode_inline(slot).map_err(|message| self.error(message, start))?;
        self.pos = start + width;
        self.mark = self.mark.max(self.pos);
        Ok(value)
    }

    /// The elements' slots as one area, each read with `decode_inline`.
    fn decode_inline_seq<T: Decode<'de>>(
        &mut self,
        seq: &mut SlotReader,
    ) -> Result<Option<Vec<T>>> {
        let width = slot_width(T::INLINE_SIZE);
        let count = seq.left as usize;
        let start = self.pos;
        let area = count
            .checked_mul(width)
            .and_then(|size| self.input.get(start..start.checked_add(size)?));
        let Some(area) = area else {
            return Err(self.error("count runs past the end", start));
        };
        if T::RAW_INLINE
            && width > 0
            && let Some(items) = T::raw_vec(area)
        {
            // The slots are the values' memory: one copy, nothing to check.
            self.pos = start + area.len();
            self.mark = self.mark.max(self.pos);
            seq.left = 0;
            self.next_element(seq);
            return Ok(Some(items));
        }
        let mut items = Vec::with_capacity(count);
        let mut failure = None;
        if width == 0 {
            for _ in 0..count {
                match T::decode_inline(&[]) {
                    Ok(item) => items.push(item),
                    Err(message) => {
                        failure = Some(message);
                        break;
                    }
                }
            }
        } else {
            for slot in area.chunks_exact(width) {
                match T::decode_inline(slot) {
                    // Always true (there are `count` slots): stated, so that
                    // the compiler drops the growth path and keeps the loop tight.
                    Ok(item) if items.len() < items.capacity() => items.push(item),
                    Ok(_) => {
                        failure = Some("count runs past the end");
                        break;
                    }
                    Err(message) => {
                        failure = Some(message);
                        break;
                    }
                }
            }
        }
        match failure.map_or(Ok(items), Err) {
            Ok(items) => {
                // Zero-width elements' bytes were claimed when the sequence began.
                self.pos = start + area.len();
                self.mark = self.mark.max(self.pos);
                seq.left = 0;
                self.next_element(seq);
                Ok(Some(items))
            }
            Err(message) => Err(self.inline_error::<T>(message, area, start)),
        }
    }

    #[inline]
    fn reserve_ahead(&mut self, hint: Option<usize>, size: usize) -> usize {
        self.budget.draw(hint, size)
    }

    fn seq_remaining(&self, seq: &SlotReader) -> Option<usize> {
        Some(seq.left as usize)
    }

    #[inline]
    fn struct_begin(&mut self, shape: Shape) -> Result<SlotReader> {
        if shape.fixed {
            return Ok(SlotReader {
                resume: None,
                left: shape.fields,
                next: 0,
                fields: Fields::Inline,
                key: None,
                parent_absent: self.absent,
            });
        }
        self.open_table(shape)
    }

    /// Fields must be asked for in index order, each once.
    #[inline]
    fn struct_field(&mut self, seq: &mut SlotReader, index: u32) -> Result<bool> {
        if index != seq.next {
            return Err(Error::unsupported(
                "the flat format reads struct fields in order: `struct_field` skipped or repeated an index",
            ));
        }
        seq.next += 1;
        match seq.fields {
            Fields::Counted => {}
            Fields::Inline => return Ok(true),
            Fields::Unread => return Err(fields_unread()),
        }
        let present = index < seq.left;
        self.absent = seq.parent_absent || !present;
        Ok(present)
    }

    #[inline]
    fn struct_end(&mut self, seq: SlotReader) -> Result<()> {
        self.close(&seq);
        Ok(())
    }

    #[inline]
    fn enum_begin(&mut self) -> Result<(u32, SlotReader)> {
        let parent_absent = self.absent;
        let Some((_, index, after)) = self.enter()? else {
            // The zero value of an enum: variant 0, with no content.
            return Ok((0, self.empty()));
        };
        self.mark = after;
        let mut seq = self.open_at(after, 0, parent_absent);
        seq.fields = Fields::Unread;
        Ok((index, seq))
    }

    /// Reads the content's field count and claims the slots of the fields
    /// both the variant and the data hold, as the validator does.
    #[inline]
    fn variant_fields(&mut self, seq: &mut SlotReader, shape: Shape) -> Result<()> {
        if seq.fields == Fields::Unread {
            let (count, start) = rules::count(self.input, self.pos)?;
            let (_, size) = rules::table_slots(count, shape.offsets);
            self.mark = rules::claim(self.input, start, size)?;
            self.pos = start;
            seq.left = count;
            seq.fields = Fields::Counted;
        }
        Ok(())
    }

    #[inline]
    fn enum_end(&mut self, mut seq: SlotReader) -> Result<()> {
        // A unit variant read without `variant_fields` still has a count.
        self.variant_fields(&mut seq, UNIT)?;
        self.close(&seq);
        Ok(())
    }

    fn map_begin(&mut self) -> Result<SlotReader> {
        self.open(None)
    }

    #[inline]
    fn map_begin_of<K: MapKey<'de>, V: Decode<'de>>(&mut self) -> Result<SlotReader> {
        let width = slot_width(K::INLINE_SIZE) + slot_width(V::INLINE_SIZE);
        self.open(Some(width))
    }

    fn map_next_key(&mut self, map: &mut SlotReader) -> Result<Option<Str<'de, '_>>> {
        let _ = map;
        Err(Error::unsupported(
            "the flat format reads struct fields by position, not by name",
        ))
    }

    #[inline]
    fn map_next_entry(&mut self, map: &mut SlotReader) -> Result<bool> {
        if !self.next_element(map) {
            return Ok(false);
        }
        self.previous_key = map.key.replace(self.pos);
        self.entry = map.next;
        map.next += 1;
        Ok(true)
    }

    /// Reads the key, then checks that it comes after the previous entry's,
    /// in the order of its view (`MapKey::flat_key_after`), as the validator
    /// does. An error in the key gains the entry's index, as in the
    /// validator.
    #[inline]
    fn decode_key<K: MapKey<'de>>(&mut self) -> Result<K> {
        let slot = self.pos;
        let entry = self.entry;
        let key = K::decode(self).map_err(|err| err.in_index(entry as usize))?;
        if let Some(previous) = self.previous_key.take()
            && !K::flat_key_after(self.input, previous, slot)
        {
            return Err(rules::keys_out_of_order(self.input, slot));
        }
        Ok(key)
    }

    fn map_remaining(&self, map: &SlotReader) -> Option<usize> {
        Some(map.left as usize)
    }

    fn skip_value(&mut self) -> Result<()> {
        Err(not_self_describing())
    }

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pos: self.pos,
            mark: self.mark,
            absent: self.absent,
            depth: self.depth,
            previous_key: self.previous_key,
        }
    }

    fn restore(&mut self, checkpoint: Checkpoint) {
        self.pos = checkpoint.pos;
        self.mark = checkpoint.mark;
        self.absent = checkpoint.absent;
        self.depth = checkpoint.depth;
        self.previous_key = checkpoint.previous_key;
    }

    #[cold]
    fn locate(&self, err: Error) -> Error {
        err.at_offset(self.pos)
    }
}

/// Decodes a `T` from the flat message at the start of `bytes`, borrowing
/// `&str` and `&[u8]` fields from it.
///
/// # Errors
///
/// Fails when `bytes` is not a valid flat `T`, as [`view`](super::view)
/// fails, with the same error: out of bounds, an offset that points
/// backwards (into data already claimed, such as a table's own slots),
/// invalid UTF-8, an unknown enum index, map keys out of order, nesting
/// deeper than 64. Also when a value breaks a field's constraints, which
/// views do not check.
///
/// # Examples
///
/// ```
/// let bytes = zerospec::flat::to_vec(&vec!["a".to_owned(), "b".to_owned()])?;
/// let words: Vec<&str> = zerospec::flat::from_slice(&bytes)?;
/// assert_eq!(words, ["a", "b"]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn from_slice<'de, T: Decode<'de>>(bytes: &'de [u8]) -> Result<T> {
    FlatDecoder::new(bytes).decode()
}
