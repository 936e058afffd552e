//! The JSON encoder: [`JsonEncoder`] and its two layouts, [`Compact`] and [`Pretty`].
//!
//! The output is byte for byte what serde_json writes for the same value:
//! integers through `itoa`, floats through `zmij` (the formatter serde_json
//! uses; non-finite floats as `null`), strings escaped as serde_json escapes
//! them, and serde_json's pretty layout.

mod float;

use self::float::{JsonFloat, MAX_ROW, write_compact, write_float};
use super::escape;
use super::output::Output;
use crate::encode::{EncodeKey, Encoder};
use crate::error::Result;

/// Writes values as JSON into a caller's buffer, appending to what it holds.
///
/// This is the reusable encoder: keep one buffer across a hot loop, clear it,
/// and encode into it, so steady state allocates nothing.
/// [`json::append_to_vec`](crate::json::append_to_vec) does the same in one call.
///
/// `F` picks the layout ([`Compact`] by default, or [`Pretty`]); `O` is the
/// buffer, `Vec<u8>` by default or `String` (see [`Output`]).
///
/// # Examples
///
/// ```
/// use zerospec::Encode;
/// use zerospec::json::JsonEncoder;
///
/// let mut buf = Vec::new();
/// for batch in [vec![1, 2], vec![3]] {
///     buf.clear();
///     batch.encode(&mut JsonEncoder::new(&mut buf))?;
///     // ... send `buf` ...
/// }
/// assert_eq!(buf, b"[3]");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct JsonEncoder<'a, F = Compact, O: ?Sized = Vec<u8>> {
    out: &'a mut O,
    formatter: F,
}

impl<'a, O: Output + ?Sized> JsonEncoder<'a, Compact, O> {
    /// An encoder that appends compact JSON (no whitespace) to `out`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Encode;
    /// let mut buf = b"x=".to_vec();
    /// (1, "a").encode(&mut zerospec::json::JsonEncoder::new(&mut buf))?;
    /// assert_eq!(buf, br#"x=[1,"a"]"#);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    pub fn new(out: &'a mut O) -> Self {
        JsonEncoder {
            out,
            formatter: Compact,
        }
    }
}

impl<'a, O: Output + ?Sized> JsonEncoder<'a, Pretty, O> {
    /// An encoder that appends JSON laid out as serde_json's `to_vec_pretty` lays it out.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Encode;
    /// let mut buf = Vec::new();
    /// vec![1, 2].encode(&mut zerospec::json::JsonEncoder::pretty(&mut buf))?;
    /// assert_eq!(buf, b"[\n  1,\n  2\n]");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    pub fn pretty(out: &'a mut O) -> Self {
        JsonEncoder {
            out,
            formatter: Pretty::new(),
        }
    }
}

impl<'a, F: Formatter, O: Output + ?Sized> JsonEncoder<'a, F, O> {
    /// An encoder with a layout of the caller's choosing, such as
    /// [`Pretty::with_indent`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Encode;
    /// use zerospec::json::{JsonEncoder, Pretty};
    ///
    /// let mut buf = Vec::new();
    /// vec![1].encode(&mut JsonEncoder::with_formatter(&mut buf, Pretty::with_indent("\t")))?;
    /// assert_eq!(buf, b"[\n\t1\n]");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    pub fn with_formatter(out: &'a mut O, formatter: F) -> Self {
        JsonEncoder { out, formatter }
    }

    /// The buffer being written to.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Encode;
    /// let mut buf = Vec::new();
    /// let mut encoder = zerospec::json::JsonEncoder::new(&mut buf);
    /// true.encode(&mut encoder)?;
    /// assert_eq!(encoder.output(), b"true");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline]
    pub fn output(&mut self) -> &mut O {
        self.out
    }

    /// Writes a key already known to be a string, then the key/value separator.
    #[inline]
    fn write_key(&mut self, first: bool, key: &str) {
        self.formatter.before_key(self.out, first);
        escape::write_str(self.out, key);
        self.out.write_str(F::COLON);
    }
}

