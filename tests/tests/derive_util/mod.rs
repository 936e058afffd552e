//! Checks shared by the `derive_*` tests: zerospec against serde_json (and
//! rmp-serde) on the same types, documents and values.
#![allow(dead_code)]

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec::{DecodeOwned, Encode};

/// Encodes `value` with zerospec and with serde_json, compact and pretty, and
/// with zerospec's and rmp-serde's MessagePack: each pair agrees byte for byte,
/// and the compact JSON is `json`.
#[track_caller]
pub fn encodes_as<T: Encode + Serialize + ?Sized>(value: &T, json: &str) {
    let ours = zerospec::json::to_string(value).expect("zerospec encodes");
    let theirs = serde_json::to_string(value).expect("serde_json encodes");
    assert_eq!(
        ours, theirs,
        "compact JSON: zerospec (left) vs serde_json (right)"
    );
    assert_eq!(ours, json, "compact JSON");
    let ours = zerospec::json::to_string_pretty(value).expect("zerospec encodes pretty");
    let theirs = serde_json::to_string_pretty(value).expect("serde_json encodes pretty");
    assert_eq!(
        ours, theirs,
        "pretty JSON: zerospec (left) vs serde_json (right)"
    );
    let ours = zerospec::msgpack::to_vec(value).expect("zerospec encodes MessagePack");
    let theirs = rmp_serde::to_vec_named(value).expect("rmp-serde encodes");
    assert_eq!(
        ours, theirs,
        "MessagePack: zerospec (left) vs rmp-serde (right)"
    );
}

/// Decodes `json` with zerospec and with serde_json: both give `expected`.
#[track_caller]
pub fn decodes_as<T>(json: &str, expected: &T)
where
    T: DecodeOwned + DeserializeOwned + PartialEq + Debug,
{
    let ours: T = zerospec::json::from_str(json)
        .unwrap_or_else(|err| panic!("zerospec rejects {json}: {err}"));
    let theirs: T =
        serde_json::from_str(json).unwrap_or_else(|err| panic!("serde_json rejects {json}: {err}"));
    assert_eq!(&ours, expected, "zerospec decoding {json}");
    assert_eq!(&theirs, expected, "serde_json decoding {json}");
}

/// `encodes_as` and `decodes_as` on one value and its document; the value
/// also survives a MessagePack round trip through zerospec.
#[track_caller]
pub fn agree<T>(value: &T, json: &str)
where
    T: Encode + Serialize + DecodeOwned + DeserializeOwned + PartialEq + Debug,
{
    encodes_as(value, json);
    decodes_as(json, value);
    let bytes = zerospec::msgpack::to_vec(value).expect("zerospec encodes MessagePack");
    let back: T = zerospec::msgpack::from_slice(&bytes).expect("zerospec decodes MessagePack");
    assert_eq!(&back, value, "MessagePack round trip");
}

/// `agree` for JSON alone, for types whose MessagePack form differs by design.
#[track_caller]
pub fn json_agree<T>(value: &T, json: &str)
where
    T: Encode + Serialize + DecodeOwned + DeserializeOwned + PartialEq + Debug,
{
    let ours = zerospec::json::to_string(value).expect("zerospec encodes");
    let theirs = serde_json::to_string(value).expect("serde_json encodes");
    assert_eq!(
        ours, theirs,
        "compact JSON: zerospec (left) vs serde_json (right)"
    );
    assert_eq!(ours, json, "compact JSON");
    let ours = zerospec::json::to_string_pretty(value).expect("zerospec encodes pretty");
    let theirs = serde_json::to_string_pretty(value).expect("serde_json encodes pretty");
    assert_eq!(
        ours, theirs,
        "pretty JSON: zerospec (left) vs serde_json (right)"
    );
    decodes_as(json, value);
}

/// Both serde_json and zerospec reject `json`; answers zerospec's message.
#[track_caller]
pub fn both_reject<T>(json: &str) -> String
where
    T: DecodeOwned + DeserializeOwned + Debug,
{
    if let Ok(value) = serde_json::from_str::<T>(json) {
        panic!("serde_json accepts {json} as {value:?}");
    }
    rejects::<T>(json)
}

/// zerospec rejects `json`; answers its message.
#[track_caller]
pub fn rejects<T: DecodeOwned + Debug>(json: &str) -> String {
    match zerospec::json::from_str::<T>(json) {
        Ok(value) => panic!("zerospec accepts {json} as {value:?}"),
        Err(err) => err.to_string(),
    }
}

/// zerospec decodes `json`, which serde_json may refuse, as `expected`.
#[track_caller]
pub fn zerospec_decodes_as<T: DecodeOwned + PartialEq + Debug>(json: &str, expected: &T) {
    let ours: T = zerospec::json::from_str(json)
        .unwrap_or_else(|err| panic!("zerospec rejects {json}: {err}"));
    assert_eq!(&ours, expected, "zerospec decoding {json}");
}
