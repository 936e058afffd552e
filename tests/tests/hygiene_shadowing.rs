//! The derives with user types named as the standard library's in scope:
//! generated code never names `Result`, `Option`, `Vec`, `String`, `Box` or
//! `Error` unqualified.
#![allow(dead_code)]

use zerospec::{Decode, Encode};

pub struct Result;
pub struct Option;
pub struct Vec;
pub struct String;
pub struct Box;
pub struct Error;
pub struct Ok;
pub struct Some;
pub struct None;
pub struct Default;

#[derive(Encode, Decode, zerospec::View, Debug, PartialEq)]
pub struct Record {
    #[zerospec(ge = 1)]
    pub id: u32,
    #[serde(default)]
    pub name: std::string::String,
    pub note: std::option::Option<std::string::String>,
    pub tags: std::vec::Vec<u8>,
    pub kind: Kind,
}

#[derive(Encode, Decode, zerospec::View, Debug, PartialEq)]
pub enum Kind {
    A,
    B(u8),
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(untagged)]
pub enum Either {
    Num(u8),
    Text(std::string::String),
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(tag = "t", content = "c")]
pub enum Adjacent {
    X(std::boxed::Box<u8>),
}

#[test]
fn derives_beside_shadowing_names() {
    let r: Record =
        zerospec::json::from_str(r#"{"id":1,"note":null,"tags":[1],"kind":"A"}"#).unwrap();
    assert_eq!(
        zerospec::json::to_string(&r).unwrap(),
        r#"{"id":1,"name":"","note":null,"tags":[1],"kind":"A"}"#
    );
    let e: Either = zerospec::json::from_str(r#""x""#).unwrap();
    assert_eq!(e, Either::Text("x".into()));
    let a: Adjacent = zerospec::json::from_str(r#"{"t":"X","c":3}"#).unwrap();
    assert_eq!(a, Adjacent::X(std::boxed::Box::new(3)));
}