/// How a [`JsonEncoder`] lays out its output: [`Compact`] or [`Pretty`].
///
/// The trait is sealed; its methods are the encoder's business.
///
/// # Examples
///
/// ```
/// use zerospec::json::{Compact, Formatter, Pretty};
/// fn layout_name<F: Formatter>(_: &F) -> &'static str { std::any::type_name::<F>() }
/// assert!(layout_name(&Compact).ends_with("Compact"));
/// assert!(layout_name(&Pretty::new()).ends_with("Pretty"));
/// ```
pub trait Formatter: sealed::Sealed {
    /// What goes between a key and its value.
    #[doc(hidden)]
    const COLON: &'static str;

    /// The closing quote of a key, then [`Formatter::COLON`].
    #[doc(hidden)]
    const KEY_END: &'static str;

    /// Opens an array (`open` is `[`) or an object (`{`).
    #[doc(hidden)]
    fn open<O: Output + ?Sized>(&mut self, out: &mut O, open: u8);

    /// Comes before each array element.
    #[doc(hidden)]
    fn before_elem<O: Output + ?Sized>(&mut self, out: &mut O, first: bool);

    /// Comes before each object key.
    #[doc(hidden)]
    fn before_key<O: Output + ?Sized>(&mut self, out: &mut O, first: bool) {
        self.before_elem(out, first);
    }

    /// Comes before each object key known to need no escaping, with its opening quote.
    #[doc(hidden)]
    fn before_key_quote<O: Output + ?Sized>(&mut self, out: &mut O, first: bool) {
        self.before_key(out, first);
        out.push_ascii(b'"');
    }

    /// Writes an object key known to need no escaping, with what comes
    /// before it and [`Formatter::KEY_END`] after it.
    #[doc(hidden)]
    #[inline(always)]
    fn plain_key<O: Output + ?Sized>(&mut self, out: &mut O, first: bool, key: &str) {
        plain_key_in_pieces(self, out, first, key);
    }

    /// Closes an array or object (`close` is `]` or `}`) that had no children if `empty`.
    #[doc(hidden)]
    fn close<O: Output + ?Sized>(&mut self, out: &mut O, close: u8, empty: bool);

    /// Writes an array of floats, as the elements would be written one by one.
    #[doc(hidden)]
    #[inline]
    fn float_seq<O: Output + ?Sized, T: JsonFloat>(&mut self, out: &mut O, items: &[T]) {
        self.open(out, b'[');
        for (index, &item) in items.iter().enumerate() {
            self.before_elem(out, index == 0);
            write_float(out, item);
        }
        self.close(out, b']', items.is_empty());
    }

    /// Writes an array of arrays of `N` floats each.
    #[doc(hidden)]
    #[inline]
    fn float_rows<O: Output + ?Sized, T: JsonFloat, const N: usize>(
        &mut self,
        out: &mut O,
        rows: &[[T; N]],
    ) {
        rows_one_by_one(self, out, rows);
    }
}

/// Writes an array of rows of floats one row at a time, each with the
/// formatter's own [`Formatter::float_seq`].
#[inline]
fn rows_one_by_one<F, O, T, const N: usize>(formatter: &mut F, out: &mut O, rows: &[[T; N]])
where
    F: Formatter + ?Sized,
    O: Output + ?Sized,
    T: JsonFloat,
{
    formatter.open(out, b'[');
    for (index, row) in rows.iter().enumerate() {
        formatter.before_elem(out, index == 0);
        formatter.float_seq(out, row);
    }
    formatter.close(out, b']', rows.is_empty());
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Compact {}
    impl Sealed for super::Pretty {}
}

/// The compact layout: no whitespace at all, as serde_json's `to_vec` writes.
///
/// # Examples
///
/// ```
/// use zerospec::json::{Compact, JsonEncoder};
/// use zerospec::Encode;
/// let mut buf = Vec::new();
/// vec![(1, 2)].encode(&mut JsonEncoder::with_formatter(&mut buf, Compact))?;
/// assert_eq!(buf, b"[[1,2]]");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Compact;

