//! `url::Url`, as url's serde impl writes it: its serialization, a string,
//! in every format, parsed with `Url::parse` when read. In the flat format it
//! is that string, viewed as `&str`; validation checks that it parses.

use std::cmp::Ordering;
use std::fmt::Display;

use ::url::Url;

use super::text::{decode_parsed, invalid_text};
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::Result;

/// A URL from its text, without a copy first.
#[inline]
fn parse(text: &str) -> Result<Url> {
    Url::parse(text).map_err(|err| invalid_text("URL", text, Some(&err)))
}

impl Encode for Url {
    const MEASURABLE: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_str(self.as_str())
    }
}

impl<'de> Decode<'de> for Url {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_parsed(decoder, parse)
    }
}

impl EncodeKey for Url {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(self.as_str())
    }

    /// `Url`s are ordered by their text, as their view is.
    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.as_str().cmp(other.as_str()))
    }
}

impl<'de> MapKey<'de> for Url {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        parse(&key)
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

#[cfg(feature = "flat")]
impl crate::flat::View for Url {
    type View<'a> = &'a str;

    const INLINE_SIZE: Option<usize> = None;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        super::text::validate_text(v, slot, |text| Url::parse(text).is_ok(), "invalid URL")
    }

    #[inline]
    fn read(bytes: &[u8]) -> &str {
        <String as crate::flat::View>::read(bytes)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        ""
    }

    /// The URL a validated view shows; on bytes that were never validated,
    /// text that does not parse gives `about:blank`.
    #[inline]
    fn from_view(view: &str) -> Url {
        Url::parse(view)
            .or_else(|_| Url::parse("about:blank"))
            .expect("`about:blank` is a URL")
    }
}
