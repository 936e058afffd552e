//! Counts, lengths and tags: unsigned LEB128 of a `u32`, in 1 to 5 bytes.
//!
//! Seven bits per byte, least significant group first; the high bit of a byte
//! says another byte follows. Only the shortest encoding is valid, so every
//! count has exactly one form.

use crate::output::Output;

/// Appends `value` in its shortest LEB128 form.
#[inline]
pub(crate) fn write<O: Output + ?Sized>(out: &mut O, value: u32) {
    if value < 0x80 {
        // Lossless: checked just above.
        #[allow(clippy::cast_possible_truncation)]
        out.push(value as u8);
    } else {
        write_long(out, value);
    }
}

#[cold]
fn write_long<O: Output + ?Sized>(out: &mut O, mut value: u32) {
    let mut buf = [0u8; 5];
    let mut len = 0;
    loop {
        // Lossless: masked to seven bits.
        #[allow(clippy::cast_possible_truncation)]
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            buf[len] = low;
            len += 1;
            break;
        }
        buf[len] = low | 0x80;
        len += 1;
    }
    out.write(&buf[..len]);
}

/// Reads a LEB128 `u32` at the start of `bytes`: its value and how many bytes
/// it took. `None` when it is cut short, longer than its shortest form, or
/// above `u32::MAX`.
#[inline]
pub(crate) fn read(bytes: &[u8]) -> Option<(u32, usize)> {
    match bytes.first() {
        Some(&byte) if byte < 0x80 => Some((u32::from(byte), 1)),
        _ => read_long(bytes),
    }
}

/// [`read`] past its one-byte case: four bytes at once from a window, with
/// one bounds check, unless the count lies at the very end of `bytes` or
/// takes five bytes.
#[inline]
fn read_long(bytes: &[u8]) -> Option<(u32, usize)> {
    if let Some(window) = bytes.first_chunk::<4>()
        && let Some(read) = read_window(*window)
    {
        return Some(read);
    }
    read_longer(bytes)
}

/// Reads a LEB128 `u32` from the start of a 4-byte window, with no bounds
/// checks: its value and length, as the general reader gives them for the
/// same four bytes. `None` for a form of five bytes (which the window cuts
/// short), or one longer than needed.
#[inline(always)]
fn read_window([b0, b1, b2, b3]: [u8; 4]) -> Option<(u32, usize)> {
    if b0 < 0x80 {
        return Some((u32::from(b0), 1));
    }
    let value = u32::from(b0 & 0x7f);
    // A final byte of zero after the first would make the form longer than needed.
    if b1 < 0x80 {
        return (b1 != 0).then_some((value | u32::from(b1) << 7, 2));
    }
    let value = value | u32::from(b1 & 0x7f) << 7;
    if b2 < 0x80 {
        return (b2 != 0).then_some((value | u32::from(b2) << 14, 3));
    }
    let value = value | u32::from(b2 & 0x7f) << 14;
    if b3 < 0x80 {
        return (b3 != 0).then_some((value | u32::from(b3) << 21, 4));
    }
    None
}

#[cold]
fn read_longer(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    for (index, &byte) in bytes.iter().enumerate().take(5) {
        let group = u32::from(byte & 0x7f);
        // The fifth byte holds the top four bits of a u32 only.
        if index == 4 && byte > 0x0f {
            return None;
        }
        value |= group << (7 * index);
        if byte < 0x80 {
            // A zero final byte after the first means a longer form than needed.
            if index > 0 && byte == 0 {
                return None;
            }
            return Some((value, index + 1));
        }
    }
    None
}

/// Writes `value` in its shortest LEB128 form at the start of `out`: how
/// many bytes it took, or `None` when `out` is too short.
#[inline]
pub(crate) fn put(out: &mut [u8], value: u32) -> Option<usize> {
    if value < 0x80 {
        // Lossless: checked just above.
        #[allow(clippy::cast_possible_truncation)]
        let byte = value as u8;
        *out.first_mut()? = byte;
        return Some(1);
    }
    put_long(out, value)
}

#[cold]
fn put_long(out: &mut [u8], mut value: u32) -> Option<usize> {
    let mut len = 0;
    loop {
        // Lossless: masked to seven bits.
        #[allow(clippy::cast_possible_truncation)]
        let low = (value & 0x7f) as u8;
        value >>= 7;
        let byte = out.get_mut(len)?;
        len += 1;
        if value == 0 {
            *byte = low;
            return Some(len);
        }
        *byte = low | 0x80;
    }
}

