//! zerospec's container options: `omit_defaults` and `array_like`.

use std::collections::BTreeMap;

use zerospec::{Decode, Encode, ErrorKind};

fn three() -> u8 {
    3
}

#[derive(Encode, Decode, Debug, PartialEq, Clone)]
#[zerospec(omit_defaults)]
struct Settings {
    name: String,
    #[serde(default)]
    verbose: bool,
    #[serde(default = "three")]
    level: u8,
    nick: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    required: u8,
}

#[test]
fn omit_defaults_leaves_out_fields_equal_to_their_default() {
    let s = Settings {
        name: "n".into(),
        verbose: false,
        level: 3,
        nick: None,
        tags: vec![],
        required: 0,
    };
    let json = zerospec::json::to_string(&s).unwrap();
    assert_eq!(json, r#"{"name":"n","required":0}"#);
    assert_eq!(zerospec::json::from_str::<Settings>(&json).unwrap(), s);

    let s = Settings {
        name: "n".into(),
        verbose: true,
        level: 0,
        nick: Some(String::new()),
        tags: vec!["t".into()],
        required: 1,
    };
    let json = zerospec::json::to_string(&s).unwrap();
    assert_eq!(
        json,
        r#"{"name":"n","verbose":true,"level":0,"nick":"","tags":["t"],"required":1}"#
    );
    assert_eq!(zerospec::json::from_str::<Settings>(&json).unwrap(), s);
}

#[test]
fn omit_defaults_in_pretty_json_and_messagepack() {
    let s = Settings {
        name: "n".into(),
        verbose: false,
        level: 3,
        nick: None,
        tags: vec![],
        required: 0,
    };
    assert_eq!(
        zerospec::json::to_string_pretty(&s).unwrap(),
        "{\n  \"name\": \"n\",\n  \"required\": 0\n}"
    );
    // The map header counts only the fields written.
    let bytes = zerospec::msgpack::to_vec(&s).unwrap();
    assert_eq!(bytes[0], 0x82);
    assert_eq!(
        zerospec::msgpack::from_slice::<Settings>(&bytes).unwrap(),
        s
    );
}

#[test]
fn omit_defaults_with_a_container_default() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(omit_defaults)]
    #[serde(default)]
    struct Window {
        width: u32,
        height: u32,
        title: String,
    }
    impl Default for Window {
        fn default() -> Self {
            Window {
                width: 640,
                height: 480,
                title: "untitled".into(),
            }
        }
    }
    let w = Window {
        width: 640,
        height: 100,
        title: "untitled".into(),
    };
    let json = zerospec::json::to_string(&w).unwrap();
    assert_eq!(json, r#"{"height":100}"#);
    assert_eq!(zerospec::json::from_str::<Window>(&json).unwrap(), w);
    assert_eq!(zerospec::json::to_string(&Window::default()).unwrap(), "{}");
}

#[test]
fn omit_defaults_together_with_skip_serializing_if_and_flatten() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(omit_defaults)]
    struct Inner {
        #[serde(default)]
        a: u8,
    }
    #[derive(Encode, Decode, Debug, PartialEq)]
    struct Outer {
        #[serde(skip_serializing_if = "String::is_empty")]
        b: String,
        #[serde(flatten)]
        inner: Inner,
        #[serde(flatten)]
        rest: BTreeMap<String, u8>,
    }
    let v = Outer {
        b: String::new(),
        inner: Inner { a: 0 },
        rest: BTreeMap::from([("z".into(), 1)]),
    };
    assert_eq!(zerospec::json::to_string(&v).unwrap(), r#"{"z":1}"#);
    let bytes = zerospec::msgpack::to_vec(&v).unwrap();
    assert_eq!(bytes[0], 0x81);
}

#[test]
fn omit_defaults_in_an_enum_variant_is_per_container() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(omit_defaults)]
    struct Opts {
        #[serde(default)]
        fast: bool,
        limit: Option<u32>,
    }
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[serde(tag = "cmd")]
    enum Cmd {
        Run(Opts),
    }
    let cmd = Cmd::Run(Opts {
        fast: false,
        limit: None,
    });
    let json = zerospec::json::to_string(&cmd).unwrap();
    assert_eq!(json, r#"{"cmd":"Run"}"#);
    assert_eq!(zerospec::json::from_str::<Cmd>(&json).unwrap(), cmd);
}

#[derive(Encode, Decode, Debug, PartialEq, Clone)]
#[zerospec(array_like)]
struct Point {
    x: i32,
    y: i32,
    #[serde(default)]
    z: i32,
    label: Option<String>,
}

#[test]
fn array_like_encodes_and_decodes_as_an_array() {
    let p = Point {
        x: 1,
        y: -2,
        z: 3,
        label: Some("p".into()),
    };
    let json = zerospec::json::to_string(&p).unwrap();
    assert_eq!(json, r#"[1,-2,3,"p"]"#);
    assert_eq!(zerospec::json::from_str::<Point>(&json).unwrap(), p);
    assert_eq!(
        zerospec::json::to_string_pretty(&p).unwrap(),
        "[\n  1,\n  -2,\n  3,\n  \"p\"\n]"
    );
    let bytes = zerospec::msgpack::to_vec(&p).unwrap();
    assert_eq!(bytes, [0x94, 0x01, 0xfe, 0x03, 0xa1, b'p']);
    assert_eq!(zerospec::msgpack::from_slice::<Point>(&bytes).unwrap(), p);
}

#[test]
fn array_like_trailing_fields_with_defaults_may_be_left_out() {
    let p: Point = zerospec::json::from_str("[1,2]").unwrap();
    assert_eq!(
        p,
        Point {
            x: 1,
            y: 2,
            z: 0,
            label: None
        }
    );
    let p: Point = zerospec::json::from_str("[1,2,5]").unwrap();
    assert_eq!(p.z, 5);
}

#[test]
fn array_like_length_errors() {
    let err = zerospec::json::from_str::<Point>("[1]").unwrap_err();
    assert_eq!(err.to_string(), "Expected `array` of length >= 2 - at `$`");
    assert_eq!(err.kind(), ErrorKind::Validation);
    let err = zerospec::json::from_str::<Point>(r#"[1,2,3,"p",5]"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `array` of length <= 4 - at `$`");
    let err = zerospec::json::from_str::<Point>(r#"{"x":1,"y":2}"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `array`, got `object` - at `$`");
    let err = zerospec::json::from_str::<Point>(r#"[1,"2"]"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$[1]`");
}

#[test]
fn array_like_nested_paths() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    struct Path {
        points: Vec<Point>,
    }
    let err = zerospec::json::from_str::<Path>(r#"{"points":[[1,2],[3,"x"]]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected `int`, got `str` - at `$.points[1][1]`"
    );
}

#[test]
fn array_like_with_skipped_fields() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(array_like)]
    struct Row {
        id: u32,
        #[serde(skip)]
        cached: u32,
        name: String,
    }
    let row = Row {
        id: 1,
        cached: 9,
        name: "a".into(),
    };
    let json = zerospec::json::to_string(&row).unwrap();
    assert_eq!(json, r#"[1,"a"]"#);
    assert_eq!(
        zerospec::json::from_str::<Row>(&json).unwrap(),
        Row {
            id: 1,
            cached: 0,
            name: "a".into()
        }
    );
}

#[test]
fn array_like_with_omit_defaults_writes_every_position() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(array_like, omit_defaults)]
    struct Pair {
        a: u8,
        #[serde(default)]
        b: u8,
    }
    assert_eq!(
        zerospec::json::to_string(&Pair { a: 0, b: 0 }).unwrap(),
        "[0,0]"
    );
}
