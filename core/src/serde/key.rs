//! Map keys across the bridge.
//!
//! A serde map key is a value. Formats whose keys are strings (JSON) need
//! it as text, as serde_json's key serializer makes it: strings and chars as
//! themselves, integers and booleans quoted, finite floats quoted, anything
//! else refused with serde_json's `key must be a string`. Formats whose keys
//! are values (MessagePack) write it as a value. [`SerdeKey`] lets the
//! encoder choose through [`EncodeKey`]; reading, [`KeyProbe`] lets the
//! decoder's [`Decoder::decode_key`] say which kind of keys it has, and
//! [`TextKey`] reads a serde key from text, as serde_json's key
//! deserializer does.

use std::fmt::Display;

use serde::de::{self, DeserializeSeed, Visitor};
use serde::ser::{self, Impossible, Serialize};

use super::refuse::refuse;
use super::ser::Plain;
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// A serde map key as a zerospec key: [`Encode`] writes it as a value,
/// [`EncodeKey::with_key_str`] as text.
pub(super) struct SerdeKey<'k, K: ?Sized>(pub(super) &'k K);

impl<K: Serialize + ?Sized> Encode for SerdeKey<'_, K> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        self.0.serialize(Plain(encoder))
    }
}

impl<K: Serialize + ?Sized> EncodeKey for SerdeKey<'_, K> {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        self.0.serialize(KeyText { f })
    }
}

#[cold]
fn key_must_be_a_string() -> Error {
    Error::unsupported("key must be a string")
}

#[cold]
fn float_key_must_be_finite() -> Error {
    Error::unsupported("float key must be finite (got NaN or +/-inf)")
}

/// Serializes a key into its text and hands it to `f`.
struct KeyText<F> {
    f: F,
}

impl<R, F: FnOnce(&str) -> Result<R>> KeyText<F> {
    #[inline]
    fn integer(self, v: impl itoa::Integer) -> Result<R> {
        (self.f)(itoa::Buffer::new().format(v))
    }

    #[inline]
    fn float(self, v: impl zmij::Float, finite: bool) -> Result<R> {
        if !finite {
            return Err(float_key_must_be_finite());
        }
        (self.f)(zmij::Buffer::new().format_finite(v))
    }
}

impl<R, F: FnOnce(&str) -> Result<R>> ser::Serializer for KeyText<F> {
    type Ok = R;
    type Error = Error;
    type SerializeSeq = Impossible<R, Error>;
    type SerializeTuple = Impossible<R, Error>;
    type SerializeTupleStruct = Impossible<R, Error>;
    type SerializeTupleVariant = Impossible<R, Error>;
    type SerializeMap = Impossible<R, Error>;
    type SerializeStruct = Impossible<R, Error>;
    type SerializeStructVariant = Impossible<R, Error>;

    fn serialize_str(self, v: &str) -> Result<R> {
        (self.f)(v)
    }

