//! `BinaryHeap<T>` and `LinkedList<T>`, as arrays, as serde writes them: a
//! heap in its internal order (`BinaryHeap::iter`), a list front to back.

use std::collections::{BinaryHeap, LinkedList};

use super::seq::decode_seq;
use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder, encode_iter};
use crate::error::Result;

impl<T: Encode> Encode for BinaryHeap<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_iter(encoder, self)
    }
}

impl<'de, T: Decode<'de> + Ord> Decode<'de> for BinaryHeap<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            BinaryHeap::from,
            BinaryHeap::with_capacity,
            BinaryHeap::push,
        )
    }
}

impl<T: Encode> Encode for LinkedList<T> {
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        encode_iter(encoder, self)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for LinkedList<T> {
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            |items| items.into_iter().collect(),
            |_| LinkedList::new(),
            LinkedList::push_back,
        )
    }
}
