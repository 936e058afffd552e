//! The JSON decoder: a [`Decoder`] over a byte slice.
//!
//! Every read skips whitespace, looks at one byte to see what comes next, and
//! either handles it on a short inline path or hands it to a `#[cold]` function
//! that works out the precise error. The ends of strings are found by
//! `string::find_special`, which looks at eight bytes at a time; it is the one
//! place a SIMD scanner would go.

use crate::decode::{Bytes, Decode, Decoder, FieldKey, FieldName, MapKey, Number, Peek, Str};
use crate::error::{Error, Format, Result};
use crate::memo::{Attempts, Skips};

use super::number::{self, Broken};

mod string;

/// The nesting depth [`JsonDecoder`] allows unless told otherwise.
pub const DEFAULT_MAX_DEPTH: u32 = 128;

/// Decodes JSON from a byte slice, checking RFC 8259 as it reads.
///
/// Most code calls [`from_slice`](super::from_slice) or [`from_str`](super::from_str);
/// build a decoder directly to change the nesting limit, or to read a value
/// and then check the rest of the input yourself.
///
/// # Examples
///
/// ```
/// use zerospec::{Decode, Value};
/// use zerospec::json::JsonDecoder;
///
/// let mut decoder = JsonDecoder::new(b"[[[1]]]").with_max_depth(2);
/// let err = Value::decode(&mut decoder).unwrap_err();
/// assert_eq!(err.to_string(), "JSON is malformed: nesting deeper than 2 (byte 2)");
///
/// let mut decoder = JsonDecoder::new(b" [1, 2] ");
/// let value = Value::decode(&mut decoder)?;
/// decoder.end()?;
/// assert_eq!(value, Value::from(vec![Value::from(1), Value::from(2)]));
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct JsonDecoder<'de> {
    input: &'de [u8],
    /// The same input as text, when it is valid UTF-8 (checked once, up front):
    /// strings are then sliced from it with no further check.
    text: Option<&'de str>,
    pos: usize,
    /// Unescaped strings are built here; a `Str::Transient` borrows it.
    scratch: String,
    /// Unescaped binary data (`decode_bytes`) is built here.
    raw: Vec<u8>,
    depth: u32,
    max_depth: u32,
    /// The untagged attempts that failed, by position.
    attempts: Attempts,
    /// Where skipped containers end, once a late tag was looked for.
    skips: Skips,
    /// Where the last owning pointer began (`Decoder::decode_nested`).
    nested_at: usize,
}

/// State of an array being read by [`JsonDecoder`]: whether a comma is due.
///
/// # Examples
///
/// ```
/// use zerospec::Decoder;
/// let mut decoder = zerospec::json::JsonDecoder::new(b"[7, 8]");
/// let mut seq: zerospec::json::DecodeSeq = decoder.seq_begin()?;
/// let mut sum = 0;
/// while decoder.seq_next(&mut seq)? {
///     sum += decoder.decode_u64()?;
/// }
/// assert_eq!(sum, 15);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug)]
pub struct DecodeSeq {
    first: bool,
}

/// State of an object being read by [`JsonDecoder`]: whether a comma is due.
///
/// # Examples
///
/// ```
/// use zerospec::Decoder;
/// let mut decoder = zerospec::json::JsonDecoder::new(br#"{"a": 1, "b": 2}"#);
/// let mut map: zerospec::json::DecodeMap = decoder.map_begin()?;
/// let mut keys = String::new();
/// while let Some(key) = decoder.map_next_key(&mut map)? {
///     keys.push_str(&key);
///     decoder.skip_value()?;
/// }
/// assert_eq!(keys, "ab");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug)]
pub struct DecodeMap {
    first: bool,
}

/// A position in the input saved by [`Decoder::checkpoint`], to try one reading
/// of a value and fall back to another.
///
/// # Examples
///
/// ```
/// use zerospec::Decoder;
/// let mut decoder = zerospec::json::JsonDecoder::new(b"\"7\"");
/// let mark: zerospec::json::DecodeCheckpoint = decoder.checkpoint();
/// assert!(decoder.decode_u64().is_err());
/// decoder.restore(mark);
/// assert_eq!(&*decoder.decode_str()?, "7");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DecodeCheckpoint {
    pos: usize,
    depth: u32,
}

