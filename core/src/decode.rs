//! Decoding: the [`Decode`] trait types implement and the [`Decoder`] trait formats implement.
//!
//! Decoding is pull-based: a type's `decode` asks the decoder for exactly what it
//! expects next (`decode_u64`, `map_begin`, ...). The decoder checks the input
//! against that request as it reads, so a value is parsed and validated in one
//! pass, with no tree in between. Because every format decodes from a slice, a
//! decoder can also mark a position and return to it ([`Decoder::checkpoint`]),
//! which is how untagged enums and internally tagged enums whose tag comes late
//! are decoded without buffering.

use crate::error::{Error, Result};

/// A type that can be decoded from any zerospec format.
///
/// `'de` is the lifetime of the input: types such as `&'de str` borrow from it.
/// Derive it with `#[derive(zerospec::Decode)]`.
///
/// # Examples
///
/// ```
/// #[derive(zerospec::Decode, Debug, PartialEq)]
/// struct Point { x: i32, y: i32 }
///
/// let p: Point = zerospec::json::from_slice(br#"{"x": 1, "y": -2}"#)?;
/// assert_eq!(p, Point { x: 1, y: -2 });
/// # Ok::<_, zerospec::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be decoded by zerospec: it does not implement `zerospec::Decode`",
    label = "no `zerospec::Decode` impl",
    note = "if `{Self}` comes from chrono, time, jiff, uuid, rust_decimal, url, serde_json, indexmap, smallvec, arrayvec, smol_str, compact_str, semver or camino, enable zerospec's cargo feature of that name",
    note = "if `{Self}` implements serde's `Deserialize`, put `#[zerospec(serde)]` on the field to decode it through serde",
    note = "or name functions over zerospec's traits with `#[zerospec(with = \"module\")]`, or derive `zerospec::Decode` on your own type"
)]
pub trait Decode<'de>: Sized {
    /// In positional formats (the flat format), how many bytes this type takes
    /// inline in its parent's slot; `None` when it is written out of line,
    /// behind a 4-byte offset. It must equal the type's
    /// [`Encode::INLINE_SIZE`](crate::Encode::INLINE_SIZE).
    #[doc(hidden)]
    const INLINE_SIZE: Option<usize> = None;

    /// In positional formats, true when the type's inline slot holds all of
    /// it, so a run of values is read with [`Decode::decode_inline`]. Must
    /// equal [`Encode::INLINE_ONLY`](crate::Encode::INLINE_ONLY).
    #[doc(hidden)]
    const INLINE_ONLY: bool = false;

    /// Positional formats: reads a value from its slot, `bytes`, exactly
    /// `INLINE_SIZE` bytes long; the error says what is wrong with them.
    /// Called only when `INLINE_ONLY` is true.
    #[doc(hidden)]
    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        let _ = bytes;
        Err("this type has no inline form")
    }

    /// In positional formats, true when, on this target, a value's bytes in
    /// memory are exactly its inline slot (see `Encode::RAW_INLINE`) and
    /// every slot's bytes are a valid value that [`Decode::decode_inline`]
    /// accepts. Must equal `Encode::RAW_INLINE` where both are implemented.
    #[doc(hidden)]
    const RAW_INLINE: bool = false;

    /// Positional formats: the values whose slots are `bytes`, back to back,
    /// copied in one go, when `RAW_INLINE`; `None` (the default) reads them
    /// one by one with [`Decode::decode_inline`]. `bytes` holds whole slots.
    #[doc(hidden)]
    #[inline]
    fn raw_vec(bytes: &[u8]) -> Option<Vec<Self>> {
        let _ = bytes;
        None
    }

    /// Reads one value of this type from `decoder`.
    ///
    /// # Errors
    ///
    /// Fails when the input is malformed or holds something other than this type.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self>;

    /// Non-positional formats: reads a whole array of exactly `N` values of
    /// this type in one tight pass when the format has one for it (`f64` in
    /// JSON); `None` (the default), with nothing consumed, reads it element by element.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[doc(hidden)]
    #[inline]
    fn decode_array<D: Decoder<'de>, const N: usize>(decoder: &mut D) -> Result<Option<[Self; N]>> {
        let _ = decoder;
        Ok(None)
    }

    /// The value a struct field of this type takes when its key is absent.
    ///
    /// `Option<T>` answers `Some(None)`, as serde does; most types answer `None`,
    /// which makes the field required.
    #[doc(hidden)]
    #[inline]
    fn absent() -> Option<Self> {
        None
    }
}

