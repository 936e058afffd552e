//! The `time` crate's dates, times, offsets and durations (feature `time`),
//! written as `time`'s serde impls write them with its features `serde` and
//! `serde-human-readable` on: the oracle of the tests.
//!
//! In human-readable formats (JSON) each is a string; in the others
//! (MessagePack) a tuple of its parts, as `time` writes it there:
//!
//! | type | JSON | MessagePack | flat slot |
//! |---|---|---|---|
//! | `Date` | `"2024-05-17"` | `[year, day of year]` | 4 bytes: `i32` days since 1970-01-01 |
//! | `Time` | `"02:04:59.918"` (at least one fraction digit) | `[hour, minute, second, nanosecond]` | 8 bytes: `u64` nanoseconds since midnight |
//! | `PrimitiveDateTime` | `"2024-05-17 02:04:59.918"` | `[year, day of year, hour, minute, second, nanosecond]` | 12 bytes: the `Date` slot, then the `Time` slot |
//! | `OffsetDateTime` | `"2024-05-17 02:04:59.918 +02:00:00"` | the same, then `[…, offset hours, minutes, seconds]` | 16 bytes: the local `PrimitiveDateTime` slot, then the `UtcOffset` slot |
//! | `UtcOffset` | `"+02:00:00"` | `[hours, minutes, seconds]` | 4 bytes: `i32` seconds |
//! | `Duration` | `"-1.500000000"` | `[seconds, nanoseconds]` | 12 bytes: `i64` seconds, `i32` nanoseconds |
//!
//! Reading accepts both forms in both formats, as `time`'s deserializers do
//! (with its `parsing` feature, which `serde-human-readable` brings): a string
//! is parsed from the input in place, with no `String` made, by a parser of
//! exactly `time`'s format (every field its fixed width, the fraction 1 to 9
//! significant digits), so `time`'s own `parsing` and `formatting` are not
//! needed. With `time`'s `large-dates` feature, years past 9999 take a sign
//! and five or six digits, as `time` writes them. Without
//! `serde-human-readable`, `time` itself would write tuples in JSON too;
//! zerospec writes the strings.
//!
//! # Examples
//!
//! ```
//! use time::{Date, Month};
//!
//! let d: Date = zerospec::json::from_str(r#""2024-05-17""#)?;
//! assert_eq!(d, Date::from_calendar_date(2024, Month::May, 17).unwrap());
//! assert_eq!(zerospec::msgpack::to_vec(&d)?, [0x92, 0xcd, 0x07, 0xe8, 0xcc, 0x8a]);
//! # Ok::<_, zerospec::Error>(())
//! ```

use std::fmt;

use ::time::error::ComponentRange;
use ::time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::support::{
    Elements, Text, encode_slot, encode_tuple, field, inline_decode, inline_encode, inline_view,
    put, unexpected,
};
use crate::decode::{Decode, Decoder, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// The longest text written: `+999999-12-31 23:59:59.999999999 -25:59:59`.
type Stamp = Text<48>;

/// `Date::to_julian_day` of 1970-01-01.
const EPOCH_JULIAN_DAY: i32 = 2_440_588;
const NANOS_PER_SECOND: u64 = 1_000_000_000;

/// True when `time`'s `large-dates` feature is on: then years run to
/// ±999 999 and take a sign past 9999, in `time`'s format as in its range.
fn large_dates() -> bool {
    Date::MAX.year() > 9999
}

fn write_date(text: &mut Stamp, date: Date) {
    let year = date.year();
    if year < 0 {
        text.push(b'-');
    } else if year > 9999 {
        text.push(b'+');
    }
    let abs = year.unsigned_abs();
    let width = if abs > 99_999 {
        6
    } else if abs > 9_999 {
        5
    } else {
        4
    };
    text.digits(abs.into(), width);
    text.push(b'-');
    text.digits(u8::from(date.month()).into(), 2);
    text.push(b'-');
    text.digits(date.day().into(), 2);
}

/// `HH:MM:SS.f`: the fraction's nine digits without their trailing zeros,
/// at least one.
fn write_time(text: &mut Stamp, time: Time) {
    let (hour, minute, second, nano) = time.as_hms_nano();
    text.digits(hour.into(), 2);
    text.push(b':');
    text.digits(minute.into(), 2);
    text.push(b':');
    text.digits(second.into(), 2);
    text.push(b'.');
    let (mut fraction, mut width) = (nano, 9);
    while width > 1 && fraction % 10 == 0 {
        fraction /= 10;
        width -= 1;
    }
    text.digits(fraction.into(), width);
}

/// `±HH:MM:SS`, the sign always written.
fn write_offset(text: &mut Stamp, offset: UtcOffset) {
    text.push(if offset.is_negative() { b'-' } else { b'+' });
    text.digits(offset.whole_hours().unsigned_abs().into(), 2);
    text.push(b':');
    text.digits(offset.minutes_past_hour().unsigned_abs().into(), 2);
    text.push(b':');
    text.digits(offset.seconds_past_minute().unsigned_abs().into(), 2);
}

/// Why a string is not a value's text form.
enum Reason {
    /// Not of the form; names the form.
    Form(&'static str),
    /// Of the form, with a part out of range.
    Range(ComponentRange),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Form(form) => write!(f, "expected the form `{form}`"),
            Reason::Range(err) => write!(f, "{err}"),
        }
    }
}

