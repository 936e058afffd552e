//! Untagged enums, and `untagged` variants after tagged ones: variants tried in
//! order from a checkpoint, nothing buffered.

mod derive_util;

use std::collections::BTreeMap;

use derive_util::{agree, both_reject, decodes_as, rejects};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode, ErrorKind};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(untagged)]
enum Any {
    Nothing,
    Int(u8),
    Float(f64),
    Text(String),
    Pair(u8, u8),
    List(Vec<Any>),
    Point { x: i32, y: i32 },
    Map(BTreeMap<String, Any>),
}

#[test]
fn every_variant_shape_agrees_with_serde() {
    agree(&Any::Nothing, "null");
    agree(&Any::Int(5), "5");
    agree(&Any::Float(5.5), "5.5");
    agree(&Any::Text("s".into()), r#""s""#);
    agree(&Any::Pair(1, 2), "[1,2]");
    agree(
        &Any::List(vec![Any::Int(1), Any::Text("a".into()), Any::Nothing]),
        r#"[1,"a",null]"#,
    );
    agree(&Any::Point { x: 1, y: -2 }, r#"{"x":1,"y":-2}"#);
    agree(
        &Any::Map(BTreeMap::from([("k".into(), Any::Float(0.5))])),
        r#"{"k":0.5}"#,
    );
}

#[test]
fn variants_are_tried_in_declaration_order() {
    // 300 does not fit `u8`: the next variant, `Float`, takes it.
    decodes_as("300", &Any::Float(300.0));
    // Three elements are not a `Pair`: `List` takes them.
    decodes_as(
        "[1,2,3]",
        &Any::List(vec![Any::Int(1), Any::Int(2), Any::Int(3)]),
    );
    // `x` without `y` is not a `Point`: `Map` takes it.
    decodes_as(
        r#"{"x":1}"#,
        &Any::Map(BTreeMap::from([("x".into(), Any::Int(1))])),
    );
    // The first match wins even when a later one would also fit.
    decodes_as(r#"{"x":1,"y":2,"z":3}"#, &Any::Point { x: 1, y: 2 });
}

#[test]
fn deep_backtracking() {
    decodes_as(
        r#"[[1,[2,{"x":1,"y":2}]],{"a":[300,"b"]}]"#,
        &Any::List(vec![
            Any::List(vec![
                Any::Int(1),
                Any::List(vec![Any::Int(2), Any::Point { x: 1, y: 2 }]),
            ]),
            Any::Map(BTreeMap::from([(
                "a".into(),
                Any::List(vec![Any::Float(300.0), Any::Text("b".into())]),
            )])),
        ]),
    );
}

#[test]
fn no_variant_matches() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(untagged)]
    enum Small {
        Int(u8),
        Point { x: i32 },
    }
    let msg = both_reject::<Small>("true");
    assert_eq!(
        msg,
        "Data did not match any variant of untagged enum `Small` - at `$`"
    );
    let err = zerospec::json::from_str::<Small>(r#"{"y":1}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Type);

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Holder {
        items: Vec<Small>,
    }
    assert_eq!(
        both_reject::<Holder>(r#"{"items":[1,{"x":2},"no"]}"#),
        "Data did not match any variant of untagged enum `Small` - at `$.items[2]`"
    );
}

#[test]
fn syntax_errors_end_the_search() {
    let msg = both_reject::<Any>(r#"[1,2,}"#);
    assert!(msg.starts_with("JSON is malformed"), "{msg}");
    let msg = both_reject::<Any>(r#"{"x":1,"y":2"#);
    assert!(msg.starts_with("JSON is malformed"), "{msg}");
}

#[test]
fn untagged_newtype_of_a_struct() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct A {
        a: u8,
    }
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct B {
        b: u8,
    }
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(untagged)]
    enum AOrB {
        A(A),
        B(B),
    }
    agree(&AOrB::A(A { a: 1 }), r#"{"a":1}"#);
    agree(&AOrB::B(B { b: 2 }), r#"{"b":2}"#);
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Mixed {
    Known(u8),
    Other,
    #[serde(untagged)]
    Number(f64),
    #[serde(untagged)]
    Anything(String),
}

#[test]
fn untagged_variants_after_tagged_ones() {
    agree(&Mixed::Known(1), r#"{"Known":1}"#);
    agree(&Mixed::Other, r#""Other""#);
    agree(&Mixed::Number(2.5), "2.5");
    agree(&Mixed::Anything("Nope".into()), r#""Nope""#);
    // A bad tagged form falls through to the untagged variants.
    decodes_as(r#""Known""#, &Mixed::Anything("Known".into()));
    assert_eq!(
        both_reject::<Mixed>(r#"{"Known":"x"}"#),
        "Data did not match any variant of untagged enum `Mixed` - at `$`"
    );
}

#[test]
fn untagged_variant_in_an_internally_tagged_enum() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type")]
    enum Event {
        Click {
            x: i32,
        },
        #[serde(untagged)]
        Raw(BTreeMap<String, String>),
    }
    agree(&Event::Click { x: 1 }, r#"{"type":"Click","x":1}"#);
    decodes_as(r#"{"x":1,"type":"Click"}"#, &Event::Click { x: 1 });
    let raw = |pairs: &[(&str, &str)]| {
        Event::Raw(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    };
    agree(&raw(&[("y", "3")]), r#"{"y":"3"}"#);
    decodes_as(
        r#"{"type":"Scroll","y":"3"}"#,
        &raw(&[("type", "Scroll"), ("y", "3")]),
    );
    decodes_as(
        r#"{"y":"3","type":"Click"}"#,
        &raw(&[("type", "Click"), ("y", "3")]),
    );
}

#[test]
fn untagged_variant_in_an_adjacently_tagged_enum() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "t", content = "c")]
    enum Msg {
        Num(u8),
        #[serde(untagged)]
        Loose(Vec<u8>),
    }
    agree(&Msg::Num(1), r#"{"t":"Num","c":1}"#);
    agree(&Msg::Loose(vec![1, 2]), "[1,2]");
    assert_eq!(
        rejects::<Msg>(r#"{"t":"Num","c":300}"#),
        "Data did not match any variant of untagged enum `Msg` - at `$`"
    );
}
