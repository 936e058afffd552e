//! The derives' output is free of warnings under the strictest lints users
//! set: `unused_qualifications`, `unused_results` and clippy's pedantic set.
#![deny(warnings, unused_qualifications, unused_results, clippy::pedantic)]

use std::borrow::Cow;
use std::collections::HashMap;

use zerospec::{Decode, Encode, View};

#[derive(Encode, Decode, View, Debug, PartialEq)]
pub struct Record {
    #[zerospec(ge = 1, le = 100)]
    pub id: u32,
    #[zerospec(max_len = 8)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub kind: Kind,
}

#[derive(Encode, Decode, View, Debug, PartialEq)]
pub enum Kind {
    A,
    B(u8),
    C { x: i64 },
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event<'a> {
    Created { name: Cow<'a, str> },
    Moved(Place),
}

#[derive(Encode, Decode, Debug, PartialEq)]
pub struct Place {
    pub x: i32,
    #[serde(flatten)]
    pub extra: HashMap<String, i32>,
}

#[derive(Encode, Decode, Debug, PartialEq, Eq, Hash)]
pub struct Id(pub u64);

#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(untagged)]
pub enum Number {
    Int(i64),
    Text(String),
}

#[test]
fn derives_pass_strict_lints() {
    let e: Event<'_> = zerospec::json::from_str(r#"{"type":"moved","x":1,"y":2}"#).unwrap();
    assert_eq!(
        zerospec::json::to_string(&e).unwrap(),
        r#"{"type":"moved","x":1,"y":2}"#
    );
    let ids: HashMap<Id, Number> = zerospec::json::from_str(r#"{"7":"x"}"#).unwrap();
    assert_eq!(ids.get(&Id(7)), Some(&Number::Text("x".to_owned())));
}