/// Where a scanned string's contents are.
#[derive(Clone, Copy)]
enum Span {
    /// In the input, `start..end`, with no escapes.
    Input(usize, usize),
    /// Unescaped, in the scratch string.
    Scratch,
}

impl<'de> JsonDecoder<'de> {
    /// Makes a decoder over `input`, which must be UTF-8.
    ///
    /// The whole input is checked once here, which is cheaper than checking
    /// string by string; input that fails still decodes up to its first bad
    /// byte, with strings checked one by one, so errors come in input order.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::{Decode, Value};
    /// let mut decoder = zerospec::json::JsonDecoder::new(b"true");
    /// assert_eq!(Value::decode(&mut decoder)?, Value::Bool(true));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn new(input: &'de [u8]) -> Self {
        JsonDecoder {
            input,
            text: crate::utf8::as_str_outlined(input),
            pos: 0,
            scratch: String::new(),
            raw: Vec::new(),
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
            nested_at: usize::MAX,
            attempts: Attempts::default(),
            skips: Skips::default(),
        }
    }

    /// Makes a decoder over text, which is known to be UTF-8 and so needs no check.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::{Decode, Value};
    /// let mut decoder = zerospec::json::JsonDecoder::from_text(r#""héllo""#);
    /// assert_eq!(Value::decode(&mut decoder)?, Value::from("héllo"));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn from_text(input: &'de str) -> Self {
        let mut decoder = JsonDecoder::new(input.as_bytes());
        decoder.text = Some(input);
        decoder
    }

    /// Sets how deep arrays and objects may nest (128 unless set); deeper input is
    /// an error of kind [`ErrorKind::Depth`](crate::ErrorKind::Depth).
    ///
    /// Decoding recurses once per level, so a very large limit gives up the
    /// protection against stack overflow that the limit exists for.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::{Decode, Value};
    /// let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    /// let mut decoder = zerospec::json::JsonDecoder::new(deep.as_bytes()).with_max_depth(256);
    /// assert!(Value::decode(&mut decoder).is_ok());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The offset of the next byte to read.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::{Decode, Value};
    /// let mut decoder = zerospec::json::JsonDecoder::new(b"null, 1");
    /// Value::decode(&mut decoder)?;
    /// assert_eq!(decoder.position(), 4);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Checks that only whitespace is left, as [`from_slice`](super::from_slice)
    /// does after the value.
    ///
    /// # Errors
    ///
    /// `trailing characters` at the first byte that is not whitespace.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::{Decode, Value};
    /// let mut decoder = zerospec::json::JsonDecoder::new(b"1 2");
    /// Value::decode(&mut decoder)?;
    /// let err = decoder.end().unwrap_err();
    /// assert_eq!(err.to_string(), "JSON is malformed: trailing characters (byte 2)");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn end(&mut self) -> Result<()> {
        match self.skip_ws() {
            None => Ok(()),
            Some(_) => Err(self.syntax_here("trailing characters")),
        }
    }

    // ----- bytes and whitespace -----

    /// Skips whitespace and answers the next byte without consuming it.
    #[inline(always)]
    fn skip_ws(&mut self) -> Option<u8> {
        match self.input.get(self.pos) {
            Some(&b) if !is_ws(b) => Some(b),
            _ => self.skip_ws_run(),
        }
    }

    /// The rest of [`Self::skip_ws`]: pretty-printed input indents with a line
    /// feed and a run of spaces, which this passes eight at a time.
    #[inline(never)]
    fn skip_ws_run(&mut self) -> Option<u8> {
        const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
        let input = self.input;
        let mut pos = self.pos;
        loop {
            match input.get(pos) {
                Some(&b) if is_ws(b) => pos += 1,
                byte => {
                    self.pos = pos;
                    return byte.copied();
                }
            }
            while let Some(chunk) = input.get(pos..pos + 8) {
                let not_space = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ SPACES;
                if not_space != 0 {
                    pos += (not_space.trailing_zeros() / 8) as usize;
                    break;
                }
                pos += 8;
            }
        }
    }

    // ----- errors -----

    #[cold]
    #[inline(never)]
    fn syntax(&self, message: &'static str, offset: usize) -> Error {
        Error::syntax(Format::Json, message, self.input, offset)
    }

    #[cold]
    #[inline(never)]
    fn syntax_here(&self, message: &'static str) -> Error {
        self.syntax(message, self.pos)
    }

    #[cold]
    #[inline(never)]
    fn eof(&self, message: &'static str) -> Error {
        self.syntax(message, self.input.len())
    }

    /// The kind of value that starts with `byte` at the current position.
    #[inline]
    fn kind_of(&self, byte: Option<u8>) -> Result<Peek> {
        match byte {
            Some(b'"') => Ok(Peek::Str),
            Some(b'-' | b'0'..=b'9') => Ok(Peek::Int),
            Some(b'{') => Ok(Peek::Map),
            Some(b'[') => Ok(Peek::Seq),
            Some(b't' | b'f') => Ok(Peek::Bool),
            Some(b'n') => Ok(Peek::Null),
            Some(_) => Err(self.syntax_here("expected value")),
            None => Err(self.eof("EOF while parsing a value")),
        }
    }

    /// The error for a value of another kind than `expected` at the current
    /// position (after whitespace), or the syntax error if no value starts there.
    #[cold]
    #[inline(never)]
    fn mismatch(&self, expected: &'static str) -> Error {
        let found = match self.kind_of(self.input.get(self.pos).copied()) {
            Ok(found) => found,
            Err(err) => return err,
        };
        // A malformed token is a syntax error, whatever was expected: `nope` is not `null`.
        let literal: &[u8] = match self.input.get(self.pos) {
            Some(b'n') => b"null",
            Some(b't') => b"true",
            Some(b'f') => b"false",
            _ => b"",
        };
        if !literal.is_empty()
            && self.input.get(self.pos..self.pos + literal.len()) != Some(literal)
        {
            return self.literal_error(literal);
        }
        if found == Peek::Int
            && let Err((message, offset)) = number::scan(self.input, self.pos)
        {
            return self.syntax(message, offset);
        }
        Error::unexpected(expected, found.name()).at_offset(self.pos)
    }

    #[cold]
    #[inline(never)]
    fn literal_error(&self, literal: &[u8]) -> Error {
        for (k, &expected) in literal.iter().enumerate() {
            match self.input.get(self.pos + k) {
                None => return self.eof("EOF while parsing a value"),
                // Pointed at the start of the word, which is what is wrong.
                Some(&b) if b != expected => return self.syntax_here("invalid literal"),
                Some(_) => {}
            }
        }
        self.syntax_here("invalid literal")
    }

    #[cold]
    #[inline(never)]
    fn utf8_error(&self, start: usize, end: usize) -> Error {
        self.syntax(
            "invalid UTF-8",
            string::utf8_error_offset(self.input, start, end),
        )
    }

    #[cold]
    #[inline(never)]
    fn depth_error(&self) -> Error {
        Error::depth(Format::Json, self.max_depth, self.input, self.pos)
    }

    // ----- literals -----

    #[inline(always)]
    fn literal(&mut self, literal: &'static [u8]) -> Result<()> {
        if self.input.get(self.pos..self.pos + literal.len()) == Some(literal) {
            self.pos += literal.len();
            Ok(())
        } else {
            Err(self.literal_error(literal))
        }
    }

    // ----- numbers -----

    /// Scans the number at the current position and moves past it.
    #[inline]
    fn scan_number(&mut self) -> Result<number::Scanned> {
        match number::scan(self.input, self.pos) {
            Ok(scanned) => {
                self.pos = scanned.end;
                Ok(scanned)
            }
            Err((message, offset)) => Err(self.syntax(message, offset)),
        }
    }

    /// Reads an integer in `min..=max` in full generality: any sign, any length,
    /// with the precise error for floats and out-of-range values. Answers the
    /// sign and the magnitude.
    #[inline(never)]
    fn integer(&mut self, min: i128, max: u128) -> Result<(bool, u128)> {
        match self.skip_ws() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.mismatch("int")),
        }
        let start = self.pos;
        let scanned = self.scan_number()?;
        if scanned.is_float {
            return Err(Error::unexpected("int", "float").at_offset(start));
        }
        match number::magnitude(self.input, &scanned) {
            Some(m) if scanned.negative && m > min.unsigned_abs() => {}
            Some(m) if !scanned.negative && m > max => {}
            Some(m) => return Ok((scanned.negative, m)),
            None => {}
        }
        Err(out_of_range(scanned.negative, min, max).at_offset(start))
    }

    /// The tight pass of [`Decoder::decode_f64_array`]: `[` then `N` numbers
    /// separated by commas then `]`, whitespace allowed between; `None`, with
    /// the position somewhere inside, on anything else.
    #[inline]
    fn f64_array<const N: usize>(&mut self) -> Option<[f64; N]> {
        // The array is one level deeper; at the limit, let the slow path say so.
        if self.skip_ws() != Some(b'[') || self.depth >= self.max_depth {
            return None;
        }
        let input = self.input;
        // A local position stays in a register; whitespace is rare here, so
        // its run is left to `skip_ws` through `self.pos`.
        let mut pos = self.pos + 1;
        let next = |pos: &mut usize, this: &mut Self| match input.get(*pos) {
            Some(&b) if !is_ws(b) => Some(b),
            _ => {
                this.pos = *pos;
                let b = this.skip_ws();
                *pos = this.pos;
                b
            }
        };
        let mut out = [0.0; N];
        for (index, slot) in out.iter_mut().enumerate() {
            if index > 0 {
                if next(&mut pos, self) != Some(b',') {
                    return None;
                }
                pos += 1;
            }
            // Whitespace before the number is passed here; anything else
            // that is not a number, `parse_f64` refuses.
            next(&mut pos, self)?;
            let (value, end) = number::parse_f64(input, pos).ok()?;
            *slot = value;
            pos = end;
        }
        if next(&mut pos, self) != Some(b']') {
            return None;
        }
        self.pos = pos + 1;
        Some(out)
    }

    #[inline]
    fn float(&mut self) -> Result<f64> {
        match number::parse_f64(self.input, self.pos) {
            Ok((value, end)) => {
                self.pos = end;
                Ok(value)
            }
            Err((message, offset)) => Err(self.syntax(message, offset)),
        }
    }

    // ----- strings -----

    /// Reads a string's contents; the position is just past the opening quote.
    #[inline]
    fn scan_str(&mut self) -> Result<Span> {
        let start = self.pos;
        let end = string::find_special(self.input, start);
        if self.input.get(end) == Some(&b'"') {
            self.pos = end + 1;
            Ok(Span::Input(start, end))
        } else {
            self.scan_escaped(start, end)
        }
    }

    /// The rest of [`Self::scan_str`] once it met something other than the
    /// closing quote at `i`: unescapes into the scratch string.
    #[inline(never)]
    fn scan_escaped(&mut self, start: usize, i: usize) -> Result<Span> {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let result = string::unescape(self.input, self.text, start, i, &mut scratch);
        self.scratch = scratch;
        match result {
            Ok(end) => {
                self.pos = end;
                Ok(Span::Scratch)
            }
            Err((message, offset)) => Err(self.syntax(message, offset)),
        }
    }

    /// The text of a scanned string, checked as UTF-8 unless the input was `&str`.
    #[inline]
    fn span_str(&self, span: Span) -> Result<Str<'de, '_>> {
        match span {
            Span::Input(start, end) => {
                let checked = match self.text {
                    Some(text) => text.get(start..end),
                    None => {
                        let input: &'de [u8] = self.input;
                        crate::utf8::as_str_outlined(&input[start..end])
                    }
                };
                match checked {
                    Some(s) => Ok(Str::Borrowed(s)),
                    None => Err(self.utf8_error(start, end)),
                }
            }
            // Checked run by run as it was copied.
            Span::Scratch => Ok(Str::Transient(&self.scratch)),
        }
    }

    /// Reads an object key up to and including its `:`; the position is at the
    /// key (after whitespace).
    #[inline]
    fn key_span(&mut self) -> Result<Span> {
        match self.input.get(self.pos) {
            Some(b'"') => self.pos += 1,
            Some(_) => return Err(self.syntax_here("key must be a string")),
            None => return Err(self.eof("EOF while parsing an object")),
        }
        let span = self.scan_str()?;
        self.key_colon()?;
        Ok(span)
    }

    /// Reads the `:` after a key, and the one space pretty printers write
    /// after it.
    #[inline(always)]
    fn key_colon(&mut self) -> Result<()> {
        match self.skip_ws() {
            Some(b':') => {
                self.pos += 1;
                // Pretty printers write `": "`; passing that one space here
                // spares the value's read a call to `skip_ws_run`.
                if self.input.get(self.pos) == Some(&b' ') {
                    self.pos += 1;
                }
                Ok(())
            }
            Some(_) => Err(self.syntax_here("expected `:`")),
            None => Err(self.eof("EOF while parsing an object")),
        }
    }

    // ----- containers -----

    #[inline(always)]
    fn enter(&mut self) -> Result<()> {
        if self.depth >= self.max_depth {
            return Err(self.depth_error());
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    #[inline(always)]
    fn leave(&mut self) {
        self.depth -= 1;
        self.pos += 1;
    }
}

/// RFC 8259 whitespace: space, tab, line feed, carriage return.
#[inline(always)]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r')
}

