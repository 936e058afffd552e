//! The datasets of the flat-format benchmark, shaped as
//! rust_serialization_benchmark defines them, generated from a fixed seed:
//!
//! - `log`: 10,000 web-server log records (an address of four `u8`, the
//!   strings identity, userid, date and request, a `u16` code and a `u64` size);
//! - `mesh`: 125,000 triangles, each three vertices and a normal of three `f32`.
//!
//! Each model derives rkyv's and bitcode's traits, and implements zerospec's
//! `Encode`, `Decode` and `View` for the flat format through the macros below,
//! which expand to what `#[derive(Encode, Decode, View)]` generates (see
//! `tests/tests/flat_reference.rs`). FIXME(#4): replace them with the derives.

use zerospec::encode::{Shape, slot_width};
use zerospec::flat::{Table, Validator, View, slot_at};
use zerospec::{Decode, Decoder, Encode, Encoder, Error, Result};

use crate::log::Rng;

/// How many records the `log` dataset holds.
pub const LOG_RECORDS: usize = 10_000;

/// How many triangles the `mesh` dataset holds.
pub const MESH_TRIANGLES: usize = 125_000;

/// The seed both datasets are generated from.
pub const SEED: u64 = 3_141_592_653;

/// The sum of the first `count` widths: where field `count` starts.
#[doc(hidden)]
#[must_use]
pub const fn offset(widths: &[usize], count: usize) -> usize {
    let mut sum = 0;
    let mut index = 0;
    while index < count {
        sum += widths[index];
        index += 1;
    }
    sum
}

#[cold]
fn by_name_only() -> Error {
    Error::custom("the flat benchmark models encode and decode the flat format only")
}

/// What the derive generates for a struct, `fixed` (inline, no header) or
/// `table` (behind an offset, with its field count).
macro_rules! flat_struct {
    (@kind fixed) => { true };
    (@kind table) => { false };

    // A fixed struct: its fields' slots lie in the parent's, at constant offsets.
    (@validate fixed $v:ident $slot:ident $view:ident { $($index:literal $field:ident: $ty:ty,)* }) => {{
        $(
            <$ty as View>::validate($v, $slot + $view::OFFSETS[$index])
                .map_err(|err| err.in_field(stringify!($field)))?;
        )*
        Ok(())
    }};
    // A table: follow the offset, claim the slots, then each field the data holds.
    (@validate table $v:ident $slot:ident $view:ident { $($index:literal $field:ident: $ty:ty,)* }) => {
        $v.table($slot, $view::OFFSETS, |v, fields| {
            $(fields.field::<$ty>(v, $index, stringify!($field))?;)*
            Ok(())
        })
    };

    (
        $(#[$meta:meta])*
        $kind:ident struct $name:ident, view $view:ident {
            $($(#[$field_meta:meta])* $index:literal $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        impl $view<'_> {
            /// The fields' slot widths, in order.
            const WIDTHS: &'static [usize] = &[$(slot_width(<$ty as View>::INLINE_SIZE),)*];
            /// Every field's offset, then the total.
            #[allow(dead_code)]
            const OFFSETS: &'static [usize] = &[
                $(offset(Self::WIDTHS, $index),)* offset(Self::WIDTHS, Self::WIDTHS.len())
            ];
            const SIZE: usize = offset(Self::WIDTHS, Self::WIDTHS.len());
            const FIXED: bool = flat_struct!(@kind $kind);
        }

        impl Encode for $name {
            const INLINE_SIZE: Option<usize> = if $view::FIXED { Some($view::SIZE) } else { None };
            const INLINE_ONLY: bool = $view::FIXED $(&& <$ty as Encode>::INLINE_ONLY)*;

            #[inline]
            fn encode_inline(&self, out: &mut [u8]) {
                $(
                    let offset = $view::OFFSETS[$index];
                    if let Some(slot) = out.get_mut(offset..offset + $view::WIDTHS[$index]) {
                        self.$field.encode_inline(slot);
                    }
                )*
            }

            #[inline]
            fn encode<E: Encoder>(&self, e: &mut E) -> Result<()> {
                if !E::POSITIONAL {
                    return Err(by_name_only());
                }
                if <Self as Encode>::INLINE_ONLY {
                    return e.encode_inline_value(self);
                }
                let mut s = e.struct_begin(Shape {
                    fields: $view::WIDTHS.len() as u32,
                    inline_size: $view::SIZE,
                    fixed: $view::FIXED,
                })?;
                $(
                    e.struct_field(&mut s, $index)?;
                    Encode::encode(&self.$field, e).map_err(|err| err.in_field(stringify!($field)))?;
                )*
                e.struct_end(s)
            }
        }

        impl<'de> Decode<'de> for $name {
            const INLINE_SIZE: Option<usize> = <$name as Encode>::INLINE_SIZE;
            const INLINE_ONLY: bool = $view::FIXED $(&& <$ty as Decode>::INLINE_ONLY)*;

            #[inline]
            fn decode_inline(bytes: &[u8]) -> std::result::Result<Self, &'static str> {
                Ok($name {
                    $($field: {
                        let offset = $view::OFFSETS[$index];
                        let slot = bytes.get(offset..offset + $view::WIDTHS[$index]).ok_or("truncated")?;
                        <$ty as Decode>::decode_inline(slot)?
                    },)*
                })
            }

            #[inline]
            fn decode<D: Decoder<'de>>(d: &mut D) -> Result<Self> {
                if !D::POSITIONAL {
                    return Err(by_name_only());
                }
                if <Self as Decode<'de>>::INLINE_ONLY {
                    return d.decode_inline_value::<Self>();
                }
                let mut s = d.struct_begin(Shape {
                    fields: $view::WIDTHS.len() as u32,
                    inline_size: $view::SIZE,
                    fixed: $view::FIXED,
                })?;
                $(
                    d.struct_field(&mut s, $index)?;
                    let $field = <$ty as Decode>::decode(d)
                        .map_err(|err| err.in_field(stringify!($field)))?;
                )*
                d.struct_end(s)?;
                Ok($name { $($field,)* })
            }
        }

        impl<'a> $view<'a> {
            $(
                /// The field's view.
                #[inline]
                #[must_use]
                pub fn $field(&self) -> <$ty as View>::View<'a> {
                    self.field::<$ty>($index)
                }
            )*

            /// The owned value.
            #[must_use]
            pub fn to_owned(self) -> $name {
                <$name as View>::from_view(self)
            }
        }

        impl View for $name {
            type View<'a> = $view<'a>;

            const INLINE_SIZE: Option<usize> = <$name as Encode>::INLINE_SIZE;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                flat_struct!(@validate $kind v slot $view { $($index $field: $ty,)* })
            }

            #[inline]
            fn read(bytes: &[u8]) -> $view<'_> {
                $view::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> $view<'a> {
                $view::ABSENT
            }

            fn from_view(view: $view<'_>) -> Self {
                $name { $($field: <$ty as View>::from_view(view.$field()),)* }
            }
        }

        impl std::fmt::Debug for $view<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($view))
                    $(.field(stringify!($field), &self.$field()))*
                    .finish()
            }
        }

        impl PartialEq for $view<'_> {
            fn eq(&self, other: &Self) -> bool {
                true $(&& self.$field() == other.$field())*
            }
        }
    };
}

