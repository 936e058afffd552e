//! Paths as their text, as serde writes them: `Path` and `PathBuf` as
//! strings, an error for a path that is not UTF-8; read into `PathBuf`,
//! `Box<Path>`, and `&Path` borrowed from the input where the string is.
//! They are map keys, as strings are.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use super::string::borrow_str;
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// `path`'s text, or the error for a path that has none.
#[inline]
fn text(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| {
        Error::unsupported("path contains invalid UTF-8 characters, so it has no string form")
    })
}

impl Encode for Path {
    const MEASURABLE: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_str(text(self)?)
    }
}

impl Encode for PathBuf {
    const MEASURABLE: bool = true;

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        self.as_path().encode(encoder)
    }
}

impl<'de> Decode<'de> for PathBuf {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decoder.decode_string().map(PathBuf::from)
    }
}

impl<'de> Decode<'de> for Box<Path> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        PathBuf::decode(decoder).map(PathBuf::into_boxed_path)
    }
}

impl<'de: 'a, 'a> Decode<'de> for &'a Path {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let path = borrow_str(decoder.decode_str()?).map(Path::new);
        path.map_err(|err| decoder.locate(err))
    }
}

impl EncodeKey for Path {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(text(self)?)
    }

    /// Paths' own order (by component), as a `BTreeMap` of them holds them.
    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl EncodeKey for PathBuf {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        self.as_path().with_key_str(f)
    }

    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<'de> MapKey<'de> for PathBuf {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        Ok(PathBuf::from(&*key))
    }
}

impl<'de: 'a, 'a> MapKey<'de> for &'a Path {
    crate::decode::flat_key_after!(PathBuf);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        borrow_str(key).map(Path::new)
    }
}
