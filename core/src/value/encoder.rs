//! [`to_value`]: any [`Encode`] type as a [`Value`], through an [`Encoder`]
//! that builds the tree.

use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

use super::{Map, Value};

/// Encodes `value` into a [`Value`], as JSON would hold it: map keys become
/// strings (integers written as their digits, as in JSON), unit structs and
/// `None` become `Null`, unit variants their name, and `f32`s widen to `f64`.
///
/// # Errors
///
/// Fails when the value does, or holds an unsigned 128-bit integer above
/// `i128::MAX`, which a `Value` cannot hold.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// use zerospec::Value;
///
/// let value = zerospec::value::to_value(&BTreeMap::from([(7u32, vec![true])]))?;
/// assert_eq!(value["7"][0], Value::Bool(true));
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn to_value<T: Encode + ?Sized>(value: &T) -> Result<Value> {
    to_value_as::<true, T>(value)
}

/// [`to_value`] with the encoder answering `HUMAN` to
/// [`Encoder::HUMAN_READABLE`], for types that write a compact form in
/// binary formats (the serde bridge passes on what its serializer says).
pub(crate) fn to_value_as<const HUMAN: bool, T: Encode + ?Sized>(value: &T) -> Result<Value> {
    let mut encoder = ValueEncoder::<HUMAN> { done: None };
    value.encode(&mut encoder)?;
    encoder
        .done
        .ok_or_else(|| Error::custom("the value wrote nothing"))
}

/// Builds a [`Value`] from encoder calls: each scalar, and each container as
/// it ends, becomes `done`, which the enclosing container's next call (or
/// its end) takes.
pub(crate) struct ValueEncoder<const HUMAN: bool> {
    done: Option<Value>,
}

/// An array being built.
pub(crate) struct ArrayState {
    items: Vec<Value>,
}

/// An object being built, with the key whose value comes next.
pub(crate) struct ObjectState {
    entries: Map,
    key: Option<String>,
}

impl<const HUMAN: bool> ValueEncoder<HUMAN> {
    #[inline]
    fn put(&mut self, value: Value) -> Result<()> {
        self.done = Some(value);
        Ok(())
    }

    /// Moves the finished value, if any, into the object under its key.
    fn settle(&mut self, object: &mut ObjectState) {
        if let (Some(key), Some(value)) = (object.key.take(), self.done.take()) {
            object.entries.insert(key, value);
        }
    }

    fn key(&mut self, object: &mut ObjectState, key: String) {
        self.settle(object);
        object.key = Some(key);
    }
}

impl<const HUMAN: bool> Encoder for ValueEncoder<HUMAN> {
    type Seq = ArrayState;
    type Map = ObjectState;

    const HUMAN_READABLE: bool = HUMAN;

    fn encode_null(&mut self) -> Result<()> {
        self.put(Value::Null)
    }

    fn encode_bool(&mut self, value: bool) -> Result<()> {
        self.put(Value::Bool(value))
    }

    fn encode_i64(&mut self, value: i64) -> Result<()> {
        self.put(Value::Int(value.into()))
    }

    fn encode_u64(&mut self, value: u64) -> Result<()> {
        self.put(Value::Int(value.into()))
    }

    fn encode_i128(&mut self, value: i128) -> Result<()> {
        self.put(Value::Int(value))
    }

    fn encode_u128(&mut self, value: u128) -> Result<()> {
        match i128::try_from(value) {
            Ok(value) => self.put(Value::Int(value)),
            Err(_) => Err(Error::unsupported(format!(
                "a `Value` holds integers up to {}, not {value}",
                i128::MAX
            ))),
        }
    }

    fn encode_f32(&mut self, value: f32) -> Result<()> {
        self.put(Value::Float(value.into()))
    }

    fn encode_f64(&mut self, value: f64) -> Result<()> {
        self.put(Value::Float(value))
    }

    fn encode_str(&mut self, value: &str) -> Result<()> {
        self.put(Value::Str(value.to_owned()))
    }

    fn encode_bytes(&mut self, value: &[u8]) -> Result<()> {
        self.put(Value::Bytes(value.to_vec()))
    }

    fn encode_ext(&mut self, tag: i8, data: &[u8]) -> Result<()> {
        self.put(Value::Ext(tag, data.to_vec()))
    }

    fn seq_begin(&mut self, len: usize) -> Result<ArrayState> {
        // The length comes from the value being encoded, not from input,
        // but a hand-written `Encode` may still overstate it.
        Ok(ArrayState {
            items: Vec::with_capacity(len.min(1024)),
        })
    }

    fn seq_elem(&mut self, seq: &mut ArrayState) -> Result<()> {
        if let Some(value) = self.done.take() {
            seq.items.push(value);
        }
        Ok(())
    }

    fn seq_end(&mut self, mut seq: ArrayState) -> Result<()> {
        self.seq_elem(&mut seq)?;
        self.put(Value::Array(seq.items))
    }

    fn map_begin(&mut self, len: Option<usize>) -> Result<ObjectState> {
        Ok(ObjectState {
            entries: Map::with_capacity(len.unwrap_or(0).min(1024)),
            key: None,
        })
    }

    fn map_str_key(&mut self, map: &mut ObjectState, key: &str) -> Result<()> {
        self.key(map, key.to_owned());
        Ok(())
    }

    fn map_key<K: EncodeKey + ?Sized>(&mut self, map: &mut ObjectState, key: &K) -> Result<()> {
        let key = key.with_key_str(|text| Ok(text.to_owned()))?;
        self.key(map, key);
        Ok(())
    }

    fn map_end(&mut self, mut map: ObjectState) -> Result<()> {
        self.settle(&mut map);
        self.put(Value::Object(map.entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_containers_take_their_children_in_order() {
        let nested = vec![vec![1u8, 2], vec![], vec![3]];
        let value = to_value(&nested).unwrap();
        let expected: Value = [vec![1, 2], vec![], vec![3]]
            .into_iter()
            .map(|row| row.into_iter().map(Value::from).collect::<Value>())
            .collect();
        assert_eq!(value, expected);
    }

    #[test]
    fn u128_beyond_i128_is_refused() {
        let err = to_value(&u128::MAX).unwrap_err();
        assert_eq!(
            err.message(),
            format!(
                "a `Value` holds integers up to {}, not {}",
                i128::MAX,
                u128::MAX
            )
        );
    }
}
