//! What the impls of text-like types share: writing a value's `Display`
//! text without allocating, parsing a string where the decoder holds it,
//! the error for text that does not parse, and the flat format's check of
//! a string that must parse.

#[cfg(any(feature = "rust_decimal", feature = "semver"))]
use std::fmt::{self, Display, Write as _};

/// A `fmt::Write` into `N` bytes on the stack, failing once they are full.
#[cfg(any(feature = "rust_decimal", feature = "semver"))]
struct StackText<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

#[cfg(any(feature = "rust_decimal", feature = "semver"))]
impl<const N: usize> fmt::Write for StackText<N> {
    #[inline]
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        match self.bytes.get_mut(self.len..end) {
            Some(room) => {
                room.copy_from_slice(text.as_bytes());
                self.len = end;
                Ok(())
            }
            None => Err(fmt::Error),
        }
    }
}

/// Calls `f` with `value`'s `Display` text: formatted into `N` bytes on the
/// stack, or into a `String` when it does not fit.
#[cfg(any(feature = "rust_decimal", feature = "semver"))]
#[inline]
pub(super) fn with_display<const N: usize, T, R>(value: &T, f: impl FnOnce(&str) -> R) -> R
where
    T: Display + ?Sized,
{
    let mut stack = StackText::<N> {
        bytes: [0; N],
        len: 0,
    };
    if write!(stack, "{value}").is_ok()
        // Whole `&str`s were copied in, so this holds.
        && let Some(text) = stack.bytes.get(..stack.len).and_then(crate::utf8::as_str)
    {
        return f(text);
    }
    let mut text = String::new();
    // A `String` takes any text; an impl failing by itself writes what it did.
    let _ = write!(text, "{value}");
    f(&text)
}

/// How much of a string that failed to parse an error message quotes.
#[cfg(any(
    feature = "rust_decimal",
    feature = "semver",
    feature = "url",
    feature = "uuid",
))]
const QUOTED: usize = 64;

/// ``Invalid UUID `x`: invalid length: found 1``: `text`, read as a `what`,
/// does not parse, for `reason` when the crate gives one. Text past 64 bytes
/// is cut, so a hostile document cannot make the message as long as itself.
#[cfg(any(
    feature = "rust_decimal",
    feature = "semver",
    feature = "url",
    feature = "uuid",
))]
#[cold]
pub(super) fn invalid_text(
    what: &str,
    text: &str,
    reason: Option<&dyn std::fmt::Display>,
) -> crate::Error {
    let mut end = text.len().min(QUOTED);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = if end < text.len() { "..." } else { "" };
    let quoted = text.get(..end).unwrap_or_default();
    crate::Error::invalid(match reason {
        Some(reason) => format!("Invalid {what} `{quoted}{cut}`: {reason}"),
        None => format!("Invalid {what} `{quoted}{cut}`"),
    })
}

/// Reads a string and parses it with `parse` where the decoder holds it
/// (borrowed from the input, or in its scratch space), with no copy first;
/// a parse error is located at the string.
#[cfg(any(
    feature = "arrayvec",
    feature = "rust_decimal",
    feature = "semver",
    feature = "url",
    feature = "uuid",
))]
#[inline]
pub(super) fn decode_parsed<'de, D, T>(
    decoder: &mut D,
    parse: impl FnOnce(&str) -> crate::Result<T>,
) -> crate::Result<T>
where
    D: crate::Decoder<'de>,
{
    let text = decoder.decode_str()?;
    let parsed = parse(&text);
    parsed.map_err(|err| decoder.locate(err))
}

/// Validates the string an offset slot points to, as `String`'s view does,
/// and that `check` accepts it; `message` names what is wrong otherwise.
#[cfg(all(
    feature = "flat",
    any(feature = "arrayvec", feature = "semver", feature = "url")
))]
pub(super) fn validate_text(
    v: &mut crate::flat::Validator<'_>,
    slot: usize,
    check: impl FnOnce(&str) -> bool,
    message: &'static str,
) -> crate::Result<()> {
    use crate::flat::View as _;

    String::validate(v, slot)?;
    let text = String::read(crate::flat::slot_at(v.bytes(), slot));
    if check(text) {
        Ok(())
    } else {
        Err(v.malformed(message, slot))
    }
}

/// `Encode`, `EncodeKey`, `Decode`, `MapKey` and `View` for a string type
/// that holds any `&str`: written as its text, read from a string with one
/// copy (none for short strings, which these types keep inline), ordered as
/// its text, viewed as `&str`.
#[cfg(any(feature = "compact_str", feature = "smol_str"))]
macro_rules! string_type {
    ($ty:ty, $new:path) => {
        impl $crate::Encode for $ty {
            const MEASURABLE: bool = true;

            #[inline]
            fn encode<E: $crate::Encoder>(&self, encoder: &mut E) -> $crate::Result<()> {
                encoder.encode_str(self.as_str())
            }
        }

        impl $crate::EncodeKey for $ty {
            #[inline]
            fn with_key_str<R>(
                &self,
                f: impl FnOnce(&str) -> $crate::Result<R>,
            ) -> $crate::Result<R> {
                f(self.as_str())
            }

            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<::std::cmp::Ordering> {
                Some(self.as_str().cmp(other.as_str()))
            }
        }

        impl<'de> $crate::Decode<'de> for $ty {
            #[inline]
            fn decode<D: $crate::Decoder<'de>>(decoder: &mut D) -> $crate::Result<Self> {
                Ok($new(&*decoder.decode_str()?))
            }
        }

        impl<'de> $crate::MapKey<'de> for $ty {
            $crate::decode::flat_key_after!(Self);
            #[inline]
            fn from_key_str(key: $crate::decode::Str<'de, '_>) -> $crate::Result<Self> {
                Ok($new(&*key))
            }

            fn key_display(&self) -> Option<&dyn ::std::fmt::Display> {
                Some(self)
            }
        }

        #[cfg(feature = "flat")]
        impl $crate::flat::View for $ty {
            type View<'a> = &'a str;

            const INLINE_SIZE: Option<usize> = None;

            #[inline]
            fn validate(v: &mut $crate::flat::Validator<'_>, slot: usize) -> $crate::Result<()> {
                <String as $crate::flat::View>::validate(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> &str {
                <String as $crate::flat::View>::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                ""
            }

            #[inline]
            fn from_view(view: &str) -> Self {
                $new(view)
            }
        }
    };
}

#[cfg(any(feature = "compact_str", feature = "smol_str"))]
pub(super) use string_type;
