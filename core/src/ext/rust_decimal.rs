//! `rust_decimal::Decimal`, as its default serde impl writes it: a string
//! in every format (`"1.50"`, the scale kept). It reads what that impl reads:
//! a string, plain or scientific (`"1.5e3"`); an integer; a float, through
//! its shortest decimal text (`0.1` is `0.1`). In the flat format it is the
//! 16 bytes of `Decimal::serialize`, inline, viewed as a `Decimal`.

use std::cmp::Ordering;
use std::fmt::Display;

use ::rust_decimal::Decimal;

use super::text::{decode_parsed, invalid_text, with_display};
use crate::decode::{Decode, Decoder, MapKey, Number, Peek, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// Room for a decimal's text: 29 digits, a sign and a point.
const TEXT: usize = 40;

/// Room for a float's `Display` text, which has no exponent: 5e-324 takes 326 bytes.
const FLOAT_TEXT: usize = 400;

/// A decimal from a string, as rust_decimal's serde impl reads one: plain,
/// else scientific.
#[inline]
fn parse(text: &str) -> Result<Decimal> {
    match text.parse::<Decimal>() {
        Ok(value) => Ok(value),
        Err(_) => Decimal::from_scientific(text).map_err(|_| invalid_text("decimal", text, None)),
    }
}

/// A decimal from a number, as rust_decimal's serde impl reads one: an
/// integer exactly, a float through its `Display` text (no exponent).
#[inline]
fn from_number(number: Number) -> Result<Decimal> {
    match number {
        Number::U64(value) => Ok(Decimal::from(value)),
        Number::I64(value) => Ok(Decimal::from(value)),
        Number::F64(value) => with_display::<FLOAT_TEXT, _, _>(&value, |text| {
            text.parse::<Decimal>()
                .map_err(|_| invalid_text("decimal", &format!("{value:?}"), None))
        }),
    }
}

/// The flags word of a `Decimal::serialize`d value holds only the scale
/// (bits 16 to 23, at most 28) and the sign (bit 31).
#[inline]
fn from_flat(bytes: [u8; 16]) -> Option<Decimal> {
    let flags = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    let scale = (flags >> 16) & 0xff;
    if flags & !0x80ff_0000 != 0 || scale > Decimal::MAX_SCALE {
        return None;
    }
    Some(Decimal::deserialize(bytes))
}

impl Encode for Decimal {
    const INLINE_SIZE: Option<usize> = Some(16);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        if let Some(slot) = out.first_chunk_mut() {
            *slot = self.serialize();
        }
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encoder.encode_inline_value(self);
        }
        with_display::<TEXT, _, _>(self, |text| encoder.encode_str(text))
    }
}

impl<'de> Decode<'de> for Decimal {
    const INLINE_SIZE: Option<usize> = Some(16);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        match bytes.first_chunk().and_then(|bytes| from_flat(*bytes)) {
            Some(value) => Ok(value),
            None => Err("invalid decimal"),
        }
    }

    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        match decoder.peek()? {
            Peek::Str => decode_parsed(decoder, parse),
            Peek::Int | Peek::Float => {
                let value = from_number(decoder.decode_number()?);
                value.map_err(|err| decoder.locate(err))
            }
            found => Err(decoder.locate(Error::unexpected("decimal", found.name()))),
        }
    }
}

/// A JSON object key is the decimal's string, as serde_json writes it.
impl EncodeKey for Decimal {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        with_display::<TEXT, _, _>(self, f)
    }

    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<'de> MapKey<'de> for Decimal {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        parse(&key)
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

/// The 16 bytes must be what `Decimal::serialize` writes: unused flag bits
/// clear and the scale at most 28.
#[cfg(feature = "flat")]
impl crate::flat::View for Decimal {
    type View<'a> = Decimal;

    const INLINE_SIZE: Option<usize> = Some(16);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        match from_flat(v.scalar(slot)?) {
            Some(_) => Ok(()),
            None => Err(v.malformed("invalid decimal", slot)),
        }
    }

    #[inline]
    fn read(bytes: &[u8]) -> Decimal {
        bytes
            .first_chunk()
            .and_then(|bytes| from_flat(*bytes))
            .unwrap_or_default()
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        Decimal::ZERO
    }

    #[inline]
    fn from_view(view: Decimal) -> Decimal {
        view
    }
}
