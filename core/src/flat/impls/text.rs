//! Strings and byte buffers: out of line, a LEB128 length then the bytes.
//! Strings are checked for UTF-8 when validated, and again (without a copy)
//! when read, since a view can be read from bytes that were never validated
//! (see `View::read`).

use std::rc::Rc;
use std::sync::Arc;

use crate::ByteBuf;
use crate::error::Result;
use crate::flat::table::follow;
use crate::flat::{Validator, View, varint};
use crate::utf8;

/// The bytes an offset slot points to; empty for offset 0 or a bad object.
#[inline]
fn read_bytes(slot: &[u8]) -> &[u8] {
    let Some(object) = follow(slot) else {
        return &[];
    };
    let Some((len, header)) = varint::read(object) else {
        return &[];
    };
    object
        .get(header..header.saturating_add(len as usize))
        .unwrap_or(&[])
}

/// Validates the string an offset slot points to.
#[inline(always)]
pub(super) fn validate_str(v: &mut Validator<'_>, slot: usize) -> Result<()> {
    let bytes = v.byte_object(slot)?;
    match utf8::as_str(bytes) {
        Some(_) => Ok(()),
        None => Err(v.malformed("invalid UTF-8", slot)),
    }
}

/// Reads the string an offset slot points to; `""` for anything invalid.
/// Validation has checked it already, but `View::read` is safe to call on
/// any bytes, so it is checked again: with the shared check, whose ASCII
/// path costs a few instructions on a short string.
#[inline]
pub(super) fn read_str(slot: &[u8]) -> &str {
    utf8::as_str(read_bytes(slot)).unwrap_or_default()
}

macro_rules! strings {
    ($($ty:ty),* $(,)?) => {$(
        impl View for $ty {
            type View<'a> = &'a str;

            const INLINE_SIZE: Option<usize> = None;

            #[inline(always)]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                validate_str(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> &str {
                read_str(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                ""
            }

            #[inline]
            fn from_view(view: &str) -> Self {
                <$ty>::from(view)
            }
        }
    )*};
}

strings!(String, Box<str>, Rc<str>, Arc<str>);

macro_rules! byte_buffers {
    ($($ty:ty => $from:expr),* $(,)?) => {$(
        impl View for $ty {
            type View<'a> = &'a [u8];

            const INLINE_SIZE: Option<usize> = None;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                v.byte_object(slot).map(|_| ())
            }

            #[inline]
            fn read(bytes: &[u8]) -> &[u8] {
                read_bytes(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                &[]
            }

            #[inline]
            fn from_view(view: &[u8]) -> Self {
                $from(view)
            }
        }
    )*};
}

byte_buffers!(
    ByteBuf => ByteBuf::from,
    bytes::BytesMut => bytes::BytesMut::from,
    // `Bytes::from` takes only `'static` slices.
    bytes::Bytes => bytes::Bytes::copy_from_slice,
);
