//! serde's error traits for [`Error`], in zerospec's wording.
//!
//! serde's visitors describe what they wanted in free text (`u32`, `a
//! borrowed string`, `struct Point`); where zerospec has a message for the
//! same failure, that message is used instead, so a serde-derived type read
//! through the bridge fails the way a zerospec-derived one does:
//! ``Expected `int`, got `str` ``, ``Expected `int` <= 255``,
//! ``Object missing required field `id` ``.

use std::fmt::Display;

use serde::de::{Expected, Unexpected};

use crate::error::Error;
use crate::impls::seq::wrong_length;
use crate::impls::string::cannot_borrow;

impl serde::ser::Error for Error {
    #[cold]
    fn custom<T: Display>(msg: T) -> Self {
        Error::custom(msg)
    }
}

impl serde::de::Error for Error {
    #[cold]
    fn custom<T: Display>(msg: T) -> Self {
        Error::custom(msg)
    }

    #[cold]
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        let wanted = exp.to_string();
        match (unexp, wanted.as_str()) {
            (Unexpected::Str(_), "a borrowed string") => {
                cannot_borrow("&str", "`String` or `Cow<str>`")
            }
            (Unexpected::Bytes(_), "a borrowed byte array") => {
                cannot_borrow("&[u8]", "`Vec<u8>` or `Cow<[u8]>`")
            }
            _ => Error::unexpected(&kind_expected(&wanted), found(&unexp)),
        }
    }

    #[cold]
    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        let wanted = exp.to_string();
        if let Some((min, max)) = int_range(&wanted) {
            let value = match unexp {
                Unexpected::Unsigned(v) => Some(i128::from(v)),
                Unexpected::Signed(v) => Some(i128::from(v)),
                _ => None,
            };
            match value {
                Some(v) if v < min => return Error::int_below(min),
                Some(v) if v > max => return Error::int_above(max),
                _ => {}
            }
        }
        if wanted == "a character" && matches!(unexp, Unexpected::Str(_)) {
            return Error::invalid("Expected `str` of length 1".to_owned());
        }
        Error::invalid(format!("Expected {wanted}, got {unexp}"))
    }

    #[cold]
    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        let wanted = exp.to_string();
        match last_number(&wanted) {
            Some(expected) => wrong_length(expected),
            None => Error::invalid(format!("Expected {wanted}, got `array` of length {len}")),
        }
    }

    #[cold]
    fn unknown_variant(variant: &str, _expected: &'static [&'static str]) -> Self {
        Error::unknown_variant(variant)
    }

    #[cold]
    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Error::unknown_field(field)
    }

    #[cold]
    fn missing_field(field: &'static str) -> Self {
        Error::missing_field(field)
    }

    #[cold]
    fn duplicate_field(field: &'static str) -> Self {
        Error::duplicate_field(field)
    }
}

/// The zerospec kind name of what serde found.
fn found(unexp: &Unexpected<'_>) -> &'static str {
    match unexp {
        Unexpected::Bool(_) => "bool",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "int",
        Unexpected::Float(_) => "float",
        Unexpected::Char(_) | Unexpected::Str(_) | Unexpected::UnitVariant => "str",
        Unexpected::Bytes(_) => "bytes",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq | Unexpected::TupleVariant => "array",
        Unexpected::Map
        | Unexpected::NewtypeStruct
        | Unexpected::Enum
        | Unexpected::NewtypeVariant
        | Unexpected::StructVariant => "object",
        Unexpected::Other(_) => "value",
    }
}

/// The zerospec kind name for what a serde visitor expected, when its
/// description names one; otherwise the description itself.
fn kind_expected(wanted: &str) -> String {
    let kind = match wanted {
        _ if int_range(wanted).is_some() => "int",
        "f32" | "f64" => "float",
        "a boolean" => "bool",
        "a string" | "a borrowed string" | "a character" | "a char" => "str",
        "a byte array" | "a borrowed byte array" | "byte array" => "bytes",
        "unit" => "null",
        "a sequence" | "an array" => "array",
        "a map" => "object",
        _ if wanted.starts_with("tuple") || wanted.starts_with("a tuple") => "array",
        _ if wanted.starts_with("struct ") => "object",
        _ if wanted.starts_with("an array") => "array",
        _ if wanted.starts_with("enum ") => "str | object",
        _ => return wanted.to_owned(),
    };
    kind.to_owned()
}

/// The range of the integer type serde names `name`, widened.
fn int_range(name: &str) -> Option<(i128, i128)> {
    Some(match name {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "usize" => (0, usize::MAX as i128),
        "isize" => (isize::MIN as i128, isize::MAX as i128),
        "u128" | "i128" => (i128::MIN, i128::MAX),
        _ => return None,
    })
}

/// The last run of digits in `text`: the length in serde's `a tuple of
/// size 3` or `struct Point with 2 elements`.
fn last_number(text: &str) -> Option<usize> {
    let end = text.rfind(|c: char| c.is_ascii_digit())? + 1;
    let start = text[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |at| at + 1);
    text[start..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::Error as _;

    #[test]
    fn lengths_come_from_the_description() {
        assert_eq!(last_number("a tuple of size 3"), Some(3));
        assert_eq!(last_number("struct Point with 12 elements"), Some(12));
        assert_eq!(last_number("a map"), None);
        let err = Error::invalid_length(1, &"tuple struct P with 2 elements");
        assert_eq!(err.message(), "Expected `array` of length 2");
    }

    #[test]
    fn visitor_descriptions_become_kinds() {
        let err = Error::invalid_type(Unexpected::Str("x"), &"u32");
        assert_eq!(err.message(), "Expected `int`, got `str`");
        let err = Error::invalid_type(Unexpected::Seq, &"struct Point");
        assert_eq!(err.message(), "Expected `object`, got `array`");
        let err = Error::invalid_value(Unexpected::Unsigned(300), &"u8");
        assert_eq!(err.message(), "Expected `int` <= 255");
        let err = Error::invalid_value(Unexpected::Signed(-1), &"u16");
        assert_eq!(err.message(), "Expected `int` >= 0");
    }
}
