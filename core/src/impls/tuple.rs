//! Tuples up to 16 elements, as arrays of exactly their length.
//!
//! Positional formats store a tuple inline, its elements' slots one after
//! another, like a `fixed` struct.

use super::seq::{fixed_shape, wrong_length};
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder, slot_width};
use crate::error::Result;

macro_rules! tuple {
    ($len:literal => $($index:tt $name:ident)+) => {
        impl<$($name: Encode),+> Encode for ($($name,)+) {
            const INLINE_SIZE: Option<usize> = Some(0 $(+ slot_width($name::INLINE_SIZE))+);
            const INLINE_ONLY: bool = true $(&& $name::INLINE_ONLY)+;

            #[inline]
            #[allow(unused_assignments)]
            fn encode_inline(&self, out: &mut [u8]) {
                let mut rest = out;
                $(
                    let width = slot_width($name::INLINE_SIZE).min(rest.len());
                    let (slot, tail) = std::mem::take(&mut rest).split_at_mut(width);
                    rest = tail;
                    self.$index.encode_inline(slot);
                )+
            }

            #[inline]
            fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
                if E::POSITIONAL {
                    let width = 0 $(+ slot_width($name::INLINE_SIZE))+;
                    let mut seq = encoder.struct_begin(fixed_shape($len, width)?)?;
                    $(
                        encoder.struct_field(&mut seq, $index)?;
                        self.$index.encode(encoder).map_err(|err| err.in_index($index))?;
                    )+
                    return encoder.struct_end(seq);
                }
                let mut seq = encoder.seq_begin($len)?;
                $(
                    encoder.seq_elem(&mut seq)?;
                    self.$index.encode(encoder)?;
                )+
                encoder.seq_end(seq)
            }
        }

        impl<'de, $($name: Decode<'de>),+> Decode<'de> for ($($name,)+) {
            const INLINE_SIZE: Option<usize> = Some(0 $(+ slot_width($name::INLINE_SIZE))+);
            const INLINE_ONLY: bool = true $(&& $name::INLINE_ONLY)+;

            #[inline]
            #[allow(unused_assignments)]
            fn decode_inline(bytes: &[u8]) -> std::result::Result<Self, &'static str> {
                let mut rest = bytes;
                Ok(($(
                    {
                        let width = slot_width($name::INLINE_SIZE).min(rest.len());
                        let (slot, tail) = rest.split_at(width);
                        rest = tail;
                        $name::decode_inline(slot)?
                    },
                )+))
            }

            #[inline]
            fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
                if D::POSITIONAL {
                    let width = 0 $(+ slot_width($name::INLINE_SIZE))+;
                    let mut seq = decoder.struct_begin(fixed_shape($len, width)?)?;
                    let value = ($(
                        {
                            // A fixed struct holds every field.
                            decoder.struct_field(&mut seq, $index)?;
                            $name::decode(decoder).map_err(|err| err.in_index($index))?
                        },
                    )+);
                    decoder.struct_end(seq)?;
                    return Ok(value);
                }
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
