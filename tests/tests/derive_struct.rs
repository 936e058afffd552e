//! Structs of every shape: named, tuple, newtype, unit; the errors they give.

mod derive_util;

use std::collections::BTreeMap;

use derive_util::{agree, both_reject, decodes_as, encodes_as, rejects};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode, ErrorKind};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Named {
    id: u32,
    name: String,
    score: f64,
    ok: bool,
    tags: Vec<String>,
    nick: Option<String>,
}

fn named() -> Named {
    Named {
        id: 7,
        name: "ada \"lovelace\"\n".into(),
        score: 0.1,
        ok: true,
        tags: vec!["a".into(), "b".into()],
        nick: None,
    }
}

#[test]
fn named_struct_agrees_with_serde() {
    agree(
        &named(),
        r#"{"id":7,"name":"ada \"lovelace\"\n","score":0.1,"ok":true,"tags":["a","b"],"nick":null}"#,
    );
}

#[test]
fn named_struct_pretty_form() {
    assert_eq!(
        zerospec::json::to_string_pretty(&named()).unwrap(),
        "{\n  \"id\": 7,\n  \"name\": \"ada \\\"lovelace\\\"\\n\",\n  \"score\": 0.1,\n  \"ok\": true,\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"nick\": null\n}"
    );
}

#[test]
fn fields_in_any_order_with_unknown_ones_skipped() {
    decodes_as(
        r#"{"unknown":{"deep":[1,2,{"x":null}]},"tags":["a","b"],"nick":null,"ok":true,"score":0.1,"name":"ada \"lovelace\"\n","id":7}"#,
        &named(),
    );
}

#[test]
fn absent_option_is_none() {
    decodes_as(
        r#"{"id":7,"name":"ada \"lovelace\"\n","score":0.1,"ok":true,"tags":["a","b"]}"#,
        &named(),
    );
}

#[test]
fn escaped_keys_match_field_names() {
    decodes_as(
        r#"{"\u0069d":7,"na\u006de":"ada \"lovelace\"\n","score":0.1,"ok":true,"tags":["a","b"]}"#,
        &named(),
    );
}

