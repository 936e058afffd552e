//! Compile-only coverage: the derive accepts generics, lifetimes, where-clauses
//! and attribute combinations, and its output is free of warnings, pedantic
//! clippy lints included.
#![deny(warnings, clippy::pedantic)]
#![deny(
    rust_2018_idioms,
    unused_lifetimes,
    single_use_lifetimes,
    unused_qualifications,
    trivial_casts,
    trivial_numeric_casts,
    unused_results,
    unreachable_pub,
    missing_debug_implementations
)]
#![allow(dead_code, clippy::struct_field_names)]

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::marker::PhantomData;

use zerospec::{Decode, Encode};

fn default_u8() -> u8 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn never(_: &u8) -> bool {
    false
}

fn is_short(s: &str) -> Result<(), &'static str> {
    if s.len() < 10 {
        Ok(())
    } else {
        Err("too long")
    }
}

#[allow(unreachable_pub)]
mod via {
    use zerospec::{Decoder, Encoder};

    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub fn encode<E: Encoder>(v: &u8, e: &mut E) -> zerospec::Result<()> {
        e.encode_u64((*v).into())
    }

    pub fn decode<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<u8> {
        u8::decode_from(d)
    }

    trait DecodeFrom: Sized {
        fn decode_from<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Self>;
    }

    impl DecodeFrom for u8 {
        fn decode_from<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Self> {
            <u8 as zerospec::Decode>::decode(d)
        }
    }
}

// ---- structs of every shape ----

#[derive(Encode, Decode)]
struct Unit;

#[derive(Encode, Decode)]
struct EmptyBraced {}

#[derive(Encode, Decode)]
struct EmptyTuple();

#[derive(Encode, Decode)]
struct Newtype(u8);

#[derive(Encode, Decode)]
struct Tuple(u8, String, Option<u8>);

#[derive(Encode, Decode)]
struct Named {
    a: u8,
    b: String,
}

#[derive(Encode, Decode)]
struct AllSkipped {
    #[serde(skip)]
    a: u8,
}

#[derive(Encode, Decode)]
struct RawNames {
    r#type: u8,
    r#fn: u8,
}

// ---- generics ----

#[derive(Encode, Decode)]
struct Generic<T> {
    t: T,
}

#[derive(Encode, Decode)]
struct GenericBounds<T: Clone, U>
where
    U: Default + Clone,
{
    t: Vec<T>,
    u: Option<U>,
}

#[derive(Encode, Decode)]
struct GenericMaps<K: Ord + std::hash::Hash + Eq, V> {
    ordered: BTreeMap<K, V>,
    hashed: HashMap<K, Vec<V>>,
}

#[derive(Encode, Decode)]
struct GenericDefaulted<T = u8> {
    t: T,
}

#[derive(Encode, Decode)]
struct ConstGeneric<const N: usize> {
    a: [u8; N],
}

#[derive(Encode, Decode)]
struct ConstAndType<T, const N: usize> {
    a: [T; N],
}

#[derive(Encode, Decode)]
struct Phantom<T, U: ?Sized> {
    a: u8,
    t: PhantomData<T>,
    u: PhantomData<fn(&U)>,
}

#[derive(Encode, Decode)]
struct SkippedGeneric<T> {
    #[serde(skip)]
    t: T,
}

#[derive(Encode, Decode)]
struct SkippedGenericWithDefault<T> {
    #[serde(skip_deserializing, default = "Vec::new")]
    t: Vec<T>,
}

#[derive(Encode, Decode)]
#[serde(default)]
struct ContainerDefaultGeneric<T: Default> {
    t: T,
    #[serde(skip)]
    u: T,
}

impl<T: Default> Default for ContainerDefaultGeneric<T> {
    fn default() -> Self {
        ContainerDefaultGeneric {
            t: T::default(),
            u: T::default(),
        }
    }
}

#[derive(Encode, Decode)]
struct FieldDefaultGeneric<T> {
    #[serde(default)]
    t: T,
}

#[derive(Encode, Decode)]
#[serde(bound = "T: zerospec::Encode + for<'x> zerospec::Decode<'x>")]
struct ExplicitBound<T> {
    t: Box<T>,
}

#[derive(Encode, Decode)]
#[zerospec(bound(
    serialize = "T: zerospec::Encode",
    deserialize = "T: zerospec::Decode<'de>"
))]
struct SplitBound<T> {
    t: T,
}