impl From<ComponentRange> for Reason {
    fn from(err: ComponentRange) -> Self {
        Reason::Range(err)
    }
}

/// A cursor over text being parsed; each step answers `None` when the text
/// does not go on as the form says.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl Cursor<'_> {
    fn literal(&mut self, byte: u8) -> Option<()> {
        let (&first, rest) = self.rest.split_first()?;
        (first == byte).then(|| self.rest = rest)
    }

    /// `+` or `-`, if one comes next: `Some(true)` for `-`.
    fn sign(&mut self) -> Option<bool> {
        let negative = match self.rest.first()? {
            b'-' => true,
            b'+' => false,
            _ => return None,
        };
        self.rest = &self.rest[1..];
        Some(negative)
    }

    /// From `min` to `max` decimal digits, as many as there are.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let count = self
            .rest
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if count < min {
            return None;
        }
        let (digits, rest) = self.rest.split_at(count);
        self.rest = rest;
        Some(
            digits
                .iter()
                .fold(0, |value, &digit| value * 10 + u32::from(digit - b'0')),
        )
    }

    fn two(&mut self) -> Option<u8> {
        // Two digits fit a `u8`.
        #[allow(clippy::cast_possible_truncation)]
        self.digits(2, 2).map(|value| value as u8)
    }

    /// `time`'s subsecond: one digit or more, the first nine significant and
    /// up to 32 consumed.
    fn fraction(&mut self) -> Option<u32> {
        let count = self
            .rest
            .iter()
            .take(32)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if count == 0 {
            return None;
        }
        let mut nanos = 0;
        for at in 0..9 {
            let digit = self
                .rest
                .get(at)
                .filter(|_| at < count)
                .map_or(0, |d| d - b'0');
            nanos = nanos * 10 + u32::from(digit);
        }
        self.rest = &self.rest[count..];
        Some(nanos)
    }

    fn end(&self) -> Option<()> {
        self.rest.is_empty().then_some(())
    }
}

const DATE_FORM: &str = "2024-05-17";
const TIME_FORM: &str = "02:04:59.918";
const DATETIME_FORM: &str = "2024-05-17 02:04:59.918";
const OFFSET_DATETIME_FORM: &str = "2024-05-17 02:04:59.918 +02:00:00";
const OFFSET_FORM: &str = "+02:00:00";

fn parse_date(cursor: &mut Cursor<'_>, form: &'static str) -> Result<Date, Reason> {
    let bad = Reason::Form(form);
    let year = match cursor.sign() {
        Some(negative) => {
            let max = if large_dates() { 6 } else { 4 };
            let abs = cursor.digits(4, max).ok_or(bad)?;
            // At most six digits: fits an `i32`.
            #[allow(clippy::cast_possible_wrap)]
            let abs = abs as i32;
            if negative { -abs } else { abs }
        }
        // Four digits: fits an `i32`.
        #[allow(clippy::cast_possible_wrap)]
        None => cursor.digits(4, 4).ok_or(bad)? as i32,
    };
    let parts = (|| {
        cursor.literal(b'-')?;
        let month = cursor.two()?;
        cursor.literal(b'-')?;
        Some((month, cursor.two()?))
    })();
    let (month, day) = parts.ok_or(Reason::Form(form))?;
    let month = ::time::Month::try_from(month)?;
    Ok(Date::from_calendar_date(year, month, day)?)
}

