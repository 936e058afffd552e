//! `Option<T>`: inline, a presence byte (0 or 1) then `T`'s slot, zero when absent.

use crate::encode::slot_width;
use crate::error::Result;
use crate::flat::table::slot_at;
use crate::flat::{Validator, View};

impl<T: View> View for Option<T> {
    type View<'a> = Option<T::View<'a>>;

    const INLINE_SIZE: Option<usize> = Some(1 + slot_width(T::INLINE_SIZE));
    const INLINE_ONLY: bool = T::INLINE_ONLY;

    #[inline]
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        match v.scalar::<1>(slot)? {
            [0] => Ok(()),
            [1] => T::validate(v, slot + 1),
            _ => Err(v.malformed("invalid option tag (expected 0 or 1)", slot)),
        }
    }

    #[inline]
    fn read(bytes: &[u8]) -> Option<T::View<'_>> {
        match bytes.first() {
            Some(1) => Some(T::read(slot_at(bytes, 1))),
            _ => None,
        }
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        None
    }

    #[inline]
    fn from_view(view: Option<T::View<'_>>) -> Self {
        view.map(T::from_view)
    }
}