#[test]
fn missing_field_names_the_field() {
    let msg = both_reject::<Named>(r#"{"id":7,"score":0.1,"ok":true,"tags":[]}"#);
    assert_eq!(msg, "Object missing required field `name` - at `$`");
    let err = zerospec::json::from_str::<Named>(r#"{"id":7}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingField);
}

#[test]
fn duplicate_field_is_an_error() {
    let msg = both_reject::<Named>(r#"{"id":7,"name":"a","score":0.1,"ok":true,"tags":[],"id":8}"#);
    assert_eq!(msg, "Object contains duplicate field `id` - at `$`");
    let err = zerospec::json::from_str::<Named>(r#"{"id":7,"id":8}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::DuplicateField);
}

#[test]
fn type_mismatch_names_the_field() {
    let msg = both_reject::<Named>(r#"{"id":"7","name":"a","score":0.1,"ok":true,"tags":[]}"#);
    assert_eq!(msg, "Expected `int`, got `str` - at `$.id`");
    let msg = both_reject::<Named>(r#"{"id":7,"name":"a","score":0.1,"ok":true,"tags":["a",3]}"#);
    assert_eq!(msg, "Expected `str`, got `int` - at `$.tags[1]`");
    let msg = both_reject::<Named>(r#"[7]"#);
    assert_eq!(msg, "Expected `object`, got `array` - at `$`");
}

#[test]
fn out_of_range_for_the_rust_type() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Flags {
        flags: u8,
        delta: i8,
    }
    let msg = both_reject::<Flags>(r#"{"flags":256,"delta":0}"#);
    assert_eq!(msg, "Expected `int` <= 255 - at `$.flags`");
    let msg = both_reject::<Flags>(r#"{"flags":1,"delta":-129}"#);
    assert_eq!(msg, "Expected `int` >= -128 - at `$.delta`");
    let err = zerospec::json::from_str::<Flags>(r#"{"flags":-1,"delta":0}"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `int` >= 0 - at `$.flags`");
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct User {
    name: String,
    age: u8,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Team {
    users: Vec<User>,
    scores: BTreeMap<String, User>,
    lead: Option<Box<User>>,
}

#[test]
fn nested_structs_agree() {
    let team = Team {
        users: vec![User {
            name: "a".into(),
            age: 1,
        }],
        scores: BTreeMap::from([(
            "alice".into(),
            User {
                name: "b".into(),
                age: 2,
            },
        )]),
        lead: Some(Box::new(User {
            name: "c".into(),
            age: 3,
        })),
    };
    agree(
        &team,
        r#"{"users":[{"name":"a","age":1}],"scores":{"alice":{"name":"b","age":2}},"lead":{"name":"c","age":3}}"#,
    );
}

#[test]
fn paths_through_arrays_maps_and_fields() {
    let msg = both_reject::<Team>(
        r#"{"users":[{"name":"a","age":1},{"name":"b","age":2},{"name":"c","age":3},{"name":"d","age":"x"}],"scores":{}}"#,
    );
    assert_eq!(msg, "Expected `int`, got `str` - at `$.users[3].age`");
    let msg = both_reject::<Team>(
        r#"{"users":[],"scores":{"bob":{"name":"b","age":2},"alice":{"name":"a"}}}"#,
    );
    assert_eq!(
        msg,
        r#"Object missing required field `age` - at `$.scores["alice"]`"#
    );
    let msg = both_reject::<Team>(r#"{"users":[],"scores":{},"lead":{"name":"c","age":300}}"#);
    assert_eq!(msg, "Expected `int` <= 255 - at `$.lead.age`");
    let err = zerospec::json::from_str::<Team>(r#"{"users":[{"name":"a","age":-1}],"scores":{}}"#)
        .unwrap_err();
    assert_eq!(err.path(), "$.users[0].age");
    assert_eq!(err.message(), "Expected `int` >= 0");
}

#[test]
fn syntax_errors_have_no_path_but_an_offset() {
    let msg = both_reject::<User>(r#"{"name":"a","age":1,}"#);
    assert_eq!(msg, "JSON is malformed: trailing comma in object (byte 20)");
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Tuple(u8, String, Option<bool>);

#[test]
fn tuple_struct_is_an_array() {
    agree(&Tuple(1, "a".into(), Some(true)), r#"[1,"a",true]"#);
    agree(&Tuple(1, "a".into(), None), r#"[1,"a",null]"#);
}

#[test]
fn tuple_struct_needs_its_exact_length() {
    assert_eq!(
        both_reject::<Tuple>(r#"[1,"a"]"#),
        "Expected `array` of length 3 - at `$`"
    );
    assert_eq!(
        both_reject::<Tuple>(r#"[1,"a",null,4]"#),
        "Expected `array` of length 3 - at `$`"
    );
    assert_eq!(
        both_reject::<Tuple>(r#"[1,2,null]"#),
        "Expected `str`, got `int` - at `$[1]`"
    );
    assert_eq!(
        both_reject::<Tuple>(r#"{"0":1}"#),
        "Expected `array`, got `object` - at `$`"
    );
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Newtype(u16);

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct NewtypeOfStruct(User);

#[test]
fn newtype_struct_is_its_field() {
    agree(&Newtype(500), "500");
    agree(
        &NewtypeOfStruct(User {
            name: "x".into(),
            age: 9,
        }),
        r#"{"name":"x","age":9}"#,
    );
    assert_eq!(
        both_reject::<Newtype>("70000"),
        "Expected `int` <= 65535 - at `$`"
    );
    assert_eq!(
        both_reject::<Newtype>("[5]"),
        "Expected `int`, got `array` - at `$`"
    );
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Unit;

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Empty {}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct EmptyTuple();

#[test]
fn unit_struct_is_null() {
    agree(&Unit, "null");
    assert_eq!(
        both_reject::<Unit>("{}"),
        "Expected `null`, got `object` - at `$`"
    );
}

#[test]
fn unit_struct_in_messagepack_is_an_empty_array_as_rmp_serde_writes() {
    // `agree` compares the bytes with rmp-serde's; this pins them.
    assert_eq!(zerospec::msgpack::to_vec(&Unit).unwrap(), [0x90]);
    let unit: Unit = zerospec::msgpack::from_slice(&[0x90]).unwrap();
    assert_eq!(unit, Unit);
    let unit: Unit = zerospec::msgpack::from_slice(&[0xc0]).unwrap();
    assert_eq!(unit, Unit);
}

#[test]
fn empty_structs() {
    agree(&Empty {}, "{}");
    decodes_as(r#"{"x":1}"#, &Empty {});
    agree(&EmptyTuple(), "[]");
}

#[test]
fn raw_identifiers_lose_their_prefix() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Raw {
        r#type: String,
        r#match: u8,
    }
    agree(
        &Raw {
            r#type: "t".into(),
            r#match: 1,
        },
        r#"{"type":"t","match":1}"#,
    );
}

#[test]
fn structs_nest_in_std_containers() {
    let users = vec![
        User {
            name: "a".into(),
            age: 1,
        },
        User {
            name: "b".into(),
            age: 2,
        },
    ];
    encodes_as(&users, r#"[{"name":"a","age":1},{"name":"b","age":2}]"#);
    decodes_as(r#"[{"name":"a","age":1},{"name":"b","age":2}]"#, &users);
    assert_eq!(
        rejects::<Vec<User>>(r#"[{"name":"a","age":1},{"name":"b"}]"#),
        "Object missing required field `age` - at `$[1]`"
    );
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Strict {
    name: String,
    #[serde(alias = "years")]
    age: u8,
}

#[test]
fn deny_unknown_fields_names_the_first_unknown_field() {
    decodes_as(
        r#"{"name":"a","years":1}"#,
        &Strict {
            name: "a".into(),
            age: 1,
        },
    );
    assert_eq!(
        both_reject::<Strict>(r#"{"nmae":"a","age":1}"#),
        "Object contains unknown field `nmae` - at `$`"
    );
    let err = zerospec::json::from_str::<Strict>(r#"{"name":"a","age":1,"x\ny":2}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownField);
    assert_eq!(
        err.to_string(),
        "Object contains unknown field `x\ny` - at `$`"
    );

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Holder {
        user: Strict,
    }
    assert_eq!(
        both_reject::<Holder>(r#"{"user":{"name":"a","age":1,"email":"e"}}"#),
        "Object contains unknown field `email` - at `$.user`"
    );
    assert_eq!(
        both_reject::<Holder>(r#"{"user":{"age":1}}"#),
        "Object missing required field `name` - at `$.user`"
    );
}

#[test]
fn serde_steering_attributes_are_accepted_and_ignored() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(crate = "serde", expecting = "a point")]
    struct Point {
        x: i8,
    }
    agree(&Point { x: 1 }, r#"{"x":1}"#);
}
