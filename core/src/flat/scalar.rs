//! [`Scalar`]: the fixed-width numbers whose sequences read as zero-copy slices.

use std::fmt::Debug;

use zerocopy::{FromBytes, Immutable, KnownLayout, Unaligned};

use super::view::View;

/// A fixed-width number: its flat slot is its little-endian bytes, so a
/// sequence of them is a slice of [`Scalar::Le`], readable in place with
/// [`SeqView::as_slice`](super::SeqView::as_slice).
///
/// Implemented for every integer type of 1 to 16 bytes and for `f32` and
/// `f64`; sealed.
///
/// # Examples
///
/// ```
/// use zerocopy::little_endian::F64;
///
/// let bytes = zerospec::flat::to_vec(&vec![0.5f64])?;
/// let slice: &[F64] = zerospec::flat::view::<Vec<f64>>(&bytes)?.as_slice();
/// assert_eq!(slice[0].get(), 0.5);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait Scalar: View + sealed::Sealed {
    /// The unaligned little-endian type with the same bytes: `F32` for `f32`,
    /// `U16` for `u16`, `u8` for `u8`.
    type Le: FromBytes + Immutable + KnownLayout + Unaligned + Copy + Debug + PartialEq;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! scalars {
    ($($ty:ty => $le:ty),* $(,)?) => {$(
        impl sealed::Sealed for $ty {}
        impl Scalar for $ty {
            type Le = $le;
        }
    )*};
}

scalars! {
    u8 => u8,
    i8 => i8,
    u16 => zerocopy::little_endian::U16,
    i16 => zerocopy::little_endian::I16,
    u32 => zerocopy::little_endian::U32,
    i32 => zerocopy::little_endian::I32,
    u64 => zerocopy::little_endian::U64,
    i64 => zerocopy::little_endian::I64,
    u128 => zerocopy::little_endian::U128,
    i128 => zerocopy::little_endian::I128,
    f32 => zerocopy::little_endian::F32,
    f64 => zerocopy::little_endian::F64,
}
