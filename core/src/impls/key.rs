//! Map keys of standard types: strings, `char`, `bool` and every integer.
//!
//! In JSON a key is always a string; integers and booleans are quoted, as
//! serde_json writes them, and read back strictly: the quoted text must be a
//! JSON integer (`-?(0|[1-9][0-9]*)`) in the type's range, or exactly `true`/`false`.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

use super::primitive::{not_one_char, single_char};
use super::string::borrow_str;
use crate::decode::{MapKey, Str};
use crate::encode::EncodeKey;
use crate::error::{Error, Result};

macro_rules! encode_key_as_target {
    ($($ty:ty),*) => {$(
        impl<T: EncodeKey + ?Sized> EncodeKey for $ty {
            #[inline]
            fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
                (**self).with_key_str(f)
            }

            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<Ordering> {
                (**self).cmp_key(&**other)
            }
        }
    )*};
}

encode_key_as_target!(&T, &mut T, Box<T>, Rc<T>, Arc<T>);

impl<B: EncodeKey + ToOwned + ?Sized> EncodeKey for Cow<'_, B> {
    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        (**self).with_key_str(f)
    }

    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        (**self).cmp_key(&**other)
    }
}

impl EncodeKey for str {
    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }

    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(self)
    }
}

impl EncodeKey for String {
    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }

    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(self)
    }
}

impl<'de> MapKey<'de> for String {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        Ok(String::from(&*key))
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl<'de: 'a, 'a> MapKey<'de> for &'a str {
    crate::decode::flat_key_after!(String);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        borrow_str(key)
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

/// Always owned, as serde's impl decodes it.
impl<'de> MapKey<'de> for Cow<'_, str> {
    crate::decode::flat_key_after!(String);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        Ok(Cow::Owned(String::from(&*key)))
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl<'de> MapKey<'de> for Box<str> {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        Ok(Box::from(&*key))
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl EncodeKey for char {
    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }

    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(self.encode_utf8(&mut [0; 4]))
    }
}

impl<'de> MapKey<'de> for char {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        single_char(&key).ok_or_else(not_one_char)
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

impl EncodeKey for bool {
    #[inline]
    fn cmp_key(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }

    #[inline]
    fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
        f(if *self { "true" } else { "false" })
    }
}

impl<'de> MapKey<'de> for bool {
    crate::decode::flat_key_after!(Self);
    #[inline]
    fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
        match &*key {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(Error::unexpected("bool", "str")),
        }
    }

    fn key_display(&self) -> Option<&dyn Display> {
        Some(self)
    }
}

/// Checks that `text` is a JSON integer, `-?(0|[1-9][0-9]*)`, and answers
/// whether it is negative.
#[inline]
fn check_int_key(text: &str) -> Result<bool> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    let well_formed = match digits.as_bytes() {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if well_formed {
        Ok(negative)
    } else {
        Err(Error::unexpected("int", "str"))
    }
}

macro_rules! integer_keys {
    ($($ty:ty),*) => {$(
        impl EncodeKey for $ty {
            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }

            #[inline]
            fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
                f(itoa::Buffer::new().format(*self))
            }
        }

        impl<'de> MapKey<'de> for $ty {
    crate::decode::flat_key_after!(Self);
            #[inline]
            fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
                let negative = check_int_key(&key)?;
                // The grammar is checked, so parsing fails only out of range;
                // `-0` is zero, as JSON reads it.
                match key.parse::<$ty>() {
                    Ok(value) => Ok(value),
                    Err(_) if &*key == "-0" => Ok(0),
                    Err(_) if negative => Err(Error::int_below(<$ty>::MIN)),
                    Err(_) => Err(Error::int_above(<$ty>::MAX)),
                }
            }

            fn key_display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }
    )*};
}

integer_keys!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);
