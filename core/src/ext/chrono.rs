//! `chrono`'s dates, times and durations (feature `chrono`), written as
//! chrono's own serde impls write them, plus the `ts_*` modules of
//! `chrono::serde` for `#[zerospec(with = "...")]`.
//!
//! | type | JSON and MessagePack | flat slot |
//! |---|---|---|
//! | `DateTime<Utc>`, `DateTime<Local>` | RFC 3339 string, `Z` for UTC, the fraction in 0, 3, 6 or 9 digits | 12 bytes: `i64` Unix seconds, `u32` nanoseconds |
//! | `DateTime<FixedOffset>` | RFC 3339 string, the offset in hours and minutes | 16 bytes: as `DateTime<Utc>`, then the `i32` offset in seconds |
//! | `NaiveDateTime` | `2024-05-17T02:04:59.918` | 12 bytes: as `DateTime<Utc>`, read as UTC |
//! | `NaiveDate` | `2024-05-17` | 4 bytes: `i32` days since 1970-01-01 |
//! | `NaiveTime` | `02:04:59.918` | 8 bytes: `u32` seconds since midnight, `u32` nanoseconds |
//! | `TimeDelta` | `[seconds, nanoseconds]`, nanoseconds in `0..1_000_000_000` | 12 bytes: `i64` seconds, `u32` nanoseconds |
//!
//! Strings are read with chrono's own `FromStr` (as chrono's `Deserialize`
//! reads them, so exactly the same text is accepted), straight from the
//! input or the decoder's scratch text, with no `String` made; they are
//! written from the stack. A leap second (nanoseconds past 1 000 000 000)
//! is written as second 60, as chrono writes it.
//!
//! # Examples
//!
//! ```
//! use chrono::{DateTime, NaiveDate, Utc};
//!
//! let t: DateTime<Utc> = zerospec::json::from_str(r#""2024-05-17T02:04:59.918+02:00""#)?;
//! assert_eq!(zerospec::json::to_string(&t)?, r#""2024-05-17T00:04:59.918Z""#);
//! let d: NaiveDate = zerospec::json::from_str(r#""2024-05-17""#)?;
//! assert_eq!(d, NaiveDate::from_ymd_opt(2024, 5, 17).unwrap());
//! # Ok::<_, zerospec::Error>(())
//! ```

use ::chrono::{
    DateTime, Datelike, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Timelike, Utc,
};

use super::support::{
    Elements, Text, encode_slot, encode_tuple, field, inline_decode, inline_encode, inline_view,
    invalid_text, put,
};
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

const NANOS_PER_SECOND: u32 = 1_000_000_000;
/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The longest text written: a six-digit signed year, a nine-digit fraction
/// and an offset, `+262142-12-31T23:59:60.999999999+23:59`.
type Stamp = Text<40>;

/// Writes a date as chrono's `Debug` does: four digits in years 0 to 9999,
/// otherwise a sign and at least four.
fn write_date(text: &mut Stamp, date: NaiveDate) {
    let year = date.year();
    if (0..=9999).contains(&year) {
        text.digits(u64::from(year.unsigned_abs()), 4);
    } else {
        text.push(if year < 0 { b'-' } else { b'+' });
        let abs = year.unsigned_abs();
        text.digits(
            u64::from(abs),
            if abs >= 100_000 {
                6
            } else if abs >= 10_000 {
                5
            } else {
                4
            },
        );
    }
    text.push(b'-');
    text.digits(date.month().into(), 2);
    text.push(b'-');
    text.digits(date.day().into(), 2);
}

/// Writes a time as chrono's `Debug` does: the fraction in 3, 6 or 9
/// digits, whichever is exact, or none; a leap second as second 60.
fn write_time(text: &mut Stamp, time: NaiveTime) {
    let (mut second, mut nano) = (time.second(), time.nanosecond());
    if nano >= NANOS_PER_SECOND {
        second += 1;
        nano -= NANOS_PER_SECOND;
    }
    text.digits(time.hour().into(), 2);
    text.push(b':');
    text.digits(time.minute().into(), 2);
    text.push(b':');
    text.digits(second.into(), 2);
    if nano == 0 {
        return;
    }
    text.push(b'.');
    if nano % 1_000_000 == 0 {
        text.digits((nano / 1_000_000).into(), 3);
    } else if nano % 1_000 == 0 {
        text.digits((nano / 1_000).into(), 6);
    } else {
        text.digits(nano.into(), 9);
    }
}

