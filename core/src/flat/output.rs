//! [`Output`]: the growable buffers a [`FlatEncoder`](super::FlatEncoder) writes into.

/// A buffer the flat format is written into: `Vec<u8>`, `bytes::BytesMut`, or
/// a mutable reference to either (to reuse one buffer across many values).
///
/// The encoder appends, and fills in place the slots it reserved (zeroed)
/// for a struct, sequence or map once a value inside it is written out of line.
///
/// This trait is sealed; it is implemented for the types above only.
///
/// # Examples
///
/// ```
/// use zerospec::flat::FlatEncoder;
///
/// let mut buf = bytes::BytesMut::new();
/// FlatEncoder::new(&mut buf).encode(&(1u8, 2u16))?;
/// assert_eq!(&buf[..], &[1, 2, 0]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait Output: sealed::Sealed {
    /// Appends `bytes`.
    #[doc(hidden)]
    fn extend(&mut self, bytes: &[u8]);

    /// Appends one byte.
    #[doc(hidden)]
    fn push(&mut self, byte: u8);

    /// Appends `count` zero bytes.
    #[doc(hidden)]
    fn zeroes(&mut self, count: usize);

    /// Makes room for `additional` more bytes.
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

    /// The bytes written so far, to fill reserved slots.
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
    fn reserve(&mut self, additional: usize) {
        Vec::reserve(self, additional);
    }

    #[inline]
    fn extend(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        Vec::push(self, byte);
    }

    #[inline]
    fn zeroes(&mut self, count: usize) {
        self.resize(self.len() + count, 0);
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
    fn reserve(&mut self, additional: usize) {
        bytes::BytesMut::reserve(self, additional);
    }

    #[inline]
    fn extend(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        self.extend_from_slice(&[byte]);
    }

    #[inline]
    fn zeroes(&mut self, count: usize) {
        self.resize(self.len() + count, 0);
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
    fn reserve(&mut self, additional: usize) {
        (**self).reserve(additional);
    }

    #[inline]
    fn extend(&mut self, bytes: &[u8]) {
        (**self).extend(bytes);
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        (**self).push(byte);
    }

    #[inline]
    fn zeroes(&mut self, count: usize) {
        (**self).zeroes(count);
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
