//! [`MsgPackEncoder`]: the [`Encoder`] that writes MessagePack into a buffer.

use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};
use crate::msgpack::marker;
use crate::output::Output;

/// Writes MessagePack into a `Vec<u8>` or `bytes::BytesMut`, always in the
/// smallest representation and byte for byte as `rmp_serde::to_vec_named` does.
///
/// Build one over `&mut buf` to reuse a buffer in a hot loop: the encoder only
/// appends, so clear the buffer between values if you want one value per buffer.
///
/// # Examples
///
/// ```
/// use zerospec::msgpack::MsgPackEncoder;
///
/// let mut buf = Vec::new();
/// for n in [1u32, 300] {
///     buf.clear();
///     MsgPackEncoder::new(&mut buf).encode(&n)?;
/// }
/// assert_eq!(buf, [0xcd, 0x01, 0x2c]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct MsgPackEncoder<O: Output = Vec<u8>> {
    out: O,
}

/// `start` of a container whose length was declared up front.
const KNOWN: usize = usize::MAX;
/// The placeholder header of a container of unknown length: the widest form,
/// patched (and shrunk) when the container ends.
const PLACEHOLDER: usize = 5;

/// The state of an array being written by [`MsgPackEncoder`].
#[derive(Debug)]
pub struct SeqWriter {
    len: usize,
    count: usize,
    /// Where the placeholder header sits, or `KNOWN`.
    start: usize,
}

/// The state of a map being written by [`MsgPackEncoder`].
#[derive(Debug)]
pub struct MapWriter {
    len: usize,
    count: usize,
    /// Where the placeholder header sits, or `KNOWN`.
    start: usize,
}