/// A type decodable from input of any lifetime: the bound for owned decoding.
///
/// # Examples
///
/// ```
/// fn load<T: zerospec::DecodeOwned>(bytes: Vec<u8>) -> zerospec::Result<T> {
///     zerospec::json::from_slice(&bytes)
/// }
/// assert_eq!(load::<String>(b"\"hi\"".to_vec())?, "hi");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait DecodeOwned: for<'de> Decode<'de> {}
impl<T> DecodeOwned for T where T: for<'de> Decode<'de> {}

/// A string read from the input: borrowed from it for `'de`, or copied to the
/// decoder's scratch space (after unescaping) and valid only until the next read.
///
/// # Examples
///
/// ```
/// use zerospec::decode::Str;
/// let s: Str<'static, '_> = Str::Borrowed("plain");
/// assert_eq!(&*s, "plain");
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Str<'de, 's> {
    /// Borrowed from the input for its whole lifetime.
    Borrowed(&'de str),
    /// Held in the decoder's scratch buffer until the next call.
    Transient(&'s str),
}

impl std::ops::Deref for Str<'_, '_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        match *self {
            Str::Borrowed(s) | Str::Transient(s) => s,
        }
    }
}

/// Bytes read from the input: borrowed, or held in scratch space until the next read.
///
/// # Examples
///
/// ```
/// use zerospec::decode::Bytes;
/// let b: Bytes<'static, '_> = Bytes::Borrowed(b"\x01\x02");
/// assert_eq!(&*b, &[1, 2]);
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Bytes<'de, 's> {
    /// Borrowed from the input for its whole lifetime.
    Borrowed(&'de [u8]),
    /// Held in the decoder's scratch buffer until the next call.
    Transient(&'s [u8]),
}

impl std::ops::Deref for Bytes<'_, '_> {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        match *self {
            Bytes::Borrowed(s) | Bytes::Transient(s) => s,
        }
    }
}

/// A field's name as a struct expects it in [`Decoder::map_next_field`],
/// with what formats need to know about it worked out at compile time.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct FieldName {
    name: &'static str,
    plain: bool,
}

impl FieldName {
    /// The field `name`; meant for a `const`.
    #[must_use]
    pub const fn new(name: &'static str) -> Self {
        let bytes = name.as_bytes();
        let mut plain = true;
        let mut at = 0;
        while at < bytes.len() {
            let byte = bytes[at];
            if byte < 0x20 || byte == b'"' || byte == b'\\' {
                plain = false;
            }
            at += 1;
        }
        FieldName { name, plain }
    }

    /// The name.
    #[must_use]
    #[inline]
    pub const fn as_str(self) -> &'static str {
        self.name
    }

    /// True when the name holds no byte a JSON string would escape, so its
    /// bytes between quotes are its only JSON form.
    #[must_use]
    #[inline]
    pub const fn is_plain(self) -> bool {
        self.plain
    }
}

/// What [`Decoder::map_next_field`] found: the end of the map, the field it
/// expected, or some other key.
#[doc(hidden)]
#[derive(Debug)]
pub enum FieldKey<'de, 's> {
    /// The map has ended.
    End,
    /// The expected field's key, already consumed.
    Expected,
    /// The key of the field after the expected one, already consumed: the
    /// expected field was left out (only from [`Decoder::map_next_field_or`]).
    Following,
    /// Another key.
    Other(Str<'de, 's>),
}

impl<'de, 's> FieldKey<'de, 's> {
    /// The answer for `key`, read in full, when `expected` was asked for:
    /// what a format answers for a key it could not match in place (a long
    /// name, an escaped one, a wider form than needed), since it may still
    /// be the expected field.
    #[must_use]
    #[inline(always)]
    pub fn read(key: Str<'de, 's>, expected: FieldName) -> Self {
        if *key == *expected.as_str() {
            FieldKey::Expected
        } else {
            FieldKey::Other(key)
        }
    }
}