/// [`Formatter::plain_key`] piece by piece: what comes before the key with
/// its opening quote, the key, then [`Formatter::KEY_END`].
#[inline(always)]
fn plain_key_in_pieces<F: Formatter + ?Sized, O: Output + ?Sized>(
    formatter: &mut F,
    out: &mut O,
    first: bool,
    key: &str,
) {
    formatter.before_key_quote(out, first);
    out.write_str(key);
    out.write_str(F::KEY_END);
}

impl Formatter for Compact {
    const COLON: &'static str = ":";
    const KEY_END: &'static str = "\":";

    #[inline]
    fn open<O: Output + ?Sized>(&mut self, out: &mut O, open: u8) {
        out.push_ascii(open);
    }

    #[inline]
    fn before_elem<O: Output + ?Sized>(&mut self, out: &mut O, first: bool) {
        if !first {
            out.push_ascii(b',');
        }
    }

    #[inline]
    fn before_key_quote<O: Output + ?Sized>(&mut self, out: &mut O, first: bool) {
        if first {
            out.push_ascii(b'"');
        } else {
            out.write_str(",\"");
        }
    }

    /// `,"key":` (or `"key":` first) staged whole on the stack and written
    /// in one copy, for an ASCII key that fits: a struct's field names are
    /// constants, so once this is inlined into the struct's encoder the
    /// staging folds into stores of constant bytes behind one capacity check.
    /// (Filling [`Output::write_ascii_with`]'s window instead costs 12% more
    /// instructions on `twitter`: the window is zeroed, then cut back.)
    #[inline(always)]
    fn plain_key<O: Output + ?Sized>(&mut self, out: &mut O, first: bool, key: &str) {
        const ROOM: usize = 48;
        let mut staged = [0u8; ROOM];
        if !key.is_ascii() {
            return plain_key_in_pieces(self, out, first, key);
        }
        let mut end = 0;
        for part in [b",\"", key.as_bytes(), Self::KEY_END.as_bytes()] {
            // Nothing is written yet when a long key falls back.
            let Some(room) = staged.get_mut(end..end + part.len()) else {
                return plain_key_in_pieces(self, out, first, key);
            };
            room.copy_from_slice(part);
            end += part.len();
        }
        if first {
            out.write_ascii(staged.get(1..end).unwrap_or_default());
        } else {
            out.write_ascii(staged.get(..end).unwrap_or_default());
        }
    }

    #[inline]
    fn close<O: Output + ?Sized>(&mut self, out: &mut O, close: u8, _empty: bool) {
        out.push_ascii(close);
    }

    #[inline]
    fn float_seq<O: Output + ?Sized, T: JsonFloat>(&mut self, out: &mut O, items: &[T]) {
        write_compact::<O, T, 0>(out, items);
    }

    #[inline]
    fn float_rows<O: Output + ?Sized, T: JsonFloat, const N: usize>(
        &mut self,
        out: &mut O,
        rows: &[[T; N]],
    ) {
        if N == 0 || N > MAX_ROW {
            // Rows of nothing, `[[],[],...]`, or rows long enough to be
            // written as arrays of their own.
            rows_one_by_one(self, out, rows);
        } else {
            write_compact::<O, T, N>(out, rows.as_flattened());
        }
    }
}

/// The pretty layout of serde_json's `to_vec_pretty`: each element on its own
/// line, indented two spaces per level, `"key": value`, and `[]` / `{}` for
/// empty containers.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// let m = BTreeMap::from([("a", vec![1]), ("b", vec![])]);
/// assert_eq!(
///     zerospec::json::to_string_pretty(&m)?,
///     "{\n  \"a\": [\n    1\n  ],\n  \"b\": []\n}"
/// );
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Pretty {
    indent: &'static str,
    depth: usize,
}