/// Writes an offset as RFC 3339 does, `Z` for UTC, rounded to the minute
/// as chrono rounds it.
fn write_offset(text: &mut Stamp, offset: FixedOffset) {
    let seconds = offset.local_minus_utc();
    if seconds == 0 {
        text.push(b'Z');
        return;
    }
    text.push(if seconds < 0 { b'-' } else { b'+' });
    let minutes = (seconds.unsigned_abs() + 30) / 60;
    text.digits((minutes / 60).into(), 2);
    text.push(b':');
    text.digits((minutes % 60).into(), 2);
}

fn encode_datetime<E: Encoder, Tz: TimeZone>(encoder: &mut E, value: &DateTime<Tz>) -> Result<()> {
    let mut text = Stamp::new();
    let local = value.naive_local();
    write_date(&mut text, local.date());
    text.push(b'T');
    write_time(&mut text, local.time());
    write_offset(&mut text, value.offset().fix());
    encoder.encode_str(text.as_str())
}

/// Reads a string with `parse`, worded as `what` when it fails.
fn decode_parsed<'de, D, T, F>(decoder: &mut D, what: &str, parse: F) -> Result<T>
where
    D: Decoder<'de>,
    F: FnOnce(&str) -> std::result::Result<T, ::chrono::ParseError>,
{
    let parsed = parse(&decoder.decode_str()?);
    parsed.map_err(|err| decoder.locate(invalid_text(what, &err)))
}

fn decode_datetime<'de, D: Decoder<'de>>(decoder: &mut D) -> Result<DateTime<FixedOffset>> {
    decode_parsed(decoder, "RFC 3339 datetime", str::parse)
}

/// The instant slot of the datetimes: Unix seconds, then nanoseconds.
fn put_instant(out: &mut [u8], utc: &NaiveDateTime) {
    let utc = utc.and_utc();
    put(out, 0, &utc.timestamp().to_le_bytes());
    put(out, 8, &utc.timestamp_subsec_nanos().to_le_bytes());
}

fn read_instant(bytes: &[u8]) -> std::result::Result<DateTime<Utc>, &'static str> {
    let seconds = i64::from_le_bytes(field(bytes, 0));
    let nanos = u32::from_le_bytes(field(bytes, 8));
    DateTime::from_timestamp(seconds, nanos).ok_or("datetime out of range")
}

impl Encode for DateTime<Utc> {
    inline_encode!(12, |value, out| { put_instant(out, &value.naive_utc()) });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        encode_datetime(encoder, self)
    }
}

impl<'de> Decode<'de> for DateTime<Utc> {
    inline_decode!(12, |bytes| { read_instant(bytes) });

    /// Reads any offset, converted to UTC, as chrono does.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_datetime(decoder).map(|t| t.with_timezone(&Utc))
    }
}

inline_view!(DateTime<Utc>, 12, DateTime::<Utc>::default());

impl Encode for DateTime<Local> {
    inline_encode!(12, |value, out| { put_instant(out, &value.naive_utc()) });

    /// Writes the local time with its offset from UTC.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        encode_datetime(encoder, self)
    }
}

impl<'de> Decode<'de> for DateTime<Local> {
    inline_decode!(12, |bytes| {
        read_instant(bytes).map(|t| t.with_timezone(&Local))
    });

    /// Reads any offset; the instant is kept and shown in the local zone, as
    /// chrono does.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_datetime(decoder).map(|t| t.with_timezone(&Local))
    }
}

inline_view!(DateTime<Local>, 12, DateTime::<Local>::default());

impl Encode for DateTime<FixedOffset> {
    inline_encode!(16, |value, out| {
        put_instant(out, &value.naive_utc());
        put(out, 12, &value.offset().local_minus_utc().to_le_bytes());
    });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        encode_datetime(encoder, self)
    }
}

impl<'de> Decode<'de> for DateTime<FixedOffset> {
    inline_decode!(16, |bytes| {
        let offset = FixedOffset::east_opt(i32::from_le_bytes(field(bytes, 12)))
            .ok_or("UTC offset out of range")?;
        read_instant(bytes).map(|t| t.with_timezone(&offset))
    });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_datetime(decoder)
    }
}

inline_view!(
    DateTime<FixedOffset>,
    16,
    DateTime::<FixedOffset>::default()
);

