//! `uuid::Uuid`, as uuid's serde impl writes it: in human-readable formats
//! (JSON) the hyphenated lowercase string, read back from any form
//! `Uuid::parse_str` takes (hyphenated, simple, braced, URN, either case);
//! in binary formats (MessagePack) its 16 bytes as binary, a `bin 8`, read
//! back from binary of exactly 16 bytes. In the flat format it is its 16
//! bytes inline, viewed as a `Uuid`.

use std::cmp::Ordering;
use std::fmt::Display;

use ::uuid::Uuid;

use super::text::{decode_parsed, invalid_text};
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// A UUID from its text, without a copy.
#[inline]
fn parse(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text).map_err(|err| invalid_text("UUID", text, Some(&err)))
}

/// A UUID from binary, which must be 16 bytes long.
#[inline]
fn from_bytes(bytes: &[u8]) -> Result<Uuid> {
    match <[u8; 16]>::try_from(bytes) {
        Ok(bytes) => Ok(Uuid::from_bytes(bytes)),
        Err(_) => Err(wrong_length()),
    }
}

#[cold]
fn wrong_length() -> Error {
    Error::invalid("Expected `bytes` of length 16 for a UUID".to_owned())
}

impl Encode for Uuid {
    const INLINE_SIZE: Option<usize> = Some(16);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        if let Some(slot) = out.first_chunk_mut() {
            *slot = *self.as_bytes();
        }
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encoder.encode_inline_value(self);
        }
        if E::HUMAN_READABLE {
            encoder.encode_str(self.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
        } else {
            encoder.encode_bytes(self.as_bytes())
        }
    }
}

impl<'de> Decode<'de> for Uuid {
    const INLINE_SIZE: Option<usize> = Some(16);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        match bytes.first_chunk() {
            Some(bytes) => Ok(Uuid::from_bytes(*bytes)),
            None => Err("truncated"),
        }
    }

    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        if D::HUMAN_READABLE {
            return decode_parsed(decoder, parse);
        }
        let uuid = from_bytes(&decoder.decode_bytes()?);
        uuid.map_err(|err| decoder.locate(err))
    }
}

/// A JSON object key is the hyphenated string, as serde_json writes it.
impl EncodeKey for Uuid {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(self.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }

    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<'de> MapKey<'de> for Uuid {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        parse(&key)
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

/// Every 16 bytes are a UUID, so there is nothing to validate.
#[cfg(feature = "flat")]
impl crate::flat::View for Uuid {
    type View<'a> = Uuid;

    const INLINE_SIZE: Option<usize> = Some(16);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        let _ = (v, slot);
        Ok(())
    }

    #[inline]
    fn read(bytes: &[u8]) -> Uuid {
        match bytes.first_chunk() {
            Some(bytes) => Uuid::from_bytes(*bytes),
            None => Uuid::nil(),
        }
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        Uuid::nil()
    }

    #[inline]
    fn from_view(view: Uuid) -> Uuid {
        view
    }
}
