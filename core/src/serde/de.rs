//! [`Deserializer`]: serde's `Deserializer` over any zerospec [`Decoder`].
//!
//! serde's typed hints map to the typed decoder calls (`deserialize_u32` is
//! `decode_u32`), so the input is checked as it is read and errors are
//! zerospec's, with the path to the value: each element, field and map
//! value that fails adds its segment as the error leaves it.

use serde::de::{self, DeserializeSeed, Visitor};

use super::ext::{EXT_STRUCT, Ext};
use super::key::{KeyProbe, TextKey};
use crate::decode::{Bytes, Decoder, Number, Peek, Str};
use crate::error::{Error, Result};

/// serde's [`Deserializer`](serde::Deserializer) reading from a zerospec
/// [`Decoder`]: a serde-derived type decodes through it from every format,
/// with zerospec's validation and error messages.
///
/// Strings and bytes are borrowed from the input where the format allows
/// (`visit_borrowed_str`), so `&'de str` fields work as in serde_json;
/// `deserialize_any` follows [`Decoder::peek`], so untagged and internally
/// tagged enums work; `is_human_readable` answers the format's
/// [`Decoder::HUMAN_READABLE`]. Most code calls [`decode`](super::decode)
/// instead, which also handles the flat format.
///
/// # Examples
///
/// ```
/// use serde::Deserialize;
/// use zerospec::json::JsonDecoder;
///
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Point { x: i32, y: i32 }
///
/// let mut decoder = JsonDecoder::new(br#"{"x": 1, "y": "2"}"#);
/// let err = Point::deserialize(zerospec::serde::Deserializer::new(&mut decoder)).unwrap_err();
/// assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$.y`");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct Deserializer<'a, D> {
    source: Source<'a, D>,
}

/// Where a [`Deserializer`] reads: the caller's decoder, or (for a serde
/// value in a positional format) the MessagePack in the bytes value the
/// decoder reads next.
enum Source<'a, D> {
    Direct(&'a mut D),
    Embedded(&'a mut D),
}

impl<'a, D> Deserializer<'a, D> {
    /// A deserializer that reads from `decoder`.
    ///
    /// In positional formats (the flat format) a serde value has no layout
    /// of its own: go through [`decode`](super::decode) or
    /// [`decode_with`](super::decode_with) there, which read it from its
    /// embedded MessagePack bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// use serde::Deserialize;
    /// let mut decoder = zerospec::msgpack::MsgPackDecoder::new(&[0xa2, b'h', b'i']);
    /// let text = <&str>::deserialize(zerospec::serde::Deserializer::new(&mut decoder))?;
    /// assert_eq!(text, "hi");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn new(decoder: &'a mut D) -> Self {
        Deserializer {
            source: Source::Direct(decoder),
        }
    }

    /// A deserializer reading the MessagePack that the bytes value next in
    /// `decoder` embeds, which must hold exactly the one value it reads.
    pub(super) fn embedded(decoder: &'a mut D) -> Self {
        Deserializer {
            source: Source::Embedded(decoder),
        }
    }
}

/// Forwards `deserialize_*` methods to the plain deserializer of the source.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value> {
            match self.source {
                Source::Direct(decoder) => Plain(decoder).$method($($arg,)* visitor),
                Source::Embedded(decoder) => {
                    embedded(decoder, |plain| plain.$method($($arg,)* visitor))
                }
            }
        }
    )*};
}

impl<'de, D: Decoder<'de>> de::Deserializer<'de> for Deserializer<'_, D> {
    type Error = Error;

    forward! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    fn is_human_readable(&self) -> bool {
        match self.source {
            Source::Direct(_) => D::HUMAN_READABLE,
            // MessagePack.
            Source::Embedded(_) => false,
        }
    }
}

/// Reads the bytes value next in `decoder` and runs `read` over the
/// MessagePack it holds, which must end with the value `read` reads.
/// Strings in it borrow from the input as the bytes do.
#[cfg(feature = "msgpack")]
fn embedded<'de, D, T>(
    decoder: &mut D,
    read: impl FnOnce(Plain<'_, crate::msgpack::MsgPackDecoder<'de>>) -> Result<T>,
) -> Result<T>
where
    D: Decoder<'de>,
{
    let Bytes::Borrowed(bytes) = decoder.decode_bytes()? else {
        return Err(Error::unsupported(
            "a serde value embedded in a positional format is read from bytes borrowed from the input, and this decoder copied them",
        ));
    };
    let mut embedded = crate::msgpack::MsgPackDecoder::new(bytes);
    let value = read(Plain(&mut embedded))?;
    embedded.end()?;
    Ok(value)
}

