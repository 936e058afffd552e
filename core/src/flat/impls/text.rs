//! Strings and byte buffers: out of line, a LEB128 length then the bytes.
//! Strings are checked for UTF-8 when validated, and again (without a copy)
//! when read, since zerospec uses no `unsafe`.

use std::rc::Rc;
use std::sync::Arc;

use crate::ByteBuf;
use crate::error::Result;
use crate::flat::table::follow;
use crate::flat::{Validator, View, varint};

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
fn validate_str(v: &mut Validator<'_>, slot: usize) -> Result<()> {
    let bytes = v.byte_object(slot)?;
    if is_ascii(bytes) || std::str::from_utf8(bytes).is_ok() {
        Ok(())
    } else {
        Err(v.malformed("invalid UTF-8", slot))
    }
}

/// Whether `bytes` is ASCII, eight bytes at a time (the last eight
/// overlapping the ones before): most strings are short and ASCII, where this
/// is several times cheaper than a full UTF-8 check.
#[inline(always)]
fn is_ascii(bytes: &[u8]) -> bool {
    let seen = if let Some(last) = bytes.last_chunk::<8>() {
        let mut seen = u64::from_le_bytes(*last);
        let mut rest = bytes;
        while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
            seen |= u64::from_le_bytes(*chunk);
            rest = tail;
        }
        seen
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*first) | u32::from_le_bytes(*last))
    } else {
        bytes.iter().fold(0, |seen, &byte| seen | u64::from(byte))
    };
    seen & 0x8080_8080_8080_8080 == 0
}

/// Reads the string an offset slot points to; `""` for anything invalid.
#[inline]
fn read_str(slot: &[u8]) -> &str {
    std::str::from_utf8(read_bytes(slot)).unwrap_or_default()
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
