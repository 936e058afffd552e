//! `smallvec::SmallVec<A>`, as smallvec's serde impl writes it: a sequence
//! of its elements, in every format; in the flat format the same sequence as
//! a `Vec`'s, viewed as a [`SeqView`](crate::flat::SeqView).

use ::smallvec::{Array, SmallVec};

use crate::decode::{Decode, Decoder};
use crate::encode::{Encode, Encoder};
use crate::error::Result;
use crate::impls::decode_seq;

impl<A: Array> Encode for SmallVec<A>
where
    A::Item: Encode,
{
    #[inline]
    fn encode<E: Encoder>(&self, encoder: &mut E) -> Result<()> {
        A::Item::encode_slice(self, encoder)
    }
}

impl<'de, A: Array> Decode<'de> for SmallVec<A>
where
    A::Item: Decode<'de>,
{
    #[inline]
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> Result<Self> {
        decode_seq(
            decoder,
            SmallVec::from_vec,
            SmallVec::with_capacity,
            SmallVec::push,
        )
    }
}

#[cfg(feature = "flat")]
impl<A: Array> crate::flat::View for SmallVec<A>
where
    A::Item: crate::flat::View,
{
    type View<'a> = crate::flat::SeqView<'a, A::Item>;

    const INLINE_SIZE: Option<usize> = None;

    #[inline]
    fn validate(v: &mut crate::flat::Validator<'_>, slot: usize) -> Result<()> {
        <Vec<A::Item> as crate::flat::View>::validate(v, slot)
    }

    #[inline]
    fn validate_view<'a>(
        v: &mut crate::flat::Validator<'a>,
        slot: usize,
    ) -> Result<Self::View<'a>> {
        <Vec<A::Item> as crate::flat::View>::validate_view(v, slot)
    }

    #[inline]
    fn read(bytes: &[u8]) -> Self::View<'_> {
        crate::flat::SeqView::read(bytes)
    }

    #[inline]
    fn absent<'a>() -> Self::View<'a> {
        crate::flat::SeqView::EMPTY
    }

    #[inline]
    fn from_view(view: Self::View<'_>) -> Self {
        view.iter()
            .map(<A::Item as crate::flat::View>::from_view)
            .collect()
    }
}
