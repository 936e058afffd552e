//! [`Serializer`]: serde's `Serializer` over any zerospec [`Encoder`].
//!
//! Every serde call becomes the encoder call zerospec's own derive would
//! make for the same shape, so the bytes are the format's: in JSON those of
//! `serde_json`, in MessagePack those of `rmp_serde::to_vec_named`.

use std::fmt::Display;

use serde::ser::{self, Serialize};

use super::embed::EmbeddedEncoder;
use super::ext::{EXT_STRUCT, ExtCapture};
use super::key::SerdeKey;
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// serde's [`Serializer`](serde::Serializer) writing into a zerospec
/// [`Encoder`]: a serde-derived type encoded through it writes the bytes
/// serde_json writes in JSON and `rmp_serde::to_vec_named` writes in
/// MessagePack.
///
/// It is monomorphized over the encoder, with nothing built in between:
/// structs become maps keyed by field name, enums are externally tagged as
/// zerospec writes them, map keys are strings in JSON (integers quoted, as
/// serde_json writes them) and values in MessagePack, and
/// `is_human_readable` answers the format's
/// [`Encoder::HUMAN_READABLE`]. Most code calls [`encode`](super::encode)
/// instead, which also handles the flat format.
///
/// # Examples
///
/// ```
/// use serde::Serialize;
/// use zerospec::json::JsonEncoder;
///
/// #[derive(serde::Serialize)]
/// struct Point { x: i32, y: i32 }
///
/// let mut out = Vec::new();
/// Point { x: 1, y: -2 }.serialize(zerospec::serde::Serializer::new(&mut JsonEncoder::new(&mut out)))?;
/// assert_eq!(out, br#"{"x":1,"y":-2}"#);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct Serializer<'a, E: Encoder> {
    target: Target<'a, E>,
}

/// Where a [`Serializer`] writes: the caller's encoder, or (for a serde value
/// in a positional format) the MessagePack encoder of its embedded bytes.
#[cfg_attr(not(feature = "msgpack"), allow(dead_code))]
enum Target<'a, E> {
    Direct(&'a mut E),
    Embedded(&'a mut EmbeddedEncoder),
}

impl<'a, E: Encoder> Serializer<'a, E> {
    /// A serializer that writes into `encoder`.
    ///
    /// In positional formats (the flat format) a serde value has no layout
    /// of its own: go through [`encode`](super::encode) or
    /// [`encode_with`](super::encode_with) there, which embed it as
    /// MessagePack bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use serde::Serialize;
    /// let mut out = Vec::new();
    /// let mut encoder = zerospec::msgpack::MsgPackEncoder::new(&mut out);
    /// "hi".serialize(zerospec::serde::Serializer::new(&mut encoder))?;
    /// assert_eq!(out, [0xa2, b'h', b'i']);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn new(encoder: &'a mut E) -> Self {
        Serializer {
            target: Target::Direct(encoder),
        }
    }

    /// A serializer writing the MessagePack of a value that a positional
    /// format embeds as bytes.
    #[cfg_attr(not(feature = "msgpack"), allow(dead_code))]
    pub(super) fn embedded(encoder: &'a mut EmbeddedEncoder) -> Self {
        Serializer {
            target: Target::Embedded(encoder),
        }
    }
}

/// Runs `$body` with `$e` bound to the plain serializer of either target.
macro_rules! dispatch {
    ($target:expr, $e:ident => $body:expr) => {
        match $target {
            Target::Direct(encoder) => {
                let $e = Plain(encoder);
                $body.map(Split::Direct)
            }
            Target::Embedded(encoder) => {
                let $e = Plain(encoder);
                $body.map(Split::Embedded)
            }
        }
    };
}

/// Forwards scalar methods to the plain serializer of the target.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $method(self, $($arg: $ty),*) -> Result<()> {
            match self.target {
                Target::Direct(encoder) => Plain(encoder).$method($($arg),*),
                Target::Embedded(encoder) => Plain(encoder).$method($($arg),*),
            }
        }
    )*};
}

