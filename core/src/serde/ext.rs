//! MessagePack extension values across the bridge, as rmp-serde carries
//! them: a newtype struct named `_ExtStruct` holding the pair of the `i8`
//! tag and the data bytes.

use serde::de::{self, DeserializeSeed, Visitor};
use serde::ser::{self, Serialize};

use super::refuse::refuse;
use crate::decode::Bytes;
use crate::encode::Encoder;
use crate::error::{Error, Result};

/// The name rmp-serde gives the newtype struct that stands for a MessagePack
/// extension value.
pub(super) const EXT_STRUCT: &str = "_ExtStruct";

/// Serializes the `(tag, data)` pair of rmp-serde's extension newtype into
/// one [`Encoder::encode_ext`] call.
pub(super) struct ExtCapture<'a, E> {
    pub(super) encoder: &'a mut E,
    pub(super) tag: Option<i8>,
}

#[cold]
fn bad_ext() -> Error {
    Error::custom(
        "a MessagePack extension value is serialized as a tuple of its `i8` tag and its bytes",
    )
}

impl<E: Encoder> ser::Serializer for ExtCapture<'_, E> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = Self;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_tuple(self, len: usize) -> Result<Self> {
        if len == 2 { Ok(self) } else { Err(bad_ext()) }
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        match self.tag {
            Some(tag) => self.encoder.encode_ext(tag, v),
            None => Err(bad_ext()),
        }
    }

    refuse! { bad_ext();
        bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 char str none some unit unit_struct
        unit_variant newtype_struct newtype_variant seq tuple_struct tuple_variant map
        struct struct_variant
    }
}

impl<E: Encoder> ser::SerializeTuple for ExtCapture<'_, E> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        match self.tag {
            None => {
                let mut tag = None;
                value.serialize(TagCapture(&mut tag))?;
                self.tag = tag;
                Ok(())
            }
            Some(tag) => value.serialize(ExtCapture {
                encoder: &mut *self.encoder,
                tag: Some(tag),
            }),
        }
    }

    fn end(self) -> Result<()> {
        Ok(())
    }
}

/// Reads the `i8` tag of an extension value.
struct TagCapture<'t>(&'t mut Option<i8>);

impl ser::Serializer for TagCapture<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_i8(self, v: i8) -> Result<()> {
        *self.0 = Some(v);
        Ok(())
    }

    refuse! { bad_ext();
        bool i16 i32 i64 u8 u16 u32 u64 f32 f64 char str bytes none some unit unit_struct
        unit_variant newtype_struct newtype_variant seq tuple tuple_struct tuple_variant map
        struct struct_variant
    }
}

/// A MessagePack extension value, as rmp-serde hands it to a visitor: a
/// sequence of its `i8` tag and its data.
pub(super) struct Ext<'de, 's> {
    pub(super) tag: i8,
    pub(super) data: Bytes<'de, 's>,
}

impl<'de> de::Deserializer<'de> for Ext<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_seq(ExtParts {
            tag: Some(self.tag),
            data: Some(self.data),
        })
    }

    fn is_human_readable(&self) -> bool {
        false
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

/// The two parts of an extension value, one after the other.
struct ExtParts<'de, 's> {
    tag: Option<i8>,
    data: Option<Bytes<'de, 's>>,
}

impl<'de> de::SeqAccess<'de> for ExtParts<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if let Some(tag) = self.tag.take() {
            return seed
                .deserialize(de::value::I8Deserializer::<Error>::new(tag))
                .map(Some);
        }
        match self.data.take() {
            Some(Bytes::Borrowed(data)) => seed
                .deserialize(de::value::BorrowedBytesDeserializer::<Error>::new(data))
                .map(Some),
            Some(Bytes::Transient(data)) => seed
                .deserialize(de::value::BytesDeserializer::<Error>::new(data))
                .map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(usize::from(self.tag.is_some()) + usize::from(self.data.is_some()))
    }
}
