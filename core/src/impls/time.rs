//! `Duration` and `SystemTime`, as serde writes them: the structs
//! `{"secs": u64, "nanos": u32}` and
//! `{"secs_since_epoch": u64, "nanos_since_epoch": u32}`, read from that map
//! or from the array `[secs, nanos]`, as serde reads them. Nanoseconds of a
//! second or more carry into the seconds, as `Duration::new` does; a carry
//! past `u64::MAX` seconds is an error.
//!
//! Positional formats store both inline in 12 bytes: the seconds as a `u64`,
//! then the nanoseconds (below 10^9) as a `u32`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::record::{decode_two, encode_two};
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, ErrorKind, Result};

const NANOS_PER_SEC: u32 = 1_000_000_000;

/// The field names of `Duration` and of `SystemTime`.
const DURATION: (&str, &str) = ("secs", "nanos");
const SYSTEM_TIME: (&str, &str) = ("secs_since_epoch", "nanos_since_epoch");

/// The width of a `Duration`'s or `SystemTime`'s slot in positional formats.
const TIME_SLOT: usize = 12;

/// `secs` and `nanos` as a `Duration`, when the nanoseconds' carry leaves
/// the seconds in range (`Duration::new` would panic otherwise).
#[inline]
fn duration(secs: u64, nanos: u32) -> Option<Duration> {
    secs.checked_add(u64::from(nanos / NANOS_PER_SEC))?;
    Some(Duration::new(secs, nanos))
}

/// A carry of nanoseconds past the largest number of seconds.
#[cold]
fn carry_overflow(what: &str, (secs, nanos): (&str, &str)) -> Error {
    Error::invalid(format!(
        "{what} out of range: `{nanos}` carries `{secs}` past {}",
        u64::MAX
    ))
}

/// The 12-byte slot of `duration`.
#[inline]
fn time_slot(duration: Duration) -> [u8; TIME_SLOT] {
    let mut slot = [0; TIME_SLOT];
    slot[..8].copy_from_slice(&duration.as_secs().to_le_bytes());
    slot[8..].copy_from_slice(&duration.subsec_nanos().to_le_bytes());
    slot
}

/// The `Duration` a 12-byte slot holds; its nanoseconds must be below 10^9.
#[inline]
fn slot_duration(bytes: &[u8]) -> Result<Duration, &'static str> {
    let (Some(secs), Some(nanos)) = (bytes.first_chunk::<8>(), bytes.get(8..12)) else {
        return Err("truncated");
    };
    let nanos = u32::from_le_bytes([nanos[0], nanos[1], nanos[2], nanos[3]]);
    if nanos >= NANOS_PER_SEC {
        return Err("invalid Duration (nanoseconds of 10^9 or more)");
    }
    Ok(Duration::new(u64::from_le_bytes(*secs), nanos))
}

/// The `SystemTime` `since_epoch` after the epoch, if the platform holds it.
#[inline]
fn system_time(since_epoch: Duration) -> Option<SystemTime> {
    UNIX_EPOCH.checked_add(since_epoch)
}

/// A `SystemTime` beyond the platform's range.
#[cold]
fn beyond_platform(since_epoch: Duration) -> Error {
    Error::invalid(format!(
        "SystemTime out of range: {} seconds after the epoch is past what this platform holds",
        since_epoch.as_secs()
    ))
}

/// How long after the epoch `time` is; serde writes no earlier time.
#[inline]
fn since_epoch(time: &SystemTime) -> Result<Duration> {
    time.duration_since(UNIX_EPOCH).map_err(|_| {
        Error::with_kind(
            ErrorKind::Unsupported,
            "SystemTime before the Unix epoch cannot be written: its form counts seconds since then",
        )
    })
}

impl Encode for Duration {
    const INLINE_SIZE: Option<usize> = Some(TIME_SLOT);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        if let Some(out) = out.first_chunk_mut() {
            *out = time_slot(*self);
        }
    }

    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return encoder.encode_inline_value(self);
        }
        encode_two(encoder, DURATION, &self.as_secs(), &self.subsec_nanos())
    }
}

impl<'de> Decode<'de> for Duration {
    const INLINE_SIZE: Option<usize> = Some(TIME_SLOT);
    const INLINE_ONLY: bool = true;

    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        slot_duration(bytes)
    }

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return decoder.decode_inline_value();
        }
        let (secs, nanos) = decode_two::<D, u64, u32>(decoder, DURATION)?;
        duration(secs, nanos).ok_or_else(|| decoder.locate(carry_overflow("Duration", DURATION)))
    }
}

/// A `SystemTime` is not `INLINE_ONLY`: one before the epoch fails to
/// encode, which a slot written in place could not report.
impl Encode for SystemTime {
    const INLINE_SIZE: Option<usize> = Some(TIME_SLOT);

    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        let since = since_epoch(self)?;
        if E::POSITIONAL {
            encoder.encode_u64(since.as_secs())?;
            return encoder.encode_u32(since.subsec_nanos());
        }
        encode_two(
            encoder,
            SYSTEM_TIME,
            &since.as_secs(),
            &since.subsec_nanos(),
        )
    }
}

impl<'de> Decode<'de> for SystemTime {
    const INLINE_SIZE: Option<usize> = Some(TIME_SLOT);

    /// Not called by decoders, as `SystemTime` is not `INLINE_ONLY`: the
    /// flat format's view reads its slot with it.
    #[inline]
    fn decode_inline(bytes: &[u8]) -> Result<Self, &'static str> {
        system_time(slot_duration(bytes)?).ok_or("SystemTime past what this platform holds")
    }

    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let since = if D::POSITIONAL {
            let secs = decoder.decode_u64()?;
            let nanos = decoder.decode_u32()?;
            if nanos >= NANOS_PER_SEC {
                return Err(decoder.locate(Error::invalid(
                    "SystemTime out of range: `nanos_since_epoch` of 10^9 or more".to_owned(),
                )));
            }
            Duration::new(secs, nanos)
        } else {
            let (secs, nanos) = decode_two::<D, u64, u32>(decoder, SYSTEM_TIME)?;
            duration(secs, nanos)
                .ok_or_else(|| decoder.locate(carry_overflow("SystemTime", SYSTEM_TIME)))?
        };
        system_time(since).ok_or_else(|| decoder.locate(beyond_platform(since)))
    }
}
