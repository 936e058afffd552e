//! The serde bridge: serde-derived types in every zerospec format, and
//! zerospec types where serde is expected.
//!
//! - [`Serializer`] and [`Deserializer`] are serde's traits over a zerospec
//!   [`Encoder`](crate::Encoder) and [`Decoder`](crate::Decoder),
//!   monomorphized with nothing built in between: a serde-derived type
//!   writes the bytes serde_json and `rmp_serde::to_vec_named` write, and
//!   reads with zerospec's validation and error messages, paths included.
//! - [`encode`] and [`decode`] make this module a `with` module:
//!   `#[zerospec(with = "zerospec::serde")]` puts a serde-only type in a
//!   zerospec-derived one; [`encode_with`] and [`decode_with`] run serde's
//!   `serialize_with`/`deserialize_with` functions. In the flat format, which
//!   lays values out by type, a serde value is embedded as its MessagePack
//!   bytes, and [`SerdeView`] is its view there.
//! - [`Serde`] puts a zerospec type where serde is expected, and
//!   [`Value`](crate::Value) implements `Serialize` and `Deserialize`.
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
//! #[serde(tag = "type")]
//! enum Event { Click { x: u32 }, Key { code: u32 } }
//!
//! #[derive(serde::Deserialize, Debug)]
//! struct Log { events: Vec<Item> }
//! #[derive(serde::Deserialize, Debug)]
//! struct Item { at: u64 }
//!
//! let mut out = Vec::new();
//! zerospec::serde::encode(&Event::Click { x: 3 }, &mut zerospec::json::JsonEncoder::new(&mut out))?;
//! assert_eq!(out, br#"{"type":"Click","x":3}"#);
//!
//! let mut decoder = zerospec::json::JsonDecoder::new(br#"{"events": [{"at": 1}, {"at": "2"}]}"#);
//! let err = zerospec::serde::decode::<Log, _>(&mut decoder).unwrap_err();
//! assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$.events[1].at`");
//! # Ok::<_, zerospec::Error>(())
//! ```

mod de;
mod embed;
mod error;
mod ext;
mod key;
mod refuse;
mod ser;
mod value;
#[cfg(feature = "flat")]
mod view;
mod wrapper;

pub use self::de::Deserializer;
pub use self::embed::{decode, decode_with, encode, encode_with};
pub use self::ser::Serializer;
#[cfg(feature = "flat")]
pub use self::view::SerdeView;
pub use self::wrapper::Serde;
