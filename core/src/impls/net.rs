//! IP and socket addresses, as serde writes them: in human-readable formats
//! (JSON) the address's text (`"127.0.0.1"`, `"[::1]:80"`), read back with
//! its `FromStr`; in binary ones (MessagePack) `Ipv4Addr` and `Ipv6Addr` as
//! arrays of their octets, `SocketAddrV4` and `SocketAddrV6` as
//! `[ip, port]` (a `SocketAddrV6`'s flow info and scope id are not written,
//! and read back as 0), and `IpAddr` and `SocketAddr` as the variants `V4`
//! and `V6` (`{"V4": [127, 0, 0, 1]}`). All are map keys: their text in
//! JSON, their binary form in MessagePack.
//!
//! Positional formats store them inline: the octets; then the port as a
//! `u16`; for `SocketAddrV6` then its flow info and scope id as `u32`s; and
//! `IpAddr` and `SocketAddr` as a variant byte (0 for `V4`, 1 for `V6`) then
//! room for the wider variant, the narrower one written at its start.

use std::cmp::Ordering;
use std::fmt::{self, Display, Write as _};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::str::FromStr;

use super::variant::{Content, decode_variant, encode_newtype};
use crate::decode::{Decode, Decoder, MapKey, Str};
use crate::encode::{Encode, EncodeKey, Encoder};
use crate::error::{Error, Result};

/// Room for the longest text of an address:
/// `[1001:1002:1003:1004:1005:1006:1007:1008%4294967295]:65000`.
const TEXT: usize = 64;

/// A stack buffer an address's `Display` writes into.
struct TextBuf {
    bytes: [u8; TEXT],
    len: usize,
}

impl fmt::Write for TextBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let room = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        room.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Calls `f` with `value`'s text, as its `Display` writes it.
#[inline]
fn with_text<R>(value: &impl Display, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
    let mut buf = TextBuf {
        bytes: [0; TEXT],
        len: 0,
    };
    if write!(buf, "{value}").is_err() {
        return Err(Error::unsupported("address text longer than 64 bytes"));
    }
    // Only whole `&str`s were copied in.
    match std::str::from_utf8(&buf.bytes[..buf.len]) {
        Ok(text) => f(text),
        Err(_) => Err(Error::unsupported("address text is not UTF-8")),
    }
}

/// `text` parsed as `T`, or ``Invalid IPv4 address `x` `` naming `what`.
#[inline]
fn parse<T: FromStr>(text: &str, what: &str) -> Result<T> {
    text.parse()
        .map_err(|_| Error::invalid(format!("Invalid {what} `{text}`")))
}

/// Reads an address from its text.
#[inline]
fn decode_text<'de, D: Decoder<'de>, T: FromStr>(decoder: &mut D, what: &str) -> Result<T> {
    let parsed = parse(&decoder.decode_str()?, what);
    parsed.map_err(|err| decoder.locate(err))
}

/// The variants of `IpAddr` and `SocketAddr` in binary formats.
const V4_V6: [(&str, Content); 2] = [("V4", Content::Newtype), ("V6", Content::Newtype)];

/// `EncodeKey` and `MapKey` for the address types: their text, parsed back
/// with their `FromStr`.
macro_rules! address_keys {
    ($($ty:ty => $what:literal),* $(,)?) => {$(
        impl EncodeKey for $ty {
            #[inline]
            fn with_key_str<R>(&self, f: impl FnOnce(&str) -> Result<R>) -> Result<R> {
                with_text(self, f)
            }

            #[inline]
            fn cmp_key(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl<'de> MapKey<'de> for $ty {
    crate::decode::flat_key_after!(Self);
            #[inline]
            fn from_key_str(key: Str<'de, '_>) -> Result<Self> {
                parse(&key, $what)
            }

            fn key_display(&self) -> Option<&dyn Display> {
                Some(self)
            }
        }
    )*};
}

address_keys! {
    Ipv4Addr => "IPv4 address",
    Ipv6Addr => "IPv6 address",
    IpAddr => "IP address",
    SocketAddrV4 => "IPv4 socket address",
    SocketAddrV6 => "IPv6 socket address",
    SocketAddr => "socket address",
}

/// An `Encode` impl: the text in human-readable formats, the inline slot
/// in positional ones, `$binary` (an expression of `self` and `encoder`)
/// otherwise.
macro_rules! encode_address {
    ($ty:ty, $size:expr, |$this:ident, $out:ident| $inline:block, |$self_:ident, $encoder:ident| $binary:expr) => {
        impl Encode for $ty {
            const INLINE_SIZE: Option<usize> = Some($size);
            const INLINE_ONLY: bool = true;

            #[inline]
            #[allow(unused_braces)]
            fn encode_inline(&self, $out: &mut [u8]) {
                let $this = self;
                $inline
            }

            #[inline]
            // rustfmt braces the closure-like arguments of the macro.
            #[allow(unused_braces)]
            fn encode<E: Encoder>(&self, $encoder: &mut E) -> Result<()> {
                if E::POSITIONAL {
                    return $encoder.encode_inline_value(self);
                }
                if E::HUMAN_READABLE {
                    return with_text(self, |text| $encoder.encode_str(text));
                }
                let $self_ = self;
                $binary
            }
        }
    };
}

/// A `Decode` impl: the text in human-readable formats, the inline slot in
/// positional ones, `$binary` (an expression of `decoder`) otherwise.
macro_rules! decode_address {
    ($ty:ty, $size:expr, $what:literal, |$bytes:ident| $inline:expr, |$decoder:ident| $binary:expr) => {
        impl<'de> Decode<'de> for $ty {
            const INLINE_SIZE: Option<usize> = Some($size);
            const INLINE_ONLY: bool = true;

            #[inline]
            #[allow(unused_braces)]
            fn decode_inline($bytes: &[u8]) -> Result<Self, &'static str> {
                $inline
            }

            #[inline]
            #[allow(unused_braces)]
            fn decode<D: Decoder<'de>>($decoder: &mut D) -> Result<Self> {
                if D::POSITIONAL {
                    return $decoder.decode_inline_value();
                }
                if D::HUMAN_READABLE {
                    return decode_text($decoder, $what);
                }
                $binary
            }
        }
    };
}

