//! Tuples up to 12 elements: inline, the elements' slots one after another.

use crate::encode::slot_width;
use crate::error::Result;
use crate::flat::table::slot_at;
use crate::flat::{Validator, View};

/// `offset!(T0 T1 T2)`: where the slot after `T0`, `T1` starts, i.e. the sum
/// of their slot widths.
macro_rules! offset {
    () => { 0 };
    ($head:ident $($tail:ident)*) => { slot_width($head::INLINE_SIZE) + offset!($($tail)*) };
}

macro_rules! tuple {
    ($(($index:tt $name:ident [$($before:ident)*]))+) => {
        impl<$($name: View),+> View for ($($name,)+) {
            type View<'a> = ($($name::View<'a>,)+);

            const INLINE_SIZE: Option<usize> = Some(0 $(+ slot_width($name::INLINE_SIZE))+);
            const INLINE_ONLY: bool = true $(&& $name::INLINE_ONLY)+;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                $(
                    $name::validate(v, slot + offset!($($before)*))
                        .map_err(|err| err.in_index($index))?;
                )+
                Ok(())
            }

            #[inline]
            fn read(bytes: &[u8]) -> Self::View<'_> {
                ($($name::read(slot_at(bytes, offset!($($before)*))),)+)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                ($($name::absent(),)+)
            }

            #[inline]
            fn from_view(view: Self::View<'_>) -> Self {
                ($($name::from_view(view.$index),)+)
            }
        }
    };
}

tuple!((0 T0 []));
tuple!((0 T0 []) (1 T1 [T0]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3])
    (5 T5 [T0 T1 T2 T3 T4]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3])
    (5 T5 [T0 T1 T2 T3 T4]) (6 T6 [T0 T1 T2 T3 T4 T5]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3])
    (5 T5 [T0 T1 T2 T3 T4]) (6 T6 [T0 T1 T2 T3 T4 T5]) (7 T7 [T0 T1 T2 T3 T4 T5 T6]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3])
    (5 T5 [T0 T1 T2 T3 T4]) (6 T6 [T0 T1 T2 T3 T4 T5]) (7 T7 [T0 T1 T2 T3 T4 T5 T6])
    (8 T8 [T0 T1 T2 T3 T4 T5 T6 T7]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3])
    (5 T5 [T0 T1 T2 T3 T4]) (6 T6 [T0 T1 T2 T3 T4 T5]) (7 T7 [T0 T1 T2 T3 T4 T5 T6])
    (8 T8 [T0 T1 T2 T3 T4 T5 T6 T7]) (9 T9 [T0 T1 T2 T3 T4 T5 T6 T7 T8]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3])
    (5 T5 [T0 T1 T2 T3 T4]) (6 T6 [T0 T1 T2 T3 T4 T5]) (7 T7 [T0 T1 T2 T3 T4 T5 T6])
    (8 T8 [T0 T1 T2 T3 T4 T5 T6 T7]) (9 T9 [T0 T1 T2 T3 T4 T5 T6 T7 T8])
    (10 T10 [T0 T1 T2 T3 T4 T5 T6 T7 T8 T9]));
tuple!((0 T0 []) (1 T1 [T0]) (2 T2 [T0 T1]) (3 T3 [T0 T1 T2]) (4 T4 [T0 T1 T2 T3])
    (5 T5 [T0 T1 T2 T3 T4]) (6 T6 [T0 T1 T2 T3 T4 T5]) (7 T7 [T0 T1 T2 T3 T4 T5 T6])
    (8 T8 [T0 T1 T2 T3 T4 T5 T6 T7]) (9 T9 [T0 T1 T2 T3 T4 T5 T6 T7 T8])
    (10 T10 [T0 T1 T2 T3 T4 T5 T6 T7 T8 T9]) (11 T11 [T0 T1 T2 T3 T4 T5 T6 T7 T8 T9 T10]));
