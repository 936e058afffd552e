//! Encoding: the [`Encode`] trait types implement and the [`Encoder`] trait formats implement.
//!
//! A type's `encode` drives the encoder with calls that describe its shape
//! (`map_begin`, `map_field`, `encode_u64`, ...). Each format turns those calls
//! straight into bytes in the caller's buffer; nothing is built in between.

use crate::error::Result;

/// A type that can be encoded into any zerospec format.
///
/// Derive it with `#[derive(zerospec::Encode)]`.
///
/// # Examples
///
/// ```
/// #[derive(zerospec::Encode)]
/// struct Point { x: i32, y: i32 }
///
/// assert_eq!(zerospec::json::to_string(&Point { x: 1, y: -2 })?, r#"{"x":1,"y":-2}"#);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be encoded by zerospec: it does not implement `zerospec::Encode`",
    label = "no `zerospec::Encode` impl",
    note = "if `{Self}` comes from chrono, time, jiff, uuid, rust_decimal, url, serde_json, indexmap, smallvec, arrayvec, smol_str, compact_str, semver or camino, enable zerospec's cargo feature of that name",
    note = "if `{Self}` implements serde's `Serialize`, put `#[zerospec(serde)]` on the field to encode it through serde",
    note = "or name functions over zerospec's traits with `#[zerospec(with = \"module\")]`, or derive `zerospec::Encode` on your own type"
)]
pub trait Encode {
    /// In positional formats (the flat format), how many bytes this type takes
    /// inline in its parent's slot; `None` when it is written out of line,
    /// behind a 4-byte offset. Scalars and `fixed` structs override it.
    #[doc(hidden)]
    const INLINE_SIZE: Option<usize> = None;

    /// In positional formats, true when the type's inline slot holds all of
    /// it (no offsets to data elsewhere): numbers, and fixed structs, arrays
    /// and tuples of them. A run of such values is written in one go with
    /// [`Encode::encode_inline`]. Implies `INLINE_SIZE` is `Some`.
    #[doc(hidden)]
    const INLINE_ONLY: bool = false;