impl Encode for NaiveDateTime {
    inline_encode!(12, |value, out| { put_instant(out, value) });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        let mut text = Stamp::new();
        write_date(&mut text, self.date());
        text.push(b'T');
        write_time(&mut text, self.time());
        encoder.encode_str(text.as_str())
    }
}

impl<'de> Decode<'de> for NaiveDateTime {
    inline_decode!(12, |bytes| { read_instant(bytes).map(|t| t.naive_utc()) });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_parsed(decoder, "ISO 8601 datetime", str::parse)
    }
}

inline_view!(NaiveDateTime, 12, NaiveDateTime::default());

impl Encode for NaiveDate {
    inline_encode!(4, |value, out| {
        *out = (value.num_days_from_ce() - EPOCH_DAYS_FROM_CE).to_le_bytes();
    });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        let mut text = Stamp::new();
        write_date(&mut text, *self);
        encoder.encode_str(text.as_str())
    }
}

impl<'de> Decode<'de> for NaiveDate {
    inline_decode!(4, |bytes| {
        i32::from_le_bytes(*bytes)
            .checked_add(EPOCH_DAYS_FROM_CE)
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .ok_or("date out of range")
    });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_parsed(decoder, "ISO 8601 date", str::parse)
    }
}

inline_view!(NaiveDate, 4, NaiveDate::default());

impl Encode for NaiveTime {
    inline_encode!(8, |value, out| {
        put(out, 0, &value.num_seconds_from_midnight().to_le_bytes());
        put(out, 4, &value.nanosecond().to_le_bytes());
    });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        let mut text = Stamp::new();
        write_time(&mut text, *self);
        encoder.encode_str(text.as_str())
    }
}

impl<'de> Decode<'de> for NaiveTime {
    inline_decode!(8, |bytes| {
        NaiveTime::from_num_seconds_from_midnight_opt(
            u32::from_le_bytes(field(bytes, 0)),
            u32::from_le_bytes(field(bytes, 4)),
        )
        .ok_or("time out of range")
    });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_parsed(decoder, "ISO 8601 time", str::parse)
    }
}

inline_view!(NaiveTime, 8, NaiveTime::default());

/// chrono's own parts of a `TimeDelta`: whole seconds rounded down, and
/// nanoseconds in `0..1_000_000_000` on top.
fn delta_parts(delta: &TimeDelta) -> (i64, u32) {
    let (seconds, nanos) = (delta.num_seconds(), delta.subsec_nanos());
    match u32::try_from(nanos) {
        Ok(nanos) => (seconds, nanos),
        // Negative with a fraction: one second less, the fraction made up.
        Err(_) => (seconds - 1, nanos.unsigned_abs().abs_diff(NANOS_PER_SECOND)),
    }
}

impl Encode for TimeDelta {
    inline_encode!(12, |value, out| {
        let (seconds, nanos) = delta_parts(value);
        put(out, 0, &seconds.to_le_bytes());
        put(out, 8, &nanos.to_le_bytes());
    });

    /// Writes `[seconds, nanoseconds]`, as chrono does.
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        let (seconds, nanos) = delta_parts(self);
        // Below 1_000_000_000, so it fits chrono's `i32`.
        #[allow(clippy::cast_possible_wrap)]
        let nanos = nanos as i32;
        encode_tuple!(encoder, seconds, nanos)
    }
}

impl<'de> Decode<'de> for TimeDelta {
    inline_decode!(12, |bytes| {
        TimeDelta::new(
            i64::from_le_bytes(field(bytes, 0)),
            u32::from_le_bytes(field(bytes, 8)),
        )
        .ok_or("`TimeDelta` out of range")
    });

    /// Reads `[seconds, nanoseconds]`: an `i64` and an `i32`, the
    /// nanoseconds below 1 000 000 000, the whole within chrono's range.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        let mut items = Elements::begin(decoder, "2")?;
        let seconds: i64 = items.next()?;
        let nanos: i32 = items.next()?;
        items.end()?;
        u32::try_from(nanos)
            .ok()
            .and_then(|nanos| TimeDelta::new(seconds, nanos))
            .ok_or_else(|| {
                decoder.locate(Error::invalid(format!(
                    "Expected a `TimeDelta` within chrono's range, got {seconds} seconds and {nanos} nanoseconds"
                )))
            })
    }
}

