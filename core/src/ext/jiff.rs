//! `jiff`'s timestamps, civil dates and times, zoned datetimes and
//! durations (feature `jiff`), written as jiff's serde impls write them: the
//! type's `Display` string, in every format.
//!
//! | type | JSON and MessagePack | flat slot |
//! |---|---|---|
//! | `Timestamp` | `"2024-05-17T02:04:59.918Z"` | 12 bytes: `i64` Unix seconds, `i32` nanoseconds (negative before 1970) |
//! | `ZonedDateTime` | `"2024-05-17T02:04:59-04:00[America/New_York]"` | none: its time zone is data of any length |
//! | `civil::Date` | `"2024-05-17"` | 4 bytes: `i32` days since 1970-01-01 |
//! | `civil::Time` | `"02:04:59.918"` | 8 bytes: `u64` nanoseconds since midnight |
//! | `civil::DateTime` | `"2024-05-17T02:04:59.918"` | 12 bytes: the `Date` slot, then the `Time` slot |
//! | `Span` | `"P1Y2M3DT4H"` | none: it keeps each unit apart |
//! | `SignedDuration` | `"PT1.5S"` | 12 bytes: `i64` seconds, `i32` nanoseconds |
//!
//! Strings are printed on the stack and parsed with jiff's own parsers
//! (those its `FromStr` and `Deserialize` use, so exactly the same text is
//! accepted: a `Span` or `SignedDuration` in ISO 8601 or jiff's "friendly"
//! form), from the input in place. In MessagePack a `bin` holding the text
//! is read too, as jiff's `visit_bytes` reads it. A `ZonedDateTime` with a
//! time zone name is read through jiff's time zone database, so it needs
//! one of jiff's `tz` features at run time, as with jiff's own parser.
//!
//! # Examples
//!
//! ```
//! use jiff::{SignedDuration, Timestamp};
//!
//! let t: Timestamp = zerospec::json::from_str(r#""2024-05-17T02:04:59.918+02:00""#)?;
//! assert_eq!(zerospec::json::to_string(&t)?, r#""2024-05-17T00:04:59.918Z""#);
//! let d = SignedDuration::from_millis(1500);
//! assert_eq!(zerospec::json::to_string(&d)?, r#""PT1.5S""#);
//! # Ok::<_, zerospec::Error>(())
//! ```

use std::fmt::Display;
use std::str::FromStr;

use ::jiff::civil::{Date, DateTime, Time};
use ::jiff::{SignedDuration, Span, Timestamp, ZonedDateTime};

use super::support::{
    civil_from_days, days_from_civil, encode_display, encode_slot, field, inline_decode,
    inline_encode, inline_view, invalid_text, put,
};
use crate::decode::{Decode, Decoder, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

const NANOS_PER_SECOND: u64 = 1_000_000_000;

/// Reads `T` from its text: a string, or in binary formats also a `bin`.
fn decode_text<'de, D, T>(decoder: &mut D, what: &str) -> Result<T>
where
    D: Decoder<'de>,
    T: FromStr<Err = ::jiff::Error>,
{
    if !D::HUMAN_READABLE && decoder.peek()? == Peek::Bytes {
        let parsed = match std::str::from_utf8(&decoder.decode_bytes()?) {
            Ok(text) => text.parse(),
            Err(_) => return Err(decoder.locate(invalid_text(what, &"invalid UTF-8"))),
        };
        return parsed.map_err(|err| decoder.locate(invalid_text(what, &err)));
    }
    let parsed = decoder.decode_str()?.parse();
    parsed.map_err(|err| decoder.locate(invalid_text(what, &err)))
}

/// The error for a type without a flat form.
#[cold]
fn no_flat_form(what: &str) -> Error {
    Error::unsupported(format!(
        "`{what}` has no flat form: it is kept as text in JSON and MessagePack only"
    ))
}

/// `Encode` and `Decode` through the type's text in every format but the
/// flat one, where `$inline` gives its slot (or `none` for no flat form).
macro_rules! text_impls {
    ($ty:ty, $what:literal) => {
        impl Encode for $ty {
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                if E::POSITIONAL {
                    return Err(no_flat_form($what));
                }
                encode_display(encoder, self as &dyn Display)
            }
        }

        impl<'de> Decode<'de> for $ty {
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                if D::POSITIONAL {
                    return Err(no_flat_form($what));
                }
                decode_text(decoder, concat!("`", $what, "`"))
            }
        }
    };
    ($ty:ty, $what:literal, $size:expr, |$value:ident, $out:ident| $write:block, |$bytes:ident| $read:block, $absent:expr) => {
        impl Encode for $ty {
            inline_encode!($size, |$value, $out| $write);

            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                if E::POSITIONAL {
                    return encode_slot(encoder, self);
                }
                encode_display(encoder, self as &dyn Display)
            }
        }

        impl<'de> Decode<'de> for $ty {
            inline_decode!($size, |$bytes| $read);

            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                if D::POSITIONAL {
                    return decoder.decode_inline_value();
                }
                decode_text(decoder, concat!("`", $what, "`"))
            }
        }

        inline_view!($ty, $size, $absent);
    };
}