#[cfg(not(feature = "msgpack"))]
fn embedded<'de, D, T>(_decoder: &mut D, _read: impl FnOnce(Plain<'_, D>) -> Result<T>) -> Result<T>
where
    D: Decoder<'de>,
{
    Err(super::embed::no_msgpack())
}

/// The deserializer proper, over one decoder: what [`Deserializer`]
/// forwards to, and what every nested value is read with.
pub(super) struct Plain<'a, D>(pub(super) &'a mut D);

/// Bytes an element of a serde collection is counted at when its length is
/// drawn from the decoder's budget: serde reserves `size_hint` elements of
/// its own size (up to 1 MiB a collection), which the bridge cannot see.
const SERDE_ELEMENT_SIZE: usize = 64;

/// The length to tell serde for a container that declares `declared`
/// elements: what the decoder's budget allows for them.
fn reserve_hint<'de, D: Decoder<'de>>(decoder: &mut D, declared: Option<usize>) -> Option<usize> {
    declared.map(|_| decoder.reserve_ahead(declared, SERDE_ELEMENT_SIZE))
}

/// Reads a scalar with a typed decoder call, then visits it.
macro_rules! typed {
    ($($method:ident => $decode:ident, $visit:ident;)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let value = self.0.$decode()?;
            visitor.$visit(value).map_err(|err| self.0.locate(err))
        }
    )*};
}

impl<'de, D: Decoder<'de>> Plain<'_, D> {
    /// Visits a string, borrowed from the input where the decoder could.
    fn text<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let visited = match self.0.decode_str()? {
            Str::Borrowed(text) => visitor.visit_borrowed_str(text),
            Str::Transient(text) => visitor.visit_str(text),
        };
        visited.map_err(|err| self.0.locate(err))
    }

    /// Visits binary data, borrowed from the input where the decoder could.
    fn binary<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let visited = match self.0.decode_bytes()? {
            Bytes::Borrowed(bytes) => visitor.visit_borrowed_bytes(bytes),
            Bytes::Transient(bytes) => visitor.visit_bytes(bytes),
        };
        visited.map_err(|err| self.0.locate(err))
    }

    /// Visits an array's elements, then checks the visitor took them all.
    fn seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let seq = self.0.seq_begin()?;
        let hint = reserve_hint(self.0, self.0.seq_remaining(&seq));
        let mut elements = Elements {
            decoder: &mut *self.0,
            seq,
            index: 0,
            ended: false,
            hint,
        };
        let value = match visitor.visit_seq(&mut elements) {
            Ok(value) => value,
            Err(err) => return Err(elements.decoder.locate(err)),
        };
        if !elements.ended && elements.decoder.seq_next(&mut elements.seq)? {
            // Fewer elements were taken than the input holds: a tuple of
            // the wrong length, as zerospec's own tuples report it.
            let err = crate::impls::seq::wrong_length(elements.index);
            return Err(elements.decoder.locate(err));
        }
        Ok(value)
    }

    /// Visits a map whose keys are values: any serde map.
    fn map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let map = self.0.map_begin()?;
        let hint = reserve_hint(self.0, self.0.map_remaining(&map));
        let mut entries = Entries {
            decoder: &mut *self.0,
            map,
            hint,
            ended: false,
            key_text: None,
            key_at: None,
        };
        let value = match visitor.visit_map(&mut entries) {
            Ok(value) => value,
            Err(err) => return Err(entries.decoder.locate(err)),
        };
        entries.drain()?;
        Ok(value)
    }

    /// Visits an object keyed by the struct's field names.
    fn fields<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.0.peek()? == Peek::Seq {
            // serde_json and rmp-serde read a struct from an array too.
            return self.seq(visitor);
        }
        let map = self.0.map_begin()?;
        let mut access = Fields {
            decoder: &mut *self.0,
            map,
            fields,
            ended: false,
            current: None,
        };
        let value = match visitor.visit_map(&mut access) {
            Ok(value) => value,
            Err(err) => return Err(access.decoder.locate(err)),
        };
        access.drain()?;
        Ok(value)
    }

    /// Visits a MessagePack extension value as rmp-serde does: a newtype
    /// holding the pair of its tag and its data.
    fn ext<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (tag, data) = self.0.decode_ext()?;
        let visited = visitor.visit_newtype_struct(Ext { tag, data });
        visited.map_err(|err| self.0.locate(err))
    }
}

