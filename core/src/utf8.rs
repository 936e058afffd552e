//! UTF-8 validation, shared by every format. The crate's two `unsafe`
//! blocks live here: each turns bytes this module has just checked into text
//! without checking them again.
//!
//! Valid text is checked with SIMD where the CPU has it (the `simdutf8`
//! crate, simdjson's algorithm). simdutf8 hands inputs shorter than one
//! 64-byte block to the standard library's check, which walks multi-byte
//! text a character at a time: on `twitter.json` as MessagePack, mostly short
//! Japanese strings, that was a fifth of all decoding instructions. So short
//! text that is not plain ASCII is copied into a zero-padded block and
//! checked with SIMD too. Only when a check fails does the standard library
//! locate the first bad byte, so the error path costs nothing on valid input.

/// The length simdutf8 checks with SIMD.
const BLOCK: usize = 64;

/// `bytes` as text, or `None` when they are not UTF-8.
#[inline(always)]
pub(crate) fn as_str(bytes: &[u8]) -> Option<&str> {
    if is_ascii(bytes) || is_utf8(bytes) {
        // SAFETY: `is_utf8` just checked that `bytes` are UTF-8: with
        // simdutf8 itself, or as ASCII (a subset of UTF-8), or with
        // `short_is_utf8`, whose padded block is UTF-8 only if `bytes` are
        // (see there).
        Some(unsafe { std::str::from_utf8_unchecked(bytes) })
    } else {
        None
    }
}

/// Whether `bytes` are ASCII. Up to 32 bytes, two overlapping loads of the
/// widest word that fits cover the string (the first and the last bytes), so
/// the check is a few instructions with one branch on the length's size
/// class, where the standard library's walks short strings a byte at a time.
/// Longer strings go to [`long_is_ascii`].
#[inline(always)]
fn is_ascii(bytes: &[u8]) -> bool {
    macro_rules! overlapping {
        ($n:literal, $word:ty) => {
            if let (Some(first), Some(last)) = (bytes.first_chunk::<$n>(), bytes.last_chunk::<$n>())
            {
                let high = <$word>::from_ne_bytes([0x80; $n]);
                return (<$word>::from_ne_bytes(*first) | <$word>::from_ne_bytes(*last)) & high
                    == 0;
            }
        };
    }
    match bytes.len() {
        0 => return true,
        len @ 1..4 => {
            // Bytes 0, len / 2 and len - 1 cover one to three bytes.
            let mut any = 0;
            for at in [0, len / 2, len - 1] {
                any |= bytes.get(at).copied().unwrap_or(0);
            }
            return any < 0x80;
        }
        4..8 => overlapping!(4, u32),
        8..16 => overlapping!(8, u64),
        16..=32 => overlapping!(16, u128),
        _ => {}
    }
    long_is_ascii(bytes)
}

/// Whether `bytes`, longer than 32, are ASCII: whole 64-byte blocks with the
/// standard library's check (a SIMD loop over blocks), then the rest 16
/// bytes at a time and the last 16 bytes in one load that may overlap those
/// already seen. The standard library's check alone ends with a loop of
/// single bytes, which on `twitter.json` ran some 30 times per string of 64
/// bytes or more.
#[inline]
fn long_is_ascii(bytes: &[u8]) -> bool {
    const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
    let word = |chunk: &[u8; 16]| u128::from_ne_bytes(*chunk);
    let (blocks, rest) = bytes.as_chunks::<64>();
    if !blocks.is_empty() && !blocks.as_flattened().is_ascii() {
        return false;
    }
    let (chunks, _) = rest.as_chunks::<16>();
    let last = bytes.last_chunk::<16>().map_or(0, word);
    chunks.iter().fold(last, |any, chunk| any | word(chunk)) & HIGH == 0
}

