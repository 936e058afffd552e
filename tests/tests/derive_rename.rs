//! `rename`, `rename_all` (all eight cases), `rename_all_fields` and `alias`.

mod derive_util;

use derive_util::{agree, both_reject, decodes_as, encodes_as, rejects};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

macro_rules! rename_all_case {
    ($test:ident, $rule:literal, $struct_json:literal, $enum_json:literal) => {
        #[test]
        fn $test() {
            #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
            #[serde(rename_all = $rule)]
            struct Fields {
                user_id: u8,
                name: u8,
                very_long_name_2: u8,
            }
            #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
            #[serde(rename_all = $rule)]
            enum Variants {
                VeryTasty,
                A,
                HttpServer2,
                Inner { user_id: u8 },
            }
            agree(
                &Fields {
                    user_id: 1,
                    name: 2,
                    very_long_name_2: 3,
                },
                $struct_json,
            );
            agree(
                &vec![
                    Variants::VeryTasty,
                    Variants::A,
                    Variants::HttpServer2,
                    Variants::Inner { user_id: 4 },
                ],
                $enum_json,
            );
        }
    };
}

rename_all_case!(
    lowercase,
    "lowercase",
    r#"{"user_id":1,"name":2,"very_long_name_2":3}"#,
    r#"["verytasty","a","httpserver2",{"inner":{"user_id":4}}]"#
);
rename_all_case!(
    uppercase,
    "UPPERCASE",
    r#"{"USER_ID":1,"NAME":2,"VERY_LONG_NAME_2":3}"#,
    r#"["VERYTASTY","A","HTTPSERVER2",{"INNER":{"user_id":4}}]"#
);
rename_all_case!(
    pascal_case,
    "PascalCase",
    r#"{"UserId":1,"Name":2,"VeryLongName2":3}"#,
    r#"["VeryTasty","A","HttpServer2",{"Inner":{"user_id":4}}]"#
);
rename_all_case!(
    camel_case,
    "camelCase",
    r#"{"userId":1,"name":2,"veryLongName2":3}"#,
    r#"["veryTasty","a","httpServer2",{"inner":{"user_id":4}}]"#
);
rename_all_case!(
    snake_case,
    "snake_case",
    r#"{"user_id":1,"name":2,"very_long_name_2":3}"#,
    r#"["very_tasty","a","http_server2",{"inner":{"user_id":4}}]"#
);
rename_all_case!(
    screaming_snake_case,
    "SCREAMING_SNAKE_CASE",
    r#"{"USER_ID":1,"NAME":2,"VERY_LONG_NAME_2":3}"#,
    r#"["VERY_TASTY","A","HTTP_SERVER2",{"INNER":{"user_id":4}}]"#
);
rename_all_case!(
    kebab_case,
    "kebab-case",
    r#"{"user-id":1,"name":2,"very-long-name-2":3}"#,
    r#"["very-tasty","a","http-server2",{"inner":{"user_id":4}}]"#
);
rename_all_case!(
    screaming_kebab_case,
    "SCREAMING-KEBAB-CASE",
    r#"{"USER-ID":1,"NAME":2,"VERY-LONG-NAME-2":3}"#,
    r#"["VERY-TASTY","A","HTTP-SERVER2",{"INNER":{"user_id":4}}]"#
);

