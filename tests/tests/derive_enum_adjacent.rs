//! Adjacently tagged enums, `#[serde(tag = "t", content = "c")]`, with the
//! content before or after the tag.

mod derive_util;

use derive_util::{agree, both_reject, decodes_as, rejects};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(tag = "t", content = "c")]
enum Adj {
    Unit,
    New(u8),
    Pair(u8, String),
    Named { x: i8, y: Option<bool> },
}

#[test]
fn every_variant_shape_agrees_with_serde() {
    agree(&Adj::Unit, r#"{"t":"Unit"}"#);
    agree(&Adj::New(7), r#"{"t":"New","c":7}"#);
    agree(&Adj::Pair(1, "a".into()), r#"{"t":"Pair","c":[1,"a"]}"#);
    agree(
        &Adj::Named { x: -1, y: None },
        r#"{"t":"Named","c":{"x":-1,"y":null}}"#,
    );
}

#[test]
fn content_before_the_tag() {
    decodes_as(r#"{"c":7,"t":"New"}"#, &Adj::New(7));
    decodes_as(r#"{"c":[1,"a"],"t":"Pair"}"#, &Adj::Pair(1, "a".into()));
    decodes_as(
        r#"{"c":{"y":true,"x":3},"t":"Named"}"#,
        &Adj::Named {
            x: 3,
            y: Some(true),
        },
    );
    decodes_as(
        r#"[{"c":{"x":1},"t":"Named"},{"t":"New","c":2},{"c":3,"t":"New"}]"#,
        &vec![Adj::Named { x: 1, y: None }, Adj::New(2), Adj::New(3)],
    );
}

#[test]
fn unit_variant_with_or_without_null_content() {
    decodes_as(r#"{"t":"Unit"}"#, &Adj::Unit);
    decodes_as(r#"{"t":"Unit","c":null}"#, &Adj::Unit);
    decodes_as(r#"{"c":null,"t":"Unit"}"#, &Adj::Unit);
}

#[test]
fn unknown_keys_are_skipped() {
    decodes_as(
        r#"{"x":[1,2],"t":"New","y":{},"c":7,"z":null}"#,
        &Adj::New(7),
    );
}

#[test]
fn errors() {
    assert_eq!(
        both_reject::<Adj>(r#"{"c":7}"#),
        "Object missing required field `t` - at `$`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"t":"New"}"#),
        "Object missing required field `c` - at `$`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"t":"Nope","c":1}"#),
        "Invalid enum value `Nope` - at `$.t`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"t":"New","c":"7"}"#),
        "Expected `int`, got `str` - at `$.c`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"c":{"x":"1"},"t":"Named"}"#),
        "Expected `int`, got `str` - at `$.c.x`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"t":"Pair","c":[1]}"#),
        "Expected `array` of length 2 - at `$.c`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"t":"New","t":"New","c":1}"#),
        "Object contains duplicate field `t` - at `$`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"t":"New","c":1,"c":1}"#),
        "Object contains duplicate field `c` - at `$`"
    );
    assert_eq!(
        both_reject::<Adj>(r#"{"c":1,"c":1,"t":"New"}"#),
        "Object contains duplicate field `c` - at `$`"
    );
    assert_eq!(
        both_reject::<Adj>(r#""New""#),
        "Expected `object`, got `str` - at `$`"
    );
}

#[test]
fn deny_unknown_fields() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "t", content = "c", deny_unknown_fields)]
    enum Strict {
        A(u8),
    }
    decodes_as(r#"{"c":1,"t":"A"}"#, &Strict::A(1));
    assert_eq!(
        both_reject::<Strict>(r#"{"t":"A","c":1,"d":2}"#),
        "Object contains unknown field `d` - at `$`"
    );
}

#[test]
fn renamed_tag_and_content_keys() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type", content = "data", rename_all = "lowercase")]
    enum Msg {
        Text(String),
        #[serde(rename = "bin")]
        Binary(Vec<u8>),
    }
    agree(&Msg::Text("hi".into()), r#"{"type":"text","data":"hi"}"#);
    agree(&Msg::Binary(vec![1, 2]), r#"{"type":"bin","data":[1,2]}"#);
    assert_eq!(
        rejects::<Msg>(r#"{"type":"Text","data":"hi"}"#),
        "Invalid enum value `Text` - at `$.type`"
    );
}
