//! Agreement with rmp-serde: what zerospec's MessagePack decoder makes of
//! some bytes, set against what rmp-serde makes of the same bytes as the
//! same type. Shared by the property tests (`tests/msgpack_decode.rs`) and
//! the fuzzer (`fuzz/`).

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::io::Cursor;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use zerospec::{DecodeOwned, msgpack};

/// Messages of the documented cases where rmp-serde is more lenient, and
/// zerospec refuses what rmp-serde accepts (see `zerospec::manual::differences`).
pub const DOCUMENTED_STRICTER: [&str; 7] = [
    "Expected `str`, got `bytes`", // rmp-serde reads a UTF-8 `bin` as a string
    "Expected `array`, got `bytes`", // ... and a `bin` as a sequence of integers
    "Expected `int`, got `array`", // ... and 16 raw bytes after a fixarray as an i128
    "invalid UTF-8 in str",        // ... and a key that is not UTF-8 as an unknown field
    "Expected `str`, got `int`",   // ... and an integer key as a field's index
    "Expected `int` >= 0",         // ... and wraps a negative integer into a u128
    "nesting deeper than 128",     // ... and nests deeper than zerospec's default limit
];

/// What rmp-serde makes of `bytes` as `T`, if it reads all of them.
///
/// # Examples
///
/// ```
/// assert_eq!(zerospec_tests::rmp::rmp_decode::<u8>(&[0x07]), Some(7));
/// assert_eq!(zerospec_tests::rmp::rmp_decode::<u8>(&[0x07, 0x08]), None);
/// ```
pub fn rmp_decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let mut de = rmp_serde::Deserializer::new(Cursor::new(bytes));
    let value = T::deserialize(&mut de).ok()?;
    (de.position() == bytes.len() as u64).then_some(value)
}

/// Decodes `bytes` as a `T` with zerospec and with rmp-serde: `None` when
/// they agree, else what differs. They agree when both refuse the bytes,
/// when both accept them as values that write the same bytes (so that NaN
/// equals NaN), or when only rmp-serde accepts them in one of the
/// [`DOCUMENTED_STRICTER`] cases.
///
/// # Examples
///
/// ```
/// use zerospec_tests::rmp::disagreement;
///
/// assert_eq!(disagreement::<u8>(&[0xcc, 200]), None);
/// assert_eq!(disagreement::<u8>(&[0xcd, 1, 0]), None, "both refuse 256");
/// // rmp-serde reads a `bin` as a string, and wraps -1 into `u128::MAX`;
/// // zerospec refuses both, as documented.
/// assert_eq!(disagreement::<String>(&[0xc4, 1, b'a']), None);
/// assert_eq!(disagreement::<u128>(&[0xff]), None);
/// ```
pub fn disagreement<T>(bytes: &[u8]) -> Option<String>
where
    T: DecodeOwned + DeserializeOwned + Serialize + Debug,
{
    let ours = msgpack::from_slice::<T>(bytes);
    let theirs = rmp_decode::<T>(bytes);
    match (ours, theirs) {
        (Ok(a), Some(b)) => match (rmp_serde::to_vec_named(&a), rmp_serde::to_vec_named(&b)) {
            (Ok(ours), Ok(theirs)) if ours == theirs => None,
            _ => Some(format!(
                "{bytes:02x?}: zerospec read {a:?}, rmp-serde read {b:?}"
            )),
        },
        (Err(_), None) => None,
        (Ok(a), None) => Some(format!(
            "zerospec accepted {bytes:02x?} as {a:?}; rmp-serde refused"
        )),
        (Err(e), Some(b)) => (!DOCUMENTED_STRICTER.iter().any(|m| e.message() == *m))
            .then(|| format!("rmp-serde accepted {bytes:02x?} as {b:?}; zerospec refused: {e}")),
    }
}

/// A document with most of what both libraries read: every integer width,
/// floats, text, options, bytes as integers, maps with text and integer
/// keys, `i128`, unit and nested tuples.
pub type Sample = (
    (bool, i8, u16, i32, u64, i64),
    (f32, f64, String, Option<char>),
    (
        Vec<u8>,
        Vec<Option<i16>>,
        BTreeMap<String, u32>,
        BTreeMap<i8, Vec<bool>>,
    ),
    (i128, (), Option<(u8, String)>),
);

/// Any MessagePack value both libraries can hold, read with zerospec's
/// `Decoder::peek` on one side and serde's untagged enum on the other:
/// compared through its encoding.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Any {
    /// nil.
    Null,
    /// A boolean.
    Bool(bool),
    /// A non-negative integer.
    U(u64),
    /// A negative integer.
    I(i64),
    /// A float.
    F(f64),
    /// A string.
    S(String),
    /// An array.
    A(Vec<Any>),
}

impl<'de> zerospec::Decode<'de> for Any {
    fn decode<D: zerospec::Decoder<'de>>(d: &mut D) -> zerospec::Result<Self> {
        use zerospec::decode::{Number, Peek};
        Ok(match d.peek()? {
            Peek::Null => {
                d.decode_null()?;
                Any::Null
            }
            Peek::Bool => Any::Bool(d.decode_bool()?),
            Peek::Int | Peek::Float => match d.decode_number()? {
                Number::U64(v) => Any::U(v),
                Number::I64(v) => Any::I(v),
                Number::F64(v) => Any::F(v),
            },
            Peek::Str => Any::S(String::decode(d)?),
            Peek::Seq => Any::A(Vec::decode(d)?),
            // rmp-serde reads a UTF-8 `bin` as a string; zerospec does not.
            Peek::Bytes => return Err(zerospec::Error::unexpected("str", "bytes")),
            other => return Err(zerospec::Error::unexpected("any", other.name())),
        })
    }
}
