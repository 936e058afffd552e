//! Scanning and unescaping JSON strings.
//!
//! [`find_special`] is the hot loop: it finds the next byte a string cannot
//! simply copy (`"`, `\`, a control byte). It works on eight bytes at a time
//! with plain integer arithmetic; a SIMD scanner would replace this one function.
//! [`unescape`] handles everything past the first escape, writing into a
//! [`Sink`]: a `String` for text (no second UTF-8 pass needed) or a `Vec<u8>`
//! for the raw bytes `decode_bytes` returns.

use super::Broken;

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Bytes that end the fast part of a string: `"`, `\` and controls below 0x20.
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The offset of the first `"`, `\` or control byte at or after `i`, or the
/// input's length if there is none.
///
/// Eight bytes at a time: each test sets the high bit of every byte lane that
/// matches, exactly for the lowest matching lane (borrows only run upwards), so
/// the lowest set bit is the answer.
#[inline(always)]
pub(super) fn find_special(input: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = input.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        let quote = word ^ (LOW_BITS * u64::from(b'"'));
        let backslash = word ^ (LOW_BITS * u64::from(b'\\'));
        let found = (quote.wrapping_sub(LOW_BITS) & !quote)
            | (backslash.wrapping_sub(LOW_BITS) & !backslash)
            | (word.wrapping_sub(LOW_BITS * 0x20) & !word);
        let found = found & HIGH_BITS;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = input.get(i) {
        if SPECIAL[usize::from(b)] {
            return i;
        }
        i += 1;
    }
    i
}

/// Where unescaped string contents go.
pub(super) trait Sink {
    /// Appends `input[start..end]`, a run with no escapes.
    fn segment(
        &mut self,
        input: &[u8],
        text: Option<&str>,
        start: usize,
        end: usize,
    ) -> Result<(), Broken>;
    /// Appends one character from an escape.
    fn push(&mut self, c: char);
}

impl Sink for String {
    #[inline]
    fn segment(
        &mut self,
        input: &[u8],
        text: Option<&str>,
        start: usize,
        end: usize,
    ) -> Result<(), Broken> {
        // Known UTF-8 input slices for free (both ends sit next to ASCII);
        // otherwise each run is checked as it is copied.
        let run = match text {
            Some(text) => text.get(start..end),
            None => crate::utf8::as_str_outlined(&input[start..end]),
        };
        match run {
            Some(run) => {
                self.push_str(run);
                Ok(())
            }
            None => Err(("invalid UTF-8", utf8_error_offset(input, start, end))),
        }
    }

    #[inline]
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

impl Sink for Vec<u8> {
    #[inline]
    fn segment(
        &mut self,
        input: &[u8],
        _: Option<&str>,
        start: usize,
        end: usize,
    ) -> Result<(), Broken> {
        self.extend_from_slice(&input[start..end]);
        Ok(())
    }

