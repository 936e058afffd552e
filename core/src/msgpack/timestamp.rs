//! [`Timestamp`]: MessagePack's timestamp extension (type -1).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::{Error, Result};

/// The extension type MessagePack reserves for timestamps.
pub const TIMESTAMP_EXT: i8 = -1;

const NANOS_PER_SECOND: u32 = 1_000_000_000;

/// A point in time as MessagePack's timestamp extension (type -1) holds it:
/// seconds since the Unix epoch and nanoseconds within that second.
///
/// Encoding picks the smallest of the three forms the spec defines
/// (timestamp 32, 64 or 96); decoding reads all three. Other formats have no
/// timestamp value: encoding one to JSON fails with an
/// [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported) error.
///
/// # Examples
///
/// ```
/// use zerospec::msgpack::Timestamp;
///
/// let t = Timestamp { seconds: 1_514_862_245, nanoseconds: 0 };
/// let bytes = zerospec::msgpack::to_vec(&t)?;
/// assert_eq!(bytes, [0xd6, 0xff, 0x5a, 0x4a, 0xf6, 0xa5]);
/// assert_eq!(zerospec::msgpack::from_slice::<Timestamp>(&bytes)?, t);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z; negative before it.
    pub seconds: i64,
    /// Nanoseconds added to `seconds`, below 1,000,000,000.
    pub nanoseconds: u32,
}

impl Timestamp {
    /// Makes a timestamp, checking that `nanoseconds` is below one second.
    ///
    /// # Errors
    ///
    /// Fails if `nanoseconds` is 1,000,000,000 or more.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = zerospec::msgpack::Timestamp::new(-1, 500)?;
    /// assert_eq!((t.seconds, t.nanoseconds), (-1, 500));
    /// assert!(zerospec::msgpack::Timestamp::new(0, 1_000_000_000).is_err());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn new(seconds: i64, nanoseconds: u32) -> Result<Self> {
        check_nanoseconds(nanoseconds)?;
        Ok(Timestamp {
            seconds,
            nanoseconds,
        })
    }
}

#[inline]
fn check_nanoseconds(nanoseconds: u32) -> Result<()> {
    if nanoseconds >= NANOS_PER_SECOND {
        return Err(bad_nanoseconds());
    }
    Ok(())
}

#[cold]
fn bad_nanoseconds() -> Error {
    Error::invalid("Expected timestamp nanoseconds < 1000000000".to_owned())
}

impl Encode for Timestamp {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        check_nanoseconds(self.nanoseconds)?;
        let small_seconds = u64::try_from(self.seconds).ok().filter(|s| s >> 34 == 0);
        if let Some(seconds) = small_seconds {
            // Timestamp 64: nanoseconds in the top 30 bits, seconds in the low 34;
            // timestamp 32 when that leaves only 32 bits of seconds.
            let packed = (u64::from(self.nanoseconds) << 34) | seconds;
            return match u32::try_from(packed) {
                Ok(small) => encoder.encode_ext(TIMESTAMP_EXT, &small.to_be_bytes()),
                Err(_) => encoder.encode_ext(TIMESTAMP_EXT, &packed.to_be_bytes()),
            };
        }
        let mut data = [0; 12];
        data[..4].copy_from_slice(&self.nanoseconds.to_be_bytes());
        data[4..].copy_from_slice(&self.seconds.to_be_bytes());
        encoder.encode_ext(TIMESTAMP_EXT, &data)
    }
}

impl<'de> Decode<'de> for Timestamp {
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        let (tag, data) = decoder.decode_ext()?;
        if tag != TIMESTAMP_EXT {
            return Err(not_a_timestamp(tag));
        }
        let (seconds, nanoseconds) = if let Ok(b) = <[u8; 4]>::try_from(&*data) {
            (i64::from(u32::from_be_bytes(b)), 0)
        } else if let Ok(b) = <[u8; 8]>::try_from(&*data) {
            let packed = u64::from_be_bytes(b);
            // 34 bits of seconds always fit an i64; 30 bits of nanoseconds a u32.
            ((packed & ((1 << 34) - 1)) as i64, (packed >> 34) as u32)
        } else if let Ok(b) = <[u8; 12]>::try_from(&*data) {
            let (nanos, seconds) = b.split_at(4);
            (
                i64::from_be_bytes(seconds.try_into().unwrap_or_default()),
                u32::from_be_bytes(nanos.try_into().unwrap_or_default()),
            )
        } else {
            return Err(bad_length(data.len()));
        };
        Timestamp::new(seconds, nanoseconds)
    }
}

#[cold]
fn not_a_timestamp(tag: i8) -> Error {
    Error::invalid(format!(
        "Expected `timestamp` (ext type -1), got ext type {tag}"
    ))
}

#[cold]
fn bad_length(len: usize) -> Error {
    Error::invalid(format!(
        "Expected `timestamp` of 4, 8 or 12 bytes, got {len} bytes"
    ))
}

impl From<SystemTime> for Timestamp {
    /// Converts a system time, saturating at the ends of the `i64` seconds range.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// let t = zerospec::msgpack::Timestamp::from(UNIX_EPOCH - Duration::from_millis(1500));
    /// assert_eq!((t.seconds, t.nanoseconds), (-2, 500_000_000));
    /// ```
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => Timestamp {
                seconds: i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                nanoseconds: after.subsec_nanos(),
            },
            Err(before) => {
                let before = before.duration();
                let seconds = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                match before.subsec_nanos() {
                    0 => Timestamp {
                        seconds: -seconds,
                        nanoseconds: 0,
                    },
                    nanos => Timestamp {
                        seconds: (-seconds).saturating_sub(1),
                        nanoseconds: NANOS_PER_SECOND - nanos,
                    },
                }
            }
        }
    }
}

impl TryFrom<Timestamp> for SystemTime {
    type Error = Error;

    /// Converts to a system time.
    ///
    /// # Errors
    ///
    /// Fails if the nanoseconds are out of range or the platform's
    /// `SystemTime` cannot hold the time.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::time::{Duration, SystemTime, UNIX_EPOCH};
    /// let t = zerospec::msgpack::Timestamp { seconds: 1, nanoseconds: 5 };
    /// assert_eq!(SystemTime::try_from(t)?, UNIX_EPOCH + Duration::new(1, 5));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    fn try_from(t: Timestamp) -> Result<SystemTime> {
        check_nanoseconds(t.nanoseconds)?;
        let time = if t.seconds >= 0 {
            UNIX_EPOCH.checked_add(Duration::new(t.seconds.unsigned_abs(), t.nanoseconds))
        } else {
            UNIX_EPOCH
                .checked_sub(Duration::from_secs(t.seconds.unsigned_abs()))
                .and_then(|base| base.checked_add(Duration::from_nanos(u64::from(t.nanoseconds))))
        };
        time.ok_or_else(|| {
            Error::invalid("Expected a timestamp this platform's `SystemTime` can hold".to_owned())
        })
    }
}