/// The view of a fixed struct: the buffer from its slot to the end.
macro_rules! fixed_view {
    ($view:ident) => {
        #[doc = concat!("The view of a `", stringify!($view), "`'s struct.")]
        #[derive(Clone, Copy)]
        pub struct $view<'a> {
            bytes: &'a [u8],
        }

        impl<'a> $view<'a> {
            const ABSENT: $view<'static> = $view { bytes: &[] };

            /// Checking the length once lets the compiler drop the accessors' checks.
            #[inline]
            fn read(bytes: &'a [u8]) -> Self {
                if bytes.len() >= Self::SIZE {
                    $view { bytes }
                } else {
                    Self::ABSENT
                }
            }

            #[inline]
            fn field<T: View>(&self, index: usize) -> T::View<'a> {
                T::read(slot_at(self.bytes, Self::OFFSETS[index]))
            }
        }
    };
}

/// The view of a table: its slots and how many fields the data holds.
macro_rules! table_view {
    ($view:ident) => {
        #[doc = concat!("The view of a `", stringify!($view), "`'s struct.")]
        #[derive(Clone, Copy)]
        pub struct $view<'a> {
            table: Table<'a>,
        }

        impl<'a> $view<'a> {
            const ABSENT: $view<'static> = $view {
                table: Table::ABSENT,
            };

            #[inline]
            fn read(bytes: &'a [u8]) -> Self {
                $view {
                    table: Table::read(bytes),
                }
            }

            #[inline]
            fn field<T: View>(&self, index: usize) -> T::View<'a> {
                // Lossless: a handful of fields.
                #[allow(clippy::cast_possible_truncation)]
                self.table.field::<T>(index as u32, Self::OFFSETS[index])
            }
        }
    };
}

fixed_view!(AddressView);
flat_struct! {
    #[derive(Debug, Clone, Copy, PartialEq)]
    #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, bitcode::Encode, bitcode::Decode)]
    fixed struct Address, view AddressView {
        0 x0: u8,
        1 x1: u8,
        2 x2: u8,
        3 x3: u8,
    }
}

table_view!(LogView);
flat_struct! {
    #[derive(Debug, Clone, PartialEq)]
    #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, bitcode::Encode, bitcode::Decode)]
    table struct Log, view LogView {
        0 address: Address,
        1 identity: String,
        2 userid: String,
        3 date: String,
        4 request: String,
        5 code: u16,
        6 size: u64,
    }
}

table_view!(LogsView);
flat_struct! {
    #[derive(Debug, Clone, PartialEq)]
    #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, bitcode::Encode, bitcode::Decode)]
    table struct Logs, view LogsView {
        0 logs: Vec<Log>,
    }
}

