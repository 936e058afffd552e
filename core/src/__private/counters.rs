//! Work counters the hostile-input tests read, compiled in with the
//! `counters` feature: how many values the decoders skipped on this thread,
//! a measure of work that does not depend on timing. Without the feature
//! counting is a no-op.

#[cfg(feature = "counters")]
thread_local! {
    static SKIPPED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one value skipped (a scalar, a container, or a jump over a
/// container skipped before).
#[inline(always)]
pub(crate) fn skipped_one() {
    #[cfg(feature = "counters")]
    SKIPPED.with(|count| count.set(count.get() + 1));
}

/// The values skipped on this thread since the last [`reset`].
#[cfg(feature = "counters")]
#[must_use]
pub fn skipped() -> u64 {
    SKIPPED.with(std::cell::Cell::get)
}

/// Starts counting again from zero.
#[cfg(feature = "counters")]
pub fn reset() {
    SKIPPED.with(|count| count.set(0));
}