fn parse_time(cursor: &mut Cursor<'_>, form: &'static str) -> Result<Time, Reason> {
    let parts = (|| {
        let hour = cursor.two()?;
        cursor.literal(b':')?;
        let minute = cursor.two()?;
        cursor.literal(b':')?;
        let second = cursor.two()?;
        cursor.literal(b'.')?;
        Some((hour, minute, second, cursor.fraction()?))
    })();
    let (hour, minute, second, nano) = parts.ok_or(Reason::Form(form))?;
    Ok(Time::from_hms_nano(hour, minute, second, nano)?)
}

fn parse_offset(cursor: &mut Cursor<'_>, form: &'static str) -> Result<UtcOffset, Reason> {
    let parts = (|| {
        let negative = cursor.sign()?;
        let hours = cursor.two()?;
        cursor.literal(b':')?;
        let minutes = cursor.two()?;
        cursor.literal(b':')?;
        Some((negative, hours, minutes, cursor.two()?))
    })();
    let (negative, hours, minutes, seconds) = parts.ok_or(Reason::Form(form))?;
    let sign = if negative { -1 } else { 1 };
    // Two digits each: they fit an `i8`.
    #[allow(clippy::cast_possible_wrap)]
    let (hours, minutes, seconds) = (hours as i8, minutes as i8, seconds as i8);
    Ok(UtcOffset::from_hms(
        sign * hours,
        sign * minutes,
        sign * seconds,
    )?)
}

/// Parses all of `text` with `parse`, which reads the value's form.
fn parse_all<T>(
    text: &str,
    form: &'static str,
    parse: impl FnOnce(&mut Cursor<'_>, &'static str) -> Result<T, Reason>,
) -> Result<T, Reason> {
    let mut cursor = Cursor {
        rest: text.as_bytes(),
    };
    let value = parse(&mut cursor, form)?;
    cursor.end().ok_or(Reason::Form(form))?;
    Ok(value)
}

fn parse_datetime(
    cursor: &mut Cursor<'_>,
    form: &'static str,
) -> Result<PrimitiveDateTime, Reason> {
    let date = parse_date(cursor, form)?;
    cursor.literal(b' ').ok_or(Reason::Form(form))?;
    Ok(PrimitiveDateTime::new(date, parse_time(cursor, form)?))
}

fn parse_offset_datetime(
    cursor: &mut Cursor<'_>,
    form: &'static str,
) -> Result<OffsetDateTime, Reason> {
    let datetime = parse_datetime(cursor, form)?;
    cursor.literal(b' ').ok_or(Reason::Form(form))?;
    Ok(datetime.assume_offset(parse_offset(cursor, form)?))
}

/// ``Invalid `Date`: expected the form `2024-05-17` ``.
#[cold]
fn invalid(what: &str, reason: &dyn fmt::Display) -> Error {
    Error::invalid(format!("Invalid `{what}`: {reason}"))
}

/// Reads a value of `time`'s type `what` in either of its forms: a string
/// (`parse` with `form`) or an array (`tuple`).
fn decode_either<'de, D, T>(
    decoder: &mut D,
    what: &str,
    form: &'static str,
    parse: fn(&mut Cursor<'_>, &'static str) -> Result<T, Reason>,
    tuple: fn(&mut D) -> Result<Result<T, ComponentRange>>,
) -> Result<T>
where
    D: Decoder<'de>,
{
    let parsed = match decoder.peek()? {
        Peek::Str => parse_all(&decoder.decode_str()?, form, parse),
        Peek::Seq => tuple(decoder)?.map_err(Reason::Range),
        found => {
            let expected = if D::HUMAN_READABLE { "str" } else { "array" };
            return Err(unexpected(decoder, expected, found));
        }
    };
    parsed.map_err(|reason| decoder.locate(invalid(what, &reason)))
}

