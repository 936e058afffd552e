//! [`Serde`]: a zerospec type where serde is expected.

use serde::{Deserialize, Serialize};

use crate::decode::DecodeOwned;
use crate::encode::Encode;
use crate::value::{Value, from_value_as, to_value_as};

/// Lets a type with zerospec's `Encode`/`Decode` go where serde's
/// `Serialize`/`Deserialize` is expected: a field of a serde-derived
/// struct, `serde_json::to_string`, any serde format.
///
/// serde's serializer is driven by nested `Serialize` values, while
/// zerospec's `encode` makes one flat run of encoder calls, so one cannot
/// drive the other directly. `Serde<T>` goes through [`Value`] instead:
/// serializing encodes `T` into a `Value` and serializes that; deserializing
/// reads a `Value` with serde and decodes `T` from it. That costs one
/// allocation per string and container of the value, and a second pass over
/// it, and a `Value` holds data as JSON does: map keys become strings (an
/// integer key is written as its digits, in MessagePack too), `f32`s widen
/// to `f64`, a unit struct becomes `null`, and an unsigned integer above
/// `i128::MAX` cannot be held. `is_human_readable` is passed on: `T` is
/// encoded and decoded as the serde format answers.
///
/// # Examples
///
/// ```
/// use zerospec::serde::Serde;
///
/// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
/// struct Point { x: i32, y: i32 }
///
/// #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
/// struct Shape { name: String, origin: Serde<Point> }
///
/// let shape = Shape { name: "dot".into(), origin: Serde(Point { x: 1, y: 2 }) };
/// let json = serde_json::to_string(&shape).unwrap();
/// assert_eq!(json, r#"{"name":"dot","origin":{"x":1,"y":2}}"#);
/// assert_eq!(serde_json::from_str::<Shape>(&json).unwrap(), shape);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Serde<T>(pub T);

impl<T: Encode> Serialize for Serde<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = if serializer.is_human_readable() {
            to_value_as::<true, T>(&self.0)
        } else {
            to_value_as::<false, T>(&self.0)
        };
        match value {
            Ok(value) => value.serialize(serializer),
            Err(err) => Err(serde::ser::Error::custom(err)),
        }
    }
}

impl<'de, T: DecodeOwned> Deserialize<'de> for Serde<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let human = deserializer.is_human_readable();
        let value = Value::deserialize(deserializer)?;
        let decoded = if human {
            from_value_as::<true, T>(&value)
        } else {
            from_value_as::<false, T>(&value)
        };
        decoded.map(Serde).map_err(serde::de::Error::custom)
    }
}