    /// Positional formats: writes this value's slot into `out`, exactly
    /// `INLINE_SIZE` bytes long. Called only when `INLINE_ONLY` is true.
    #[doc(hidden)]
    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        let _ = out;
    }

    /// Positional formats: true when [`Encoder::encode_measured`] can size
    /// and write this value in a table measured first: the inline values and
    /// the strings. Derived table structs whose fields all answer true try
    /// that path; an encoder that meets anything else still declines.
    #[doc(hidden)]
    const MEASURABLE: bool = Self::INLINE_ONLY;

    /// In positional formats, true when, on this target, a value's bytes in
    /// memory are exactly its inline slot: the same size, the fields in the
    /// same order, no padding, little-endian. A slice of such values is then
    /// its sequence's slots, and [`Encode::raw_bytes`] hands it over whole.
    /// The numbers on little-endian targets, arrays of them, and
    /// `#[zerospec(fixed, zerocopy)]` structs of them; never `bool` or `char`.
    /// Implies `INLINE_ONLY`.
    #[doc(hidden)]
    const RAW_INLINE: bool = false;

    /// Positional formats: `items`' memory as bytes, when it is exactly their
    /// slots back to back (`RAW_INLINE`), so that a sequence of them is
    /// written with one copy; `None` (the default) writes them one by one.
    #[doc(hidden)]
    #[inline]
    fn raw_bytes(items: &[Self]) -> Option<&[u8]>
    where
        Self: Sized,
    {
        let _ = items;
        None
    }

    /// Writes this value to `encoder`.
    ///
    /// # Errors
    ///
    /// Fails when the format cannot hold the value (a non-string map key in JSON,
    /// say), or the output fails.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()>;

    /// Writes `items` as an array: what `[T]`, `Vec<T>` and `[T; N]` call, so
    /// that element types with a faster way to write many of themselves at
    /// once (the floats) can take it. The default writes one element at a time.
    ///
    /// # Errors
    ///
    /// Fails as an element's `encode` does.
    #[doc(hidden)]
    #[inline]
    fn encode_slice<E: Encoder>(items: &[Self], encoder: &mut E) -> Result<()>
    where
        Self: Sized,
    {
        encode_items(items, encoder)
    }

    /// Writes this value as `&T` writes it: the same as [`Encode::encode`],
    /// except that `&[u8]` is binary (a MessagePack `bin`, the flat format's
    /// bytes, an array of numbers in JSON as serde_json writes it), so that
    /// `&'de [u8]` reads back what it wrote. `Vec<u8>` and `Box<[u8]>` stay
    /// arrays of integers, as in serde.
    ///
    /// # Errors
    ///
    /// Fails as [`Encode::encode`] does.
    #[doc(hidden)]
    #[inline]
    fn encode_borrowed<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        self.encode(encoder)
    }

    /// What `[T]` behind a plain reference writes (see
    /// [`Encode::encode_borrowed`]): `u8` writes binary, every other type
    /// [`Encode::encode_slice`].
    ///
    /// # Errors
    ///
    /// Fails as an element's `encode` does.
    #[doc(hidden)]
    #[inline]
    fn encode_borrowed_slice<E: Encoder>(items: &[Self], encoder: &mut E) -> Result<()>
    where
        Self: Sized,
    {
        Self::encode_slice(items, encoder)
    }

    /// Writes `rows` as an array of arrays: what `[[T; N]]` calls, so that
    /// the floats can write a list of points or vectors at once. The default
    /// writes one row at a time.
    ///
    /// # Errors
    ///
    /// Fails as an element's `encode` does.
    #[doc(hidden)]
    #[inline]
    fn encode_rows<E: Encoder, const N: usize>(rows: &[[Self; N]], encoder: &mut E) -> Result<()>
    where
        Self: Sized,
    {
        encode_items(rows, encoder)
    }
}

/// What [`Encode::encode_slice`] and [`Encode::encode_rows`] write unless a
/// type does better: in positional formats the inline slots (with one copy
/// when the memory is the slots), elsewhere one element at a time.
#[inline]
fn encode_items<E: Encoder, T: Encode>(items: &[T], encoder: &mut E) -> Result<()> {
    if E::POSITIONAL
        && T::INLINE_ONLY
        && T::RAW_INLINE
        && let Some(bytes) = T::raw_bytes(items)
    {
        return encoder.encode_raw_seq(items, bytes);
    }
    encode_iter(encoder, items)
}

/// Writes a collection of known length as an array: in positional formats
/// its inline slots in one pass when the elements are `INLINE_ONLY`,
/// elsewhere one element at a time.
#[inline]
pub(crate) fn encode_iter<'a, E, T, I>(encoder: &mut E, items: I) -> Result<()>
where
    E: Encoder,
    T: Encode + 'a,
    I: IntoIterator<Item = &'a T>,
    I::IntoIter: ExactSizeIterator,
{
    if E::POSITIONAL && T::INLINE_ONLY {
        return encoder.encode_inline_seq(items.into_iter());
    }
    encode_each(encoder, items.into_iter())
}

/// Writes `items` as an array, one element at a time: the sequence writers'
/// default, and what a format falls back to for a shape its faster path does
/// not take.
#[inline]
pub(crate) fn encode_each<'a, E, T, I>(encoder: &mut E, items: I) -> Result<()>
where
    E: Encoder,
    T: Encode + 'a,
    I: ExactSizeIterator<Item = &'a T>,
{
    let mut seq = encoder.seq_begin_of::<T>(items.len())?;
    for item in items {
        encoder.seq_elem(&mut seq)?;
        item.encode(encoder)?;
    }
    encoder.seq_end(seq)
}

