//! [`MsgPackDecoder`]: the [`Decoder`] over a MessagePack byte slice.

use crate::budget::Budget;
use crate::decode::{Bytes, Decode, Decoder, FieldKey, FieldName, MapKey, Number, Peek, Str};
use crate::error::{Error, Format, Result};
use crate::memo::{Attempts, Skips};
use crate::msgpack::marker::{self, kind};

/// How deep arrays, maps and extensions may nest before decoding fails, unless
/// [`MsgPackDecoder::with_max_depth`] says otherwise.
pub const DEFAULT_MAX_DEPTH: u32 = 128;

/// Reads MessagePack from a byte slice, validating as it goes.
///
/// Strings and binary values borrow from the input. Every declared length is
/// checked against what remains of the input before anything is read or
/// allocated, and nesting is limited (128 levels unless changed with
/// [`MsgPackDecoder::with_max_depth`]).
///
/// Most code calls [`from_slice`](crate::msgpack::from_slice); the decoder itself
/// is for reading several values one after another, or for a custom depth limit.
///
/// # Examples
///
/// ```
/// use zerospec::Decode;
/// use zerospec::msgpack::MsgPackDecoder;
///
/// // Two values back to back: 7, then "hi".
/// let input = [0x07, 0xa2, b'h', b'i'];
/// let mut decoder = MsgPackDecoder::new(&input);
/// assert_eq!(u8::decode(&mut decoder)?, 7);
/// assert_eq!(<&str>::decode(&mut decoder)?, "hi");
/// decoder.end()?;
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct MsgPackDecoder<'de> {
    input: &'de [u8],
    pos: usize,
    depth: u32,
    max_depth: u32,
    /// The untagged attempts that failed, by position.
    attempts: Attempts,
    /// Where skipped containers end, once a late tag was looked for.
    skips: Skips,
    /// What is left to reserve ahead of elements (`Decoder::reserve_ahead`).
    budget: Budget,
    /// Where the last owning pointer began (`Decoder::decode_nested`).
    nested_at: usize,
    /// The input as a shared buffer, when it came as one: `bytes::Bytes` values
    /// are then slices of it instead of copies.
    shared: Option<&'de bytes::Bytes>,
}

/// The state of an array being read by [`MsgPackDecoder`]: the elements left.
#[derive(Debug)]
pub struct SeqReader {
    left: u32,
}

/// The state of a map being read by [`MsgPackDecoder`]: the entries left.
#[derive(Debug)]
pub struct MapReader {
    left: u32,
}

/// A position saved by [`Decoder::checkpoint`] on a [`MsgPackDecoder`].
#[derive(Debug, Clone, Copy)]
pub struct Checkpoint {
    pos: usize,
    depth: u32,
}

/// An integer as MessagePack wrote it: unsigned, or negative.
enum Int {
    U(u64),
    /// Always below zero: non-negative values in the signed families read as `U`.
    I(i64),
}