    fn serialize_char(self, v: char) -> Result<R> {
        (self.f)(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_bool(self, v: bool) -> Result<R> {
        (self.f)(if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Result<R> {
        self.integer(v)
    }

    fn serialize_i16(self, v: i16) -> Result<R> {
        self.integer(v)
    }

    fn serialize_i32(self, v: i32) -> Result<R> {
        self.integer(v)
    }

    fn serialize_i64(self, v: i64) -> Result<R> {
        self.integer(v)
    }

    fn serialize_i128(self, v: i128) -> Result<R> {
        self.integer(v)
    }

    fn serialize_u8(self, v: u8) -> Result<R> {
        self.integer(v)
    }

    fn serialize_u16(self, v: u16) -> Result<R> {
        self.integer(v)
    }

    fn serialize_u32(self, v: u32) -> Result<R> {
        self.integer(v)
    }

    fn serialize_u64(self, v: u64) -> Result<R> {
        self.integer(v)
    }

    fn serialize_u128(self, v: u128) -> Result<R> {
        self.integer(v)
    }

    fn serialize_f32(self, v: f32) -> Result<R> {
        self.float(v, v.is_finite())
    }

    fn serialize_f64(self, v: f64) -> Result<R> {
        self.float(v, v.is_finite())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<R> {
        (self.f)(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<R> {
        value.serialize(self)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<R> {
        value.serialize(self)
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<R> {
        (self.f)(&value.to_string())
    }

    refuse! { key_must_be_a_string();
        bytes none unit unit_struct newtype_variant seq tuple tuple_struct tuple_variant map
        struct struct_variant
    }
}

/// What [`Decoder::decode_key`] gives: the key's text, in formats whose keys
/// are strings (they call [`MapKey::from_key_str`]), or `Value` in formats
/// whose keys are values (they call [`Decode::decode`], which here reads
/// nothing, leaving the key for the serde key's own deserializer).
pub(super) enum KeyProbe<'de> {
    /// The key is a value, still unread.
    Value,
    /// The key's text, borrowed from the input.
    Borrowed(&'de str),
    /// The key's text, unescaped.
    Owned(String),
}

impl<'de> Decode<'de> for KeyProbe<'de> {
    #[inline]
    fn decode<D: Decoder<'de>>(_decoder: &mut D) -> Result<Self> {
        Ok(KeyProbe::Value)
    }
}

impl<'de> MapKey<'de> for KeyProbe<'de> {
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        Ok(match key {
            Str::Borrowed(text) => KeyProbe::Borrowed(text),
            Str::Transient(text) => KeyProbe::Owned(text.to_owned()),
        })
    }
}

/// A serde deserializer over a key's text: strings as themselves, integers
/// and booleans parsed from it as zerospec parses such keys, as serde_json's
/// key deserializer does. Also the enum access of a unit variant written as
/// its name.
#[derive(Clone, Copy)]
pub(super) struct TextKey<'de, 's> {
    pub(super) key: Str<'de, 's>,
    pub(super) human: bool,
}

/// Reads the key as `$ty` with zerospec's key parser, then visits it.
macro_rules! parsed_key {
    ($($method:ident($ty:ty) => $visit:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(<$ty as MapKey<'de>>::from_key_str(self.key)?)
        }
    )*};
}

impl<'de> TextKey<'de, '_> {
    fn text<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.key {
            Str::Borrowed(text) => visitor.visit_borrowed_str(text),
            Str::Transient(text) => visitor.visit_str(text),
        }
    }

    /// A float key: a JSON number between the quotes, as serde_json reads one.
    fn float(self) -> Result<f64> {
        let text: &str = &self.key;
        let bytes = text.as_bytes();
        if matches!(bytes.first(), Some(b'-' | b'0'..=b'9'))
            && matches!(bytes.last(), Some(b'0'..=b'9'))
        {
            #[cfg(feature = "json")]
            let parsed = crate::json::from_str::<f64>(text).ok();
            #[cfg(not(feature = "json"))]
            let parsed = text.parse::<f64>().ok();
            if let Some(value) = parsed {
                return Ok(value);
            }
        }
        Err(Error::unexpected("float", "str"))
    }
}

impl<'de> de::Deserializer<'de> for TextKey<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.text(visitor)
    }

    parsed_key! {
        deserialize_bool(bool) => visit_bool;
        deserialize_i8(i8) => visit_i8;
        deserialize_i16(i16) => visit_i16;
        deserialize_i32(i32) => visit_i32;
        deserialize_i64(i64) => visit_i64;
        deserialize_i128(i128) => visit_i128;
        deserialize_u8(u8) => visit_u8;
        deserialize_u16(u16) => visit_u16;
        deserialize_u32(u32) => visit_u32;
        deserialize_u64(u64) => visit_u64;
        deserialize_u128(u128) => visit_u128;
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // As serde_json does: parse to f64, then narrow.
        #[allow(clippy::cast_possible_truncation)]
        visitor.visit_f32(self.float()? as f32)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // A key is never null.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.key {
            Str::Borrowed(text) => visitor.visit_borrowed_bytes(text.as_bytes()),
            Str::Transient(text) => visitor.visit_bytes(text.as_bytes()),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        self.human
    }

    serde::forward_to_deserialize_any! {
        char str string unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

impl<'de> de::EnumAccess<'de> for TextKey<'de, '_> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        Ok((seed.deserialize(self)?, self))
    }
}

/// The variant's content, asked of a variant given by name alone.
#[cold]
fn content_expected() -> Error {
    Error::unexpected("object", "str")
}

impl<'de> de::VariantAccess<'de> for TextKey<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(content_expected())
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(content_expected())
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(content_expected())
    }
}