#[test]
fn rename_all_differs_between_encoding_and_decoding() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all(serialize = "camelCase", deserialize = "kebab-case"))]
    struct Split {
        user_id: u8,
    }
    encodes_as(&Split { user_id: 1 }, r#"{"userId":1}"#);
    decodes_as(r#"{"user-id":1}"#, &Split { user_id: 1 });
    assert_eq!(
        both_reject::<Split>(r#"{"userId":1}"#),
        "Object missing required field `user-id` - at `$`"
    );

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all(deserialize = "UPPERCASE"))]
    struct DeOnly {
        user_id: u8,
    }
    encodes_as(&DeOnly { user_id: 1 }, r#"{"user_id":1}"#);
    decodes_as(r#"{"USER_ID":1}"#, &DeOnly { user_id: 1 });
}

#[test]
fn field_rename_beats_rename_all() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct S {
        first_name: u8,
        #[serde(rename = "SURNAME")]
        last_name: u8,
        #[serde(rename(serialize = "out", deserialize = "in"))]
        both_ways: u8,
        #[serde(rename(deserialize = "only_in"))]
        de_only: u8,
    }
    let s = S {
        first_name: 1,
        last_name: 2,
        both_ways: 3,
        de_only: 4,
    };
    encodes_as(&s, r#"{"firstName":1,"SURNAME":2,"out":3,"deOnly":4}"#);
    decodes_as(r#"{"firstName":1,"SURNAME":2,"in":3,"only_in":4}"#, &s);
    assert_eq!(
        both_reject::<S>(r#"{"firstName":1,"SURNAME":2,"out":3,"only_in":4}"#),
        "Object missing required field `in` - at `$`"
    );
}

#[test]
fn field_aliases_are_accepted_when_decoding_only() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct S {
        #[serde(alias = "colour", alias = "hue")]
        color: String,
        #[serde(rename = "n", alias = "num")]
        number: u8,
    }
    let s = S {
        color: "red".into(),
        number: 1,
    };
    agree(&s, r#"{"color":"red","n":1}"#);
    decodes_as(r#"{"colour":"red","num":1}"#, &s);
    decodes_as(r#"{"hue":"red","n":1}"#, &s);
    // An alias and the name are the same field.
    assert_eq!(
        both_reject::<S>(r#"{"color":"red","hue":"blue","n":1}"#),
        "Object contains duplicate field `color` - at `$`"
    );
    // `rename` replaces the field's own name.
    assert_eq!(
        both_reject::<S>(r#"{"color":"red","number":1}"#),
        "Object missing required field `n` - at `$`"
    );
}

#[test]
fn container_rename_names_the_tag_of_a_struct_and_the_untagged_error() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "kind", rename = "ping")]
    struct Ping {
        n: u8,
    }
    agree(&Ping { n: 1 }, r#"{"kind":"ping","n":1}"#);

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(untagged, rename = "Number")]
    enum Num {
        Int(u8),
    }
    assert_eq!(
        both_reject::<Num>(r#""x""#),
        "Data did not match any variant of untagged enum `Number` - at `$`"
    );
}

#[test]
fn variant_rename_alias_and_rename_all() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Event {
        #[serde(rename = "click!")]
        Click,
        #[serde(alias = "keypress", alias = "key")]
        KeyPress { key_code: u8 },
        #[serde(rename_all = "camelCase")]
        MouseMove { delta_x: i8, delta_y: i8 },
        #[serde(rename_all(serialize = "UPPERCASE"))]
        Scroll { delta_y: i8 },
    }
    agree(&Event::Click, r#""click!""#);
    agree(
        &Event::KeyPress { key_code: 1 },
        r#"{"key_press":{"key_code":1}}"#,
    );
    decodes_as(
        r#"{"key":{"key_code":1}}"#,
        &Event::KeyPress { key_code: 1 },
    );
    decodes_as(
        r#"{"keypress":{"key_code":1}}"#,
        &Event::KeyPress { key_code: 1 },
    );
    agree(
        &Event::MouseMove {
            delta_x: 1,
            delta_y: -1,
        },
        r#"{"mouse_move":{"deltaX":1,"deltaY":-1}}"#,
    );
    encodes_as(&Event::Scroll { delta_y: 2 }, r#"{"scroll":{"DELTA_Y":2}}"#);
    decodes_as(r#"{"scroll":{"delta_y":2}}"#, &Event::Scroll { delta_y: 2 });
    assert_eq!(
        both_reject::<Event>(r#""Click""#),
        "Invalid enum value `Click` - at `$`"
    );
}

#[test]
fn rename_all_fields_renames_struct_variant_fields() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "lowercase", rename_all_fields = "camelCase")]
    enum Cmd {
        MoveTo {
            pos_x: i8,
            pos_y: i8,
        },
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        LineTo {
            pos_x: i8,
        },
        Wait(u8),
    }
    agree(
        &Cmd::MoveTo { pos_x: 1, pos_y: 2 },
        r#"{"moveto":{"posX":1,"posY":2}}"#,
    );
    agree(&Cmd::LineTo { pos_x: 3 }, r#"{"lineto":{"POS_X":3}}"#);
    agree(&Cmd::Wait(4), r#"{"wait":4}"#);
}

#[test]
fn variant_rename_all_for_one_direction_keeps_rename_all_fields_for_the_other() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all_fields = "camelCase")]
    enum Cmd {
        #[serde(rename_all(serialize = "UPPERCASE"))]
        Move { pos_x: i8 },
    }
    encodes_as(&Cmd::Move { pos_x: 1 }, r#"{"Move":{"POS_X":1}}"#);
    decodes_as(r#"{"Move":{"posX":1}}"#, &Cmd::Move { pos_x: 1 });
    assert_eq!(
        rejects::<Cmd>(r#"{"Move":{"pos_x":1}}"#),
        "Object missing required field `posX` - at `$.Move`"
    );
}

#[test]
fn zerospec_attribute_overrides_serde_attribute() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct S {
        #[serde(rename = "a")]
        #[zerospec(rename = "b")]
        x: u8,
    }
    assert_eq!(serde_json::to_string(&S { x: 1 }).unwrap(), r#"{"a":1}"#);
    assert_eq!(
        zerospec::json::to_string(&S { x: 1 }).unwrap(),
        r#"{"b":1}"#
    );
    let s: S = zerospec::json::from_str(r#"{"b":1}"#).unwrap();
    assert_eq!(s, S { x: 1 });
}

#[test]
fn field_names_of_every_shape_are_written_as_serde_json_writes_them_into_every_buffer() {
    // Plain ASCII names are staged whole with their punctuation; others
    // (non-ASCII, needing escapes, too long to stage) are written piece by
    // piece. A first field that may be skipped makes "first" a run-time fact.
    #[derive(Encode, Serialize, Debug)]
    struct Names {
        #[serde(skip_serializing_if = "Option::is_none")]
        maybe: Option<u8>,
        #[serde(rename = "")]
        empty: u8,
        #[serde(rename = "prénom")]
        accented: u8,
        #[serde(rename = "say \"hi\"\n")]
        escaped: u8,
        // 44 bytes: the longest name staged; 45: the shortest written piece by piece.
        a_name_of_exactly_forty_four_bytes_xxxxxxxxx: u8,
        a_name_of_exactly_forty_five_bytes_xxxxxxxxxx: u8,
    }
    for maybe in [None, Some(9)] {
        let value = Names {
            maybe,
            empty: 1,
            accented: 2,
            escaped: 3,
            a_name_of_exactly_forty_four_bytes_xxxxxxxxx: 4,
            a_name_of_exactly_forty_five_bytes_xxxxxxxxxx: 5,
        };
        let expected = serde_json::to_string(&value).unwrap();
        encodes_as(&value, &expected);
        assert_eq!(zerospec::json::to_vec(&value).unwrap(), expected.as_bytes());
        let mut text = String::from(">");
        value
            .encode(&mut zerospec::json::JsonEncoder::new(&mut text))
            .unwrap();
        assert_eq!(text, format!(">{expected}"));
        let mut frame = bytes::BytesMut::from(&b">"[..]);
        value
            .encode(&mut zerospec::json::JsonEncoder::new(&mut frame))
            .unwrap();
        assert_eq!(&frame[1..], expected.as_bytes());
    }
    assert_eq!(
        serde_json::to_string(&Names {
            maybe: None,
            empty: 1,
            accented: 2,
            escaped: 3,
            a_name_of_exactly_forty_four_bytes_xxxxxxxxx: 4,
            a_name_of_exactly_forty_five_bytes_xxxxxxxxxx: 5,
        })
        .unwrap(),
        r#"{"":1,"prénom":2,"say \"hi\"\n":3,"a_name_of_exactly_forty_four_bytes_xxxxxxxxx":4,"a_name_of_exactly_forty_five_bytes_xxxxxxxxxx":5}"#
    );
}
