//! Floats in JSON: formatted by zmij as serde_json formats them, and copied
//! into the output without a call to copy a slice of unknown length.
//!
//! Arrays of floats (`Vec<f64>`, `[f32; 3]`, a list of `[f64; 2]` points) are
//! written in batches: a batch of floats is formatted first, each into its
//! own buffer, and only then copied out. Reading a number straight back
//! after zmij has written it stalls the processor (the load cannot be served
//! from zmij's many narrower stores still in flight); by the time a batch is
//! copied, those stores have landed. In the compact layout the batches go
//! into a window of the output grown once for many of them, so the brackets
//! and commas between floats cost a plain store each, not a capacity check each.

use super::super::output::Output;

/// The longest float zmij writes: `-1.2345678901234567e-308`.
const FLOAT_MAX: usize = 24;

/// How many floats are formatted before any of them is copied out.
const BATCH: usize = 8;

/// The longest rows written in batches; longer ones are arrays of their own.
pub(super) const MAX_ROW: usize = BATCH;

/// Arrays of at most this many floats are written into one small window.
const SMALL_FLOATS: usize = 4;

/// Bytes at the end of a window that only the fixed-size moves of a float
/// (and its comma) written before them may reach: positions are clamped
/// below them, so the compiler sees every write in bounds.
const SLACK: usize = FLOAT_MAX + 1;

/// A small window: [`SMALL_FLOATS`] floats each with a comma after it, in
/// rows of at least one with `[` and `],` around each, the opening bracket,
/// and the slack.
const SMALL_WINDOW: usize = SMALL_FLOATS * (FLOAT_MAX + 3) + 1 + SLACK;

/// The window a long array is written into at a time: large enough that
/// growing the buffer is rare, small enough to stay in the L1 cache (and
/// for the C library to clear it with vector stores).
const WINDOW: usize = 2048;

// Every window holds the opening bracket and a whole batch (with a bracket
// and a comma around each float at most), so each window makes progress.
const _: () = assert!(WINDOW - SLACK > BATCH * (FLOAT_MAX + 3));

/// A float the JSON encoder writes: `f32` or `f64`.
#[doc(hidden)]
pub trait JsonFloat: zmij::Float + Copy {
    /// False for NaN and the infinities, which JSON writes as `null`.
    fn finite(self) -> bool;
}

impl JsonFloat for f32 {
    #[inline]
    fn finite(self) -> bool {
        self.is_finite()
    }
}

impl JsonFloat for f64 {
    #[inline]
    fn finite(self) -> bool {
        self.is_finite()
    }
}

/// Copies `text` to the start of `dst`, returning its length.
///
/// A formatted number is short, so instead of a call to copy a slice of
/// unknown length this copies two fixed-size blocks that overlap in the
/// middle: 16-byte blocks cover lengths 16 to 32, 8-byte blocks 8 to 16, and
/// so on down.
///
/// # Panics
///
/// Panics if `dst` is shorter than `text`.
#[inline(always)]
fn put_short(dst: &mut [u8], text: &[u8]) -> usize {
    let len = text.len();
    let dst = &mut dst[..len];
    if len > 32 {
        dst.copy_from_slice(text);
    } else if len >= 16 {
        dst[..16].copy_from_slice(&text[..16]);
        dst[len - 16..].copy_from_slice(&text[len - 16..]);
    } else if len >= 8 {
        dst[..8].copy_from_slice(&text[..8]);
        dst[len - 8..].copy_from_slice(&text[len - 8..]);
    } else if len >= 4 {
        dst[..4].copy_from_slice(&text[..4]);
        dst[len - 4..].copy_from_slice(&text[len - 4..]);
    } else if len > 0 {
        dst[0] = text[0];
        dst[len / 2] = text[len / 2];
        dst[len - 1] = text[len - 1];
    }
    len
}

/// Appends one float as serde_json writes it: zmij's shortest round-trip
/// form, or `null` when it is not finite.
#[inline]
pub(super) fn write_float<O: Output + ?Sized, T: JsonFloat>(out: &mut O, value: T) {
    out.write_ascii_with::<FLOAT_MAX>(|window| {
        if value.finite() {
            put_short(window, zmij::Buffer::new().format_finite(value).as_bytes())
        } else {
            put_short(window, b"null")
        }
    });
}

