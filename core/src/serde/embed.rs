//! [`encode`] and [`decode`], and serde values in positional formats.
//!
//! A positional format (the flat format) lays a value out from its type's
//! declaration, which a serde type does not give. There a serde value is
//! written as its MessagePack encoding (the bridge over zerospec's
//! MessagePack encoder, the bytes of `rmp_serde::to_vec_named`) held in one
//! bytes value, and read back from it.

use serde::{Deserialize, Serialize};

use super::de::Deserializer;
use super::ser::Serializer;
use crate::decode::Decoder;
use crate::encode::Encoder;
use crate::error::{Error, Result};

/// Writes a serde value into `encoder`: what `#[zerospec(with =
/// "zerospec::serde")]` calls for a field of a serde-only type.
///
/// In JSON and MessagePack the bytes are those of serde_json and
/// `rmp_serde::to_vec_named`. In the flat format, which lays values out by
/// type, the value is written as its MessagePack encoding, embedded as one
/// bytes value (and needs the `msgpack` feature).
///
/// # Errors
///
/// Fails as the value's `Serialize` does, where the format cannot hold it (a
/// map key that is neither a string nor a number, in JSON), or, in the flat
/// format without the `msgpack` feature, always.
///
/// # Examples
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
/// struct Legacy { id: u32 }
///
/// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
/// struct Record {
///     #[zerospec(with = "zerospec::serde")]
///     legacy: Legacy,
/// }
///
/// let record = Record { legacy: Legacy { id: 7 } };
/// let json = zerospec::json::to_string(&record)?;
/// assert_eq!(json, r#"{"legacy":{"id":7}}"#);
/// assert_eq!(zerospec::json::from_str::<Record>(&json)?, record);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn encode<T: Serialize + ?Sized, E: Encoder>(value: &T, encoder: &mut E) -> Result<()> {
    encode_with(encoder, |serializer| value.serialize(serializer))
}

/// Reads a serde value from `decoder`: what `#[zerospec(with =
/// "zerospec::serde")]` calls for a field of a serde-only type.
///
/// Strings borrow from the input as serde_json's do. In the flat format the
/// value is read from the MessagePack bytes [`encode`] embedded there, and
/// its strings borrow from the buffer.
///
/// # Errors
///
/// Fails on malformed input or a value of the wrong shape, with zerospec's
/// messages and the path to the value; in the flat format without the
/// `msgpack` feature, always.
///
/// # Examples
///
/// ```
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Point { x: i32, y: i32 }
///
/// let mut decoder = zerospec::json::JsonDecoder::new(br#"{"x": 1, "y": -2}"#);
/// let point: Point = zerospec::serde::decode(&mut decoder)?;
/// decoder.end()?;
/// assert_eq!(point, Point { x: 1, y: -2 });
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn decode<'de, T: Deserialize<'de>, D: Decoder<'de>>(decoder: &mut D) -> Result<T> {
    decode_with(decoder, |deserializer| T::deserialize(deserializer))
}

