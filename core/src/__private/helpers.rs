//! Small functions the generated code calls, kept here so it stays short.

use std::fmt::Display;

use crate::decode::{Decode, Decoder, Peek};
use crate::encode::{Encoder, Shape, slot_width};
use crate::error::{Error, ErrorKind, Result};

/// `omit_defaults`: whether a field equals its default.
#[inline]
pub fn is_default<T: PartialEq>(value: &T, default: &T) -> bool {
    value == default
}

/// `#[zerospec(bytes)]` when encoding: any byte container, written as binary.
#[inline]
pub fn encode_bytes<T: AsRef<[u8]> + ?Sized, E: Encoder>(value: &T, encoder: &mut E) -> Result<()> {
    encoder.encode_bytes(value.as_ref())
}

/// `#[zerospec(bytes)]` when decoding: binary data, or (in text formats, which
/// write bytes as an array of numbers) an array of numbers.
#[inline]
pub fn decode_byte_buf<'de, T: From<Vec<u8>>, D: Decoder<'de>>(decoder: &mut D) -> Result<T> {
    // Positional formats hold bytes as bytes; text formats may write them as an array.
    if !D::POSITIONAL && decoder.peek()? == Peek::Seq {
        return Vec::<u8>::decode(decoder).map(T::from);
    }
    decoder.decode_bytes().map(|bytes| T::from(bytes.to_vec()))
}

/// A `Cow` that borrows from the input where it can: what a derived field of
/// type `Cow<'a, str>` or `Cow<'a, [u8]>` marked `#[serde(borrow)]` decodes
/// with. Their `Decode` impls, as serde's, are always owned.
pub trait BorrowCow<'de>: Sized {
    /// Decodes the value, borrowing from the input where it allows.
    ///
    /// # Errors
    ///
    /// Fails as the type's `Decode` does.
    fn decode_borrowed<D: Decoder<'de>>(decoder: &mut D) -> Result<Self>;
}

/// `try_from`'s error, as a validation failure.
#[cold]
pub fn conversion_error<E: Display>(err: E) -> Error {
    Error::with_kind(ErrorKind::Validation, err.to_string())
}

/// One attempt of an untagged enum `Self` (named by `ty`, its `type_name`):
/// decodes with `read` from `at`, unless this attempt already failed there
/// in this decode. `Some` ends the search (a value, or an error no other
/// variant can mend); `None` means the attempt failed, the decoder is back
/// at `at`, and the failure is recorded (`Decoder::attempt_fails`).
#[inline(always)]
pub fn attempt<'de, D: Decoder<'de>, T>(
    decoder: &mut D,
    at: D::Checkpoint,
    ty: &'static str,
    variant: u32,
    read: impl FnOnce(&mut D) -> Result<T>,
) -> Option<Result<T>> {
    if decoder.attempt_failed(&at, ty, variant) {
        return None;
    }
    match read(decoder) {
        Ok(value) => Some(Ok(value)),
        Err(err) if err.is_fatal() => Some(Err(err)),
        Err(_) => {
            decoder.attempt_fails(&at, ty, variant);
            decoder.restore(at);
            None
        }
    }
}

/// An untagged enum whose every variant failed.
#[cold]
#[must_use]
pub fn no_variant_matched(name: &str) -> Error {
    Error::with_kind(
        ErrorKind::Type,
        format!("Data did not match any variant of untagged enum `{name}`"),
    )
}

/// A flattened enum (or one inside an internally tagged newtype variant)
/// found no key that names one of its variants.
#[cold]
#[must_use]
pub fn no_variant_key(name: &str) -> Error {
    Error::with_kind(
        ErrorKind::MissingField,
        format!("Object has no key naming a variant of `{name}`"),
    )
}

/// A flattened enum met a second key naming one of its variants.
#[cold]
#[must_use]
pub fn second_variant(name: &str) -> Error {
    Error::with_kind(
        ErrorKind::Validation,
        format!("Object has more than one key naming a variant of `{name}`"),
    )
}

/// An externally tagged enum's object held no key, or more than one.
#[cold]
#[must_use]
pub fn single_key_expected() -> Error {
    Error::with_kind(ErrorKind::Type, "Expected `object` with a single key")
}

/// A positional enum's index names no variant.
#[cold]
#[must_use]
pub fn unknown_variant_index(name: &str, index: u32) -> Error {
    Error::with_kind(
        ErrorKind::UnknownVariant,
        format!("Invalid enum value: `{name}` has no variant {index}"),
    )
}

/// Where each slot of a struct starts whose fields' slots hold values of the
/// inline sizes `fields` (each slot the value itself, or a 4-byte offset to
/// it), then their total: `N` is one more than the number of fields.
/// Derived code calls it in a `const` block, for [`shape`].
#[must_use]
pub const fn slot_offsets<const N: usize>(fields: &[Option<usize>]) -> [usize; N] {
    assert!(
        fields.len() + 1 == N,
        "one offset per field, then the total"
    );
    let mut offsets = [0; N];
    let mut i = 0;
    while i < fields.len() {
        offsets[i + 1] = offsets[i] + slot_width(fields[i]);
        i += 1;
    }
    offsets
}

/// The layout of a struct, for positional formats, from where its fields'
/// slots start ([`slot_offsets`]). Derived code calls it in a `const` block.
#[must_use]
pub const fn shape(offsets: &'static [usize], fixed: bool) -> Shape {
    let fields = offsets.len().saturating_sub(1);
    Shape {
        #[allow(clippy::cast_possible_truncation)]
        fields: fields as u32,
        inline_size: if offsets.is_empty() {
            0
        } else {
            offsets[fields]
        },
        offsets,
        fixed,
    }
}

/// The inline size of a `fixed` struct: its fields' sizes added up. Every field
/// must itself be inline; const evaluation stops the build otherwise.
#[must_use]
pub const fn fixed_size(fields: &[Option<usize>]) -> Option<usize> {
    let mut total = 0;
    let mut i = 0;
    while i < fields.len() {
        match fields[i] {
            Some(size) => total += size,
            None => panic!(
                "a `#[zerospec(fixed)]` struct needs fixed-width fields: numbers, bool, char, or other `fixed` structs"
            ),
        }
        i += 1;
    }
    Some(total)
}

/// A `with` field met by a positional format, which cannot lay it out.
#[cold]
pub fn positional_with<T>(name: &'static str) -> Result<T> {
    Err(Error::unsupported(format!(
        "the field `{name}` uses `with`, which positional formats cannot lay out"
    ))
    .in_field(name))
}
