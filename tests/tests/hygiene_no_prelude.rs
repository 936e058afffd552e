//! The derives under `#![no_implicit_prelude]`: generated code names every
//! item by its absolute path, as serde's does.
#![no_implicit_prelude]

extern crate std;
extern crate zerospec;

use std::collections::BTreeMap;
use std::string::String;
use std::vec::Vec;

#[derive(
    zerospec::Encode, zerospec::Decode, zerospec::View, std::fmt::Debug, std::cmp::PartialEq,
)]
pub struct Record {
    #[zerospec(ge = 1, le = 100)]
    pub id: u32,
    #[zerospec(min_len = 1)]
    pub name: String,
    #[serde(default, skip_serializing_if = "std::vec::Vec::is_empty")]
    pub tags: Vec<String>,
    pub kind: Kind,
}

#[derive(
    zerospec::Encode, zerospec::Decode, zerospec::View, std::fmt::Debug, std::cmp::PartialEq,
)]
pub enum Kind {
    A,
    B(u8),
    C { x: i64 },
}

#[derive(zerospec::Encode, zerospec::Decode, std::fmt::Debug, std::cmp::PartialEq)]
#[serde(tag = "t")]
pub enum Tagged {
    One { a: u8 },
    Two(Inner),
}

#[derive(zerospec::Encode, zerospec::Decode, std::fmt::Debug, std::cmp::PartialEq)]
pub struct Inner {
    pub b: u8,
    #[serde(flatten)]
    pub rest: BTreeMap<String, u8>,
}

#[derive(
    zerospec::Encode,
    zerospec::Decode,
    std::fmt::Debug,
    std::cmp::PartialEq,
    std::cmp::Eq,
    std::cmp::PartialOrd,
    std::cmp::Ord,
)]
pub struct Key(u32);

#[test]
fn derives_without_the_prelude() {
    let r: Record = zerospec::json::from_str(r#"{"id":1,"name":"a","kind":{"B":2}}"#).unwrap();
    std::assert_eq!(
        zerospec::json::to_string(&r).unwrap(),
        r#"{"id":1,"name":"a","kind":{"B":2}}"#
    );
    let t: Tagged = zerospec::json::from_str(r#"{"t":"Two","b":1,"z":2}"#).unwrap();
    std::assert_eq!(
        zerospec::json::to_string(&t).unwrap(),
        r#"{"t":"Two","b":1,"z":2}"#
    );
    let m: BTreeMap<Key, u8> = zerospec::json::from_str(r#"{"3":4}"#).unwrap();
    std::assert_eq!(m.get(&Key(3)), std::option::Option::Some(&4));
}
