//! [`Output`]: the growable buffers a [`MsgPackEncoder`](crate::msgpack::MsgPackEncoder) writes into.

/// A buffer MessagePack is written into: `Vec<u8>`, `bytes::BytesMut`, or a
/// mutable reference to either (to reuse one buffer across many values).
///
/// The encoder only appends, except when a map's length was not known when it
/// began: it then patches the header in place once the map ends.
///
/// This trait is sealed; it is implemented for the types above only.
///
/// # Examples
///
/// ```
/// use zerospec::msgpack::MsgPackEncoder;
///
/// let mut buf = bytes::BytesMut::new();
/// MsgPackEncoder::new(&mut buf).encode(&[1u8, 2])?;
/// assert_eq!(&buf[..], &[0x92, 0x01, 0x02]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait Output: sealed::Sealed {
    /// Appends `bytes`.
    #[doc(hidden)]
    fn write(&mut self, bytes: &[u8]);

    /// Appends one byte.
    #[doc(hidden)]
    fn push(&mut self, byte: u8);

    /// Appends a value's `header`, then its `body`, growing the buffer once.
    #[doc(hidden)]
    #[inline]
    fn write_pair(&mut self, header: &[u8], body: &[u8]) {
        self.reserve(header.len() + body.len());
        self.write(header);
        self.write(body);
    }

    /// Makes room for at least `additional` more bytes.
    #[doc(hidden)]
    fn reserve(&mut self, additional: usize);

    /// How many bytes the buffer holds.
    #[doc(hidden)]
    fn len(&self) -> usize;

    /// True when the buffer holds no bytes.
    #[doc(hidden)]
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes written so far, to patch a header.
    #[doc(hidden)]
    fn bytes_mut(&mut self) -> &mut [u8];

    /// Drops everything after the first `len` bytes.
    #[doc(hidden)]
    fn truncate(&mut self, len: usize);
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for Vec<u8> {}
    impl Sealed for bytes::BytesMut {}
    impl<O: Sealed + ?Sized> Sealed for &mut O {}
}

impl Output for Vec<u8> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    #[inline]
    fn reserve(&mut self, additional: usize) {
        Vec::reserve(self, additional);
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        Vec::push(self, byte);
    }

    #[inline]
    fn len(&self) -> usize {
        Vec::len(self)
    }

    #[inline]
    fn bytes_mut(&mut self) -> &mut [u8] {
        self
    }

    #[inline]
    fn truncate(&mut self, len: usize) {
        Vec::truncate(self, len);
    }
}

impl Output for bytes::BytesMut {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    #[inline]
    fn reserve(&mut self, additional: usize) {
        bytes::BytesMut::reserve(self, additional);
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        self.extend_from_slice(&[byte]);
    }

    #[inline]
    fn len(&self) -> usize {
        bytes::BytesMut::len(self)
    }

    #[inline]
    fn bytes_mut(&mut self) -> &mut [u8] {
        self
    }

    #[inline]
    fn truncate(&mut self, len: usize) {
        bytes::BytesMut::truncate(self, len);
    }
}

impl<O: Output + ?Sized> Output for &mut O {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        (**self).write(bytes);
    }

    #[inline]
    fn write_pair(&mut self, header: &[u8], body: &[u8]) {
        (**self).write_pair(header, body);
    }

    #[inline]
    fn reserve(&mut self, additional: usize) {
        (**self).reserve(additional);
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        (**self).push(byte);
    }

    #[inline]
    fn len(&self) -> usize {
        (**self).len()
    }

    #[inline]
    fn bytes_mut(&mut self) -> &mut [u8] {
        (**self).bytes_mut()
    }

    #[inline]
    fn truncate(&mut self, len: usize) {
        (**self).truncate(len);
    }
}