impl<O: Output> MsgPackEncoder<O> {
    /// Makes an encoder that appends to `out`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut buf = Vec::new();
    /// zerospec::msgpack::MsgPackEncoder::new(&mut buf).encode("hi")?;
    /// assert_eq!(buf, [0xa2, b'h', b'i']);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn new(out: O) -> Self {
        MsgPackEncoder { out }
    }

    /// Appends one value.
    ///
    /// A buffer lent by reference is taken out for the write and put back,
    /// so appending through `&mut Vec<u8>` is as fast as through an owned
    /// one; should a value's `Encode` impl panic, that buffer is left empty.
    ///
    /// # Errors
    ///
    /// Fails if the value does (a string longer than 4 GiB, say, or a
    /// hand-written `Encode` impl that declares a length it does not write).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut encoder = zerospec::msgpack::MsgPackEncoder::new(Vec::new());
    /// encoder.encode(&Some(true))?;
    /// encoder.encode(&None::<bool>)?;
    /// assert_eq!(encoder.into_inner(), [0xc3, 0xc0]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn encode<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()> {
        if O::BORROWED {
            // Written by value, then put back (see `Output::BORROWED`).
            return crate::output::detached(&mut self.out, |buffer| {
                let mut owned = MsgPackEncoder::new(buffer);
                let result = owned.encode(value);
                (owned.out, result)
            });
        }
        value.encode(self)
    }

    /// The buffer written so far.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut encoder = zerospec::msgpack::MsgPackEncoder::new(Vec::new());
    /// encoder.encode(&-1i32)?;
    /// assert_eq!(encoder.get_ref(), &[0xff]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn get_ref(&self) -> &O {
        &self.out
    }

    /// The buffer, mutably (to clear it between values, say).
    ///
    /// # Examples
    ///
    /// ```
    /// let mut encoder = zerospec::msgpack::MsgPackEncoder::new(Vec::new());
    /// encoder.encode(&1u8)?;
    /// encoder.get_mut().clear();
    /// encoder.encode(&2u8)?;
    /// assert_eq!(encoder.get_ref(), &[0x02]);
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
    /// let mut encoder = zerospec::msgpack::MsgPackEncoder::new(Vec::new());
    /// encoder.encode(&())?;
    /// assert_eq!(encoder.into_inner(), [0xc0]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn into_inner(self) -> O {
        self.out
    }

    // ----- the wire forms -----

    /// Writes a field name as a `fixstr` when shorter than 32 bytes (else
    /// writes nothing and answers false): the name is known at compile time,
    /// so marker and bytes are one constant block appended with one copy.
    #[inline(always)]
    fn field_name(&mut self, name: &'static str) -> bool {
        let bytes = name.as_bytes();
        let mut staged = [0u8; 32];
        let (Ok(short @ 0..32), Some((marker, body))) =
            (u8::try_from(bytes.len()), staged.split_first_mut())
        else {
            return false;
        };
        *marker = marker::FIXSTR | short;
        if let Some(body) = body.get_mut(..bytes.len()) {
            body.copy_from_slice(bytes);
        }
        self.out.write(&staged[..=bytes.len()]);
        true
    }

    /// Writes each row (of fewer than sixteen floats) as float 64s, each row
    /// behind a `fixarray` header when `headers`: staged in a block on the
    /// stack and appended one block at a time.
    #[inline]
    fn staged_f64_rows<'a>(&mut self, rows: impl Iterator<Item = &'a [f64]>, headers: bool) {
        const BLOCK: usize = 512;
        let mut block = [0u8; BLOCK];
        let mut used = 0;
        for row in rows {
            // The contract, checked where tests run: a row fits in a block
            // and under a `fixarray` header.
            debug_assert!(row.len() < 16, "a row of {} floats", row.len());
            let size = usize::from(headers) + 9 * row.len();
            if used + size > BLOCK {
                self.out.write(&block[..used]);
                used = 0;
            }
            let Some(room) = block.get_mut(used..used + size) else {
                // Only a row wider than a block, which the contract rules out.
                continue;
            };
            let floats = if let Some((header, rest)) = room.split_first_mut().filter(|_| headers) {
                // Lossless: rows are shorter than sixteen.
                #[allow(clippy::cast_possible_truncation)]
                let len = row.len() as u8;
                *header = marker::FIXARRAY | len;
                rest
            } else {
                room
            };
            for (slot, value) in floats.chunks_exact_mut(9).zip(row) {
                if let Some((m, bytes)) = slot.split_first_mut() {
                    *m = marker::F64;
                    bytes.copy_from_slice(&value.to_be_bytes());
                }
            }
            used += size;
        }
        self.out.write(&block[..used]);
    }

    #[inline(always)]
    fn uint(&mut self, v: u64) {
        if v < 0x80 {
            self.out.push(v as u8);
        } else if v <= u64::from(u8::MAX) {
            self.out.write(&[marker::U8, v as u8]);
        } else if v <= u64::from(u16::MAX) {
            let [a, b] = (v as u16).to_be_bytes();
            self.out.write(&[marker::U16, a, b]);
        } else if v <= u64::from(u32::MAX) {
            let [a, b, c, d] = (v as u32).to_be_bytes();
            self.out.write(&[marker::U32, a, b, c, d]);
        } else {
            let [a, b, c, d, e, f, g, h] = v.to_be_bytes();
            self.out.write(&[marker::U64, a, b, c, d, e, f, g, h]);
        }
    }

    #[inline(always)]
    fn sint(&mut self, v: i64) {
        if let Ok(u) = u64::try_from(v) {
            return self.uint(u);
        }
        if v >= -32 {
            self.out.push(v as u8);
        } else if v >= i64::from(i8::MIN) {
            self.out.write(&[marker::I8, v as u8]);
        } else if v >= i64::from(i16::MIN) {
            let [a, b] = (v as i16).to_be_bytes();
            self.out.write(&[marker::I16, a, b]);
        } else if v >= i64::from(i32::MIN) {
            let [a, b, c, d] = (v as i32).to_be_bytes();
            self.out.write(&[marker::I32, a, b, c, d]);
        } else {
            let [a, b, c, d, e, f, g, h] = v.to_be_bytes();
            self.out.write(&[marker::I64, a, b, c, d, e, f, g, h]);
        }
    }

    /// Writes a `str` longer than a fixstr holds.
    #[inline(never)]
    fn long_str(&mut self, value: &str) -> Result<()> {
        let len = value.len();
        if len <= usize::from(u8::MAX) {
            self.out
                .write_pair(&[marker::STR8, len as u8], value.as_bytes());
        } else if len <= usize::from(u16::MAX) {
            let [a, b] = (len as u16).to_be_bytes();
            self.out
                .write_pair(&[marker::STR16, a, b], value.as_bytes());
        } else {
            let Ok(len) = u32::try_from(len) else {
                return Err(too_long(len));
            };
            let [a, b, c, d] = len.to_be_bytes();
            self.out
                .write_pair(&[marker::STR32, a, b, c, d], value.as_bytes());
        }
        Ok(())
    }

    /// Writes an array or map header of `len` elements.
    #[inline]
    fn container(&mut self, len: usize, fix: u8, m16: u8) -> Result<()> {
        if len < 16 {
            self.out.push(fix | len as u8);
        } else {
            let (header, n) = container_header(len, fix, m16)?;
            self.out.write(&header[..n]);
        }
        Ok(())
    }

    /// Reserves room for the header of a container whose length comes later.
    fn placeholder(&mut self) -> usize {
        let start = self.out.len();
        self.out.write(&[0; PLACEHOLDER]);
        start
    }

    /// Writes the real header of a container that began with a placeholder at
    /// `start`, sliding its contents down when the header is shorter.
    #[cold]
    fn patch(&mut self, start: usize, count: usize, fix: u8, m16: u8) -> Result<()> {
        let (header, n) = container_header(count, fix, m16)?;
        let end = self.out.len();
        let bytes = self.out.bytes_mut();
        bytes.copy_within(start + PLACEHOLDER..end, start + n);
        bytes[start..start + n].copy_from_slice(&header[..n]);
        self.out.truncate(end - (PLACEHOLDER - n));
        Ok(())
    }
}

