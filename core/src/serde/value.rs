//! serde's `Serialize` and `Deserialize` for [`Value`], as serde_json's
//! `Value` has them, plus the kinds MessagePack adds.

use std::fmt;

use serde::de::{self, Deserialize, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq};

use super::ext::EXT_STRUCT;
use crate::value::{Map, Value};

impl Serialize for Value {
    /// Writes the value as itself: integers as the narrowest of `u64`,
    /// `i64`, `u128` and `i128` that holds them, bytes with
    /// `serialize_bytes`, and an extension value as rmp-serde's `_ExtStruct`
    /// newtype of `(tag, bytes)`, which rmp-serde (and the bridge, in
    /// MessagePack) writes as an extension and serde_json as `[tag, [...]]`.
    ///
    /// # Examples
    ///
    /// ```
    /// let value: zerospec::Value = zerospec::json::from_slice(br#"{"a": [1, -2.5, null]}"#)?;
    /// assert_eq!(serde_json::to_string(&value).unwrap(), r#"{"a":[1,-2.5,null]}"#);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Int(i) => {
                if let Ok(u) = u64::try_from(*i) {
                    serializer.serialize_u64(u)
                } else if let Ok(i) = i64::try_from(*i) {
                    serializer.serialize_i64(i)
                } else if let Ok(u) = u128::try_from(*i) {
                    serializer.serialize_u128(u)
                } else {
                    serializer.serialize_i128(*i)
                }
            }
            Value::Float(f) => serializer.serialize_f64(*f),
            Value::Str(s) => serializer.serialize_str(s),
            Value::Bytes(b) => serializer.serialize_bytes(b),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(map) => map.serialize(serializer),
            Value::Ext(tag, data) => {
                serializer.serialize_newtype_struct(EXT_STRUCT, &(*tag, AsBytes(data)))
            }
        }
    }
}

impl Serialize for Map {
    /// Writes the entries in order, with string keys.
    ///
    /// # Examples
    ///
    /// ```
    /// let value: zerospec::Value = zerospec::json::from_slice(br#"{"b": 1, "a": 2}"#)?;
    /// let map = value.as_object().unwrap();
    /// assert_eq!(serde_json::to_string(map).unwrap(), r#"{"b":1,"a":2}"#);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Bytes that serialize with `serialize_bytes`.
struct AsBytes<'b>(&'b [u8]);

impl Serialize for AsBytes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

impl<'de> Deserialize<'de> for Value {
    /// Reads any self-describing value: objects keep their key order (an
    /// integer key, from MessagePack, becomes its digits), integers up to
    /// 128 bits stay exact, bytes stay bytes, and rmp-serde's extension
    /// newtype becomes [`Value::Ext`].
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Value;
    /// let value: Value = serde_json::from_str(r#"{"n": 18446744073709551615, "s": "x"}"#).unwrap();
    /// assert_eq!(value["n"], Value::from(u64::MAX));
    /// assert_eq!(value["s"], Value::from("x"));
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl<'de> Deserialize<'de> for Map {
    /// Reads an object, as [`Value`]'s `Deserialize` reads one.
    ///
    /// # Examples
    ///
    /// ```
    /// let map: zerospec::value::Map = serde_json::from_str(r#"{"a": true}"#).unwrap();
    /// assert_eq!(map["a"], zerospec::Value::Bool(true));
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_map(ValueVisitor)? {
            Value::Object(map) => Ok(map),
            _ => Err(de::Error::invalid_type(
                de::Unexpected::Other("a non-object"),
                &"a map",
            )),
        }
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(v.into()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        i128::try_from(v).map(Value::Int).map_err(|_| {
            E::custom(format!(
                "a `Value` holds integers up to {}, not {v}",
                i128::MAX
            ))
        })
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Bytes(v.to_vec()))
    }

    fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Value, E> {
        Ok(Value::Bytes(v))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        // Self-describing formats hand a value a newtype only for rmp-serde's
        // extension values: the pair of tag and data.
        let (tag, data) = <(i8, ByteVec)>::deserialize(deserializer)?;
        Ok(Value::Ext(tag, data.0))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some(KeyText(key)) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Value::Object(Map::from_entries(entries)))
    }
}

/// A map key as text: a string, or an integer's digits (MessagePack keys
/// are values), as a JSON object would hold it.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyTextVisitor)
    }
}

struct KeyTextVisitor;

impl Visitor<'_> for KeyTextVisitor {
    type Value = KeyText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E>(self, v: &str) -> Result<KeyText, E> {
        Ok(KeyText(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<KeyText, E> {
        Ok(KeyText(v))
    }

    fn visit_bool<E>(self, v: bool) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<KeyText, E> {
        Ok(KeyText(v.to_string()))
    }
}

/// Bytes read from a byte string or an array of numbers.
struct ByteVec(Vec<u8>);

impl<'de> Deserialize<'de> for ByteVec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_byte_buf(ByteVecVisitor)
    }
}

struct ByteVecVisitor;

impl<'de> Visitor<'de> for ByteVecVisitor {
    type Value = ByteVec;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a byte array")
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<ByteVec, E> {
        Ok(ByteVec(v.to_vec()))
    }

    fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<ByteVec, E> {
        Ok(ByteVec(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ByteVec, A::Error> {
        let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(byte) = seq.next_element()? {
            bytes.push(byte);
        }
        Ok(ByteVec(bytes))
    }
}
