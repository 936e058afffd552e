//! Schemaless values: [`Value`], for data without a fixed type.
//!
//! A `Value` decodes from any format through the same [`Decoder`](crate::Decoder)
//! calls a typed value uses, asking [`peek`](crate::Decoder::peek) what comes
//! next; objects become a [`Map`] that keeps the input's key order.

mod de;
mod decoder;
mod encoder;
mod map;
mod ser;

pub use self::decoder::from_value;
#[cfg(feature = "serde")]
pub(crate) use self::decoder::from_value_as;
pub use self::encoder::to_value;
#[cfg(feature = "serde")]
pub(crate) use self::encoder::to_value_as;
pub use self::map::{IntoIter, Iter, IterMut, Map};

use std::fmt;

use crate::Error;

/// The error for a `Value` in the flat format, which lays each type out from
/// its declaration and so has no form for data without one.
#[cold]
fn no_flat_form() -> Error {
    Error::unsupported(
        "`Value` has no flat form: the flat format lays out a type from its declaration; use JSON or MessagePack for schemaless data",
    )
}

/// Any value of JSON or MessagePack, for schemaless data. (The flat format
/// has no form for it: encoding or decoding one there is an error.)
///
/// JSON integers decode as [`Value::Int`] when they fit `i64` or `u64`, and as
/// [`Value::Float`] beyond that, as serde_json reads them. [`Value::Bytes`] and
/// [`Value::Ext`] come only from MessagePack; bytes encode to JSON as an array
/// of numbers, and extension values cannot be encoded to JSON at all.
///
/// # Examples
///
/// ```
/// use zerospec::Value;
///
/// let v: Value = zerospec::json::from_slice(br#"{"name": "ada", "langs": ["en", "fr"], "age": 36}"#)?;
/// assert_eq!(v["name"], Value::from("ada"));
/// assert_eq!(v["langs"][1].as_str(), Some("fr"));
/// assert_eq!(v["age"].as_i64(), Some(36));
/// assert!(v["missing"].is_null());
/// let keys: Vec<&str> = v.as_object().unwrap().keys().collect();
/// assert_eq!(keys, ["name", "langs", "age"]);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Clone, PartialEq, Default)]
pub enum Value {
    /// `null` / `nil`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer; decoding gives values within `i64::MIN..=u64::MAX`.
    Int(i128),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(String),
    /// Binary data (MessagePack `bin`).
    Bytes(Vec<u8>),
    /// An array.
    Array(Vec<Value>),
    /// An object, in the order its keys came.
    Object(Map),
    /// A MessagePack extension value: its type tag and data.
    Ext(i8, Vec<u8>),
}

/// What `value["missing"]` returns.
static NULL: Value = Value::Null;

