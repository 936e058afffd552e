//! Generic types: bounds inferred from the fields, `PhantomData` needing none,
//! and the `bound` attribute replacing them.

mod derive_util;

use std::collections::BTreeMap;
use std::marker::PhantomData;

use derive_util::{agree, both_reject, decodes_as, rejects};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Page<T, K: Ord> {
    items: Vec<T>,
    index: BTreeMap<K, T>,
    total: usize,
}

#[test]
fn generic_struct_agrees_with_serde() {
    agree(
        &Page {
            items: vec![1u8, 2],
            index: BTreeMap::from([("a".to_owned(), 1u8)]),
            total: 2,
        },
        r#"{"items":[1,2],"index":{"a":1},"total":2}"#,
    );
    agree(
        &Page {
            items: vec![Some(true), None],
            index: BTreeMap::from([(3u32, None)]),
            total: 2,
        },
        r#"{"items":[true,null],"index":{"3":null},"total":2}"#,
    );
    assert_eq!(
        both_reject::<Page<u8, String>>(r#"{"items":[1,"x"],"index":{},"total":2}"#),
        "Expected `int`, got `str` - at `$.items[1]`"
    );
}

/// Neither `Encode` nor `Decode`, nor serde's traits.
#[derive(Debug, PartialEq)]
struct Opaque;

#[test]
fn phantom_data_needs_no_bound() {
    // `PhantomData` is written as serde writes a unit struct: `null` in JSON,
    // an empty array in MessagePack.
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Id<T> {
        id: u64,
        marker: PhantomData<T>,
    }
    agree(
        &Id::<Opaque> {
            id: 7,
            marker: PhantomData,
        },
        r#"{"id":7,"marker":null}"#,
    );
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Typed<T>(u64, PhantomData<fn() -> T>);
    agree(&Typed::<Opaque>(1, PhantomData), "[1,null]");
}

#[test]
fn generic_parameter_used_only_by_skipped_fields() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    struct Cached<T: Default> {
        key: String,
        #[serde(skip)]
        cache: T,
    }
    #[derive(Debug, PartialEq, Default)]
    struct Cache(u8);
    let v: Cached<Cache> = zerospec::json::from_str(r#"{"key":"k"}"#).unwrap();
    assert_eq!(
        v,
        Cached {
            key: "k".into(),
            cache: Cache(0),
        }
    );
    assert_eq!(zerospec::json::to_string(&v).unwrap(), r#"{"key":"k"}"#);
}

pub trait Schema {
    type Id;
}

struct UserSchema;

impl Schema for UserSchema {
    type Id = u32;
}

#[test]
fn bound_replaces_the_inferred_bounds() {
    // Inferred bounds would ask `S: Encode`; the attribute asks for `S::Id`.
    #[derive(Encode, Decode, Serialize, Deserialize)]
    #[serde(bound(
        serialize = "S::Id: serde::Serialize",
        deserialize = "S::Id: serde::Deserialize<'de>"
    ))]
    #[zerospec(bound(
        serialize = "S::Id: zerospec::Encode",
        deserialize = "S::Id: zerospec::Decode<'de>"
    ))]
    struct Ref<S: Schema> {
        id: S::Id,
    }
    let r = Ref::<UserSchema> { id: 5 };
    assert_eq!(zerospec::json::to_string(&r).unwrap(), r#"{"id":5}"#);
    assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"id":5}"#);
    let back: Ref<UserSchema> = zerospec::json::from_str(r#"{"id":6}"#).unwrap();
    assert_eq!(back.id, 6);
}

#[test]
fn bound_in_one_form_serves_both_traits() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(bound = "T: zerospec::Encode + for<'x> zerospec::Decode<'x>")]
    struct Boxed<T> {
        value: Box<T>,
    }
    let v: Boxed<u8> = zerospec::json::from_str(r#"{"value":3}"#).unwrap();
    assert_eq!(*v.value, 3);
    assert_eq!(zerospec::json::to_string(&v).unwrap(), r#"{"value":3}"#);
}

#[test]
fn empty_bound_removes_all_bounds() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(bound = "")]
    struct Count<T> {
        n: u32,
        #[serde(skip)]
        marker: PhantomData<T>,
    }
    let v: Count<Opaque> = zerospec::json::from_str(r#"{"n":3}"#).unwrap();
    assert_eq!(v.n, 3);
}

#[test]
fn generic_enum_in_every_representation() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "t", content = "c")]
    enum Adj<A, B> {
        A(A),
        B { b: B },
    }
    agree(&Adj::<u8, String>::A(1), r#"{"t":"A","c":1}"#);
    agree(
        &Adj::<u8, String>::B { b: "x".into() },
        r#"{"t":"B","c":{"b":"x"}}"#,
    );

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(untagged)]
    enum Un<A, B> {
        A(A),
        B(B),
    }
    agree(&Un::<u8, String>::B("x".into()), r#""x""#);

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Inner<T> {
        v: T,
    }
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type")]
    enum Int<T> {
        New(Inner<T>),
        Named { v: T },
    }
    agree(&Int::New(Inner { v: 1u8 }), r#"{"type":"New","v":1}"#);
    decodes_as(r#"{"v":2,"type":"Named"}"#, &Int::Named { v: 2u8 });
}

#[test]
fn const_generic_array() {
    // serde has no impls for `[T; N]` with a const `N`; zerospec has.
    #[derive(Encode, Decode, Debug, PartialEq)]
    struct Fixed<const N: usize> {
        data: [u8; N],
    }
    let v: Fixed<3> = zerospec::json::from_str(r#"{"data":[1,2,3]}"#).unwrap();
    assert_eq!(v, Fixed { data: [1, 2, 3] });
    assert_eq!(
        zerospec::json::to_string(&v).unwrap(),
        r#"{"data":[1,2,3]}"#
    );
    assert_eq!(
        rejects::<Fixed<2>>(r#"{"data":[1,2,3]}"#),
        "Expected `array` of length 2 - at `$.data`"
    );
}

#[test]
fn where_clause_and_defaulted_type_parameter() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct W<T = u8>
    where
        T: Clone,
    {
        v: Vec<T>,
    }
    agree(&W::<u8> { v: vec![1] }, r#"{"v":[1]}"#);
}