/// An owned copy of `window[..len]` when that is ASCII and `len` is at most
/// `W`; `None` otherwise. The whole window is copied and then cut, and the
/// check masks the window sixteen bytes at a time, so neither has a branch
/// that depends on the length: copying short strings of varying length
/// through `memcpy` mispredicted almost three times a string in the `log`
/// dataset. The capacity is `W`, which for 16 or 32 is the size class
/// `malloc` would round a shorter string up to anyway, or one above it.
#[inline]
fn short_ascii_string<const W: usize>(window: &[u8; W], len: usize) -> Option<String> {
    const HIGH_BITS: u128 = u128::from_le_bytes([0x80; 16]);
    if len > W {
        return None;
    }
    let mut high = 0;
    for (index, chunk) in window.chunks_exact(16).enumerate() {
        // The bytes of this chunk that lie below `len`, as a mask of ones.
        let kept = len.saturating_sub(index * 16).min(16);
        let shift = u32::try_from((16 - kept) * 8).unwrap_or(128);
        let mask = u128::MAX.checked_shr(shift).unwrap_or(0);
        let word = u128::from_le_bytes(chunk.try_into().unwrap_or([0; 16]));
        high |= word & mask & HIGH_BITS;
    }
    if high != 0 {
        return None;
    }
    let mut bytes = Vec::with_capacity(W);
    bytes.extend_from_slice(window);
    bytes.truncate(len);
    // SAFETY: the `len` bytes kept are ASCII (their high bits were just
    // checked under the masks, and `len <= W` so every kept byte was under
    // one), and ASCII is UTF-8.
    Some(unsafe { String::from_utf8_unchecked(bytes) })
}

/// An owned copy of the first `len` bytes of `rest` (a string's bytes and
/// whatever input follows them) when they are ASCII and `len` is at most 32:
/// through [`short_ascii_string`] with the smaller window of 16 or 32 bytes
/// that holds them, when `rest` is that long. `None` otherwise. An empty
/// string allocates nothing.
#[inline]
pub(crate) fn short_ascii_prefix(rest: &[u8], len: usize) -> Option<String> {
    if len == 0 {
        Some(String::new())
    } else if len <= 16 {
        rest.first_chunk::<16>()
            .and_then(|window| short_ascii_string(window, len))
    } else {
        rest.first_chunk::<32>()
            .and_then(|window| short_ascii_string(window, len))
    }
}

/// [`as_str`], never inlined: for callers where text is rarely checked here,
/// which should not grow by the ASCII loop.
#[inline(never)]
pub(crate) fn as_str_outlined(bytes: &[u8]) -> Option<&str> {
    as_str(bytes)
}

/// Whether `bytes` are UTF-8. Kept out of line so that callers, mostly hot
/// decoding loops, stay small.
#[inline(never)]
fn is_utf8(bytes: &[u8]) -> bool {
    if bytes.len() >= BLOCK {
        simdutf8::basic::from_utf8(bytes).is_ok()
    } else {
        short_is_utf8(bytes)
    }
}

/// Whether `bytes`, shorter than [`BLOCK`], are UTF-8: checked with SIMD in
/// a copy padded with zeros. The padding cannot change the answer: a zero
/// byte is a whole character and never continues one, so the padded block
/// splits into characters exactly where `bytes` ends, and is valid if and
/// only if `bytes` is.
#[inline(never)]
fn short_is_utf8(bytes: &[u8]) -> bool {
    let mut block = [0u8; BLOCK];
    block[..bytes.len()].copy_from_slice(bytes);
    simdutf8::basic::from_utf8(&block).is_ok()
}

/// `bytes` as text, or the offset of the first byte that breaks UTF-8.
#[inline(always)]
pub(crate) fn check(bytes: &[u8]) -> Result<&str, usize> {
    as_str(bytes).ok_or_else(|| first_invalid(bytes))
}