/// The inline `Date` slot: days since 1970-01-01.
fn put_date(out: &mut [u8], at: usize, date: Date) {
    put(
        out,
        at,
        &(date.to_julian_day() - EPOCH_JULIAN_DAY).to_le_bytes(),
    );
}

fn read_date(bytes: &[u8], at: usize) -> Result<Date, &'static str> {
    i32::from_le_bytes(field(bytes, at))
        .checked_add(EPOCH_JULIAN_DAY)
        .and_then(|day| Date::from_julian_day(day).ok())
        .ok_or("date out of range")
}

/// The inline `Time` slot: nanoseconds since midnight.
fn put_time(out: &mut [u8], at: usize, time: Time) {
    let (hour, minute, second, nano) = time.as_hms_nano();
    let seconds = u64::from(hour) * 3600 + u64::from(minute) * 60 + u64::from(second);
    put(
        out,
        at,
        &(seconds * NANOS_PER_SECOND + u64::from(nano)).to_le_bytes(),
    );
}

fn read_time(bytes: &[u8], at: usize) -> Result<Time, &'static str> {
    let nanos = u64::from_le_bytes(field(bytes, at));
    let seconds = nanos / NANOS_PER_SECOND;
    let parts = (
        u8::try_from(seconds / 3600),
        // Each below 60, and the nanoseconds below 10^9.
        #[allow(clippy::cast_possible_truncation)]
        (
            (seconds / 60 % 60) as u8,
            (seconds % 60) as u8,
            (nanos % NANOS_PER_SECOND) as u32,
        ),
    );
    match parts {
        (Ok(hour), (minute, second, nano)) => {
            Time::from_hms_nano(hour, minute, second, nano).map_err(|_| "time out of range")
        }
        _ => Err("time out of range"),
    }
}

fn put_offset(out: &mut [u8], at: usize, offset: UtcOffset) {
    put(out, at, &offset.whole_seconds().to_le_bytes());
}

fn read_offset(bytes: &[u8], at: usize) -> Result<UtcOffset, &'static str> {
    UtcOffset::from_whole_seconds(i32::from_le_bytes(field(bytes, at)))
        .map_err(|_| "UTC offset out of range")
}

impl Encode for Date {
    inline_encode!(4, |value, out| { put_date(out, 0, *value) });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        if E::HUMAN_READABLE {
            let mut text = Stamp::new();
            write_date(&mut text, *self);
            return encoder.encode_str(text.as_str());
        }
        encode_tuple!(encoder, self.year(), self.ordinal())
    }
}

impl<'de> Decode<'de> for Date {
    inline_decode!(4, |bytes| { read_date(bytes, 0) });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_either(decoder, "Date", DATE_FORM, parse_date, |decoder| {
            let mut items = Elements::begin(decoder, "2")?;
            let (year, ordinal) = (items.next()?, items.next()?);
            items.end()?;
            Ok(Date::from_ordinal_date(year, ordinal))
        })
    }
}

inline_view!(Date, 4, OffsetDateTime::UNIX_EPOCH.date());

impl Encode for Time {
    inline_encode!(8, |value, out| { put_time(out, 0, *value) });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        if E::HUMAN_READABLE {
            let mut text = Stamp::new();
            write_time(&mut text, *self);
            return encoder.encode_str(text.as_str());
        }
        let (hour, minute, second, nano) = self.as_hms_nano();
        encode_tuple!(encoder, hour, minute, second, nano)
    }
}

/// Reads `[hour, minute, second, nanosecond]` from `items`.
fn time_items<'de, D: Decoder<'de>>(
    items: &mut Elements<'_, D, D::Seq>,
) -> Result<Result<Time, ComponentRange>> {
    let (hour, minute, second, nano) = (items.next()?, items.next()?, items.next()?, items.next()?);
    Ok(Time::from_hms_nano(hour, minute, second, nano))
}

/// Reads `[year, ordinal, hour, minute, second, nanosecond]` from `items`.
fn datetime_items<'de, D: Decoder<'de>>(
    items: &mut Elements<'_, D, D::Seq>,
) -> Result<Result<PrimitiveDateTime, ComponentRange>> {
    let (year, ordinal) = (items.next()?, items.next()?);
    let time = time_items(items)?;
    Ok(Date::from_ordinal_date(year, ordinal)
        .and_then(|date| time.map(|time| PrimitiveDateTime::new(date, time))))
}

