//! What the ecosystem impls share: text staged on the stack, the errors they
//! word alike, fixed-length arrays read element by element, and the flat
//! `View` of a type held whole in its inline slot.
//!
//! Each feature uses its own part of these, so with one feature on, the
//! others' parts go unused.
#![allow(dead_code, unused_macros, unused_imports)]

use std::fmt::{self, Display, Write as _};

use crate::decode::{Decode, Decoder, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// Text built on the stack, `N` bytes at most: a date or a time is written
/// here and handed to the encoder as one `&str`, with no `String` made.
pub(crate) struct Text<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    pub(crate) const fn new() -> Self {
        Text {
            bytes: [0; N],
            len: 0,
        }
    }

    /// The text so far; empty if a non-UTF-8 write was ever made (none is).
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }

    /// Appends `byte` (ASCII), dropping it past the capacity, which callers size
    /// for their longest text.
    #[inline]
    pub(crate) fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// Appends `value` as exactly `width` decimal digits, zero-padded (the
    /// high digits beyond `width` are dropped; callers pass values that fit).
    #[inline]
    pub(crate) fn digits(&mut self, value: u64, width: usize) {
        let mut at = width;
        let mut value = value;
        let start = self.len;
        if start + width > N {
            return;
        }
        while at > 0 {
            at -= 1;
            // A single decimal digit.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (value % 10) as u8;
            self.bytes[start + at] = b'0' + digit;
            value /= 10;
        }
        self.len += width;
    }

    /// Appends `value` in decimal, as few digits as it takes.
    #[inline]
    pub(crate) fn number(&mut self, value: u64) {
        let mut buffer = itoa::Buffer::new();
        for &byte in buffer.format(value).as_bytes() {
            self.push(byte);
        }
    }
}

impl<const N: usize> fmt::Write for Text<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        match self.bytes.get_mut(self.len..end) {
            Some(room) => {
                room.copy_from_slice(s.as_bytes());
                self.len = end;
                Ok(())
            }
            None => Err(fmt::Error),
        }
    }
}

/// Writes `value`'s `Display` form as a string: staged on the stack when it
/// fits 128 bytes (every date and time does), in a `String` otherwise.
pub(crate) fn encode_display<E: Encoder>(encoder: &mut E, value: &dyn Display) -> Result<()> {
    let mut text = Text::<128>::new();
    if write!(text, "{value}").is_ok() {
        return encoder.encode_str(text.as_str());
    }
    encoder.encode_str(&value.to_string())
}

/// ``Invalid RFC 3339 datetime: premature end of input``: a string that is
/// not the text form a type reads, with the parser's reason.
#[cold]
pub(crate) fn invalid_text(what: &str, reason: &dyn Display) -> Error {
    Error::invalid(format!("Invalid {what}: {reason}"))
}

/// ``Expected `str`, got `int` ``, for `found` where `expected` was the only
/// shape a type reads.
#[cold]
pub(crate) fn unexpected<'de, D: Decoder<'de>>(decoder: &D, expected: &str, found: Peek) -> Error {
    decoder.locate(Error::unexpected(expected, found.name()))
}

/// ``Expected `array` of length 2``, as a fixed-length tuple words it.
#[cold]
pub(crate) fn wrong_length(len: &str) -> Error {
    Error::invalid(format!("Expected `array` of length {len}"))
}

/// An array read element by element, for a type whose binary form is a
/// tuple: each [`Elements::next`] reads one element and records its index in
/// the path of its error.
pub(crate) struct Elements<'d, D: ?Sized, S> {
    decoder: &'d mut D,
    seq: S,
    index: usize,
    /// The length named in the error, e.g. `"9"` or `"1 to 3"`.
    len: &'static str,
}

impl<'d, 'de, D: Decoder<'de>> Elements<'d, D, D::Seq> {
    /// Starts reading the array that comes next.
    pub(crate) fn begin(decoder: &'d mut D, len: &'static str) -> Result<Self> {
        let seq = decoder.seq_begin()?;
        Ok(Elements {
            decoder,
            seq,
            index: 0,
            len,
        })
    }

    /// Reads the next element, which must be there.
    pub(crate) fn next<T: Decode<'de>>(&mut self) -> Result<T> {
        match self.next_if_any()? {
            Some(value) => Ok(value),
            None => Err(wrong_length(self.len)),
        }
    }

    /// Reads the next element, or answers `None` at the end of the array
    /// (which then has been consumed).
    pub(crate) fn next_if_any<T: Decode<'de>>(&mut self) -> Result<Option<T>> {
        if !self.decoder.seq_next(&mut self.seq)? {
            return Ok(None);
        }
        let index = self.index;
        self.index += 1;
        T::decode(self.decoder)
            .map(Some)
            .map_err(|err| err.in_index(index))
    }

    /// Ends the array, which must hold no more elements.
    pub(crate) fn end(mut self) -> Result<()> {
        if self.decoder.seq_next(&mut self.seq)? {
            return Err(wrong_length(self.len));
        }
        Ok(())
    }
}

