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
#[cfg(feature = "msgpack")]
use crate::decode::Bytes;
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
/// value is read from the MessagePack bytes [`encode`] embedded there;
/// strings in it are copied, so a `&str` inside a serde value cannot be
/// read from the flat format.
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
        return decode_embedded(decoder, f);
    }
    f(Deserializer::new(decoder))
}

#[cfg(feature = "msgpack")]
pub(super) use self::msgpack::{Detached, EmbeddedDecoder, EmbeddedEncoder};
#[cfg(not(feature = "msgpack"))]
pub(super) use self::without::{EmbeddedDecoder, EmbeddedEncoder};

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

/// Reads a bytes value and runs `f` over the MessagePack it holds.
#[cfg(feature = "msgpack")]
fn decode_embedded<'de, D, T, F>(decoder: &mut D, f: F) -> Result<T>
where
    D: Decoder<'de>,
    F: FnOnce(Deserializer<'_, D>) -> Result<T, Error>,
{
    let copy;
    let bytes: &[u8] = match decoder.decode_bytes()? {
        Bytes::Borrowed(bytes) => bytes,
        Bytes::Transient(bytes) => {
            copy = bytes.to_vec();
            &copy
        }
    };
    // The deserializer checks that the value ends with the bytes.
    f(Deserializer::embedded(Detached::new(bytes)))
}

#[cfg(not(feature = "msgpack"))]
#[cold]
fn no_msgpack() -> Error {
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

#[cfg(not(feature = "msgpack"))]
fn decode_embedded<'de, D, T, F>(_decoder: &mut D, _f: F) -> Result<T>
where
    D: Decoder<'de>,
    F: FnOnce(Deserializer<'_, D>) -> Result<T, Error>,
{
    Err(no_msgpack())
}

#[cfg(feature = "msgpack")]
mod msgpack {
    //! The MessagePack that positional formats embed.

    use crate::decode::{Bytes, Decoder, MapKey, Number, Peek, Str};
    use crate::error::{Error, Result};
    use crate::msgpack::{Checkpoint, MapReader, MsgPackDecoder, MsgPackEncoder, SeqReader};

    /// The encoder of an embedded serde value.
    pub(in crate::serde) type EmbeddedEncoder = MsgPackEncoder<Vec<u8>>;

    /// The decoder of an embedded serde value.
    pub(in crate::serde) type EmbeddedDecoder<'x> = Detached<'x>;

    /// A MessagePack decoder that lends nothing: it reads as
    /// [`MsgPackDecoder`] does, but hands every string and byte string out
    /// as transient, so it is a [`Decoder`] for input of any lifetime. The
    /// bytes a positional format embeds come from its decoder, and a serde
    /// [`Deserializer`](super::Deserializer) over that decoder cannot name
    /// their lifetime.
    pub struct Detached<'x>(MsgPackDecoder<'x>);

    impl<'x> Detached<'x> {
        pub(in crate::serde) fn new(bytes: &'x [u8]) -> Self {
            Detached(MsgPackDecoder::new(bytes))
        }

        pub(in crate::serde) fn end(&self) -> Result<()> {
            self.0.end()
        }
    }

    impl<'de> Decoder<'de> for Detached<'_> {
        type Seq = SeqReader;
        type Map = MapReader;
        type Checkpoint = Checkpoint;

        const HUMAN_READABLE: bool = false;

        fn peek(&mut self) -> Result<Peek> {
            self.0.peek()
        }

        fn decode_null(&mut self) -> Result<()> {
            self.0.decode_null()
        }

        fn decode_option(&mut self) -> Result<bool> {
            self.0.decode_option()
        }

        fn decode_bool(&mut self) -> Result<bool> {
            self.0.decode_bool()
        }

        fn decode_i64(&mut self) -> Result<i64> {
            self.0.decode_i64()
        }

        fn decode_u64(&mut self) -> Result<u64> {
            self.0.decode_u64()
        }

        fn decode_i128(&mut self) -> Result<i128> {
            self.0.decode_i128()
        }

        fn decode_u128(&mut self) -> Result<u128> {
            self.0.decode_u128()
        }

        fn decode_f64(&mut self) -> Result<f64> {
            self.0.decode_f64()
        }

        fn decode_f32(&mut self) -> Result<f32> {
            self.0.decode_f32()
        }

        fn decode_number(&mut self) -> Result<Number> {
            self.0.decode_number()
        }

        fn decode_str(&mut self) -> Result<Str<'de, '_>> {
            Ok(Str::Transient(match self.0.decode_str()? {
                Str::Borrowed(text) | Str::Transient(text) => text,
            }))
        }

        fn decode_string(&mut self) -> Result<String> {
            self.0.decode_string()
        }

        fn decode_bytes(&mut self) -> Result<Bytes<'de, '_>> {
            Ok(Bytes::Transient(match self.0.decode_bytes()? {
                Bytes::Borrowed(bytes) | Bytes::Transient(bytes) => bytes,
            }))
        }

        fn decode_ext(&mut self) -> Result<(i8, Bytes<'de, '_>)> {
            let (tag, data) = self.0.decode_ext()?;
            Ok((
                tag,
                Bytes::Transient(match data {
                    Bytes::Borrowed(bytes) | Bytes::Transient(bytes) => bytes,
                }),
            ))
        }

        fn decode_unit_struct(&mut self) -> Result<()> {
            self.0.decode_unit_struct()
        }

        fn seq_begin(&mut self) -> Result<SeqReader> {
            self.0.seq_begin()
        }

        fn seq_next(&mut self, seq: &mut SeqReader) -> Result<bool> {
            self.0.seq_next(seq)
        }

        fn seq_remaining(&self, seq: &SeqReader) -> Option<usize> {
            self.0.seq_remaining(seq)
        }

        fn map_begin(&mut self) -> Result<MapReader> {
            self.0.map_begin()
        }

        fn map_next_key(&mut self, map: &mut MapReader) -> Result<Option<Str<'de, '_>>> {
            Ok(self.0.map_next_key(map)?.map(|key| match key {
                Str::Borrowed(text) | Str::Transient(text) => Str::Transient(text),
            }))
        }

        fn map_next_entry(&mut self, map: &mut MapReader) -> Result<bool> {
            self.0.map_next_entry(map)
        }

        fn decode_key<K: MapKey<'de>>(&mut self) -> Result<K> {
            // MessagePack keys are values, as `MsgPackDecoder` reads them.
            K::decode(self)
        }

        fn map_remaining(&self, map: &MapReader) -> Option<usize> {
            self.0.map_remaining(map)
        }

        fn skip_value(&mut self) -> Result<()> {
            self.0.skip_value()
        }

        fn checkpoint(&self) -> Checkpoint {
            self.0.checkpoint()
        }

        fn restore(&mut self, checkpoint: Checkpoint) {
            self.0.restore(checkpoint);
        }

        fn locate(&self, err: Error) -> Error {
            self.0.locate(err)
        }
    }
}