impl<'a, E: Encoder> ser::Serializer for Serializer<'a, E> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Split<Seq<'a, E>, Seq<'a, EmbeddedEncoder>>;
    type SerializeTuple = Split<Seq<'a, E>, Seq<'a, EmbeddedEncoder>>;
    type SerializeTupleStruct = Split<Seq<'a, E>, Seq<'a, EmbeddedEncoder>>;
    type SerializeTupleVariant = Split<VariantSeq<'a, E>, VariantSeq<'a, EmbeddedEncoder>>;
    type SerializeMap = Split<Entries<'a, E>, Entries<'a, EmbeddedEncoder>>;
    type SerializeStruct = Split<Entries<'a, E>, Entries<'a, EmbeddedEncoder>>;
    type SerializeStructVariant = Split<VariantMap<'a, E>, VariantMap<'a, EmbeddedEncoder>>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        match self.target {
            Target::Direct(encoder) => Plain(encoder).serialize_some(value),
            Target::Embedded(encoder) => Plain(encoder).serialize_some(value),
        }
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        match self.target {
            Target::Direct(encoder) => Plain(encoder).serialize_newtype_struct(name, value),
            Target::Embedded(encoder) => Plain(encoder).serialize_newtype_struct(name, value),
        }
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        match self.target {
            Target::Direct(encoder) => {
                Plain(encoder).serialize_newtype_variant(name, index, variant, value)
            }
            Target::Embedded(encoder) => {
                Plain(encoder).serialize_newtype_variant(name, index, variant, value)
            }
        }
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        dispatch!(self.target, s => s.serialize_seq(len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        dispatch!(self.target, s => s.serialize_tuple(len))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        dispatch!(self.target, s => s.serialize_tuple_struct(name, len))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        dispatch!(self.target, s => s.serialize_tuple_variant(name, index, variant, len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap> {
        dispatch!(self.target, s => s.serialize_map(len))
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct> {
        dispatch!(self.target, s => s.serialize_struct(name, len))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        dispatch!(self.target, s => s.serialize_struct_variant(name, index, variant, len))
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<()> {
        match self.target {
            Target::Direct(encoder) => Plain(encoder).collect_str(value),
            Target::Embedded(encoder) => Plain(encoder).collect_str(value),
        }
    }

    fn is_human_readable(&self) -> bool {
        match self.target {
            Target::Direct(_) => E::HUMAN_READABLE,
            Target::Embedded(_) => EmbeddedEncoder::HUMAN_READABLE,
        }
    }
}

/// The serializer proper, over one encoder: what [`Serializer`] forwards
/// to, and what every nested value is serialized with.
pub(super) struct Plain<'a, E>(pub(super) &'a mut E);

/// A serde value as an [`Encode`] value, for the encoder calls that take one
/// (`encode_some`).
struct AsEncode<'t, T: ?Sized>(&'t T);

impl<T: Serialize + ?Sized> Encode for AsEncode<'_, T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        self.0.serialize(Plain(encoder))
    }
}

impl<'a, E: Encoder> ser::Serializer for Plain<'a, E> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a, E>;
    type SerializeTuple = Seq<'a, E>;
    type SerializeTupleStruct = Seq<'a, E>;
    type SerializeTupleVariant = VariantSeq<'a, E>;
    type SerializeMap = Entries<'a, E>;
    type SerializeStruct = Entries<'a, E>;
    type SerializeStructVariant = VariantMap<'a, E>;

    #[inline]
    fn serialize_bool(self, v: bool) -> Result<()> {
        self.0.encode_bool(v)
    }

    #[inline]
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.0.encode_i8(v)
    }

    #[inline]
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.0.encode_i16(v)
    }

    #[inline]
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.0.encode_i32(v)
    }

    #[inline]
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.0.encode_i64(v)
    }

    #[inline]
    fn serialize_i128(self, v: i128) -> Result<()> {
        self.0.encode_i128(v)
    }

    #[inline]
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.0.encode_u8(v)
    }

    #[inline]
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.0.encode_u16(v)
    }

    #[inline]
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.0.encode_u32(v)
    }

    #[inline]
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.0.encode_u64(v)
    }

    #[inline]
    fn serialize_u128(self, v: u128) -> Result<()> {
        self.0.encode_u128(v)
    }

    #[inline]
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.0.encode_f32(v)
    }

    #[inline]
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.0.encode_f64(v)
    }

    #[inline]
    fn serialize_char(self, v: char) -> Result<()> {
        self.0.encode_char(v)
    }

    #[inline]
    fn serialize_str(self, v: &str) -> Result<()> {
        self.0.encode_str(v)
    }

    #[inline]
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        self.0.encode_bytes(v)
    }

    #[inline]
    fn serialize_none(self) -> Result<()> {
        self.0.encode_null()
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        self.0.encode_some(&AsEncode(value))
    }

    #[inline]
    fn serialize_unit(self) -> Result<()> {
        self.0.encode_null()
    }

    #[inline]
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.0.encode_unit_struct()
    }

    #[inline]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.0.unit_variant(variant, index)
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        // rmp-serde writes this newtype as a MessagePack extension value; so
        // do the binary formats here. Text formats see an ordinary newtype,
        // as serde_json does.
        if !E::HUMAN_READABLE && name == EXT_STRUCT {
            return value.serialize(ExtCapture {
                encoder: self.0,
                tag: None,
            });
        }
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        let map = self.0.variant_begin(variant, index)?;
        value.serialize(Plain(&mut *self.0))?;
        self.0.map_end(map)
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, E>> {
        let seq = match len {
            Some(len) => self.0.seq_begin(len)?,
            None => self.0.seq_begin_unknown()?,
        };
        Ok(Seq {
            encoder: self.0,
            seq,
        })
    }

    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, E>> {
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a, E>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantSeq<'a, E>> {
        let outer = self.0.variant_begin(variant, index)?;
        let seq = self.0.seq_begin(len)?;
        Ok(VariantSeq {
            encoder: self.0,
            outer,
            seq,
        })
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<Entries<'a, E>> {
        let map = self.0.map_begin(len)?;
        Ok(Entries {
            encoder: self.0,
            map,
        })
    }

    #[inline]
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Entries<'a, E>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantMap<'a, E>> {
        let outer = self.0.variant_begin(variant, index)?;
        let map = self.0.map_begin(Some(len))?;
        Ok(VariantMap {
            encoder: self.0,
            outer,
            map,
        })
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<()> {
        self.0.encode_str(&value.to_string())
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        E::HUMAN_READABLE
    }
}