/// The header of an array or map of `len` elements: the bytes and how many of them count.
#[inline]
fn container_header(len: usize, fix: u8, m16: u8) -> Result<([u8; PLACEHOLDER], usize)> {
    Ok(if len < 16 {
        ([fix | len as u8, 0, 0, 0, 0], 1)
    } else if len <= usize::from(u16::MAX) {
        let [a, b] = (len as u16).to_be_bytes();
        ([m16, a, b, 0, 0], 3)
    } else {
        let Ok(len) = u32::try_from(len) else {
            return Err(too_long(len));
        };
        let [a, b, c, d] = len.to_be_bytes();
        // The 32-bit marker always follows the 16-bit one.
        ([m16 + 1, a, b, c, d], 5)
    })
}

#[cold]
#[inline(never)]
fn too_long(len: usize) -> Error {
    Error::unsupported(format!(
        "a MessagePack value holds at most 4294967295 elements or bytes, not {len}"
    ))
}

#[cold]
#[inline(never)]
fn length_mismatch(what: &str, declared: usize, written: usize) -> Error {
    Error::custom(format!(
        "the MessagePack {what} was declared with {declared} elements but {written} were written"
    ))
}

impl<O: Output> Encoder for MsgPackEncoder<O> {
    type Seq = SeqWriter;
    type Map = MapWriter;

    const HUMAN_READABLE: bool = false;

    #[inline]
    fn encode_null(&mut self) -> Result<()> {
        self.out.push(marker::NIL);
        Ok(())
    }

    #[inline]
    fn encode_bool(&mut self, value: bool) -> Result<()> {
        self.out
            .push(if value { marker::TRUE } else { marker::FALSE });
        Ok(())
    }

    #[inline(always)]
    fn encode_i64(&mut self, value: i64) -> Result<()> {
        self.sint(value);
        Ok(())
    }

    #[inline(always)]
    fn encode_u64(&mut self, value: u64) -> Result<()> {
        self.uint(value);
        Ok(())
    }

    fn encode_i128(&mut self, value: i128) -> Result<()> {
        // As rmp-serde writes it: 16 big-endian bytes in a `bin`.
        self.encode_bytes(&value.to_be_bytes())
    }

    fn encode_u128(&mut self, value: u128) -> Result<()> {
        self.encode_bytes(&value.to_be_bytes())
    }

    #[inline]
    fn encode_f32(&mut self, value: f32) -> Result<()> {
        let [a, b, c, d] = value.to_be_bytes();
        self.out.write(&[marker::F32, a, b, c, d]);
        Ok(())
    }

    #[inline]
    fn encode_f64(&mut self, value: f64) -> Result<()> {
        let [a, b, c, d, e, f, g, h] = value.to_be_bytes();
        self.out.write(&[marker::F64, a, b, c, d, e, f, g, h]);
        Ok(())
    }

    /// The floats staged on the stack a block at a time and appended with
    /// one copy per block: no capacity check or length update per float.
    #[inline]
    fn encode_f64_seq(&mut self, items: &[f64]) -> Result<()> {
        self.container(items.len(), marker::FIXARRAY, marker::ARRAY16)?;
        self.staged_f64_rows(items.chunks(1), false);
        Ok(())
    }

    /// Rows of up to fifteen floats (points, as in GeoJSON), each a
    /// `fixarray`, staged as [`Encoder::encode_f64_seq`] stages its floats.
    #[inline]
    fn encode_f64_rows<const N: usize>(&mut self, rows: &[[f64; N]]) -> Result<()> {
        if N >= 16 {
            return crate::encode::encode_each(self, rows.iter());
        }
        self.container(rows.len(), marker::FIXARRAY, marker::ARRAY16)?;
        self.staged_f64_rows(rows.iter().map(<[f64; N]>::as_slice), true);
        Ok(())
    }

    #[inline(always)]
    fn encode_str(&mut self, value: &str) -> Result<()> {
        let len = value.len();
        if len < 32 {
            self.out
                .write_pair(&[marker::FIXSTR | len as u8], value.as_bytes());
            return Ok(());
        }
        self.long_str(value)
    }

