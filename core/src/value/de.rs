//! Decoding a [`Value`] from any format, by asking the decoder what comes next.

use crate::decode::{Decode, Decoder, Number, Peek};
use crate::error::Result;

use super::{Map, Value};

impl<'de> Decode<'de> for Value {
    /// Reads whatever value comes next. Nesting is bounded by the decoder's
    /// depth limit, which also bounds this function's recursion.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return Err(crate::value::no_flat_form());
        }
        match decoder.peek()? {
            Peek::Null => decoder.decode_null().map(|()| Value::Null),
            Peek::Bool => decoder.decode_bool().map(Value::Bool),
            Peek::Int => Ok(match decoder.decode_number()? {
                Number::U64(u) => Value::Int(u.into()),
                Number::I64(i) => Value::Int(i.into()),
                Number::F64(f) => Value::Float(f),
            }),
            Peek::Float => decoder.decode_f64().map(Value::Float),
            Peek::Str => decoder.decode_str().map(|s| Value::Str((*s).to_owned())),
            Peek::Bytes => decoder.decode_bytes().map(|b| Value::Bytes(b.to_vec())),
            Peek::Seq => decode_array(decoder).map(Value::Array),
            Peek::Map => Map::decode(decoder).map(Value::Object),
            Peek::Ext => decoder
                .decode_ext()
                .map(|(tag, data)| Value::Ext(tag, data.to_vec())),
        }
    }
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

impl<'de> Decode<'de> for Map {
    /// Reads an object with string keys; a repeated key keeps its last value.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let mut state = decoder.map_begin()?;
        let hint = decoder.map_remaining(&state);
        let mut entries =
            Vec::with_capacity(decoder.reserve_ahead(hint, size_of::<(String, Value)>()));
        while let Some(key) = decoder.map_next_key(&mut state)? {
            let key = (*key).to_owned();
            match Value::decode(decoder) {
                Ok(value) => entries.push((key, value)),
                Err(err) => return Err(err.in_key(&key)),
            }
        }
        Ok(Map::from_entries(entries))
    }
}
