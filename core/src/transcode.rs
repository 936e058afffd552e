//! Converting between JSON and MessagePack in one streaming pass.
//!
//! [`transcode`] reads any [`Decoder`] and drives any [`Encoder`] value by
//! value, so nothing is built in between: no [`Value`](crate::Value) tree, no
//! buffered document. [`json_to_msgpack`] and [`msgpack_to_json`] are the two
//! common directions.
//!
//! # What does not carry over
//!
//! Nothing is dropped silently. Going to JSON:
//!
//! - `bin` and extension values (timestamps included) are errors: JSON has no
//!   binary value, and writing them as arrays of numbers would not read back.
//! - `NaN` and the infinities are errors (serde_json would write `null`).
//! - Integer map keys become strings, `{"7": ...}`, as serde_json writes
//!   integer keys (and as zerospec reads them back into integer-keyed maps);
//!   keys of any other non-string type are errors.
//! - `float 32` values are written as the `f64` they convert to exactly.
//!
//! Going to MessagePack, JSON numbers become the smallest integer family that
//! holds them, or `float 64` when they have a fraction or exponent. As in
//! serde_json, an integer outside the 64-bit ranges reads as the nearest
//! `f64`.

use std::borrow::Cow;
use std::fmt;

use crate::decode::{Decode, Decoder, MapKey, Number, Peek, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};
use crate::json::{JsonDecoder, JsonEncoder};
use crate::msgpack::{MsgPackDecoder, MsgPackEncoder};

/// Converts a JSON document to MessagePack.
///
/// # Errors
///
/// Fails if the JSON is malformed, nests deeper than 128, or has trailing
/// characters.
///
/// # Examples
///
/// ```
/// let msgpack = zerospec::transcode::json_to_msgpack(br#"{"a": [1, -2, 0.5, null]}"#)?;
/// assert_eq!(
///     msgpack,
///     [0x81, 0xa1, b'a', 0x94, 0x01, 0xfe, 0xcb, 0x3f, 0xe0, 0, 0, 0, 0, 0, 0, 0xc0]
/// );
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn json_to_msgpack(json: &[u8]) -> Result<Vec<u8>> {
    let mut decoder = JsonDecoder::new(json);
    let mut encoder = MsgPackEncoder::new(Vec::with_capacity(json.len()));
    walk::<_, _, false>(&mut decoder, &mut encoder)?;
    decoder.end()?;
    Ok(encoder.into_inner())
}

/// Converts a MessagePack value to compact JSON.
///
/// # Errors
///
/// Fails if the MessagePack is malformed, nests deeper than 128, has trailing
/// bytes, or holds something JSON cannot (see the [module docs](self)).
///
/// # Examples
///
/// ```
/// let json = zerospec::transcode::msgpack_to_json(&[0x82, 0x01, 0xc3, 0xa1, b'k', 0x90])?;
/// assert_eq!(json, br#"{"1":true,"k":[]}"#);
///
/// let err = zerospec::transcode::msgpack_to_json(&[0x91, 0xc4, 0x01, 0xff]).unwrap_err();
/// assert_eq!(err.to_string(), "MessagePack binary data has no JSON form - at `$[0]`");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn msgpack_to_json(msgpack: &[u8]) -> Result<Vec<u8>> {
    let mut decoder = MsgPackDecoder::new(msgpack);
    let mut out = Vec::with_capacity(msgpack.len() * 2);
    walk::<_, _, true>(&mut decoder, &mut JsonEncoder::new(&mut out))?;
    decoder.end()?;
    Ok(out)
}

/// Reads one value from `decoder` and writes it to `encoder`, streaming.
///
/// What the target cannot hold is decided by its encoder: a JSON encoder
/// refuses extension values, for example, but writes binary data as an array
/// of numbers and non-finite floats as `null`, as serde_json does. Use
/// [`msgpack_to_json`] for the strict conversion.
///
/// # Errors
///
/// Fails if the input is malformed, or the encoder refuses a value.
///
/// # Examples
///
/// Pretty-printing MessagePack as JSON:
///
/// ```
/// use zerospec::json::JsonEncoder;
/// use zerospec::msgpack::MsgPackDecoder;
///
/// let mut out = Vec::new();
/// let mut decoder = MsgPackDecoder::new(&[0x91, 0x07]);
/// zerospec::transcode::transcode(&mut decoder, &mut JsonEncoder::pretty(&mut out))?;
/// assert_eq!(out, b"[\n  7\n]");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn transcode<'de, D: Decoder<'de>, E: Encoder>(decoder: &mut D, encoder: &mut E) -> Result<()> {
    walk::<_, _, false>(decoder, encoder)
}

