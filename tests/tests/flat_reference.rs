//! The code `#[derive(Encode, Decode, View)]` generates for the flat format,
//! written by hand: the specification the derive implements.
//!
//! Four models cover every shape:
//!
//! - (a) [`Address`], a `#[zerospec(fixed)]` struct: stored inline in its
//!   parent, no header; and [`Log`], an ordinary struct: a *table* (field
//!   count, then the fields' slots) behind a 4-byte offset.
//! - (b) [`Item`], a struct with `Option`, `Vec<String>`, `Vec<f32>`, a
//!   `BTreeMap<String, u32>`, a nested table and an optional fixed struct.
//! - (c) [`Event`], an enum with unit, newtype, tuple and struct variants:
//!   out of line, the variant index then its content as a table.
//! - (d) [`Level`], a unit-only enum: inline, its index as a `u32`.
//!
//! Only the *positional* branch of `Encode`/`Decode` is shown (what runs when
//! `E::POSITIONAL` / `D::POSITIONAL`): the derive puts it first in the body,
//! before the by-name code JSON and MessagePack use, which it already
//! generates and which these hand-written impls replace with a short stand-in.
//!
//! Rules the generated code follows (see `docs/flat-format.md`):
//!
//! 1. Field *positions* are the declaration order of the fields that are
//!    neither `skip_serializing` nor `skip_deserializing` (nor `skip`): a field
//!    skipped on either side is not in the flat layout at all. Index `i` below
//!    is the position among those fields.
//! 2. A field's slot width is `slot_width(<T as Trait>::INLINE_SIZE)`; the
//!    offset of field `i` is the sum of the widths before it. Every offset
//!    and size is a constant expression of the fields' `INLINE_SIZE`s, so it
//!    works for generic fields too (computed per monomorphization).
//! 3. A fixed struct has `INLINE_SIZE = Some(sum of widths)` in `Encode`,
//!    `Decode` and `View` alike; every other struct `None`. Unit-only enums
//!    `Some(4)`; enums with content `None`.
//! 4. `encode` of a struct: `struct_begin(shape)`, then for each field
//!    `struct_field(&mut s, i)` and the field's encode, then `struct_end(s)`.
//!    `decode` mirrors it; `struct_field` answers whether the data holds the
//!    field. An absent field gets its `#[serde(default)]` when it has one;
//!    otherwise the field is decoded anyway, which in the absent state reads
//!    the type's zero value (`0`, `""`, `[]`, `None`, a struct of zero values).
//! 5. `#[zerospec(with = ...)]` fields have no `INLINE_SIZE` the derive can
//!    see: the derive should reject `with` on positional layouts, or require
//!    the module to be out of line. `flatten` has no flat form (an error at
//!    encode time).

// Generated code spells out one term per field, even where that is
// redundant for these concrete field types (`0 + …`, `A && A`); the derive
// puts the same allows on what it generates.
#![allow(clippy::identity_op, clippy::eq_op)]

use std::collections::BTreeMap;
use std::fmt;

use zerospec::encode::{Shape, slot_width};
use zerospec::flat::{FieldSlots, Table, Validator, Variant, View, slot_at};
use zerospec::{Decode, Decoder, Encode, Encoder, Error, Result};

// ---------------------------------------------------------------------------
// (a) A fixed struct: `#[zerospec(fixed)] struct Address { x0: u8, ... }`
// ---------------------------------------------------------------------------

/// The user's type.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Address {
    pub x0: u8,
    pub x1: u8,
    pub x2: u8,
    pub x3: u8,
}

// Generated: `Encode`. A fixed struct is inline: its slot is its fields'
// slots, back to back, with no header. `fields` and `inline_size` describe
// the struct to the encoder, which checks that the fields fill exactly
// `inline_size` bytes.
impl Encode for Address {
    const INLINE_SIZE: Option<usize> = Some(
        0 + slot_width(<u8 as Encode>::INLINE_SIZE)
            + slot_width(<u8 as Encode>::INLINE_SIZE)
            + slot_width(<u8 as Encode>::INLINE_SIZE)
            + slot_width(<u8 as Encode>::INLINE_SIZE),
    );

    // A fixed struct whose fields are all `INLINE_ONLY` (no offsets inside)
    // is `INLINE_ONLY` too: a `Vec<Address>` is then written in one pass,
    // each element through `encode_inline` into its `INLINE_SIZE` bytes. A
    // fixed struct with field constraints or `with` fields says `false`.
    const INLINE_ONLY: bool = <u8 as Encode>::INLINE_ONLY
        && <u8 as Encode>::INLINE_ONLY
        && <u8 as Encode>::INLINE_ONLY
        && <u8 as Encode>::INLINE_ONLY;

    // Each field's `encode_inline` into its slot, at the same offsets as the
    // view's. `get_mut` never panics; the compiler drops the checks when
    // `out` is known to be `INLINE_SIZE` long.
    #[inline]
    fn encode_inline(&self, out: &mut [u8]) {
        if let Some(slot) = out.get_mut(AddressView::OFFSET_X0..AddressView::OFFSET_X1) {
            self.x0.encode_inline(slot);
        }
        if let Some(slot) = out.get_mut(AddressView::OFFSET_X1..AddressView::OFFSET_X2) {
            self.x1.encode_inline(slot);
        }
        if let Some(slot) = out.get_mut(AddressView::OFFSET_X2..AddressView::OFFSET_X3) {
            self.x2.encode_inline(slot);
        }
        if let Some(slot) = out.get_mut(AddressView::OFFSET_X3..AddressView::SIZE) {
            self.x3.encode_inline(slot);
        }
    }

    // `#[inline]` on fixed structs' `encode` and `decode`: they are small
    // and sit in the innermost loops.
    #[inline]
    fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
        // An `INLINE_ONLY` fixed struct is written in one go.
        if E::POSITIONAL && <Self as Encode>::INLINE_ONLY {
            return e.encode_inline_value(self);
        }
        // Otherwise (a fixed struct with an out-of-line field), field by field.
        if E::POSITIONAL {
            let mut s = e.struct_begin(Shape {
                fields: 4,
                inline_size: slot_width(<u8 as Encode>::INLINE_SIZE)
                    + slot_width(<u8 as Encode>::INLINE_SIZE)
                    + slot_width(<u8 as Encode>::INLINE_SIZE)
                    + slot_width(<u8 as Encode>::INLINE_SIZE),
                // Read by no one for a fixed struct, which has no table.
                offsets: &[],
                fixed: true,
            })?;
            e.struct_field(&mut s, 0)?;
            Encode::encode(&self.x0, e).map_err(|err| err.in_field("x0"))?;
            e.struct_field(&mut s, 1)?;
            Encode::encode(&self.x1, e).map_err(|err| err.in_field("x1"))?;
            e.struct_field(&mut s, 2)?;
            Encode::encode(&self.x2, e).map_err(|err| err.in_field("x2"))?;
            e.struct_field(&mut s, 3)?;
            Encode::encode(&self.x3, e).map_err(|err| err.in_field("x3"))?;
            return e.struct_end(s);
        }
        // ... the derive's existing by-name code; a stand-in here:
        by_name(
            e,
            &[
                ("x0", self.x0),
                ("x1", self.x1),
                ("x2", self.x2),
                ("x3", self.x3),
            ],
        )
    }
}

// Generated: `Decode`. The same walk; a fixed struct always holds every
// field, so `struct_field` answers `true`. `INLINE_SIZE` repeats `Encode`'s,
// from the fields' `Decode` impls (a `Decode`-only type has no `Encode`).
impl<'de> Decode<'de> for Address {
    const INLINE_SIZE: Option<usize> = Some(
        0 + slot_width(<u8 as Decode>::INLINE_SIZE)
            + slot_width(<u8 as Decode>::INLINE_SIZE)
            + slot_width(<u8 as Decode>::INLINE_SIZE)
            + slot_width(<u8 as Decode>::INLINE_SIZE),
    );

    const INLINE_ONLY: bool = <u8 as Decode>::INLINE_ONLY
        && <u8 as Decode>::INLINE_ONLY
        && <u8 as Decode>::INLINE_ONLY
        && <u8 as Decode>::INLINE_ONLY;

