//! `#[zerospec(fixed, zerocopy)]`: a slice of a fixed struct whose memory is
//! its flat slots, written and read with one copy through zerocopy's traits.

use zerocopy::{FromBytes, Immutable, IntoBytes};

/// The bytes zeroed and then copied over at a time in [`raw_vec`]: well
/// inside the first-level cache.
const BLOCK: usize = 2 * 1024;

/// The memory of `items`, as bytes. The derive calls it for a type marked
/// `zerocopy`; the bounds name the zerocopy derives the type must carry.
#[inline]
pub fn raw_bytes<T: IntoBytes + Immutable>(items: &[T]) -> &[u8] {
    items.as_bytes()
}

/// The values whose memory is `bytes`, back to back, copied block by block
/// (no value is read on its own); `None` when `bytes` does not hold whole values.
#[inline]
pub fn raw_vec<T: FromBytes + IntoBytes>(bytes: &[u8]) -> Option<Vec<T>> {
    let size = size_of::<T>();
    if size == 0 || !bytes.len().is_multiple_of(size) {
        return None;
    }
    let len = bytes.len() / size;
    let mut items: Vec<T> = Vec::with_capacity(len);
    // Zeroed, then overwritten, a block at a time: the zeroes are still in
    // the cache when the copy lands on them, so memory is written once.
    let block = (BLOCK / size).max(1) * size;
    for chunk in bytes.chunks(block) {
        let start = items.len();
        items.resize_with(start + chunk.len() / size, T::new_zeroed);
        if let Some(room) = items.get_mut(start..) {
            room.as_mut_bytes().copy_from_slice(chunk);
        }
    }
    Some(items)
}