inline_view!(TimeDelta, 12, TimeDelta::default());

/// ``Expected a timestamp in seconds that `DateTime<Utc>` can hold, got 1e20``.
#[cold]
fn out_of_range(unit: &str, value: i128) -> Error {
    Error::invalid(format!(
        "Expected a timestamp in {unit} that `DateTime<Utc>` can hold, got {value}"
    ))
}

/// The timestamp of `value` in units of `1 / per_second` seconds, as chrono
/// reads one: through `i64` when it fits, otherwise as a `u64`.
fn from_units(value: i128, per_second: u32) -> Option<DateTime<Utc>> {
    let per_second_wide = i128::from(per_second);
    if let Ok(small) = i64::try_from(value) {
        return match per_second {
            1 => DateTime::from_timestamp(small, 0),
            1_000 => DateTime::from_timestamp_millis(small),
            1_000_000 => DateTime::from_timestamp_micros(small),
            _ => Some(DateTime::from_timestamp_nanos(small)),
        };
    }
    // Past `i64::MAX`, as chrono's `visit_u64` does; seconds never fit there.
    let large = u64::try_from(value).ok().filter(|_| per_second > 1)?;
    let seconds = i64::try_from(i128::from(large) / per_second_wide).ok()?;
    let units = u32::try_from(i128::from(large) % per_second_wide).ok()?;
    DateTime::from_timestamp(seconds, units * (NANOS_PER_SECOND / per_second))
}