/// Runs `f` on a [`Serializer`] over `encoder`: what the derive calls for
/// `#[serde(serialize_with = "...")]` and `#[serde(with = "...")]`, whose
/// functions take any serde serializer.
///
/// In the flat format `f` writes MessagePack, embedded as one bytes value,
/// as [`encode`] does.
///
/// # Errors
///
/// Fails as `f` does, or as [`encode`] does in the flat format.
///
/// # Examples
///
/// ```
/// use serde::Serializer as _;
///
/// let mut out = Vec::new();
/// let mut encoder = zerospec::json::JsonEncoder::new(&mut out);
/// zerospec::serde::encode_with(&mut encoder, |s| s.collect_str(&format_args!("{}-{}", 1, 2)))?;
/// assert_eq!(out, br#""1-2""#);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn encode_with<E, F>(encoder: &mut E, f: F) -> Result<()>
where
    E: Encoder,
    F: FnOnce(Serializer<'_, E>) -> Result<(), Error>,
{
    if E::POSITIONAL {
        return encode_embedded(encoder, f);
    }
    f(Serializer::new(encoder))
}

/// Runs `f` on a [`Deserializer`] over `decoder`: what the derive calls for
/// `#[serde(deserialize_with = "...")]` and `#[serde(with = "...")]`.
///
/// In the flat format `f` reads the MessagePack [`encode_with`] embedded
/// there, as [`decode`] does, and must read all of it.
///
/// # Errors
///
/// Fails as `f` does, or as [`decode`] does in the flat format.
///
/// # Examples
///
/// ```
/// use serde::Deserialize;
///
/// let mut decoder = zerospec::json::JsonDecoder::new(b"\"0x1f\"");
/// let n = zerospec::serde::decode_with(&mut decoder, |d| {
///     let text = <&str>::deserialize(d)?;
///     u32::from_str_radix(text.trim_start_matches("0x"), 16).map_err(zerospec::Error::custom)
/// })?;
/// assert_eq!(n, 31);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn decode_with<'de, D, T, F>(decoder: &mut D, f: F) -> Result<T>
where
    D: Decoder<'de>,
    F: FnOnce(Deserializer<'_, D>) -> Result<T, Error>,
{
    if D::POSITIONAL {
        return f(Deserializer::embedded(decoder));
    }
    f(Deserializer::new(decoder))
}

#[cfg(not(feature = "msgpack"))]
pub(super) use self::without::EmbeddedEncoder;

/// Writes what `f` serializes as MessagePack, embedded in one bytes value.
#[cfg(feature = "msgpack")]
fn encode_embedded<E, F>(encoder: &mut E, f: F) -> Result<()>
where
    E: Encoder,
    F: FnOnce(Serializer<'_, E>) -> Result<(), Error>,
{
    let mut embedded = EmbeddedEncoder::new(Vec::new());
    f(Serializer::embedded(&mut embedded))?;
    encoder.encode_bytes(&embedded.into_inner())
}

/// The error for a serde value in a positional format without MessagePack.
#[cfg(not(feature = "msgpack"))]
#[cold]
pub(super) fn no_msgpack() -> Error {
    Error::unsupported(
        "a serde value is embedded in the flat format as MessagePack, which needs zerospec's `msgpack` feature",
    )
}

#[cfg(not(feature = "msgpack"))]
fn encode_embedded<E, F>(_encoder: &mut E, _f: F) -> Result<()>
where
    E: Encoder,
    F: FnOnce(Serializer<'_, E>) -> Result<(), Error>,
{
    Err(no_msgpack())
}

/// The encoder of a serde value a positional format embeds.
#[cfg(feature = "msgpack")]
pub(super) type EmbeddedEncoder = crate::msgpack::MsgPackEncoder<Vec<u8>>;

#[cfg(not(feature = "msgpack"))]
mod without {
    //! Without the `msgpack` feature nothing is embedded: this stands in for
    //! the embedded encoder, and no value of it exists.

    use std::convert::Infallible;

    use crate::encode::{EncodeKey, Encoder};
    use crate::error::Result;

    /// A format that has no values.
    pub struct NoFormat(Infallible);

    pub(in crate::serde) type EmbeddedEncoder = NoFormat;

    impl Encoder for NoFormat {
        type Seq = Infallible;
        type Map = Infallible;

        fn encode_null(&mut self) -> Result<()> {
            match self.0 {}
        }
        fn encode_bool(&mut self, _: bool) -> Result<()> {
            match self.0 {}
        }
        fn encode_i64(&mut self, _: i64) -> Result<()> {
            match self.0 {}
        }
        fn encode_u64(&mut self, _: u64) -> Result<()> {
            match self.0 {}
        }
        fn encode_i128(&mut self, _: i128) -> Result<()> {
            match self.0 {}
        }
        fn encode_u128(&mut self, _: u128) -> Result<()> {
            match self.0 {}
        }
        fn encode_f32(&mut self, _: f32) -> Result<()> {
            match self.0 {}
        }
        fn encode_f64(&mut self, _: f64) -> Result<()> {
            match self.0 {}
        }
        fn encode_str(&mut self, _: &str) -> Result<()> {
            match self.0 {}
        }
        fn encode_bytes(&mut self, _: &[u8]) -> Result<()> {
            match self.0 {}
        }
        fn seq_begin(&mut self, _: usize) -> Result<Infallible> {
            match self.0 {}
        }
        fn seq_elem(&mut self, _: &mut Infallible) -> Result<()> {
            match self.0 {}
        }
        fn seq_end(&mut self, _: Infallible) -> Result<()> {
            match self.0 {}
        }
        fn map_begin(&mut self, _: Option<usize>) -> Result<Infallible> {
            match self.0 {}
        }
        fn map_str_key(&mut self, _: &mut Infallible, _: &str) -> Result<()> {
            match self.0 {}
        }
        fn map_key<K: EncodeKey + ?Sized>(&mut self, _: &mut Infallible, _: &K) -> Result<()> {
            match self.0 {}
        }
        fn map_end(&mut self, _: Infallible) -> Result<()> {
            match self.0 {}
        }
    }
}
