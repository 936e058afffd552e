//! Strings: `String`, `str`, borrowed `&str`, `Cow<str>` and the boxed and shared forms.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use crate::decode::{Decode, Decoder, Str};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, ErrorKind, Result};

/// The error for a borrowed `&str` or `&[u8]` when the decoder had to copy the
/// data (a JSON string with escapes), naming the owned types that work.
#[cold]
pub(crate) fn cannot_borrow(borrowed: &str, instead: &str) -> Error {
    Error::with_kind(
        ErrorKind::Type,
        format!(
            "Expected a string without escapes, which `{borrowed}` can borrow from the input; \
             decode into {instead} to accept any string"
        ),
    )
}

/// `key` borrowed from the input, or the error saying it cannot be.
#[inline]
pub(super) fn borrow_str<'de>(key: Str<'de, '_>) -> Result<&'de str> {
    match key {
        Str::Borrowed(s) => Ok(s),
        Str::Transient(_) => Err(cannot_borrow("&str", "`String` or `Cow<str>`")),
    }
}

/// `key` borrowed from the input where it allows, copied otherwise.
#[inline]
pub(super) fn cow_str<'de>(key: Str<'de, '_>) -> Cow<'de, str> {
    match key {
        Str::Borrowed(s) => Cow::Borrowed(s),
        Str::Transient(s) => Cow::Owned(s.to_owned()),
    }
}

impl Encode for str {
    const MEASURABLE: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_str(self)
    }
}

impl Encode for String {
    const MEASURABLE: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_str(self)
    }
}

impl<'de> Decode<'de> for String {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_string()
    }
}

impl<'de: 'a, 'a> Decode<'de> for &'a str {
    #[inline(always)]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let s = borrow_str(decoder.decode_str()?);
        s.map_err(|err| decoder.locate(err))
    }
}

/// Always owned, as serde's impl decodes it, so that a `Cow<'static, str>`
/// decodes from any input, inside an `Option` or a `Vec` as well. A derived
/// field marked `#[serde(borrow)]` borrows instead, through
/// [`BorrowCow`](crate::__private::BorrowCow).
impl<'de> Decode<'de> for Cow<'_, str> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_string().map(Cow::Owned)
    }
}

impl<'de: 'a, 'a> crate::__private::BorrowCow<'de> for Cow<'a, str> {
    #[inline]
    fn decode_borrowed<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        Ok(cow_str(decoder.decode_str()?))
    }
}

impl<'de> Decode<'de> for Box<str> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        Ok(Box::from(&*decoder.decode_str()?))
    }
}

impl<'de> Decode<'de> for Rc<str> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        Ok(Rc::from(&*decoder.decode_str()?))
    }
}

impl<'de> Decode<'de> for Arc<str> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        Ok(Arc::from(&*decoder.decode_str()?))
    }
}
