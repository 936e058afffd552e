//! The JSON corpus (`twitter.json`, `citm_catalog.json`, `canada.json`) decoded
//! into the typed models the benchmarks use: zerospec must decode the same value
//! as serde_json, encode it to the same bytes (compact and pretty), and decode
//! its own output back to the same value.
//!
//! The corpus lives in `../shared/data/json-corpus/` (or under `$ZEROSPEC_DATA`);
//! where it is absent each test prints `skipped:` and passes.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec_benches::models::{canada::FeatureCollection, citm::CitmCatalog, twitter::Twitter};

#[test]
fn twitter() {
    check::<Twitter>("twitter");
}

#[test]
fn citm_catalog() {
    check::<CitmCatalog>("citm_catalog");
}

#[test]
fn canada() {
    check::<FeatureCollection>("canada");
}

fn check<T>(name: &str)
where
    T: Serialize + DeserializeOwned + zerospec::Encode + zerospec::DecodeOwned + PartialEq + Debug,
{
    let Some(input) = zerospec_benches::read_corpus(name) else {
        let path = zerospec_benches::corpus_path(name);
        println!("skipped: {} not found (set ZEROSPEC_DATA)", path.display());
        return;
    };
    let expected: T = serde_json::from_slice(&input).expect("serde_json decodes the corpus");

    let decoded: T = zerospec::json::from_slice(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
    // `assert_eq!` would print both megabyte-sized values; say only that they differ.
    assert!(
        decoded == expected,
        "{name}: zerospec decodes a different value than serde_json"
    );

    let compact = zerospec::json::to_vec(&expected).unwrap();
    assert_same_bytes(
        name,
        "to_vec",
        &compact,
        &serde_json::to_vec(&expected).unwrap(),
    );
    let pretty = zerospec::json::to_vec_pretty(&expected).unwrap();
    assert_same_bytes(
        name,
        "to_vec_pretty",
        &pretty,
        &serde_json::to_vec_pretty(&expected).unwrap(),
    );

    for (form, bytes) in [("compact", &compact), ("pretty", &pretty)] {
        let back: T =
            zerospec::json::from_slice(bytes).unwrap_or_else(|e| panic!("{name} ({form}): {e}"));
        assert!(
            back == expected,
            "{name}: decoding zerospec's {form} output changes the value"
        );
    }
}

/// Like `assert_eq!` on bytes, but reports where the outputs part, with context.
fn assert_same_bytes(name: &str, function: &str, ours: &[u8], theirs: &[u8]) {
    if ours == theirs {
        return;
    }
    let at = ours
        .iter()
        .zip(theirs)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(theirs.len()));
    let around = |bytes: &[u8]| {
        String::from_utf8_lossy(&bytes[at.saturating_sub(40)..bytes.len().min(at + 40)])
            .into_owned()
    };
    panic!(
        "{name}: {function} output differs from serde_json's at byte {at} (lengths {} and {})\n  zerospec:   {:?}\n  serde_json: {:?}",
        ours.len(),
        theirs.len(),
        around(ours),
        around(theirs),
    );
}
