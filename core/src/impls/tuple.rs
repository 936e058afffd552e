//! Tuples up to 16 elements, as arrays of exactly their length.

use super::seq::wrong_length;
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::Result;

macro_rules! tuple {
    ($len:literal => $($index:tt $name:ident)+) => {
        impl<$($name: Encode),+> Encode for ($($name,)+) {
            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                let mut seq = encoder.seq_begin($len)?;
                $(
                    encoder.seq_elem(&mut seq)?;
                    self.$index.encode(encoder)?;
                )+
                encoder.seq_end(seq)
            }
        }

        impl<'de, $($name: Decode<'de>),+> Decode<'de> for ($($name,)+) {
            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                let mut seq = decoder.seq_begin()?;
                let value = ($(
                    {
                        if !decoder.seq_next(&mut seq)? {
                            return Err(decoder.locate(wrong_length($len)));
                        }
                        $name::decode(decoder).map_err(|err| err.in_index($index))?
                    },
                )+);
                if decoder.seq_next(&mut seq)? {
                    return Err(decoder.locate(wrong_length($len)));
                }
                Ok(value)
            }
        }
    };
}

tuple!(1 => 0 T0);
tuple!(2 => 0 T0 1 T1);
tuple!(3 => 0 T0 1 T1 2 T2);
tuple!(4 => 0 T0 1 T1 2 T2 3 T3);
tuple!(5 => 0 T0 1 T1 2 T2 3 T3 4 T4);
tuple!(6 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5);
tuple!(7 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6);
tuple!(8 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7);
tuple!(9 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8);
tuple!(10 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8 9 T9);
tuple!(11 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8 9 T9 10 T10);
tuple!(12 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8 9 T9 10 T10 11 T11);
tuple!(13 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8 9 T9 10 T10 11 T11 12 T12);
tuple!(14 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8 9 T9 10 T10 11 T11 12 T12 13 T13);
tuple!(15 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8 9 T9 10 T10 11 T11 12 T12 13 T13 14 T14);
tuple!(16 => 0 T0 1 T1 2 T2 3 T3 4 T4 5 T5 6 T6 7 T7 8 T8 9 T9 10 T10 11 T11 12 T12 13 T13 14 T14 15 T15);