impl<'de> Decode<'de> for Time {
    inline_decode!(8, |bytes| { read_time(bytes, 0) });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_either(decoder, "Time", TIME_FORM, parse_time, |decoder| {
            let mut items = Elements::begin(decoder, "4")?;
            let time = time_items(&mut items)?;
            items.end()?;
            Ok(time)
        })
    }
}

inline_view!(Time, 8, Time::MIDNIGHT);

impl Encode for PrimitiveDateTime {
    inline_encode!(12, |value, out| {
        put_date(out, 0, value.date());
        put_time(out, 4, value.time());
    });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        if E::HUMAN_READABLE {
            let mut text = Stamp::new();
            write_date(&mut text, self.date());
            text.push(b' ');
            write_time(&mut text, self.time());
            return encoder.encode_str(text.as_str());
        }
        let (hour, minute, second, nano) = self.as_hms_nano();
        encode_tuple!(
            encoder,
            self.year(),
            self.ordinal(),
            hour,
            minute,
            second,
            nano
        )
    }
}

impl<'de> Decode<'de> for PrimitiveDateTime {
    inline_decode!(12, |bytes| {
        Ok(PrimitiveDateTime::new(
            read_date(bytes, 0)?,
            read_time(bytes, 4)?,
        ))
    });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_either(
            decoder,
            "PrimitiveDateTime",
            DATETIME_FORM,
            parse_datetime,
            |decoder| {
                let mut items = Elements::begin(decoder, "6")?;
                let datetime = datetime_items(&mut items)?;
                items.end()?;
                Ok(datetime)
            },
        )
    }
}

inline_view!(
    PrimitiveDateTime,
    12,
    PrimitiveDateTime::new(OffsetDateTime::UNIX_EPOCH.date(), Time::MIDNIGHT)
);

impl Encode for OffsetDateTime {
    inline_encode!(16, |value, out| {
        put_date(out, 0, value.date());
        put_time(out, 4, value.time());
        put_offset(out, 12, value.offset());
    });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        if E::HUMAN_READABLE {
            let mut text = Stamp::new();
            write_date(&mut text, self.date());
            text.push(b' ');
            write_time(&mut text, self.time());
            text.push(b' ');
            write_offset(&mut text, self.offset());
            return encoder.encode_str(text.as_str());
        }
        let (hour, minute, second, nano) = self.to_hms_nano();
        let (offset_hours, offset_minutes, offset_seconds) = self.offset().as_hms();
        encode_tuple!(
            encoder,
            self.year(),
            self.ordinal(),
            hour,
            minute,
            second,
            nano,
            offset_hours,
            offset_minutes,
            offset_seconds,
        )
    }
}

impl<'de> Decode<'de> for OffsetDateTime {
    inline_decode!(16, |bytes| {
        let local = PrimitiveDateTime::new(read_date(bytes, 0)?, read_time(bytes, 4)?);
        Ok(local.assume_offset(read_offset(bytes, 12)?))
    });

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_either(
            decoder,
            "OffsetDateTime",
            OFFSET_DATETIME_FORM,
            parse_offset_datetime,
            |decoder| {
                let mut items = Elements::begin(decoder, "9")?;
                let datetime = datetime_items(&mut items)?;
                let (hours, minutes, seconds) = (items.next()?, items.next()?, items.next()?);
                items.end()?;
                Ok(datetime.and_then(|datetime| {
                    UtcOffset::from_hms(hours, minutes, seconds)
                        .map(|offset| datetime.assume_offset(offset))
                }))
            },
        )
    }
}

inline_view!(OffsetDateTime, 16, OffsetDateTime::UNIX_EPOCH);

impl Encode for UtcOffset {
    inline_encode!(4, |value, out| { put_offset(out, 0, *value) });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        if E::HUMAN_READABLE {
            let mut text = Stamp::new();
            write_offset(&mut text, *self);
            return encoder.encode_str(text.as_str());
        }
        let (hours, minutes, seconds) = self.as_hms();
        encode_tuple!(encoder, hours, minutes, seconds)
    }
}