impl<'de> MsgPackDecoder<'de> {
    /// Makes a decoder that reads `input` from its first byte.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Decode;
    /// let mut decoder = zerospec::msgpack::MsgPackDecoder::new(&[0xc3]);
    /// assert!(bool::decode(&mut decoder)?);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn new(input: &'de [u8]) -> Self {
        MsgPackDecoder {
            input,
            pos: 0,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
            budget: Budget::for_input(input.len()),
            nested_at: usize::MAX,
            attempts: Attempts::default(),
            skips: Skips::default(),
            shared: None,
        }
    }

    /// Makes a decoder over a shared buffer: every `bytes::Bytes` it decodes is
    /// a slice of `input` (`Bytes::slice_ref`), sharing its allocation.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Decode;
    /// let input = bytes::Bytes::from_static(&[0xc4, 0x02, 0xab, 0xcd]);
    /// let mut decoder = zerospec::msgpack::MsgPackDecoder::from_shared(&input);
    /// let data = bytes::Bytes::decode(&mut decoder)?;
    /// assert_eq!(data.as_ptr(), input[2..].as_ptr());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn from_shared(input: &'de bytes::Bytes) -> Self {
        let mut decoder = MsgPackDecoder::new(input);
        decoder.shared = Some(input);
        decoder
    }

    /// Sets how deep arrays, maps and extensions may nest (128 by default).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Decode;
    /// use zerospec::msgpack::MsgPackDecoder;
    /// let nested = [0x91, 0x91, 0x90]; // [[[]]]
    /// let mut decoder = MsgPackDecoder::new(&nested).with_max_depth(2);
    /// let err = Vec::<Vec<Vec<u8>>>::decode(&mut decoder).unwrap_err();
    /// assert_eq!(err.to_string(), "MessagePack data is malformed: nesting deeper than 2 (byte 2)");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// How many bytes of the input have been read.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Decode;
    /// let mut decoder = zerospec::msgpack::MsgPackDecoder::new(&[0xcd, 0x01, 0x00, 0xc0]);
    /// u16::decode(&mut decoder)?;
    /// assert_eq!(decoder.position(), 3);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Checks that the whole input has been read.
    ///
    /// # Errors
    ///
    /// Fails with a syntax error if bytes remain after the last value.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Decode;
    /// let mut decoder = zerospec::msgpack::MsgPackDecoder::new(&[0x01, 0x02]);
    /// u8::decode(&mut decoder)?;
    /// let err = decoder.end().unwrap_err();
    /// assert_eq!(err.to_string(), "MessagePack data is malformed: trailing bytes after the value (byte 1)");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn end(&self) -> Result<()> {
        if self.pos == self.input.len() {
            Ok(())
        } else {
            Err(self.syntax("trailing bytes after the value", self.pos))
        }
    }

    // ----- errors: built off the hot path -----

    #[cold]
    #[inline(never)]
    fn syntax(&self, message: &'static str, offset: usize) -> Error {
        Error::syntax(Format::MsgPack, message, self.input, offset)
    }

    /// The input ends before a value (or a declared length) does.
    #[cold]
    #[inline(never)]
    fn truncated(&self) -> Error {
        self.syntax("truncated", self.input.len())
    }

    /// The value at `start` is not an `expected`: a type error, or a syntax error
    /// if its marker is the reserved byte. Leaves the position at the value.
    #[cold]
    #[inline(never)]
    fn mismatch(&mut self, start: usize, expected: &'static str) -> Error {
        self.pos = start;
        match self.input.get(start).map(|&m| kind(m)) {
            Some(Some(found)) => Error::unexpected(expected, found.name()).at_offset(start),
            Some(None) => self.reserved(start),
            None => self.truncated(),
        }
    }

    #[cold]
    #[inline(never)]
    fn reserved(&self, offset: usize) -> Error {
        self.syntax("reserved marker byte 0xc1", offset)
    }

    #[cold]
    #[inline(never)]
    fn too_deep(&self, start: usize) -> Error {
        Error::depth(Format::MsgPack, self.max_depth, self.input, start)
    }

    #[cold]
    #[inline(never)]
    fn invalid_utf8(&self, offset: usize) -> Error {
        self.syntax("invalid UTF-8 in str", offset)
    }

    // ----- reading -----

    #[inline]
    fn remaining(&self) -> usize {
        self.input.len() - self.pos
    }

    #[inline(always)]
    fn byte(&mut self) -> Result<u8> {
        match self.input.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => Err(self.truncated()),
        }
    }

    #[inline(always)]
    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        match self.input[self.pos..].first_chunk::<N>() {
            Some(chunk) => {
                self.pos += N;
                Ok(*chunk)
            }
            None => Err(self.truncated()),
        }
    }

    #[inline(always)]
    fn u16(&mut self) -> Result<u16> {
        self.array().map(u16::from_be_bytes)
    }

    #[inline(always)]
    fn u32(&mut self) -> Result<u32> {
        self.array().map(u32::from_be_bytes)
    }

    #[inline(always)]
    fn u64(&mut self) -> Result<u64> {
        self.array().map(u64::from_be_bytes)
    }

    /// Takes the next `len` bytes, failing before anything else if fewer remain.
    #[inline(always)]
    fn take(&mut self, len: usize) -> Result<&'de [u8]> {
        let input: &'de [u8] = self.input;
        match input.get(self.pos..).and_then(|rest| rest.get(..len)) {
            Some(out) => {
                self.pos += len;
                Ok(out)
            }
            None => Err(self.truncated()),
        }
    }

    /// Fails unless `count` values of at least `width` bytes each can still fit.
    #[inline]
    fn check_count(&self, count: u32, width: u64) -> Result<()> {
        if u64::from(count) * width > self.remaining() as u64 {
            return Err(self.truncated());
        }
        Ok(())
    }

    #[inline]
    fn enter(&mut self, start: usize) -> Result<()> {
        if self.depth >= self.max_depth {
            return Err(self.too_deep(start));
        }
        self.depth += 1;
        Ok(())
    }

    #[inline]
    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Reads an integer of any family, or fails naming `expected`.
    #[inline(always)]
    fn int(&mut self, expected: &'static str) -> Result<Int> {
        let start = self.pos;
        let m = self.byte()?;
        Ok(match m {
            0x00..=0x7f => Int::U(u64::from(m)),
            0xe0..=0xff => Int::I(i64::from(m as i8)),
            marker::U8 => Int::U(u64::from(self.byte()?)),
            marker::U16 => Int::U(u64::from(self.u16()?)),
            marker::U32 => Int::U(u64::from(self.u32()?)),
            marker::U64 => Int::U(self.u64()?),
            marker::I8 => signed(i64::from(self.byte()? as i8)),
            marker::I16 => signed(i64::from(self.array().map(i16::from_be_bytes)?)),
            marker::I32 => signed(i64::from(self.array().map(i32::from_be_bytes)?)),
            marker::I64 => signed(self.array().map(i64::from_be_bytes)?),
            _ => return Err(self.mismatch(start, expected)),
        })
    }

    /// Reads a `bin` header and answers the length that follows.
    #[inline]
    fn bin_len(&mut self, start: usize, expected: &'static str) -> Result<usize> {
        Ok(match self.byte()? {
            marker::BIN8 => usize::from(self.byte()?),
            marker::BIN16 => usize::from(self.u16()?),
            marker::BIN32 => self.u32()? as usize,
            _ => return Err(self.mismatch(start, expected)),
        })
    }

    /// Reads a `bin` value of exactly 16 bytes: a 128-bit integer as rmp-serde writes it.
    #[inline(never)]
    fn int128_bytes(&mut self, start: usize) -> Result<[u8; 16]> {
        let len = self.bin_len(start, "int")?;
        let data = self.take(len)?;
        data.try_into().map_err(|_| {
            self.pos = start;
            Error::invalid("Expected `bytes` of length 16 for a 128-bit `int`".to_owned())
        })
    }

    /// Reads a `str` value's bytes, without checking them.
    #[inline(always)]
    fn str_bytes(&mut self) -> Result<&'de [u8]> {
        match self.input.get(self.pos) {
            // Short strings (field names, most values) first.
            Some(&m) if m & 0xe0 == marker::FIXSTR => {
                self.pos += 1;
                self.take(usize::from(m & 0x1f))
            }
            _ => self.long_str_bytes(),
        }
    }

    /// `str_bytes` with `str 8` also inline: for values, where strings of 32
    /// to 255 bytes are common.
    #[inline(always)]
    fn value_str_bytes(&mut self) -> Result<&'de [u8]> {
        match self.input.get(self.pos) {
            Some(&m) if m & 0xe0 == marker::FIXSTR => {
                self.pos += 1;
                self.take(usize::from(m & 0x1f))
            }
            Some(&marker::STR8) => match self.input.get(self.pos + 1) {
                Some(&len) => {
                    self.pos += 2;
                    self.take(usize::from(len))
                }
                None => Err(self.truncated()),
            },
            _ => self.long_str_bytes(),
        }
    }

    /// `str_bytes` for `str 8/16/32`, and the errors.
    #[inline(never)]
    fn long_str_bytes(&mut self) -> Result<&'de [u8]> {
        let start = self.pos;
        let len = match self.byte()? {
            marker::STR8 => usize::from(self.byte()?),
            marker::STR16 => usize::from(self.u16()?),
            marker::STR32 => self.u32()? as usize,
            _ => return Err(self.mismatch(start, "str")),
        };
        self.take(len)
    }

    #[inline(always)]
    fn str(&mut self) -> Result<&'de str> {
        let bytes = self.value_str_bytes()?;
        self.text(bytes)
    }

    /// The input after a `fixarray` header of exactly `len` (below 16)
    /// elements at the position, when one is there and nesting may go one
    /// level deeper: where the one-pass array readers start. They leave
    /// anything else, the depth error included, to the general path.
    #[inline(always)]
    fn small_fixarray(&self, len: usize) -> Option<&'de [u8]> {
        let header = u8::try_from(len).ok().filter(|&n| n < 16)?;
        let input: &'de [u8] = self.input;
        match input.get(self.pos..)? {
            [m, body @ ..] if *m == marker::FIXARRAY | header && self.depth < self.max_depth => {
                Some(body)
            }
            _ => None,
        }
    }

    /// Reads a `str` map key.
    #[inline(always)]
    fn key(&mut self) -> Result<&'de str> {
        let bytes = self.str_bytes()?;
        self.text(bytes)
    }

    /// `bytes`, the string just read (it ends at the position), as text.
    #[inline(always)]
    fn text(&self, bytes: &'de [u8]) -> Result<&'de str> {
        match crate::utf8::check(bytes) {
            Ok(s) => Ok(s),
            Err(at) => Err(self.invalid_utf8(self.pos - bytes.len() + at)),
        }
    }

    /// Reads an extension's header, answering its type and data length.
    #[inline]
    fn ext_header(&mut self, start: usize, expected: &'static str) -> Result<(i8, usize)> {
        let len = match self.byte()? {
            marker::FIXEXT1 => 1,
            marker::FIXEXT2 => 2,
            marker::FIXEXT4 => 4,
            marker::FIXEXT8 => 8,
            marker::FIXEXT16 => 16,
            marker::EXT8 => usize::from(self.byte()?),
            marker::EXT16 => usize::from(self.u16()?),
            marker::EXT32 => self.u32()? as usize,
            _ => return Err(self.mismatch(start, expected)),
        };
        let tag = self.byte()? as i8;
        Ok((tag, len))
    }

    /// Skips `count` whole values, one level deeper than the current one.
    fn skip_many(&mut self, start: usize, count: u64) -> Result<()> {
        self.enter(start)?;
        for _ in 0..count {
            self.skip_value()?;
        }
        self.leave();
        Ok(())
    }

    /// Reads an array or map header for `seq_begin`/`map_begin`: `fixed` is the
    /// fix form's high nibble, `m16` the 16-bit marker (the 32-bit one follows it),
    /// `width` the fewest bytes one element can take.
    #[inline(always)]
    fn container(&mut self, fixed: u8, m16: u8, width: u64, expected: &'static str) -> Result<u32> {
        let start = self.pos;
        let m = self.byte()?;
        let len = if m & 0xf0 == fixed {
            u32::from(m & 0x0f)
        } else {
            self.wide_container(start, m, m16, expected)?
        };
        self.check_count(len, width)?;
        self.enter(start)?;
        Ok(len)
    }

    /// The 16- and 32-bit forms of a container header, after its marker `m`.
    #[inline(never)]
    fn wide_container(
        &mut self,
        start: usize,
        m: u8,
        m16: u8,
        expected: &'static str,
    ) -> Result<u32> {
        if m == m16 {
            Ok(u32::from(self.u16()?))
        } else if m == m16 + 1 {
            self.u32()
        } else {
            Err(self.mismatch(start, expected))
        }
    }
}

