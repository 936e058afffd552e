//! [`from_value`]: any [`Decode`] type from a [`Value`], through a
//! [`Decoder`] that walks the tree. Strings are borrowed from the tree.

use crate::decode::{Bytes, Decode, DecodeOwned, Decoder, MapKey, Number, Peek, Str};
use crate::error::{Error, Result};

use super::{Iter, Value};

/// Decodes a `T` from `value`, reading it as JSON reads a document: objects
/// have string keys (integer keys are parsed from their digits), and the
/// number kinds convert as JSON numbers do.
///
/// # Errors
///
/// Fails as decoding the same data from JSON would: a value of the wrong
/// type, out of range, a missing field.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// let value: zerospec::Value = zerospec::json::from_slice(br#"{"7": [1, 2]}"#)?;
/// let map: BTreeMap<u32, Vec<u8>> = zerospec::value::from_value(value)?;
/// assert_eq!(map[&7], [1, 2]);
///
/// let err = zerospec::value::from_value::<Vec<u8>>(zerospec::Value::from("x")).unwrap_err();
/// assert_eq!(err.to_string(), "Expected `array`, got `str` - at `$`");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn from_value<T: DecodeOwned>(value: Value) -> Result<T> {
    from_value_as::<true, T>(&value)
}

/// [`from_value`] over a borrowed tree, with the decoder answering `HUMAN`
/// to [`Decoder::HUMAN_READABLE`] (the serde bridge passes on what its
/// deserializer says).
pub(crate) fn from_value_as<'v, const HUMAN: bool, T: Decode<'v>>(value: &'v Value) -> Result<T> {
    let mut decoder = ValueDecoder::<HUMAN> {
        next: Some(value),
        key: None,
        nested_at: std::ptr::null(),
        depth: 0,
    };
    T::decode(&mut decoder)
}

/// How many owning pointers may nest with no value read between them.
const NESTED_LIMIT: u32 = 128;

/// Reads a [`Value`] tree: `next` is the value the next read takes.
pub(crate) struct ValueDecoder<'v, const HUMAN: bool> {
    next: Option<&'v Value>,
    /// The key of the entry `map_next_entry` moved to, for `decode_key`.
    key: Option<&'v str>,
    /// The value the last owning pointer began at (`Decoder::decode_nested`),
    /// and how many pointers deep the decoder is with no value read between.
    /// A tree is finite, so only those can nest without end.
    nested_at: *const Value,
    depth: u32,
}

/// An array being read: the elements left.
pub(crate) struct ArrayCursor<'v> {
    items: std::slice::Iter<'v, Value>,
}

/// An object being read: the entries left.
pub(crate) struct ObjectCursor<'v> {
    entries: Iter<'v>,
}

/// Where a [`ValueDecoder`] stands.
#[derive(Clone, Copy)]
pub(crate) struct Mark<'v> {
    next: Option<&'v Value>,
    key: Option<&'v str>,
}

/// The name of a value's kind in error messages.
fn kind(value: &Value) -> Peek {
    match value {
        Value::Null => Peek::Null,
        Value::Bool(_) => Peek::Bool,
        Value::Int(_) => Peek::Int,
        Value::Float(_) => Peek::Float,
        Value::Str(_) => Peek::Str,
        Value::Bytes(_) => Peek::Bytes,
        Value::Array(_) => Peek::Seq,
        Value::Object(_) => Peek::Map,
        Value::Ext(..) => Peek::Ext,
    }
}

#[cold]
fn mismatch(expected: &str, found: &Value) -> Error {
    Error::unexpected(expected, kind(found).name())
}

#[cold]
fn nothing_left() -> Error {
    Error::custom("no value left to read: a container was read past its end")
}

