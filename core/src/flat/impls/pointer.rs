//! `Box<T>`, `Rc<T>`, `Arc<T>`: stored as the value they hold, read as its view.

use std::rc::Rc;
use std::sync::Arc;

use crate::error::Result;
use crate::flat::{Validator, View};

macro_rules! pointers {
    ($($ptr:ident),* $(,)?) => {$(
        impl<T: View> View for $ptr<T> {
            type View<'a> = T::View<'a>;

            const INLINE_SIZE: Option<usize> = T::INLINE_SIZE;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                T::validate(v, slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> T::View<'_> {
                T::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                T::absent()
            }

            #[inline]
            fn from_view(view: T::View<'_>) -> Self {
                $ptr::new(T::from_view(view))
            }
        }
    )*};
}

pointers!(Box, Rc, Arc);