/// What kind of value comes next in the input, as [`Decoder::peek`] sees it.
///
/// # Examples
///
/// ```
/// use zerospec::decode::Peek;
/// assert_eq!(Peek::Map.name(), "object");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Peek {
    /// `null` / `nil`.
    Null,
    /// `true` or `false`.
    Bool,
    /// An integer (in a text format: a number; see [`Decoder::decode_number`]).
    Int,
    /// A float (binary formats only; JSON numbers peek as `Int`).
    Float,
    /// A string.
    Str,
    /// Binary data.
    Bytes,
    /// An array.
    Seq,
    /// A map or object.
    Map,
    /// A MessagePack extension.
    Ext,
}

impl Peek {
    /// The name of this kind in error messages, as msgspec words them.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Peek::Null => "null",
            Peek::Bool => "bool",
            Peek::Int => "int",
            Peek::Float => "float",
            Peek::Str => "str",
            Peek::Bytes => "bytes",
            Peek::Seq => "array",
            Peek::Map => "object",
            Peek::Ext => "ext",
        }
    }
}

/// A number as the input wrote it, for schemaless decoding.
///
/// # Examples
///
/// ```
/// use zerospec::decode::Number;
/// assert_eq!(Number::U64(3), Number::U64(3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// Anything with a fraction or exponent, or an integer outside 64 bits.
    F64(f64),
}