impl Pretty {
    /// The layout with serde_json's default indent of two spaces.
    ///
    /// # Examples
    ///
    /// ```
    /// let pretty = zerospec::json::Pretty::new();
    /// # let _ = pretty;
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Pretty::with_indent("  ")
    }

    /// The layout with `indent` written once per level of nesting, as
    /// serde_json's `PrettyFormatter::with_indent`.
    ///
    /// The indent should be whitespace for the output to be JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::json::{JsonEncoder, Pretty};
    /// use zerospec::Encode;
    /// let mut buf = Vec::new();
    /// vec![vec![1]].encode(&mut JsonEncoder::with_formatter(&mut buf, Pretty::with_indent("    ")))?;
    /// assert_eq!(buf, b"[\n    [\n        1\n    ]\n]");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub const fn with_indent(indent: &'static str) -> Self {
        Pretty { indent, depth: 0 }
    }

    #[inline]
    fn newline<O: Output + ?Sized>(&self, out: &mut O) {
        out.push_ascii(b'\n');
        for _ in 0..self.depth {
            out.write_str(self.indent);
        }
    }
}

impl Default for Pretty {
    fn default() -> Self {
        Pretty::new()
    }
}

impl Formatter for Pretty {
    const COLON: &'static str = ": ";
    const KEY_END: &'static str = "\": ";

    #[inline]
    fn open<O: Output + ?Sized>(&mut self, out: &mut O, open: u8) {
        self.depth += 1;
        out.push_ascii(open);
    }

    #[inline]
    fn before_elem<O: Output + ?Sized>(&mut self, out: &mut O, first: bool) {
        if !first {
            out.push_ascii(b',');
        }
        self.newline(out);
    }

    #[inline]
    fn close<O: Output + ?Sized>(&mut self, out: &mut O, close: u8, empty: bool) {
        self.depth = self.depth.saturating_sub(1);
        if !empty {
            self.newline(out);
        }
        out.push_ascii(close);
    }
}

/// The state of an array being written by a [`JsonEncoder`]: its
/// [`Encoder::Seq`], which says whether an element was written yet.
///
/// # Examples
///
/// ```
/// use zerospec::Encoder;
/// use zerospec::json::{JsonEncoder, JsonSeq};
///
/// let mut buf = Vec::new();
/// let mut encoder = JsonEncoder::new(&mut buf);
/// let mut seq: JsonSeq = encoder.seq_begin(1)?;
/// encoder.seq_elem(&mut seq)?;
/// encoder.encode_bool(true)?;
/// encoder.seq_end(seq)?;
/// assert_eq!(buf, b"[true]");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonSeq {
    empty: bool,
}

/// The state of an object being written by a [`JsonEncoder`]: its
/// [`Encoder::Map`], which says whether an entry was written yet.
///
/// # Examples
///
/// ```
/// use zerospec::Encoder;
/// use zerospec::json::{JsonEncoder, JsonMap};
///
/// let mut buf = Vec::new();
/// let mut encoder = JsonEncoder::new(&mut buf);
/// let mut map: JsonMap = encoder.map_begin(Some(1))?;
/// encoder.map_str_key(&mut map, "k")?;
/// encoder.encode_null()?;
/// encoder.map_end(map)?;
/// assert_eq!(buf, br#"{"k":null}"#);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonMap {
    empty: bool,
}

