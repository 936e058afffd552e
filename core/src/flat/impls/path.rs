//! `PathBuf` and `Box<Path>`: out of line as strings, viewed as `&'a Path`.

use std::path::{Path, PathBuf};

use super::text::{read_str, validate_str};
use crate::error::Result;
use crate::flat::{Validator, View};

macro_rules! paths {
    ($($ty:ty),* $(,)?) => {$(
        impl View for $ty {
            type View<'a> = &'a Path;

            const INLINE_SIZE: Option<usize> = None;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                validate_str(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> &Path {
                Path::new(read_str(bytes))
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                Path::new("")
            }

            #[inline]
            fn from_view(view: &Path) -> Self {
                <$ty>::from(view)
            }
        }
    )*};
}

paths!(PathBuf, Box<Path>);