/// A source of values in one format: what a type's [`Decode::decode`] pulls from.
///
/// Implemented by each format (JSON, MessagePack, flat); user code rarely calls it
/// directly except in `#[zerospec(with = "...")]` modules and hand-written impls.
///
/// Containers are read with a begin call that returns a state, then `*_next`
/// calls until they answer `false`/`None`; the decoder consumes the closing
/// delimiter at that point and tracks nesting depth itself.
///
/// # Examples
///
/// A hand-written impl that reads a JSON array `[x, y]` into a pair:
///
/// ```
/// use zerospec::{Decode, Decoder, Error, Result};
///
/// struct Pair(u32, u32);
///
/// impl<'de> Decode<'de> for Pair {
///     fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
///         let mut seq = d.seq_begin()?;
///         let mut next = |d: &mut D| -> Result<u32> {
///             if !d.seq_next(&mut seq)? {
///                 return Err(Error::custom("expected two elements"));
///             }
///             u32::decode(d)
///         };
///         let (x, y) = (next(d)?, next(d)?);
///         if d.seq_next(&mut seq)? {
///             return Err(Error::custom("expected two elements"));
///         }
///         Ok(Pair(x, y))
///     }
/// }
///
/// let p: Pair = zerospec::json::from_slice(b"[3, 4]")?;
/// assert_eq!((p.0, p.1), (3, 4));
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait Decoder<'de> {
    /// State of an array being read.
    type Seq;
    /// State of a map being read.
    type Map;
    /// A saved position to return to.
    type Checkpoint: Copy;

    /// True for formats that lay struct fields out by position (the flat format):
    /// derived code then reads fields by index instead of by name.
    const POSITIONAL: bool = false;

    /// True for text formats meant for people (JSON); false for binary ones
    /// (MessagePack, flat): serde's `Deserializer::is_human_readable`, which
    /// the serde bridge answers with it. Must equal the format's
    /// [`Encoder::HUMAN_READABLE`](crate::Encoder::HUMAN_READABLE).
    const HUMAN_READABLE: bool = true;

    /// What kind of value comes next, without consuming it.
    ///
    /// # Errors
    ///
    /// Fails at the end of input or on a byte that starts no value.
    fn peek(&mut self) -> Result<Peek>;

    /// Reads `null` / `nil`.
    ///
    /// # Errors
    ///
    /// Fails if anything else comes next.
    fn decode_null(&mut self) -> Result<()>;

    /// Reads `null` if it comes next and answers `false`; otherwise consumes
    /// nothing and answers `true` (a present value follows).
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    fn decode_option(&mut self) -> Result<bool>;

    /// Reads the presence of an `Option<T>` as [`Decoder::decode_option`] does;
    /// positional formats also pass over the room `T` takes when it is absent.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[inline]
    fn decode_option_of<T: Decode<'de>>(&mut self) -> Result<bool>
    where
        Self: Sized,
    {
        self.decode_option()
    }

    /// Reads a boolean.
    ///
    /// # Errors
    ///
    /// Fails if something else comes next.
    fn decode_bool(&mut self) -> Result<bool>;

    /// Reads an integer that fits `i64`.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer, and on an integer outside `i64`.
    fn decode_i64(&mut self) -> Result<i64>;

    /// Reads an `i8`, range-checked; formats with fixed-width integers keep the width.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer or one outside `i8`.
    #[inline(always)]
    fn decode_i8(&mut self) -> Result<i8> {
        let wide = self.decode_i64()?;
        narrow(self, wide)
    }

    /// Reads an `i16`, range-checked.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer or one outside `i16`.
    #[inline(always)]
    fn decode_i16(&mut self) -> Result<i16> {
        let wide = self.decode_i64()?;
        narrow(self, wide)
    }

    /// Reads an `i32`, range-checked.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer or one outside `i32`.
    #[inline(always)]
    fn decode_i32(&mut self) -> Result<i32> {
        let wide = self.decode_i64()?;
        narrow(self, wide)
    }

    /// Reads a `u8`, range-checked.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer or one outside `u8`.
    #[inline(always)]
    fn decode_u8(&mut self) -> Result<u8> {
        let wide = self.decode_u64()?;
        narrow(self, wide)
    }

    /// Reads a `u16`, range-checked.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer or one outside `u16`.
    #[inline(always)]
    fn decode_u16(&mut self) -> Result<u16> {
        let wide = self.decode_u64()?;
        narrow(self, wide)
    }

    /// Reads a `u32`, range-checked.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer or one outside `u32`.
    #[inline(always)]
    fn decode_u32(&mut self) -> Result<u32> {
        let wide = self.decode_u64()?;
        narrow(self, wide)
    }

    /// Reads an integer that fits `u64`.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer, and on an integer outside `u64`.
    fn decode_u64(&mut self) -> Result<u64>;

    /// Reads an integer that fits `i128`.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer, and on an integer outside `i128`.
    fn decode_i128(&mut self) -> Result<i128>;

    /// Reads an integer that fits `u128`.
    ///
    /// # Errors
    ///
    /// Fails on a non-integer, and on an integer outside `u128`.
    fn decode_u128(&mut self) -> Result<u128>;

    /// Reads a number as an `f64`, integers included, correctly rounded.
    ///
    /// # Errors
    ///
    /// Fails on a non-number.
    fn decode_f64(&mut self) -> Result<f64>;

    /// Reads a number as an `f32`.
    ///
    /// # Errors
    ///
    /// Fails on a non-number.
    fn decode_f32(&mut self) -> Result<f32> {
        // As serde_json does: parse to f64, then narrow.
        #[allow(clippy::cast_possible_truncation)]
        self.decode_f64().map(|v| v as f32)
    }

    /// Reads any number, keeping integers exact, for schemaless values.
    ///
    /// # Errors
    ///
    /// Fails on a non-number.
    fn decode_number(&mut self) -> Result<Number>;

    /// Reads a `char`: a one-character string by default; positional formats
    /// read a Unicode scalar value.
    ///
    /// # Errors
    ///
    /// Fails on anything but exactly one character.
    #[inline]
    fn decode_char(&mut self) -> Result<char> {
        let text = self.decode_str()?;
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(self.locate(Error::invalid("Expected `str` of length 1".to_owned()))),
        }
    }

    /// Reads a string: borrowed from the input where the bytes allow, otherwise
    /// held in scratch space until the next call.
    ///
    /// # Errors
    ///
    /// Fails on a non-string or invalid UTF-8.
    fn decode_str(&mut self) -> Result<Str<'de, '_>>;

    /// Reads a string into an owned `String`: what `String`'s `decode`
    /// calls, so that a format can copy short strings its own way.
    ///
    /// # Errors
    ///
    /// As [`Decoder::decode_str`].
    #[doc(hidden)]
    #[inline]
    fn decode_string(&mut self) -> Result<String> {
        Ok(String::from(&*self.decode_str()?))
    }

    /// Reads binary data (`bin` in MessagePack; in JSON, a string's bytes).
    ///
    /// # Errors
    ///
    /// Fails if the format has no binary value of that shape here.
    fn decode_bytes(&mut self) -> Result<Bytes<'de, '_>>;

    /// Reads a MessagePack extension value: its tag and raw data.
    ///
    /// Formats without extension values fail with a type error; that is the default.
    ///
    /// # Errors
    ///
    /// Fails if no extension value comes next.
    fn decode_ext(&mut self) -> Result<(i8, Bytes<'de, '_>)> {
        Err(match self.peek() {
            Ok(found) => Error::unexpected("ext", found.name()),
            Err(err) => err,
        })
    }

    /// Reads binary data as a `bytes::Bytes`: a slice of the input sharing its
    /// allocation when the decoder reads from one (MessagePack's `from_bytes`),
    /// a copy otherwise (the default). `bytes::Bytes`'s `Decode` calls this.
    ///
    /// # Errors
    ///
    /// Fails as [`Decoder::decode_bytes`] does.
    #[doc(hidden)]
    #[inline]
    fn decode_shared_bytes(&mut self) -> Result<bytes::Bytes> {
        self.decode_bytes()
            .map(|b| bytes::Bytes::copy_from_slice(&b))
    }

    /// Reads a unit struct: `null` (the default), or in MessagePack also the
    /// empty array rmp-serde writes for one.
    ///
    /// # Errors
    ///
    /// Fails if anything else comes next.
    #[doc(hidden)]
    #[inline]
    fn decode_unit_struct(&mut self) -> Result<()> {
        self.decode_null()
    }

    /// Starts reading an array.
    ///
    /// # Errors
    ///
    /// Fails if something else comes next, or nesting is too deep.
    fn seq_begin(&mut self) -> Result<Self::Seq>;

    /// Starts reading an array of `T`: positional formats use `T::INLINE_SIZE`
    /// to check the declared length against the input up front.
    ///
    /// # Errors
    ///
    /// Fails as [`Decoder::seq_begin`] does.
    #[inline]
    fn seq_begin_of<T: Decode<'de>>(&mut self) -> Result<Self::Seq>
    where
        Self: Sized,
    {
        self.seq_begin()
    }

    /// Answers whether another element follows; at the end consumes the close.
    ///
    /// # Errors
    ///
    /// Fails on a missing separator, a trailing comma or the end of input.
    fn seq_next(&mut self, seq: &mut Self::Seq) -> Result<bool>;

    /// Positional formats: reads the rest of a sequence of `INLINE_ONLY`
    /// values in one pass with [`Decode::decode_inline`], and ends it;
    /// `None` (the default) when the format reads them one by one.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[doc(hidden)]
    #[inline]
    fn decode_inline_seq<T: Decode<'de>>(&mut self, seq: &mut Self::Seq) -> Result<Option<Vec<T>>>
    where
        Self: Sized,
    {
        let _ = seq;
        Ok(None)
    }

    /// Consumes an empty array and answers true when one comes next, within
    /// the nesting limit; otherwise consumes nothing and answers false (the
    /// default), and the caller reads the array as usual. The collections
    /// ask first, since empty arrays are common and need no setup at all.
    #[doc(hidden)]
    #[inline]
    fn seq_empty(&mut self) -> bool {
        false
    }

    /// Non-positional formats: reads an array of exactly `N` numbers as `f64`s
    /// in one tight pass, as `[f64; N]` does; `None` (the default), with
    /// nothing consumed, when the format has no such pass or the input is not
    /// the plain shape it handles, so the caller reads element by element.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[doc(hidden)]
    #[inline]
    fn decode_f64_array<const N: usize>(&mut self) -> Result<Option<[f64; N]>> {
        Ok(None)
    }

    /// Non-positional formats: reads an array of exactly `N` small unsigned
    /// integers (each fits a `u8`) in one tight pass, for `[u8; N]` and the
    /// wider integer arrays; `None` (the default), with nothing consumed,
    /// when the format has no such pass or the input is not the plain shape
    /// it handles, so the caller reads element by element.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[doc(hidden)]
    #[inline]
    fn decode_u8_array<const N: usize>(&mut self) -> Result<Option<[u8; N]>> {
        Ok(None)
    }

    /// Positional formats: reads an `INLINE_ONLY` value from the current slot
    /// in one go, with [`Decode::decode_inline`]: what a fixed struct's
    /// `decode` calls instead of reading field by field. Other formats never
    /// call it; the default refuses.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[doc(hidden)]
    fn decode_inline_value<T: Decode<'de>>(&mut self) -> Result<T>
    where
        Self: Sized,
    {
        Err(Error::unsupported("this format has no inline values"))
    }

    /// Decodes the value an owning pointer (`Box`, `Rc`, `Arc`) holds,
    /// counting a nesting level when no input was read since the last such
    /// pointer began: every recursive type passes through a pointer or a
    /// collection, and collections count their own levels, so with this no
    /// recursion goes unbounded, even one that reads nothing (an untagged
    /// `enum E { Wrap(Box<E>), Leaf(u8) }`), while a pointer between two
    /// containers (`Option<Box<Node>>`) costs no level of its own. The
    /// default counts nothing, for decoders with no depth limit.
    ///
    /// # Errors
    ///
    /// Fails as `T::decode` does, or when nesting is too deep.
    #[doc(hidden)]
    #[inline]
    fn decode_nested<T: Decode<'de>>(&mut self) -> Result<T>
    where
        Self: Sized,
    {
        T::decode(self)
    }

    /// Skips a value while looking for a tag that comes later (internally
    /// and adjacently tagged enums), recording where the containers it
    /// passes end, so that skipping them again (a nested enum looking for its
    /// own tag) jumps over them. The default skips.
    ///
    /// # Errors
    ///
    /// Fails as [`Decoder::skip_value`] does.
    #[doc(hidden)]
    #[inline]
    fn skip_scanned(&mut self) -> Result<()> {
        self.skip_value()
    }

    /// Untagged enums: whether trying `variant` of the enum `ty` (its
    /// `type_name`) from `at` already failed in this decode, so that it need
    /// not be tried again. The default remembers nothing.
    #[doc(hidden)]
    #[inline]
    fn attempt_failed(&self, at: &Self::Checkpoint, ty: &'static str, variant: u32) -> bool {
        let _ = (at, ty, variant);
        false
    }

    /// Untagged enums: records that trying `variant` of `ty` from `at`
    /// failed; called where it failed, before returning to `at`.
    #[doc(hidden)]
    #[inline]
    fn attempt_fails(&mut self, at: &Self::Checkpoint, ty: &'static str, variant: u32) {
        let _ = (at, ty, variant);
    }

    /// How many of a container's `hint` declared elements, of `size` bytes
    /// each, to reserve before they are read. The binary formats draw this
    /// from one budget per decode, a constant times the input's length, so
    /// that nested containers cannot each reserve against the same bytes;
    /// the default caps each container at 1 MiB.
    #[doc(hidden)]
    #[inline]
    fn reserve_ahead(&mut self, hint: Option<usize>, size: usize) -> usize {
        crate::budget::cautious(hint, size)
    }

    /// How many elements are left, when the format knows (a hint for `reserve`,
    /// already checked against the remaining input).
    fn seq_remaining(&self, seq: &Self::Seq) -> Option<usize> {
        let _ = seq;
        None
    }

    /// Positional formats: starts reading a struct laid out as `shape`; other
    /// formats read an array.
    ///
    /// # Errors
    ///
    /// Fails if something else comes next, or nesting is too deep.
    #[inline]
    fn struct_begin(&mut self, shape: crate::encode::Shape) -> Result<Self::Seq> {
        let _ = shape;
        self.seq_begin()
    }

    /// Positional formats: moves to field `index` and answers whether the input
    /// holds it. When it does not (the data was written by an older version of
    /// the type), the field's value is its default; a decode call made anyway
    /// reads the zero value of its type.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[inline]
    fn struct_field(&mut self, seq: &mut Self::Seq, index: u32) -> Result<bool> {
        let _ = index;
        self.seq_next(seq)
    }

    /// Positional formats: ends a struct, passing over fields a newer version
    /// of the type wrote.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[inline]
    fn struct_end(&mut self, seq: Self::Seq) -> Result<()> {
        let mut seq = seq;
        while self.seq_next(&mut seq)? {
            self.skip_value()?;
        }
        Ok(())
    }

    /// Positional formats: reads an enum's variant index; its content follows,
    /// then [`Decoder::enum_end`].
    ///
    /// # Errors
    ///
    /// Fails if the format has no positional enums, or on malformed input.
    fn enum_begin(&mut self) -> Result<(u32, Self::Seq)> {
        Err(Error::unsupported("this format reads enums by name"))
    }

    /// Positional formats: gives the layout of the content of the variant
    /// [`Decoder::enum_begin`] found, before its fields are read. The flat
    /// format claims the slots of the fields both the variant and the data
    /// hold, as it does a struct's in [`Decoder::struct_begin`]; other
    /// formats ignore it.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    #[inline]
    fn variant_fields(&mut self, seq: &mut Self::Seq, shape: crate::encode::Shape) -> Result<()> {
        let _ = (seq, shape);
        Ok(())
    }

    /// Positional formats: ends an enum.
    ///
    /// # Errors
    ///
    /// Fails on malformed input.
    fn enum_end(&mut self, seq: Self::Seq) -> Result<()> {
        self.struct_end(seq)
    }

    /// Starts reading a map.
    ///
    /// # Errors
    ///
    /// Fails if something else comes next, or nesting is too deep.
    fn map_begin(&mut self) -> Result<Self::Map>;

    /// Starts reading a map with keys `K` and values `V`: positional formats use
    /// their `INLINE_SIZE`s to check the declared length up front.
    ///
    /// # Errors
    ///
    /// Fails as [`Decoder::map_begin`] does.
    #[inline]
    fn map_begin_of<K: MapKey<'de>, V: Decode<'de>>(&mut self) -> Result<Self::Map>
    where
        Self: Sized,
    {
        self.map_begin()
    }

    /// Reads the next key as a string, or answers `None` and consumes the close.
    ///
    /// This is how struct field names are read: compared in place, never allocated.
    ///
    /// # Errors
    ///
    /// Fails on a non-string key (in JSON; MessagePack allows only string keys here),
    /// a missing separator or the end of input.
    fn map_next_key(&mut self, map: &mut Self::Map) -> Result<Option<Str<'de, '_>>>;

    /// Reads the next key as [`Decoder::map_next_key`] does, when a struct
    /// expects the field `expected` next: the hook that lets a format
    /// match fields written in declaration order (as every encoder writes
    /// them) by comparing the input with the name's encoding, with no key
    /// decoded and no `match` on it. The default reads the key and compares.
    ///
    /// # Errors
    ///
    /// As [`Decoder::map_next_key`].
    #[doc(hidden)]
    #[inline]
    fn map_next_field(
        &mut self,
        map: &mut Self::Map,
        expected: FieldName,
    ) -> Result<FieldKey<'de, '_>> {
        Ok(match self.map_next_key(map)? {
            None => FieldKey::End,
            Some(key) => FieldKey::read(key, expected),
        })
    }

    /// [`Decoder::map_next_field`] for a field an encoder may leave out
    /// (`skip_serializing_if`): a key that is not `expected` but `following`,
    /// the next field's name, answers [`FieldKey::Following`], so that the
    /// fields after an omitted one are still matched in order.
    ///
    /// # Errors
    ///
    /// As [`Decoder::map_next_key`].
    #[doc(hidden)]
    #[inline(always)]
    fn map_next_field_or(
        &mut self,
        map: &mut Self::Map,
        expected: FieldName,
        following: FieldName,
    ) -> Result<FieldKey<'de, '_>> {
        Ok(match self.map_next_field(map, expected)? {
            FieldKey::Other(key) if *key == *following.as_str() => FieldKey::Following,
            found => found,
        })
    }

    /// Answers whether another entry follows; at the end consumes the close. The
    /// caller then reads the key with [`Decoder::decode_key`] and the value as usual.
    ///
    /// # Errors
    ///
    /// Fails on a missing separator or the end of input.
    fn map_next_entry(&mut self, map: &mut Self::Map) -> Result<bool>;

    /// Reads a map key of type `K` after [`Decoder::map_next_entry`]: from a
    /// string in JSON, as any value in MessagePack.
    ///
    /// # Errors
    ///
    /// Fails if the key is not a valid `K`.
    fn decode_key<K: MapKey<'de>>(&mut self) -> Result<K>;

    /// How many entries are left, when the format knows.
    fn map_remaining(&self, map: &Self::Map) -> Option<usize> {
        let _ = map;
        None
    }

    /// Skips one whole value, checking that it is well-formed.
    ///
    /// # Errors
    ///
    /// Fails on malformed input or nesting too deep.
    fn skip_value(&mut self) -> Result<()>;

    /// Marks the current position.
    fn checkpoint(&self) -> Self::Checkpoint;

    /// Returns to a position marked by [`Decoder::checkpoint`] on this decoder.
    fn restore(&mut self, checkpoint: Self::Checkpoint);

    /// Attaches the current position to an error raised by the caller.
    #[doc(hidden)]
    #[cold]
    fn locate(&self, err: Error) -> Error {
        err
    }
}

