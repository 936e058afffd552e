//! [`Output`]: the growable byte buffers the binary encoders write into.

/// A buffer the binary formats (MessagePack, flat) are written into:
/// `Vec<u8>`, `bytes::BytesMut`, or a mutable reference to either (to reuse
/// one buffer across many values).
///
/// The encoders append, and fill in place what they reserved earlier: a
/// MessagePack map header whose length was not known when the map began, the
/// slots of a flat table whose values are written out of line.
///
/// This trait is sealed; it is implemented for the types above only. JSON has
/// its own text output (`zerospec::json::Output`), which can also fill a `String`.
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

    /// Appends `count` zero bytes.
    #[doc(hidden)]
    fn zeroes(&mut self, count: usize);

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

    /// The bytes written so far, to fill in what was reserved.
    #[doc(hidden)]
    fn bytes_mut(&mut self) -> &mut [u8];

    /// Drops everything after the first `len` bytes.
    #[doc(hidden)]
    fn truncate(&mut self, len: usize);

    /// The buffer type itself, however many `&mut` it is behind.
    #[doc(hidden)]
    type Owned: Output<Owned = Self::Owned> + Default;

    /// True for a reference to a buffer. The encoders then take the buffer
    /// out for the length of one value and put it back: written through a
    /// reference, every append re-reads the buffer's pointer and length
    /// (the compiler cannot tell that the bytes written do not change them),
    /// which made serializing the flat `log` dataset half as slow again.
    #[doc(hidden)]
    const BORROWED: bool;

    /// The buffer itself.
    #[doc(hidden)]
    fn owned(&mut self) -> &mut Self::Owned;
}

/// Runs `write` on the buffer behind `out` taken out by value (see
/// [`Output::BORROWED`]), and puts it back, written or not. If `write`
/// panics, the buffer is left behind `out` empty.
#[inline]
pub(crate) fn detached<O, R>(out: &mut O, write: impl FnOnce(O::Owned) -> (O::Owned, R)) -> R
where
    O: Output + ?Sized,
{
    let slot = out.owned();
    let (buffer, result) = write(std::mem::take(slot));
    *slot = buffer;
    result
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for Vec<u8> {}
    impl Sealed for bytes::BytesMut {}
    impl<O: Sealed + ?Sized> Sealed for &mut O {}
}

/// What [`Output::zeroes`] writes in one go for counts up to its size.
const ZERO_BLOCK: [u8; 128] = [0; 128];

/// `Output` for a growable buffer type, through its own inherent methods.
macro_rules! output_for {
    ($($ty:ty: |$buf:ident, $byte:ident| $push:expr;)*) => {$(
        impl Output for $ty {
            #[inline]
            fn write(&mut self, bytes: &[u8]) {
                self.extend_from_slice(bytes);
            }

            #[inline]
            fn push(&mut self, $byte: u8) {
                let $buf = self;
                $push;
            }

            #[inline]
            fn zeroes(&mut self, count: usize) {
                let len = <$ty>::len(self);
                if count <= ZERO_BLOCK.len() {
                    // A fill of a fixed size is a few stores, where a fill of
                    // a varying size is a call to `memset`; what it writes
                    // past the count is cut off again.
                    self.extend_from_slice(&ZERO_BLOCK);
                    <$ty>::truncate(self, len + count);
                } else {
                    self.resize(len + count, 0);
                }
            }

            #[inline]
            fn reserve(&mut self, additional: usize) {
                <$ty>::reserve(self, additional);
            }

            #[inline]
            fn len(&self) -> usize {
                <$ty>::len(self)
            }

            #[inline]
            fn bytes_mut(&mut self) -> &mut [u8] {
                self
            }

            #[inline]
            fn truncate(&mut self, len: usize) {
                <$ty>::truncate(self, len);
            }

            type Owned = $ty;

            const BORROWED: bool = false;

            #[inline]
            fn owned(&mut self) -> &mut $ty {
                self
            }
        }
    )*};
}

output_for! {
    Vec<u8>: |buf, byte| Vec::push(buf, byte);
    bytes::BytesMut: |buf, byte| buf.extend_from_slice(&[byte]);
}

impl<O: Output + ?Sized> Output for &mut O {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        (**self).write(bytes);
    }

    #[inline]
    fn push(&mut self, byte: u8) {
        (**self).push(byte);
    }

    #[inline]
    fn write_pair(&mut self, header: &[u8], body: &[u8]) {
        (**self).write_pair(header, body);
    }

    #[inline]
    fn zeroes(&mut self, count: usize) {
        (**self).zeroes(count);
    }

    #[inline]
    fn reserve(&mut self, additional: usize) {
        (**self).reserve(additional);
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

    type Owned = O::Owned;

    const BORROWED: bool = true;

    #[inline]
    fn owned(&mut self) -> &mut O::Owned {
        (**self).owned()
    }
}

/// Copies `src` into `dst`, of the same length: short strings with two
/// overlapping fixed-size copies rather than a call to `memcpy`.
#[inline(always)]
pub(crate) fn copy_short(dst: &mut [u8], src: &[u8]) {
    macro_rules! overlapping {
        ($n:literal) => {
            if let (Some(d0), Some(s0), Some(s1)) = (
                dst.first_chunk_mut::<$n>(),
                src.first_chunk::<$n>(),
                src.last_chunk::<$n>(),
            ) {
                *d0 = *s0;
                if let Some(d1) = dst.last_chunk_mut::<$n>() {
                    *d1 = *s1;
                }
                return;
            }
        };
    }
    match src.len() {
        0 => {}
        len @ 1..4 => {
            // Bytes 0, len / 2 and len - 1 cover one to three bytes.
            for at in [0, len / 2, len - 1] {
                if let (Some(d), Some(s)) = (dst.get_mut(at), src.get(at)) {
                    *d = *s;
                }
            }
        }
        4..8 => overlapping!(4),
        8..16 => overlapping!(8),
        16..=32 => overlapping!(16),
        _ => dst.copy_from_slice(src),
    }
}