#[cfg(not(feature = "msgpack"))]
mod without {
    //! Without the `msgpack` feature nothing is embedded: these stand in for
    //! the embedded encoder and decoder, and no value of them exists.

    use std::convert::Infallible;
    use std::marker::PhantomData;

    use crate::decode::{Bytes, Decoder, MapKey, Number, Peek, Str};
    use crate::encode::{EncodeKey, Encoder};
    use crate::error::Result;

    /// A format that has no values.
    pub struct NoFormat<'x>(Infallible, PhantomData<&'x ()>);

    pub(in crate::serde) type EmbeddedEncoder = NoFormat<'static>;
    pub(in crate::serde) type EmbeddedDecoder<'x> = NoFormat<'x>;

    impl NoFormat<'_> {
        pub(in crate::serde) fn end(&self) -> Result<()> {
            match self.0 {}
        }
    }

    impl Encoder for NoFormat<'_> {
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

    impl<'de> Decoder<'de> for NoFormat<'_> {
        type Seq = Infallible;
        type Map = Infallible;
        type Checkpoint = ();

        const HUMAN_READABLE: bool = false;

        fn peek(&mut self) -> Result<Peek> {
            match self.0 {}
        }
        fn decode_null(&mut self) -> Result<()> {
            match self.0 {}
        }
        fn decode_option(&mut self) -> Result<bool> {
            match self.0 {}
        }
        fn decode_bool(&mut self) -> Result<bool> {
            match self.0 {}
        }
        fn decode_i64(&mut self) -> Result<i64> {
            match self.0 {}
        }
        fn decode_u64(&mut self) -> Result<u64> {
            match self.0 {}
        }
        fn decode_i128(&mut self) -> Result<i128> {
            match self.0 {}
        }
        fn decode_u128(&mut self) -> Result<u128> {
            match self.0 {}
        }
        fn decode_f64(&mut self) -> Result<f64> {
            match self.0 {}
        }
        fn decode_number(&mut self) -> Result<Number> {
            match self.0 {}
        }
        fn decode_str(&mut self) -> Result<Str<'de, '_>> {
            match self.0 {}
        }
        fn decode_bytes(&mut self) -> Result<Bytes<'de, '_>> {
            match self.0 {}
        }
        fn seq_begin(&mut self) -> Result<Infallible> {
            match self.0 {}
        }
        fn seq_next(&mut self, _: &mut Infallible) -> Result<bool> {
            match self.0 {}
        }
        fn map_begin(&mut self) -> Result<Infallible> {
            match self.0 {}
        }
        fn map_next_key(&mut self, _: &mut Infallible) -> Result<Option<Str<'de, '_>>> {
            match self.0 {}
        }
        fn map_next_entry(&mut self, _: &mut Infallible) -> Result<bool> {
            match self.0 {}
        }
        fn decode_key<K: MapKey<'de>>(&mut self) -> Result<K> {
            match self.0 {}
        }
        fn skip_value(&mut self) -> Result<()> {
            match self.0 {}
        }
        fn checkpoint(&self) {
            match self.0 {}
        }
        fn restore(&mut self, (): ()) {
            match self.0 {}
        }
    }
}