/// Narrows a wide integer to `T`, with msgspec's range message on failure.
#[inline]
fn narrow<'de, D, W, T>(decoder: &D, wide: W) -> Result<T>
where
    D: Decoder<'de> + ?Sized,
    W: Copy + PartialOrd + From<T> + std::fmt::Display,
    T: TryFrom<W> + Bounded,
{
    match T::try_from(wide) {
        Ok(value) => Ok(value),
        Err(_) => Err(decoder.locate(if wide > W::from(T::MAX) {
            Error::int_above(W::from(T::MAX))
        } else {
            Error::int_below(W::from(T::MIN))
        })),
    }
}

/// The range of a narrow integer type.
trait Bounded: Sized {
    const MIN: Self;
    const MAX: Self;
}

macro_rules! bounded {
    ($($ty:ty),*) => {$(
        impl Bounded for $ty {
            const MIN: Self = <$ty>::MIN;
            const MAX: Self = <$ty>::MAX;
        }
    )*};
}
bounded!(i8, i16, i32, u8, u16, u32);

/// A type usable as a map key: read from a string in JSON (quoted integers, as
/// serde_json writes them), and as itself in MessagePack.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// let m: BTreeMap<u32, bool> = zerospec::json::from_slice(br#"{"7": true}"#)?;
/// assert_eq!(m[&7], true);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a map key for zerospec: it does not implement `zerospec::MapKey`",
    label = "not a map key",
    note = "map keys are strings, `char`, `bool`, integers, newtype structs of those and unit-only enums, as in serde_json"
)]
pub trait MapKey<'de>: Decode<'de> {
    /// Makes a key from the text of a JSON object key.
    ///
    /// # Errors
    ///
    /// Fails if the text is not a valid key of this type.
    fn from_key_str(key: Str<'de, '_>) -> Result<Self>;

