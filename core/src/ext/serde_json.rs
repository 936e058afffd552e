//! `serde_json`'s `Value`, `Map<String, Value>` and `Number` (feature
//! `serde_json`), converted on the fly: decoding walks the decoder, asking
//! [`peek`](crate::Decoder::peek) what comes next, and encoding drives the
//! encoder, with no text in between, in any format but the flat one (which
//! lays a type out from its declaration, so it has no form for schemaless data).
//!
//! Numbers keep serde_json's three kinds: non-negative integers as `u64`,
//! negative ones as `i64`, and everything else as `f64` (integers past 64
//! bits too, as serde_json reads them); MessagePack writes each in its
//! smallest integer form, floats as float 64, as rmp-serde writes them. A
//! MessagePack float that is not finite reads as `null`, as serde_json's
//! `Value` takes it; binary data and extension values have no `Value` and
//! are refused. Objects keep the order serde_json's `Map` keeps (sorted by
//! key, or the input's order with its `preserve_order` feature), and a key
//! given twice keeps its last value, through `Map::insert`. Nesting is
//! bounded by the decoder's depth limit. serde_json's `arbitrary_precision`
//! feature is not supported: with it on, a `Number` is written as an `f64`
//! or a 64-bit integer like any other.
//!
//! # Examples
//!
//! ```
//! use serde_json::{Value, json};
//!
//! let v: Value = zerospec::msgpack::from_slice(&zerospec::msgpack::to_vec(&json!({"a": [1, -2, 2.5]}))?)?;
//! assert_eq!(v, json!({"a": [1, -2, 2.5]}));
//! assert_eq!(zerospec::json::to_string(&v)?, r#"{"a":[1,-2,2.5]}"#);
//! # Ok::<_, zerospec::Error>(())
//! ```

use ::serde_json::{Map, Number, Value};

use crate::decode::{Decode, Decoder, Number as Read, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// The error for these types in the flat format.
#[cold]
fn no_flat_form(what: &str) -> Error {
    Error::unsupported(format!(
        "`{what}` has no flat form: the flat format lays out a type from its declaration; use JSON or MessagePack for schemaless data"
    ))
}

fn encode_number<E: Encoder>(number: &Number, encoder: &mut E) -> Result<()> {
    if let Some(u) = number.as_u64() {
        encoder.encode_u64(u)
    } else if let Some(i) = number.as_i64() {
        encoder.encode_i64(i)
    } else {
        // Every other `Number` is a finite float.
        encoder.encode_f64(number.as_f64().unwrap_or_default())
    }
}

fn encode_map<E: Encoder>(map: &Map<String, Value>, encoder: &mut E) -> Result<()> {
    let mut state = encoder.map_begin(Some(map.len()))?;
    for (key, value) in map {
        encoder.map_str_key(&mut state, key)?;
        value.encode(encoder)?;
    }
    encoder.map_end(state)
}

impl Encode for Value {
    /// Writes the value as itself.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return Err(no_flat_form("serde_json::Value"));
        }
        match self {
            Value::Null => encoder.encode_null(),
            Value::Bool(b) => encoder.encode_bool(*b),
            Value::Number(n) => encode_number(n, encoder),
            Value::String(s) => encoder.encode_str(s),
            Value::Array(items) => {
                let mut seq = encoder.seq_begin(items.len())?;
                for item in items {
                    encoder.seq_elem(&mut seq)?;
                    item.encode(encoder)?;
                }
                encoder.seq_end(seq)
            }
            Value::Object(map) => encode_map(map, encoder),
        }
    }
}

impl Encode for Map<String, Value> {
    /// Writes an object, in the map's order.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return Err(no_flat_form("serde_json::Map"));
        }
        encode_map(self, encoder)
    }
}

impl Encode for Number {
    /// Writes the number as its kind: `u64`, `i64` or `f64`.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return Err(no_flat_form("serde_json::Number"));
        }
        encode_number(self, encoder)
    }
}

/// Reads any number as serde_json's `Value` keeps it: `None` for a float
/// that is not finite.
fn decode_number<'de, D: Decoder<'de>>(decoder: &mut D) -> Result<Option<Number>> {
    Ok(match decoder.decode_number()? {
        Read::U64(u) => Some(u.into()),
        Read::I64(i) => Some(i.into()),
        Read::F64(f) => Number::from_f64(f),
    })
}

fn decode_array<'de, D: Decoder<'de>>(decoder: &mut D) -> Result<Vec<Value>> {
    let mut seq = decoder.seq_begin()?;
    let hint = decoder.seq_remaining(&seq);
    let mut items = Vec::with_capacity(decoder.reserve_ahead(hint, size_of::<Value>()));
    while decoder.seq_next(&mut seq)? {
        let item = Value::decode(decoder).map_err(|e| e.in_index(items.len()))?;
        items.push(item);
    }
    Ok(items)
}

fn decode_map<'de, D: Decoder<'de>>(decoder: &mut D) -> Result<Map<String, Value>> {
    let mut state = decoder.map_begin()?;
    let mut map = Map::new();
    while let Some(key) = decoder.map_next_key(&mut state)? {
        let key = String::from(&*key);
        match Value::decode(decoder) {
            Ok(value) => {
                map.insert(key, value);
            }
            Err(err) => return Err(err.in_key(&key)),
        }
    }
    Ok(map)
}

impl<'de> Decode<'de> for Value {
    /// Reads whatever value comes next. Nesting is bounded by the decoder's
    /// depth limit, which also bounds this function's recursion.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return Err(no_flat_form("serde_json::Value"));
        }
        match decoder.peek()? {
            Peek::Null => decoder.decode_null().map(|()| Value::Null),
            Peek::Bool => decoder.decode_bool().map(Value::Bool),
            Peek::Int | Peek::Float => {
                Ok(decode_number(decoder)?.map_or(Value::Null, Value::Number))
            }
            Peek::Str => decoder
                .decode_str()
                .map(|s| Value::String(String::from(&*s))),
            Peek::Seq => decode_array(decoder).map(Value::Array),
            Peek::Map => decode_map(decoder).map(Value::Object),
            found => Err(decoder.locate(Error::unexpected("JSON value", found.name()))),
        }
    }
}

impl<'de> Decode<'de> for Map<String, Value> {
    /// Reads an object; in binary formats `nil` reads as an empty map, as
    /// rmp-serde reads it (it hands the map's `visit_unit` a `nil`, where
    /// serde_json refuses `null`).
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return Err(no_flat_form("serde_json::Map"));
        }
        if !D::HUMAN_READABLE && decoder.peek()? == Peek::Null {
            decoder.decode_null()?;
            return Ok(Map::new());
        }
        decode_map(decoder)
    }
}

impl<'de> Decode<'de> for Number {
    /// Reads any number; a float that is not finite is refused.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return Err(no_flat_form("serde_json::Number"));
        }
        match decode_number(decoder)? {
            Some(number) => Ok(number),
            None => Err(decoder.locate(Error::invalid(
                "Expected a finite number, which JSON can hold".to_owned(),
            ))),
        }
    }
}