impl<'de, D: Decoder<'de>> de::Deserializer<'de> for Plain<'_, D> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let visited = match self.0.peek()? {
            Peek::Null => {
                self.0.decode_null()?;
                visitor.visit_unit()
            }
            Peek::Bool => visitor.visit_bool(self.0.decode_bool()?),
            Peek::Int => match self.0.decode_number()? {
                Number::U64(v) => visitor.visit_u64(v),
                Number::I64(v) => visitor.visit_i64(v),
                Number::F64(v) => visitor.visit_f64(v),
            },
            Peek::Float => visitor.visit_f64(self.0.decode_f64()?),
            Peek::Str => return self.text(visitor),
            Peek::Bytes => return self.binary(visitor),
            Peek::Seq => return self.seq(visitor),
            Peek::Map => return self.map(visitor),
            Peek::Ext => return self.ext(visitor),
        };
        visited.map_err(|err| self.0.locate(err))
    }

    typed! {
        deserialize_bool => decode_bool, visit_bool;
        deserialize_i8 => decode_i8, visit_i8;
        deserialize_i16 => decode_i16, visit_i16;
        deserialize_i32 => decode_i32, visit_i32;
        deserialize_i64 => decode_i64, visit_i64;
        deserialize_i128 => decode_i128, visit_i128;
        deserialize_u8 => decode_u8, visit_u8;
        deserialize_u16 => decode_u16, visit_u16;
        deserialize_u32 => decode_u32, visit_u32;
        deserialize_u64 => decode_u64, visit_u64;
        deserialize_u128 => decode_u128, visit_u128;
        deserialize_f32 => decode_f32, visit_f32;
        deserialize_f64 => decode_f64, visit_f64;
        deserialize_char => decode_char, visit_char;
        deserialize_string => decode_string, visit_string;
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.text(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0.peek()? {
            // Bytes as JSON writes them, an array of numbers; and, as
            // rmp-serde reads them, an array or a string in MessagePack.
            Peek::Seq => self.seq(visitor),
            Peek::Str if !D::HUMAN_READABLE => self.text(visitor),
            _ => self.binary(visitor),
        }
    }

    #[inline]
    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.0.decode_option()? {
            visitor.visit_some(Plain(&mut *self.0))
        } else {
            visitor.visit_none().map_err(|err| self.0.locate(err))
        }
    }

    #[inline]
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.decode_null()?;
        visitor.visit_unit().map_err(|err| self.0.locate(err))
    }

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.0.decode_unit_struct()?;
        visitor.visit_unit().map_err(|err| self.0.locate(err))
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == EXT_STRUCT && self.0.peek()? == Peek::Ext {
            return self.ext(visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    #[inline]
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.seq(visitor)
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.seq(visitor)
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.seq(visitor)
    }

    #[inline]
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.map(visitor)
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.fields(fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let human = D::HUMAN_READABLE;
        let visited = match self.0.peek()? {
            // A unit variant by name.
            Peek::Str => {
                let key = self.0.decode_str()?;
                visitor.visit_enum(TextKey { key, human })
            }
            // A unit variant by index, as rmp-serde also reads one.
            Peek::Int if !human => {
                let index = self.0.decode_u32()?;
                visitor.visit_enum(de::value::U32Deserializer::<Error>::new(index))
            }
            Peek::Map => return self.variant(variants, visitor),
            found => Err(Error::unexpected("str | object", found.name())),
        };
        visited.map_err(|err| self.0.locate(err))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if D::HUMAN_READABLE {
            self.text(visitor)
        } else {
            // rmp-serde reads identifiers as any value: a name or an index.
            self.deserialize_any(visitor)
        }
    }

    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.skip_value()?;
        visitor.visit_unit()
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        D::HUMAN_READABLE
    }
}

impl<'de, D: Decoder<'de>> Plain<'_, D> {
    /// An externally tagged variant with content: `{"Variant": content}`.
    fn variant<V: Visitor<'de>>(
        self,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let mut map = self.0.map_begin()?;
        if !self.0.map_next_entry(&mut map)? {
            return Err(self.0.locate(crate::__private::single_key_expected()));
        }
        let access = Variant {
            decoder: &mut *self.0,
            variants,
            key_at: None,
            name: None,
        };
        let value = visitor.visit_enum(access)?;
        if self.0.map_next_entry(&mut map)? {
            return Err(self.0.locate(crate::__private::single_key_expected()));
        }
        Ok(value)
    }
}

/// The elements of an array, for a serde visitor.
struct Elements<'de, 'x, D: Decoder<'de>> {
    decoder: &'x mut D,
    seq: D::Seq,
    index: usize,
    /// True once the decoder has read the array's end.
    ended: bool,
    /// The length serde is told, drawn from the decoder's budget.
    hint: Option<usize>,
}