    // The mirror of `encode_inline`: each field from its slot; the error
    // names what is wrong with the bytes (the decoder adds where).
    #[inline]
    fn decode_inline(bytes: &[u8]) -> std::result::Result<Self, &'static str> {
        let slot = |from: usize, to: usize| bytes.get(from..to).ok_or("truncated");
        Ok(Address {
            x0: <u8 as Decode>::decode_inline(slot(
                AddressView::OFFSET_X0,
                AddressView::OFFSET_X1,
            )?)?,
            x1: <u8 as Decode>::decode_inline(slot(
                AddressView::OFFSET_X1,
                AddressView::OFFSET_X2,
            )?)?,
            x2: <u8 as Decode>::decode_inline(slot(
                AddressView::OFFSET_X2,
                AddressView::OFFSET_X3,
            )?)?,
            x3: <u8 as Decode>::decode_inline(slot(AddressView::OFFSET_X3, AddressView::SIZE)?)?,
        })
    }

    #[inline]
    fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
        if D::POSITIONAL && <Self as Decode<'de>>::INLINE_ONLY {
            return d.decode_inline_value::<Self>();
        }
        if D::POSITIONAL {
            // Only `fields` and `fixed` matter to the decoder.
            let mut s = d.struct_begin(Shape {
                fields: 4,
                inline_size: 4,
                offsets: &[],
                fixed: true,
            })?;
            d.struct_field(&mut s, 0)?;
            let x0 = <u8 as Decode>::decode(d).map_err(|err| err.in_field("x0"))?;
            d.struct_field(&mut s, 1)?;
            let x1 = <u8 as Decode>::decode(d).map_err(|err| err.in_field("x1"))?;
            d.struct_field(&mut s, 2)?;
            let x2 = <u8 as Decode>::decode(d).map_err(|err| err.in_field("x2"))?;
            d.struct_field(&mut s, 3)?;
            let x3 = <u8 as Decode>::decode(d).map_err(|err| err.in_field("x3"))?;
            d.struct_end(s)?;
            return Ok(Address { x0, x1, x2, x3 });
        }
        Err(not_by_name())
    }
}

// Generated: the view. A fixed struct's view holds the buffer from its slot
// to the end (offsets inside it are relative to their own slots, so all the
// struct points to is in there); each accessor reads its field at a constant
// offset with `slot_at`, which never panics (a short buffer reads as absent).
/// The view of an [`Address`].
#[derive(Clone, Copy)]
pub struct AddressView<'a> {
    bytes: &'a [u8],
}

impl<'a> AddressView<'a> {
    // One constant per field: where its slot starts. Then the total.
    const OFFSET_X0: usize = 0;
    const OFFSET_X1: usize = Self::OFFSET_X0 + slot_width(<u8 as View>::INLINE_SIZE);
    const OFFSET_X2: usize = Self::OFFSET_X1 + slot_width(<u8 as View>::INLINE_SIZE);
    const OFFSET_X3: usize = Self::OFFSET_X2 + slot_width(<u8 as View>::INLINE_SIZE);
    const SIZE: usize = Self::OFFSET_X3 + slot_width(<u8 as View>::INLINE_SIZE);

    // One accessor per field, named as the field, returning the field type's view.
    #[inline]
    #[must_use]
    pub fn x0(&self) -> <u8 as View>::View<'a> {
        <u8 as View>::read(slot_at(self.bytes, Self::OFFSET_X0))
    }

    #[inline]
    #[must_use]
    pub fn x1(&self) -> <u8 as View>::View<'a> {
        <u8 as View>::read(slot_at(self.bytes, Self::OFFSET_X1))
    }

    #[inline]
    #[must_use]
    pub fn x2(&self) -> <u8 as View>::View<'a> {
        <u8 as View>::read(slot_at(self.bytes, Self::OFFSET_X2))
    }

    #[inline]
    #[must_use]
    pub fn x3(&self) -> <u8 as View>::View<'a> {
        <u8 as View>::read(slot_at(self.bytes, Self::OFFSET_X3))
    }

    /// The owned value (`Address::from(view)` does the same).
    #[must_use]
    pub fn to_owned(self) -> Address {
        <Address as View>::from_view(self)
    }
}

impl View for Address {
    type View<'a> = AddressView<'a>;

    const INLINE_SIZE: Option<usize> = Some(AddressView::SIZE);

    // Each field's slot lies inside the parent's (already claimed) slot area:
    // validate the fields in order at their offsets.
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        <u8 as View>::validate(v, slot + AddressView::OFFSET_X0).map_err(|e| e.in_field("x0"))?;
        <u8 as View>::validate(v, slot + AddressView::OFFSET_X1).map_err(|e| e.in_field("x1"))?;
        <u8 as View>::validate(v, slot + AddressView::OFFSET_X2).map_err(|e| e.in_field("x2"))?;
        <u8 as View>::validate(v, slot + AddressView::OFFSET_X3).map_err(|e| e.in_field("x3"))?;
        Ok(())
    }

    // Checking the length once lets the compiler drop each accessor's own
    // check when they are inlined together (a loop over a `Vec<Address>`).
    #[inline]
    fn read(bytes: &[u8]) -> AddressView<'_> {
        if bytes.len() >= AddressView::SIZE {
            AddressView { bytes }
        } else {
            <Self as View>::absent()
        }
    }

    // No bytes: every field reads as its own absent value.
    #[inline]
    fn absent<'a>() -> AddressView<'a> {
        AddressView { bytes: &[] }
    }

    fn from_view(view: AddressView<'_>) -> Self {
        Address {
            x0: <u8 as View>::from_view(view.x0()),
            x1: <u8 as View>::from_view(view.x1()),
            x2: <u8 as View>::from_view(view.x2()),
            x3: <u8 as View>::from_view(view.x3()),
        }
    }
}

// Views print and compare through their accessors. (For generic types the
// derive writes these impls with `where` bounds on the fields' views, since
// `#[derive]` would bound the type parameters instead.)
impl fmt::Debug for AddressView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AddressView")
            .field("x0", &self.x0())
            .field("x1", &self.x1())
            .field("x2", &self.x2())
            .field("x3", &self.x3())
            .finish()
    }
}

impl PartialEq for AddressView<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.x0() == other.x0()
            && self.x1() == other.x1()
            && self.x2() == other.x2()
            && self.x3() == other.x3()
    }
}

impl From<AddressView<'_>> for Address {
    fn from(view: AddressView<'_>) -> Self {
        view.to_owned()
    }
}

// ---------------------------------------------------------------------------
// (a) A table: `struct Log { address: Address, identity: String, ... }`
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Log {
    pub address: Address,
    pub identity: String,
    pub userid: String,
    pub date: String,
    pub request: String,
    pub code: u16,
    pub size: u64,
}

// Generated: `Encode`. A struct that is not fixed is a table behind an
// offset: `INLINE_SIZE` stays `None` (the default); `struct_begin` appends
// the field count and reserves `inline_size` bytes of slots.
impl Encode for Log {
    fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
        if E::POSITIONAL {
            // Every field is a string or inline (`MEASURABLE`): an encoder
            // that measures tables first (`MEASURES`) sizes the whole table,
            // grows its buffer once and writes these same bytes in place; if
            // it declines, the fields are written one by one below.
            if E::MEASURES
                && <Address as Encode>::MEASURABLE
                && <String as Encode>::MEASURABLE
                && <u16 as Encode>::MEASURABLE
                && <u64 as Encode>::MEASURABLE
                && e.encode_measured(self)?
            {
                return Ok(());
            }
            let mut s = e.struct_begin(Shape {
                fields: 7,
                inline_size: slot_width(<Address as Encode>::INLINE_SIZE)
                    + slot_width(<String as Encode>::INLINE_SIZE)
                    + slot_width(<String as Encode>::INLINE_SIZE)
                    + slot_width(<String as Encode>::INLINE_SIZE)
                    + slot_width(<String as Encode>::INLINE_SIZE)
                    + slot_width(<u16 as Encode>::INLINE_SIZE)
                    + slot_width(<u64 as Encode>::INLINE_SIZE),
                offsets: LogView::OFFSETS,
                fixed: false,
            })?;
            e.struct_field(&mut s, 0)?;
            Encode::encode(&self.address, e).map_err(|err| err.in_field("address"))?;
            e.struct_field(&mut s, 1)?;
            Encode::encode(&self.identity, e).map_err(|err| err.in_field("identity"))?;
            e.struct_field(&mut s, 2)?;
            Encode::encode(&self.userid, e).map_err(|err| err.in_field("userid"))?;
            e.struct_field(&mut s, 3)?;
            Encode::encode(&self.date, e).map_err(|err| err.in_field("date"))?;
            e.struct_field(&mut s, 4)?;
            Encode::encode(&self.request, e).map_err(|err| err.in_field("request"))?;
            e.struct_field(&mut s, 5)?;
            Encode::encode(&self.code, e).map_err(|err| err.in_field("code"))?;
            e.struct_field(&mut s, 6)?;
            Encode::encode(&self.size, e).map_err(|err| err.in_field("size"))?;
            return e.struct_end(s);
        }
        Err(not_by_name())
    }
}

