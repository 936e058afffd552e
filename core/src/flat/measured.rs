//! Small tables written measured first: [`Sizer`] adds up the bytes a struct
//! whose fields are all strings or inline values takes, and [`ExactWriter`]
//! writes it into room grown once to exactly that size.
//!
//! The bytes are those the field-by-field path writes (the table's count, its
//! slots, then each field's object in field order); what changes is the work:
//! one growth of the buffer per table instead of one per string, and every
//! position kept in a local rather than re-read from the buffer. A struct
//! either encoder cannot handle (a field holding a sequence, a map, an enum
//! with content or another table) is not measured: [`Sizer`] reports it and
//! the caller takes the field-by-field path.

use super::encoder::{outside, too_large, unfilled};
use super::varint;
use crate::encode::{Encode, EncodeKey, Encoder, Shape, slot_width};
use crate::error::{Error, Result};
use crate::output::copy_short;

/// An [`Encoder`] that writes nothing and adds up the size of the table it
/// is given: its count, its slots, and the strings its fields point to.
#[derive(Debug, Default)]
pub(crate) struct Sizer {
    size: usize,
    /// Whether the table itself has begun: a second table is a nested one.
    opened: bool,
    /// Whether the value holds something this encoder does not measure.
    declined: bool,
}

impl Sizer {
    /// The table's size in bytes, or `None` when the value was not a table
    /// of strings and inline values.
    #[inline]
    pub(crate) fn size(&self) -> Option<usize> {
        (self.opened && !self.declined).then_some(self.size)
    }

    /// Something the measured path does not handle: the caller writes the
    /// value field by field instead.
    #[inline]
    fn decline(&mut self) -> Result<()> {
        self.declined = true;
        Ok(())
    }

    #[inline(always)]
    fn object(&mut self, len: usize) -> Result<()> {
        if len < 0x80 {
            // A one-byte length, or nothing at all for an empty object.
            self.size += len + usize::from(len != 0);
            return Ok(());
        }
        self.long_object(len)
    }

    #[inline]
    fn long_object(&mut self, len: usize) -> Result<()> {
        match u32::try_from(len) {
            Ok(count) => self.size += varint::len(count) + len,
            Err(_) => self.declined = true,
        }
        Ok(())
    }
}

impl Encoder for Sizer {
    type Seq = ();
    type Map = ();

    const POSITIONAL: bool = true;
    const HUMAN_READABLE: bool = false;

    #[inline]
    fn encode_null(&mut self) -> Result<()> {
        Ok(())
    }

    #[inline]
    fn encode_some<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        value.encode(self)
    }

    #[inline]
    fn encode_none_of<T: Encode + ?Sized>(&mut self) -> Result<()> {
        Ok(())
    }

    #[inline]
    fn encode_bool(&mut self, value: bool) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn encode_i64(&mut self, value: i64) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn encode_u64(&mut self, value: u64) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn encode_i128(&mut self, value: i128) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn encode_u128(&mut self, value: u128) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn encode_f32(&mut self, value: f32) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn encode_f64(&mut self, value: f64) -> Result<()> {
        let _ = value;
        Ok(())
    }

    /// Inline, as a `u32` (the default would write a string).
    #[inline]
    fn encode_char(&mut self, value: char) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn encode_str(&mut self, value: &str) -> Result<()> {
        self.object(value.len())
    }

    #[inline]
    fn encode_bytes(&mut self, value: &[u8]) -> Result<()> {
        self.object(value.len())
    }

    #[inline]
    fn encode_unit_struct(&mut self) -> Result<()> {
        Ok(())
    }

    #[inline]
    fn encode_inline_value<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        let _ = value;
        Ok(())
    }

    #[inline]
    fn struct_begin(&mut self, shape: Shape) -> Result<()> {
        if shape.fixed {
            // Inline: its slots are counted in its parent's.
            return Ok(());
        }
        if self.opened || shape.fields == 0 {
            // A nested table, or an empty one (written as offset 0).
            return self.decline();
        }
        self.opened = true;
        self.size += varint::len(shape.fields) + shape.inline_size;
        Ok(())
    }

    #[inline]
    fn struct_field(&mut self, seq: &mut (), index: u32) -> Result<()> {
        let _ = (seq, index);
        Ok(())
    }

    #[inline]
    fn struct_end(&mut self, seq: ()) -> Result<()> {
        let () = seq;
        Ok(())
    }

    #[inline]
    fn unit_variant(&mut self, name: &'static str, index: u32) -> Result<()> {
        let _ = (name, index);
        Ok(())
    }

    fn seq_begin(&mut self, len: usize) -> Result<()> {
        let _ = len;
        self.decline()
    }

    fn seq_elem(&mut self, seq: &mut ()) -> Result<()> {
        let _ = seq;
        Ok(())
    }

    fn seq_end(&mut self, seq: ()) -> Result<()> {
        let () = seq;
        Ok(())
    }

    fn enum_begin(&mut self, index: u32, shape: Shape) -> Result<()> {
        let _ = (index, shape);
        self.decline()
    }

    fn enum_end(&mut self, seq: ()) -> Result<()> {
        let () = seq;
        Ok(())
    }

    fn map_begin(&mut self, len: Option<usize>) -> Result<()> {
        let _ = len;
        self.decline()
    }

    fn map_str_key(&mut self, map: &mut (), key: &str) -> Result<()> {
        let _ = (map, key);
        self.decline()
    }

    fn map_key<K: EncodeKey + ?Sized>(&mut self, map: &mut (), key: &K) -> Result<()> {
        let _ = (map, key);
        self.decline()
    }

    fn map_end(&mut self, map: ()) -> Result<()> {
        let () = map;
        Ok(())
    }

    fn variant_begin(&mut self, name: &'static str, index: u32) -> Result<()> {
        let _ = (name, index);
        self.decline()
    }
}

