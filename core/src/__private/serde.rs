//! What derived code and [`via_serde!`](crate::via_serde) call for values that
//! go through serde: the value of a missing field, and a serde key's text.

use serde::de::{self, Deserializer, Visitor};
use serde::ser::{Impossible, Serialize, Serializer};

use crate::error::{Error, Result};

/// The value a field read through serde takes when its key is absent: what
/// serde's derive gives it, `None` for an `Option` and a missing-field error
/// (here `None`) for anything else.
#[must_use]
pub fn serde_absent<'de, T: de::Deserialize<'de>>() -> Option<T> {
    T::deserialize(Missing).ok()
}

/// A deserializer for a field that is not there: it answers `None` to an
/// option, as serde's own missing-field deserializer does, and refuses
/// everything else.
struct Missing;

impl<'de> Deserializer<'de> for Missing {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> std::result::Result<V::Value, Self::Error> {
        Err(de::Error::custom("missing field"))
    }

    fn deserialize_option<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, Self::Error> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Calls `f` with the text of `key` as a JSON object key, for a key type
/// that goes through serde: what serde_json's key serializer accepts
/// (strings, characters, integers, booleans, unit variants, newtypes of
/// those), and its error otherwise.
pub fn serde_key_str<K: Serialize + ?Sized, R>(
    key: &K,
    f: impl FnOnce(&str) -> Result<R>,
) -> Result<R> {
    let text = key.serialize(KeyText)?;
    f(&text)
}

/// Serializes a map key into its text.
struct KeyText;

#[cold]
fn not_a_key() -> Error {
    Error::unsupported("key must be a string")
}

macro_rules! key_display {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, value: $ty) -> Result<String> {
            Ok(value.to_string())
        }
    )*};
}

macro_rules! key_refused {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, _: $ty) -> Result<String> {
            Err(not_a_key())
        }
    )*};
}

impl Serializer for KeyText {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    key_display!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_char: char,
        serialize_str: &str
    );
    key_refused!(serialize_f32: f32, serialize_f64: f64, serialize_bytes: &[u8]);

    fn serialize_none(self) -> Result<String> {
        Err(not_a_key())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String> {
        Err(not_a_key())
    }

    fn serialize_unit(self) -> Result<String> {
        Err(not_a_key())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<String> {
        Err(not_a_key())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String> {
        Ok(variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String> {
        Err(not_a_key())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(not_a_key())
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(not_a_key())
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(not_a_key())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(not_a_key())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(not_a_key())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(not_a_key())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(not_a_key())
    }

    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<String> {
        Ok(value.to_string())
    }
}

/// Reads a key of a type that goes through serde from a JSON object key's text.
pub fn serde_key_from_str<'de, K: de::Deserialize<'de>>(
    key: crate::decode::Str<'de, '_>,
) -> Result<K> {
    use serde::de::IntoDeserializer;
    let result: std::result::Result<K, de::value::Error> = match key {
        crate::decode::Str::Borrowed(text) => {
            K::deserialize(de::value::BorrowedStrDeserializer::new(text))
        }
        crate::decode::Str::Transient(text) => K::deserialize(text.into_deserializer()),
    };
    result.map_err(|err| Error::invalid(err.to_string()))
}

/// `Encode`, `Decode` and map-key impls for types that implement serde's
/// `Serialize` and `Deserialize` (by hand, or through `serde_repr`,
/// `bitflags` and the like), through the serde bridge: the one line such a
/// type needs to be a zerospec field.
///
/// The value is written exactly as its serde impls write it, in every
/// format; in the flat format it is held as its MessagePack encoding (see
/// [`zerospec::serde`](crate::serde)). A missing field of such a type is
/// `None` where serde's derive would give `None`, and a missing-field error
/// otherwise. As a map key, its text is what serde_json's key serializer
/// accepts (strings, integers, unit variants, newtypes of them).
///
/// # Examples
///
/// ```
/// use serde::{Deserialize, Deserializer, Serialize, Serializer};
///
/// /// A colour written as `#rrggbb`, by hand.
/// #[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// struct Rgb(u8, u8, u8);
///
/// impl Serialize for Rgb {
///     fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
///         s.collect_str(&format_args!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2))
///     }
/// }
///
/// impl<'de> Deserialize<'de> for Rgb {
///     fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
///         let text = String::deserialize(d)?;
///         let hex = |i: usize| u8::from_str_radix(text.get(i..i + 2).unwrap_or(""), 16);
///         match (text.starts_with('#') && text.len() == 7, hex(1), hex(3), hex(5)) {
///             (true, Ok(r), Ok(g), Ok(b)) => Ok(Rgb(r, g, b)),
///             _ => Err(serde::de::Error::custom(format!("`{text}` is not a colour"))),
///         }
///     }
/// }
///
/// zerospec::via_serde!(Rgb);
///
/// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
/// struct Theme {
///     background: Rgb,
///     accent: Option<Rgb>,
/// }
///
/// let theme: Theme = zerospec::json::from_str(r##"{"background":"#102030"}"##)?;
/// assert_eq!(theme, Theme { background: Rgb(16, 32, 48), accent: None });
/// assert_eq!(zerospec::json::to_string(&theme)?, r##"{"background":"#102030","accent":null}"##);
/// let err = zerospec::json::from_str::<Theme>(r#"{"background":"red"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "`red` is not a colour - at `$.background`");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[macro_export]
macro_rules! via_serde {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::Encode for $ty {
            #[inline]
            fn encode<__E: $crate::Encoder>(&self, __e: &mut __E) -> $crate::Result<()> {
                $crate::serde::encode(self, __e)
            }
        }

        impl<'de> $crate::Decode<'de> for $ty {
            #[inline]
            fn decode<__D: $crate::Decoder<'de>>(__d: &mut __D) -> $crate::Result<Self> {
                $crate::serde::decode(__d)
            }

            #[inline]
            fn absent() -> ::core::option::Option<Self> {
                $crate::__private::serde_absent()
            }
        }

        impl $crate::EncodeKey for $ty {
            #[inline]
            fn with_key_str<__R>(
                &self,
                __f: impl ::core::ops::FnOnce(&str) -> $crate::Result<__R>,
            ) -> $crate::Result<__R> {
                $crate::__private::serde_key_str(self, __f)
            }
        }

        impl<'de> $crate::MapKey<'de> for $ty {
            #[inline]
            fn from_key_str(__key: $crate::decode::Str<'de, '_>) -> $crate::Result<Self> {
                $crate::__private::serde_key_from_str(__key)
            }
        }
    )+};
}