    #[inline]
    fn encode_bytes(&mut self, value: &[u8]) -> Result<()> {
        let len = value.len();
        if len <= usize::from(u8::MAX) {
            self.out.write(&[marker::BIN8, len as u8]);
        } else if len <= usize::from(u16::MAX) {
            let [a, b] = (len as u16).to_be_bytes();
            self.out.write(&[marker::BIN16, a, b]);
        } else {
            let Ok(len) = u32::try_from(len) else {
                return Err(too_long(len));
            };
            let [a, b, c, d] = len.to_be_bytes();
            self.out.write(&[marker::BIN32, a, b, c, d]);
        }
        self.out.write(value);
        Ok(())
    }

    fn encode_ext(&mut self, tag: i8, data: &[u8]) -> Result<()> {
        let len = data.len();
        let tag = tag as u8;
        match len {
            1 => self.out.write(&[marker::FIXEXT1, tag]),
            2 => self.out.write(&[marker::FIXEXT2, tag]),
            4 => self.out.write(&[marker::FIXEXT4, tag]),
            8 => self.out.write(&[marker::FIXEXT8, tag]),
            16 => self.out.write(&[marker::FIXEXT16, tag]),
            0..=0xff => self.out.write(&[marker::EXT8, len as u8, tag]),
            0x100..=0xffff => {
                let [a, b] = (len as u16).to_be_bytes();
                self.out.write(&[marker::EXT16, a, b, tag]);
            }
            _ => {
                let Ok(len) = u32::try_from(len) else {
                    return Err(too_long(len));
                };
                let [a, b, c, d] = len.to_be_bytes();
                self.out.write(&[marker::EXT32, a, b, c, d, tag]);
            }
        }
        self.out.write(data);
        Ok(())
    }

    #[inline]
    fn encode_unit_struct(&mut self) -> Result<()> {
        // rmp-serde writes a unit struct as an empty array.
        self.out.push(marker::FIXARRAY);
        Ok(())
    }

    #[inline]
    fn seq_begin(&mut self, len: usize) -> Result<SeqWriter> {
        self.container(len, marker::FIXARRAY, marker::ARRAY16)?;
        Ok(SeqWriter {
            len,
            count: 0,
            start: KNOWN,
        })
    }

    fn seq_begin_unknown(&mut self) -> Result<SeqWriter> {
        let start = self.placeholder();
        Ok(SeqWriter {
            len: 0,
            count: 0,
            start,
        })
    }

    #[inline(always)]
    fn seq_elem(&mut self, seq: &mut SeqWriter) -> Result<()> {
        seq.count += 1;
        Ok(())
    }

    #[inline]
    fn seq_end(&mut self, seq: SeqWriter) -> Result<()> {
        if seq.start != KNOWN {
            return self.patch(seq.start, seq.count, marker::FIXARRAY, marker::ARRAY16);
        }
        if seq.count != seq.len {
            return Err(length_mismatch("array", seq.len, seq.count));
        }
        Ok(())
    }

    #[inline]
    fn map_begin(&mut self, len: Option<usize>) -> Result<MapWriter> {
        match len {
            Some(len) => {
                self.container(len, marker::FIXMAP, marker::MAP16)?;
                Ok(MapWriter {
                    len,
                    count: 0,
                    start: KNOWN,
                })
            }
            None => {
                let start = self.placeholder();
                Ok(MapWriter {
                    len: 0,
                    count: 0,
                    start,
                })
            }
        }
    }

    #[inline(always)]
    fn map_field(&mut self, map: &mut MapWriter, name: &'static str) -> Result<()> {
        map.count += 1;
        if self.field_name(name) {
            return Ok(());
        }
        self.long_str(name)
    }

    #[inline]
    fn map_str_key(&mut self, map: &mut MapWriter, key: &str) -> Result<()> {
        map.count += 1;
        self.encode_str(key)
    }

    #[inline]
    fn map_key<K: EncodeKey + ?Sized>(&mut self, map: &mut MapWriter, key: &K) -> Result<()> {
        // MessagePack keys are values: an integer key stays an integer.
        map.count += 1;
        key.encode(self)
    }

    #[inline]
    fn map_end(&mut self, map: MapWriter) -> Result<()> {
        if map.start != KNOWN {
            return self.patch(map.start, map.count, marker::FIXMAP, marker::MAP16);
        }
        if map.count != map.len {
            return Err(length_mismatch("map", map.len, map.count));
        }
        Ok(())
    }

    #[inline]
    fn variant_begin(&mut self, name: &'static str, index: u32) -> Result<MapWriter> {
        let _ = index;
        self.out.push(marker::FIXMAP | 1);
        self.encode_str(name)?;
        Ok(MapWriter {
            len: 1,
            count: 1,
            start: KNOWN,
        })
    }
}