// Generated: `Decode`. For each field, `struct_field` answers whether the
// data holds it (data written by an older version of the type holds fewer).
// A field without `#[serde(default)]` is decoded either way: absent, it reads
// as its type's zero value. A field with a default takes it when absent
// (see `LogV2::referer` below).
impl<'de> Decode<'de> for Log {
    fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            // The same shape as `encode`'s (the derive computes it from the
            // fields' `Decode` impls): the decoder claims the slots of the
            // fields the data holds, as the validator does from the view's
            // `OFFSETS`.
            let mut s = d.struct_begin(Shape {
                fields: 7,
                inline_size: LogView::SIZE,
                offsets: LogView::OFFSETS,
                fixed: false,
            })?;
            d.struct_field(&mut s, 0)?;
            let address = <Address as Decode>::decode(d).map_err(|e| e.in_field("address"))?;
            d.struct_field(&mut s, 1)?;
            let identity = <String as Decode>::decode(d).map_err(|e| e.in_field("identity"))?;
            d.struct_field(&mut s, 2)?;
            let userid = <String as Decode>::decode(d).map_err(|e| e.in_field("userid"))?;
            d.struct_field(&mut s, 3)?;
            let date = <String as Decode>::decode(d).map_err(|e| e.in_field("date"))?;
            d.struct_field(&mut s, 4)?;
            let request = <String as Decode>::decode(d).map_err(|e| e.in_field("request"))?;
            d.struct_field(&mut s, 5)?;
            let code = <u16 as Decode>::decode(d).map_err(|e| e.in_field("code"))?;
            d.struct_field(&mut s, 6)?;
            let size = <u64 as Decode>::decode(d).map_err(|e| e.in_field("size"))?;
            // Passes over fields a newer version wrote.
            d.struct_end(s)?;
            return Ok(Log {
                address,
                identity,
                userid,
                date,
                request,
                code,
                size,
            });
        }
        Err(not_by_name())
    }
}

// Generated: the view of a table wraps a `Table` (the slots, and how many
// fields the data holds). `Table::field::<T>(i, OFFSET)` reads field `i` at
// its constant offset, or gives `T`'s absent value when the data predates it.
/// The view of a [`Log`].
#[derive(Clone, Copy)]
pub struct LogView<'a> {
    table: Table<'a>,
}

impl<'a> LogView<'a> {
    const OFFSET_ADDRESS: usize = 0;
    const OFFSET_IDENTITY: usize =
        Self::OFFSET_ADDRESS + slot_width(<Address as View>::INLINE_SIZE);
    const OFFSET_USERID: usize = Self::OFFSET_IDENTITY + slot_width(<String as View>::INLINE_SIZE);
    const OFFSET_DATE: usize = Self::OFFSET_USERID + slot_width(<String as View>::INLINE_SIZE);
    const OFFSET_REQUEST: usize = Self::OFFSET_DATE + slot_width(<String as View>::INLINE_SIZE);
    const OFFSET_CODE: usize = Self::OFFSET_REQUEST + slot_width(<String as View>::INLINE_SIZE);
    const OFFSET_SIZE: usize = Self::OFFSET_CODE + slot_width(<u16 as View>::INLINE_SIZE);
    const SIZE: usize = Self::OFFSET_SIZE + slot_width(<u64 as View>::INLINE_SIZE);
    /// For the validator: every field's offset, then the total.
    const OFFSETS: &'static [usize] = &[
        Self::OFFSET_ADDRESS,
        Self::OFFSET_IDENTITY,
        Self::OFFSET_USERID,
        Self::OFFSET_DATE,
        Self::OFFSET_REQUEST,
        Self::OFFSET_CODE,
        Self::OFFSET_SIZE,
        Self::SIZE,
    ];

    #[inline]
    #[must_use]
    pub fn address(&self) -> <Address as View>::View<'a> {
        self.table.field::<Address>(0, Self::OFFSET_ADDRESS)
    }

    #[inline]
    #[must_use]
    pub fn identity(&self) -> <String as View>::View<'a> {
        self.table.field::<String>(1, Self::OFFSET_IDENTITY)
    }

    #[inline]
    #[must_use]
    pub fn userid(&self) -> <String as View>::View<'a> {
        self.table.field::<String>(2, Self::OFFSET_USERID)
    }

    #[inline]
    #[must_use]
    pub fn date(&self) -> <String as View>::View<'a> {
        self.table.field::<String>(3, Self::OFFSET_DATE)
    }

    #[inline]
    #[must_use]
    pub fn request(&self) -> <String as View>::View<'a> {
        self.table.field::<String>(4, Self::OFFSET_REQUEST)
    }

    #[inline]
    #[must_use]
    pub fn code(&self) -> <u16 as View>::View<'a> {
        self.table.field::<u16>(5, Self::OFFSET_CODE)
    }

    #[inline]
    #[must_use]
    pub fn size(&self) -> <u64 as View>::View<'a> {
        self.table.field::<u64>(6, Self::OFFSET_SIZE)
    }

    #[must_use]
    pub fn to_owned(self) -> Log {
        <Log as View>::from_view(self)
    }
}

impl View for Log {
    type View<'a> = LogView<'a>;

    const INLINE_SIZE: Option<usize> = None;

    // `validate` is `validate_view` without the view. `open_table` follows
    // the offset (it must point past everything validated so far), reads the
    // field count and claims the slots of the fields both sides know; then
    // one `field` call per field, in order, each skipping itself when the
    // data predates it; `close_table` gives the view's table, so opening a
    // buffer reads its root once. (`Validator::table` does the same with a
    // closure, for impls written by hand; see `LogV2` below.)
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        <Self as View>::validate_view(v, slot).map(drop)
    }

    #[inline(always)]
    fn validate_view<'a>(v: &mut Validator<'a>, slot: usize) -> Result<LogView<'a>> {
        let fields: FieldSlots<'_> = v.open_table(slot, LogView::OFFSETS)?;
        fields.field::<Address>(v, 0, "address")?;
        fields.field::<String>(v, 1, "identity")?;
        fields.field::<String>(v, 2, "userid")?;
        fields.field::<String>(v, 3, "date")?;
        fields.field::<String>(v, 4, "request")?;
        fields.field::<u16>(v, 5, "code")?;
        fields.field::<u64>(v, 6, "size")?;
        Ok(LogView {
            table: v.close_table(fields),
        })
    }

    #[inline]
    fn read(bytes: &[u8]) -> LogView<'_> {
        LogView {
            table: Table::read(bytes),
        }
    }

    #[inline]
    fn absent<'a>() -> LogView<'a> {
        LogView {
            table: Table::ABSENT,
        }
    }

    fn from_view(view: LogView<'_>) -> Self {
        Log {
            address: <Address as View>::from_view(view.address()),
            identity: <String as View>::from_view(view.identity()),
            userid: <String as View>::from_view(view.userid()),
            date: <String as View>::from_view(view.date()),
            request: <String as View>::from_view(view.request()),
            code: <u16 as View>::from_view(view.code()),
            size: <u64 as View>::from_view(view.size()),
        }
    }
}

impl fmt::Debug for LogView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LogView")
            .field("address", &self.address())
            .field("identity", &self.identity())
            .field("userid", &self.userid())
            .field("date", &self.date())
            .field("request", &self.request())
            .field("code", &self.code())
            .field("size", &self.size())
            .finish()
    }
}

impl PartialEq for LogView<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.address() == other.address()
            && self.identity() == other.identity()
            && self.userid() == other.userid()
            && self.date() == other.date()
            && self.request() == other.request()
            && self.code() == other.code()
            && self.size() == other.size()
    }
}

impl From<LogView<'_>> for Log {
    fn from(view: LogView<'_>) -> Self {
        view.to_owned()
    }
}

// ---------------------------------------------------------------------------
// (b) A nested struct: Option, Vec<String>, Vec<f32>, BTreeMap, a nested table
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub name: String,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub weights: Vec<f32>,
    pub stock: BTreeMap<String, u32>,
    pub last: Option<Log>,
    pub origin: Option<Address>,
}

