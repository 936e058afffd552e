//! `default` on fields and containers, in both forms.

mod derive_util;

use derive_util::{agree, both_reject, decodes_as};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

fn seven() -> u32 {
    7
}

fn greeting() -> String {
    "hello".into()
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Fields {
    id: u32,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "seven")]
    retries: u32,
    #[serde(default = "greeting")]
    hello: String,
    note: Option<String>,
}

#[test]
fn missing_fields_take_their_defaults() {
    decodes_as(
        r#"{"id":1}"#,
        &Fields {
            id: 1,
            tags: vec![],
            retries: 7,
            hello: "hello".into(),
            note: None,
        },
    );
    let full = Fields {
        id: 1,
        tags: vec!["a".into()],
        retries: 0,
        hello: "hi".into(),
        note: Some("n".into()),
    };
    agree(
        &full,
        r#"{"id":1,"tags":["a"],"retries":0,"hello":"hi","note":"n"}"#,
    );
}

#[test]
fn a_present_null_is_not_a_missing_field() {
    assert_eq!(
        both_reject::<Fields>(r#"{"id":1,"tags":null}"#),
        "Expected `array`, got `null` - at `$.tags`"
    );
}

#[test]
fn required_fields_are_still_required() {
    assert_eq!(
        both_reject::<Fields>(r#"{"tags":[]}"#),
        "Object missing required field `id` - at `$`"
    );
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
#[serde(default)]
struct Config {
    host: String,
    port: u16,
    #[serde(default = "seven")]
    workers: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "localhost".into(),
            port: 8080,
            workers: 1,
        }
    }
}

#[test]
fn container_default_fills_each_missing_field_from_default() {
    decodes_as(
        "{}",
        &Config {
            host: "localhost".into(),
            port: 8080,
            workers: 7,
        },
    );
    decodes_as(
        r#"{"port":1}"#,
        &Config {
            host: "localhost".into(),
            port: 1,
            workers: 7,
        },
    );
    agree(
        &Config {
            host: "h".into(),
            port: 2,
            workers: 3,
        },
        r#"{"host":"h","port":2,"workers":3}"#,
    );
}

fn staging() -> Staged {
    Staged {
        host: "staging".into(),
        port: 9000,
    }
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
#[serde(default = "staging")]
struct Staged {
    host: String,
    port: u16,
}

#[test]
fn container_default_path() {
    decodes_as(
        r#"{"host":"x"}"#,
        &Staged {
            host: "x".into(),
            port: 9000,
        },
    );
    decodes_as("{}", &staging());
}

#[test]
fn container_default_on_an_array_like_struct() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[zerospec(array_like)]
    #[serde(default)]
    struct Point {
        x: i32,
        y: i32,
    }
    impl Default for Point {
        fn default() -> Self {
            Point { x: 10, y: 20 }
        }
    }
    let p: Point = zerospec::json::from_str("[1]").unwrap();
    assert_eq!(p, Point { x: 1, y: 20 });
    let p: Point = zerospec::json::from_str("[]").unwrap();
    assert_eq!(p, Point { x: 10, y: 20 });
}

#[test]
fn default_in_an_enum_struct_variant() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type")]
    enum Job {
        Run {
            cmd: String,
            #[serde(default = "seven")]
            timeout: u32,
            #[serde(default)]
            args: Vec<String>,
        },
    }
    decodes_as(
        r#"{"type":"Run","cmd":"ls"}"#,
        &Job::Run {
            cmd: "ls".into(),
            timeout: 7,
            args: vec![],
        },
    );
    decodes_as(
        r#"{"cmd":"ls","timeout":1,"type":"Run"}"#,
        &Job::Run {
            cmd: "ls".into(),
            timeout: 1,
            args: vec![],
        },
    );
}

#[test]
fn default_generic_field() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Page<T> {
        #[serde(default)]
        items: Vec<T>,
        #[serde(default)]
        extra: T,
    }
    decodes_as(
        "{}",
        &Page::<u8> {
            items: vec![],
            extra: 0,
        },
    );
}

#[test]
fn container_default_on_a_generic_struct() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(default)]
    struct Page<T> {
        items: Vec<T>,
        size: u32,
    }
    impl<T> Default for Page<T> {
        fn default() -> Self {
            Page {
                items: Vec::new(),
                size: 50,
            }
        }
    }
    decodes_as(
        r#"{"items":["a"]}"#,
        &Page::<String> {
            items: vec!["a".into()],
            size: 50,
        },
    );
}
