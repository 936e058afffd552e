//! How much a decode may reserve before the elements it reserves for are
//! read: one budget per decode, proportional to the input's length, that
//! every container draws from.
//!
//! A binary format declares each container's length up front, and the
//! decoder checks the length against the bytes left (every element takes at
//! least one). That alone bounds each container, not their sum: each level
//! of a nested input may declare as many elements as all the bytes after it,
//! so 63 levels of `Vec<Big>` could reserve 63 times what one could. With the
//! budget, the total reserved ahead across all levels is at most
//! [`RESERVE_PER_BYTE`] times the input's length; past it a collection grows
//! as its elements arrive, as it would with no declared length.

/// Bytes a decode may reserve ahead per byte of input.
pub(crate) const RESERVE_PER_BYTE: usize = 32;

/// Most bytes reserved ahead for any one container, whatever the budget: a
/// `Vec` grows past it as its elements arrive (1 MiB, serde's bound too). At
/// 64 KiB, a 10,000-record `Vec` grew four times, copying a megabyte on
/// every decode.
const MAX_PREALLOCATION: usize = 1024 * 1024;

/// How many of `hint` elements of `size` bytes to reserve ahead with no
/// budget to draw from: at most [`MAX_PREALLOCATION`] bytes.
#[inline]
pub(crate) fn cautious(hint: Option<usize>, size: usize) -> usize {
    hint.unwrap_or(0).min(MAX_PREALLOCATION / size.max(1))
}

/// What is left of a decode's reservation budget, in bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    left: usize,
}

impl Budget {
    /// The budget of a decode of `input_len` bytes.
    #[inline]
    pub(crate) fn for_input(input_len: usize) -> Self {
        Budget {
            left: input_len.saturating_mul(RESERVE_PER_BYTE),
        }
    }

    /// How many of `hint` elements of `size` bytes to reserve ahead, taken
    /// from the budget.
    #[inline]
    pub(crate) fn draw(&mut self, hint: Option<usize>, size: usize) -> usize {
        let size = size.max(1);
        let count = cautious(hint, size).min(self.left / size);
        self.left -= count * size;
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_add_up_to_the_budget_at_most() {
        let mut budget = Budget::for_input(100);
        assert_eq!(budget.draw(Some(100), 8), 100);
        assert_eq!(budget.draw(Some(1000), 8), 300);
        assert_eq!(budget.draw(Some(1), 1), 0);
        assert_eq!(budget.draw(None, 8), 0);
    }

    #[test]
    fn one_container_takes_a_megabyte_at_most() {
        let mut budget = Budget::for_input(1 << 30);
        assert_eq!(budget.draw(Some(1 << 30), 1024), 1024);
    }
}