// The generated code is `Log`'s, field for field; nothing is specific to the
// field types: `Option`, `Vec` and `BTreeMap` bring their own impls.
impl Encode for Item {
    fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
        if E::POSITIONAL {
            let mut s = e.struct_begin(Shape {
                fields: 7,
                inline_size: slot_width(<String as Encode>::INLINE_SIZE)
                    + slot_width(<Option<String> as Encode>::INLINE_SIZE)
                    + slot_width(<Vec<String> as Encode>::INLINE_SIZE)
                    + slot_width(<Vec<f32> as Encode>::INLINE_SIZE)
                    + slot_width(<BTreeMap<String, u32> as Encode>::INLINE_SIZE)
                    + slot_width(<Option<Log> as Encode>::INLINE_SIZE)
                    + slot_width(<Option<Address> as Encode>::INLINE_SIZE),
                offsets: ItemView::OFFSETS,
                fixed: false,
            })?;
            e.struct_field(&mut s, 0)?;
            Encode::encode(&self.name, e).map_err(|err| err.in_field("name"))?;
            e.struct_field(&mut s, 1)?;
            Encode::encode(&self.note, e).map_err(|err| err.in_field("note"))?;
            e.struct_field(&mut s, 2)?;
            Encode::encode(&self.tags, e).map_err(|err| err.in_field("tags"))?;
            e.struct_field(&mut s, 3)?;
            Encode::encode(&self.weights, e).map_err(|err| err.in_field("weights"))?;
            e.struct_field(&mut s, 4)?;
            Encode::encode(&self.stock, e).map_err(|err| err.in_field("stock"))?;
            e.struct_field(&mut s, 5)?;
            Encode::encode(&self.last, e).map_err(|err| err.in_field("last"))?;
            e.struct_field(&mut s, 6)?;
            Encode::encode(&self.origin, e).map_err(|err| err.in_field("origin"))?;
            return e.struct_end(s);
        }
        Err(not_by_name())
    }
}

impl<'de> Decode<'de> for Item {
    fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            let mut s = d.struct_begin(Shape {
                fields: 7,
                inline_size: ItemView::SIZE,
                offsets: ItemView::OFFSETS,
                fixed: false,
            })?;
            d.struct_field(&mut s, 0)?;
            let name = <String as Decode>::decode(d).map_err(|e| e.in_field("name"))?;
            d.struct_field(&mut s, 1)?;
            let note = <Option<String> as Decode>::decode(d).map_err(|e| e.in_field("note"))?;
            d.struct_field(&mut s, 2)?;
            let tags = <Vec<String> as Decode>::decode(d).map_err(|e| e.in_field("tags"))?;
            d.struct_field(&mut s, 3)?;
            let weights = <Vec<f32> as Decode>::decode(d).map_err(|e| e.in_field("weights"))?;
            d.struct_field(&mut s, 4)?;
            let stock =
                <BTreeMap<String, u32> as Decode>::decode(d).map_err(|e| e.in_field("stock"))?;
            d.struct_field(&mut s, 5)?;
            let last = <Option<Log> as Decode>::decode(d).map_err(|e| e.in_field("last"))?;
            d.struct_field(&mut s, 6)?;
            let origin =
                <Option<Address> as Decode>::decode(d).map_err(|e| e.in_field("origin"))?;
            d.struct_end(s)?;
            return Ok(Item {
                name,
                note,
                tags,
                weights,
                stock,
                last,
                origin,
            });
        }
        Err(not_by_name())
    }
}

/// The view of an [`Item`].
#[derive(Clone, Copy)]
pub struct ItemView<'a> {
    table: Table<'a>,
}

impl<'a> ItemView<'a> {
    const OFFSET_NAME: usize = 0;
    const OFFSET_NOTE: usize = Self::OFFSET_NAME + slot_width(<String as View>::INLINE_SIZE);
    const OFFSET_TAGS: usize =
        Self::OFFSET_NOTE + slot_width(<Option<String> as View>::INLINE_SIZE);
    const OFFSET_WEIGHTS: usize =
        Self::OFFSET_TAGS + slot_width(<Vec<String> as View>::INLINE_SIZE);
    const OFFSET_STOCK: usize = Self::OFFSET_WEIGHTS + slot_width(<Vec<f32> as View>::INLINE_SIZE);
    const OFFSET_LAST: usize =
        Self::OFFSET_STOCK + slot_width(<BTreeMap<String, u32> as View>::INLINE_SIZE);
    const OFFSET_ORIGIN: usize = Self::OFFSET_LAST + slot_width(<Option<Log> as View>::INLINE_SIZE);
    const SIZE: usize = Self::OFFSET_ORIGIN + slot_width(<Option<Address> as View>::INLINE_SIZE);
    const OFFSETS: &'static [usize] = &[
        Self::OFFSET_NAME,
        Self::OFFSET_NOTE,
        Self::OFFSET_TAGS,
        Self::OFFSET_WEIGHTS,
        Self::OFFSET_STOCK,
        Self::OFFSET_LAST,
        Self::OFFSET_ORIGIN,
        Self::SIZE,
    ];

    #[inline]
    #[must_use]
    pub fn name(&self) -> <String as View>::View<'a> {
        self.table.field::<String>(0, Self::OFFSET_NAME)
    }

    #[inline]
    #[must_use]
    pub fn note(&self) -> <Option<String> as View>::View<'a> {
        self.table.field::<Option<String>>(1, Self::OFFSET_NOTE)
    }

    #[inline]
    #[must_use]
    pub fn tags(&self) -> <Vec<String> as View>::View<'a> {
        self.table.field::<Vec<String>>(2, Self::OFFSET_TAGS)
    }

    #[inline]
    #[must_use]
    pub fn weights(&self) -> <Vec<f32> as View>::View<'a> {
        self.table.field::<Vec<f32>>(3, Self::OFFSET_WEIGHTS)
    }

    #[inline]
    #[must_use]
    pub fn stock(&self) -> <BTreeMap<String, u32> as View>::View<'a> {
        self.table
            .field::<BTreeMap<String, u32>>(4, Self::OFFSET_STOCK)
    }

    #[inline]
    #[must_use]
    pub fn last(&self) -> <Option<Log> as View>::View<'a> {
        self.table.field::<Option<Log>>(5, Self::OFFSET_LAST)
    }

    #[inline]
    #[must_use]
    pub fn origin(&self) -> <Option<Address> as View>::View<'a> {
        self.table.field::<Option<Address>>(6, Self::OFFSET_ORIGIN)
    }

    #[must_use]
    pub fn to_owned(self) -> Item {
        <Item as View>::from_view(self)
    }
}

impl View for Item {
    type View<'a> = ItemView<'a>;

    const INLINE_SIZE: Option<usize> = None;

    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        <Self as View>::validate_view(v, slot).map(drop)
    }

    #[inline(always)]
    fn validate_view<'a>(v: &mut Validator<'a>, slot: usize) -> Result<ItemView<'a>> {
        let fields = v.open_table(slot, ItemView::OFFSETS)?;
        fields.field::<String>(v, 0, "name")?;
        fields.field::<Option<String>>(v, 1, "note")?;
        fields.field::<Vec<String>>(v, 2, "tags")?;
        fields.field::<Vec<f32>>(v, 3, "weights")?;
        fields.field::<BTreeMap<String, u32>>(v, 4, "stock")?;
        fields.field::<Option<Log>>(v, 5, "last")?;
        fields.field::<Option<Address>>(v, 6, "origin")?;
        Ok(ItemView {
            table: v.close_table(fields),
        })
    }

    #[inline]
    fn read(bytes: &[u8]) -> ItemView<'_> {
        ItemView {
            table: Table::read(bytes),
        }
    }

    #[inline]
    fn absent<'a>() -> ItemView<'a> {
        ItemView {
            table: Table::ABSENT,
        }
    }

    fn from_view(view: ItemView<'_>) -> Self {
        Item {
            name: <String as View>::from_view(view.name()),
            note: <Option<String> as View>::from_view(view.note()),
            tags: <Vec<String> as View>::from_view(view.tags()),
            weights: <Vec<f32> as View>::from_view(view.weights()),
            stock: <BTreeMap<String, u32> as View>::from_view(view.stock()),
            last: <Option<Log> as View>::from_view(view.last()),
            origin: <Option<Address> as View>::from_view(view.origin()),
        }
    }
}

impl fmt::Debug for ItemView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemView")
            .field("name", &self.name())
            .field("note", &self.note())
            .field("tags", &self.tags())
            .field("weights", &self.weights())
            .field("stock", &self.stock())
            .field("last", &self.last())
            .field("origin", &self.origin())
            .finish()
    }
}

impl PartialEq for ItemView<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
            && self.note() == other.note()
            && self.tags() == other.tags()
            && self.weights() == other.weights()
            && self.stock() == other.stock()
            && self.last() == other.last()
            && self.origin() == other.origin()
    }
}

