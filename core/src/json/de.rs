//! Decoding JSON into a type: `from_slice`, `from_str`, `from_reader`.

use crate::decode::{Decode, DecodeOwned};
use crate::error::Result;

use super::read::JsonDecoder;

/// Decodes a `T` from JSON bytes; only whitespace may follow the value.
///
/// Strings without escapes are borrowed from `input`, so `T` may hold `&'de str`.
/// Nesting deeper than 128 is an error; see [`from_slice_with_max_depth`].
///
/// # Errors
///
/// Fails when the input is not RFC 8259 JSON (a syntax error with its byte
/// offset, line and column), or does not hold a valid `T` (with the path to the
/// value at fault).
///
/// # Examples
///
/// ```
/// use zerospec::Value;
///
/// let v: Value = zerospec::json::from_slice(br#"{"id": 7, "tags": ["a", "b"]}"#)?;
/// assert_eq!(v["tags"][1], Value::from("b"));
///
/// let err = zerospec::json::from_slice::<Value>(b"[1, 2,]").unwrap_err();
/// assert_eq!(err.to_string(), "JSON is malformed: trailing comma in array (byte 6)");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn from_slice<'de, T: Decode<'de>>(input: &'de [u8]) -> Result<T> {
    finish(JsonDecoder::new(input))
}

/// Decodes a `T` from JSON bytes, allowing arrays and objects to nest `max_depth` deep.
///
/// # Errors
///
/// As [`from_slice`], with the given limit in place of 128.
///
/// # Examples
///
/// ```
/// use zerospec::Value;
///
/// let err = zerospec::json::from_slice_with_max_depth::<Value>(b"[[1]]", 1).unwrap_err();
/// assert_eq!(err.kind(), zerospec::ErrorKind::Depth);
/// assert!(zerospec::json::from_slice_with_max_depth::<Value>(b"[[1]]", 2).is_ok());
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn from_slice_with_max_depth<'de, T: Decode<'de>>(
    input: &'de [u8],
    max_depth: u32,
) -> Result<T> {
    finish(JsonDecoder::new(input).with_max_depth(max_depth))
}

/// Decodes a `T` from JSON text; only whitespace may follow the value.
///
/// As [`from_slice`], but the input is known to be UTF-8, so strings skip that check.
///
/// # Errors
///
/// As [`from_slice`].
///
/// # Examples
///
/// ```
/// use zerospec::Value;
///
/// let v: Value = zerospec::json::from_str(r#"{"name": "Zoë"}"#)?;
/// assert_eq!(v["name"].as_str(), Some("Zoë"));
/// # Ok::<_, zerospec::Error>(())
/// ```
#[allow(clippy::should_implement_trait)]
pub fn from_str<'de, T: Decode<'de>>(input: &'de str) -> Result<T> {
    finish(JsonDecoder::from_text(input))
}

/// Decodes a `T` from everything `reader` yields; only whitespace may follow the value.
///
/// The whole input is read into memory first (decoding always works on a
/// slice), so `T` must own its data. Wrap slow readers in a `BufReader` if you
/// like; it is not needed for files, which are read in large blocks.
///
/// # Errors
///
/// Fails when reading fails (an [`ErrorKind::Io`](crate::ErrorKind::Io) error),
/// and as [`from_slice`].
///
/// # Examples
///
/// ```
/// use zerospec::Value;
///
/// let input: &[u8] = b"[true, null]";
/// let v: Value = zerospec::json::from_reader(input)?;
/// assert_eq!(v, Value::from(vec![Value::Bool(true), Value::Null]));
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn from_reader<R: std::io::Read, T: DecodeOwned>(mut reader: R) -> Result<T> {
    let mut input = Vec::new();
    reader.read_to_end(&mut input)?;
    from_slice(&input)
}

/// Decodes one value, then checks that nothing but whitespace follows.
#[inline]
fn finish<'de, T: Decode<'de>>(mut decoder: JsonDecoder<'de>) -> Result<T> {
    let value = T::decode(&mut decoder)?;
    decoder.end()?;
    Ok(value)
}