#[derive(Encode, Decode)]
struct Recursive<T> {
    value: T,
    children: Vec<Recursive<T>>,
    next: Option<Box<Recursive<T>>>,
}

#[derive(Encode, Decode)]
struct FlattenGeneric<T, M> {
    a: u8,
    #[serde(flatten)]
    inner: Generic<T>,
    #[serde(flatten)]
    rest: M,
}

// ---- lifetimes ----

#[derive(Encode, Decode)]
struct Borrowed<'a> {
    s: &'a str,
    b: &'a [u8],
    #[serde(borrow)]
    c: Cow<'a, str>,
    o: Cow<'a, str>,
}

#[derive(Encode, Decode)]
struct TwoLifetimes<'a, 'b: 'a> {
    a: &'a str,
    #[serde(borrow = "'b")]
    b: Cow<'b, str>,
}

#[derive(Encode, Decode)]
struct NestedBorrow<'a> {
    #[serde(borrow)]
    inner: Borrowed<'a>,
    list: Vec<&'a str>,
}

#[derive(Encode, Decode)]
struct FlattenBorrowed<'a> {
    id: u8,
    #[serde(flatten, borrow)]
    inner: Borrowed<'a>,
    #[serde(borrow)]
    bytes: Cow<'a, [u8]>,
    maybe: Option<&'a str>,
}

#[derive(Encode, Decode)]
struct LifetimeAndType<'a, T> {
    name: &'a str,
    t: T,
}

#[derive(Encode, Decode)]
struct StaticStr {
    s: &'static str,
    o: Cow<'static, str>,
}

#[derive(Encode, Decode)]
struct UnusedLifetime<'a> {
    p: PhantomData<&'a ()>,
}

// ---- enums ----

#[derive(Encode, Decode)]
enum Empty {}

#[derive(Encode, Decode)]
enum External<T> {
    Unit,
    New(T),
    Tuple(u8, T),
    Struct { a: T },
    EmptyStruct {},
    EmptyTuple(),
}

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum Internal<T> {
    Unit,
    New(Named),
    Generic(Generic<T>),
    Map(BTreeMap<String, T>),
    Struct {
        a: T,
    },
    #[serde(other)]
    Other,
}

#[derive(Encode, Decode)]
#[serde(tag = "t", content = "c")]
enum Adjacent<'a, T> {
    Unit,
    New(&'a str),
    Tuple(T, T),
    Struct { a: T },
}

#[derive(Encode, Decode)]
#[serde(untagged)]
enum Untagged<'a> {
    Unit,
    New(u8),
    Str(&'a str),
    Tuple(u8, u8),
    Struct { a: u8 },
}

#[derive(Encode, Decode)]
#[serde(tag = "type", deny_unknown_fields, rename_all = "kebab-case")]
enum InternalStrict {
    AUnit,
    BStruct {
        #[serde(default)]
        x: u8,
    },
    #[serde(untagged)]
    Fallback(u8),
}

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum InternalAllUntagged {
    #[serde(untagged)]
    A(u8),
    #[serde(untagged)]
    B { b: u8 },
}

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum InternalOnlyUnit {
    A,
}

#[derive(Encode, Decode)]
enum AllVariantsSkipped {
    #[serde(skip)]
    A,
    #[serde(skip_deserializing)]
    B(u8),
}

#[derive(Encode, Decode)]
enum OnlyUnit {
    A,
    #[serde(other)]
    B,
}

#[derive(Encode, Decode)]
#[serde(rename_all_fields = "camelCase")]
enum RenamedFields {
    A {
        some_field: u8,
    },
    #[serde(rename_all = "UPPERCASE", alias = "bee")]
    B {
        some_field: u8,
    },
}

#[derive(Encode, Decode)]
enum SkippedVariantGeneric<T> {
    A(u8),
    #[serde(skip)]
    B(T),
}

#[derive(Encode, Decode)]
enum LifetimeEnum<'a> {
    A(&'a str),
    B {
        #[serde(borrow)]
        c: Cow<'a, str>,
    },
}

// ---- attribute combinations ----