impl<'de> Decode<'de> for UtcOffset {
    inline_decode!(4, |bytes| { read_offset(bytes, 0) });

    /// Reads a string or `[hours, minutes, seconds]`, where minutes and
    /// seconds may be left out, as `time` reads it.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        decode_either(decoder, "UtcOffset", OFFSET_FORM, parse_offset, |decoder| {
            let mut items = Elements::begin(decoder, "1 to 3")?;
            let hours = items.next()?;
            let mut minutes = 0;
            let mut seconds = 0;
            if let Some(value) = items.next_if_any()? {
                minutes = value;
                if let Some(value) = items.next_if_any()? {
                    seconds = value;
                    items.end()?;
                }
            }
            Ok(UtcOffset::from_hms(hours, minutes, seconds))
        })
    }
}

inline_view!(UtcOffset, 4, UtcOffset::UTC);

impl Encode for Duration {
    inline_encode!(12, |value, out| {
        put(out, 0, &value.whole_seconds().to_le_bytes());
        put(out, 8, &value.subsec_nanoseconds().to_le_bytes());
    });

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encode_slot(encoder, self);
        }
        if E::HUMAN_READABLE {
            // `-1.500000000`: a sign, whole seconds, nine digits of fraction.
            let mut text = Text::<32>::new();
            if self.is_negative() {
                text.push(b'-');
            }
            text.number(self.whole_seconds().unsigned_abs());
            text.push(b'.');
            text.digits(self.subsec_nanoseconds().unsigned_abs().into(), 9);
            return encoder.encode_str(text.as_str());
        }
        encode_tuple!(encoder, self.whole_seconds(), self.subsec_nanoseconds())
    }
}

/// `time`'s range of a duration's nanoseconds.
const MAX_NANOS: i32 = 999_999_999;

/// Parses `-1.5` as `time` reads a duration: an `i64` of seconds (as Rust
/// parses one), a point, and at least one digit, of which the first nine
/// count.
fn parse_duration(text: &str) -> Option<Duration> {
    let (seconds, fraction) = text.split_once('.')?;
    let seconds: i64 = seconds.parse().ok()?;
    if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut nanos: i32 = 0;
    for at in 0..9 {
        let digit = fraction.as_bytes().get(at).map_or(0, |d| d - b'0');
        nanos = nanos * 10 + i32::from(digit);
    }
    if seconds < 0 || (seconds == 0 && text.starts_with('-')) {
        nanos = -nanos;
    }
    Some(Duration::new(seconds, nanos))
}

impl<'de> Decode<'de> for Duration {
    inline_decode!(12, |bytes| {
        let nanos = i32::from_le_bytes(field(bytes, 8));
        if nanos.unsigned_abs() > MAX_NANOS.unsigned_abs() {
            return Err("duration nanoseconds out of range");
        }
        Ok(Duration::new(i64::from_le_bytes(field(bytes, 0)), nanos))
    });

    /// Reads `"-1.500000000"` or `[seconds, nanoseconds]`, as `time` reads them.
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        match decoder.peek()? {
            Peek::Str => {
                let parsed = parse_duration(&decoder.decode_str()?);
                parsed.ok_or_else(|| {
                    decoder.locate(invalid("Duration", &Reason::Form("-1.500000000")))
                })
            }
            Peek::Seq => {
                let mut items = Elements::begin(decoder, "2")?;
                let seconds: i64 = items.next()?;
                let nanos: i32 = items.next()?;
                items.end()?;
                if nanos.unsigned_abs() > MAX_NANOS.unsigned_abs() {
                    return Err(decoder.locate(
                        Error::invalid(format!(
                            "Expected the nanoseconds of a `Duration` within ±{MAX_NANOS}, got {nanos}"
                        ))
                        .in_index(1),
                    ));
                }
                Ok(Duration::new(seconds, nanos))
            }
            found => {
                let expected = if D::HUMAN_READABLE { "str" } else { "array" };
                Err(unexpected(decoder, expected, found))
            }
        }
    }
}

inline_view!(Duration, 12, Duration::ZERO);