impl<'de, D: Decoder<'de>> de::SeqAccess<'de> for Elements<'de, '_, D> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.ended || !self.decoder.seq_next(&mut self.seq)? {
            self.ended = true;
            return Ok(None);
        }
        let index = self.index;
        self.index += 1;
        match seed.deserialize(Plain(&mut *self.decoder)) {
            Ok(value) => Ok(Some(value)),
            Err(err) => Err(err.in_index(index)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.hint
    }
}

/// The entries of a map whose keys are values, for a serde visitor.
struct Entries<'de, 'x, D: Decoder<'de>> {
    decoder: &'x mut D,
    map: D::Map,
    /// The length serde is told, drawn from the decoder's budget.
    hint: Option<usize>,
    /// True once the decoder has read the map's end.
    ended: bool,
    /// The current key's text, in formats whose keys are strings.
    key_text: Option<std::borrow::Cow<'de, str>>,
    /// Where the current key starts, in formats whose keys are values: read
    /// again only to name the key in an error's path.
    key_at: Option<D::Checkpoint>,
}

impl<'de, D: Decoder<'de>> Entries<'de, '_, D> {
    /// Passes over the entries a visitor left unread.
    fn drain(&mut self) -> Result<()> {
        while !self.ended && self.decoder.map_next_entry(&mut self.map)? {
            if let KeyProbe::Value = self.decoder.decode_key::<KeyProbe<'de>>()? {
                self.decoder.skip_value()?;
            }
            self.decoder.skip_value()?;
        }
        Ok(())
    }
}

impl<'de, D: Decoder<'de>> de::MapAccess<'de> for Entries<'de, '_, D> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.ended || !self.decoder.map_next_entry(&mut self.map)? {
            self.ended = true;
            return Ok(None);
        }
        let human = D::HUMAN_READABLE;
        self.key_at = Some(self.decoder.checkpoint());
        let key = match self.decoder.decode_key::<KeyProbe<'de>>()? {
            KeyProbe::Value => {
                self.key_text = None;
                seed.deserialize(Plain(&mut *self.decoder))
            }
            KeyProbe::Borrowed(text) => {
                self.key_text = Some(std::borrow::Cow::Borrowed(text));
                seed.deserialize(TextKey {
                    key: Str::Borrowed(text),
                    human,
                })
            }
            KeyProbe::Owned(text) => {
                let key = seed.deserialize(TextKey {
                    key: Str::Transient(&text),
                    human,
                });
                self.key_text = Some(std::borrow::Cow::Owned(text));
                key
            }
        };
        key.map(Some).map_err(|err| self.decoder.locate(err))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        match seed.deserialize(Plain(&mut *self.decoder)) {
            Ok(value) => Ok(value),
            Err(err) => Err(match (self.key_text.take(), self.key_at.take()) {
                (Some(text), _) => err.in_key(&text),
                (None, Some(at)) => value_key_segment(&mut *self.decoder, at, err),
                (None, None) => err,
            }),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.hint
    }
}

/// Adds to `err` the path segment of the key that starts at `at`, read
/// again for the purpose: a string or an integer key is named, others are
/// left out. The decoder is left wherever that read ends, since the error
/// ends the decode.
#[cold]
fn value_key_segment<'de, D: Decoder<'de>>(
    decoder: &mut D,
    at: D::Checkpoint,
    err: Error,
) -> Error {
    decoder.restore(at);
    match decoder.peek() {
        Ok(Peek::Str) => match decoder.decode_str() {
            Ok(key) => err.in_key(&&*key),
            Err(_) => err,
        },
        Ok(Peek::Int) => match decoder.decode_number() {
            Ok(Number::U64(key)) => err.in_key(&key),
            Ok(Number::I64(key)) => err.in_key(&key),
            _ => err,
        },
        _ => err,
    }
}

/// The fields of a struct, for a serde visitor: keys are read as strings,
/// and compared with the struct's field names only to name a failing field
/// in the error's path.
struct Fields<'de, 'x, D: Decoder<'de>> {
    decoder: &'x mut D,
    map: D::Map,
    fields: &'static [&'static str],
    /// True once the decoder has read the object's end.
    ended: bool,
    /// The key whose value comes next.
    current: Option<FieldKey<'de>>,
}

/// The key of the field being read, kept to name it in an error's path.
#[derive(Clone, Copy)]
enum FieldKey<'de> {
    /// Borrowed from the input: looked up among the fields only on failure.
    Input(&'de str),
    /// One of the fields (a key the decoder unescaped is looked up at once).
    Field(&'static str),
    /// An unescaped key that names no field.
    Unknown,
}

impl FieldKey<'_> {
    /// Adds this key to the path of `err`, raised by its value.
    #[cold]
    fn name(self, fields: &'static [&'static str], err: Error) -> Error {
        match self {
            FieldKey::Input(key) => match fields.iter().copied().find(|name| *name == key) {
                Some(name) => err.in_field(name),
                None => err.in_key(&key),
            },
            FieldKey::Field(name) => err.in_field(name),
            FieldKey::Unknown => err,
        }
    }
}

