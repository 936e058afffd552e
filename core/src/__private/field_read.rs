//! What derived code calls for each field, so that the per-field logic is
//! compiled once, here, not written out in every impl: a value's error with
//! the field's name added to its path, storing a claimed field, a missing
//! one's absent value, and leaving a struct's in-order steps for the general
//! loop over its map. Each is inlined into its caller, so the decoding code
//! is the same as when it was written out.
//!
//! The helpers take a field type's functions (`read`, `absent`) as function
//! pointers, constants in the caller, rather than bound the type by `Decode`:
//! a field type without an impl is then reported once, at the type, where
//! the derive names the function, and not once more for each helper with a
//! note on its bound.

use crate::decode::{Decoder, FieldKey};
use crate::error::{Error, Result};

use super::fields::DecodeFields;

/// `result` with the field `name` added to its error's path.
#[inline(always)]
pub fn at_field<T>(result: Result<T>, name: &'static str) -> Result<T> {
    match result {
        Ok(value) => Ok(value),
        Err(err) => Err(err.in_field(name)),
    }
}

/// Reads the claimed field `name` into its builder slot with `read` (its
/// type's `Decode::decode`); a second time is a duplicate.
#[inline(always)]
pub fn read_claimed<'de, T, D: Decoder<'de>>(
    slot: &mut Option<T>,
    decoder: &mut D,
    name: &'static str,
    read: fn(&mut D) -> Result<T>,
) -> Result<()> {
    if slot.is_some() {
        return Err(Error::duplicate_field(name));
    }
    *slot = Some(at_field(read(decoder), name)?);
    Ok(())
}

/// The value of the field `name` once the map has ended: as read, else its
/// type's absent value (`absent` is its `Decode::absent`: `None` for an
/// `Option`), else a missing field.
#[inline(always)]
pub fn required<T>(value: Option<T>, name: &'static str, absent: fn() -> Option<T>) -> Result<T> {
    match value {
        Some(value) => Ok(value),
        None => match absent() {
            Some(value) => Ok(value),
            None => Err(Error::missing_field(name)),
        },
    }
}

/// Where the in-order steps of a struct's decoding left the map, for the
/// general loop to go on from.
#[derive(Debug)]
pub enum Left {
    /// Every own field was read in order; the rest is for the loop.
    Open,
    /// The map ended.
    End,
    /// A key out of order, claimed as this id; its value comes next.
    Claimed(u32),
    /// A key no field claims; its value comes next.
    Unclaimed,
}

/// Leaves the in-order steps at `key`, which is not the field a step
/// expected: makes the builder (the steps on the way out fill it) and claims
/// the key. Its value is read only once the steps have filled the builder,
/// so that a field given twice is still reported.
///
/// # Errors
///
/// Fails on an unknown key under `deny_unknown_fields`, or when the decoder
/// answered `Following` to a step that did not ask for it.
#[inline(always)]
pub fn leave<'de, T: DecodeFields<'de>>(key: FieldKey<'de, '_>) -> Result<(T::Builder, Left)> {
    let mut builder = T::builder();
    let left = match key {
        FieldKey::End => Left::End,
        FieldKey::Other(key) => match T::claim(&mut builder, key)? {
            Some(id) => Left::Claimed(id),
            None if T::DENY_UNKNOWN => return Err(Error::unknown_field(&key)),
            None => Left::Unclaimed,
        },
        // Only `map_next_field_or` answers `Following`, and its caller takes
        // it: a decoder that does otherwise gets an error, not a panic.
        FieldKey::Expected | FieldKey::Following => {
            return Err(Error::custom(
                "the decoder answered `Following` to `map_next_field`",
            ));
        }
    };
    Ok((builder, left))
}

/// The rest of a struct's map after the in-order steps left it at `left`:
/// each key claimed and its value read, or skipped, then the value assembled.
///
/// # Errors
///
/// Fails on malformed input, a field's error (with its name in the path), an
/// unknown field under `deny_unknown_fields`, or a missing field.
#[inline(always)]
pub fn decode_rest<'de, T: DecodeFields<'de>, D: Decoder<'de>>(
    decoder: &mut D,
    map: &mut D::Map,
    builder: T::Builder,
    left: Left,
) -> Result<T> {
    let mut builder = builder;
    match left {
        Left::Open => {}
        Left::End => return T::finish(builder),
        Left::Claimed(id) => T::decode_claimed(&mut builder, id, decoder)?,
        Left::Unclaimed => decoder.skip_value()?,
    }
    decode_entries::<T, D>(decoder, map, builder)
}

/// The general loop over a struct's map: each key claimed and its value
/// read, or skipped, then the value assembled.
///
/// # Errors
///
/// As [`decode_rest`].
#[inline]
pub fn decode_entries<'de, T: DecodeFields<'de>, D: Decoder<'de>>(
    decoder: &mut D,
    map: &mut D::Map,
    builder: T::Builder,
) -> Result<T> {
    let mut builder = builder;
    while let Some(key) = decoder.map_next_key(map)? {
        match T::claim(&mut builder, key)? {
            Some(id) => T::decode_claimed(&mut builder, id, decoder)?,
            None if T::DENY_UNKNOWN => return Err(Error::unknown_field(&key)),
            None => decoder.skip_value()?,
        }
    }
    T::finish(builder)
}