#[cold]
#[inline(never)]
fn out_of_range(negative: bool, min: i128, max: u128) -> Error {
    if negative {
        Error::int_below(min)
    } else {
        Error::int_above(max)
    }
}

impl<'de> Decoder<'de> for JsonDecoder<'de> {
    type Seq = DecodeSeq;
    type Map = DecodeMap;
    type Checkpoint = DecodeCheckpoint;

    #[inline]
    fn peek(&mut self) -> Result<Peek> {
        let byte = self.skip_ws();
        self.kind_of(byte)
    }

    #[inline]
    fn decode_null(&mut self) -> Result<()> {
        match self.skip_ws() {
            Some(b'n') => self.literal(b"null"),
            _ => Err(self.mismatch("null")),
        }
    }

    #[inline]
    fn decode_option(&mut self) -> Result<bool> {
        match self.skip_ws() {
            Some(b'n') => self.literal(b"null").map(|()| false),
            _ => Ok(true),
        }
    }

    #[inline]
    fn decode_bool(&mut self) -> Result<bool> {
        match self.skip_ws() {
            Some(b't') => self.literal(b"true").map(|()| true),
            Some(b'f') => self.literal(b"false").map(|()| false),
            _ => Err(self.mismatch("bool")),
        }
    }

    #[inline]
    fn decode_i64(&mut self) -> Result<i64> {
        let negative = match self.skip_ws() {
            Some(b'-') => true,
            Some(b'0'..=b'9') => false,
            _ => return Err(self.mismatch("int")),
        };
        let start = self.pos + usize::from(negative);
        let (value, end) = number::parse_digits(self.input, start);
        let len = end - start;
        // Up to 18 digits cannot overflow i64; anything else takes the general path.
        if (1..=18).contains(&len)
            && (len == 1 || self.input[start] != b'0')
            && !number::continues_as_float(self.input, end)
        {
            self.pos = end;
            #[allow(clippy::cast_possible_wrap)]
            let value = value as i64;
            return Ok(if negative { -value } else { value });
        }
        let (negative, magnitude) =
            self.integer(i64::MIN.into(), i64::MAX.unsigned_abs().into())?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        let value = magnitude as i64;
        Ok(if negative {
            value.wrapping_neg()
        } else {
            value
        })
    }

    #[inline]
    fn decode_u64(&mut self) -> Result<u64> {
        if let Some(b'0'..=b'9') = self.skip_ws() {
            let start = self.pos;
            let (value, end) = number::parse_digits(self.input, start);
            let len = end - start;
            // Up to 19 digits cannot overflow u64.
            if len <= 19
                && (len == 1 || self.input[start] != b'0')
                && !number::continues_as_float(self.input, end)
            {
                self.pos = end;
                return Ok(value);
            }
        }
        let (_, magnitude) = self.integer(0, u64::MAX.into())?;
        #[allow(clippy::cast_possible_truncation)]
        Ok(magnitude as u64)
    }

    fn decode_i128(&mut self) -> Result<i128> {
        let (negative, magnitude) = self.integer(i128::MIN, i128::MAX.unsigned_abs())?;
        #[allow(clippy::cast_possible_wrap)]
        let value = magnitude as i128;
        Ok(if negative {
            value.wrapping_neg()
        } else {
            value
        })
    }

    fn decode_u128(&mut self) -> Result<u128> {
        let (_, magnitude) = self.integer(0, u128::MAX)?;
        Ok(magnitude)
    }

    #[inline]
    fn decode_f64(&mut self) -> Result<f64> {
        match self.skip_ws() {
            Some(b'-' | b'0'..=b'9') => self.float(),
            _ => Err(self.mismatch("float")),
        }
    }

    #[inline]
    fn decode_f64_array<const N: usize>(&mut self) -> Result<Option<[f64; N]>> {
        let start = self.pos;
        let array = self.f64_array();
        if array.is_none() {
            // Anything unusual, errors included, is read again element by
            // element, which reports it with its path.
            self.pos = start;
        }
        Ok(array)
    }

    fn decode_f32(&mut self) -> Result<f32> {
        let start = self.pos;
        let wide = self.decode_f64()?;
        // Narrowing rounds to nearest; a finite number past f32's range would
        // become infinite, which the input did not say.
        #[allow(clippy::cast_possible_truncation)]
        let narrow = wide as f32;
        if narrow.is_infinite() {
            let at = start
                + self.input[start..]
                    .iter()
                    .take_while(|b| is_ws(**b))
                    .count();
            return Err(self.syntax("number out of range", at));
        }
        Ok(narrow)
    }

    fn decode_number(&mut self) -> Result<Number> {
        match self.skip_ws() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.mismatch("float")),
        }
        match number::parse_number(self.input, self.pos) {
            Ok((value, end)) => {
                self.pos = end;
                Ok(value)
            }
            Err((message, offset)) => Err(self.syntax(message, offset)),
        }
    }

    #[inline]
    fn decode_str(&mut self) -> Result<Str<'de, '_>> {
        if self.skip_ws() != Some(b'"') {
            return Err(self.mismatch("str"));
        }
        self.pos += 1;
        let span = self.scan_str()?;
        self.span_str(span)
    }

    fn decode_bytes(&mut self) -> Result<Bytes<'de, '_>> {
        if self.skip_ws() != Some(b'"') {
            return Err(self.mismatch("bytes"));
        }
        self.pos += 1;
        // A string's raw bytes, as serde_json reads `&[u8]`: no UTF-8 check.
        let start = self.pos;
        let stop = string::find_special(self.input, start);
        if self.input.get(stop) == Some(&b'"') {
            self.pos = stop + 1;
            let input: &'de [u8] = self.input;
            return Ok(Bytes::Borrowed(&input[start..stop]));
        }
        self.raw.clear();
        match string::unescape(self.input, self.text, start, stop, &mut self.raw) {
            Ok(end) => {
                self.pos = end;
                Ok(Bytes::Transient(&self.raw))
            }
            Err((message, offset)) => Err(self.syntax(message, offset)),
        }
    }

    #[inline]
    fn seq_begin(&mut self) -> Result<DecodeSeq> {
        if self.skip_ws() != Some(b'[') {
            return Err(self.mismatch("array"));
        }
        self.enter()?;
        Ok(DecodeSeq { first: true })
    }

    #[inline(always)]
    fn seq_empty(&mut self) -> bool {
        // `[]` only: `[ ]` is read as usual.
        let empty = self.skip_ws() == Some(b'[')
            && self.input.get(self.pos + 1) == Some(&b']')
            && self.depth < self.max_depth;
        self.pos += 2 * usize::from(empty);
        empty
    }

    #[inline(always)]
    fn seq_next(&mut self, seq: &mut DecodeSeq) -> Result<bool> {
        match self.skip_ws() {
            Some(b',') if !seq.first => {
                self.pos += 1;
                if self.skip_ws() == Some(b']') {
                    return Err(self.syntax_here("trailing comma in array"));
                }
                Ok(true)
            }
            Some(b']') => {
                self.leave();
                Ok(false)
            }
            None => Err(self.eof("EOF while parsing an array")),
            Some(_) if seq.first => {
                seq.first = false;
                Ok(true)
            }
            Some(_) => Err(self.syntax_here("expected `,` or `]`")),
        }
    }

    #[inline]
    fn map_begin(&mut self) -> Result<DecodeMap> {
        if self.skip_ws() != Some(b'{') {
            return Err(self.mismatch("object"));
        }
        self.enter()?;
        Ok(DecodeMap { first: true })
    }

    #[inline]
    fn map_next_key(&mut self, map: &mut DecodeMap) -> Result<Option<Str<'de, '_>>> {
        if self.map_next_entry(map)? {
            let span = self.key_span()?;
            self.span_str(span).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Compares the input with `"name"` in place before reading a key: a
    /// name with nothing JSON escapes has no other form, and the input is
    /// known to be UTF-8 already. Any other key is read in full, and may
    /// still be the expected one.
    #[inline(always)]
    fn map_next_field(
        &mut self,
        map: &mut DecodeMap,
        expected: FieldName,
    ) -> Result<FieldKey<'de, '_>> {
        if !self.map_next_entry(map)? {
            return Ok(FieldKey::End);
        }
        let name = expected.as_str().as_bytes();
        let start = self.pos;
        if expected.is_plain()
            && let Some([b'"', quoted @ .., b'"']) = self.input.get(start..start + name.len() + 2)
            && quoted == name
        {
            self.pos = start + name.len() + 2;
            self.key_colon()?;
            return Ok(FieldKey::Expected);
        }
        // An escaped key, or a name JSON would escape, is read and then
        // compared.
        let span = self.key_span()?;
        let key = self.span_str(span)?;
        Ok(FieldKey::read(key, expected))
    }

    #[inline]
    fn map_next_entry(&mut self, map: &mut DecodeMap) -> Result<bool> {
        match self.skip_ws() {
            Some(b',') if !map.first => {
                self.pos += 1;
                if self.skip_ws() == Some(b'}') {
                    return Err(self.syntax_here("trailing comma in object"));
                }
                Ok(true)
            }
            Some(b'}') => {
                self.leave();
                Ok(false)
            }
            None => Err(self.eof("EOF while parsing an object")),
            Some(_) if map.first => {
                map.first = false;
                Ok(true)
            }
            Some(_) => Err(self.syntax_here("expected `,` or `}`")),
        }
    }

    #[inline]
    fn decode_key<K: MapKey<'de>>(&mut self) -> Result<K> {
        self.skip_ws();
        let span = self.key_span()?;
        K::from_key_str(self.span_str(span)?)
    }

    fn skip_value(&mut self) -> Result<()> {
        crate::__private::counters::skipped_one();
        match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                let span = self.scan_str()?;
                if self.text.is_none() {
                    self.span_str(span)?;
                }
                Ok(())
            }
            Some(b'-' | b'0'..=b'9') => match number::scan(self.input, self.pos) {
                Ok(scanned) => {
                    self.pos = scanned.end;
                    Ok(())
                }
                Err((message, offset)) => Err(self.syntax(message, offset)),
            },
            Some(b'{' | b'[') if let Some(end) = self.skips.end_of(self.pos) => {
                self.pos = end;
                Ok(())
            }
            Some(b'{') => {
                let start = self.pos;
                let mut map = self.map_begin()?;
                while self.map_next_entry(&mut map)? {
                    let span = self.key_span()?;
                    if self.text.is_none() {
                        self.span_str(span)?;
                    }
                    self.skip_value()?;
                }
                self.skips.skipped(start, self.pos);
                Ok(())
            }
            Some(b'[') => {
                let start = self.pos;
                let mut seq = self.seq_begin()?;
                while self.seq_next(&mut seq)? {
                    self.skip_value()?;
                }
                self.skips.skipped(start, self.pos);
                Ok(())
            }
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            byte => self.kind_of(byte).map(|_| ()),
        }
    }

    #[inline]
    fn decode_nested<T: Decode<'de>>(&mut self) -> Result<T> {
        if self.pos != self.nested_at {
            self.nested_at = self.pos;
            return T::decode(self);
        }
        if self.depth >= self.max_depth {
            return Err(self.depth_error());
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
    fn attempt_failed(&self, at: &DecodeCheckpoint, ty: &'static str, variant: u32) -> bool {
        self.attempts.failed(at.pos, ty, variant)
    }

    #[inline]
    fn attempt_fails(&mut self, at: &DecodeCheckpoint, ty: &'static str, variant: u32) {
        self.attempts.fail(at.pos, self.pos, ty, variant);
    }

    #[inline]
    fn checkpoint(&self) -> DecodeCheckpoint {
        DecodeCheckpoint {
            pos: self.pos,
            depth: self.depth,
        }
    }

    #[inline]
    fn restore(&mut self, checkpoint: DecodeCheckpoint) {
        self.pos = checkpoint.pos;
        self.depth = checkpoint.depth;
    }

    #[cold]
    fn locate(&self, err: Error) -> Error {
        err.at_offset(self.pos)
    }
}
