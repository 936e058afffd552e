//! The marker bytes that open every MessagePack value, and what kind of value each starts.

use crate::decode::Peek;

pub(crate) const NIL: u8 = 0xc0;
pub(crate) const RESERVED: u8 = 0xc1;
pub(crate) const FALSE: u8 = 0xc2;
pub(crate) const TRUE: u8 = 0xc3;
pub(crate) const BIN8: u8 = 0xc4;
pub(crate) const BIN16: u8 = 0xc5;
pub(crate) const BIN32: u8 = 0xc6;
pub(crate) const EXT8: u8 = 0xc7;
pub(crate) const EXT16: u8 = 0xc8;
pub(crate) const EXT32: u8 = 0xc9;
pub(crate) const F32: u8 = 0xca;
pub(crate) const F64: u8 = 0xcb;
pub(crate) const U8: u8 = 0xcc;
pub(crate) const U16: u8 = 0xcd;
pub(crate) const U32: u8 = 0xce;
pub(crate) const U64: u8 = 0xcf;
pub(crate) const I8: u8 = 0xd0;
pub(crate) const I16: u8 = 0xd1;
pub(crate) const I32: u8 = 0xd2;
pub(crate) const I64: u8 = 0xd3;
pub(crate) const FIXEXT1: u8 = 0xd4;
pub(crate) const FIXEXT2: u8 = 0xd5;
pub(crate) const FIXEXT4: u8 = 0xd6;
pub(crate) const FIXEXT8: u8 = 0xd7;
pub(crate) const FIXEXT16: u8 = 0xd8;
pub(crate) const STR8: u8 = 0xd9;
pub(crate) const STR16: u8 = 0xda;
pub(crate) const STR32: u8 = 0xdb;
pub(crate) const ARRAY16: u8 = 0xdc;
pub(crate) const ARRAY32: u8 = 0xdd;
pub(crate) const MAP16: u8 = 0xde;
pub(crate) const MAP32: u8 = 0xdf;

pub(crate) const FIXMAP: u8 = 0x80;
pub(crate) const FIXARRAY: u8 = 0x90;
pub(crate) const FIXSTR: u8 = 0xa0;

/// The kind of value `marker` starts, or `None` for the one reserved byte, 0xc1.
#[inline]
pub(crate) fn kind(marker: u8) -> Option<Peek> {
    Some(match marker {
        0x00..=0x7f | 0xe0..=0xff | U8..=I64 => Peek::Int,
        0x80..=0x8f | MAP16 | MAP32 => Peek::Map,
        0x90..=0x9f | ARRAY16 | ARRAY32 => Peek::Seq,
        0xa0..=0xbf | STR8..=STR32 => Peek::Str,
        NIL => Peek::Null,
        FALSE | TRUE => Peek::Bool,
        BIN8..=BIN32 => Peek::Bytes,
        EXT8..=EXT32 | FIXEXT1..=FIXEXT16 => Peek::Ext,
        F32 | F64 => Peek::Float,
        RESERVED => return None,
    })
}
