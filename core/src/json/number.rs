//! JSON numbers: the strict RFC 8259 grammar, exact integers and correctly rounded floats.
//!
//! The decoder's typed integer reads have their own tight loop ([`parse_digits`]);
//! everything else (floats, schemaless numbers, skipping, the error paths of the
//! integer reads) goes through [`scan`], which checks the whole grammar once and
//! keeps what the conversions need.

use crate::decode::Number;

/// A JSON number that passed the grammar, as [`scan`] saw it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scanned {
    /// Offset of the first byte (the `-` or the first digit).
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
    pub negative: bool,
    /// True when a fraction or an exponent follows the integer part.
    pub is_float: bool,
    /// The digits of the integer part, `digits_start..digits_end`.
    pub digits_start: usize,
    pub digits_end: usize,
    /// Up to 19 significant decimal digits, the value being `mantissa * 10^exp10`...
    pub mantissa: u64,
    pub exp10: i64,
    /// ...exactly, unless more significant digits were dropped.
    pub truncated: bool,
}

/// Where the grammar broke: a message and the offset of the offending byte.
pub(crate) type Broken = (&'static str, usize);

mod pow5;

/// Exponents are clamped here while scanning: anything this large is already
/// zero or infinity, and the clamp keeps hostile exponents from overflowing.
const EXP_CLAMP: i64 = 1 << 40;

/// Reads the run of ASCII digits at `i`, as a wrapping `u64` accumulation.
///
/// Returns the value and the offset after the run. The value is exact when the
/// run has at most 19 digits; callers check the length before trusting it.
#[inline(always)]
pub(crate) fn parse_digits(input: &[u8], i: usize) -> (u64, usize) {
    let mut value = 0;
    let end = take_digits(input, i, &mut value);
    (value, end)
}

/// Appends the run of ASCII digits at `i` to `acc` (wrapping) and answers the
/// offset after it. Up to eight digits at a time while eight bytes remain.
#[inline(always)]
fn take_digits(input: &[u8], mut i: usize, acc: &mut u64) -> usize {
    while let Some(chunk) = input.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let (count, value) = leading_digits(u64::from_le_bytes(*chunk));
        *acc = acc.wrapping_mul(POW10_U64[count]).wrapping_add(value);
        i += count;
        if count < 8 {
            return i;
        }
    }
    while let Some(&c) = input.get(i) {
        let digit = c.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        *acc = acc.wrapping_mul(10).wrapping_add(u64::from(digit));
        i += 1;
    }
    i
}

/// Powers of ten up to 10^8, as integers.
const POW10_U64: [u64; 9] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
];

/// How many of the eight bytes of `word` (read little-endian, so the first byte
/// is the lowest) are ASCII digits before the first that is not, and their value.
#[inline(always)]
fn leading_digits(word: u64) -> (usize, u64) {
    let (count, digits) = digit_run(word);
    (count, first_digits(digits, count))
}

/// Ones in every byte.
const LOW: u64 = 0x0101_0101_0101_0101;

/// How many of the eight bytes of `word` are ASCII digits before the first
/// that is not, and the word with `0` taken from every byte (so the digits
/// are their values; the bytes after them are garbage).
#[inline(always)]
fn digit_run(word: u64) -> (usize, u64) {
    let (digits, flagged) = digit_flags(word);
    ((flagged.trailing_zeros() / 8) as usize, digits)
}

/// The word with `0` taken from every byte, and the high bit of every byte
/// of `word` that is not an ASCII digit.
#[inline(always)]
fn digit_flags(word: u64) -> (u64, u64) {
    // A byte above `9` carries into its high bit when 0x46 is added; a byte
    // below `0` borrows into it when 0x30 is taken. Carries and borrows only
    // run upwards, so the lowest flagged byte is exactly the first non-digit.
    let digits = word.wrapping_sub(0x30 * LOW);
    let flagged = (word.wrapping_add(0x46 * LOW) | digits) & (0x80 * LOW);
    (digits, flagged)
}