// ---------------------------------------------------------------------------
// (c) An enum with content: unit, newtype, tuple and struct variants
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Ping,
    Message(String),
    Move(i32, i32),
    Login { user: String, admin: bool },
}

// Generated: `Encode`. Out of line: `enum_begin(index, shape)` appends the
// variant index and the content's field count and reserves the content's
// slots; each field follows `struct_field`, as in a struct. A unit variant
// has no fields, a newtype variant one.
impl Encode for Event {
    fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return match self {
                Event::Ping => {
                    let s = e.enum_begin(
                        0,
                        Shape {
                            fields: 0,
                            inline_size: 0,
                            offsets: &[0],
                            fixed: false,
                        },
                    )?;
                    e.enum_end(s)
                }
                Event::Message(v0) => {
                    let mut s = e.enum_begin(
                        1,
                        Shape {
                            fields: 1,
                            inline_size: slot_width(<String as Encode>::INLINE_SIZE),
                            offsets: EventView::MESSAGE_OFFSETS,
                            fixed: false,
                        },
                    )?;
                    e.struct_field(&mut s, 0)?;
                    Encode::encode(v0, e).map_err(|err| err.in_field("Message"))?;
                    e.enum_end(s)
                }
                Event::Move(v0, v1) => {
                    let mut s = e.enum_begin(
                        2,
                        Shape {
                            fields: 2,
                            inline_size: slot_width(<i32 as Encode>::INLINE_SIZE)
                                + slot_width(<i32 as Encode>::INLINE_SIZE),
                            offsets: EventView::MOVE_OFFSETS,
                            fixed: false,
                        },
                    )?;
                    e.struct_field(&mut s, 0)?;
                    Encode::encode(v0, e).map_err(|err| err.in_index(0).in_field("Move"))?;
                    e.struct_field(&mut s, 1)?;
                    Encode::encode(v1, e).map_err(|err| err.in_index(1).in_field("Move"))?;
                    e.enum_end(s)
                }
                Event::Login { user, admin } => {
                    let mut s = e.enum_begin(
                        3,
                        Shape {
                            fields: 2,
                            inline_size: slot_width(<String as Encode>::INLINE_SIZE)
                                + slot_width(<bool as Encode>::INLINE_SIZE),
                            offsets: EventView::LOGIN_OFFSETS,
                            fixed: false,
                        },
                    )?;
                    e.struct_field(&mut s, 0)?;
                    Encode::encode(user, e)
                        .map_err(|err| err.in_field("user").in_field("Login"))?;
                    e.struct_field(&mut s, 1)?;
                    Encode::encode(admin, e)
                        .map_err(|err| err.in_field("admin").in_field("Login"))?;
                    e.enum_end(s)
                }
            };
        }
        Err(not_by_name())
    }
}

// Generated: `Decode`. `enum_begin` gives the index; an index the type does
// not know (a newer writer's variant) is ``Invalid enum value `7` ``. Each
// variant gives its content's shape to `variant_fields` (the same as
// `encode`'s), which claims its fields' slots, as `struct_begin` does.
impl<'de> Decode<'de> for Event {
    fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            let (index, mut s) = d.enum_begin()?;
            let shape = |offsets: &'static [usize]| Shape {
                // Lossless: a handful of fields.
                #[allow(clippy::cast_possible_truncation)]
                fields: offsets.len() as u32 - 1,
                inline_size: offsets[offsets.len() - 1],
                offsets,
                fixed: false,
            };
            let value = match index {
                0 => {
                    d.variant_fields(&mut s, shape(&[0]))?;
                    Event::Ping
                }
                1 => {
                    d.variant_fields(&mut s, shape(EventView::MESSAGE_OFFSETS))?;
                    d.struct_field(&mut s, 0)?;
                    let v0 = <String as Decode>::decode(d).map_err(|e| e.in_field("Message"))?;
                    Event::Message(v0)
                }
                2 => {
                    d.variant_fields(&mut s, shape(EventView::MOVE_OFFSETS))?;
                    d.struct_field(&mut s, 0)?;
                    let v0 =
                        <i32 as Decode>::decode(d).map_err(|e| e.in_index(0).in_field("Move"))?;
                    d.struct_field(&mut s, 1)?;
                    let v1 =
                        <i32 as Decode>::decode(d).map_err(|e| e.in_index(1).in_field("Move"))?;
                    Event::Move(v0, v1)
                }
                3 => {
                    d.variant_fields(&mut s, shape(EventView::LOGIN_OFFSETS))?;
                    d.struct_field(&mut s, 0)?;
                    let user = <String as Decode>::decode(d)
                        .map_err(|e| e.in_field("user").in_field("Login"))?;
                    d.struct_field(&mut s, 1)?;
                    let admin = <bool as Decode>::decode(d)
                        .map_err(|e| e.in_field("admin").in_field("Login"))?;
                    Event::Login { user, admin }
                }
                other => return Err(Error::unknown_variant(&other.to_string())),
            };
            d.enum_end(s)?;
            return Ok(value);
        }
        Err(not_by_name())
    }
}

// Generated: a view enum with the same variants, each field replaced by its
// view. Its fields are views, which are `Copy + Debug + PartialEq`, so plain
// derives work (for a generic enum the derive writes the impls with `where`
// bounds on the views instead).
/// The view of an [`Event`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EventView<'a> {
    Ping,
    Message(<String as View>::View<'a>),
    Move(<i32 as View>::View<'a>, <i32 as View>::View<'a>),
    Login {
        user: <String as View>::View<'a>,
        admin: <bool as View>::View<'a>,
    },
}

impl EventView<'_> {
    // Per variant with fields: the offsets of its fields, then the total.
    const MESSAGE_OFFSETS: &'static [usize] = &[0, slot_width(<String as View>::INLINE_SIZE)];
    const MOVE_OFFSETS: &'static [usize] = &[
        0,
        slot_width(<i32 as View>::INLINE_SIZE),
        slot_width(<i32 as View>::INLINE_SIZE) + slot_width(<i32 as View>::INLINE_SIZE),
    ];
    const LOGIN_OFFSETS: &'static [usize] = &[
        0,
        slot_width(<String as View>::INLINE_SIZE),
        slot_width(<String as View>::INLINE_SIZE) + slot_width(<bool as View>::INLINE_SIZE),
    ];

    #[must_use]
    pub fn to_owned(self) -> Event {
        <Event as View>::from_view(self)
    }
}

impl View for Event {
    type View<'a> = EventView<'a>;

    const INLINE_SIZE: Option<usize> = None;

    // `Validator::variant` follows the offset and reads the index; each arm
    // validates its content like a struct's fields (`element` for positional
    // fields, `field` for named ones). Unknown indices fail.
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        v.variant(slot, |v, variant| match variant.index() {
            0 => variant.content(v, &[0], |_, _| Ok(())),
            1 => variant
                .content(v, EventView::MESSAGE_OFFSETS, |v, fields| {
                    fields.element::<String>(v, 0)
                })
                .map_err(|e| e.in_field("Message")),
            2 => variant
                .content(v, EventView::MOVE_OFFSETS, |v, fields| {
                    fields.element::<i32>(v, 0)?;
                    fields.element::<i32>(v, 1)
                })
                .map_err(|e| e.in_field("Move")),
            3 => variant
                .content(v, EventView::LOGIN_OFFSETS, |v, fields| {
                    fields.field::<String>(v, 0, "user")?;
                    fields.field::<bool>(v, 1, "admin")
                })
                .map_err(|e| e.in_field("Login")),
            _ => Err(variant.unknown()),
        })
    }

    // Each arm reads its fields from the content table, as a struct view's
    // accessors do; fields the data predates read as absent. An index the
    // reader does not know cannot pass validation: it reads as absent.
    fn read(bytes: &[u8]) -> EventView<'_> {
        let variant = Variant::read(bytes);
        let content = variant.content();
        match variant.index() {
            0 => EventView::Ping,
            1 => EventView::Message(content.field::<String>(0, EventView::MESSAGE_OFFSETS[0])),
            2 => EventView::Move(
                content.field::<i32>(0, EventView::MOVE_OFFSETS[0]),
                content.field::<i32>(1, EventView::MOVE_OFFSETS[1]),
            ),
            3 => EventView::Login {
                user: content.field::<String>(0, EventView::LOGIN_OFFSETS[0]),
                admin: content.field::<bool>(1, EventView::LOGIN_OFFSETS[1]),
            },
            _ => <Self as View>::absent(),
        }
    }

    // Variant 0 with every field absent.
    fn absent<'a>() -> EventView<'a> {
        EventView::Ping
    }

    fn from_view(view: EventView<'_>) -> Self {
        match view {
            EventView::Ping => Event::Ping,
            EventView::Message(v0) => Event::Message(<String as View>::from_view(v0)),
            EventView::Move(v0, v1) => {
                Event::Move(<i32 as View>::from_view(v0), <i32 as View>::from_view(v1))
            }
            EventView::Login { user, admin } => Event::Login {
                user: <String as View>::from_view(user),
                admin: <bool as View>::from_view(admin),
            },
        }
    }
}

