//! Memory on hostile input: what a decode reserves is bounded by the input's
//! length across all nesting levels, not level by level. Measured by an
//! allocator that counts the bytes each thread holds, so the bounds are exact
//! numbers, not timings.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use zerospec::Value;

/// Counts, per thread, the bytes live and the most live at once.
struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    // `try_with`: a thread being torn down no longer counts.
    let _ = LIVE.try_with(|live| {
        let now = live.get() + bytes;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn shrink(bytes: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(bytes)));
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters are plain thread-local cells, which allocate nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY: the caller's contract is `System.alloc`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        // SAFETY: the caller's contract is `System.dealloc`'s.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        shrink(layout.size());
        grow(new_size);
        // SAFETY: the caller's contract is `System.realloc`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes held at once while `f` runs, above what was held before.
fn peak_of<T>(f: impl FnOnce() -> T) -> usize {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    drop(f());
    PEAK.with(Cell::get) - before
}

/// What a decode may reserve ahead per input byte (`core/src/budget.rs`).
const RESERVE_PER_BYTE: usize = 32;

/// Beside what is reserved ahead: the error, its message, and a path of up
/// to 128 segments (the depth limit).
const SLACK: usize = 16 * 1024;

#[derive(zerospec::Decode, Debug)]
#[allow(dead_code)]
struct BigNode {
    kids: Vec<BigNode>,
    pad: [u64; 128],
}

/// `levels` maps of one entry `"kids"`, each an `array 32` that declares as
/// many elements as there are bytes after its header: every level could
/// reserve against all the bytes after it.
fn nested_kids(levels: usize) -> Vec<u8> {
    let level = |left: u32| {
        let mut bytes = vec![0x81, 0xa4, b'k', b'i', b'd', b's', 0xdd];
        bytes.extend_from_slice(&left.to_be_bytes());
        bytes
    };
    let mut input = Vec::new();
    for i in 0..levels {
        let after = (levels - i - 1) * 11;
        input.extend(level(u32::try_from(after).unwrap()));
    }
    input
}

/// `levels` arrays, each declaring as many elements as there are bytes
/// after its header.
fn nested_arrays(levels: usize) -> Vec<u8> {
    let mut input = Vec::new();
    for i in 0..levels {
        let after = u32::try_from((levels - i - 1) * 5).unwrap();
        input.push(0xdd);
        input.extend_from_slice(&after.to_be_bytes());
    }
    input
}

/// Runs `f` on a thread with room for 63 levels of a 1 KiB struct's
/// unoptimized frames, and returns what it returns.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn nested_declared_lengths_share_one_budget() {
    let input = nested_kids(63);
    assert_eq!(input.len(), 693);
    let peak = on_big_stack({
        let input = input.clone();
        move || {
            peak_of(|| {
                // The innermost map ends before its `pad`.
                let err = zerospec::msgpack::from_slice::<BigNode>(&input).unwrap_err();
                assert!(
                    err.to_string()
                        .starts_with("Object missing required field `pad` - at `$.kids[0].kids[0]"),
                    "{err}"
                );
            })
        }
    });
    // Each level alone may reserve a megabyte; before the budget, 63 did.
    assert!(
        peak <= RESERVE_PER_BYTE * input.len() + SLACK,
        "{peak} bytes"
    );
}

#[test]
fn values_with_nested_declared_lengths_share_it_too() {
    let input = nested_arrays(100);
    let peak = peak_of(|| zerospec::msgpack::from_slice::<Value>(&input).unwrap_err());
    assert!(
        peak <= RESERVE_PER_BYTE * input.len() + SLACK,
        "{peak} bytes"
    );
    let peak =
        peak_of(|| zerospec::msgpack::from_slice::<Vec<Vec<Vec<Vec<u8>>>>>(&input).unwrap_err());
    assert!(
        peak <= RESERVE_PER_BYTE * input.len() + SLACK,
        "{peak} bytes"
    );
}

/// Nested arrays, read by serde's own `Vec` impl, which reserves what
/// `size_hint` says (up to 1 MiB a level).
#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct SerdeTree(Vec<SerdeTree>);

#[test]
fn serde_collections_draw_from_it() {
    let input = nested_arrays(100);
    let mut decoder = zerospec::msgpack::MsgPackDecoder::new(&input);
    let peak = peak_of(|| zerospec::serde::decode::<SerdeTree, _>(&mut decoder).unwrap_err());
    assert!(
        peak <= RESERVE_PER_BYTE * input.len() + SLACK,
        "{peak} bytes"
    );
}

#[test]
fn the_budget_scales_with_the_input() {
    // At every size, what one nested decode holds at its peak stays within
    // the constant times the input's length.
    for levels in [10, 100, 1000] {
        let input = nested_arrays(levels);
        let peak = peak_of(|| zerospec::msgpack::from_slice::<Value>(&input).unwrap_err());
        assert!(
            peak <= RESERVE_PER_BYTE * input.len() + SLACK,
            "{levels} levels, {} bytes in: {peak} bytes",
            input.len()
        );
    }
}

#[test]
fn honest_lengths_are_still_reserved_whole() {
    // A flat array of a thousand small integers: reserved once, in full.
    let values: Vec<u64> = (0..1000).collect();
    let bytes = zerospec::msgpack::to_vec(&values).unwrap();
    let peak = peak_of(|| zerospec::msgpack::from_slice::<Vec<u64>>(&bytes).unwrap());
    assert_eq!(peak, 8000);
}
