//! Borrowed binary data: `&[u8]` and `Cow<[u8]>`.
//!
//! Both encode as `[u8]` does (an array of numbers in JSON, as serde_json
//! writes them). They decode from the format's binary value (in JSON, a
//! string's bytes, as serde_json reads `&[u8]`); `Cow<[u8]>` also accepts an
//! array of numbers, which it copies.

use std::borrow::Cow;

use super::string::cannot_borrow;
use crate::decode::{Bytes, Decode, Decoder, Peek};
use crate::error::Result;

impl<'de: 'a, 'a> Decode<'de> for &'a [u8] {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let borrowed = match decoder.decode_bytes()? {
            Bytes::Borrowed(b) => Some(b),
            Bytes::Transient(_) => None,
        };
        borrowed.ok_or_else(|| decoder.locate(cannot_borrow("&[u8]", "`Vec<u8>` or `Cow<[u8]>`")))
    }
}

/// Always owned, as serde's impl decodes it; a derived field marked
/// `#[serde(borrow)]` borrows, through
/// [`BorrowCow`](crate::__private::BorrowCow).
impl<'de> Decode<'de> for Cow<'_, [u8]> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        crate::__private::decode_byte_buf::<Vec<u8>, D>(decoder).map(Cow::Owned)
    }
}

impl<'de: 'a, 'a> crate::__private::BorrowCow<'de> for Cow<'a, [u8]> {
    #[inline]
    fn decode_borrowed<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        // Positional formats are not self-describing: bytes are bytes there.
        if !D::POSITIONAL && decoder.peek()? == Peek::Seq {
            return Vec::<u8>::decode(decoder).map(Cow::Owned);
        }
        Ok(match decoder.decode_bytes()? {
            Bytes::Borrowed(b) => Cow::Borrowed(b),
            Bytes::Transient(b) => Cow::Owned(b.to_vec()),
        })
    }
}
