//! Internally tagged enums, `#[serde(tag = "...")]`: the tag first, in the
//! middle or last, and `tag` on a struct.

mod derive_util;

use std::collections::BTreeMap;

use derive_util::{agree, both_reject, decodes_as, rejects, zerospec_decodes_as};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Side {
    side: f64,
    label: Option<String>,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(tag = "type")]
enum Shape {
    Point,
    Circle { r: f64, filled: bool },
    Square(Side),
    Bag(BTreeMap<String, u8>),
}

fn circle() -> Shape {
    Shape::Circle {
        r: 1.5,
        filled: true,
    }
}

#[test]
fn every_variant_shape_agrees_with_serde() {
    agree(&Shape::Point, r#"{"type":"Point"}"#);
    agree(&circle(), r#"{"type":"Circle","r":1.5,"filled":true}"#);
    agree(
        &Shape::Square(Side {
            side: 2.0,
            label: None,
        }),
        r#"{"type":"Square","side":2.0,"label":null}"#,
    );
    agree(
        &Shape::Bag(BTreeMap::from([("a".into(), 1), ("b".into(), 2)])),
        r#"{"type":"Bag","a":1,"b":2}"#,
    );
}

#[test]
fn tag_first_in_the_middle_and_last() {
    decodes_as(r#"{"type":"Circle","r":1.5,"filled":true}"#, &circle());
    decodes_as(r#"{"r":1.5,"type":"Circle","filled":true}"#, &circle());
    decodes_as(r#"{"r":1.5,"filled":true,"type":"Circle"}"#, &circle());
    let square = Shape::Square(Side {
        side: 2.0,
        label: Some("s".into()),
    });
    decodes_as(r#"{"side":2.0,"label":"s","type":"Square"}"#, &square);
    decodes_as(r#"{"label":"s","type":"Square","side":2.0}"#, &square);
    decodes_as(
        r#"{"x":[1,{"type":"Point"}],"type":"Point","y":{}}"#,
        &Shape::Point,
    );
    decodes_as(
        r#"{"a":1,"type":"Bag"}"#,
        &Shape::Bag(BTreeMap::from([("a".into(), 1)])),
    );
}

#[test]
fn late_tag_inside_an_array_of_shapes() {
    let shapes = vec![circle(), Shape::Point, circle()];
    decodes_as(
        r#"[{"r":1.5,"filled":true,"type":"Circle"},{"type":"Point"},{"filled":true,"type":"Circle","r":1.5}]"#,
        &shapes,
    );
}

#[test]
fn missing_and_unknown_tags() {
    assert_eq!(
        both_reject::<Shape>(r#"{"r":1.5,"filled":true}"#),
        "Object missing required field `type` - at `$`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"type":"Hexagon"}"#),
        "Invalid enum value `Hexagon` - at `$.type`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"r":1,"type":"Hexagon"}"#),
        "Invalid enum value `Hexagon` - at `$.type`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"type":5}"#),
        "Expected `str`, got `int` - at `$.type`"
    );
    // serde_json also reads a tagged enum from an array, `["Point"]`; zerospec does not.
    assert_eq!(
        rejects::<Shape>(r#"["Point"]"#),
        "Expected `object`, got `array` - at `$`"
    );
}

#[test]
fn content_errors_name_the_field_without_the_variant() {
    assert_eq!(
        both_reject::<Shape>(r#"{"type":"Circle","r":"x","filled":true}"#),
        "Expected `float`, got `str` - at `$.r`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"r":"x","filled":true,"type":"Circle"}"#),
        "Expected `float`, got `str` - at `$.r`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"type":"Circle","r":1.0}"#),
        "Object missing required field `filled` - at `$`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"type":"Square","side":"2"}"#),
        "Expected `float`, got `str` - at `$.side`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"type":"Bag","a":300}"#),
        r#"Expected `int` <= 255 - at `$["a"]`"#
    );
}

#[test]
fn deny_unknown_fields_with_the_tag_anywhere() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "kind", deny_unknown_fields)]
    enum Strict {
        Unit,
        Named { a: u8 },
    }
    decodes_as(r#"{"kind":"Unit"}"#, &Strict::Unit);
    decodes_as(r#"{"a":1,"kind":"Named"}"#, &Strict::Named { a: 1 });
    assert_eq!(
        both_reject::<Strict>(r#"{"kind":"Named","a":1,"b":2}"#),
        "Object contains unknown field `b` - at `$`"
    );
    // serde lets a unit variant through with unknown fields; zerospec denies them.
    assert_eq!(
        rejects::<Strict>(r#"{"b":2,"kind":"Unit"}"#),
        "Object contains unknown field `b` - at `$`"
    );
    assert_eq!(
        rejects::<Strict>(r#"{"kind":"Unit","b":2}"#),
        "Object contains unknown field `b` - at `$`"
    );
}

#[test]
fn renamed_tag_values_and_aliases() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "op", rename_all = "snake_case")]
    enum Op {
        AddItem {
            id: u32,
        },
        #[serde(rename = "del", alias = "remove")]
        DeleteItem {
            id: u32,
        },
    }
    agree(&Op::AddItem { id: 1 }, r#"{"op":"add_item","id":1}"#);
    agree(&Op::DeleteItem { id: 2 }, r#"{"op":"del","id":2}"#);
    decodes_as(r#"{"id":2,"op":"remove"}"#, &Op::DeleteItem { id: 2 });
}

#[test]
fn other_catches_unknown_tags() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type")]
    enum Event {
        Click {
            x: i32,
        },
        #[serde(other)]
        Unknown,
    }
    decodes_as(r#"{"type":"Click","x":1}"#, &Event::Click { x: 1 });
    decodes_as(r#"{"type":"Scroll","dy":4}"#, &Event::Unknown);
    decodes_as(r#"{"dy":4,"type":"Scroll"}"#, &Event::Unknown);
}

#[test]
fn tag_on_a_struct_is_written_and_skipped_on_reading() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type")]
    struct Ping {
        seq: u32,
    }
    agree(&Ping { seq: 3 }, r#"{"type":"Ping","seq":3}"#);
    decodes_as(r#"{"seq":3}"#, &Ping { seq: 3 });
    decodes_as(r#"{"seq":3,"type":"Ping"}"#, &Ping { seq: 3 });
}

#[test]
fn tag_on_a_struct_with_deny_unknown_fields() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[serde(tag = "type", deny_unknown_fields)]
    struct Ping {
        seq: u32,
    }
    zerospec_decodes_as(r#"{"type":"Ping","seq":3}"#, &Ping { seq: 3 });
    assert_eq!(
        rejects::<Ping>(r#"{"type":"Ping","seq":3,"type":"Ping"}"#),
        "Object contains duplicate field `type` - at `$`"
    );
    assert_eq!(
        rejects::<Ping>(r#"{"type":"Ping","seq":3,"x":1}"#),
        "Object contains unknown field `x` - at `$`"
    );
}

#[test]
fn a_second_tag_is_a_duplicate_field() {
    for json in [
        r#"{"type":"Circle","r":1,"type":"Point","filled":true}"#,
        r#"{"r":1,"type":"Circle","filled":true,"type":"Circle"}"#,
        r#"{"type":"Point","type":"Circle"}"#,
        r#"{"type":"Square","side":1,"type":"Square"}"#,
    ] {
        assert_eq!(
            both_reject::<Shape>(json),
            "Object contains duplicate field `type` - at `$`",
            "{json}"
        );
    }
}

#[test]
fn duplicate_fields_inside_a_variant() {
    assert_eq!(
        both_reject::<Shape>(r#"{"type":"Circle","r":1,"r":2,"filled":true}"#),
        "Object contains duplicate field `r` - at `$`"
    );
}