/// The first `N` bytes of `bytes`.
#[inline]
fn take<const N: usize>(bytes: &[u8]) -> Result<[u8; N], &'static str> {
    bytes.first_chunk().copied().ok_or("truncated")
}

/// Writes `bytes` into `out` at `at`.
#[inline]
fn put(out: &mut [u8], at: usize, bytes: &[u8]) {
    if let Some(room) = out.get_mut(at..at + bytes.len()) {
        room.copy_from_slice(bytes);
    }
}

/// The slot widths: octets, then port, flow info and scope id.
const V4_SLOT: usize = 4;
const V6_SLOT: usize = 16;
const SOCKET_V4_SLOT: usize = V4_SLOT + 2;
const SOCKET_V6_SLOT: usize = V6_SLOT + 2 + 4 + 4;

encode_address!(
    Ipv4Addr,
    V4_SLOT,
    |this, out| { put(out, 0, &this.octets()) },
    |this, encoder| { this.octets().encode(encoder) }
);
decode_address!(
    Ipv4Addr,
    V4_SLOT,
    "IPv4 address",
    |bytes| take::<4>(bytes).map(Ipv4Addr::from),
    |decoder| { <[u8; 4]>::decode(decoder).map(Ipv4Addr::from) }
);

encode_address!(
    Ipv6Addr,
    V6_SLOT,
    |this, out| { put(out, 0, &this.octets()) },
    |this, encoder| { this.octets().encode(encoder) }
);
decode_address!(
    Ipv6Addr,
    V6_SLOT,
    "IPv6 address",
    |bytes| take::<16>(bytes).map(Ipv6Addr::from),
    |decoder| { <[u8; 16]>::decode(decoder).map(Ipv6Addr::from) }
);

/// A socket address's slot after its octets: the port, and for `V6` the
/// flow info and the scope id.
#[inline]
fn port_at(bytes: &[u8], at: usize) -> Result<u16, &'static str> {
    take::<2>(bytes.get(at..).unwrap_or(&[])).map(u16::from_le_bytes)
}

#[inline]
fn u32_at(bytes: &[u8], at: usize) -> Result<u32, &'static str> {
    take::<4>(bytes.get(at..).unwrap_or(&[])).map(u32::from_le_bytes)
}

#[inline]
fn socket_v4_slot(out: &mut [u8], addr: &SocketAddrV4) {
    put(out, 0, &addr.ip().octets());
    put(out, V4_SLOT, &addr.port().to_le_bytes());
}

#[inline]
fn slot_socket_v4(bytes: &[u8]) -> Result<SocketAddrV4, &'static str> {
    Ok(SocketAddrV4::new(
        take::<4>(bytes)?.into(),
        port_at(bytes, V4_SLOT)?,
    ))
}

#[inline]
fn socket_v6_slot(out: &mut [u8], addr: &SocketAddrV6) {
    put(out, 0, &addr.ip().octets());
    put(out, V6_SLOT, &addr.port().to_le_bytes());
    put(out, V6_SLOT + 2, &addr.flowinfo().to_le_bytes());
    put(out, V6_SLOT + 6, &addr.scope_id().to_le_bytes());
}

