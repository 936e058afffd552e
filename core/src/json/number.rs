//! JSON numbers: the strict RFC 8259 grammar, exact integers and correctly rounded floats.
//!
//! The decoder's typed integer reads have their own tight loop ([`parse_digits`]);
//! everything else (floats, schemaless numbers, skipping, the error paths of the
//! integer reads) goes through [`scan`], which checks the whole grammar once and
//! keeps what the conversions need.

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

/// Exponents are clamped here while scanning: anything this large is already
/// zero or infinity, and the clamp keeps hostile exponents from overflowing.
const EXP_CLAMP: i64 = 1 << 40;

/// Reads the run of ASCII digits at `i`, as a wrapping `u64` accumulation.
///
/// Returns the value and the offset after the run. The value is exact when the
/// run has at most 19 digits; callers check the length before trusting it.
#[inline(always)]
pub(crate) fn parse_digits(input: &[u8], mut i: usize) -> (u64, usize) {
    let mut value: u64 = 0;
    while let Some(&c) = input.get(i) {
        let digit = c.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
        i += 1;
    }
    (value, i)
}

/// True when the byte at `i` continues a number as a fraction or an exponent.
#[inline(always)]
pub(crate) fn continues_as_float(input: &[u8], i: usize) -> bool {
    matches!(input.get(i), Some(b'.' | b'e' | b'E'))
}

/// Checks the number at `start` against the JSON grammar and measures it.
///
/// # Errors
///
/// `invalid number` at the first byte that breaks the grammar (a leading zero,
/// a missing digit after `-`, `.` or the exponent marker).
#[inline]
pub(crate) fn scan(input: &[u8], start: usize) -> Result<Scanned, Broken> {
    let mut i = start;
    let negative = input.get(i) == Some(&b'-');
    if negative {
        i += 1;
    }
    let digits_start = i;
    let mut mantissa: u64 = 0;
    let mut significant: u32 = 0;
    let mut truncated = false;
    let mut exp10: i64 = 0;

    match input.get(i) {
        Some(b'0') => {
            i += 1;
            if matches!(input.get(i), Some(b'0'..=b'9')) {
                return Err(("invalid number", i));
            }
        }
        Some(b'1'..=b'9') => {
            while let Some(&c) = input.get(i) {
                if !c.is_ascii_digit() {
                    break;
                }
                if significant < 19 {
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    significant += 1;
                } else {
                    truncated = true;
                    exp10 += 1;
                }
                i += 1;
            }
        }
        _ => return Err(("invalid number", i)),
    }
    let digits_end = i;

    let mut is_float = false;
    if input.get(i) == Some(&b'.') {
        is_float = true;
        i += 1;
        let fraction_start = i;
        while let Some(&c) = input.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            if mantissa == 0 && c == b'0' {
                // A leading zero of the fraction only moves the point.
                exp10 -= 1;
            } else if significant < 19 {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                significant += 1;
                exp10 -= 1;
            } else {
                truncated = true;
            }
            i += 1;
        }
        if i == fraction_start {
            return Err(("invalid number", i));
        }
    }

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
        let mut exp: i64 = 0;
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
        exp10 += if exp_negative { -exp } else { exp };
    }

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

/// The scanned number as the nearest `f64`, or `None` when it is too large for one.
#[inline]
pub(crate) fn to_f64(input: &[u8], scanned: &Scanned) -> Option<f64> {
    if !scanned.truncated {
        if scanned.mantissa == 0 {
            return Some(if scanned.negative { -0.0 } else { 0.0 });
        }
        if scanned.mantissa <= MAX_EXACT {
            // Clinger's fast path: both operands are exact, so the one rounding
            // of the product or quotient is the correct rounding.
            #[allow(clippy::cast_precision_loss)]
            let m = scanned.mantissa as f64;
            let value = match scanned.exp10 {
                0..=22 => Some(m * POW10[scanned.exp10.unsigned_abs() as usize]),
                -22..=-1 => Some(m / POW10[scanned.exp10.unsigned_abs() as usize]),
                // A few digits more may still leave the mantissa exact: 12e30 = 12e8 * 1e22.
                23..=37 => {
                    let shift = u32::try_from(scanned.exp10 - 22).unwrap_or(u32::MAX);
                    10u64
                        .checked_pow(shift)
                        .and_then(|p| scanned.mantissa.checked_mul(p))
                        .filter(|&m| m <= MAX_EXACT)
                        .map(|m| {
                            #[allow(clippy::cast_precision_loss)]
                            let m = m as f64;
                            m * POW10[22]
                        })
                }
                _ => None,
            };
            if let Some(value) = value {
                return Some(if scanned.negative { -value } else { value });
            }
        }
    }
    slow_f64(input, scanned)
}

/// Everything the fast path cannot do exactly: the standard library's parser,
/// which is correctly rounded, on the number's own text (a subset of its grammar).
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

    #[test]
    fn magnitudes() {
        let text = b"-340282366920938463463374607431768211455";
        let s = scan(text, 0).unwrap();
        assert_eq!(magnitude(text, &s), Some(u128::MAX));
        let text = b"340282366920938463463374607431768211456";
        assert_eq!(magnitude(text, &scan(text, 0).unwrap()), None);
    }
}