    /// This key as it appears in an error's path (`$["alice"]`), when a value
    /// under it fails to decode; `None` leaves the key out of the path.
    #[doc(hidden)]
    #[inline]
    fn key_display(&self) -> Option<&dyn std::fmt::Display> {
        None
    }

    /// The flat format: whether the key in the slot at `later` of `bytes`
    /// comes after the one at `earlier` (both decoded already) in the order
    /// of the key type's flat view, the order in which a map's keys must
    /// strictly increase: what `zerospec::flat::keys_increase` answers for
    /// the validator. `true` for a key type without a view, whose maps have
    /// none either.
    #[doc(hidden)]
    #[inline]
    fn flat_key_after(bytes: &[u8], earlier: usize, later: usize) -> bool {
        let _ = (bytes, earlier, later);
        true
    }
}

/// `MapKey::flat_key_after` for a key type laid out as `$view` in the flat
/// format, and ordered as its view: the validator's comparison.
macro_rules! flat_key_after {
    ($view:ty) => {
        #[cfg(feature = "flat")]
        #[inline]
        fn flat_key_after(bytes: &[u8], earlier: usize, later: usize) -> bool {
            $crate::flat::keys_increase::<$view>(bytes, earlier, later)
        }
    };
}
pub(crate) use flat_key_after;