/// Appends `items` as a compact JSON array: flat (`[1.5,2.0]`) when `W` is
/// 0, else in rows of `W` (`[[1.5,2.0],[3.0,4.0]]`).
///
/// `items.len()` must be a multiple of `W`, and `W` at most [`MAX_ROW`]; an
/// empty `items` writes `[]`.
#[inline]
pub(super) fn write_compact<O: Output + ?Sized, T: JsonFloat, const W: usize>(
    out: &mut O,
    items: &[T],
) {
    debug_assert!(W <= MAX_ROW && (W == 0 || items.len().is_multiple_of(W)));
    if items.is_empty() {
        out.write_str("[]");
        return;
    }
    let mut rest = items;
    if items.len() <= SMALL_FLOATS {
        out.write_ascii_with::<SMALL_WINDOW>(|window| {
            fill::<T, W, SMALL_WINDOW>(window, &mut rest, true)
        });
    } else {
        out.write_ascii_with::<WINDOW>(|window| fill::<T, W, WINDOW>(window, &mut rest, true));
    }
    while !rest.is_empty() {
        out.write_ascii_with::<WINDOW>(|window| fill::<T, W, WINDOW>(window, &mut rest, false));
    }
}

/// Writes whole batches from the front of `rest` into `window`, short of its
/// slack, for as long as they surely fit: the opening bracket first if `open`, and
/// the closing bracket once `rest` is empty. Returns the bytes written.
#[inline]
fn fill<T: JsonFloat, const W: usize, const N: usize>(
    window: &mut [u8; N],
    rest: &mut &[T],
    open: bool,
) -> usize {
    let span = N - SLACK;
    // Floats per row, and per batch: whole rows.
    let row = if W == 0 { 1 } else { W };
    let batch_len = BATCH / row * row;
    // The most `len` floats write: each float and its comma, each row's brackets.
    let room = |len: usize| len * (FLOAT_MAX + 1) + if W == 0 { 0 } else { len / row * 2 };
    let mut pos = 0;
    if open {
        window[0] = b'[';
        pos = 1;
    }
    // Full batches, of a length known when compiling, so their loops unroll.
    while rest.len() >= batch_len && pos + room(batch_len) <= span {
        let (batch, tail) = rest.split_at(batch_len);
        pos = put_batch::<T, W, N>(window, pos, batch);
        *rest = tail;
    }
    // The remainder, shorter than a batch, once it surely fits.
    if !rest.is_empty() && rest.len() < batch_len && pos + room(rest.len()) <= span {
        pos = put_batch::<T, W, N>(window, pos, rest);
        *rest = &[];
    }
    if rest.is_empty() {
        // Over the comma after the last element, which every non-empty array has.
        window[pos - 1] = b']';
    }
    pos
}

/// Writes `batch` (at most [`BATCH`] floats, in whole rows of `W`) into
/// `window` at `pos`, each float followed by a comma and each row (when `W`
/// is not 0) enclosed in brackets and followed by a comma. Returns the new
/// position, which the caller has made sure stays short of the window's slack.
#[inline(always)]
fn put_batch<T: JsonFloat, const W: usize, const N: usize>(
    window: &mut [u8; N],
    mut pos: usize,
    batch: &[T],
) -> usize {
    let row = if W == 0 { 1 } else { W };
    // Format every float of the batch before copying any of them out.
    let mut buffers: [zmij::Buffer; BATCH] = std::array::from_fn(|_| zmij::Buffer::new());
    let mut texts: [&[u8]; BATCH] = [b""; BATCH];
    for ((buffer, text), &item) in buffers.iter_mut().zip(&mut texts).zip(batch) {
        // zmij writes some number for NaN and the infinities, replaced below.
        *text = buffer.format_finite(item).as_bytes();
    }
    // One test for the whole batch, without a branch per float.
    if !batch.iter().fold(true, |all, item| all & item.finite()) {
        for (text, item) in texts.iter_mut().zip(batch) {
            if !item.finite() {
                *text = b"null";
            }
        }
    }
    for texts in texts[..batch.len()].chunks_exact(row) {
        if W != 0 {
            window[pos.min(N - SLACK)] = b'[';
            pos += 1;
        }
        for text in texts {
            pos = put_text(window, pos, text);
        }
        if W != 0 {
            window[(pos - 1).min(N - SLACK)] = b']';
            window[pos.min(N - SLACK)] = b',';
            pos += 1;
        }
    }
    pos
}