#[derive(Encode, Decode, PartialEq, Default, Clone)]
#[serde(rename = "Everything", rename_all = "camelCase", deny_unknown_fields)]
#[zerospec(omit_defaults)]
struct Everything {
    #[serde(rename = "ID", alias = "identifier")]
    id: u32,
    #[serde(default = "default_u8", skip_serializing_if = "never")]
    level: u8,
    #[serde(skip_serializing)]
    write_only: u8,
    #[serde(skip_deserializing)]
    read_only: u8,
    #[zerospec(ge = 0, le = 10, multiple_of = 2)]
    even: i32,
    #[zerospec(gt = 0.0, lt = 1.0)]
    ratio: f64,
    #[zerospec(min_len = 1, max_len = 8, validate = "is_short")]
    name: String,
    #[zerospec(max_len = 3)]
    list: Option<Vec<u8>>,
    #[zerospec(with = "via")]
    via: u8,
    #[serde(flatten)]
    extra: BTreeMap<String, u8>,
}

#[derive(Encode, Decode)]
#[zerospec(array_like)]
struct ArrayLike {
    a: u8,
    #[serde(default)]
    b: u8,
    #[serde(skip)]
    c: u8,
    d: Option<u8>,
}

#[derive(Encode, Decode)]
#[serde(transparent)]
struct Transparent<T> {
    t: T,
    #[serde(skip)]
    p: PhantomData<T>,
}

#[derive(Encode, Decode)]
#[serde(transparent)]
struct TransparentTuple(#[zerospec(min_len = 1)] String);

#[derive(Encode, Decode, Clone)]
#[serde(from = "u8", into = "u8")]
struct Converted(u8);

impl From<u8> for Converted {
    fn from(v: u8) -> Self {
        Converted(v)
    }
}

impl From<Converted> for u8 {
    fn from(v: Converted) -> Self {
        v.0
    }
}

#[derive(Encode, Decode, Clone)]
#[serde(try_from = "i64", into = "i64")]
enum TryConverted {
    Zero,
}

impl TryFrom<i64> for TryConverted {
    type Error = String;
    fn try_from(v: i64) -> Result<Self, String> {
        if v == 0 {
            Ok(TryConverted::Zero)
        } else {
            Err(v.to_string())
        }
    }
}

impl From<TryConverted> for i64 {
    fn from(_: TryConverted) -> Self {
        0
    }
}

#[derive(Encode, Decode)]
#[serde(tag = "kind")]
struct TaggedStruct {
    a: u8,
}

#[derive(Encode, Decode)]
struct Bytes {
    #[zerospec(bytes)]
    data: Vec<u8>,
}

#[derive(Encode, Decode)]
#[serde(crate = "serde", expecting = "anything")]
struct SerdeOnly {
    #[serde(default)]
    a: u8,
}

macro_rules! in_macro {
    ($name:ident, $rule:literal, $bound:literal) => {
        #[derive(Encode, Decode)]
        #[serde(rename_all = $rule)]
        struct $name {
            #[zerospec(le = $bound)]
            some_field: u8,
        }
    };
}

in_macro!(FromMacro, "camelCase", 9);

#[test]
fn generated_impls_exist() {
    fn encode<T: Encode + ?Sized>() {}
    fn decode<T: zerospec::DecodeOwned>() {}
    fn decode_borrowed<'de, T: Decode<'de>>() {}
    encode::<Everything>();
    decode::<Everything>();
    decode::<Recursive<u8>>();
    decode::<FlattenGeneric<u8, BTreeMap<String, u8>>>();
    decode::<Internal<u8>>();
    decode::<Phantom<std::fs::File, str>>();
    decode::<SkippedGeneric<Vec<u8>>>();
    decode_borrowed::<Borrowed<'_>>();
    decode_borrowed::<FlattenBorrowed<'_>>();
    decode_borrowed::<Adjacent<'_, u8>>();
    decode::<Empty>();
    encode::<AllVariantsSkipped>();
    decode::<FromMacro>();
    decode::<ConstAndType<u8, 3>>();
}

#[allow(unreachable_pub)]
mod visibility {
    use zerospec::{Decode, Encode};

    #[derive(Encode, Decode)]
    pub(crate) struct Private {
        a: u8,
    }

    #[derive(Encode, Decode)]
    struct Hidden {
        a: u8,
    }

    /// Public types holding and flattening private ones: the derived impls
    /// must not leak the private types.
    #[derive(Encode, Decode)]
    pub struct Holds {
        inner: Hidden,
    }

    #[derive(Encode, Decode)]
    pub struct Flattens {
        #[serde(flatten)]
        inner: Hidden,
    }

    #[derive(Encode, Decode)]
    #[serde(tag = "type")]
    pub enum Tagged {
        A(Private),
    }
}