impl Value {
    /// The value under `key`, if this is an object that has it.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(br#"{"a": 1}"#)?;
    /// assert_eq!(v.get("a").and_then(|a| a.as_u64()), Some(1));
    /// assert_eq!(v.get("b"), None);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The element at `index`, if this is an array that long.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(b"[10, 20]")?;
    /// assert_eq!(v.get_index(1).and_then(|x| x.as_i64()), Some(20));
    /// assert_eq!(v.get_index(2), None);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn get_index(&self, index: usize) -> Option<&Value> {
        self.as_array()?.get(index)
    }

    /// True for [`Value::Null`].
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(zerospec::Value::Null.is_null());
    /// ```
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The boolean, if this is one.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(zerospec::Value::Bool(true).as_bool(), Some(true));
    /// ```
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The integer, if this is one that fits `i64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Value;
    /// assert_eq!(Value::from(-3).as_i64(), Some(-3));
    /// assert_eq!(Value::from(u64::MAX).as_i64(), None);
    /// assert_eq!(Value::Float(1.0).as_i64(), None);
    /// ```
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::Int(i) => i64::try_from(i).ok(),
            _ => None,
        }
    }

    /// The integer, if this is one that fits `u64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Value;
    /// assert_eq!(Value::from(u64::MAX).as_u64(), Some(u64::MAX));
    /// assert_eq!(Value::from(-1).as_u64(), None);
    /// ```
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Value::Int(i) => u64::try_from(i).ok(),
            _ => None,
        }
    }

    /// The number as an `f64`, if this is a number (integers are converted,
    /// rounding if they must).
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::Value;
    /// assert_eq!(Value::Float(0.5).as_f64(), Some(0.5));
    /// assert_eq!(Value::from(2).as_f64(), Some(2.0));
    /// assert_eq!(Value::from("2").as_f64(), None);
    /// ```
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            #[allow(clippy::cast_precision_loss)]
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            _ => None,
        }
    }

    /// The string, if this is one.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(zerospec::Value::from("hi").as_str(), Some("hi"));
    /// ```
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The bytes, if this is binary data.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(zerospec::Value::Bytes(vec![1, 2]).as_bytes(), Some(&[1u8, 2][..]));
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Bytes(b) => Some(b),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(b"[1, 2, 3]")?;
    /// assert_eq!(v.as_array().map(Vec::len), Some(3));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The elements, mutably, if this is an array.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut v = zerospec::Value::from(vec![zerospec::Value::Null]);
    /// v.as_array_mut().unwrap().push(zerospec::Value::from(1));
    /// assert_eq!(v[1].as_i64(), Some(1));
    /// ```
    #[must_use]
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The map, if this is an object.
    ///
    /// # Examples
    ///
    /// ```
    /// let v: zerospec::Value = zerospec::json::from_slice(br#"{"a": null}"#)?;
    /// assert!(v.as_object().unwrap().contains_key("a"));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The map, mutably, if this is an object.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut v = zerospec::Value::Object(zerospec::value::Map::new());
    /// v.as_object_mut().unwrap().insert("a".into(), true.into());
    /// assert_eq!(v["a"], zerospec::Value::Bool(true));
    /// ```
    #[must_use]
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("Null"),
            Value::Bool(b) => write!(f, "Bool({b})"),
            Value::Int(i) => write!(f, "Int({i})"),
            Value::Float(x) => write!(f, "Float({x:?})"),
            Value::Str(s) => write!(f, "Str({s:?})"),
            Value::Bytes(b) => write!(f, "Bytes({b:?})"),
            Value::Array(a) => {
                f.write_str("Array ")?;
                f.debug_list().entries(a).finish()
            }
            Value::Object(m) => {
                f.write_str("Object ")?;
                fmt::Debug::fmt(m, f)
            }
            Value::Ext(tag, data) => write!(f, "Ext({tag}, {data:?})"),
        }
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;

    /// The value under `key`, or `Null` when this is not an object or lacks the key.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Value {
    type Output = Value;

    /// The element at `index`, or `Null` when this is not an array or is shorter.
    fn index(&self, index: usize) -> &Value {
        self.get_index(index).unwrap_or(&NULL)
    }
}

macro_rules! from_int {
    ($($t:ty)*) => {$(
        impl From<$t> for Value {
            fn from(value: $t) -> Self {
                Value::Int(value.into())
            }
        }
    )*};
}
from_int!(i8 i16 i32 i64 i128 u8 u16 u32 u64);

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        Value::Float(value)
    }
}

impl From<f32> for Value {
    fn from(value: f32) -> Self {
        Value::Float(value.into())
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::Str(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::Str(value)
    }
}

impl From<Vec<Value>> for Value {
    fn from(value: Vec<Value>) -> Self {
        Value::Array(value)
    }
}

impl From<Map> for Value {
    fn from(value: Map) -> Self {
        Value::Object(value)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}

impl FromIterator<Value> for Value {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> Self {
        Value::Array(iter.into_iter().collect())
    }
}

impl FromIterator<(String, Value)> for Value {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Value::Object(iter.into_iter().collect())
    }
}
