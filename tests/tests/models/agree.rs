//! The checks every realistic model goes through: serde's derive and
//! zerospec's, on the same types, agree on every document and value.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec::{DecodeOwned, Encode};

/// `value` is written with the same bytes by serde_json and zerospec's JSON,
/// and by `rmp_serde::to_vec_named` and zerospec's MessagePack, and each
/// reads the other's bytes back to `value`.
pub fn agree_on_value<T>(value: &T)
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + PartialEq + Debug,
{
    let json = serde_json::to_string(value).expect("serde_json writes the value");
    assert_eq!(
        zerospec::json::to_string(value).expect("zerospec writes the value"),
        json
    );
    assert_eq!(
        &zerospec::json::from_str::<T>(&json).expect("zerospec reads serde_json's"),
        value
    );
    let msgpack = rmp_serde::to_vec_named(value).expect("rmp-serde writes the value");
    assert_eq!(
        zerospec::msgpack::to_vec(value).expect("zerospec writes the value"),
        msgpack
    );
    assert_eq!(
        &zerospec::msgpack::from_slice::<T>(&msgpack).expect("zerospec reads rmp-serde's"),
        value
    );
    let back: T = rmp_serde::from_slice(&msgpack).expect("rmp-serde reads its own");
    assert_eq!(&back, value);
}

/// `document` reads to the same value with serde_json and zerospec, or fails
/// with both; a value read is then checked with [`agree_on_value`].
pub fn agree_on_document<T>(document: &str) -> Option<T>
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + PartialEq + Debug,
{
    let theirs = serde_json::from_str::<T>(document);
    let ours = zerospec::json::from_str::<T>(document);
    match (theirs, ours) {
        (Ok(theirs), Ok(ours)) => {
            assert_eq!(ours, theirs, "{document}");
            agree_on_value(&ours);
            Some(ours)
        }
        (Err(_), Err(_)) => None,
        (theirs, ours) => panic!("serde_json: {theirs:?}\nzerospec: {ours:?}\nfor {document}"),
    }
}