/// Copies one value. With `JSON`, refuses what JSON cannot hold instead of
/// leaving it to the encoder.
fn walk<'de, D: Decoder<'de>, E: Encoder, const JSON: bool>(d: &mut D, e: &mut E) -> Result<()> {
    match d.peek()? {
        Peek::Null => {
            d.decode_null()?;
            e.encode_null()
        }
        Peek::Bool => {
            let value = d.decode_bool()?;
            e.encode_bool(value)
        }
        Peek::Str => {
            let value = d.decode_str()?;
            e.encode_str(&value)
        }
        Peek::Int | Peek::Float => match d.decode_number()? {
            Number::U64(v) => e.encode_u64(v),
            Number::I64(v) => e.encode_i64(v),
            Number::F64(v) if JSON && !v.is_finite() => Err(non_finite(v)),
            Number::F64(v) => e.encode_f64(v),
        },
        Peek::Bytes if JSON => Err(no_json_form("MessagePack binary data")),
        Peek::Bytes => {
            let value = d.decode_bytes()?;
            e.encode_bytes(&value)
        }
        Peek::Ext if JSON => Err(no_json_form("a MessagePack extension value")),
        Peek::Ext => {
            let (tag, data) = d.decode_ext()?;
            e.encode_ext(tag, &data)
        }
        Peek::Seq => {
            let mut seq = d.seq_begin()?;
            let mut out = match d.seq_remaining(&seq) {
                Some(len) => e.seq_begin(len)?,
                None => e.seq_begin_unknown()?,
            };
            let mut index = 0;
            while d.seq_next(&mut seq)? {
                e.seq_elem(&mut out)?;
                walk::<_, _, JSON>(d, e).map_err(|err| err.in_index(index))?;
                index += 1;
            }
            e.seq_end(out)
        }
        Peek::Map => {
            let mut map = d.map_begin()?;
            let mut out = e.map_begin(d.map_remaining(&map))?;
            while d.map_next_entry(&mut map)? {
                let key: Key<'de> = d.decode_key()?;
                e.map_key(&mut out, &key)?;
                walk::<_, _, JSON>(d, e).map_err(|err| err.in_key(&key))?;
            }
            e.map_end(out)
        }
    }
}

#[cold]
fn non_finite(value: f64) -> Error {
    Error::unsupported(format!("the float {value} has no JSON form"))
}

#[cold]
fn no_json_form(what: &str) -> Error {
    Error::unsupported(format!("{what} has no JSON form"))
}

/// A map key on its way through: a string, or an integer (MessagePack only).
enum Key<'de> {
    Str(Cow<'de, str>),
    U64(u64),
    I64(i64),
}

impl<'de> Key<'de> {
    fn from_str(s: Str<'de, '_>) -> Self {
        Key::Str(match s {
            Str::Borrowed(s) => Cow::Borrowed(s),
            Str::Transient(s) => Cow::Owned(s.to_owned()),
        })
    }
}

impl<'de> Decode<'de> for Key<'de> {
    fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
        match d.peek()? {
            Peek::Str => d.decode_str().map(Key::from_str),
            Peek::Int => Ok(match d.decode_number()? {
                Number::U64(v) => Key::U64(v),
                Number::I64(v) => Key::I64(v),
                // A text format's number key; MessagePack integers never read as floats.
                Number::F64(_) => return Err(bad_key(Peek::Float)),
            }),
            other => Err(bad_key(other)),
        }
    }
}

#[cold]
fn bad_key(kind: Peek) -> Error {
    Error::unsupported(format!(
        "a map key of type `{}` cannot be transcoded: only `str` and `int` keys can",
        kind.name()
    ))
}

impl<'de> MapKey<'de> for Key<'de> {
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        Ok(Key::from_str(key))
    }
}

impl Encode for Key<'_> {
    fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
        match self {
            Key::Str(s) => e.encode_str(s),
            Key::U64(v) => e.encode_u64(*v),
            Key::I64(v) => e.encode_i64(*v),
        }
    }
}

impl EncodeKey for Key<'_> {
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        let mut buf = itoa::Buffer::new();
        match self {
            Key::Str(s) => f(s),
            Key::U64(v) => f(buf.format(*v)),
            Key::I64(v) => f(buf.format(*v)),
        }
    }
}

impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Str(s) => f.write_str(s),
            Key::U64(v) => write!(f, "{v}"),
            Key::I64(v) => write!(f, "{v}"),
        }
    }
}
