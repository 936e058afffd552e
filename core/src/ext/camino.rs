//! `camino::Utf8PathBuf` and `Utf8Path`, as camino's serde impl writes them:
//! the path's text, in every format. `Utf8PathBuf` and `Box<Utf8Path>` read
//! any string, `&Utf8Path` borrows one from the input. In the flat format a
//! path is a string, viewed as a `&Utf8Path`.
//!
//! Paths compare by their components (`a/b` sorts before `a-b`, and `a//b`
//! equals `a/b`), as camino orders them, in map keys and in views alike.

use std::cmp::Ordering;
use std::fmt::Display;

use ::camino::{Utf8Path, Utf8PathBuf};

use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::Result;
use crate::impls::cannot_borrow;

/// A path borrowed from the input, or the error saying it cannot be.
#[inline]
fn borrow_path<'de>(text: Str<'de, '_>) -> Result<&'de Utf8Path> {
    match text {
        Str::Borrowed(text) => Ok(Utf8Path::new(text)),
        Str::Transient(_) => Err(cannot_borrow("&Utf8Path", "`Utf8PathBuf`")),
    }
}

macro_rules! encode_paths {
    ($($ty:ty),*) => {$(
        impl Encode for $ty {
            const MEASURABLE: bool = true;

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                encoder.encode_str(self.as_str())
            }
        }

        impl EncodeKey for $ty {
            #[inline]
            fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
                f(self.as_str())
            }

            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }
    )*};
}

encode_paths!(Utf8Path, Utf8PathBuf);

impl<'de> Decode<'de> for Utf8PathBuf {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_string().map(Utf8PathBuf::from)
    }
}

impl<'de> Decode<'de> for Box<Utf8Path> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        Utf8PathBuf::decode(decoder).map(Utf8PathBuf::into_boxed_path)
    }
}

impl<'de: 'a, 'a> Decode<'de> for &'a Utf8Path {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let path = borrow_path(decoder.decode_str()?);
        path.map_err(|err| decoder.locate(err))
    }
}

impl<'de> MapKey<'de> for Utf8PathBuf {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        Ok(Utf8PathBuf::from(&*key))
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl<'de: 'a, 'a> MapKey<'de> for &'a Utf8Path {
    crate::decode::flat_key_after!(Utf8PathBuf);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        borrow_path(key)
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

#[cfg(feature = "flat")]
impl crate::flat::View for Utf8PathBuf {
    type View<'a> = &'a Utf8Path;

    const INLINE_SIZE: Option<usize> = None;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        <String as crate::flat::View>::validate(v, slot)
    }

    #[inline]
    fn read(bytes: &[u8]) -> &Utf8Path {
        Utf8Path::new(<String as crate::flat::View>::read(bytes))
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        Utf8Path::new("")
    }

    #[inline]
    fn from_view(view: &Utf8Path) -> Utf8PathBuf {
        view.to_path_buf()
    }
}