// ---------------------------------------------------------------------------
// (d) A unit-only enum: inline, its variant index as a u32
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Debug,
    Info,
    Warn,
    Error,
}

impl Encode for Level {
    const INLINE_SIZE: Option<usize> = Some(4);

    fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
        if E::POSITIONAL {
            return e.encode_u32(match self {
                Level::Debug => 0,
                Level::Info => 1,
                Level::Warn => 2,
                Level::Error => 3,
            });
        }
        Err(not_by_name())
    }
}

impl<'de> Decode<'de> for Level {
    const INLINE_SIZE: Option<usize> = Some(4);

    fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
        if D::POSITIONAL {
            return match d.decode_u32()? {
                0 => Ok(Level::Debug),
                1 => Ok(Level::Info),
                2 => Ok(Level::Warn),
                3 => Ok(Level::Error),
                other => Err(d.locate(Error::unknown_variant(&other.to_string()))),
            };
        }
        Err(not_by_name())
    }
}

/// The view of a [`Level`]: a plain copy of the variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelView {
    Debug,
    Info,
    Warn,
    Error,
}

impl View for Level {
    type View<'a> = LevelView;

    const INLINE_SIZE: Option<usize> = Some(4);

    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        match u32::from_le_bytes(v.scalar(slot)?) {
            0..=3 => Ok(()),
            other => Err(Error::unknown_variant(&other.to_string())),
        }
    }

    fn read(bytes: &[u8]) -> LevelView {
        match <u32 as View>::read(bytes) {
            1 => LevelView::Info,
            2 => LevelView::Warn,
            3 => LevelView::Error,
            // 0, and anything validation would have refused.
            _ => LevelView::Debug,
        }
    }

    fn absent<'a>() -> Self::View<'a> {
        LevelView::Debug
    }

    fn from_view(view: LevelView) -> Self {
        match view {
            LevelView::Debug => Level::Debug,
            LevelView::Info => Level::Info,
            LevelView::Warn => Level::Warn,
            LevelView::Error => Level::Error,
        }
    }
}

// ---------------------------------------------------------------------------
// Stand-ins for the by-name code the derive already generates
// ---------------------------------------------------------------------------

