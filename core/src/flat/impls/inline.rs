//! Values stored inline and read by value: `Duration`, `SystemTime`, the IP
//! and socket addresses and the `NonZero*` integers. A view checks a slot
//! with the type's own `Decode::decode_inline`, so validating, decoding and
//! viewing accept the same bytes.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::num::{
    NonZeroI8, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI128, NonZeroIsize, NonZeroU8,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroUsize,
};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::decode::Decode;
use crate::encode::{Encode, slot_width};
use crate::error::Result;
use crate::flat::{Validator, View};

/// The bytes of the slot of a `T` at `slot`.
#[inline]
fn slot_bytes<'a, T: Encode>(v: &Validator<'a>, slot: usize) -> &'a [u8] {
    let width = slot_width(T::INLINE_SIZE);
    v.bytes().get(slot..slot + width).unwrap_or(&[])
}

/// `View` for a type whose view is the value: `$absent` is the view of an
/// all-zero slot (which for some, the `NonZero*`, is not a valid slot).
macro_rules! by_value {
    ($($ty:ty => $absent:expr),* $(,)?) => {$(
        impl View for $ty {
            type View<'a> = $ty;

            const INLINE_SIZE: Option<usize> = <$ty as Encode>::INLINE_SIZE;
            const INLINE_ONLY: bool = <$ty as Encode>::INLINE_ONLY;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                match <$ty as Decode<'_>>::decode_inline(slot_bytes::<$ty>(v, slot)) {
                    Ok(_) => Ok(()),
                    Err(message) => Err(v.malformed(message, slot)),
                }
            }

            #[inline]
            fn read(bytes: &[u8]) -> $ty {
                <$ty as Decode<'_>>::decode_inline(bytes).unwrap_or($absent)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                $absent
            }

            #[inline]
            fn from_view(view: $ty) -> $ty {
                view
            }
        }
    )*};
}

by_value! {
    Duration => Duration::ZERO,
    SystemTime => UNIX_EPOCH,
    Ipv4Addr => Ipv4Addr::UNSPECIFIED,
    Ipv6Addr => Ipv6Addr::UNSPECIFIED,
    IpAddr => IpAddr::V4(Ipv4Addr::UNSPECIFIED),
    SocketAddrV4 => SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0),
    SocketAddrV6 => SocketAddrV6::new(Ipv6Addr::UNSPECIFIED, 0, 0, 0),
    SocketAddr => SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0)),
}

/// The `NonZero*` have no zero: an absent one reads as 1.
macro_rules! nonzero {
    ($($ty:ty),* $(,)?) => {
        by_value! {
            $($ty => const { match <$ty>::new(1) {
                Some(one) => one,
                None => unreachable!(),
            } }),*
        }
    };
}

nonzero!(
    NonZeroI8,
    NonZeroI16,
    NonZeroI32,
    NonZeroI64,
    NonZeroI128,
    NonZeroIsize,
    NonZeroU8,
    NonZeroU16,
    NonZeroU32,
    NonZeroU64,
    NonZeroU128,
    NonZeroUsize,
);