fn put_date(out: &mut [u8], at: usize, date: Date) {
    let days = days_from_civil(
        date.year().into(),
        date.month().unsigned_abs().into(),
        date.day().unsigned_abs().into(),
    );
    put(out, at, &days.to_le_bytes());
}

fn read_date(bytes: &[u8], at: usize) -> std::result::Result<Date, &'static str> {
    let days = i32::from_le_bytes(field(bytes, at));
    // jiff's dates span about ±3.7 million days; keep the arithmetic far within.
    if days.unsigned_abs() > 10_000_000 {
        return Err("date out of range");
    }
    let (year, month, day) = civil_from_days(days);
    match (i16::try_from(year), i8::try_from(month), i8::try_from(day)) {
        (Ok(year), Ok(month), Ok(day)) => {
            Date::new(year, month, day).map_err(|_| "date out of range")
        }
        _ => Err("date out of range"),
    }
}

fn put_time(out: &mut [u8], at: usize, time: Time) {
    let seconds = u64::from(time.hour().unsigned_abs()) * 3600
        + u64::from(time.minute().unsigned_abs()) * 60
        + u64::from(time.second().unsigned_abs());
    let nanos = seconds * NANOS_PER_SECOND + u64::from(time.subsec_nanosecond().unsigned_abs());
    put(out, at, &nanos.to_le_bytes());
}

fn read_time(bytes: &[u8], at: usize) -> std::result::Result<Time, &'static str> {
    let nanos = u64::from_le_bytes(field(bytes, at));
    let seconds = nanos / NANOS_PER_SECOND;
    let (hour, minute, second) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (i8::try_from(hour), i32::try_from(nanos % NANOS_PER_SECOND)) {
        // Minute and second are below 60.
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        (Ok(hour), Ok(nano)) => {
            Time::new(hour, minute as i8, second as i8, nano).map_err(|_| "time out of range")
        }
        _ => Err("time out of range"),
    }
}

text_impls!(
    Timestamp,
    "Timestamp",
    12,
    |value, out| {
        put(out, 0, &value.as_second().to_le_bytes());
        put(out, 8, &value.subsec_nanosecond().to_le_bytes());
    },
    |bytes| {
        Timestamp::new(
            i64::from_le_bytes(field(bytes, 0)),
            i32::from_le_bytes(field(bytes, 8)),
        )
        .map_err(|_| "timestamp out of range")
    },
    Timestamp::UNIX_EPOCH
);

text_impls!(
    Date,
    "civil::Date",
    4,
    |value, out| { put_date(out, 0, *value) },
    |bytes| { read_date(bytes, 0) },
    Date::constant(1970, 1, 1)
);

text_impls!(
    Time,
    "civil::Time",
    8,
    |value, out| { put_time(out, 0, *value) },
    |bytes| { read_time(bytes, 0) },
    Time::midnight()
);

text_impls!(
    DateTime,
    "civil::DateTime",
    12,
    |value, out| {
        put_date(out, 0, value.date());
        put_time(out, 4, value.time());
    },
    |bytes| { Ok(read_date(bytes, 0)?.to_datetime(read_time(bytes, 4)?)) },
    Date::constant(1970, 1, 1).to_datetime(Time::midnight())
);

text_impls!(
    SignedDuration,
    "SignedDuration",
    12,
    |value, out| {
        put(out, 0, &value.as_secs().to_le_bytes());
        put(out, 8, &value.subsec_nanos().to_le_bytes());
    },
    |bytes| {
        let nanos = i32::from_le_bytes(field(bytes, 8));
        if nanos.unsigned_abs() >= 1_000_000_000 {
            return Err("duration nanoseconds out of range");
        }
        Ok(SignedDuration::new(
            i64::from_le_bytes(field(bytes, 0)),
            nanos,
        ))
    },
    SignedDuration::ZERO
);

text_impls!(ZonedDateTime, "ZonedDateTime");
text_impls!(Span, "Span");