/// An array being written: sequences, tuples and tuple structs.
pub struct Seq<'a, E: Encoder> {
    encoder: &'a mut E,
    seq: E::Seq,
}

/// A map being written: maps, and structs keyed by field name.
pub struct Entries<'a, E: Encoder> {
    encoder: &'a mut E,
    map: E::Map,
}

/// A tuple variant being written: `{"Variant": [...]}`.
pub struct VariantSeq<'a, E: Encoder> {
    encoder: &'a mut E,
    outer: E::Map,
    seq: E::Seq,
}

/// A struct variant being written: `{"Variant": {...}}`.
pub struct VariantMap<'a, E: Encoder> {
    encoder: &'a mut E,
    outer: E::Map,
    map: E::Map,
}

impl<E: Encoder> Seq<'_, E> {
    #[inline]
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.encoder.seq_elem(&mut self.seq)?;
        value.serialize(Plain(&mut *self.encoder))
    }
}

impl<E: Encoder> ser::SerializeSeq for Seq<'_, E> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    #[inline]
    fn end(self) -> Result<()> {
        self.encoder.seq_end(self.seq)
    }
}

impl<E: Encoder> ser::SerializeTuple for Seq<'_, E> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    #[inline]
    fn end(self) -> Result<()> {
        self.encoder.seq_end(self.seq)
    }
}

