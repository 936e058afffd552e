//! Flat models written with `#[derive(Encode, Decode, View)]`: a fixed
//! struct, tables, enums with content and unit enums, and fixed structs of
//! fixed structs. The derive's tests (`flat_derive.rs`) and the fuzzer
//! (`fuzz/`) read and write them.
//!
//! # Examples
//!
//! ```
//! use zerospec_tests::models::{Log, log};
//!
//! let bytes = zerospec::flat::to_vec(&log(3)).unwrap();
//! let view = zerospec::flat::view::<Log>(&bytes).unwrap();
//! assert_eq!(view.code(), 203);
//! ```

use std::collections::BTreeMap;

use zerospec::flat::View;
use zerospec::{Decode, Encode};

/// Four bytes, stored inline.
#[derive(Encode, Decode, View, Debug, Clone, Copy, PartialEq, Default)]
#[zerospec(fixed)]
pub struct Address {
    pub x0: u8,
    pub x1: u8,
    pub x2: u8,
    pub x3: u8,
}

/// A web server's log record: a table with a fixed struct, strings and numbers.
#[derive(Encode, Decode, View, Debug, Clone, PartialEq, Default)]
pub struct Log {
    pub address: Address,
    pub identity: String,
    pub userid: String,
    pub date: String,
    pub request: String,
    pub code: u16,
    pub size: u64,
}

/// A table of containers: an option, sequences, a map and a nested table.
#[derive(Encode, Decode, View, Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub name: String,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub weights: Vec<f32>,
    pub counts: BTreeMap<String, u32>,
    pub origin: Log,
}

/// An enum with unit, tuple and struct variants.
#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
pub enum Event {
    Ping,
    Message(String),
    Move(i32, i32),
    Login { user: String, admin: bool },
}

/// A unit-only enum.
#[derive(Encode, Decode, View, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Debug,
    Info,
    Warn,
    Error,
}

/// Three floats, stored inline.
#[derive(Encode, Decode, View, Debug, Clone, Copy, PartialEq)]
#[zerospec(fixed)]
pub struct Vector3(pub f32, pub f32, pub f32);

/// A fixed struct of fixed structs.
#[derive(Encode, Decode, View, Debug, Clone, Copy, PartialEq)]
#[zerospec(fixed)]
pub struct Triangle {
    pub v0: Vector3,
    pub v1: Vector3,
    pub v2: Vector3,
    pub normal: Vector3,
}

/// Record `i` of a small log: every field depends on `i`.
#[must_use]
pub fn log(i: u8) -> Log {
    Log {
        address: Address {
            x0: 10,
            x1: 0,
            x2: i,
            x3: 255,
        },
        identity: "-".into(),
        userid: format!("user{i}"),
        date: "21/Nov/2026:06:13:00 +0000".into(),
        request: format!("GET /item/{i} HTTP/1.1"),
        code: 200 + u16::from(i),
        size: 1000 * u64::from(i),
    }
}

/// An item with every field set: text that is not ASCII, an empty string
/// in a sequence, floats of several sizes and a nested table.
#[must_use]
pub fn item() -> Item {
    Item {
        name: "widget é".into(),
        note: Some("fragile".into()),
        tags: vec!["a".into(), "bb".into(), String::new()],
        weights: vec![1.5, -0.25, 3e7],
        counts: BTreeMap::from([("ada".into(), 3), ("bob".into(), 5)]),
        origin: log(7),
    }
}