/// A value read from a signed family: negative values stay signed, others read as unsigned.
#[inline]
fn signed(v: i64) -> Int {
    match u64::try_from(v) {
        Ok(u) => Int::U(u),
        Err(_) => Int::I(v),
    }
}

impl<'de> Decoder<'de> for MsgPackDecoder<'de> {
    type Seq = SeqReader;
    type Map = MapReader;
    type Checkpoint = Checkpoint;

    const HUMAN_READABLE: bool = false;

    #[inline]
    fn peek(&mut self) -> Result<Peek> {
        match self.input.get(self.pos) {
            Some(&m) => kind(m).ok_or_else(|| self.reserved(self.pos)),
            None => Err(self.truncated()),
        }
    }

    #[inline]
    fn decode_null(&mut self) -> Result<()> {
        let start = self.pos;
        match self.byte()? {
            marker::NIL => Ok(()),
            _ => Err(self.mismatch(start, "null")),
        }
    }

    #[inline]
    fn decode_option(&mut self) -> Result<bool> {
        match self.input.get(self.pos) {
            Some(&marker::NIL) => {
                self.pos += 1;
                Ok(false)
            }
            Some(_) => Ok(true),
            None => Err(self.truncated()),
        }
    }

    #[inline(always)]
    fn decode_bool(&mut self) -> Result<bool> {
        let start = self.pos;
        match self.byte()? {
            marker::FALSE => Ok(false),
            marker::TRUE => Ok(true),
            _ => Err(self.mismatch(start, "bool")),
        }
    }

    #[inline(always)]
    fn decode_i64(&mut self) -> Result<i64> {
        match self.int("int")? {
            Int::I(v) => Ok(v),
            Int::U(v) => i64::try_from(v).map_err(|_| Error::int_above(i64::MAX)),
        }
    }

    #[inline(always)]
    fn decode_u64(&mut self) -> Result<u64> {
        match self.int("int")? {
            Int::U(v) => Ok(v),
            Int::I(_) => Err(Error::int_below(0)),
        }
    }

    fn decode_i128(&mut self) -> Result<i128> {
        let start = self.pos;
        if let Some(Peek::Bytes) = self.input.get(start).and_then(|&m| kind(m)) {
            return Ok(i128::from_be_bytes(self.int128_bytes(start)?));
        }
        Ok(match self.int("int")? {
            Int::U(v) => i128::from(v),
            Int::I(v) => i128::from(v),
        })
    }

    fn decode_u128(&mut self) -> Result<u128> {
        let start = self.pos;
        if let Some(Peek::Bytes) = self.input.get(start).and_then(|&m| kind(m)) {
            return Ok(u128::from_be_bytes(self.int128_bytes(start)?));
        }
        match self.int("int")? {
            Int::U(v) => Ok(u128::from(v)),
            Int::I(_) => Err(Error::int_below(0)),
        }
    }

    #[inline(always)]
    #[allow(clippy::cast_precision_loss)]
    fn decode_f64(&mut self) -> Result<f64> {
        let start = self.pos;
        match self.input.get(start) {
            Some(&marker::F64) => {
                self.pos += 1;
                self.array().map(f64::from_be_bytes)
            }
            Some(&marker::F32) => {
                self.pos += 1;
                self.array().map(|b| f64::from(f32::from_be_bytes(b)))
            }
            // Integers convert, rounding to nearest as serde's f64 does.
            _ => match self.int("float")? {
                Int::U(v) => Ok(v as f64),
                Int::I(v) => Ok(v as f64),
            },
        }
    }

    #[inline]
    fn decode_f64_array<const N: usize>(&mut self) -> Result<Option<[f64; N]>> {
        // The common case in one pass: a fixarray of exactly N float 64s, as
        // every encoder writes a coordinate pair or a small vector. Anything
        // else, at the depth limit too, goes element by element, which
        // reports errors with their paths.
        let Some(body) = self.small_fixarray(N) else {
            return Ok(None);
        };
        let Some(bytes) = body.get(..9 * N) else {
            return Ok(None);
        };
        let mut out = [0.0; N];
        for (slot, item) in out.iter_mut().zip(bytes.chunks_exact(9)) {
            let (&m, be) = item.split_first().expect("chunks of nine");
            if m != marker::F64 {
                return Ok(None);
            }
            *slot = f64::from_be_bytes(be.try_into().expect("eight bytes"));
        }
        self.pos += 1 + bytes.len();
        Ok(Some(out))
    }

    #[inline]
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    fn decode_f32(&mut self) -> Result<f32> {
        let start = self.pos;
        match self.input.get(start) {
            Some(&marker::F32) => {
                self.pos += 1;
                self.array().map(f32::from_be_bytes)
            }
            Some(&marker::F64) => {
                self.pos += 1;
                self.array().map(|b| f64::from_be_bytes(b) as f32)
            }
            // Straight to f32, so the rounding happens once.
            _ => match self.int("float")? {
                Int::U(v) => Ok(v as f32),
                Int::I(v) => Ok(v as f32),
            },
        }
    }

    #[inline]
    fn decode_number(&mut self) -> Result<Number> {
        let start = self.pos;
        match self.input.get(start) {
            Some(&(marker::F32 | marker::F64)) => self.decode_f64().map(Number::F64),
            _ => Ok(match self.int("int")? {
                Int::U(v) => Number::U64(v),
                Int::I(v) => Number::I64(v),
            }),
        }
    }

    #[inline(always)]
    fn decode_str(&mut self) -> Result<Str<'de, '_>> {
        self.str().map(Str::Borrowed)
    }

    #[inline]
    fn decode_string(&mut self) -> Result<String> {
        // A short ASCII fixstr with sixteen bytes of input after its marker
        // is copied as a whole window and cut (see `utf8::short_ascii_string`).
        let start = self.pos;
        if let Some((&m, rest)) = self.input.get(start..).and_then(<[u8]>::split_first) {
            let len = usize::from(m & 0x1f);
            let short = if m & 0xe0 == marker::FIXSTR {
                crate::utf8::short_ascii_prefix(rest, len)
            } else {
                None
            };
            if let Some(text) = short {
                self.pos = start + 1 + len;
                return Ok(text);
            }
        }
        self.str().map(String::from)
    }

    #[inline]
    fn decode_bytes(&mut self) -> Result<Bytes<'de, '_>> {
        let start = self.pos;
        let len = self.bin_len(start, "bytes")?;
        self.take(len).map(Bytes::Borrowed)
    }

    #[inline]
    fn decode_shared_bytes(&mut self) -> Result<bytes::Bytes> {
        let start = self.pos;
        let len = self.bin_len(start, "bytes")?;
        let data = self.take(len)?;
        Ok(match self.shared {
            Some(shared) => shared.slice_ref(data),
            None => bytes::Bytes::copy_from_slice(data),
        })
    }

    fn decode_ext(&mut self) -> Result<(i8, Bytes<'de, '_>)> {
        let start = self.pos;
        let (tag, len) = self.ext_header(start, "ext")?;
        Ok((tag, Bytes::Borrowed(self.take(len)?)))
    }

    #[inline]
    fn decode_unit_struct(&mut self) -> Result<()> {
        // rmp-serde writes a unit struct as an empty array and reads nil too.
        let start = self.pos;
        match self.byte()? {
            marker::NIL | marker::FIXARRAY => Ok(()),
            _ => Err(self.mismatch(start, "null")),
        }
    }

    #[inline]
    fn seq_begin(&mut self) -> Result<SeqReader> {
        let left = self.container(marker::FIXARRAY, marker::ARRAY16, 1, "array")?;
        Ok(SeqReader { left })
    }

    #[inline(always)]
    fn seq_empty(&mut self) -> bool {
        let empty =
            self.input.get(self.pos) == Some(&marker::FIXARRAY) && self.depth < self.max_depth;
        self.pos += usize::from(empty);
        empty
    }

    #[inline(always)]
    fn seq_next(&mut self, seq: &mut SeqReader) -> Result<bool> {
        if seq.left == 0 {
            self.leave();
            Ok(false)
        } else {
            seq.left -= 1;
            Ok(true)
        }
    }

    #[inline]
    fn reserve_ahead(&mut self, hint: Option<usize>, size: usize) -> usize {
        self.budget.draw(hint, size)
    }

    #[inline]
    fn seq_remaining(&self, seq: &SeqReader) -> Option<usize> {
        // Checked against the remaining input in `seq_begin`.
        Some(seq.left as usize)
    }

    #[inline]
    fn map_begin(&mut self) -> Result<MapReader> {
        let left = self.container(marker::FIXMAP, marker::MAP16, 2, "object")?;
        Ok(MapReader { left })
    }

    #[inline(always)]
    fn map_next_key(&mut self, map: &mut MapReader) -> Result<Option<Str<'de, '_>>> {
        if !self.map_next_entry(map)? {
            return Ok(None);
        }
        self.key().map(|s| Some(Str::Borrowed(s)))
    }

    /// Compares the input with `expected` as a `fixstr` (marker and bytes in
    /// one comparison of a length known at compile time) before reading a
    /// key: no UTF-8 check, since the name is text. Any other key is read
    /// in full, and may still be the expected one.
    #[inline(always)]
    fn map_next_field(
        &mut self,
        map: &mut MapReader,
        expected: FieldName,
    ) -> Result<FieldKey<'de, '_>> {
        if !self.map_next_entry(map)? {
            return Ok(FieldKey::End);
        }
        let name = expected.as_str().as_bytes();
        if let Ok(short) = u8::try_from(name.len())
            && short < 32
            && let Some(ahead) = self.input.get(self.pos..)
            && let Some([m, rest @ ..]) = ahead.get(..1 + name.len())
            && *m == marker::FIXSTR | short
            && rest == name
        {
            self.pos += 1 + name.len();
            return Ok(FieldKey::Expected);
        }
        // A name of 32 bytes or more (a `str 8`), or a key written in a wider
        // form than it needs, is read and then compared.
        let key = self.key()?;
        Ok(FieldKey::read(Str::Borrowed(key), expected))
    }

    /// A `fixarray` of `N` positive fixints or `uint 8`s, read in one loop
    /// with no per-element call, when the input has room after the header
    /// for every element in its wider form: then no element needs a bounds
    /// check of its own, and which form each takes is chosen without a
    /// branch (in an address, whether a byte is above 127 is a coin toss
    /// that a branch would mispredict half the time). Anything else, an
    /// array at the very end of the input included, is left to the general
    /// path, which also reports the errors.
    #[inline]
    fn decode_u8_array<const N: usize>(&mut self) -> Result<Option<[u8; N]>> {
        let Some(window) = self.small_fixarray(N).and_then(|body| body.get(..2 * N)) else {
            return Ok(None);
        };
        let mut out = [0; N];
        let mut at = 0;
        let mut bad = 0;
        for slot in &mut out {
            let (m, next) = (window[at], window[at + 1]);
            let wide = m >> 7;
            bad |= wide & u8::from(m != marker::U8);
            *slot = m ^ ((m ^ next) & 0u8.wrapping_sub(wide));
            at += 1 + usize::from(wide);
        }
        if bad != 0 {
            return Ok(None);
        }
        self.pos += 1 + at;
        Ok(Some(out))
    }

    #[inline(always)]
    fn map_next_entry(&mut self, map: &mut MapReader) -> Result<bool> {
        if map.left == 0 {
            self.leave();
            Ok(false)
        } else {
            map.left -= 1;
            Ok(true)
        }
    }

    #[inline]
    fn decode_key<K: MapKey<'de>>(&mut self) -> Result<K> {
        // MessagePack keys are values: an integer key is an integer.
        K::decode(self)
    }

    #[inline]
    fn map_remaining(&self, map: &MapReader) -> Option<usize> {
        Some(map.left as usize)
    }

    fn skip_value(&mut self) -> Result<()> {
        crate::__private::counters::skipped_one();
        let start = self.pos;
        let m = self.byte()?;
        let len = match m {
            0x00..=0x7f | 0xe0..=0xff | marker::NIL | marker::FALSE | marker::TRUE => 0,
            marker::U8 | marker::I8 => 1,
            marker::U16 | marker::I16 => 2,
            marker::U32 | marker::I32 | marker::F32 => 4,
            marker::U64 | marker::I64 | marker::F64 => 8,
            0xa0..=0xbf => usize::from(m & 0x1f),
            marker::STR8 | marker::BIN8 => usize::from(self.byte()?),
            marker::STR16 | marker::BIN16 => usize::from(self.u16()?),
            marker::STR32 | marker::BIN32 => self.u32()? as usize,
            marker::FIXEXT1..=marker::FIXEXT16 | marker::EXT8..=marker::EXT32 => {
                self.pos = start;
                self.ext_header(start, "ext")?.1
            }
            0x90..=0x9f
            | marker::ARRAY16
            | marker::ARRAY32
            | 0x80..=0x8f
            | marker::MAP16
            | marker::MAP32 => {
                let (count, width) = match m {
                    0x90..=0x9f => (u32::from(m & 0x0f), 1),
                    0x80..=0x8f => (u32::from(m & 0x0f), 2),
                    marker::ARRAY16 => (u32::from(self.u16()?), 1),
                    marker::MAP16 => (u32::from(self.u16()?), 2),
                    marker::ARRAY32 => (self.u32()?, 1),
                    _ => (self.u32()?, 2),
                };
                if let Some(end) = self.skips.end_of(start) {
                    self.pos = end;
                    return Ok(());
                }
                self.check_count(count, width)?;
                self.skip_many(start, u64::from(count) * width)?;
                self.skips.skipped(start, self.pos);
                return Ok(());
            }
            _ => return Err(self.reserved(start)),
        };
        self.take(len).map(|_| ())
    }

    #[inline]
    fn decode_nested<T: Decode<'de>>(&mut self) -> Result<T> {
        if self.pos != self.nested_at {
            self.nested_at = self.pos;
            return T::decode(self);
        }
        if self.depth >= self.max_depth {
            return Err(self.too_deep(self.pos));
        }
        self.depth += 1;
        let value = T::decode(self);
        self.depth -= 1;
        value
    }

    #[inline]
    fn skip_scanned(&mut self) -> Result<()> {
        Skips::scanning(self, |d| &mut d.skips, Self::skip_value)
    }

    #[inline]
    fn attempt_failed(&self, at: &Checkpoint, ty: &'static str, variant: u32) -> bool {
        self.attempts.failed(at.pos, ty, variant)
    }

    #[inline]
    fn attempt_fails(&mut self, at: &Checkpoint, ty: &'static str, variant: u32) {
        self.attempts.fail(at.pos, self.pos, ty, variant);
    }

    #[inline]
    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pos: self.pos,
            depth: self.depth,
        }
    }

    #[inline]
    fn restore(&mut self, checkpoint: Checkpoint) {
        self.pos = checkpoint.pos;
        self.depth = checkpoint.depth;
    }

    #[cold]
    fn locate(&self, err: Error) -> Error {
        err.at_offset(self.pos)
    }
}

/// Decodes one value of `T` from `decoder`, then checks nothing follows.
pub(crate) fn decode_all<'de, T: Decode<'de>>(mut decoder: MsgPackDecoder<'de>) -> Result<T> {
    let value = T::decode(&mut decoder)?;
    decoder.end()?;
    Ok(value)
}
