//! Encoding entry points: [`to_vec`] and [`to_writer`].

use crate::encode::Encode;
use crate::error::Result;
use crate::msgpack::write::MsgPackEncoder;

/// Encodes `value` as MessagePack into a new `Vec<u8>`.
///
/// The bytes are those `rmp_serde::to_vec_named` writes for the same value:
/// structs as maps keyed by field name, the smallest form of every integer,
/// string and length.
///
/// # Errors
///
/// Fails if the value cannot be written: a string or collection longer than
/// MessagePack's 32-bit lengths, or an error raised by the value's `Encode` impl.
///
/// # Examples
///
/// ```
/// #[derive(zerospec::Encode)]
/// struct Point { x: i32, y: i32 }
///
/// let bytes = zerospec::msgpack::to_vec(&Point { x: 1, y: -2 })?;
/// assert_eq!(bytes, [0x82, 0xa1, b'x', 0x01, 0xa1, b'y', 0xfe]);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn to_vec<T: Encode + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut encoder = MsgPackEncoder::new(Vec::with_capacity(128));
    value.encode(&mut encoder)?;
    Ok(encoder.into_inner())
}

/// Encodes `value` as MessagePack into `writer`.
///
/// The value is encoded into memory first and handed to `writer` in one
/// `write_all`, so a slow writer is called once, not once per field. Wrap
/// neither side in a `BufWriter` for this call alone.
///
/// # Errors
///
/// Fails as [`to_vec`] does, or when `writer` fails (an [`ErrorKind::Io`](crate::ErrorKind::Io) error).
///
/// # Examples
///
/// ```
/// let mut out = Vec::new();
/// zerospec::msgpack::to_writer(&mut out, &[true, false])?;
/// assert_eq!(out, [0x92, 0xc3, 0xc2]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn to_writer<W: std::io::Write, T: Encode + ?Sized>(mut writer: W, value: &T) -> Result<()> {
    let bytes = to_vec(value)?;
    writer.write_all(&bytes)?;
    Ok(())
}
