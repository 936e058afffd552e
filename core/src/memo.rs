//! Which attempts of untagged enums failed where, so that none is made
//! twice.
//!
//! An untagged enum tries its variants in turn from one position. With
//! nesting, each failed attempt of an outer enum would decode the inner one
//! again, with all of its own failed attempts: `enum U { A { n: Box<U>, a: u8 },
//! B { n: Box<U>, b: u8 }, .. }` triples its work per level. Decoding is
//! deterministic (the same type from the same position reads the same bytes
//! the same way), so a failure recorded once holds for the rest of the
//! decode, and the variant is skipped when that position comes up again.
//! Each (position, enum, variant) is then tried at most once, and an input
//! nested `d` untagged levels deep is read at most `1 + (V - 1) * d` times
//! over, for enums of `V` variants.

use std::collections::{HashMap, HashSet};

/// A failure found where its attempt began (the first token was of the
/// wrong kind: a string where a number is expected) costs nothing to find
/// again, and is the common case (`String | u64` ids), so it is not
/// recorded. Any failure found further on is: even a few bytes may hold
/// nested attempts whose work multiplies.
const CHEAP: usize = 1;

/// The failed attempts of one decode: (position, enum, variant).
#[derive(Debug, Default)]
pub(crate) struct Attempts {
    failed: Option<HashSet<(usize, usize, u32)>>,
}

impl Attempts {
    /// Whether trying `variant` of the enum named `ty` from `at` failed before.
    #[inline]
    pub(crate) fn failed(&self, at: usize, ty: &'static str, variant: u32) -> bool {
        match &self.failed {
            None => false,
            Some(failed) => failed.contains(&(at, ty.as_ptr().addr(), variant)),
        }
    }

    /// Records that trying `variant` of `ty` from `at` failed, found at
    /// `reached`.
    #[inline]
    pub(crate) fn fail(&mut self, at: usize, reached: usize, ty: &'static str, variant: u32) {
        if reached.saturating_sub(at) >= CHEAP {
            self.record(at, ty, variant);
        }
    }

    #[cold]
    fn record(&mut self, at: usize, ty: &'static str, variant: u32) {
        let failed = self.failed.get_or_insert_with(HashSet::default);
        failed.insert((at, ty.as_ptr().addr(), variant));
    }
}

/// Where the containers skipped while looking for a late tag end, so that
/// each is walked once.
///
/// An internally tagged enum whose tag comes after its fields skips them to
/// find it, then decodes them from the start; nested, every ancestor skips
/// the whole subtree of every descendant, and the input costs its length
/// times its depth. While a tag is looked for (`recording`), every
/// container the skip passes is recorded by where it starts, and a later
/// skip of the same container jumps to its end: each level then walks only
/// its own entries.
#[derive(Debug, Default)]
pub(crate) struct Skips {
    ends: Option<HashMap<usize, usize>>,
    recording: u32,
}

impl Skips {
    /// Where the container starting at `start` ends, if it was skipped before.
    #[inline]
    pub(crate) fn end_of(&self, start: usize) -> Option<usize> {
        self.ends.as_ref()?.get(&start).copied()
    }

    /// Notes that the container from `start` ends at `end`, while a tag is
    /// looked for.
    #[inline]
    pub(crate) fn skipped(&mut self, start: usize, end: usize) {
        if self.recording > 0 {
            self.record(start, end);
        }
    }

    #[cold]
    fn record(&mut self, start: usize, end: usize) {
        self.ends
            .get_or_insert_with(HashMap::default)
            .insert(start, end);
    }

    /// Runs `skip` with every container it passes recorded.
    #[inline]
    pub(crate) fn scanning<D, T>(
        decoder: &mut D,
        skips: fn(&mut D) -> &mut Skips,
        skip: impl FnOnce(&mut D) -> T,
    ) -> T {
        skips(decoder).recording += 1;
        let result = skip(decoder);
        skips(decoder).recording -= 1;
        result
    }
}