impl<'v, const HUMAN: bool> ValueDecoder<'v, HUMAN> {
    /// Takes the value the next read is for.
    #[inline]
    fn take(&mut self) -> Result<&'v Value> {
        self.next.take().ok_or_else(nothing_left)
    }

    #[inline]
    fn current(&self) -> Result<&'v Value> {
        self.next.ok_or_else(nothing_left)
    }

    /// The integer the next value holds, or the error naming `expected`.
    fn int(&mut self, expected: &str) -> Result<i128> {
        let value = self.current()?;
        match *value {
            Value::Int(i) => {
                self.next = None;
                Ok(i)
            }
            // A 128-bit integer as MessagePack holds it: 16 big-endian bytes.
            Value::Bytes(ref bytes) if !HUMAN && bytes.len() == 16 => {
                self.next = None;
                let mut raw = [0; 16];
                raw.copy_from_slice(bytes);
                Ok(i128::from_be_bytes(raw))
            }
            _ => Err(mismatch(expected, value)),
        }
    }
}

/// Narrows `wide` to `T`, with zerospec's range message.
fn fit<T: TryFrom<i128>>(wide: i128, min: i128, max: u128) -> Result<T> {
    T::try_from(wide).map_err(|_| {
        if wide < min {
            Error::int_below(min)
        } else {
            Error::int_above(max)
        }
    })
}