impl<F: Formatter, O: Output + ?Sized> Encoder for JsonEncoder<'_, F, O> {
    type Seq = JsonSeq;
    type Map = JsonMap;

    #[inline]
    fn encode_null(&mut self) -> Result<()> {
        self.out.write_str("null");
        Ok(())
    }

    #[inline]
    fn encode_bool(&mut self, value: bool) -> Result<()> {
        self.out.write_str(if value { "true" } else { "false" });
        Ok(())
    }

    #[inline]
    fn encode_i64(&mut self, value: i64) -> Result<()> {
        self.out.write_str(itoa::Buffer::new().format(value));
        Ok(())
    }

    #[inline]
    fn encode_u64(&mut self, value: u64) -> Result<()> {
        self.out.write_str(itoa::Buffer::new().format(value));
        Ok(())
    }

    #[inline]
    fn encode_i128(&mut self, value: i128) -> Result<()> {
        self.out.write_str(itoa::Buffer::new().format(value));
        Ok(())
    }

    #[inline]
    fn encode_u128(&mut self, value: u128) -> Result<()> {
        self.out.write_str(itoa::Buffer::new().format(value));
        Ok(())
    }

    #[inline]
    fn encode_f32(&mut self, value: f32) -> Result<()> {
        write_float(self.out, value);
        Ok(())
    }

    #[inline]
    fn encode_f32_seq(&mut self, items: &[f32]) -> Result<()> {
        self.formatter.float_seq(self.out, items);
        Ok(())
    }

    #[inline]
    fn encode_f32_rows<const N: usize>(&mut self, rows: &[[f32; N]]) -> Result<()> {
        self.formatter.float_rows(self.out, rows);
        Ok(())
    }

    #[inline]
    fn encode_f64(&mut self, value: f64) -> Result<()> {
        write_float(self.out, value);
        Ok(())
    }

    #[inline]
    fn encode_f64_seq(&mut self, items: &[f64]) -> Result<()> {
        self.formatter.float_seq(self.out, items);
        Ok(())
    }

    #[inline]
    fn encode_f64_rows<const N: usize>(&mut self, rows: &[[f64; N]]) -> Result<()> {
        self.formatter.float_rows(self.out, rows);
        Ok(())
    }

    #[inline]
    fn encode_str(&mut self, value: &str) -> Result<()> {
        escape::write_str(self.out, value);
        Ok(())
    }

    fn encode_bytes(&mut self, value: &[u8]) -> Result<()> {
        // As serde_json writes `&[u8]`: an array of numbers, laid out as any array.
        // Up to four bytes per number plus a comma, before any pretty indent.
        self.out
            .reserve(value.len().saturating_mul(4).saturating_add(2));
        let mut seq = self.seq_begin(value.len())?;
        for &byte in value {
            self.seq_elem(&mut seq)?;
            self.out.write_str(itoa::Buffer::new().format(byte));
        }
        self.seq_end(seq)
    }

    #[inline]
    fn seq_begin(&mut self, _len: usize) -> Result<JsonSeq> {
        self.formatter.open(self.out, b'[');
        Ok(JsonSeq { empty: true })
    }

    #[inline]
    fn seq_elem(&mut self, seq: &mut JsonSeq) -> Result<()> {
        self.formatter.before_elem(self.out, seq.empty);
        seq.empty = false;
        Ok(())
    }

    #[inline]
    fn seq_end(&mut self, seq: JsonSeq) -> Result<()> {
        self.formatter.close(self.out, b']', seq.empty);
        Ok(())
    }

    #[inline]
    fn map_begin(&mut self, _len: Option<usize>) -> Result<JsonMap> {
        self.formatter.open(self.out, b'{');
        Ok(JsonMap { empty: true })
    }

    #[inline(always)]
    fn map_field(&mut self, map: &mut JsonMap, name: &'static str) -> Result<()> {
        let first = map.empty;
        map.empty = false;
        if escape::is_plain(name) {
            // The usual case, a field name with nothing to escape: once this
            // is inlined the check folds away, and the compact layout writes
            // the name with its punctuation in one copy.
            self.formatter.plain_key(self.out, first, name);
        } else {
            self.write_key(first, name);
        }
        Ok(())
    }

    #[inline]
    fn map_str_key(&mut self, map: &mut JsonMap, key: &str) -> Result<()> {
        let first = map.empty;
        map.empty = false;
        self.write_key(first, key);
        Ok(())
    }

    #[inline]
    fn map_key<K: EncodeKey + ?Sized>(&mut self, map: &mut JsonMap, key: &K) -> Result<()> {
        key.with_key_str(|text| self.map_str_key(map, text))
    }

    #[inline]
    fn map_end(&mut self, map: JsonMap) -> Result<()> {
        self.formatter.close(self.out, b'}', map.empty);
        Ok(())
    }
}