/// Writes `text` and a comma into `window` at `pos`, which is short of the
/// window's slack; returns the position after the comma.
#[inline(always)]
fn put_text<const N: usize>(window: &mut [u8; N], pos: usize, text: &[u8]) -> usize {
    let len = text.len();
    if len > FLOAT_MAX {
        // Longer than zmij ever writes: copied with every bound checked.
        let end = pos + put_short(&mut window[pos..], text);
        window[end] = b',';
        return end + 1;
    }
    // The clamp changes nothing (`pos` is short of the slack), but shows the
    // compiler that the fixed-size moves below stay in bounds.
    debug_assert!(pos <= N - SLACK);
    let at = pos.min(N - SLACK);
    let dst = &mut window[at..at + SLACK];
    put_short(dst, text);
    dst[len] = b',';
    at + len + 1
}

#[cfg(test)]
mod tests {
    use crate::Encode;
    use crate::json::JsonEncoder;

    /// Floats of every kind: every length zmij writes, both notations, the
    /// subnormals, the non-finite ones, and random bit patterns.
    fn floats(count: usize, seed: u64) -> Vec<f64> {
        let special = [
            0.0,
            -0.0,
            1.0,
            -0.5,
            0.1,
            1e21,
            1e-7,
            123_456_789.0,
            -65.613_616_999_999_98,
            5e-324,
            -1.234_567_890_123_456_7e-308,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut state = seed | 1;
        (0..count)
            .map(|index| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                match state % 4 {
                    0 => special[index % special.len()],
                    1 => f64::from_bits(state),
                    // Short decimals, as most real data holds.
                    2 => (state % 100_000) as f64 / 100.0,
                    _ => (state >> 11) as f64 / (1u64 << 53) as f64 * 360.0 - 180.0,
                }
            })
            .collect()
    }

    /// Checks every output and layout of `value` against serde_json.
    fn same_as_serde<T: Encode + serde::Serialize + ?Sized>(value: &T) {
        let expected = serde_json::to_string(value).unwrap();
        assert_eq!(crate::json::to_string(value).unwrap(), expected);
        assert_eq!(crate::json::to_vec(value).unwrap(), expected.as_bytes());
        let mut prefixed = b"x".to_vec();
        value.encode(&mut JsonEncoder::new(&mut prefixed)).unwrap();
        assert_eq!(&prefixed[1..], expected.as_bytes());
        let mut frame = bytes::BytesMut::new();
        value.encode(&mut JsonEncoder::new(&mut frame)).unwrap();
        assert_eq!(&frame[..], expected.as_bytes());
        let pretty = serde_json::to_string_pretty(value).unwrap();
        assert_eq!(crate::json::to_string_pretty(value).unwrap(), pretty);
    }

    #[test]
    fn float_arrays_match_serde_json() {
        for len in 0..40 {
            let items = floats(len, len as u64);
            same_as_serde(&items);
            same_as_serde(&items[..]);
            let narrow: Vec<f32> = items.iter().map(|&x| x as f32).collect();
            same_as_serde(&narrow);
        }
        // Long enough to take many windows.
        same_as_serde(&floats(5000, 7));
        same_as_serde(&[0.5f64; 3]);
        same_as_serde(&[f64::NAN; 1]);
        same_as_serde(&[1.5f32, 2.0]);
        same_as_serde(&[0.0f64; 0]);
    }

    /// Checks lists of rows of `$n` floats, as `Vec<[f64; $n]>`, against serde_json.
    macro_rules! rows_match {
        ($n:literal) => {
            for len in [0, 1, 2, 3, 4, 5, 9, 17, 100, 3000] {
                let flat = floats(len * $n, (len * 31 + $n) as u64);
                let rows: Vec<[f64; $n]> = flat
                    .chunks_exact($n)
                    .map(|chunk| std::array::from_fn(|i| chunk[i]))
                    .collect();
                same_as_serde(&rows);
                let narrow: Vec<[f32; $n]> = rows.iter().map(|row| row.map(|x| x as f32)).collect();
                same_as_serde(&narrow);
                // Rings of points, as GeoJSON nests them.
                same_as_serde(&vec![rows.clone(), Vec::new(), rows]);
            }
        };
    }

    #[test]
    fn float_rows_match_serde_json() {
        rows_match!(1);
        rows_match!(2);
        rows_match!(3);
        rows_match!(4);
        rows_match!(7);
        rows_match!(8);
        rows_match!(9);
        rows_match!(16);
        let empty_rows: Vec<[f64; 0]> = vec![[], [], []];
        same_as_serde(&empty_rows);
        let none: Vec<[f64; 0]> = Vec::new();
        same_as_serde(&none);
    }
}