impl<'v, const HUMAN: bool> Decoder<'v> for ValueDecoder<'v, HUMAN> {
    type Seq = ArrayCursor<'v>;
    type Map = ObjectCursor<'v>;
    type Checkpoint = Mark<'v>;

    const HUMAN_READABLE: bool = HUMAN;

    fn peek(&mut self) -> Result<Peek> {
        self.current().map(kind)
    }

    fn decode_null(&mut self) -> Result<()> {
        match self.current()? {
            Value::Null => {
                self.next = None;
                Ok(())
            }
            other => Err(mismatch("null", other)),
        }
    }

    fn decode_option(&mut self) -> Result<bool> {
        if let Value::Null = self.current()? {
            self.next = None;
            return Ok(false);
        }
        Ok(true)
    }

    fn decode_bool(&mut self) -> Result<bool> {
        match *self.current()? {
            Value::Bool(b) => {
                self.next = None;
                Ok(b)
            }
            ref other => Err(mismatch("bool", other)),
        }
    }

    fn decode_i64(&mut self) -> Result<i64> {
        let wide = self.int("int")?;
        fit(wide, i64::MIN.into(), i64::MAX.unsigned_abs().into())
    }

    fn decode_u64(&mut self) -> Result<u64> {
        let wide = self.int("int")?;
        fit(wide, 0, u64::MAX.into())
    }

    fn decode_i128(&mut self) -> Result<i128> {
        self.int("int")
    }

    fn decode_u128(&mut self) -> Result<u128> {
        let wide = self.int("int")?;
        u128::try_from(wide).map_err(|_| Error::int_below(0))
    }

    fn decode_f64(&mut self) -> Result<f64> {
        match *self.current()? {
            Value::Float(f) => {
                self.next = None;
                Ok(f)
            }
            Value::Int(i) => {
                self.next = None;
                #[allow(clippy::cast_precision_loss)]
                Ok(i as f64)
            }
            ref other => Err(mismatch("float", other)),
        }
    }

    fn decode_number(&mut self) -> Result<Number> {
        match *self.current()? {
            Value::Float(f) => {
                self.next = None;
                Ok(Number::F64(f))
            }
            Value::Int(i) => {
                self.next = None;
                Ok(if let Ok(u) = u64::try_from(i) {
                    Number::U64(u)
                } else if let Ok(i) = i64::try_from(i) {
                    Number::I64(i)
                } else {
                    #[allow(clippy::cast_precision_loss)]
                    Number::F64(i as f64)
                })
            }
            ref other => Err(mismatch("float", other)),
        }
    }

    fn decode_str(&mut self) -> Result<Str<'v, '_>> {
        match self.current()? {
            Value::Str(s) => {
                self.next = None;
                Ok(Str::Borrowed(s))
            }
            other => Err(mismatch("str", other)),
        }
    }

    fn decode_bytes(&mut self) -> Result<Bytes<'v, '_>> {
        match self.current()? {
            Value::Bytes(b) => {
                self.next = None;
                Ok(Bytes::Borrowed(b))
            }
            // As JSON reads bytes from a string.
            Value::Str(s) => {
                self.next = None;
                Ok(Bytes::Borrowed(s.as_bytes()))
            }
            other => Err(mismatch("bytes", other)),
        }
    }

    fn decode_ext(&mut self) -> Result<(i8, Bytes<'v, '_>)> {
        match self.current()? {
            Value::Ext(tag, data) => {
                self.next = None;
                Ok((*tag, Bytes::Borrowed(data)))
            }
            other => Err(mismatch("ext", other)),
        }
    }

    fn decode_unit_struct(&mut self) -> Result<()> {
        match self.current()? {
            Value::Array(items) if items.is_empty() => {
                self.next = None;
                Ok(())
            }
            _ => self.decode_null(),
        }
    }

    fn seq_begin(&mut self) -> Result<ArrayCursor<'v>> {
        match self.current()? {
            Value::Array(items) => {
                self.next = None;
                Ok(ArrayCursor {
                    items: items.iter(),
                })
            }
            other => Err(mismatch("array", other)),
        }
    }

    fn seq_next(&mut self, seq: &mut ArrayCursor<'v>) -> Result<bool> {
        self.next = seq.items.next();
        Ok(self.next.is_some())
    }

    fn seq_remaining(&self, seq: &ArrayCursor<'v>) -> Option<usize> {
        Some(seq.items.len())
    }

    fn map_begin(&mut self) -> Result<ObjectCursor<'v>> {
        match self.current()? {
            Value::Object(map) => {
                self.next = None;
                Ok(ObjectCursor {
                    entries: map.iter(),
                })
            }
            other => Err(mismatch("object", other)),
        }
    }

    fn map_next_key(&mut self, map: &mut ObjectCursor<'v>) -> Result<Option<Str<'v, '_>>> {
        Ok(map.entries.next().map(|(key, value)| {
            self.next = Some(value);
            Str::Borrowed(key)
        }))
    }

    fn map_next_entry(&mut self, map: &mut ObjectCursor<'v>) -> Result<bool> {
        match map.entries.next() {
            Some((key, value)) => {
                self.key = Some(key);
                self.next = Some(value);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn decode_key<K: MapKey<'v>>(&mut self) -> Result<K> {
        // Object keys are strings, as in JSON.
        match self.key.take() {
            Some(key) => K::from_key_str(Str::Borrowed(key)),
            None => Err(nothing_left()),
        }
    }

    fn map_remaining(&self, map: &ObjectCursor<'v>) -> Option<usize> {
        Some(map.entries.len())
    }

    fn skip_value(&mut self) -> Result<()> {
        self.take().map(drop)
    }

    #[inline]
    fn decode_nested<T: Decode<'v>>(&mut self) -> Result<T> {
        let at = self.next.map_or(std::ptr::null(), std::ptr::from_ref);
        if at != self.nested_at {
            self.nested_at = at;
            return T::decode(self);
        }
        if self.depth >= NESTED_LIMIT {
            return Err(Error::nested_pointers(NESTED_LIMIT));
        }
        self.depth += 1;
        let value = T::decode(self);
        self.depth -= 1;
        value
    }

    fn checkpoint(&self) -> Mark<'v> {
        Mark {
            next: self.next,
            key: self.key,
        }
    }

    fn restore(&mut self, checkpoint: Mark<'v>) {
        self.next = checkpoint.next;
        self.key = checkpoint.key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::to_value;

    #[test]
    fn round_trips_through_the_tree() {
        let original: Vec<(String, Option<i64>)> = vec![("a".into(), Some(-3)), ("b".into(), None)];
        let value = to_value(&original).unwrap();
        let back: Vec<(String, Option<i64>)> = from_value(value).unwrap();
        assert_eq!(back, original);
    }

    #[test]
    fn strings_borrow_from_the_tree() {
        let value = Value::from("text");
        let s: &str = from_value_as::<true, &str>(&value).unwrap();
        assert!(std::ptr::eq(s, value.as_str().unwrap()));
    }

    #[test]
    fn out_of_range_reads_as_json_would() {
        let err = from_value::<u8>(Value::from(300)).unwrap_err();
        assert_eq!(err.to_string(), "Expected `int` <= 255 - at `$`");
        let err = from_value::<u64>(Value::from(-1)).unwrap_err();
        assert_eq!(err.to_string(), "Expected `int` >= 0 - at `$`");
    }
}
