//! Constraints checked while decoding: `ge`, `gt`, `le`, `lt`, `multiple_of`,
//! `min_len`, `max_len`, `validate`, worded as msgspec words them.
// Some types here are only ever decoded to see them fail.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use zerospec::{Decode, Encode, ErrorKind};

#[track_caller]
fn error<T: zerospec::DecodeOwned + std::fmt::Debug>(json: &str) -> String {
    let err = zerospec::json::from_str::<T>(json).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "{err}");
    err.to_string()
}

#[derive(Decode, Debug, PartialEq)]
struct Ints {
    #[zerospec(ge = 0)]
    age: i32,
    #[zerospec(gt = -10, lt = 10)]
    delta: i64,
    #[zerospec(le = 100)]
    percent: u8,
    #[zerospec(multiple_of = 5)]
    step: u32,
}

#[test]
fn integer_bounds() {
    let ok: Ints =
        zerospec::json::from_str(r#"{"age":0,"delta":-9,"percent":100,"step":15}"#).unwrap();
    assert_eq!(
        ok,
        Ints {
            age: 0,
            delta: -9,
            percent: 100,
            step: 15
        }
    );
    assert_eq!(
        error::<Ints>(r#"{"age":-1,"delta":0,"percent":0,"step":0}"#),
        "Expected `int` >= 0 - at `$.age`"
    );
    assert_eq!(
        error::<Ints>(r#"{"age":1,"delta":-10,"percent":0,"step":0}"#),
        "Expected `int` > -10 - at `$.delta`"
    );
    assert_eq!(
        error::<Ints>(r#"{"age":1,"delta":10,"percent":0,"step":0}"#),
        "Expected `int` < 10 - at `$.delta`"
    );
    assert_eq!(
        error::<Ints>(r#"{"age":1,"delta":0,"percent":101,"step":0}"#),
        "Expected `int` <= 100 - at `$.percent`"
    );
    assert_eq!(
        error::<Ints>(r#"{"age":1,"delta":0,"percent":1,"step":7}"#),
        "Expected `int` that's a multiple of 5 - at `$.step`"
    );
}

#[test]
fn the_type_range_is_checked_before_the_constraint() {
    let err = zerospec::json::from_str::<Ints>(r#"{"age":1,"delta":0,"percent":256,"step":0}"#)
        .unwrap_err();
    assert_eq!(err.to_string(), "Expected `int` <= 255 - at `$.percent`");
    let err = zerospec::json::from_str::<Ints>(r#"{"age":"1","delta":0,"percent":1,"step":0}"#)
        .unwrap_err();
    assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$.age`");
    assert_eq!(err.kind(), ErrorKind::Type);
}

#[derive(Decode, Debug, PartialEq)]
struct Floats {
    #[zerospec(ge = 0.0, lt = 1.5)]
    ratio: f64,
    #[zerospec(gt = 0)]
    weight: f32,
    #[zerospec(multiple_of = 0.5)]
    half: f64,
    #[zerospec(le = -0.25)]
    negative: f64,
}

#[test]
fn float_bounds() {
    let ok: Floats =
        zerospec::json::from_str(r#"{"ratio":0,"weight":0.001,"half":2.5,"negative":-0.25}"#)
            .unwrap();
    assert_eq!(
        ok,
        Floats {
            ratio: 0.0,
            weight: 0.001,
            half: 2.5,
            negative: -0.25
        }
    );
    assert_eq!(
        error::<Floats>(r#"{"ratio":1.5,"weight":1,"half":0,"negative":-1}"#),
        "Expected `float` < 1.5 - at `$.ratio`"
    );
    assert_eq!(
        error::<Floats>(r#"{"ratio":-0.1,"weight":1,"half":0,"negative":-1}"#),
        "Expected `float` >= 0.0 - at `$.ratio`"
    );
    assert_eq!(
        error::<Floats>(r#"{"ratio":0,"weight":0,"half":0,"negative":-1}"#),
        "Expected `float` > 0 - at `$.weight`"
    );
    assert_eq!(
        error::<Floats>(r#"{"ratio":0,"weight":1,"half":0.75,"negative":-1}"#),
        "Expected `float` that's a multiple of 0.5 - at `$.half`"
    );
    assert_eq!(
        error::<Floats>(r#"{"ratio":0,"weight":1,"half":0,"negative":0}"#),
        "Expected `float` <= -0.25 - at `$.negative`"
    );
}

const MAX_RETRIES: u8 = 3;

#[test]
fn bounds_from_constants() {
    #[derive(Decode, Debug)]
    struct Retry {
        #[zerospec(le = MAX_RETRIES)]
        retries: u8,
    }
    let ok: Retry = zerospec::json::from_str(r#"{"retries":3}"#).unwrap();
    assert_eq!(ok.retries, 3);
    assert_eq!(
        error::<Retry>(r#"{"retries":4}"#),
        "Expected `int` <= 3 - at `$.retries`"
    );
}

#[derive(Decode, Debug, PartialEq)]
struct Lengths {
    #[zerospec(min_len = 1, max_len = 3)]
    name: String,
    #[zerospec(max_len = 3)]
    items: Vec<u8>,
    #[zerospec(min_len = 1)]
    labels: BTreeMap<String, String>,
    #[zerospec(min_len = 1)]
    index: HashMap<u32, bool>,
}

#[test]
fn lengths_of_strings_sequences_and_maps() {
    let ok: Lengths = zerospec::json::from_str(
        r#"{"name":"ab","items":[1,2,3],"labels":{"a":"b"},"index":{"1":true}}"#,
    )
    .unwrap();
    assert_eq!(ok.items, [1, 2, 3]);
    assert_eq!(
        error::<Lengths>(r#"{"name":"","items":[],"labels":{"a":"b"},"index":{"1":true}}"#),
        "Expected `str` of length >= 1 - at `$.name`"
    );
    assert_eq!(
        error::<Lengths>(r#"{"name":"abcd","items":[],"labels":{"a":"b"},"index":{"1":true}}"#),
        "Expected `str` of length <= 3 - at `$.name`"
    );
    assert_eq!(
        error::<Lengths>(r#"{"name":"a","items":[1,2,3,4],"labels":{"a":"b"},"index":{"1":true}}"#),
        "Expected `array` of length <= 3 - at `$.items`"
    );
    assert_eq!(
        error::<Lengths>(r#"{"name":"a","items":[],"labels":{},"index":{"1":true}}"#),
        "Expected `object` of length >= 1 - at `$.labels`"
    );
    assert_eq!(
        error::<Lengths>(r#"{"name":"a","items":[],"labels":{"a":"b"},"index":{}}"#),
        "Expected `object` of length >= 1 - at `$.index`"
    );
}

#[test]
fn string_length_counts_characters_not_bytes() {
    // "日本語" is three characters in nine bytes; "é" with an escape is one.
    let ok: Lengths = zerospec::json::from_str(
        r#"{"name":"日本語","items":[],"labels":{"a":"b"},"index":{"1":true}}"#,
    )
    .unwrap();
    assert_eq!(ok.name, "日本語");
    let ok: Lengths = zerospec::json::from_str(
        r#"{"name":"\u00e9\ud83d\ude00","items":[],"labels":{"a":"b"},"index":{"1":true}}"#,
    )
    .unwrap();
    assert_eq!(ok.name, "é😀");
    assert_eq!(
        error::<Lengths>(r#"{"name":"日本語x","items":[],"labels":{"a":"b"},"index":{"1":true}}"#),
        "Expected `str` of length <= 3 - at `$.name`"
    );
}

#[derive(Decode, Debug, PartialEq)]
struct Optional {
    #[zerospec(ge = 1)]
    count: Option<u32>,
    #[zerospec(min_len = 2)]
    nick: Option<String>,
    #[zerospec(max_len = 1)]
    #[serde(default)]
    list: Option<Vec<u8>>,
}

#[test]
fn optional_fields_are_checked_only_when_present() {
    let ok: Optional = zerospec::json::from_str(r#"{"count":null,"nick":null}"#).unwrap();
    assert_eq!(
        ok,
        Optional {
            count: None,
            nick: None,
            list: None
        }
    );
    let ok: Optional = zerospec::json::from_str(r#"{}"#).unwrap();
    assert_eq!(ok.count, None);
    assert_eq!(
        error::<Optional>(r#"{"count":0}"#),
        "Expected `int` >= 1 - at `$.count`"
    );
    assert_eq!(
        error::<Optional>(r#"{"nick":"a"}"#),
        "Expected `str` of length >= 2 - at `$.nick`"
    );
    assert_eq!(
        error::<Optional>(r#"{"list":[1,2]}"#),
        "Expected `array` of length <= 1 - at `$.list`"
    );
}

fn no_spaces(s: &str) -> Result<(), String> {
    if s.contains(' ') {
        Err(format!("`{s}` contains a space"))
    } else {
        Ok(())
    }
}

mod checks {
    pub fn even(n: &i64) -> Result<(), &'static str> {
        if n % 2 == 0 {
            Ok(())
        } else {
            Err("must be even")
        }
    }
}

#[derive(Decode, Debug, PartialEq)]
struct Validated {
    #[zerospec(validate = "no_spaces", min_len = 1)]
    slug: String,
    #[zerospec(validate = "checks::even")]
    n: i64,
}

#[test]
fn validate_functions_supply_the_message() {
    let ok: Validated = zerospec::json::from_str(r#"{"slug":"a-b","n":2}"#).unwrap();
    assert_eq!(ok.n, 2);
    assert_eq!(
        error::<Validated>(r#"{"slug":"a b","n":2}"#),
        "`a b` contains a space - at `$.slug`"
    );
    assert_eq!(
        error::<Validated>(r#"{"slug":"ab","n":3}"#),
        "must be even - at `$.n`"
    );
    // Built-in constraints are checked too.
    assert_eq!(
        error::<Validated>(r#"{"slug":"","n":2}"#),
        "Expected `str` of length >= 1 - at `$.slug`"
    );
}

#[test]
fn constraints_in_nested_paths_and_enums() {
    #[derive(Decode, Debug)]
    struct User {
        #[zerospec(ge = 0)]
        age: i32,
    }
    #[derive(Decode, Debug)]
    struct Org {
        users: Vec<User>,
        scores: BTreeMap<String, Score>,
    }
    #[derive(Decode, Debug)]
    struct Score(#[zerospec(le = 10)] u8);
    #[derive(Decode, Debug)]
    #[serde(tag = "type")]
    enum Shape {
        Circle {
            #[zerospec(gt = 0.0)]
            r: f64,
        },
    }
    assert_eq!(
        error::<Org>(r#"{"users":[{"age":1},{"age":2},{"age":3},{"age":-4}],"scores":{}}"#),
        "Expected `int` >= 0 - at `$.users[3].age`"
    );
    assert_eq!(
        error::<Org>(r#"{"users":[],"scores":{"alice":11}}"#),
        r#"Expected `int` <= 10 - at `$.scores["alice"]`"#
    );
    assert_eq!(
        error::<Shape>(r#"{"r":0,"type":"Circle"}"#),
        "Expected `float` > 0.0 - at `$.r`"
    );
}

#[test]
fn constraints_in_tuple_structs_and_array_like_structs() {
    #[derive(Decode, Debug)]
    struct Range(#[zerospec(ge = 0)] i32, #[zerospec(le = 9)] i32);
    assert_eq!(error::<Range>("[0,10]"), "Expected `int` <= 9 - at `$[1]`");
    #[derive(Decode, Encode, Debug)]
    #[zerospec(array_like)]
    struct Point {
        #[zerospec(ge = 0)]
        x: i32,
    }
    assert_eq!(error::<Point>("[-1]"), "Expected `int` >= 0 - at `$[0]`");
}

#[test]
fn constraints_apply_in_messagepack_too() {
    #[derive(Decode, Encode, Debug)]
    struct User {
        #[zerospec(ge = 0)]
        age: i32,
    }
    let bytes = zerospec::msgpack::to_vec(&User { age: -1 }).unwrap();
    let err = zerospec::msgpack::from_slice::<User>(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "Expected `int` >= 0 - at `$.age`");
}