/// Generates a `ts_*` module and its `_option` twin.
macro_rules! timestamp_modules {
    ($(
        $(#[$doc:meta])*
        $name:ident, $option:ident, $unit:literal, $per_second:expr, |$t:ident| $to:expr;
    )*) => {$(
        $(#[$doc])*
        pub mod $name {
            use ::chrono::{DateTime, Utc};

            use crate::{Decoder, Encoder, Result};

            /// Writes `value` as an integer timestamp.
            ///
            /// # Errors
            ///
            /// Fails when the timestamp does not fit an `i64` (only in
            /// nanoseconds, outside 1677 to 2262), or the output fails.
            pub fn encode<E: Encoder>(value: &DateTime<Utc>, encoder: &mut E) -> Result<()> {
                encoder.encode_i64(to_units(value)?)
            }

            pub(super) fn to_units($t: &DateTime<Utc>) -> Result<i64> {
                $to
            }

            /// Reads an integer timestamp.
            ///
            /// # Errors
            ///
            /// Fails on anything but an integer, and on a timestamp outside
            /// chrono's range.
            pub fn decode<'de, D: Decoder<'de>>(decoder: &mut D) -> Result<DateTime<Utc>> {
                let value = decoder.decode_i128()?;
                super::from_units(value, $per_second)
                    .ok_or_else(|| decoder.locate(super::out_of_range($unit, value)))
            }
        }

        #[doc = concat!("[`", stringify!($name), "`] for an `Option<DateTime<Utc>>`: `None` is `null`.")]
        ///
        /// # Examples
        ///
        /// ```
        /// use chrono::{DateTime, Utc};
        ///
        /// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
        /// struct Event {
        #[doc = concat!("    #[zerospec(with = \"zerospec::ext::chrono::", stringify!($option), "\")]")]
        ///     at: Option<DateTime<Utc>>,
        /// }
        ///
        /// let none: Event = zerospec::json::from_str(r#"{"at": null}"#)?;
        /// assert_eq!(none, Event { at: None });
        /// assert_eq!(zerospec::json::to_string(&none)?, r#"{"at":null}"#);
        /// let some: Event = zerospec::json::from_str(r#"{"at": 0}"#)?;
        /// assert_eq!(some.at, Some(DateTime::<Utc>::UNIX_EPOCH));
        /// # Ok::<_, zerospec::Error>(())
        /// ```
        pub mod $option {
            use ::chrono::{DateTime, Utc};

            use crate::{Decoder, Encoder, Result};

            /// Writes `value` as an integer timestamp, or `null`.
            ///
            /// # Errors
            ///
            #[doc = concat!("Fails as [`", stringify!($name), "::encode`](super::", stringify!($name), "::encode) does.")]
            pub fn encode<E: Encoder>(value: &Option<DateTime<Utc>>, encoder: &mut E) -> Result<()> {
                match value {
                    Some(value) => encoder.encode_some(&super::$name::to_units(value)?),
                    None => encoder.encode_null(),
                }
            }

            /// Reads an integer timestamp, or `null` as `None`.
            ///
            /// # Errors
            ///
            #[doc = concat!("Fails as [`", stringify!($name), "::decode`](super::", stringify!($name), "::decode) does.")]
            pub fn decode<'de, D: Decoder<'de>>(decoder: &mut D) -> Result<Option<DateTime<Utc>>> {
                if !decoder.decode_option()? {
                    return Ok(None);
                }
                super::$name::decode(decoder).map(Some)
            }
        }
    )*};
}

timestamp_modules! {
    /// A `DateTime<Utc>` as whole seconds since the Unix epoch, as
    /// `chrono::serde::ts_seconds` writes it (the fraction is dropped).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    ///
    /// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
    /// struct Event {
    ///     #[zerospec(with = "zerospec::ext::chrono::ts_seconds")]
    ///     at: DateTime<Utc>,
    /// }
    ///
    /// let event: Event = zerospec::json::from_str(r#"{"at": 1431684000}"#)?;
    /// assert_eq!(event.at.to_rfc3339(), "2015-05-15T10:00:00+00:00");
    /// assert_eq!(zerospec::json::to_string(&event)?, r#"{"at":1431684000}"#);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    ts_seconds, ts_seconds_option, "seconds", 1, |t| Ok(t.timestamp());
    /// A `DateTime<Utc>` as milliseconds since the Unix epoch, as
    /// `chrono::serde::ts_milliseconds` writes it.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    ///
    /// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
    /// struct Event {
    ///     #[zerospec(with = "zerospec::ext::chrono::ts_milliseconds")]
    ///     at: DateTime<Utc>,
    /// }
    ///
    /// let event: Event = zerospec::json::from_str(r#"{"at": -1500}"#)?;
    /// assert_eq!(event.at.to_rfc3339(), "1969-12-31T23:59:58.500+00:00");
    /// assert_eq!(zerospec::json::to_string(&event)?, r#"{"at":-1500}"#);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    ts_milliseconds, ts_milliseconds_option, "milliseconds", 1_000, |t| Ok(t.timestamp_millis());
    /// A `DateTime<Utc>` as microseconds since the Unix epoch, as
    /// `chrono::serde::ts_microseconds` writes it.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    ///
    /// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
    /// struct Event {
    ///     #[zerospec(with = "zerospec::ext::chrono::ts_microseconds")]
    ///     at: DateTime<Utc>,
    /// }
    ///
    /// let event: Event = zerospec::json::from_str(r#"{"at": 1500}"#)?;
    /// assert_eq!(event.at.to_rfc3339(), "1970-01-01T00:00:00.001500+00:00");
    /// assert_eq!(zerospec::json::to_string(&event)?, r#"{"at":1500}"#);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    ts_microseconds, ts_microseconds_option, "microseconds", 1_000_000, |t| Ok(t.timestamp_micros());
    /// A `DateTime<Utc>` as nanoseconds since the Unix epoch, as
    /// `chrono::serde::ts_nanoseconds` writes it: only instants from 1677
    /// to 2262 fit.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{DateTime, Utc};
    ///
    /// #[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
    /// struct Event {
    ///     #[zerospec(with = "zerospec::ext::chrono::ts_nanoseconds")]
    ///     at: DateTime<Utc>,
    /// }
    ///
    /// let event: Event = zerospec::json::from_str(r#"{"at": 1526522699918355733}"#)?;
    /// assert_eq!(event.at.to_rfc3339(), "2018-05-17T02:04:59.918355733+00:00");
    /// assert_eq!(zerospec::json::to_string(&event)?, r#"{"at":1526522699918355733}"#);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    ts_nanoseconds, ts_nanoseconds_option, "nanoseconds", 1_000_000_000, |t| {
        t.timestamp_nanos_opt().ok_or_else(super::nanos_out_of_range)
    };
}

/// The error of `ts_nanoseconds` for an instant beyond an `i64` of nanoseconds.
#[cold]
fn nanos_out_of_range() -> Error {
    Error::invalid(
        "Expected a `DateTime<Utc>` from 1677-09-21T00:12:43.145224192Z to \
         2262-04-11T23:47:16.854775807Z, which a timestamp in nanoseconds can hold"
            .to_owned(),
    )
}
