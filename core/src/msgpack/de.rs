//! Decoding entry points: [`from_slice`] and [`from_bytes`].

use crate::decode::{Decode, DecodeOwned};
use crate::error::Result;
use crate::msgpack::read::{MsgPackDecoder, decode_all};

/// Decodes one MessagePack value of type `T` from `input`, which must hold
/// exactly that value.
///
/// `&'de str` and `&'de [u8]` in `T` borrow from `input`.
///
/// # Errors
///
/// Fails on malformed or truncated input, trailing bytes, nesting deeper than
/// 128, or a value that does not fit `T` (with the path to it).
///
/// # Examples
///
/// ```
/// #[derive(zerospec::Decode, Debug, PartialEq)]
/// struct User<'a> { name: &'a str, age: u8 }
///
/// let input = [0x82, 0xa4, b'n', b'a', b'm', b'e', 0xa3, b'a', b'd', b'a', 0xa3, b'a', b'g', b'e', 0x24];
/// let user: User = zerospec::msgpack::from_slice(&input)?;
/// assert_eq!(user, User { name: "ada", age: 36 });
///
/// let err = zerospec::msgpack::from_slice::<User>(&input[..5]).unwrap_err();
/// assert_eq!(err.to_string(), "MessagePack data is malformed: truncated (byte 5)");
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn from_slice<'de, T: Decode<'de>>(input: &'de [u8]) -> Result<T> {
    decode_all(MsgPackDecoder::new(input))
}

/// Decodes one MessagePack value of type `T` from a shared buffer.
///
/// Every `bytes::Bytes` in `T` is a slice of `input` sharing its allocation
/// (`Bytes::slice_ref`), not a copy, so large binary payloads cost nothing to
/// decode and outlive the call.
///
/// # Errors
///
/// Fails as [`from_slice`] does.
///
/// # Examples
///
/// ```
/// #[derive(zerospec::Decode)]
/// struct Message { id: u32, body: bytes::Bytes }
///
/// let input = bytes::Bytes::from(vec![
///     0x82, 0xa2, b'i', b'd', 0x07, 0xa4, b'b', b'o', b'd', b'y', 0xc4, 0x03, 1, 2, 3,
/// ]);
/// let message: Message = zerospec::msgpack::from_bytes(input.clone())?;
/// assert_eq!(message.id, 7);
/// assert_eq!(&message.body[..], &[1, 2, 3]);
/// assert_eq!(message.body.as_ptr(), input[12..].as_ptr());
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn from_bytes<T: DecodeOwned>(input: bytes::Bytes) -> Result<T> {
    decode_all(MsgPackDecoder::from_shared(&input))
}