/// An [`Encoder`] writing one table of strings and inline values into
/// `room`, zeroed and exactly the size [`Sizer`] measured: the table's count
/// at `room[0]`, its slots, then its fields' objects in field order.
#[derive(Debug)]
pub(crate) struct ExactWriter<'b> {
    room: &'b mut [u8],
    /// The slot the next value fills.
    slot: usize,
    /// Where the next object goes.
    end: usize,
    /// Whether the table's count is written.
    opened: bool,
}

impl<'b> ExactWriter<'b> {
    /// A writer into `room`, which holds only zeroes.
    ///
    /// # Errors
    ///
    /// Fails when `room` is 4 GiB or more: offsets inside it would not fit.
    #[inline]
    pub(crate) fn new(room: &'b mut [u8]) -> Result<Self> {
        if u32::try_from(room.len()).is_err() {
            return Err(too_large());
        }
        Ok(ExactWriter {
            room,
            slot: 0,
            end: 0,
            opened: false,
        })
    }

    /// Checks that the table filled its room exactly.
    ///
    /// # Errors
    ///
    /// Fails when it wrote less than was measured.
    #[inline]
    pub(crate) fn finish(self) -> Result<()> {
        if self.opened && self.end == self.room.len() {
            Ok(())
        } else {
            Err(unfilled())
        }
    }

    /// Writes `bytes` into the current slot and moves past it.
    #[inline(always)]
    fn put<const N: usize>(&mut self, bytes: [u8; N]) -> Result<()> {
        let end = self.slot + N;
        match self.room.get_mut(self.slot..end) {
            Some(slot) => slot.copy_from_slice(&bytes),
            None => return Err(outside()),
        }
        self.slot = end;
        Ok(())
    }

    /// Passes over `width` bytes of slot left zero.
    #[inline(always)]
    fn skip(&mut self, width: usize) -> Result<()> {
        let end = self.slot + width;
        if end > self.room.len() {
            return Err(outside());
        }
        self.slot = end;
        Ok(())
    }

    /// Writes a length-prefixed object at the end, and the offset to it in
    /// the current slot.
    #[inline(always)]
    fn object(&mut self, bytes: &[u8]) -> Result<()> {
        if bytes.is_empty() {
            return self.skip(4);
        }
        // Lossless: the room is below 4 GiB (checked in `new`), and the
        // object lies in it, after the slot.
        #[allow(clippy::cast_possible_truncation)]
        let offset = self.end.wrapping_sub(self.slot) as u32;
        self.put(offset.to_le_bytes())?;
        let start = self.end;
        let len = bytes.len();
        if len < 0x80 {
            // The common case: a one-byte length, then the bytes.
            let end = start + 1 + len;
            match self.room.get_mut(start..end) {
                Some([header, body @ ..]) => {
                    // Lossless: below 0x80.
                    #[allow(clippy::cast_possible_truncation)]
                    let short = len as u8;
                    *header = short;
                    copy_short(body, bytes);
                }
                _ => return Err(unfilled()),
            }
            self.end = end;
            return Ok(());
        }
        let Ok(count) = u32::try_from(len) else {
            return Err(too_large());
        };
        let Some(header) = self
            .room
            .get_mut(start..)
            .and_then(|rest| varint::put(rest, count))
        else {
            return Err(unfilled());
        };
        let body = start + header;
        let end = body + len;
        match self.room.get_mut(body..end) {
            Some(room) => room.copy_from_slice(bytes),
            None => return Err(unfilled()),
        }
        self.end = end;
        Ok(())
    }

