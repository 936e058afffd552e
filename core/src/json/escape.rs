//! Writing JSON strings: quoting and escaping exactly as serde_json does.
//!
//! Only `"`, `\` and the control bytes below 0x20 are escaped: the seven with a
//! short form (`\" \\ \b \f \n \r \t`) use it, the rest `\u00XX` in lowercase hex.
//! Nothing else is touched: not `/`, not DEL, not U+2028.

use super::output::Output;

/// For each byte, the letter after the backslash of its escape, `u` for
/// `\u00XX`, or 0 for a byte written as it is. A `const`, not a `static`, so
/// that its bytes are known wherever the encoder is instantiated: checking a
/// field name that is a constant then folds away in the caller's crate too.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// A mask with the high bit set in the lowest byte of `word` that needs escaping
/// (and possibly in bytes above it), or 0 when none does.
///
/// `(x - 0x01..) & !x` sets a byte's high bit when the byte is zero (or, through
/// a borrow, in a byte above one that is): applied to `word - 0x20..` it finds
/// bytes below 0x20, and to `word ^ '"'..` and `word ^ '\\'..` the two
/// characters. The lowest flagged byte is therefore always a true hit.
#[inline]
fn escape_mask(word: u64) -> u64 {
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & HIGHS
}

/// The word of the eight bytes at `at` of `bytes`.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The index of the first byte at or after `from` that needs escaping, or
/// `bytes.len()` when none does: eight bytes at a time, the last word
/// overlapping the one before it, byte by byte only below eight bytes.
#[inline]
fn find_escape(bytes: &[u8], from: usize) -> usize {
    let len = bytes.len();
    if len - from < 8 {
        let mut at = from;
        while at < len {
            if ESCAPE[usize::from(bytes[at])] != 0 {
                return at;
            }
            at += 1;
        }
        return len;
    }
    let mut at = from;
    while at + 8 <= len {
        let mask = escape_mask(word_at(bytes, at));
        if mask != 0 {
            return at + (mask.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    if at < len {
        // The bytes before `at` are clean, so the lowest flagged byte of this
        // overlapping word is a true hit past them.
        let last = len - 8;
        let mask = escape_mask(word_at(bytes, last));
        if mask != 0 {
            return last + (mask.trailing_zeros() / 8) as usize;
        }
    }
    len
}

/// True when `s` can be written between quotes as it is.
#[inline]
pub(crate) fn is_plain(s: &str) -> bool {
    find_escape(s.as_bytes(), 0) == s.len()
}

/// Writes `s` as a quoted, escaped JSON string.
#[inline]
pub(crate) fn write_str<O: Output + ?Sized>(out: &mut O, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push_ascii(b'"');
    let first = find_escape(bytes, 0);
    if first == bytes.len() {
        out.write_str(s);
    } else {
        write_escaped_from(out, s, first);
    }
    out.push_ascii(b'"');
}

/// Writes the body of `s` whose first byte to escape is at `first`.
#[inline(never)]
fn write_escaped_from<O: Output + ?Sized>(out: &mut O, s: &str, first: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut at = first;
    while at < bytes.len() {
        // Runs end at ASCII bytes, so every slice here is on a char boundary.
        out.write_str(&s[start..at]);
        let byte = bytes[at];
        let letter = ESCAPE[usize::from(byte)];
        out.push_ascii(b'\\');
        out.push_ascii(letter);
        if letter == b'u' {
            out.write_str("00");
            out.push_ascii(HEX[usize::from(byte >> 4)]);
            out.push_ascii(HEX[usize::from(byte & 0xf)]);
        }
        start = at + 1;
        at = find_escape(bytes, start);
    }
    out.write_str(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        write_str(&mut out, s);
        out
    }

    #[test]
    fn escapes_exactly_the_json_set() {
        assert_eq!(escaped("plain"), "\"plain\"");
        assert_eq!(escaped("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(escaped("\u{8}\u{c}\n\r\t"), r#""\b\f\n\r\t""#);
        assert_eq!(escaped("\u{0}\u{1f}\u{b}"), r#""\u0000\u001f\u000b""#);
        assert_eq!(escaped("/\u{7f}\u{2028}é"), "\"/\u{7f}\u{2028}é\"");
    }

    #[test]
    fn finds_escapes_at_every_offset() {
        for len in 0..40 {
            for at in 0..len {
                for special in [b'"', b'\\', 0u8, 0x1f, b'\n'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert_eq!(find_escape(&bytes, 0), at, "len {len} at {at}");
                }
                // Bytes that must not trip the scan, including ones next to the set.
                let mut bytes = vec![0x20u8; len];
                bytes[at] = 0xff;
                assert_eq!(find_escape(&bytes, 0), len);
                bytes[at] = b'#';
                assert_eq!(find_escape(&bytes, 0), len);
                bytes[at] = b']';
                assert_eq!(find_escape(&bytes, 0), len);
            }
        }
    }

    #[test]
    fn high_bytes_never_hide_a_later_escape() {
        let s = "ééééé\"ééé\u{1}";
        assert_eq!(escaped(s), "\"ééééé\\\"ééé\\u0001\"");
    }
}