impl<E: Encoder> ser::SerializeTupleStruct for Seq<'_, E> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    #[inline]
    fn end(self) -> Result<()> {
        self.encoder.seq_end(self.seq)
    }
}

impl<E: Encoder> ser::SerializeTupleVariant for VariantSeq<'_, E> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.encoder.seq_elem(&mut self.seq)?;
        value.serialize(Plain(&mut *self.encoder))
    }

    #[inline]
    fn end(self) -> Result<()> {
        self.encoder.seq_end(self.seq)?;
        self.encoder.map_end(self.outer)
    }
}

impl<E: Encoder> ser::SerializeMap for Entries<'_, E> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.encoder.map_key(&mut self.map, &SerdeKey(key))
    }

    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        value.serialize(Plain(&mut *self.encoder))
    }

    #[inline]
    fn end(self) -> Result<()> {
        self.encoder.map_end(self.map)
    }
}

impl<E: Encoder> ser::SerializeStruct for Entries<'_, E> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.encoder.map_field(&mut self.map, key)?;
        value.serialize(Plain(&mut *self.encoder))
    }

    #[inline]
    fn end(self) -> Result<()> {
        self.encoder.map_end(self.map)
    }
}

impl<E: Encoder> ser::SerializeStructVariant for VariantMap<'_, E> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.encoder.map_field(&mut self.map, key)?;
        value.serialize(Plain(&mut *self.encoder))
    }

    #[inline]
    fn end(self) -> Result<()> {
        self.encoder.map_end(self.map)?;
        self.encoder.map_end(self.outer)
    }
}

/// A container being written by a [`Serializer`], into its direct or its
/// embedded target.
pub enum Split<D, M> {
    /// Into the caller's encoder.
    Direct(D),
    /// Into the MessagePack of a value a positional format embeds.
    Embedded(M),
}

/// Implements a serde container trait for [`Split`] by forwarding.
macro_rules! split {
    ($trait:ident, $method:ident $(, $key:ident: $key_ty:ty)?) => {
        impl<D, M> ser::$trait for Split<D, M>
        where
            D: ser::$trait<Ok = (), Error = Error>,
            M: ser::$trait<Ok = (), Error = Error>,
        {
            type Ok = ();
            type Error = Error;

            #[inline]
            fn $method<T: Serialize + ?Sized>(&mut self, $($key: $key_ty,)? value: &T) -> Result<()> {
                match self {
                    Split::Direct(inner) => inner.$method($($key,)? value),
                    Split::Embedded(inner) => inner.$method($($key,)? value),
                }
            }

            #[inline]
            fn end(self) -> Result<()> {
                match self {
                    Split::Direct(inner) => inner.end(),
                    Split::Embedded(inner) => inner.end(),
                }
            }
        }
    };
}

split!(SerializeSeq, serialize_element);
split!(SerializeTuple, serialize_element);
split!(SerializeTupleStruct, serialize_field);
split!(SerializeTupleVariant, serialize_field);
split!(SerializeStruct, serialize_field, key: &'static str);
split!(SerializeStructVariant, serialize_field, key: &'static str);

impl<D, M> ser::SerializeMap for Split<D, M>
where
    D: ser::SerializeMap<Ok = (), Error = Error>,
    M: ser::SerializeMap<Ok = (), Error = Error>,
{
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        match self {
            Split::Direct(inner) => inner.serialize_key(key),
            Split::Embedded(inner) => inner.serialize_key(key),
        }
    }

    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        match self {
            Split::Direct(inner) => inner.serialize_value(value),
            Split::Embedded(inner) => inner.serialize_value(value),
        }
    }

    #[inline]
    fn end(self) -> Result<()> {
        match self {
            Split::Direct(inner) => inner.end(),
            Split::Embedded(inner) => inner.end(),
        }
    }
}
