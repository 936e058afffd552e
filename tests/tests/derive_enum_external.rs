//! Externally tagged enums, serde's default: `"Unit"` or `{"Variant": content}`.

mod derive_util;

use derive_util::{agree, both_reject, decodes_as, encodes_as, rejects};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode, ErrorKind};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Shape {
    Empty,
    Circle(f64),
    Rect(u32, u32),
    Poly { sides: u8, name: String },
    Nothing {},
    NoTuple(),
}

#[test]
fn every_variant_shape_agrees_with_serde() {
    agree(&Shape::Empty, r#""Empty""#);
    agree(&Shape::Circle(1.5), r#"{"Circle":1.5}"#);
    agree(&Shape::Rect(2, 3), r#"{"Rect":[2,3]}"#);
    agree(
        &Shape::Poly {
            sides: 6,
            name: "hex".into(),
        },
        r#"{"Poly":{"sides":6,"name":"hex"}}"#,
    );
    agree(&Shape::Nothing {}, r#"{"Nothing":{}}"#);
    agree(&Shape::NoTuple(), r#"{"NoTuple":[]}"#);
}

#[test]
fn struct_variant_fields_in_any_order_with_whitespace() {
    decodes_as(
        r#" { "Poly" : { "name" : "hex" , "extra": [1], "sides" : 6 } } "#,
        &Shape::Poly {
            sides: 6,
            name: "hex".into(),
        },
    );
}

#[test]
fn unknown_variant_is_invalid_enum_value() {
    assert_eq!(
        both_reject::<Shape>(r#""Purple""#),
        "Invalid enum value `Purple` - at `$`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"Purple":1}"#),
        "Invalid enum value `Purple` - at `$`"
    );
    let err = zerospec::json::from_str::<Shape>(r#""Purple""#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownVariant);

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Paint {
        color: Shape,
    }
    assert_eq!(
        both_reject::<Paint>(r#"{"color":"Purple"}"#),
        "Invalid enum value `Purple` - at `$.color`"
    );
}

#[test]
fn content_errors_carry_the_variant_in_the_path() {
    assert_eq!(
        both_reject::<Shape>(r#"{"Poly":{"sides":"6","name":"x"}}"#),
        "Expected `int`, got `str` - at `$.Poly.sides`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"Rect":[2,"3"]}"#),
        "Expected `int`, got `str` - at `$.Rect[1]`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"Circle":"x"}"#),
        "Expected `float`, got `str` - at `$.Circle`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"Poly":{"sides":6}}"#),
        "Object missing required field `name` - at `$.Poly`"
    );
}

#[test]
fn wrong_shapes_are_rejected() {
    assert_eq!(
        both_reject::<Shape>("5"),
        "Expected `str | object`, got `int` - at `$`"
    );
    assert_eq!(
        both_reject::<Shape>(r#""Circle""#),
        "Expected `object`, got `str` - at `$`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{}"#),
        "Expected `object` with a single key - at `$`"
    );
    assert_eq!(
        both_reject::<Shape>(r#"{"Circle":1.0,"Empty":null}"#),
        "Expected `object` with a single key - at `$`"
    );
}

#[test]
fn unit_variant_as_an_object_with_null() {
    // serde_json accepts `{"Empty": null}` for a unit variant; so does zerospec.
    decodes_as(r#"{"Empty":null}"#, &Shape::Empty);
}

#[test]
fn unit_only_enum_expects_a_string() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    enum Color {
        Red,
        Green,
    }
    agree(&vec![Color::Red, Color::Green], r#"["Red","Green"]"#);
    assert_eq!(rejects::<Color>("1"), "Expected `str`, got `int` - at `$`");
}

#[test]
fn enum_without_unit_variants_expects_an_object() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    enum Msg {
        Text(String),
    }
    agree(&Msg::Text("hi".into()), r#"{"Text":"hi"}"#);
    assert_eq!(
        both_reject::<Msg>(r#""Text""#),
        "Expected `object`, got `str` - at `$`"
    );
}

#[test]
fn enums_as_fields_and_elements() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Scene {
        shapes: Vec<Shape>,
        main: Option<Shape>,
    }
    agree(
        &Scene {
            shapes: vec![Shape::Empty, Shape::Circle(2.0)],
            main: Some(Shape::Rect(1, 1)),
        },
        r#"{"shapes":["Empty",{"Circle":2.0}],"main":{"Rect":[1,1]}}"#,
    );
    assert_eq!(
        both_reject::<Scene>(r#"{"shapes":["Empty",{"Rect":[1]}]}"#),
        "Expected `array` of length 2 - at `$.shapes[1].Rect`"
    );
}

#[test]
fn escaped_variant_names_match() {
    decodes_as(r#""\u0045mpty""#, &Shape::Empty);
    decodes_as(r#"{"Circl\u0065":1.0}"#, &Shape::Circle(1.0));
}

#[test]
fn empty_enum_never_decodes() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    enum Never {}
    assert_eq!(
        rejects::<Never>(r#""A""#),
        "Data did not match any variant of untagged enum `Never` - at `$`"
    );
    let _ = encodes_as::<[Never]>;
}

#[test]
fn generic_enum() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    enum Either<L, R> {
        Left(L),
        Right(R),
    }
    agree(&Either::<u8, String>::Left(1), r#"{"Left":1}"#);
    agree(&Either::<u8, String>::Right("r".into()), r#"{"Right":"r"}"#);
}