/// The value of the first `count` (0 to 8) digit bytes of `digits`, as
/// [`digit_run`] leaves them.
#[inline(always)]
fn first_digits(digits: u64, count: usize) -> u64 {
    // Shift the digits to the top: the bytes after them fall off, and zero
    // bytes (leading zeros) come in below; a count of zero shifts all out.
    #[allow(clippy::cast_possible_truncation)]
    let shift = (8 * (8 - count)) as u32;
    eight_digits(digits.checked_shl(shift).unwrap_or(0))
}

/// The value of eight digit bytes (each 0 to 9, the first the most significant).
#[inline(always)]
fn eight_digits(digits: u64) -> u64 {
    // Pairs, then quads, then all eight: weights 10, 100 and 10000.
    let pairs = (digits * 10 + (digits >> 8)) & 0x00ff_00ff_00ff_00ff;
    let quads = (pairs * 100 + (pairs >> 16)) & 0x0000_ffff_0000_ffff;
    (quads * 10_000 + (quads >> 32)) & 0xffff_ffff
}

/// True when the byte at `i` continues a number as a fraction or an exponent.
#[inline(always)]
pub(crate) fn continues_as_float(input: &[u8], i: usize) -> bool {
    matches!(input.get(i), Some(b'.' | b'e' | b'E'))
}

/// Reads the number at `start` as the nearest `f64`, answering it and the
/// offset after the number.
///
/// # Errors
///
/// As [`scan`], and `number out of range` (at `start`) beyond `f64`.
// Always, with `eisel_lemire`: in a build of one codegen unit with LTO,
// LLVM left both calls, and decoding `canada.json` took 33.8M instructions
// instead of 27.6M.
#[inline(always)]
pub(crate) fn parse_f64(input: &[u8], start: usize) -> Result<(f64, usize), Broken> {
    if let Some(done) = fast_f64(input, start) {
        return Ok(done);
    }
    // `scan` inlines here, so its fields stay in registers.
    let scanned = scan(input, start)?;
    match to_f64(input, &scanned) {
        Some(value) => Ok((value, scanned.end)),
        None => Err(("number out of range", start)),
    }
}

/// How many bytes [`fast_f64`] reads at once: enough for the sign, three
/// integer digits, the point, sixteen fraction digits and the byte after them.
const WINDOW: usize = 32;

/// The common shape `-?d{1,3}.d{1,16}` (no exponent) from one window of
/// [`WINDOW`] bytes, checked once, so that no read inside it is checked again.
/// `None` sends anything else, valid or not, and any number that ends closer
/// than a window to the end of the input, to the general path.
///
/// Built for a short dependency chain, since the CPU has room for little
/// more than one number in flight: both possible starts of the digits (after
/// a sign or not) are loaded at once and the sign picks one; both words of the
/// fraction are loaded at once; and the fraction is always taken as sixteen
/// digits, zero-filled after the last, so the value is `mantissa * 10^-16`
/// with a fixed power and nothing waits on the digit count except the end
/// position. Three integer digits and sixteen fraction digits still fit the
/// 64-bit mantissa exactly.
#[inline(always)]
fn fast_f64(input: &[u8], start: usize) -> Option<(f64, usize)> {
    const FRACTION_DIGITS: i64 = 16;
    let window = input.get(start..)?.first_chunk::<WINDOW>()?;
    let negative = window[0] == b'-';
    let head = if negative {
        word_at(window, 1)
    } else {
        word_at(window, 0)
    };
    let (int_len, int_digits) = digit_run(head);
    // One to three integer digits and then the point; a leading zero only alone.
    if int_len == 0
        || int_len > 3
        || (head >> (8 * int_len)) & 0xff != u64::from(b'.')
        || (head & 0xff == u64::from(b'0') && int_len > 1)
    {
        return None;
    }
    let fraction = usize::from(negative) + int_len + 1;
    let (low_len, low) = digit_prefix(word_at(window, fraction));
    let (high_len, high) = digit_prefix(word_at(window, fraction + 8));
    let (frac_len, high) = if low_len == 8 {
        (8 + high_len, high)
    } else {
        (low_len, 0)
    };
    // A fraction needs a digit; a seventeenth digit or an exponent after
    // them takes the general path.
    let end = fraction + frac_len;
    let after = window[end & (WINDOW - 1)];
    if frac_len == 0 || after.is_ascii_digit() || after | 0x20 == b'e' {
        return None;
    }
    let mantissa = first_digits(int_digits, int_len) * POW10_U64[8] * POW10_U64[8]
        + eight_digits(low) * POW10_U64[8]
        + eight_digits(high);
    // With the exponent a constant, the general algorithm's range checks
    // fold away; no halfway case can arise at it (a tie needs a 54-bit odd
    // significand times 5^16 below 2^64), and it never gives up there.
    let bits = eisel_lemire(mantissa, -FRACTION_DIGITS)?;
    // The sign as a bit, not a branch: signs alternate in coordinate data.
    let sign = u64::from(negative) << 63;
    Some((f64::from_bits(bits | sign), start + end))
}

