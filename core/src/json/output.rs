//! Where the JSON encoder writes: a caller's growable buffer.

/// A buffer the JSON encoder can append to: `Vec<u8>`, `String` or `bytes::BytesMut`.
///
/// The trait is sealed: zerospec implements it for the buffers it supports, so
/// the encoder's writes compile down to the buffer's own `push` and
/// `extend_from_slice`, with no dynamic dispatch and no I/O error to check.
/// The encoder only ever hands it whole UTF-8 fragments, which is what lets a
/// `String` be a target without validating the output afterwards.
///
/// # Examples
///
/// ```
/// use zerospec::Encode;
/// use zerospec::json::JsonEncoder;
///
/// let mut text = String::from("value: ");
/// [1, 2].encode(&mut JsonEncoder::new(&mut text))?;
/// assert_eq!(text, "value: [1,2]");
///
/// let mut frame = bytes::BytesMut::new();
/// "hi".encode(&mut JsonEncoder::new(&mut frame))?;
/// assert_eq!(&frame[..], b"\"hi\"");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait Output: sealed::Sealed {
    /// Makes room for at least `additional` more bytes.
    #[doc(hidden)]
    fn reserve(&mut self, additional: usize);

    /// Appends a fragment of the document.
    #[doc(hidden)]
    fn write_str(&mut self, fragment: &str);

    /// Appends one ASCII byte (punctuation, an escape letter).
    #[doc(hidden)]
    fn push_ascii(&mut self, byte: u8);

    /// Appends ASCII bytes (a key with its punctuation, staged whole).
    #[doc(hidden)]
    fn write_ascii(&mut self, bytes: &[u8]);

    /// Appends up to `N` ASCII bytes that `fill` writes at the start of the
    /// array it is given, returning how many it wrote.
    ///
    /// Short fragments of varying length (a formatted number) go through this
    /// rather than [`Output::write_str`]: the bytes land in the buffer with
    /// fixed-size stores instead of a call to copy a slice of unknown length.
    #[doc(hidden)]
    fn write_ascii_with<const N: usize>(&mut self, fill: impl FnOnce(&mut [u8; N]) -> usize);

    /// How many bytes the buffer holds.
    #[doc(hidden)]
    fn written_len(&self) -> usize;

    /// Drops everything after the first `len` bytes, to undo a failed encode.
    #[doc(hidden)]
    fn truncate(&mut self, len: usize);
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for Vec<u8> {}
    impl Sealed for String {}
    impl Sealed for bytes::BytesMut {}
}

/// `Output` for a byte buffer, through its own inherent methods.
macro_rules! byte_buffer {
    ($($ty:ty: |$buf:ident, $byte:ident| $push:expr;)*) => {$(
        impl Output for $ty {
            #[inline]
            fn reserve(&mut self, additional: usize) {
                <$ty>::reserve(self, additional);
            }

            #[inline]
            fn write_str(&mut self, fragment: &str) {
                self.extend_from_slice(fragment.as_bytes());
            }

            #[inline]
            fn push_ascii(&mut self, $byte: u8) {
                debug_assert!($byte.is_ascii());
                let $buf = self;
                $push;
            }

            #[inline]
            fn write_ascii(&mut self, bytes: &[u8]) {
                debug_assert!(bytes.is_ascii());
                self.extend_from_slice(bytes);
            }

            #[inline]
            fn write_ascii_with<const N: usize>(
                &mut self,
                fill: impl FnOnce(&mut [u8; N]) -> usize,
            ) {
                // Grow by a whole window of constant size, let `fill` write
                // into it, then cut back to what it wrote: no copy of unknown
                // length anywhere.
                let start = <$ty>::len(self);
                self.extend_from_slice(&[0; N]);
                let written = match self[start..].first_chunk_mut::<N>() {
                    Some(window) => fill(window).min(N),
                    None => 0,
                };
                debug_assert!(self[start..start + written].is_ascii());
                <$ty>::truncate(self, start + written);
            }

            #[inline]
            fn written_len(&self) -> usize {
                <$ty>::len(self)
            }

            #[inline]
            fn truncate(&mut self, len: usize) {
                <$ty>::truncate(self, len);
            }
        }
    )*};
}

byte_buffer! {
    Vec<u8>: |buf, byte| Vec::push(buf, byte);
    bytes::BytesMut: |buf, byte| buf.extend_from_slice(&[byte]);
}

impl Output for String {
    #[inline]
    fn reserve(&mut self, additional: usize) {
        String::reserve(self, additional);
    }

    #[inline]
    fn write_str(&mut self, fragment: &str) {
        self.push_str(fragment);
    }

    #[inline]
    fn push_ascii(&mut self, byte: u8) {
        debug_assert!(byte.is_ascii());
        self.push(char::from(byte));
    }

    #[inline(always)]
    fn write_ascii(&mut self, bytes: &[u8]) {
        // The shared check takes a few instructions on short ASCII, where
        // `String::from_utf8_lossy` walked every fragment through its chunk
        // iterator (60% of encoding `twitter` into a `String`). Callers pass
        // ASCII, so the lossy path is only there to stay total.
        match crate::utf8::as_str(bytes) {
            Some(text) => self.push_str(text),
            None => self.push_str(&String::from_utf8_lossy(bytes)),
        }
    }

    #[inline]
    fn write_ascii_with<const N: usize>(&mut self, fill: impl FnOnce(&mut [u8; N]) -> usize) {
        let mut window = [0; N];
        let written = fill(&mut window).min(N);
        self.write_ascii(window.get(..written).unwrap_or_default());
    }

    #[inline]
    fn written_len(&self) -> usize {
        String::len(self)
    }

    #[inline]
    fn truncate(&mut self, len: usize) {
        String::truncate(self, len);
    }
}
