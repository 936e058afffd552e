//! The standard library's structs that serde writes by field name
//! (`Duration`, `SystemTime`, the ranges): written as maps, and read, as
//! serde reads them, from a map of exactly their fields or from an array of
//! the fields in order.

use super::seq::wrong_length;
use crate::decode::{Decode, Decoder, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// Writes a struct of one field, `name: value`, as a map.
#[inline]
pub(super) fn encode_one<E: Encoder, A: Encode + ?Sized>(
    encoder: &mut E,
    name: &'static str,
    value: &A,
) -> Result<()> {
    let mut map = encoder.map_begin(Some(1))?;
    encoder.map_field(&mut map, name)?;
    value.encode(encoder).map_err(|err| err.in_field(name))?;
    encoder.map_end(map)
}

/// Writes a struct of two fields, `names.0: a` then `names.1: b`, as a map.
#[inline]
pub(super) fn encode_two<E: Encoder, A: Encode + ?Sized, B: Encode + ?Sized>(
    encoder: &mut E,
    names: (&'static str, &'static str),
    a: &A,
    b: &B,
) -> Result<()> {
    let mut map = encoder.map_begin(Some(2))?;
    encoder.map_field(&mut map, names.0)?;
    a.encode(encoder).map_err(|err| err.in_field(names.0))?;
    encoder.map_field(&mut map, names.1)?;
    b.encode(encoder).map_err(|err| err.in_field(names.1))?;
    encoder.map_end(map)
}

/// Reads a struct of one field `name`, from `{name: value}` or `[value]`.
#[inline]
pub(super) fn decode_one<'de, D: Decoder<'de>, A: Decode<'de>>(
    decoder: &mut D,
    name: &'static str,
) -> Result<A> {
    let mut value: Option<A> = None;
    // One name: every index is 0.
    read_fields(decoder, &[name], |decoder, _| store(decoder, &mut value))?;
    value.ok_or_else(|| Error::missing_field(name))
}

/// Reads a struct of two fields `names`, from a map of both (in any order)
/// or from `[a, b]`.
#[inline]
pub(super) fn decode_two<'de, D: Decoder<'de>, A: Decode<'de>, B: Decode<'de>>(
    decoder: &mut D,
    names: (&'static str, &'static str),
) -> Result<(A, B)> {
    let mut a: Option<A> = None;
    let mut b: Option<B> = None;
    read_fields(decoder, &[names.0, names.1], |decoder, index| {
        if index == 0 {
            store(decoder, &mut a)
        } else {
            store(decoder, &mut b)
        }
    })?;
    match (a, b) {
        (Some(a), Some(b)) => Ok((a, b)),
        (None, _) => Err(Error::missing_field(names.0)),
        (_, None) => Err(Error::missing_field(names.1)),
    }
}

/// Decodes a field's value into `slot`.
#[inline]
fn store<'de, D: Decoder<'de>, T: Decode<'de>>(
    decoder: &mut D,
    slot: &mut Option<T>,
) -> Result<()> {
    *slot = Some(T::decode(decoder)?);
    Ok(())
}

/// Reads the fields `names` from a map, calling `field` with each key's
/// index in `names` to read its value; or from an array of exactly
/// `names.len()` values, calling `field` for each in order. An error gains
/// the field's name or index in its path. Keys not in `names` are errors, as
/// in serde (these structs deny unknown fields).
fn read_fields<'de, D: Decoder<'de>>(
    decoder: &mut D,
    names: &[&'static str],
    mut field: impl FnMut(&mut D, usize) -> Result<()>,
) -> Result<()> {
    match decoder.peek()? {
        Peek::Map => {
            let mut map = decoder.map_begin()?;
            // A bit per field already read (these structs have one or two).
            let mut seen = 0u32;
            loop {
                let index = match decoder.map_next_key(&mut map)? {
                    None => return Ok(()),
                    Some(key) => match names.iter().position(|name| *name == &*key) {
                        Some(index) => Ok(index),
                        None => Err(Error::unknown_field(&key)),
                    },
                };
                let index = index?;
                if seen & (1 << index) != 0 {
                    return Err(Error::duplicate_field(names[index]));
                }
                seen |= 1 << index;
                field(decoder, index).map_err(|err| err.in_field(names[index]))?;
            }
        }
        Peek::Seq => {
            let mut seq = decoder.seq_begin()?;
            for index in 0..names.len() {
                if !decoder.seq_next(&mut seq)? {
                    return Err(decoder.locate(wrong_length(names.len())));
                }
                field(decoder, index).map_err(|err| err.in_index(index))?;
            }
            if decoder.seq_next(&mut seq)? {
                return Err(decoder.locate(wrong_length(names.len())));
            }
            Ok(())
        }
        found => Err(Error::unexpected("object", found.name())),
    }
}
