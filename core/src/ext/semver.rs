//! `semver::Version`, `VersionReq` and `Comparator`, as semver's serde impl
//! writes them: their `Display` text (`"1.2.3-rc.1"`, `">=1.2, <2"`) in
//! every format, parsed when read. In the flat format each is that string,
//! viewed as `&str`; validation checks that it parses.
//!
//! Map keys of these types are ordered by their text wherever zerospec
//! orders them (a flat `HashMap`), since their view is the text; see
//! `docs/flat-format.md` for what that means for a flat `BTreeMap`.

use std::cmp::Ordering;
use std::fmt::Display;
use std::str::FromStr;

use ::semver::{Comparator, Version, VersionReq};

use super::text::{decode_parsed, invalid_text, with_display};
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::Result;

/// Room for the text of most versions and requirements; longer ones are
/// formatted into a `String`.
const TEXT: usize = 128;

/// `T` from its text, without a copy first; `what` names it in the error.
#[inline]
fn parse<T>(text: &str, what: &str) -> Result<T>
where
    T: FromStr,
    T::Err: Display,
{
    text.parse()
        .map_err(|err| invalid_text(what, text, Some(&err)))
}

macro_rules! semver_types {
    ($($ty:ty => $what:literal, $fallback:expr;)*) => {$(
        impl Encode for $ty {
            const MEASURABLE: bool = true;

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                with_display::<TEXT, _, _>(self, |text| encoder.encode_str(text))
            }
        }

        impl<'de> Decode<'de> for $ty {
            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                decode_parsed(decoder, |text| parse(text, $what))
            }
        }

        impl EncodeKey for $ty {
            #[inline]
            fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
                with_display::<TEXT, _, _>(self, f)
            }

            /// By the text, as the view orders them.
            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<Ordering> {
                Some(with_display::<TEXT, _, _>(self, |left| {
                    with_display::<TEXT, _, _>(other, |right| left.cmp(right))
                }))
            }
        }

        impl<'de> MapKey<'de> for $ty {
    crate::decode::flat_key_after!(Self);
            #[inline]
            fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
                parse(&key, $what)
            }

            fn key_display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }

        #[cfg(feature = "flat")]
        impl crate::flat::View for $ty {
            type View<'a> = &'a str;

            const INLINE_SIZE: Option<usize> = None;

            #[inline]
            fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
                super::text::validate_text(
                    v,
                    slot,
                    |text| text.parse::<$ty>().is_ok(),
                    concat!("invalid ", $what),
                )
            }

            #[inline]
            fn read(bytes: &[u8]) -> &str {
                <String as crate::flat::View>::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                ""
            }

            /// The value a validated view shows; on bytes that were never
            /// validated, text that does not parse gives the fallback.
            #[inline]
            fn from_view(view: &str) -> Self {
                view.parse().unwrap_or_else(|_| $fallback)
            }
        }
    )*};
}

semver_types! {
    Version => "version", Version::new(0, 0, 0);
    VersionReq => "version requirement", VersionReq::STAR;
    Comparator => "version comparator", Comparator {
        op: ::semver::Op::GreaterEq,
        major: 0,
        minor: None,
        patch: None,
        pre: ::semver::Prerelease::EMPTY,
    };
}
