//! Encoding a [`Value`] to any format.

use crate::encode::{Encode, Encoder};
use crate::error::Result;

use super::{Map, Value};

impl Encode for Value {
    /// Writes the value as itself. Integers outside 64 bits need a format that
    /// holds them; binary data goes through [`Encoder::encode_bytes`] (an array of
    /// numbers in JSON), extension values through [`Encoder::encode_ext`], which
    /// JSON refuses.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return Err(crate::value::no_flat_form());
        }
        match self {
            Value::Null => encoder.encode_null(),
            Value::Bool(b) => encoder.encode_bool(*b),
            Value::Int(i) => {
                if let Ok(u) = u64::try_from(*i) {
                    encoder.encode_u64(u)
                } else if let Ok(i) = i64::try_from(*i) {
                    encoder.encode_i64(i)
                } else if let Ok(u) = u128::try_from(*i) {
                    encoder.encode_u128(u)
                } else {
                    encoder.encode_i128(*i)
                }
            }
            Value::Float(f) => encoder.encode_f64(*f),
            Value::Str(s) => encoder.encode_str(s),
            Value::Bytes(b) => encoder.encode_bytes(b),
            Value::Array(items) => {
                let mut seq = encoder.seq_begin(items.len())?;
                for item in items {
                    encoder.seq_elem(&mut seq)?;
                    item.encode(encoder)?;
                }
                encoder.seq_end(seq)
            }
            Value::Object(map) => map.encode(encoder),
            Value::Ext(tag, data) => encoder.encode_ext(*tag, data),
        }
    }
}

impl Encode for Map {
    /// Writes the entries in order, as an object of string keys.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        let mut state = encoder.map_begin(Some(self.len()))?;
        for (key, value) in self {
            encoder.map_str_key(&mut state, key)?;
            value.encode(encoder)?;
        }
        encoder.map_end(state)
    }
}