#[inline]
fn slot_socket_v6(bytes: &[u8]) -> Result<SocketAddrV6, &'static str> {
    Ok(SocketAddrV6::new(
        take::<16>(bytes)?.into(),
        port_at(bytes, V6_SLOT)?,
        u32_at(bytes, V6_SLOT + 2)?,
        u32_at(bytes, V6_SLOT + 6)?,
    ))
}

encode_address!(
    SocketAddrV4,
    SOCKET_V4_SLOT,
    |this, out| { socket_v4_slot(out, this) },
    |this, encoder| { (*this.ip(), this.port()).encode(encoder) }
);
decode_address!(
    SocketAddrV4,
    SOCKET_V4_SLOT,
    "IPv4 socket address",
    |bytes| slot_socket_v4(bytes),
    |decoder| { <(Ipv4Addr, u16)>::decode(decoder).map(|(ip, port)| SocketAddrV4::new(ip, port)) }
);

encode_address!(
    SocketAddrV6,
    SOCKET_V6_SLOT,
    |this, out| { socket_v6_slot(out, this) },
    |this, encoder| { (*this.ip(), this.port()).encode(encoder) }
);
decode_address!(
    SocketAddrV6,
    SOCKET_V6_SLOT,
    "IPv6 socket address",
    |bytes| slot_socket_v6(bytes),
    |decoder| {
        <(Ipv6Addr, u16)>::decode(decoder).map(|(ip, port)| SocketAddrV6::new(ip, port, 0, 0))
    }
);

/// The variant byte of an `IpAddr` or `SocketAddr` slot, and the rest.
#[inline]
fn variant_slot(bytes: &[u8]) -> Result<(bool, &[u8]), &'static str> {
    match bytes.split_first() {
        Some((0, rest)) => Ok((false, rest)),
        Some((1, rest)) => Ok((true, rest)),
        Some(_) => Err("invalid address variant (expected 0 or 1)"),
        None => Err("truncated"),
    }
}

encode_address!(
    IpAddr,
    1 + V6_SLOT,
    |this, out| {
        match this {
            IpAddr::V4(ip) => put(out, 1, &ip.octets()),
            IpAddr::V6(ip) => {
                put(out, 0, &[1]);
                put(out, 1, &ip.octets());
            }
        }
    },
    |this, encoder| match this {
        IpAddr::V4(ip) => encode_newtype(encoder, "V4", 0, ip),
        IpAddr::V6(ip) => encode_newtype(encoder, "V6", 1, ip),
    }
);
decode_address!(
    IpAddr,
    1 + V6_SLOT,
    "IP address",
    |bytes| {
        match variant_slot(bytes)? {
            (false, rest) => take::<4>(rest).map(|ip| IpAddr::V4(ip.into())),
            (true, rest) => take::<16>(rest).map(|ip| IpAddr::V6(ip.into())),
        }
    },
    |decoder| decode_variant(decoder, &V4_V6, |decoder, index| match (decoder, index) {
        (Some(decoder), 0) => Ipv4Addr::decode(decoder).map(IpAddr::V4),
        (Some(decoder), _) => Ipv6Addr::decode(decoder).map(IpAddr::V6),
        (None, _) => Err(Error::unexpected("object", "str")),
    })
);

encode_address!(
    SocketAddr,
    1 + SOCKET_V6_SLOT,
    |this, out| {
        match this {
            SocketAddr::V4(addr) => socket_v4_slot(out.get_mut(1..).unwrap_or_default(), addr),
            SocketAddr::V6(addr) => {
                put(out, 0, &[1]);
                socket_v6_slot(out.get_mut(1..).unwrap_or_default(), addr);
            }
        }
    },
    |this, encoder| match this {
        SocketAddr::V4(addr) => encode_newtype(encoder, "V4", 0, addr),
        SocketAddr::V6(addr) => encode_newtype(encoder, "V6", 1, addr),
    }
);
decode_address!(
    SocketAddr,
    1 + SOCKET_V6_SLOT,
    "socket address",
    |bytes| {
        match variant_slot(bytes)? {
            (false, rest) => slot_socket_v4(rest).map(SocketAddr::V4),
            (true, rest) => slot_socket_v6(rest).map(SocketAddr::V6),
        }
    },
    |decoder| decode_variant(decoder, &V4_V6, |decoder, index| match (decoder, index) {
        (Some(decoder), 0) => SocketAddrV4::decode(decoder).map(SocketAddr::V4),
        (Some(decoder), _) => SocketAddrV6::decode(decoder).map(SocketAddr::V6),
        (None, _) => Err(Error::unexpected("object", "str")),
    })
);