impl<'de, D: Decoder<'de>> Fields<'de, '_, D> {
    /// Passes over the entries a visitor left unread.
    fn drain(&mut self) -> Result<()> {
        while !self.ended && self.decoder.map_next_key(&mut self.map)?.is_some() {
            self.decoder.skip_value()?;
        }
        Ok(())
    }
}

impl<'de, D: Decoder<'de>> de::MapAccess<'de> for Fields<'de, '_, D> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.ended {
            return Ok(None);
        }
        let human = D::HUMAN_READABLE;
        let key = match self.decoder.map_next_key(&mut self.map)? {
            None => {
                self.ended = true;
                return Ok(None);
            }
            Some(key) => {
                self.current = Some(match key {
                    Str::Borrowed(text) => FieldKey::Input(text),
                    Str::Transient(text) => match self.fields.iter().find(|name| **name == text) {
                        Some(name) => FieldKey::Field(name),
                        None => FieldKey::Unknown,
                    },
                });
                seed.deserialize(TextKey { key, human })
            }
        };
        key.map(Some).map_err(|err| self.decoder.locate(err))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        match seed.deserialize(Plain(&mut *self.decoder)) {
            Ok(value) => Ok(value),
            Err(err) => Err(match self.current.take() {
                Some(key) => key.name(self.fields, err),
                None => err,
            }),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.decoder.map_remaining(&self.map)
    }
}

/// The variant of an externally tagged enum written as a one-entry map:
/// the key names it, the value is its content.
struct Variant<'de, 'x, D: Decoder<'de>> {
    decoder: &'x mut D,
    variants: &'static [&'static str],
    /// Where the key starts, in formats whose keys are values.
    key_at: Option<D::Checkpoint>,
    /// The variant's name, in formats whose keys are strings.
    name: Option<&'static str>,
}

impl<'de, D: Decoder<'de>> de::EnumAccess<'de> for Variant<'de, '_, D> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(mut self, seed: V) -> Result<(V::Value, Self)> {
        let human = D::HUMAN_READABLE;
        self.key_at = Some(self.decoder.checkpoint());
        let key = match self.decoder.decode_key::<KeyProbe<'de>>()? {
            KeyProbe::Value => seed.deserialize(Plain(&mut *self.decoder)),
            KeyProbe::Borrowed(text) => {
                self.name = self.variants.iter().copied().find(|name| *name == text);
                seed.deserialize(TextKey {
                    key: Str::Borrowed(text),
                    human,
                })
            }
            KeyProbe::Owned(text) => {
                self.name = self.variants.iter().copied().find(|name| *name == text);
                seed.deserialize(TextKey {
                    key: Str::Transient(&text),
                    human,
                })
            }
        };
        match key {
            Ok(key) => Ok((key, self)),
            Err(err) => Err(self.decoder.locate(err)),
        }
    }
}

impl<'de, D: Decoder<'de>> Variant<'de, '_, D> {
    /// Adds the variant's name to the path of an error in its content, as
    /// zerospec's own enums do.
    #[cold]
    fn in_variant(self, err: Error) -> Error {
        if let Some(name) = self.name {
            return err.in_field(name);
        }
        let Some(at) = self.key_at else {
            return err;
        };
        self.decoder.restore(at);
        let named = match self.decoder.decode_str() {
            Ok(key) => self.variants.iter().copied().find(|name| *name == &*key),
            Err(_) => None,
        };
        match named {
            Some(name) => err.in_field(name),
            None => err,
        }
    }
}

impl<'de, D: Decoder<'de>> de::VariantAccess<'de> for Variant<'de, '_, D> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        match self.decoder.decode_null() {
            Ok(()) => Ok(()),
            Err(err) => Err(self.in_variant(err)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        match seed.deserialize(Plain(&mut *self.decoder)) {
            Ok(value) => Ok(value),
            Err(err) => Err(self.in_variant(err)),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        match Plain(&mut *self.decoder).seq(visitor) {
            Ok(value) => Ok(value),
            Err(err) => Err(self.in_variant(err)),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match Plain(&mut *self.decoder).fields(fields, visitor) {
            Ok(value) => Ok(value),
            Err(err) => Err(self.in_variant(err)),
        }
    }
}