    #[inline]
    fn push(&mut self, c: char) {
        self.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// The offset of the first byte of `input[start..end]` that breaks UTF-8.
#[cold]
pub(super) fn utf8_error_offset(input: &[u8], start: usize, end: usize) -> usize {
    start + crate::utf8::first_invalid(&input[start..end])
}

/// Unescapes the string whose contents start at `start`, from `i` (the first
/// byte [`find_special`] stopped at) up to the closing quote, into `out`
/// (which the caller cleared). Answers the offset after the closing quote.
#[inline(never)]
pub(super) fn unescape<S: Sink>(
    input: &[u8],
    text: Option<&str>,
    start: usize,
    mut i: usize,
    out: &mut S,
) -> Result<usize, Broken> {
    let mut segment = start;
    loop {
        match input.get(i) {
            Some(b'"') => {
                out.segment(input, text, segment, i)?;
                return Ok(i + 1);
            }
            Some(b'\\') => {
                out.segment(input, text, segment, i)?;
                i = escape(input, i, out)?;
                segment = i;
            }
            Some(_) => return Err(("control character in string", i)),
            None => return Err(("EOF while parsing a string", input.len())),
        }
        i = find_special(input, i);
    }
}

/// Decodes the escape at `i` (a backslash) into `out` and answers the offset after it.
fn escape<S: Sink>(input: &[u8], i: usize, out: &mut S) -> Result<usize, Broken> {
    let plain = match input.get(i + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => return unicode_escape(input, i, out),
        Some(_) => return Err(("invalid escape", i + 1)),
        None => return Err(("EOF while parsing a string", input.len())),
    };
    out.push(plain);
    Ok(i + 2)
}

/// Decodes `\uXXXX` at `i`, with its low surrogate if it is a high one. Lone
/// surrogates are errors: no Rust string can hold them.
fn unicode_escape<S: Sink>(input: &[u8], i: usize, out: &mut S) -> Result<usize, Broken> {
    const INVALID: &str = "invalid unicode code point";
    let high = hex4(input, i + 2)?;
    let (code, next) = match high {
        0xD800..=0xDBFF => {
            if input.get(i + 6..i + 8) != Some(b"\\u") {
                return Err((INVALID, i));
            }
            let low = hex4(input, i + 8)?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err((INVALID, i));
            }
            (0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00), i + 12)
        }
        0xDC00..=0xDFFF => return Err((INVALID, i)),
        _ => (high, i + 6),
    };
    match char::from_u32(code) {
        Some(c) => {
            out.push(c);
            Ok(next)
        }
        None => Err((INVALID, i)),
    }
}

/// Reads four hex digits at `i`.
fn hex4(input: &[u8], i: usize) -> Result<u32, Broken> {
    let mut value = 0;
    for k in i..i + 4 {
        let digit = match input.get(k) {
            Some(&b) => char::from(b).to_digit(16),
            None => return Err(("EOF while parsing a string", input.len())),
        };
        match digit {
            Some(d) => value = value * 16 + d,
            None => return Err(("invalid escape", k)),
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn special_slow(input: &[u8], i: usize) -> usize {
        input[i..]
            .iter()
            .position(|&b| SPECIAL[usize::from(b)])
            .map_or(input.len(), |p| i + p)
    }

    #[test]
    fn find_special_agrees_with_the_table() {
        let mut input = Vec::new();
        for round in 0..3000u32 {
            let b = (round.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0];
            input.push(if round % 7 == 0 { b } else { b | 0x40 });
        }
        for i in 0..input.len() {
            assert_eq!(find_special(&input, i), special_slow(&input, i), "{i}");
        }
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut input = vec![b'a'; 16];
                input[at] = b;
                assert_eq!(find_special(&input, 0), special_slow(&input, 0));
                let mut input = vec![0xffu8; 16];
                input[at] = b;
                assert_eq!(find_special(&input, 0), special_slow(&input, 0));
            }
        }
    }

    #[test]
    fn unescapes_into_text_and_bytes() {
        let input = br#"a\"b\\\/\b\f\n\r\t\u00e9\ud83d\ude00z" tail"#;
        let stop = find_special(input, 0);
        let mut text = String::new();
        assert_eq!(
            unescape(input, None, 0, stop, &mut text),
            Ok(input.len() - 5)
        );
        assert_eq!(text, "a\"b\\/\u{8}\u{c}\n\r\té😀z");
        let mut bytes = Vec::new();
        assert_eq!(
            unescape(input, None, 0, stop, &mut bytes),
            Ok(input.len() - 5)
        );
        assert_eq!(bytes, text.as_bytes());

        let mut raw = Vec::new();
        assert_eq!(unescape(b"\\n\xff\"", None, 0, 0, &mut raw), Ok(4));
        assert_eq!(raw, b"\n\xff");
        let mut text = String::new();
        assert_eq!(
            unescape(b"\\n\xff\"", None, 0, 0, &mut text),
            Err(("invalid UTF-8", 2))
        );
    }
}