/// How many bytes `value` takes in LEB128.
#[inline]
pub(crate) fn len(value: u32) -> usize {
    match value {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_at_every_boundary() {
        for value in [
            0,
            1,
            0x7f,
            0x80,
            0x3fff,
            0x4000,
            0x1f_ffff,
            0x20_0000,
            0x0fff_ffff,
            0x1000_0000,
            u32::MAX,
        ] {
            let mut out = Vec::new();
            write(&mut out, value);
            assert_eq!(out.len(), len(value), "{value:#x}");
            assert_eq!(read(&out), Some((value, out.len())), "{value:#x}");
            // With more input after it.
            for pad in [0x00, 0x7f, 0x80, 0xff] {
                let mut padded = out.clone();
                padded.extend([pad; 4]);
                assert_eq!(
                    read(&padded),
                    Some((value, out.len())),
                    "{value:#x} {pad:#x}"
                );
            }
            let mut room = [0xAA; 6];
            assert_eq!(put(&mut room, value), Some(out.len()), "{value:#x}");
            assert_eq!(room[..out.len()], out[..], "{value:#x}");
            assert_eq!(put(&mut room[..out.len() - 1], value), None, "{value:#x}");
        }
    }

    #[test]
    fn refuses_truncated_overlong_and_too_large() {
        assert_eq!(read(&[]), None);
        assert_eq!(read(&[0x80]), None);
        assert_eq!(read(&[0x80, 0x00]), None, "overlong zero");
        assert_eq!(read(&[0xff, 0x00]), None, "overlong 0x7f");
        assert_eq!(
            read(&[0xff, 0xff, 0xff, 0xff, 0x10]),
            None,
            "above u32::MAX"
        );
        assert_eq!(read(&[0xff, 0xff, 0xff, 0xff, 0x0f]), Some((u32::MAX, 5)));
        assert_eq!(read(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), None);
        // The same with more input after them.
        assert_eq!(read(&[0x80, 0x00, 0x05, 0x05]), None, "overlong zero");
        assert_eq!(
            read(&[0xff, 0x80, 0x00, 0x05]),
            None,
            "overlong, three bytes"
        );
        assert_eq!(
            read(&[0xff, 0xff, 0xff, 0x00, 0x05]),
            None,
            "overlong, four bytes"
        );
        assert_eq!(
            read(&[0xff, 0xff, 0xff, 0xff, 0x10, 0x00]),
            None,
            "above u32::MAX"
        );
        assert_eq!(
            read(&[0xff, 0xff, 0xff, 0xff, 0x0f, 0x00]),
            Some((u32::MAX, 5))
        );
    }

    /// Any five bytes read as the general byte-at-a-time decoder reads them:
    /// the one-byte case and the 4-byte window agree with it.
    #[test]
    fn patterns_agree_with_the_general_reader() {
        let mut state = 0x9e37_79b9_u32;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let bytes = state.to_le_bytes();
            let extra = (state >> 3) as u8;
            let five = [bytes[0], bytes[1], bytes[2], bytes[3], extra];
            assert_eq!(read(&five), read_longer_or_short(&five), "{five:02x?}");
        }
    }

    /// Every 4-byte window reads as the byte-at-a-time reader reads the same
    /// bytes.
    #[test]
    fn windows_agree_with_the_general_reader() {
        let mut state = 0x2545_f491_u32;
        let groups = [0x00, 0x01, 0x7f, 0x80, 0x81, 0xff];
        for a in groups {
            for b in groups {
                for c in groups {
                    for d in groups {
                        let window = [a, b, c, d];
                        assert_eq!(
                            read_window(window),
                            read_longer_or_short(&window),
                            "{window:02x?}"
                        );
                    }
                }
            }
        }
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let window = state.to_le_bytes();
            assert_eq!(
                read_window(window),
                read_longer_or_short(&window),
                "{window:02x?}"
            );
        }
    }

    fn read_longer_or_short(bytes: &[u8]) -> Option<(u32, usize)> {
        match bytes.first() {
            Some(&byte) if byte < 0x80 => Some((u32::from(byte), 1)),
            _ => read_longer(bytes),
        }
    }
}