/// How many of the eight bytes of `word` are ASCII digits before the first
/// that is not, and their values with every byte from that one on zeroed.
#[inline(always)]
fn digit_prefix(word: u64) -> (usize, u64) {
    let (digits, flagged) = digit_flags(word);
    // The lowest flag marks the first non-digit; one less than its byte's
    // lowest bit covers the bytes before it, or everything when none is flagged.
    let first = flagged & flagged.wrapping_neg();
    let keep = (first >> 7).wrapping_sub(1);
    ((flagged.trailing_zeros() / 8) as usize, digits & keep)
}

/// The eight bytes of `window` at `at` (at most `WINDOW - 8`), little-endian.
#[inline(always)]
fn word_at(window: &[u8; WINDOW], at: usize) -> u64 {
    // The clamp never changes a caller's offset; it lets the compiler see
    // that the read is in bounds.
    let at = at.min(WINDOW - 8);
    let mut bytes = [0; 8];
    bytes.copy_from_slice(&window[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// Reads the number at `start` for schemaless decoding, answering it and the
/// offset after it: integers exact (`U64` when non-negative, `I64` when
/// negative), anything with a fraction or exponent, or beyond 64 bits, as `F64`.
/// `-0` is `F64(-0.0)`, as serde_json reads it, so that its sign survives.
///
/// # Errors
///
/// As [`parse_f64`].
#[inline]
pub(crate) fn parse_number(input: &[u8], start: usize) -> Result<(Number, usize), Broken> {
    let scanned = scan(input, start)?;
    if !scanned.is_float {
        // Not truncated: at most 19 significant digits, exact in the mantissa.
        let m = scanned.mantissa;
        if !scanned.truncated && !scanned.negative {
            return Ok((Number::U64(m), scanned.end));
        }
        if !scanned.truncated && m != 0 && m <= i64::MIN.unsigned_abs() {
            #[allow(clippy::cast_possible_wrap)]
            return Ok((Number::I64((m as i64).wrapping_neg()), scanned.end));
        }
        if !scanned.negative {
            // Twenty digits may still fit u64.
            if let Some(m) = magnitude(input, &scanned).and_then(|m| u64::try_from(m).ok()) {
                return Ok((Number::U64(m), scanned.end));
            }
        }
    }
    match to_f64(input, &scanned) {
        Some(value) => Ok((Number::F64(value), scanned.end)),
        None => Err(("number out of range", start)),
    }
}

/// Checks the number at `start` against the JSON grammar and measures it.
///
/// # Errors
///
/// `invalid number` at the first byte that breaks the grammar (a leading zero,
/// a missing digit after `-`, `.` or the exponent marker).
#[inline(always)]
pub(crate) fn scan(input: &[u8], start: usize) -> Result<Scanned, Broken> {
    let mut i = start;
    let negative = input.get(i) == Some(&b'-');
    if negative {
        i += 1;
    }
    let digits_start = i;
    let mut mantissa: u64 = 0;
    match input.get(i) {
        Some(b'0') => {
            i += 1;
            if matches!(input.get(i), Some(b'0'..=b'9')) {
                return Err(("invalid number", i));
            }
        }
        Some(b'1'..=b'9') => i = take_digits(input, i, &mut mantissa),
        _ => return Err(("invalid number", i)),
    }
    let digits_end = i;

    let mut is_float = false;
    let mut fraction = i..i;
    if input.get(i) == Some(&b'.') {
        is_float = true;
        i = take_digits(input, i + 1, &mut mantissa);
        fraction = digits_end + 1..i;
        if fraction.is_empty() {
            return Err(("invalid number", i));
        }
    }

    let mut exp: i64 = 0;
    if let Some(b'e' | b'E') = input.get(i) {
        is_float = true;
        i += 1;
        let exp_negative = match input.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let exp_start = i;
        while let Some(&c) = input.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            exp = (exp * 10 + i64::from(c - b'0')).min(EXP_CLAMP);
            i += 1;
        }
        if i == exp_start {
            return Err(("invalid number", i));
        }
        if exp_negative {
            exp = -exp;
        }
    }

    // Built from plain values, never through a reference, so that it can
    // live in registers once inlined.
    let (mantissa, exp10, truncated) = if (digits_end - digits_start) + fraction.len() > 19 {
        significant_digits(input, digits_start..digits_end, fraction, exp)
    } else {
        #[allow(clippy::cast_possible_wrap)]
        (mantissa, exp - fraction.len() as i64, false)
    };
    Ok(Scanned {
        start,
        end: i,
        negative,
        is_float,
        digits_start,
        digits_end,
        mantissa,
        exp10,
        truncated,
    })
}

/// Recomputes the mantissa of a number of more than 19 digits from its first
/// 19 significant ones (leading zeros of a fraction are not significant).
#[cold]
#[inline(never)]
fn significant_digits(
    input: &[u8],
    integer: std::ops::Range<usize>,
    fraction: std::ops::Range<usize>,
    mut exp10: i64,
) -> (u64, i64, bool) {
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut truncated = false;
    for &c in &input[integer] {
        if significant < 19 {
            mantissa = mantissa * 10 + u64::from(c - b'0');
            significant += u32::from(mantissa != 0);
        } else {
            truncated = true;
            exp10 += 1;
        }
    }
    for &c in &input[fraction] {
        if significant < 19 {
            mantissa = mantissa * 10 + u64::from(c - b'0');
            significant += u32::from(mantissa != 0);
            exp10 -= 1;
        } else {
            truncated = true;
        }
    }
    (mantissa, exp10, truncated)
}

/// The integer part of a scanned number as an unsigned magnitude, or `None`
/// when it does not fit `u128`.
pub(crate) fn magnitude(input: &[u8], scanned: &Scanned) -> Option<u128> {
    input[scanned.digits_start..scanned.digits_end]
        .iter()
        .try_fold(0u128, |acc, &c| {
            acc.checked_mul(10)?.checked_add(u128::from(c - b'0'))
        })
}

/// Powers of ten that `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The largest integer below which every integer is an exact `f64`.
const MAX_EXACT: u64 = 1 << 53;

/// The bits of `f64::INFINITY`.
const INFINITY_BITS: u64 = 0x7ff0_0000_0000_0000;

/// The scanned number as the nearest `f64`, or `None` when it is too large for one.
#[inline]
pub(crate) fn to_f64(input: &[u8], scanned: &Scanned) -> Option<f64> {
    let sign = |value: f64| if scanned.negative { -value } else { value };
    if !scanned.truncated {
        if scanned.mantissa <= MAX_EXACT
            && let Some(value) = clinger(scanned.mantissa, scanned.exp10)
        {
            return Some(sign(value));
        }
        if let Some(bits) = eisel_lemire(scanned.mantissa, scanned.exp10) {
            return (bits != INFINITY_BITS).then(|| sign(f64::from_bits(bits)));
        }
    } else {
        // The dropped digits put the true value between these two mantissas;
        // if both round the same way, so does the number.
        let low = eisel_lemire(scanned.mantissa, scanned.exp10);
        if low.is_some() && low == eisel_lemire(scanned.mantissa + 1, scanned.exp10) {
            let bits = low.unwrap_or(INFINITY_BITS);
            return (bits != INFINITY_BITS).then(|| sign(f64::from_bits(bits)));
        }
    }
    slow_f64(input, scanned)
}

/// Clinger's fast path: when the mantissa and the power of ten are both exact
/// `f64`s, one multiplication or division rounds correctly.
#[inline(always)]
fn clinger(mantissa: u64, exp10: i64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    let m = mantissa as f64;
    match exp10 {
        0..=22 => Some(m * POW10[exp10.unsigned_abs() as usize]),
        -22..=-1 => Some(m / POW10[exp10.unsigned_abs() as usize]),
        // A few digits more may still leave the mantissa exact: 12e30 = 12e8 * 1e22.
        23..=37 => {
            let shift = u32::try_from(exp10 - 22).ok()?;
            let m = mantissa.checked_mul(10u64.checked_pow(shift)?)?;
            #[allow(clippy::cast_precision_loss)]
            (m <= MAX_EXACT).then(|| m as f64 * POW10[22])
        }
        _ => None,
    }
}

/// The bits of the `f64` nearest `w * 10^q` (ties to even), by the
/// Eisel-Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second",
/// 2021): one or two 64x64-bit multiplications by a 128-bit power of five.
/// `None` in the rare cases where the 128-bit product cannot decide the rounding.
#[inline(always)]
fn eisel_lemire(w: u64, q: i64) -> Option<u64> {
    const SIGNIFICAND_BITS: i32 = 52;
    const MIN_EXPONENT: i32 = -1023;
    if w == 0 || q < pow5::SMALLEST_POWER {
        return Some(0);
    }
    if q > pow5::LARGEST_POWER {
        return Some(INFINITY_BITS);
    }
    #[allow(clippy::cast_possible_wrap)]
    let lz = w.leading_zeros() as i32;
    let w = w << lz;
    let (lo, hi) = product_approx(q, w);
    // The product missed low bits it needed; outside this range of q that
    // could misround (within it, 5^q is exact in 128 bits or the case cannot arise).
    if lo == u64::MAX && !(-27..=55).contains(&q) {
        return None;
    }
    #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
    let upper_bit = (hi >> 63) as i32;
    let shift = upper_bit + 64 - SIGNIFICAND_BITS - 3;
    let mut mantissa = hi >> shift;
    #[allow(clippy::cast_possible_truncation)]
    let q32 = q as i32;
    // floor(log2(10^q)) + 63, by a fixed-point multiplication.
    let power = ((q32 * (152_170 + 65_536)) >> 16) + 63;
    let mut power2 = power + upper_bit - lz - MIN_EXPONENT;

    if power2 <= 0 {
        // Subnormal, or zero.
        if -power2 + 1 >= 64 {
            return Some(0);
        }
        mantissa >>= -power2 + 1;
        mantissa += mantissa & 1;
        mantissa >>= 1;
        // Rounding up may have reached the smallest normal number, whose
        // exponent field is then the bit just above the significand.
        return Some(mantissa);
    }

    // Exactly half-way between two floats: round to even rather than up.
    if lo <= 1 && (-4..=23).contains(&q) && mantissa & 3 == 1 && (mantissa << shift) == hi {
        mantissa &= !1;
    }
    mantissa += mantissa & 1;
    mantissa >>= 1;
    if mantissa >= 2 << SIGNIFICAND_BITS {
        mantissa = 1 << SIGNIFICAND_BITS;
        power2 += 1;
    }
    mantissa &= !(1 << SIGNIFICAND_BITS);
    if power2 >= 0x7ff {
        return Some(INFINITY_BITS);
    }
    #[allow(clippy::cast_sign_loss)]
    Some(mantissa | (power2 as u64) << SIGNIFICAND_BITS)
}

/// `w * 5^q` to 128 bits, the second multiplication done only when the first
/// leaves the bits that decide rounding in doubt.
#[inline(always)]
fn product_approx(q: i64, w: u64) -> (u64, u64) {
    // Significand bits + 3: the hidden bit, the rounding bit, a leading zero.
    const MASK: u64 = u64::MAX >> 55;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (high5, low5) = pow5::POW5[(q - pow5::SMALLEST_POWER) as usize];
    let (mut lo, mut hi) = full_mul(w, high5);
    if hi & MASK == MASK {
        let (_, carry) = full_mul(w, low5);
        lo = lo.wrapping_add(carry);
        if carry > lo {
            hi += 1;
        }
    }
    (lo, hi)
}

#[inline(always)]
fn full_mul(a: u64, b: u64) -> (u64, u64) {
    let product = u128::from(a) * u128::from(b);
    #[allow(clippy::cast_possible_truncation)]
    (product as u64, (product >> 64) as u64)
}

/// What neither fast algorithm can decide: the standard library's parser,
/// which is correctly rounded, on the number's own text (a subset of its grammar).
#[cold]
#[inline(never)]
fn slow_f64(input: &[u8], scanned: &Scanned) -> Option<f64> {
    let text = std::str::from_utf8(&input[scanned.start..scanned.end]).ok()?;
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(text: &str) -> Option<f64> {
        let s = scan(text.as_bytes(), 0).unwrap();
        assert_eq!(s.end, text.len(), "{text}");
        to_f64(text.as_bytes(), &s)
    }

    #[test]
    fn grammar() {
        for bad in [
            "01", "-", "1.", "1.e5", "1e", "1e+", "-a", ".5", "+1", "--1",
        ] {
            assert!(
                scan(bad.as_bytes(), 0).is_err()
                    || scan(bad.as_bytes(), 0).unwrap().end != bad.len(),
                "{bad}"
            );
        }
        assert_eq!(scan(b"01", 0).unwrap_err(), ("invalid number", 1));
        assert_eq!(scan(b"1.", 0).unwrap_err(), ("invalid number", 2));
        assert_eq!(scan(b"-", 0).unwrap_err(), ("invalid number", 1));
        assert_eq!(scan(b"1e+x", 0).unwrap_err(), ("invalid number", 3));
    }

    #[test]
    fn floats_round_correctly() {
        assert_eq!(f("0.1"), Some(0.1));
        assert_eq!(f("-0"), Some(-0.0));
        assert!(f("-0").unwrap().is_sign_negative());
        assert_eq!(f("1e-400"), Some(0.0));
        assert_eq!(f("5e-324"), Some(5e-324));
        assert_eq!(f("1.7976931348623157e308"), Some(f64::MAX));
        assert_eq!(f("1e400"), None);
        assert_eq!(f("12e30"), Some(12e30));
        assert_eq!(
            f("123456789012345678901234567890"),
            Some(1.2345678901234568e29)
        );
        assert_eq!(f("0.000000000000000000000000000001"), Some(1e-30));
        assert_eq!(f("9007199254740993"), Some(9_007_199_254_740_992.0));
        assert_eq!(
            f("2.2250738585072011e-308"),
            Some(2.225_073_858_507_201e-308)
        );
        assert_eq!(f("1e99999999999999999999999"), None);
        assert_eq!(f("1e-99999999999999999999999"), Some(0.0));
    }

    /// A small deterministic generator, so the test needs no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// `text` reads as the standard library reads it, to the bit; beyond
    /// `f64`'s range (where the standard library answers infinity) as an error.
    #[track_caller]
    fn agrees_with_std(text: &str) {
        let expected: f64 = text.parse().unwrap();
        let got = f(text);
        if expected.is_finite() {
            assert_eq!(got.map(f64::to_bits), Some(expected.to_bits()), "{text}");
        } else {
            assert_eq!(got, None, "{text}");
        }
    }

    #[test]
    fn agrees_with_the_standard_library() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut text = String::new();
        for round in 0..300_000 {
            text.clear();
            if rng.below(2) == 0 {
                text.push('-');
            }
            let int_digits = 1 + rng.below(if round % 10 == 0 { 30 } else { 20 });
            for k in 0..int_digits {
                // No leading zero: start longer numbers at 1..=9.
                let d = if k == 0 && int_digits > 1 {
                    1 + rng.below(9)
                } else {
                    rng.below(10)
                };
                text.push(char::from(b'0' + u8::try_from(d).unwrap()));
            }
            if rng.below(2) == 0 {
                text.push('.');
                for _ in 0..1 + rng.below(25) {
                    text.push(char::from(b'0' + u8::try_from(rng.below(10)).unwrap()));
                }
            }
            if rng.below(2) == 0 {
                let exp = i64::try_from(rng.below(700)).unwrap() - 350;
                text.push_str(&format!("e{exp}"));
            }
            agrees_with_std(&text);
        }
    }

    /// The fused path of `parse_f64` for plain fractions, with room after the
    /// number so it is taken, against the standard library.
    #[test]
    fn plain_fractions_agree_with_the_standard_library() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        let mut text = String::new();
        for _ in 0..300_000 {
            text.clear();
            if rng.below(2) == 0 {
                text.push('-');
            }
            let widest = if rng.below(4) == 0 { 9 } else { 3 };
            let int_digits = 1 + rng.below(widest);
            for k in 0..int_digits {
                let d = if k == 0 && int_digits > 1 {
                    1 + rng.below(9)
                } else {
                    rng.below(10)
                };
                text.push(char::from(b'0' + u8::try_from(d).unwrap()));
            }
            text.push('.');
            // Often sixteen or seventeen digits, the edges of the fast path;
            // runs of zeros, to reach small mantissas and zero itself.
            let zeros = rng.below(3) == 0;
            for _ in 0..1 + rng.below(20) {
                let d = if zeros { 0 } else { rng.below(10) };
                text.push(char::from(b'0' + u8::try_from(d).unwrap()));
            }
            let len = text.len();
            let expected: f64 = text.parse().unwrap();
            // A window's worth of room after the number, so the fast path is taken.
            text.push_str(",12345678901234567890123456789012]");
            let (got, end) = parse_f64(text.as_bytes(), 0).unwrap();
            assert_eq!(end, len, "{text}");
            assert_eq!(got.to_bits(), expected.to_bits(), "{text}");
        }
        let pad = " ".repeat(WINDOW);
        for text in [
            "0.5e3",
            "01.5",
            "1.e5",
            "00.5",
            "-.5",
            "1.5E3",
            "1234.5",
            "0.12345678901234567",
            "0.1234567890123456",
            "-0.0",
            "0.0000",
            "1.",
            "-",
            "1.5x",
            "99.x",
        ] {
            let text = format!("{text}{pad}");
            let standard = scan(text.as_bytes(), 0)
                .map(|s| (to_f64(text.as_bytes(), &s).map(f64::to_bits), s.end));
            let fused = parse_f64(text.as_bytes(), 0).map(|(v, end)| (Some(v.to_bits()), end));
            assert_eq!(fused, standard, "{text}");
        }
    }

    #[test]
    fn every_bit_pattern_round_trips() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let x = f64::from_bits(rng.next());
            if !x.is_finite() {
                continue;
            }
            for text in [format!("{x:e}"), format!("{x:?}"), format!("{:.17e}", x)] {
                assert_eq!(f(&text).map(f64::to_bits), Some(x.to_bits()), "{text}");
            }
        }
        // Subnormals, the boundaries, and half-way cases.
        for text in [
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072009e-308",
            "2.2250738585072014e-308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "9007199254740993.0000000000000000001",
            "9007199254740995",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "7.2057594037927933e16",
            "123456789012345678901234567890e-30",
            "0.000000000000000000000000000000000000000000001e300",
        ] {
            agrees_with_std(text);
        }
    }

    #[test]
    fn leading_digits_of_a_word() {
        let word = |s: &[u8; 8]| u64::from_le_bytes(*s);
        assert_eq!(leading_digits(word(b"12345678")), (8, 12_345_678));
        assert_eq!(leading_digits(word(b"00000000")), (8, 0));
        assert_eq!(leading_digits(word(b"99999999")), (8, 99_999_999));
        assert_eq!(leading_digits(word(b"1234567.")), (7, 1_234_567));
        assert_eq!(leading_digits(word(b"09,12345")), (2, 9));
        assert_eq!(leading_digits(word(b"/2345678")), (0, 0));
        assert_eq!(leading_digits(word(b"1234:678")), (4, 1234));
        assert_eq!(leading_digits(word(b"5\xff234567")), (1, 5));
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut s = *b"55555555";
                s[at] = b;
                let expected = if b.is_ascii_digit() { 8 } else { at };
                let (count, value) = leading_digits(word(&s));
                assert_eq!(count, expected);
                let text = std::str::from_utf8(&s[..count]).unwrap();
                assert_eq!(value, text.parse::<u64>().unwrap_or(0));
            }
        }
    }

    #[test]
    fn magnitudes() {
        let text = b"-340282366920938463463374607431768211455";
        let s = scan(text, 0).unwrap();
        assert_eq!(magnitude(text, &s), Some(u128::MAX));
        let text = b"340282366920938463463374607431768211456";
        assert_eq!(magnitude(text, &scan(text, 0).unwrap()), None);
    }
}