/// The layout of a struct (or tuple, or variant content) in a positional format.
///
/// Derived code passes it to [`Encoder::struct_begin`] and
/// [`Decoder::struct_begin`](crate::Decoder::struct_begin); other formats ignore it.
///
/// # Examples
///
/// ```
/// use zerospec::encode::Shape;
/// // A `String` (an offset slot, 4 bytes) then a `u64`.
/// let shape = Shape { fields: 2, inline_size: 12, offsets: &[0, 4, 12], fixed: false };
/// assert_eq!(shape.fields, 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// How many fields the struct has (in this version of the type).
    pub fields: u32,
    /// The bytes its fields' slots take, added up.
    pub inline_size: usize,
    /// Where each field's slot starts, then `inline_size`: `fields + 1`
    /// entries. A reader of a table claims the slots of the fields both it
    /// and the data hold, which for data written with `c < fields` fields
    /// end at `offsets[c]` (`docs/flat-format.md`, section 6). Unused for a
    /// `fixed` struct.
    pub offsets: &'static [usize],
    /// True when stored inline in its parent with no header (`#[zerospec(fixed)]`).
    pub fixed: bool,
}

/// The width of a slot holding a value whose inline size is `inline`: the value
/// itself, or a 4-byte offset to it.
#[doc(hidden)]
#[must_use]
pub const fn slot_width(inline: Option<usize>) -> usize {
    match inline {
        Some(size) => size,
        None => 4,
    }
}