/// Writes `values`, each an `Encode` of its own type, as one array: the
/// binary form of the types whose serde impls write a tuple.
macro_rules! encode_tuple {
    ($encoder:expr, $($value:expr),+ $(,)?) => {{
        let encoder = $encoder;
        let mut seq = encoder.seq_begin([$(stringify!($value)),+].len())?;
        $(
            encoder.seq_elem(&mut seq)?;
            $crate::encode::Encode::encode(&$value, encoder)?;
        )+
        encoder.seq_end(seq)
    }};
}
pub(crate) use encode_tuple;

/// The `Encode` items of a type held whole in a `$size`-byte inline slot in
/// positional formats (`$write` fills the slot), and whose `encode` is
/// `$encode` elsewhere.
macro_rules! inline_encode {
    ($size:expr, |$value:ident, $out:ident| $write:block) => {
        const INLINE_SIZE: Option<usize> = Some($size);
        const INLINE_ONLY: bool = true;

        #[inline]
        fn encode_inline(&self, out: &mut [u8]) {
            if let Some($out) = out.first_chunk_mut::<{ $size }>() {
                let $value = self;
                $write
            }
        }
    };
}
pub(crate) use inline_encode;

/// The `Decode` items of a type held whole in a `$size`-byte inline slot:
/// `$read` turns the slot into the value or the reason it is none.
macro_rules! inline_decode {
    ($size:expr, |$bytes:ident| $read:block) => {
        const INLINE_SIZE: Option<usize> = Some($size);
        const INLINE_ONLY: bool = true;

        #[inline]
        fn decode_inline(bytes: &[u8]) -> ::std::result::Result<Self, &'static str> {
            match bytes.first_chunk::<{ $size }>() {
                Some($bytes) => $read,
                None => Err("truncated"),
            }
        }
    };
}
pub(crate) use inline_decode;

/// `View` for a type held whole in its inline slot: the view is the value,
/// validated with its `Decode::decode_inline`; `$absent` is what an all-zero
/// slot reads as.
macro_rules! inline_view {
    ($ty:ty, $size:expr, $absent:expr) => {
        #[cfg(feature = "flat")]
        impl $crate::flat::View for $ty {
            type View<'a> = $ty;

            const INLINE_SIZE: Option<usize> = Some($size);
            const INLINE_ONLY: bool = true;

            #[inline]
            fn validate(v: &mut $crate::flat::Validator<'_>, slot: usize) -> $crate::Result<()> {
                let bytes = v.scalar::<{ $size }>(slot)?;
                match <$ty as $crate::Decode<'_>>::decode_inline(&bytes) {
                    Ok(_) => Ok(()),
                    Err(message) => Err(v.malformed(message, slot)),
                }
            }

            #[inline]
            fn read(bytes: &[u8]) -> $ty {
                <$ty as $crate::Decode<'_>>::decode_inline(bytes).unwrap_or($absent)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                $absent
            }

            #[inline]
            fn from_view(view: $ty) -> $ty {
                view
            }
        }
    };
}
pub(crate) use inline_view;

/// Little-endian fields of an inline slot: `field::<8>(bytes, 0)`.
#[inline]
pub(crate) fn field<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<N>)
        .copied()
        .unwrap_or([0; N])
}

/// Writes `value` into `out` at `at`.
#[inline]
pub(crate) fn put(out: &mut [u8], at: usize, value: &[u8]) {
    if let Some(room) = out.get_mut(at..at + value.len()) {
        room.copy_from_slice(value);
    }
}

/// The check that keeps the `Encode` of an inline-only type honest in the
/// positional formats: its `encode` writes the slot.
#[inline]
pub(crate) fn encode_slot<E: Encoder, T: Encode>(encoder: &mut E, value: &T) -> Result<()> {
    encoder.encode_inline_value(value)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`), for crates with no such accessor.
pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    // Month and day are at most 12 and 31.
    #[allow(clippy::cast_possible_wrap)]
    let (month, day) = (month as i32, day as i32);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01, as `(year, month, day)`: the inverse of
/// [`days_from_civil`], for `days` within ±10⁸.
pub(crate) fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    // Both are small and positive.
    #[allow(clippy::cast_sign_loss)]
    (year, month as u32, day as u32)
}