fn by_name<E: Encoder>(e: &mut E, fields: &[(&'static str, u8)]) -> Result<()> {
    let mut map = e.map_begin(Some(fields.len()))?;
    for (name, value) in fields {
        e.map_field(&mut map, name)?;
        e.encode_u8(*value)?;
    }
    e.map_end(map)
}

fn not_by_name() -> Error {
    Error::custom("this hand-written reference impl covers positional formats only")
}

// ---------------------------------------------------------------------------
// Models for the tests
// ---------------------------------------------------------------------------

fn log(n: u8) -> Log {
    Log {
        address: Address {
            x0: 10,
            x1: 0,
            x2: n,
            x3: 1,
        },
        identity: "-".into(),
        userid: if n.is_multiple_of(2) {
            "alice".into()
        } else {
            "-".into()
        },
        date: format!("{}/Oct/2000:13:55:36 -0700", n % 28 + 1),
        request: "GET /apache_pb.gif HTTP/1.0".into(),
        code: 200 + u16::from(n),
        size: 2326 * u64::from(n),
    }
}

fn item() -> Item {
    Item {
        name: "widget".into(),
        note: Some("fragile".into()),
        tags: vec!["blue".into(), String::new(), "small".into()],
        weights: vec![1.5, -0.25, f32::MAX],
        stock: BTreeMap::from([
            ("berlin".into(), 3),
            ("paris".into(), 0),
            ("zurich".into(), 12),
        ]),
        last: Some(log(3)),
        origin: Some(Address {
            x0: 1,
            x1: 2,
            x2: 3,
            x3: 4,
        }),
    }
}

fn events() -> Vec<Event> {
    vec![
        Event::Ping,
        Event::Message("hello".into()),
        Event::Move(-3, 7),
        Event::Login {
            user: "root".into(),
            admin: true,
        },
        Event::Message(String::new()),
    ]
}

// ---------------------------------------------------------------------------
// The byte layout, exactly
// ---------------------------------------------------------------------------

#[test]
fn log_bytes_match_the_documented_layout() {
    let log = Log {
        address: Address {
            x0: 127,
            x1: 0,
            x2: 0,
            x3: 1,
        },
        identity: "-".into(),
        userid: "bob".into(),
        date: String::new(),
        request: "GET /".into(),
        code: 200,
        size: 1024,
    };
    let bytes = zerospec::flat::to_vec(&log).unwrap();
    #[rustfmt::skip]
    let expected: &[u8] = &[
        // root slot: offset 4 to the table
        0x04, 0x00, 0x00, 0x00,
        // table: 7 fields
        0x07,
        // address (fixed, inline): 127.0.0.1
        0x7f, 0x00, 0x00, 0x01,
        // identity: offset from this slot (byte 9) to byte 35
        0x1a, 0x00, 0x00, 0x00,
        // userid: offset from byte 13 to byte 37
        0x18, 0x00, 0x00, 0x00,
        // date: empty string, offset 0
        0x00, 0x00, 0x00, 0x00,
        // request: offset from byte 21 to byte 41
        0x14, 0x00, 0x00, 0x00,
        // code: 200 as u16
        0xc8, 0x00,
        // size: 1024 as u64
        0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        // byte 35: "-"
        0x01, b'-',
        // byte 37: "bob"
        0x03, b'b', b'o', b'b',
        // byte 41: "GET /"
        0x05, b'G', b'E', b'T', b' ', b'/',
    ];
    assert_eq!(bytes, expected);
}

#[test]
fn runs_of_fixed_structs_are_contiguous() {
    let addresses = vec![
        Address {
            x0: 1,
            x1: 2,
            x2: 3,
            x3: 4,
        },
        Address {
            x0: 5,
            x1: 6,
            x2: 7,
            x3: 8,
        },
    ];
    let bytes = zerospec::flat::to_vec(&addresses).unwrap();
    assert_eq!(bytes, [4, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(
        zerospec::flat::from_slice::<Vec<Address>>(&bytes).unwrap(),
        addresses
    );
    let view = zerospec::flat::view::<Vec<Address>>(&bytes).unwrap();
    assert_eq!(view.get(1).map(|a| a.x2()), Some(7));
    assert_eq!(<Vec<Address> as View>::from_view(view), addresses);
}

#[test]
fn scalars_options_tuples_and_unit_enums_are_inline() {
    assert_eq!(zerospec::flat::to_vec(&Level::Warn).unwrap(), [2, 0, 0, 0]);
    assert_eq!(
        zerospec::flat::to_vec(&(Some(7u16), None::<u16>, 'x')).unwrap(),
        [1, 7, 0, 0, 0, 0, b'x', 0, 0, 0]
    );
    assert_eq!(
        zerospec::flat::to_vec(&Event::Move(-1, 2)).unwrap(),
        [4, 0, 0, 0, 2, 2, 0xff, 0xff, 0xff, 0xff, 2, 0, 0, 0]
    );
}

// ---------------------------------------------------------------------------
// Round trips: owned decoding and views
// ---------------------------------------------------------------------------

#[test]
fn log_round_trips_owned_and_through_its_view() {
    let value = log(7);
    let bytes = zerospec::flat::to_vec(&value).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Log>(&bytes).unwrap(), value);

    let view = zerospec::flat::view::<Log>(&bytes).unwrap();
    assert_eq!(view.address().x2(), 7);
    assert_eq!(view.identity(), "-");
    assert_eq!(view.userid(), "-");
    assert_eq!(view.date(), "8/Oct/2000:13:55:36 -0700");
    assert_eq!(view.request(), "GET /apache_pb.gif HTTP/1.0");
    assert_eq!(view.code(), 207);
    assert_eq!(view.size(), 2326 * 7);
    assert_eq!(view.to_owned(), value);
    assert_eq!(Log::from(view), value);
    assert!(format!("{view:?}").starts_with("LogView { address: AddressView { x0: 10,"));
}

#[test]
fn item_round_trips_owned_and_through_its_view() {
    let value = item();
    let bytes = zerospec::flat::to_vec(&value).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Item>(&bytes).unwrap(), value);

    let view = zerospec::flat::view::<Item>(&bytes).unwrap();
    assert_eq!(view.name(), "widget");
    assert_eq!(view.note(), Some("fragile"));
    assert_eq!(view.tags().len(), 3);
    assert_eq!(view.tags().get(1), Some(""));
    assert_eq!(
        view.tags().iter().collect::<Vec<_>>(),
        ["blue", "", "small"]
    );
    let weights = view.weights().as_slice();
    assert_eq!(
        weights.iter().map(|w| w.get()).collect::<Vec<_>>(),
        value.weights
    );
    assert_eq!(view.stock().get("paris"), Some(0));
    assert_eq!(view.stock().get("zurich"), Some(12));
    assert_eq!(view.stock().get("rome"), None);
    assert_eq!(view.last().map(|log| log.code()), Some(203));
    assert_eq!(view.origin().map(|a| a.x3()), Some(4));
    assert_eq!(view.to_owned(), value);

    // A default item: empty strings, vectors and maps are offset 0, `None` is 0.
    let empty = Item::default();
    let bytes = zerospec::flat::to_vec(&empty).unwrap();
    let view = zerospec::flat::view::<Item>(&bytes).unwrap();
    assert!(view.tags().is_empty() && view.stock().is_empty() && view.note().is_none());
    assert_eq!(view.to_owned(), empty);
}

#[test]
fn events_round_trip_owned_and_through_their_views() {
    let value = events();
    let bytes = zerospec::flat::to_vec(&value).unwrap();
    assert_eq!(
        zerospec::flat::from_slice::<Vec<Event>>(&bytes).unwrap(),
        value
    );

    let view = zerospec::flat::view::<Vec<Event>>(&bytes).unwrap();
    assert_eq!(
        view.iter().collect::<Vec<_>>(),
        [
            EventView::Ping,
            EventView::Message("hello"),
            EventView::Move(-3, 7),
            EventView::Login {
                user: "root",
                admin: true
            },
            EventView::Message(""),
        ]
    );
    assert_eq!(
        view.get(2).map(EventView::to_owned),
        Some(Event::Move(-3, 7))
    );
    assert_eq!(<Vec<Event> as View>::from_view(view), value);
}

#[test]
fn unit_enums_round_trip_and_unknown_indices_fail() {
    let levels = vec![Level::Error, Level::Debug, Level::Warn];
    let bytes = zerospec::flat::to_vec(&levels).unwrap();
    assert_eq!(
        zerospec::flat::from_slice::<Vec<Level>>(&bytes).unwrap(),
        levels
    );
    let view = zerospec::flat::view::<Vec<Level>>(&bytes).unwrap();
    assert_eq!(
        view.iter().collect::<Vec<_>>(),
        [LevelView::Error, LevelView::Debug, LevelView::Warn]
    );

    let bad = [9, 0, 0, 0];
    let err = zerospec::flat::view::<Level>(&bad).unwrap_err();
    assert_eq!(err.to_string(), "Invalid enum value `9` - at `$`");
    let err = zerospec::flat::from_slice::<Level>(&bad).unwrap_err();
    assert_eq!(err.message(), "Invalid enum value `9`");

    // An enum with content whose index the reader does not know.
    let bytes = [4, 0, 0, 0, 7, 0];
    let err = zerospec::flat::view::<Event>(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "Invalid enum value `7` - at `$`");
    assert!(zerospec::flat::from_slice::<Event>(&bytes).is_err());
}

#[test]
fn views_compare_across_buffers_and_print() {
    let a = zerospec::flat::to_vec(&item()).unwrap();
    let mut other = item();
    let b = zerospec::flat::to_vec(&other).unwrap();
    let (va, vb) = (
        zerospec::flat::view::<Item>(&a).unwrap(),
        zerospec::flat::view::<Item>(&b).unwrap(),
    );
    assert_eq!(va, vb);
    other.stock.insert("oslo".into(), 1);
    let c = zerospec::flat::to_vec(&other).unwrap();
    assert_ne!(va, zerospec::flat::view::<Item>(&c).unwrap());
    let shown = format!("{va:?}");
    assert!(
        shown.contains(r#"stock: {"berlin": 3, "paris": 0, "zurich": 12}"#),
        "{shown}"
    );
    assert!(
        shown.contains("weights: [1.5, -0.25, 3.4028235e38]"),
        "{shown}"
    );
}

#[test]
fn validation_errors_say_where() {
    let mut bytes = zerospec::flat::to_vec(&Event::Login {
        user: "x".into(),
        admin: true,
    })
    .unwrap();
    // The `admin` bool is the last byte of the content's slots, before "x".
    let admin = bytes.len() - 3;
    assert_eq!(bytes[admin], 1);
    bytes[admin] = 2;
    let err = zerospec::flat::view::<Event>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("Flat data is malformed: invalid bool (expected 0 or 1) (byte {admin})")
    );

    let bytes = zerospec::flat::to_vec(&vec![Level::Info, Level::Warn]).unwrap();
    let mut bad = bytes.clone();
    bad[9] = 200;
    let err = zerospec::flat::view::<Vec<Level>>(&bad).unwrap_err();
    assert_eq!(err.to_string(), "Invalid enum value `200` - at `$[1]`");
}

#[test]
fn writes_into_bytes_mut_and_shares_views() {
    let mut buf = bytes::BytesMut::new();
    zerospec::flat::FlatEncoder::new(&mut buf)
        .encode(&item())
        .unwrap();
    let shared = zerospec::flat::Shared::<Item>::new(buf.freeze()).unwrap();
    let clone = shared.clone();
    assert_eq!(clone.bytes().as_ptr(), shared.bytes().as_ptr(), "no copy");
    let name = std::thread::spawn(move || clone.view().name().to_owned())
        .join()
        .unwrap();
    assert_eq!(name, "widget");
    assert_eq!(shared.to_value(), item());
}

// ---------------------------------------------------------------------------
// Evolution: fields appended in a new version
// ---------------------------------------------------------------------------

/// Version 2 of `Log`: two fields appended. `referer` has a
/// `#[serde(default = "unknown")]`; `tags` has none and reads as empty.
#[derive(Debug, Clone, PartialEq)]
pub struct LogV2 {
    pub log: Log,
    pub referer: String,
    pub tags: Vec<String>,
}

fn unknown() -> String {
    "unknown".into()
}

impl Encode for LogV2 {
    fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
        let l = &self.log;
        let mut s = e.struct_begin(Shape {
            fields: 9,
            inline_size: LogV2View::SIZE,
            offsets: LogV2View::OFFSETS,
            fixed: false,
        })?;
        e.struct_field(&mut s, 0)?;
        l.address.encode(e)?;
        for (index, text) in [&l.identity, &l.userid, &l.date, &l.request]
            .into_iter()
            .enumerate()
        {
            // Lossless: four fields.
            #[allow(clippy::cast_possible_truncation)]
            e.struct_field(&mut s, 1 + index as u32)?;
            text.encode(e)?;
        }
        e.struct_field(&mut s, 5)?;
        l.code.encode(e)?;
        e.struct_field(&mut s, 6)?;
        l.size.encode(e)?;
        e.struct_field(&mut s, 7)?;
        self.referer.encode(e)?;
        e.struct_field(&mut s, 8)?;
        self.tags.encode(e)?;
        e.struct_end(s)
    }
}

impl<'de> Decode<'de> for LogV2 {
    fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
        let mut s = d.struct_begin(Shape {
            fields: 9,
            inline_size: LogV2View::SIZE,
            offsets: LogV2View::OFFSETS,
            fixed: false,
        })?;
        d.struct_field(&mut s, 0)?;
        let address = Address::decode(d)?;
        let mut strings = Vec::with_capacity(4);
        for index in 1..5 {
            d.struct_field(&mut s, index)?;
            strings.push(String::decode(d)?);
        }
        d.struct_field(&mut s, 5)?;
        let code = u16::decode(d)?;
        d.struct_field(&mut s, 6)?;
        let size = u64::decode(d)?;
        // `referer` has a default: taken when the data predates the field.
        let referer = if d.struct_field(&mut s, 7)? {
            String::decode(d)?
        } else {
            unknown()
        };
        // `tags` has none: decoded anyway, it reads as its zero value.
        d.struct_field(&mut s, 8)?;
        let tags = Vec::<String>::decode(d)?;
        d.struct_end(s)?;
        let [identity, userid, date, request] =
            <[String; 4]>::try_from(strings).expect("four strings");
        Ok(LogV2 {
            log: Log {
                address,
                identity,
                userid,
                date,
                request,
                code,
                size,
            },
            referer,
            tags,
        })
    }
}