    #[cold]
    fn refuse() -> Error {
        Error::unsupported("the measured table writer writes strings and inline values only")
    }
}

impl Encoder for ExactWriter<'_> {
    /// Where the container's slots end.
    type Seq = usize;
    type Map = usize;

    const POSITIONAL: bool = true;
    const HUMAN_READABLE: bool = false;

    #[inline(always)]
    fn encode_null(&mut self) -> Result<()> {
        Ok(())
    }

    #[inline(always)]
    fn encode_some<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.put([1])?;
        value.encode(self)
    }

    #[inline(always)]
    fn encode_none_of<T: Encode + ?Sized>(&mut self) -> Result<()> {
        self.skip(1 + slot_width(T::INLINE_SIZE))
    }

    #[inline(always)]
    fn encode_bool(&mut self, value: bool) -> Result<()> {
        self.put([u8::from(value)])
    }

    #[inline(always)]
    fn encode_i8(&mut self, value: i8) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_i16(&mut self, value: i16) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_i32(&mut self, value: i32) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_i64(&mut self, value: i64) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_u8(&mut self, value: u8) -> Result<()> {
        self.put([value])
    }

    #[inline(always)]
    fn encode_u16(&mut self, value: u16) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_u32(&mut self, value: u32) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_u64(&mut self, value: u64) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_i128(&mut self, value: i128) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_u128(&mut self, value: u128) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_f32(&mut self, value: f32) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_f64(&mut self, value: f64) -> Result<()> {
        self.put(value.to_le_bytes())
    }

    #[inline(always)]
    fn encode_char(&mut self, value: char) -> Result<()> {
        self.put(u32::from(value).to_le_bytes())
    }

    #[inline(always)]
    fn encode_str(&mut self, value: &str) -> Result<()> {
        self.object(value.as_bytes())
    }

    #[inline(always)]
    fn encode_bytes(&mut self, value: &[u8]) -> Result<()> {
        self.object(value)
    }

    #[inline(always)]
    fn encode_unit_struct(&mut self) -> Result<()> {
        Ok(())
    }

    #[inline(always)]
    fn encode_inline_value<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        let end = self.slot + slot_width(T::INLINE_SIZE);
        match self.room.get_mut(self.slot..end) {
            // The room is zeroed, as `encode_inline` expects.
            Some(room) => value.encode_inline(room),
            None => return Err(outside()),
        }
        self.slot = end;
        Ok(())
    }

    /// The state is where the struct's slots end.
    #[inline(always)]
    fn struct_begin(&mut self, shape: Shape) -> Result<usize> {
        if shape.fixed {
            return Ok(self.slot + shape.inline_size);
        }
        if self.opened {
            return Err(Self::refuse());
        }
        self.opened = true;
        let Some(header) = varint::put(self.room, shape.fields) else {
            return Err(unfilled());
        };
        self.slot = header;
        self.end = header + shape.inline_size;
        // Checked once here, so that the checks of the slots' constant
        // positions below it fold away.
        if self.end > self.room.len() {
            return Err(unfilled());
        }
        Ok(self.end)
    }

    #[inline(always)]
    fn struct_field(&mut self, seq: &mut usize, index: u32) -> Result<()> {
        let _ = (seq, index);
        Ok(())
    }

    #[inline(always)]
    fn struct_end(&mut self, seq: usize) -> Result<()> {
        if self.slot == seq {
            Ok(())
        } else {
            Err(unfilled())
        }
    }

    #[inline(always)]
    fn unit_variant(&mut self, name: &'static str, index: u32) -> Result<()> {
        let _ = name;
        self.encode_u32(index)
    }

    fn seq_begin(&mut self, len: usize) -> Result<usize> {
        let _ = len;
        Err(Self::refuse())
    }

    fn seq_elem(&mut self, seq: &mut usize) -> Result<()> {
        let _ = seq;
        Err(Self::refuse())
    }

    fn seq_end(&mut self, seq: usize) -> Result<()> {
        let _ = seq;
        Err(Self::refuse())
    }

    fn map_begin(&mut self, len: Option<usize>) -> Result<usize> {
        let _ = len;
        Err(Self::refuse())
    }

    fn map_str_key(&mut self, map: &mut usize, key: &str) -> Result<()> {
        let _ = (map, key);
        Err(Self::refuse())
    }

    fn map_key<K: EncodeKey + ?Sized>(&mut self, map: &mut usize, key: &K) -> Result<()> {
        let _ = (map, key);
        Err(Self::refuse())
    }

    fn map_end(&mut self, map: usize) -> Result<()> {
        let _ = map;
        Err(Self::refuse())
    }

    fn variant_begin(&mut self, name: &'static str, index: u32) -> Result<usize> {
        let _ = (name, index);
        Err(Self::refuse())
    }
}
