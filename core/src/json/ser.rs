//! Encoding to JSON: `to_vec`, `to_string`, `to_writer` and their pretty forms,
//! named and behaving as serde_json's, and [`append_to_vec`] for hot loops.

use std::io;

use super::output::Output;
use super::write::{Formatter, JsonEncoder, Pretty};
use crate::encode::Encode;
use crate::error::Result;

/// Room reserved up front for a new document, as serde_json reserves.
const INITIAL_CAPACITY: usize = 128;

/// Encodes `value` into `out` with `formatter`, leaving `out` as it was on failure.
#[inline]
fn encode_into<T, F, O>(out: &mut O, formatter: F, value: &T) -> Result<()>
where
    T: Encode + ?Sized,
    F: Formatter,
    O: Output + ?Sized,
{
    let start = out.written_len();
    let result = value.encode(&mut JsonEncoder::with_formatter(out, formatter));
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// Encodes `value` as compact JSON into a new `Vec<u8>`.
///
/// # Errors
///
/// Fails when the value has no JSON form: a map key with no string form, or
/// an error raised by the value's own `Encode` impl.
///
/// # Examples
///
/// ```
/// let value = (1, 0.5, "hi", Some(true), None::<u8>);
/// assert_eq!(zerospec::json::to_vec(&value)?, br#"[1,0.5,"hi",true,null]"#);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn to_vec<T: Encode + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(INITIAL_CAPACITY);
    value.encode(&mut JsonEncoder::new(&mut out))?;
    Ok(out)
}

/// Encodes `value` as pretty-printed JSON (serde_json's layout) into a new `Vec<u8>`.
///
/// # Errors
///
/// Fails as [`to_vec`] does.
///
/// # Examples
///
/// ```
/// assert_eq!(zerospec::json::to_vec_pretty(&[1, 2])?, b"[\n  1,\n  2\n]");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn to_vec_pretty<T: Encode + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(INITIAL_CAPACITY);
    value.encode(&mut JsonEncoder::pretty(&mut out))?;
    Ok(out)
}

/// Encodes `value` as compact JSON into a new `String`.
///
/// The encoder writes UTF-8 fragments straight into the string, so unlike
/// `String::from_utf8(to_vec(..))` nothing is validated afterwards.
///
/// # Errors
///
/// Fails as [`to_vec`] does.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// let scores = BTreeMap::from([("alice", 3), ("bob", 5)]);
/// assert_eq!(zerospec::json::to_string(&scores)?, r#"{"alice":3,"bob":5}"#);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn to_string<T: Encode + ?Sized>(value: &T) -> Result<String> {
    let mut out = String::with_capacity(INITIAL_CAPACITY);
    value.encode(&mut JsonEncoder::new(&mut out))?;
    Ok(out)
}

/// Encodes `value` as pretty-printed JSON into a new `String`.
///
/// # Errors
///
/// Fails as [`to_vec`] does.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// let m = BTreeMap::from([("tags", vec!["a"])]);
/// assert_eq!(zerospec::json::to_string_pretty(&m)?, "{\n  \"tags\": [\n    \"a\"\n  ]\n}");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn to_string_pretty<T: Encode + ?Sized>(value: &T) -> Result<String> {
    let mut out = String::with_capacity(INITIAL_CAPACITY);
    value.encode(&mut JsonEncoder::pretty(&mut out))?;
    Ok(out)
}

/// Encodes `value` as compact JSON and writes it to `writer`.
///
/// The document is built in memory and handed to `writer` with one
/// `write_all`, so an unbuffered writer (a `File`, a `TcpStream`) sees one
/// large write instead of many small ones, and nothing is written if encoding fails.
///
/// # Errors
///
/// Fails as [`to_vec`] does, or with [`ErrorKind::Io`](crate::ErrorKind::Io)
/// when writing fails.
///
/// # Examples
///
/// ```
/// let mut out = std::io::Cursor::new(Vec::new());
/// zerospec::json::to_writer(&mut out, &("a", 1))?;
/// assert_eq!(out.into_inner(), br#"["a",1]"#);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn to_writer<W: io::Write, T: Encode + ?Sized>(mut writer: W, value: &T) -> Result<()> {
    let bytes = to_vec(value)?;
    writer.write_all(&bytes)?;
    Ok(())
}

/// Encodes `value` as pretty-printed JSON and writes it to `writer`.
///
/// # Errors
///
/// Fails as [`to_writer`] does.
///
/// # Examples
///
/// ```
/// let mut out = Vec::new();
/// zerospec::json::to_writer_pretty(&mut out, &[true])?;
/// assert_eq!(out, b"[\n  true\n]");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn to_writer_pretty<W: io::Write, T: Encode + ?Sized>(mut writer: W, value: &T) -> Result<()> {
    let bytes = to_vec_pretty(value)?;
    writer.write_all(&bytes)?;
    Ok(())
}

/// Appends `value` as compact JSON to `buf`: the call for hot loops that
/// reuse one buffer, so steady state allocates nothing.
///
/// What `buf` already holds is kept; clear it first to start a new document.
/// On failure `buf` is cut back to the length it had, so no half-written value
/// is left behind. (`to_writer(&mut vec, ..)` would also work, but copies the
/// document through a temporary buffer.)
///
/// # Errors
///
/// Fails as [`to_vec`] does.
///
/// # Examples
///
/// ```
/// let mut buf = Vec::with_capacity(4096);
/// for id in 0..3u32 {
///     buf.clear();
///     zerospec::json::append_to_vec(&mut buf, &id)?;
///     // ... send `buf` ...
/// }
/// assert_eq!(buf, b"2");
///
/// // Appending keeps what was there, for framing several documents in one buffer.
/// zerospec::json::append_to_vec(&mut buf, &"x")?;
/// assert_eq!(buf, br#"2"x""#);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn append_to_vec<T: Encode + ?Sized>(buf: &mut Vec<u8>, value: &T) -> Result<()> {
    encode_into(buf, super::write::Compact, value)
}

/// Appends `value` as pretty-printed JSON to `buf`, as [`append_to_vec`] does.
///
/// # Errors
///
/// Fails as [`to_vec`] does.
///
/// # Examples
///
/// ```
/// let mut buf = Vec::new();
/// zerospec::json::append_to_vec_pretty(&mut buf, &[1])?;
/// assert_eq!(buf, b"[\n  1\n]");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn append_to_vec_pretty<T: Encode + ?Sized>(buf: &mut Vec<u8>, value: &T) -> Result<()> {
    encode_into(buf, Pretty::new(), value)
}
