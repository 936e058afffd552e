//! The rules of a valid flat buffer (`docs/flat-format.md`, section 6), one
//! function each, shared by the two readers: the [`Validator`] behind
//! `flat::view`, which checks a whole buffer ahead, and the `FlatDecoder`
//! behind `flat::from_slice`, which checks as it reads. Both walk the value
//! tree in the order the encoder wrote it and call these with the same
//! arguments at the same steps, so they accept the same buffers and refuse
//! the others with the same error at the same byte.
//!
//! Each reader keeps a cursor: the end of the last object (or root slot) it
//! claimed. An offset must point at or after it; claiming an object's extent
//! moves it to the extent's end.
//!
//! [`Validator`]: super::Validator

use super::error::malformed;
use super::table::slot_at;
use super::varint;
use super::view::View;
use crate::error::{Error, Format, Result};

/// The object that `offset`, read from the slot at `slot`, points to: its
/// position, or `None` for offset 0 (the empty value).
///
/// A target must satisfy `cursor <= target < bytes.len()`. The slot itself
/// lies behind the cursor (it was claimed), so offset 0, which points at the
/// slot, never passes that test.
///
/// # Errors
///
/// Fails when the target lies behind the cursor (in data already claimed: a
/// table's own slots, an earlier object, an object shared with an earlier
/// slot) or past the end.
#[inline(always)]
pub(super) fn target(
    bytes: &[u8],
    cursor: usize,
    slot: usize,
    offset: u32,
) -> Result<Option<usize>> {
    // Lossless: usize is at least 32 bits on every supported target. The
    // sum cannot wrap on 64-bit targets; on 32-bit ones a wrapped sum lies
    // below `slot`, behind the cursor, and is refused below.
    let target = slot.wrapping_add(offset as usize);
    if target >= cursor && target < bytes.len() {
        return Ok(Some(target));
    }
    if offset == 0 {
        return Ok(None);
    }
    Err(bad_target(bytes, cursor, slot, target))
}

/// The error for an offset at `slot` to `target`, outside the part of `bytes`
/// after `cursor`. (A function of its own, so that a reader's state never
/// has to be in memory for it.)
#[cold]
fn bad_target(bytes: &[u8], cursor: usize, slot: usize, target: usize) -> Error {
    let message = if target < cursor || target < slot {
        "offset points backwards, into data already validated"
    } else {
        "offset points past the end"
    };
    malformed(message, bytes, slot)
}

/// Reads the count (or variant index) at `pos`: its value and the position
/// after it.
///
/// # Errors
///
/// Fails when it is cut short, not in its shortest LEB128 form, or above
/// `u32::MAX`: ``invalid count``.
#[inline(always)]
pub(super) fn count(bytes: &[u8], pos: usize) -> Result<(u32, usize)> {
    // A one-byte count read here, without cutting the buffer to it first:
    // opening `log`'s view takes 5% fewer instructions than through
    // `varint::read` alone.
    if let Some(&byte) = bytes.get(pos)
        && byte < 0x80
    {
        return Ok((u32::from(byte), pos + 1));
    }
    match varint::read(slot_at(bytes, pos)) {
        Some((value, len)) => Ok((value, pos + len)),
        None => Err(malformed("invalid count", bytes, pos)),
    }
}

/// Claims the `len` bytes from `start`: their end, the new cursor.
///
/// # Errors
///
/// Fails when they run past the end of `bytes`: ``truncated``.
#[inline(always)]
pub(super) fn claim(bytes: &[u8], start: usize, len: usize) -> Result<usize> {
    match start.checked_add(len) {
        Some(end) if end <= bytes.len() => Ok(end),
        _ => Err(malformed("truncated", bytes, bytes.len())),
    }
}

/// The bytes the `count` elements of a sequence or map take, each `width`
/// wide, for the sequence whose count is at `target`. Elements of width 0
/// still take a byte each, so that a count costs input in proportion and
/// walking it stays linear.
///
/// # Errors
///
/// Fails when the size overflows: ``count runs past the end``.
#[inline(always)]
pub(super) fn elements_size(
    bytes: &[u8],
    target: usize,
    count: u32,
    width: usize,
) -> Result<usize> {
    match (count as usize).checked_mul(width.max(1)) {
        Some(size) => Ok(size),
        None => Err(malformed("count runs past the end", bytes, target)),
    }
}

/// What a table (or a variant's content) with field count `count` claims,
/// for a reader that knows `offsets.len() - 1` fields, `offsets` being where
/// each one's slot starts, then their total: how many of those fields the
/// data holds (`min(count, known)`), and the size of their slots. The slots
/// of fields the data holds beyond those the reader knows are not claimed.
#[inline(always)]
pub(super) fn table_slots(count: u32, offsets: &[usize]) -> (u32, usize) {
    let known = offsets.len().saturating_sub(1);
    let present = (count as usize).min(known);
    // Data written by the reader's own version holds every field: then the
    // size is the constant total.
    let size = if present == known {
        offsets.last().copied().unwrap_or(0)
    } else {
        offsets.get(present).copied().unwrap_or(0)
    };
    // Lossless: at most `count`.
    #[allow(clippy::cast_possible_truncation)]
    (present as u32, size)
}

/// Goes one level deeper, into the object at `at`, unless `depth` has
/// reached `max_depth`.
///
/// # Errors
///
/// Fails past the limit: ``nesting deeper than 64``.
#[inline(always)]
pub(super) fn enter(depth: &mut u32, max_depth: u32, bytes: &[u8], at: usize) -> Result<()> {
    if *depth >= max_depth {
        return Err(Error::depth(Format::Flat, max_depth, bytes, at));
    }
    *depth += 1;
    Ok(())
}

/// Whether the key in the slot at `later` comes after the one at `earlier`,
/// both validated, in the order of `K`'s view: the order in which a map's
/// keys must strictly increase. [`crate::MapKey::flat_key_after`] gives it
/// to the decoder.
///
/// # Examples
///
/// ```
/// use zerospec::flat::keys_increase;
/// // Two `u16` keys, 1 then 2, at bytes 0 and 2.
/// assert!(keys_increase::<u16>(&[1, 0, 2, 0], 0, 2));
/// assert!(!keys_increase::<u16>(&[1, 0, 2, 0], 2, 0));
/// ```
#[inline]
#[must_use]
pub fn keys_increase<K>(bytes: &[u8], earlier: usize, later: usize) -> bool
where
    K: View,
    for<'a> K::View<'a>: Ord,
{
    K::read(slot_at(bytes, earlier)) < K::read(slot_at(bytes, later))
}

/// The error for a map entry at `entry` whose key does not come after the
/// previous entry's: ``map keys are not in increasing order``.
#[cold]
pub(crate) fn keys_out_of_order(bytes: &[u8], entry: usize) -> Error {
    malformed("map keys are not in increasing order", bytes, entry)
}
