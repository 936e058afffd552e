//! The traits behind `flatten` and internally tagged newtype variants: a struct
//! (or a map) taking its entries out of an object that someone else reads.
//!
//! Decoding goes key by key: the reader of the object offers each key to
//! `claim`, which answers with an id when the key belongs to this type; the
//! reader then has the value decoded with `decode_claimed`. So a flattened
//! struct is filled in the same single pass as the struct around it, with no
//! buffering, and `deny_unknown_fields` still knows which keys nobody claimed.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::Result;

/// A type whose entries can be written into a map someone else began.
pub trait EncodeFields {
    /// How many entries `encode_entries` writes, when known without writing them.
    fn entry_count(&self) -> Option<usize>;

    /// Writes the entries into `map`.
    fn encode_entries<E: Encoder>(&self, encoder: &mut E, map: &mut E::Map) -> Result<()>;
}

/// A type whose entries can be read out of a map someone else reads.
pub trait DecodeFields<'de>: Sized {
    /// How many claim ids this type uses: ids are `0..SPAN`.
    const SPAN: u32;
    /// Whether keys no one claims are errors (`deny_unknown_fields`).
    const DENY_UNKNOWN: bool;
    /// The fields read so far.
    type Builder;

    /// An empty builder.
    fn builder() -> Self::Builder;

    /// The id of `key` if it belongs to this type.
    fn claim(builder: &mut Self::Builder, key: Str<'de, '_>) -> Result<Option<u32>>;

    /// Reads the value of the claimed key `id`.
    fn decode_claimed<D: Decoder<'de>>(
        builder: &mut Self::Builder,
        id: u32,
        decoder: &mut D,
    ) -> Result<()>;

    /// The value, once the object has ended; fails on a missing required field.
    fn finish(builder: Self::Builder) -> Result<Self>;
}

macro_rules! map_fields {
    ($map:ident <K, V $(, $s:ident)?> where K: $($kbound:ident)&+ $(, $sbound:ident: $($sb:ident)&+)?) => {
        impl<K: EncodeKey $(+ $kbound)+, V: Encode $(, $s)?> EncodeFields for $map<K, V $(, $s)?> {
            fn entry_count(&self) -> Option<usize> {
                Some(self.len())
            }

            fn encode_entries<E: Encoder>(&self, encoder: &mut E, map: &mut E::Map) -> Result<()> {
                for (key, value) in self {
                    encoder.map_key(map, key)?;
                    value.encode(encoder)?;
                }
                Ok(())
            }
        }

        impl<'de, K, V $(, $s)?> DecodeFields<'de> for $map<K, V $(, $s)?>
        where
            K: MapKey<'de> $(+ $kbound)+,
            V: Decode<'de>,
            $($sbound: $($sb +)+)?
        {
            const SPAN: u32 = 1;
            const DENY_UNKNOWN: bool = false;
            type Builder = (Self, Option<K>);

            fn builder() -> Self::Builder {
                (Self::default(), None)
            }

            fn claim(builder: &mut Self::Builder, key: Str<'de, '_>) -> Result<Option<u32>> {
                builder.1 = Some(K::from_key_str(key)?);
                Ok(Some(0))
            }

            fn decode_claimed<D: Decoder<'de>>(builder: &mut Self::Builder, _: u32, decoder: &mut D) -> Result<()> {
                let Some(key) = builder.1.take() else {
                    return Ok(());
                };
                match V::decode(decoder) {
                    Ok(value) => {
                        builder.0.insert(key, value);
                        Ok(())
                    }
                    Err(err) => Err(match key.key_display() {
                        Some(shown) => err.in_key(shown),
                        None => err,
                    }),
                }
            }

            fn finish(builder: Self::Builder) -> Result<Self> {
                Ok(builder.0)
            }
        }
    };
}

map_fields!(BTreeMap<K, V> where K: Ord);
map_fields!(HashMap<K, V, S> where K: Eq & Hash, S: BuildHasher & Default);