/// The view of a [`LogV2`]: `LogView`'s accessors, and two more.
#[derive(Clone, Copy)]
pub struct LogV2View<'a> {
    table: Table<'a>,
}

impl<'a> LogV2View<'a> {
    const OFFSET_REFERER: usize = LogView::SIZE;
    const OFFSET_TAGS: usize = Self::OFFSET_REFERER + slot_width(<String as View>::INLINE_SIZE);
    const SIZE: usize = Self::OFFSET_TAGS + slot_width(<Vec<String> as View>::INLINE_SIZE);
    const OFFSETS: &'static [usize] = &[
        LogView::OFFSET_ADDRESS,
        LogView::OFFSET_IDENTITY,
        LogView::OFFSET_USERID,
        LogView::OFFSET_DATE,
        LogView::OFFSET_REQUEST,
        LogView::OFFSET_CODE,
        LogView::OFFSET_SIZE,
        Self::OFFSET_REFERER,
        Self::OFFSET_TAGS,
        Self::SIZE,
    ];

    /// The first seven fields, as a version-1 view reads them.
    #[must_use]
    pub fn log(&self) -> LogView<'a> {
        LogView { table: self.table }
    }

    // A view has no `#[serde(default)]` to apply: an absent field reads as
    // its type's absent value (`""`), the same in every reader.
    #[must_use]
    pub fn referer(&self) -> &'a str {
        self.table.field::<String>(7, Self::OFFSET_REFERER)
    }

    #[must_use]
    pub fn tags(&self) -> <Vec<String> as View>::View<'a> {
        self.table.field::<Vec<String>>(8, Self::OFFSET_TAGS)
    }
}

impl View for LogV2 {
    type View<'a> = LogV2View<'a>;

    const INLINE_SIZE: Option<usize> = None;

    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        v.table(slot, LogV2View::OFFSETS, |v, fields| {
            fields.field::<Address>(v, 0, "address")?;
            for index in 1..5 {
                fields.field::<String>(v, index, "text")?;
            }
            fields.field::<u16>(v, 5, "code")?;
            fields.field::<u64>(v, 6, "size")?;
            fields.field::<String>(v, 7, "referer")?;
            fields.field::<Vec<String>>(v, 8, "tags")
        })
    }

    fn read(bytes: &[u8]) -> LogV2View<'_> {
        LogV2View {
            table: Table::read(bytes),
        }
    }

    fn absent<'a>() -> LogV2View<'a> {
        LogV2View {
            table: Table::ABSENT,
        }
    }

    fn from_view(view: LogV2View<'_>) -> Self {
        LogV2 {
            log: view.log().to_owned(),
            referer: view.referer().to_owned(),
            tags: <Vec<String> as View>::from_view(view.tags()),
        }
    }
}

impl fmt::Debug for LogV2View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LogV2View")
            .field("log", &self.log())
            .field("referer", &self.referer())
            .field("tags", &self.tags())
            .finish()
    }
}

impl PartialEq for LogV2View<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.log() == other.log()
            && self.referer() == other.referer()
            && self.tags() == other.tags()
    }
}

fn log_v2(n: u8) -> LogV2 {
    LogV2 {
        log: log(n),
        referer: format!("https://example.com/{n}"),
        tags: vec!["a".into(), format!("t{n}")],
    }
}

#[test]
fn a_v2_reader_sees_defaults_in_v1_data() {
    let v1: Vec<Log> = (0..5).map(log).collect();
    let bytes = zerospec::flat::to_vec(&v1).unwrap();

    let owned: Vec<LogV2> = zerospec::flat::from_slice(&bytes).unwrap();
    for (old, new) in v1.iter().zip(&owned) {
        assert_eq!(&new.log, old);
        assert_eq!(new.referer, "unknown", "the field's default");
        assert!(new.tags.is_empty(), "the type's zero value");
    }

    let view = zerospec::flat::view::<Vec<LogV2>>(&bytes).unwrap();
    for (old, new) in v1.iter().zip(view.iter()) {
        assert_eq!(new.log().to_owned(), *old);
        assert_eq!(new.referer(), "");
        assert!(new.tags().is_empty());
    }
}

#[test]
fn a_v1_reader_skips_fields_v2_data_added() {
    let v2: Vec<LogV2> = (0..5).map(log_v2).collect();
    let bytes = zerospec::flat::to_vec(&v2).unwrap();

    // Each element's added fields (and what they point to) lie between the
    // fields a V1 reader knows and the next element: validation steps over them.
    let owned: Vec<Log> = zerospec::flat::from_slice(&bytes).unwrap();
    let view = zerospec::flat::view::<Vec<Log>>(&bytes).unwrap();
    for ((new, old), viewed) in v2.iter().zip(&owned).zip(view.iter()) {
        assert_eq!(&new.log, old);
        assert_eq!(viewed.to_owned(), new.log);
    }

    // And V2 reads V2.
    assert_eq!(
        zerospec::flat::from_slice::<Vec<LogV2>>(&bytes).unwrap(),
        v2
    );
    let view = zerospec::flat::view::<Vec<LogV2>>(&bytes).unwrap();
    assert_eq!(
        view.get(4).map(|l| l.referer()),
        Some("https://example.com/4")
    );
    assert_eq!(view.get(4).map(|l| l.tags().get(1)), Some(Some("t4")));
}

#[test]
fn nested_tables_evolve_too() {
    /// Version 2 of `Event`: `Login` gains a trailing `level` field.
    #[derive(Debug, PartialEq)]
    enum EventV2 {
        Login {
            user: String,
            admin: bool,
            level: Level,
        },
    }
    impl Encode for EventV2 {
        fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
            let EventV2::Login { user, admin, level } = self;
            let mut s = e.enum_begin(
                3,
                Shape {
                    fields: 3,
                    inline_size: 4 + 1 + 4,
                    offsets: &[0, 4, 5, 9],
                    fixed: false,
                },
            )?;
            e.struct_field(&mut s, 0)?;
            user.encode(e)?;
            e.struct_field(&mut s, 1)?;
            admin.encode(e)?;
            e.struct_field(&mut s, 2)?;
            level.encode(e)?;
            e.enum_end(s)
        }
    }

    let new = EventV2::Login {
        user: "ada".into(),
        admin: false,
        level: Level::Warn,
    };
    let bytes = zerospec::flat::to_vec(&vec![new]).unwrap();
    let old = Event::Login {
        user: "ada".into(),
        admin: false,
    };
    assert_eq!(
        zerospec::flat::from_slice::<Vec<Event>>(&bytes).unwrap(),
        std::slice::from_ref(&old)
    );
    let view = zerospec::flat::view::<Vec<Event>>(&bytes).unwrap();
    assert_eq!(view.get(0).map(EventView::to_owned), Some(old));

    // A V2 `Log` nested before another field: the V1 reader skips the inner
    // table's extra fields and carries on with the next one.
    let nested = (Some(log_v2(9)), Some(Address::default()));
    let bytes = zerospec::flat::to_vec(&nested).unwrap();
    let (log, address) =
        zerospec::flat::from_slice::<(Option<Log>, Option<Address>)>(&bytes).unwrap();
    assert_eq!(log, Some(log_v2(9).log));
    assert_eq!(address, Some(Address::default()));
    let view = zerospec::flat::view::<(Option<Log>, Option<Address>)>(&bytes).unwrap();
    assert_eq!(view.0.map(LogView::to_owned), Some(log_v2(9).log));
}

/// A buffer lent by reference (at any depth) is written by value and put
/// back: what it held stays in front, and a failed value leaves it as it was.
#[test]
fn lent_buffers_are_appended_to_and_kept_on_failure() {
    let mut expected = vec![0xee];
    expected.extend(zerospec::flat::to_vec(&item()).unwrap());
    let mut buf = vec![0xee];
    zerospec::flat::FlatEncoder::new(&mut buf)
        .encode(&item())
        .unwrap();
    assert_eq!(buf, expected);
    let mut nested = vec![0xee];
    let mut lent = &mut nested;
    zerospec::flat::FlatEncoder::new(&mut lent)
        .encode(&item())
        .unwrap();
    assert_eq!(nested, expected);
    // Fails after the `u32` is written: a `Value` has no flat form.
    let half = (7u32, zerospec::Value::from(1u8));
    let err = zerospec::flat::FlatEncoder::new(&mut buf)
        .encode(&half)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "`Value` has no flat form: the flat format lays out a type from its \
         declaration; use JSON or MessagePack for schemaless data - at `$[1]`"
    );
    assert_eq!(buf, expected);
}