fixed_view!(Vector3View);
flat_struct! {
    #[derive(Debug, Clone, Copy, PartialEq)]
    #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, bitcode::Encode, bitcode::Decode)]
    fixed struct Vector3, view Vector3View {
        0 x: f32,
        1 y: f32,
        2 z: f32,
    }
}

fixed_view!(TriangleView);
flat_struct! {
    #[derive(Debug, Clone, Copy, PartialEq)]
    #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, bitcode::Encode, bitcode::Decode)]
    fixed struct Triangle, view TriangleView {
        0 v0: Vector3,
        1 v1: Vector3,
        2 v2: Vector3,
        3 normal: Vector3,
    }
}

table_view!(MeshView);
flat_struct! {
    #[derive(Debug, Clone, PartialEq)]
    #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, bitcode::Encode, bitcode::Decode)]
    table struct Mesh, view MeshView {
        0 triangles: Vec<Triangle>,
    }
}

impl Rng {
    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// A float in `[0, 1)`, from the top 24 bits.
    fn unit_f32(&mut self) -> f32 {
        // Lossless: 24 bits fit an f32's mantissa.
        #[allow(clippy::cast_precision_loss)]
        let top = (self.next() >> 40) as f32;
        top / (1u32 << 24) as f32
    }
}

const USERID: [&str; 9] = [
    "-", "alice", "bob", "carmen", "david", "eric", "frank", "george", "harry",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const TIMEZONE: [&str; 25] = [
    "-1200", "-1100", "-1000", "-0900", "-0800", "-0700", "-0600", "-0500", "-0400", "-0300",
    "-0200", "-0100", "+0000", "+0100", "+0200", "+0300", "+0400", "+0500", "+0600", "+0700",
    "+0800", "+0900", "+1000", "+1100", "+1200",
];
const CODES: [u16; 63] = [
    100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
    305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414,
    415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504,
    505, 506, 507, 508, 510, 511,
];
const METHODS: [&str; 5] = ["GET", "POST", "PUT", "UPDATE", "DELETE"];
const ROUTES: [&str; 7] = [
    "/favicon.ico",
    "/css/index.css",
    "/css/font-awsome.min.css",
    "/img/logo-full.svg",
    "/img/splash.jpg",
    "/api/login",
    "/api/logout",
];
const PROTOCOLS: [&str; 4] = ["HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3"];

/// Generates `count` log records from `seed`, with rust_serialization_benchmark's
/// distributions (identity always `-`, a date and request built from its tables).
///
/// # Examples
///
/// ```
/// let logs = zerospec_benches::flat_data::logs(2, 1);
/// assert_eq!(logs.logs.len(), 2);
/// assert_eq!(logs.logs[0].identity, "-");
/// assert_eq!(logs, zerospec_benches::flat_data::logs(2, 1));
/// ```
#[must_use]
pub fn logs(count: usize, seed: u64) -> Logs {
    let mut rng = Rng(seed);
    let logs = (0..count)
        .map(|_| {
            let [x0, x1, x2, x3, ..] = rng.next().to_le_bytes();
            let date = format!(
                "{}/{}/{}:{}:{}:{} {}",
                rng.between(1, 28),
                rng.pick(&MONTHS),
                rng.between(1970, 2021),
                rng.below(24),
                rng.below(60),
                rng.below(60),
                rng.pick(&TIMEZONE),
            );
            let request = format!(
                "{} {} {}",
                rng.pick(&METHODS),
                rng.pick(&ROUTES),
                rng.pick(&PROTOCOLS)
            );
            Log {
                address: Address { x0, x1, x2, x3 },
                identity: "-".into(),
                userid: rng.pick(&USERID).into(),
                date,
                request,
                code: CODES[rng.below(CODES.len() as u64) as usize],
                size: rng.below(100_000_000),
            }
        })
        .collect();
    Logs { logs }
}

/// Generates a mesh of `count` triangles from `seed`, every coordinate in `[0, 1)`.
///
/// # Examples
///
/// ```
/// let mesh = zerospec_benches::flat_data::mesh(3, 1);
/// assert_eq!(mesh.triangles.len(), 3);
/// assert!((0.0..1.0).contains(&mesh.triangles[2].normal.z));
/// ```
#[must_use]
pub fn mesh(count: usize, seed: u64) -> Mesh {
    let mut rng = Rng(seed);
    let mut vector = || Vector3 {
        x: rng.unit_f32(),
        y: rng.unit_f32(),
        z: rng.unit_f32(),
    };
    let triangles = (0..count)
        .map(|_| Triangle {
            v0: vector(),
            v1: vector(),
            v2: vector(),
            normal: vector(),
        })
        .collect();
    Mesh { triangles }
}

/// The `log` dataset: [`LOG_RECORDS`] records from [`SEED`].
#[must_use]
pub fn log_dataset() -> Logs {
    logs(LOG_RECORDS, SEED)
}

/// The `mesh` dataset: [`MESH_TRIANGLES`] triangles from [`SEED`].
#[must_use]
pub fn mesh_dataset() -> Mesh {
    mesh(MESH_TRIANGLES, SEED)
}
