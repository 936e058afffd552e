//! Binary data: [`ByteBuf`], and `Encode`/`Decode` for `bytes::Bytes` and `bytes::BytesMut`.
//!
//! These write binary values (`bin` in MessagePack) where a `Vec<u8>` writes a
//! sequence of integers, as in serde.

use std::borrow::{Borrow, BorrowMut};
use std::fmt;
use std::ops::{Deref, DerefMut};

use crate::decode::{Decode, Decoder, Peek};
use crate::encode::{Encode, Encoder};
use crate::error::Result;

/// A growable byte buffer that encodes as binary data (`bin` in MessagePack)
/// instead of a sequence of integers: the role `serde_bytes::ByteBuf` plays for
/// serde users.
///
/// It decodes from binary data, and also from a sequence of integers (how a
/// `Vec<u8>` is written), so data written either way reads back.
///
/// # Examples
///
/// ```
/// use zerospec::ByteBuf;
///
/// let buf = ByteBuf::from(vec![1, 2, 3]);
/// let bytes = zerospec::msgpack::to_vec(&buf)?;
/// assert_eq!(bytes, [0xc4, 0x03, 1, 2, 3]);
/// assert_eq!(zerospec::msgpack::from_slice::<ByteBuf>(&bytes)?, buf);
/// // A plain Vec<u8> is an array of integers.
/// assert_eq!(zerospec::msgpack::to_vec(&vec![1u8, 2, 3])?, [0x93, 1, 2, 3]);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteBuf {
    bytes: Vec<u8>,
}

impl ByteBuf {
    /// Makes an empty buffer.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(zerospec::ByteBuf::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        ByteBuf { bytes: Vec::new() }
    }

    /// Makes an empty buffer with room for `capacity` bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(zerospec::ByteBuf::with_capacity(16).capacity() >= 16);
    /// ```
    #[must_use]
    pub fn with_capacity(capacity: usize) -> Self {
        ByteBuf {
            bytes: Vec::with_capacity(capacity),
        }
    }

    /// How many bytes the buffer can hold without reallocating.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(zerospec::ByteBuf::new().capacity(), 0);
    /// ```
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.bytes.capacity()
    }

    /// Gives back the bytes as a `Vec<u8>`.
    ///
    /// # Examples
    ///
    /// ```
    /// let buf = zerospec::ByteBuf::from(vec![7]);
    /// assert_eq!(buf.into_vec(), vec![7]);
    /// ```
    #[must_use]
    pub fn into_vec(self) -> Vec<u8> {
        self.bytes
    }

    /// The bytes as a `Vec<u8>`, to push or extend.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut buf = zerospec::ByteBuf::new();
    /// buf.as_mut_vec().extend_from_slice(b"ab");
    /// assert_eq!(&buf[..], b"ab");
    /// ```
    pub fn as_mut_vec(&mut self) -> &mut Vec<u8> {
        &mut self.bytes
    }
}

impl fmt::Debug for ByteBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.bytes, f)
    }
}

impl Deref for ByteBuf {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        &self.bytes
    }
}

impl DerefMut for ByteBuf {
    #[inline]
    fn deref_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }
}

impl AsRef<[u8]> for ByteBuf {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl AsMut<[u8]> for ByteBuf {
    fn as_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }
}

impl Borrow<[u8]> for ByteBuf {
    fn borrow(&self) -> &[u8] {
        &self.bytes
    }
}

impl BorrowMut<[u8]> for ByteBuf {
    fn borrow_mut(&mut self) -> &mut [u8] {
        &mut self.bytes
    }
}

impl From<Vec<u8>> for ByteBuf {
    fn from(bytes: Vec<u8>) -> Self {
        ByteBuf { bytes }
    }
}

impl From<&[u8]> for ByteBuf {
    fn from(bytes: &[u8]) -> Self {
        ByteBuf {
            bytes: bytes.to_vec(),
        }
    }
}

impl From<ByteBuf> for Vec<u8> {
    fn from(buf: ByteBuf) -> Self {
        buf.bytes
    }
}

impl Encode for ByteBuf {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        crate::__private::encode_bytes(&self.bytes, encoder)
    }
}

impl<'de> Decode<'de> for ByteBuf {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        crate::__private::decode_byte_buf(decoder)
    }
}

impl Encode for bytes::Bytes {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_bytes(self)
    }
}

impl<'de> Decode<'de> for bytes::Bytes {
    /// Reads binary data; from [`from_bytes`](crate::msgpack::from_bytes) it is
    /// a slice of the input, sharing its allocation.
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        if decoder.peek()? == Peek::Seq {
            return Vec::<u8>::decode(decoder).map(bytes::Bytes::from);
        }
        decoder.decode_shared_bytes()
    }
}

impl Encode for bytes::BytesMut {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encoder.encode_bytes(self)
    }
}

impl<'de> Decode<'de> for bytes::BytesMut {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        crate::__private::decode_byte_buf::<Vec<u8>, D>(decoder)
            .map(|v| bytes::BytesMut::from(&v[..]))
    }
}
