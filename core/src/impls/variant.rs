//! The standard library's enums that serde writes externally tagged
//! (`Result`, `Bound`, and in binary formats `IpAddr`, `SocketAddr`,
//! `OsString`): a unit variant as its name, any other as `{name: content}`,
//! read back from the same shapes.

use crate::decode::{Decoder, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// Writes variant `index`, `name`, with content `value`: `{name: value}`.
#[inline]
pub(super) fn encode_newtype<E: Encoder, T: Encode + ?Sized>(
    encoder: &mut E,
    name: &'static str,
    index: u32,
    value: &T,
) -> Result<()> {
    let map = encoder.variant_begin(name, index)?;
    value.encode(encoder).map_err(|err| err.in_field(name))?;
    encoder.map_end(map)
}

/// How a variant of a standard enum is read.
pub(super) enum Content {
    /// A unit variant: its name alone, or `{name: null}`.
    Unit,
    /// A variant with content: `{name: content}`.
    Newtype,
}

/// Reads an externally tagged enum whose variants are `variants`, returning
/// what `read` makes of the chosen variant's index: `read` is called with
/// the decoder before the content, or with `None` for a unit variant named
/// by a string alone (nothing to read). Unit variants in an object are read
/// as `null`, as serde reads them.
pub(super) fn decode_variant<'de, D: Decoder<'de>, T>(
    decoder: &mut D,
    variants: &[(&'static str, Content)],
    read: impl FnOnce(Option<&mut D>, usize) -> Result<T>,
) -> Result<T> {
    let has_unit = variants.iter().any(|(_, c)| matches!(c, Content::Unit));
    match decoder.peek()? {
        Peek::Str if has_unit => {
            let index = index_of(variants, &decoder.decode_str()?)?;
            match variants[index].1 {
                Content::Unit => read(None, index),
                Content::Newtype => Err(Error::unexpected("object", "str")),
            }
        }
        Peek::Map => {
            let mut map = decoder.map_begin()?;
            let index = match decoder.map_next_key(&mut map)? {
                Some(key) => index_of(variants, &key)?,
                None => return Err(crate::__private::single_key_expected()),
            };
            let name = variants[index].0;
            let value = match variants[index].1 {
                Content::Unit => decoder.decode_null().and_then(|()| read(None, index)),
                Content::Newtype => read(Some(&mut *decoder), index),
            };
            let value = value.map_err(|err| err.in_field(name))?;
            if decoder.map_next_key(&mut map)?.is_some() {
                return Err(crate::__private::single_key_expected());
            }
            Ok(value)
        }
        found => Err(Error::unexpected(
            if has_unit { "str | object" } else { "object" },
            found.name(),
        )),
    }
}

/// The index of the variant called `name`.
#[inline]
fn index_of(variants: &[(&'static str, Content)], name: &str) -> Result<usize> {
    variants
        .iter()
        .position(|(known, _)| *known == name)
        .ok_or_else(|| Error::unknown_variant(name))
}