/// The offset of the first byte of `bytes` that breaks UTF-8 (its length when
/// there is none).
#[cold]
#[inline(never)]
pub(crate) fn first_invalid(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).map_or_else(|err| err.valid_up_to(), str::len)
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, as_str, check, first_invalid, is_ascii, short_ascii_string};

    #[test]
    fn agrees_with_the_standard_library() {
        // Long enough for the SIMD path, with multi-byte text, and broken at
        // every position.
        // (Under Miri, which is slow, twice is past the SIMD block still.)
        let text =
            "ascii then 日本語のテキスト and é, ü, 𝄞 ".repeat(if cfg!(miri) { 2 } else { 8 });
        assert_eq!(as_str(text.as_bytes()), Some(text.as_str()));
        for cut in 0..text.len() {
            let mut bytes = text.as_bytes().to_vec();
            bytes[cut] = 0xff;
            assert_eq!(as_str(&bytes), None, "0xff at {cut}");
            let expected = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
            assert_eq!(check(&bytes), Err(expected), "0xff at {cut}");
            let prefix = &text.as_bytes()[..cut];
            assert_eq!(
                as_str(prefix).is_some(),
                std::str::from_utf8(prefix).is_ok(),
                "prefix of {cut}"
            );
        }
        assert_eq!(first_invalid(b"ok"), 2);
    }

    #[test]
    fn short_text_is_checked_exactly() {
        // Every length below and around one block, each cut of a multi-byte
        // character at the end (which the zero padding must not complete),
        // and each stray or overlong byte.
        let text = "aé日𝄞".repeat(12);
        for end in 0..=text.len().min(BLOCK + 8) {
            let bytes = &text.as_bytes()[..end];
            assert_eq!(
                as_str(bytes),
                std::str::from_utf8(bytes).ok(),
                "length {end}"
            );
        }
        for bad in [
            &b"\xc3"[..],
            b"\xe6\x97",
            b"\xf0\x9d\x84",
            b"\x80",
            b"\xc0\x80",
            b"\xed\xa0\x80",
        ] {
            for pad in 0..BLOCK {
                let mut bytes = vec![b'x'; pad];
                bytes.extend_from_slice(bad);
                assert_eq!(as_str(&bytes), None, "{bad:?} after {pad} bytes");
                assert_eq!(check(&bytes), Err(pad), "{bad:?} after {pad} bytes");
            }
        }
    }

    #[test]
    fn ascii_is_checked_at_every_byte() {
        // Each length up to and past the overlapping-word sizes and three
        // 64-byte blocks, with one non-ASCII byte at each position:
        // `is_ascii` must see every byte.
        for len in 0..=if cfg!(miri) { 72 } else { 200 } {
            let ascii = vec![b'a'; len];
            assert!(is_ascii(&ascii), "length {len}");
            assert_eq!(as_str(&ascii).map(str::len), Some(len));
            for at in 0..len {
                let mut bytes = ascii.clone();
                bytes[at] = 0x80;
                assert!(!is_ascii(&bytes), "0x80 at {at} of {len}");
                assert_eq!(as_str(&bytes), None, "0x80 at {at} of {len}");
            }
        }
    }

    #[test]
    fn short_ascii_strings_are_cut_from_their_window() {
        let window = *b"abcdefghijklmnop";
        for len in 0..=16 {
            assert_eq!(
                short_ascii_string(&window, len).as_deref(),
                Some(&"abcdefghijklmnop"[..len])
            );
        }
        assert_eq!(short_ascii_string(&window, 17), None);
        let long = *b"0123456789abcdef0123456789ABCDEF";
        for len in 0..=32 {
            assert_eq!(
                short_ascii_string(&long, len).as_deref(),
                Some(&"0123456789abcdef0123456789ABCDEF"[..len])
            );
            let mut broken = long;
            broken[len.saturating_sub(1)] = 0xc3;
            let expected = if len == 0 { Some("") } else { None };
            assert_eq!(
                short_ascii_string(&broken, len).as_deref(),
                expected,
                "{len}"
            );
        }
        // A byte past `len` may be anything; one inside it must be ASCII.
        let mut window = *b"abc\xffdefghijklmno";
        window[3] = 0xff;
        assert_eq!(short_ascii_string(&window, 3).as_deref(), Some("abc"));
        assert_eq!(short_ascii_string(&window, 4), None);
        assert_eq!(short_ascii_string(&window, 16), None);
    }
}
