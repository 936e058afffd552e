//! [`refuse!`]: the `serde::Serializer` methods of a serializer that takes
//! only a few shapes (a map key, an extension value), each returning an error.

/// Writes the listed `serde::Serializer` methods so that each returns
/// `Err($err)`. Compound methods return the impl's compound types, which
/// are then `serde::ser::Impossible`.
macro_rules! refuse {
    ($err:expr; $($method:ident)*) => {
        $( $crate::serde::refuse::refuse!(@ $method, $err); )*
    };
    (@ bool, $err:expr) => { fn serialize_bool(self, _: bool) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ i8, $err:expr) => { fn serialize_i8(self, _: i8) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ i16, $err:expr) => { fn serialize_i16(self, _: i16) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ i32, $err:expr) => { fn serialize_i32(self, _: i32) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ i64, $err:expr) => { fn serialize_i64(self, _: i64) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ u8, $err:expr) => { fn serialize_u8(self, _: u8) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ u16, $err:expr) => { fn serialize_u16(self, _: u16) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ u32, $err:expr) => { fn serialize_u32(self, _: u32) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ u64, $err:expr) => { fn serialize_u64(self, _: u64) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ f32, $err:expr) => { fn serialize_f32(self, _: f32) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ f64, $err:expr) => { fn serialize_f64(self, _: f64) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ char, $err:expr) => { fn serialize_char(self, _: char) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ str, $err:expr) => { fn serialize_str(self, _: &str) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ bytes, $err:expr) => { fn serialize_bytes(self, _: &[u8]) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ none, $err:expr) => { fn serialize_none(self) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ some, $err:expr) => {
        fn serialize_some<T: ::serde::Serialize + ?Sized>(self, _: &T) -> $crate::Result<Self::Ok> {
            Err($err)
        }
    };
    (@ unit, $err:expr) => { fn serialize_unit(self) -> $crate::Result<Self::Ok> { Err($err) } };
    (@ unit_struct, $err:expr) => {
        fn serialize_unit_struct(self, _: &'static str) -> $crate::Result<Self::Ok> { Err($err) }
    };
    (@ unit_variant, $err:expr) => {
        fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> $crate::Result<Self::Ok> {
            Err($err)
        }
    };
    (@ newtype_struct, $err:expr) => {
        fn serialize_newtype_struct<T: ::serde::Serialize + ?Sized>(
            self,
            _: &'static str,
            _: &T,
        ) -> $crate::Result<Self::Ok> {
            Err($err)
        }
    };
    (@ newtype_variant, $err:expr) => {
        fn serialize_newtype_variant<T: ::serde::Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> $crate::Result<Self::Ok> {
            Err($err)
        }
    };
    (@ seq, $err:expr) => {
        fn serialize_seq(self, _: Option<usize>) -> $crate::Result<Self::SerializeSeq> { Err($err) }
    };
    (@ tuple, $err:expr) => {
        fn serialize_tuple(self, _: usize) -> $crate::Result<Self::SerializeTuple> { Err($err) }
    };
    (@ tuple_struct, $err:expr) => {
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> $crate::Result<Self::SerializeTupleStruct> {
            Err($err)
        }
    };
    (@ tuple_variant, $err:expr) => {
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> $crate::Result<Self::SerializeTupleVariant> {
            Err($err)
        }
    };
    (@ map, $err:expr) => {
        fn serialize_map(self, _: Option<usize>) -> $crate::Result<Self::SerializeMap> { Err($err) }
    };
    (@ struct, $err:expr) => {
        fn serialize_struct(self, _: &'static str, _: usize) -> $crate::Result<Self::SerializeStruct> {
            Err($err)
        }
    };
    (@ struct_variant, $err:expr) => {
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> $crate::Result<Self::SerializeStructVariant> {
            Err($err)
        }
    };
}

pub(crate) use refuse;