/// A sink of values in one format: what a type's [`Encode::encode`] drives.
///
/// Containers are written with a begin call that returns a state, a call before
/// each element (`seq_elem`, `map_key`, `map_field`) and an end call.
///
/// # Examples
///
/// A hand-written impl that writes a pair as a JSON array:
///
/// ```
/// use zerospec::{Encode, Encoder, Result};
///
/// struct Pair(u32, u32);
///
/// impl Encode for Pair {
///     fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
///         let mut seq = e.seq_begin(2)?;
///         e.seq_elem(&mut seq)?;
///         e.encode_u64(self.0.into())?;
///         e.seq_elem(&mut seq)?;
///         e.encode_u64(self.1.into())?;
///         e.seq_end(seq)
///     }
/// }
///
/// assert_eq!(zerospec::json::to_string(&Pair(3, 4))?, "[3,4]");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait Encoder {
    /// State of an array being written.
    type Seq;
    /// State of a map being written.
    type Map;

    /// True for formats that lay struct fields out by position (the flat format):
    /// derived code then writes fields by index instead of by name.
    const POSITIONAL: bool = false;

    /// True for text formats meant for people (JSON); false for binary ones
    /// (MessagePack, flat). Types whose serde impls pick a compact form in
    /// binary formats (an IP address as its bytes, a `Uuid` as 16 raw bytes)
    /// ask this, as serde's `Serializer::is_human_readable`, and the serde
    /// bridge answers serde with it.
    const HUMAN_READABLE: bool = true;

    /// Writes `null` / `nil`: `None` and `()`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_null(&mut self) -> Result<()>;

    /// Writes `Some(value)`; text formats write the value alone.
    ///
    /// # Errors
    ///
    /// Fails as `value.encode` does.
    fn encode_some<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()>
    where
        Self: Sized,
    {
        value.encode(self)
    }

    /// Writes the `None` of an `Option<T>`: `null` by default; positional
    /// formats also pass over the room `T` would take.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn encode_none_of<T: Encode + ?Sized>(&mut self) -> Result<()>
    where
        Self: Sized,
    {
        self.encode_null()
    }

    /// Writes a boolean.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_bool(&mut self, value: bool) -> Result<()>;

    /// Writes a signed integer.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_i64(&mut self, value: i64) -> Result<()>;

    /// Writes an `i8`; formats with fixed-width integers keep the width.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn encode_i8(&mut self, value: i8) -> Result<()> {
        self.encode_i64(value.into())
    }

    /// Writes an `i16`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn encode_i16(&mut self, value: i16) -> Result<()> {
        self.encode_i64(value.into())
    }

    /// Writes an `i32`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn encode_i32(&mut self, value: i32) -> Result<()> {
        self.encode_i64(value.into())
    }

    /// Writes a `u8`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn encode_u8(&mut self, value: u8) -> Result<()> {
        self.encode_u64(value.into())
    }

    /// Writes a `u16`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn encode_u16(&mut self, value: u16) -> Result<()> {
        self.encode_u64(value.into())
    }

    /// Writes a `u32`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn encode_u32(&mut self, value: u32) -> Result<()> {
        self.encode_u64(value.into())
    }

    /// Writes an unsigned integer.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_u64(&mut self, value: u64) -> Result<()>;

    /// Writes a 128-bit signed integer.
    ///
    /// # Errors
    ///
    /// Fails if the format cannot hold it or the output fails.
    fn encode_i128(&mut self, value: i128) -> Result<()>;

    /// Writes a 128-bit unsigned integer.
    ///
    /// # Errors
    ///
    /// Fails if the format cannot hold it or the output fails.
    fn encode_u128(&mut self, value: u128) -> Result<()>;

    /// Writes an `f32`, in its own shortest form.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_f32(&mut self, value: f32) -> Result<()>;

    /// Writes an `f64`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_f64(&mut self, value: f64) -> Result<()>;

    /// Writes an array of `f32`s; text formats override it to write the whole
    /// array in one go. The default writes one element at a time.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_f32_seq(&mut self, items: &[f32]) -> Result<()>
    where
        Self: Sized,
    {
        encode_each(self, items.iter())
    }

    /// Writes an array of `f64`s, as [`Encoder::encode_f32_seq`] does `f32`s.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_f64_seq(&mut self, items: &[f64]) -> Result<()>
    where
        Self: Sized,
    {
        encode_each(self, items.iter())
    }

    /// Writes an array of arrays of `N` `f32`s (points, vectors); text
    /// formats override it to write them in one go. The default writes one
    /// row at a time.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_f32_rows<const N: usize>(&mut self, rows: &[[f32; N]]) -> Result<()>
    where
        Self: Sized,
    {
        encode_each(self, rows.iter())
    }

    /// Writes an array of arrays of `N` `f64`s, as [`Encoder::encode_f32_rows`] does `f32`s.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_f64_rows<const N: usize>(&mut self, rows: &[[f64; N]]) -> Result<()>
    where
        Self: Sized,
    {
        encode_each(self, rows.iter())
    }

    /// Writes a `char` as a one-character string.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_char(&mut self, value: char) -> Result<()> {
        self.encode_str(value.encode_utf8(&mut [0; 4]))
    }

    /// Writes a string.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_str(&mut self, value: &str) -> Result<()>;

    /// Writes binary data (`bin` in MessagePack; an array of numbers in JSON, as
    /// serde_json writes `&[u8]`).
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn encode_bytes(&mut self, value: &[u8]) -> Result<()>;

    /// Writes a MessagePack extension value: `tag` and its raw `data`.
    ///
    /// Formats without extension values refuse it; that is the default.
    ///
    /// # Errors
    ///
    /// Fails if the format has no extension values (JSON), or the output fails.
    fn encode_ext(&mut self, tag: i8, data: &[u8]) -> Result<()> {
        let _ = (tag, data);
        Err(crate::error::Error::unsupported(
            "MessagePack extension values have no JSON form",
        ))
    }

    /// Writes a unit struct: `null` (the default, as serde_json writes it), or
    /// the empty array rmp-serde writes in MessagePack.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_unit_struct(&mut self) -> Result<()> {
        self.encode_null()
    }

    /// Starts an array whose length is not known until it ends (transcoding a
    /// JSON array, say). Formats that write lengths first override this to
    /// patch the header in [`Encoder::seq_end`]; the default, for formats that
    /// write no lengths (JSON), is `seq_begin(0)`.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    fn seq_begin_unknown(&mut self) -> Result<Self::Seq> {
        self.seq_begin(0)
    }

    /// Starts an array of `len` elements.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn seq_begin(&mut self, len: usize) -> Result<Self::Seq>;

    /// Comes before each element of an array.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn seq_elem(&mut self, seq: &mut Self::Seq) -> Result<()>;

    /// Ends an array.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn seq_end(&mut self, seq: Self::Seq) -> Result<()>;

    /// Starts an array of `len` elements of type `T`: positional formats use
    /// `T::INLINE_SIZE` to lay the elements out contiguously.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn seq_begin_of<T: Encode + ?Sized>(&mut self, len: usize) -> Result<Self::Seq>
    where
        Self: Sized,
    {
        self.seq_begin(len)
    }

    /// Writes a sequence of `T` whose values are `INLINE_ONLY`: positional
    /// formats write their slots in one pass with [`Encode::encode_inline`];
    /// the default writes an ordinary sequence.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_inline_seq<'a, T, I>(&mut self, items: I) -> Result<()>
    where
        Self: Sized,
        T: Encode + 'a,
        I: ExactSizeIterator<Item = &'a T>,
    {
        encode_each(self, items)
    }

    /// Positional formats: writes the sequence `items`, whose memory `bytes`
    /// is exactly their slots back to back ([`Encode::raw_bytes`]), with one
    /// copy of `bytes`. The bytes written are those of
    /// [`Encoder::encode_inline_seq`], which the default calls.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_raw_seq<T: Encode>(&mut self, items: &[T], bytes: &[u8]) -> Result<()>
    where
        Self: Sized,
    {
        let _ = bytes;
        self.encode_inline_seq(items.iter())
    }

    /// Positional formats that write a small struct faster when they know
    /// its size first: derived code for a struct whose fields are all strings
    /// or `INLINE_ONLY` values then tries [`Encoder::encode_measured`] before
    /// writing field by field.
    #[doc(hidden)]
    const MEASURES: bool = false;

    /// Positional formats: writes `value`, a struct whose fields are all
    /// strings or `INLINE_ONLY` values, by measuring it first and writing
    /// it into room grown once; `Ok(false)` when it could not be measured,
    /// and the caller writes it as usual. Derived code calls it only when
    /// `MEASURES` is true; the default declines.
    ///
    /// # Errors
    ///
    /// Fails as `value.encode` does, or if the output fails.
    #[doc(hidden)]
    #[inline]
    fn encode_measured<T: Encode + ?Sized>(&mut self, value: &T) -> Result<bool>
    where
        Self: Sized,
    {
        let _ = value;
        Ok(false)
    }

    /// Positional formats: writes an `INLINE_ONLY` value into the current
    /// slot in one go, with [`Encode::encode_inline`]: what a fixed struct's
    /// `encode` calls instead of writing field by field. Other formats never
    /// call it; the default refuses.
    ///
    /// # Errors
    ///
    /// Fails if the format has no inline values, or the output fails.
    #[doc(hidden)]
    fn encode_inline_value<T: Encode + ?Sized>(&mut self, value: &T) -> Result<()>
    where
        Self: Sized,
    {
        let _ = value;
        Err(crate::Error::unsupported(
            "this format has no inline values",
        ))
    }

    /// Positional formats: starts a struct laid out as `shape`; each field
    /// follows a [`Encoder::struct_field`] call. Other formats write an array.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn struct_begin(&mut self, shape: Shape) -> Result<Self::Seq> {
        self.seq_begin(shape.fields as usize)
    }

    /// Positional formats: comes before field `index` of a struct.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn struct_field(&mut self, seq: &mut Self::Seq, index: u32) -> Result<()> {
        let _ = index;
        self.seq_elem(seq)
    }

    /// Positional formats: ends a struct.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn struct_end(&mut self, seq: Self::Seq) -> Result<()> {
        self.seq_end(seq)
    }

    /// Positional formats: starts variant `index` of an enum with content. The
    /// variant's content is laid out as a struct of `shape` (no fields for a
    /// unit variant, one for a newtype variant): each field follows a
    /// [`Encoder::struct_field`] call, then [`Encoder::enum_end`].
    ///
    /// # Errors
    ///
    /// Fails if the format has no positional enums or the output fails.
    fn enum_begin(&mut self, index: u32, shape: Shape) -> Result<Self::Seq> {
        let _ = (index, shape);
        Err(crate::Error::unsupported(
            "this format writes enums by name",
        ))
    }

    /// Positional formats: ends an enum begun with [`Encoder::enum_begin`].
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn enum_end(&mut self, seq: Self::Seq) -> Result<()> {
        self.seq_end(seq)
    }

    /// Starts a map of `len` entries with keys of type `K` and values of type
    /// `V`: positional formats use their `INLINE_SIZE`s to lay the entries out
    /// contiguously.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    #[inline]
    fn map_begin_of<K, V>(&mut self, len: usize) -> Result<Self::Map>
    where
        Self: Sized,
        K: EncodeKey + ?Sized,
        V: Encode + ?Sized,
    {
        self.map_begin(Some(len))
    }

    /// Starts a map of `len` entries; `None` when the count is not known ahead
    /// (a struct with a flattened map), which binary formats may have to buffer.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn map_begin(&mut self, len: Option<usize>) -> Result<Self::Map>;

    /// Comes before the value of each struct field, with the field's name.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn map_field(&mut self, map: &mut Self::Map, name: &'static str) -> Result<()> {
        self.map_str_key(map, name)
    }

    /// Comes before each map value, with a string key.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn map_str_key(&mut self, map: &mut Self::Map, key: &str) -> Result<()>;

    /// Comes before each map value, with a key of any key type: written as a
    /// string in JSON (integers quoted), as itself in MessagePack.
    ///
    /// # Errors
    ///
    /// Fails if the format cannot hold the key, or the output fails.
    fn map_key<K: EncodeKey + ?Sized>(&mut self, map: &mut Self::Map, key: &K) -> Result<()>
    where
        Self: Sized;

    /// Ends a map.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn map_end(&mut self, map: Self::Map) -> Result<()>;

    /// Writes a unit enum variant: its name in JSON and MessagePack.
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn unit_variant(&mut self, name: &'static str, index: u32) -> Result<()> {
        let _ = index;
        self.encode_str(name)
    }

    /// Starts an externally tagged variant with content, `{"name": content}`;
    /// the content follows, then [`Encoder::map_end`].
    ///
    /// # Errors
    ///
    /// Fails if the output fails.
    fn variant_begin(&mut self, name: &'static str, index: u32) -> Result<Self::Map> {
        let _ = index;
        let mut map = self.map_begin(Some(1))?;
        self.map_field(&mut map, name)?;
        Ok(map)
    }
}

/// A type usable as a map key: a string in JSON, itself in MessagePack.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// let m = BTreeMap::from([(7u32, true)]);
/// assert_eq!(zerospec::json::to_string(&m)?, r#"{"7":true}"#);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a map key for zerospec: it does not implement `zerospec::EncodeKey`",
    label = "not a map key",
    note = "map keys are strings, `char`, `bool`, integers, newtype structs of those and unit-only enums, as in serde_json"
)]
pub trait EncodeKey: Encode {
    /// Calls `f` with this key's text as a JSON object key.
    ///
    /// # Errors
    ///
    /// Fails if the key has no string form (as serde_json refuses float keys), or as `f` fails.
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R>;

    /// Orders two keys as positional formats sort map entries (the flat format
    /// writes maps sorted by key); `None` for key types without that order,
    /// which positional formats then refuse to write in a `HashMap`.
    #[doc(hidden)]
    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<std::cmp::Ordering> {
        let _ = other;
        None
    }
}
