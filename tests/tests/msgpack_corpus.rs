//! The benchmark models through MessagePack: zerospec writes exactly what
//! `rmp_serde::to_vec_named` writes for them, and each library reads the
//! other's bytes back to the same value.

use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec_benches::models::{canada::FeatureCollection, citm::CitmCatalog, twitter::Twitter};

fn check<T>(name: &str, value: &T)
where
    T: Serialize
        + DeserializeOwned
        + zerospec::Encode
        + zerospec::DecodeOwned
        + PartialEq
        + std::fmt::Debug,
{
    let ours = zerospec::msgpack::to_vec(value).unwrap();
    let theirs = rmp_serde::to_vec_named(value).unwrap();
    assert!(ours == theirs, "{name}: the bytes differ from rmp-serde's");
    let back: T = zerospec::msgpack::from_slice(&theirs).unwrap();
    assert!(
        back == *value,
        "{name}: zerospec reads rmp-serde's bytes differently"
    );
    let back: T = rmp_serde::from_slice(&ours).unwrap();
    assert!(
        back == *value,
        "{name}: rmp-serde reads zerospec's bytes differently"
    );
    let shared: T = zerospec::msgpack::from_bytes(bytes::Bytes::from(ours)).unwrap();
    assert!(shared == *value, "{name}: from_bytes differs");
}

fn corpus<T>(name: &str)
where
    T: Serialize
        + DeserializeOwned
        + zerospec::Encode
        + zerospec::DecodeOwned
        + PartialEq
        + std::fmt::Debug,
{
    let Some(json) = zerospec_benches::read_corpus(name) else {
        println!("skipped: corpus file {name}.json not found");
        return;
    };
    let value: T = serde_json::from_slice(&json).unwrap();
    check(name, &value);
}

#[test]
fn twitter() {
    corpus::<Twitter>("twitter");
}

#[test]
fn citm_catalog() {
    corpus::<CitmCatalog>("citm_catalog");
}

#[test]
fn canada() {
    corpus::<FeatureCollection>("canada");
}

#[test]
fn log() {
    let logs = zerospec_benches::log::generate(500, 42);
    check("log", &logs);
    // Every record is a map of the seven fields.
    let bytes = zerospec::msgpack::to_vec(&logs.logs[0]).unwrap();
    assert_eq!(bytes[0], 0x87);
}
