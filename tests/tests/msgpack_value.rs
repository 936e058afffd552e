//! Schemaless MessagePack: `Value` round trips (binary and extensions
//! included), and streaming transcoding between JSON and MessagePack.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use zerospec::msgpack::{self, Timestamp};
use zerospec::transcode::{json_to_msgpack, msgpack_to_json};
use zerospec::{ErrorKind, Value};

fn runner(cases: u32) -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[5; 32]),
    )
}

fn every_kind() -> Value {
    Value::Object(
        [
            ("null", Value::Null),
            ("bool", Value::Bool(false)),
            ("small", Value::Int(7)),
            ("negative", Value::Int(-40_000)),
            ("u64 max", Value::Int(u64::MAX.into())),
            ("i64 min", Value::Int(i64::MIN.into())),
            ("float", Value::Float(-0.125)),
            ("str", Value::Str("ü".into())),
            ("bytes", Value::Bytes(vec![0, 255])),
            (
                "array",
                Value::Array(vec![Value::Null, Value::Array(vec![])]),
            ),
            ("ext", Value::Ext(42, vec![1, 2, 3])),
            ("timestamp", Value::Ext(-1, vec![0, 0, 0, 9])),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
    )
}

#[test]
fn value_round_trips_every_kind() {
    let value = every_kind();
    let bytes = msgpack::to_vec(&value).unwrap();
    let back: Value = msgpack::from_slice(&bytes).unwrap();
    assert_eq!(back, value);
    assert_eq!(msgpack::to_vec(&back).unwrap(), bytes);
    let shared: Value = msgpack::from_bytes(bytes::Bytes::from(bytes)).unwrap();
    assert_eq!(shared, value);
}

#[test]
fn a_timestamp_reads_as_its_extension_and_back() {
    let t = Timestamp {
        seconds: -1,
        nanoseconds: 999_999_999,
    };
    let bytes = msgpack::to_vec(&t).unwrap();
    let value: Value = msgpack::from_slice(&bytes).unwrap();
    let Value::Ext(-1, data) = &value else {
        panic!("{value:?}")
    };
    assert_eq!(data.len(), 12);
    let again: Timestamp = msgpack::from_slice(&msgpack::to_vec(&value).unwrap()).unwrap();
    assert_eq!(again, t);
}

#[test]
fn timestamps_use_the_smallest_form_and_check_their_parts() {
    let cases: [(i64, u32, usize); 6] = [
        (0, 0, 6),
        ((1 << 32) - 1, 0, 6),
        (1 << 32, 0, 10),
        (1, 1, 10),
        ((1 << 34) - 1, 999_999_999, 10),
        (1 << 34, 0, 15),
    ];
    for (seconds, nanoseconds, len) in cases {
        let t = Timestamp {
            seconds,
            nanoseconds,
        };
        let bytes = msgpack::to_vec(&t).unwrap();
        assert_eq!(bytes.len(), len, "{t:?}");
        assert_eq!(msgpack::from_slice::<Timestamp>(&bytes).unwrap(), t);
    }
    let bad = Timestamp {
        seconds: 0,
        nanoseconds: 1_000_000_000,
    };
    assert_eq!(
        msgpack::to_vec(&bad).unwrap_err().to_string(),
        "Expected timestamp nanoseconds < 1000000000 - at `$`"
    );
    // Timestamp 64 with nanoseconds past a second.
    let packed: u64 = (1_000_000_000u64 << 34) | 5;
    let mut bytes = vec![0xd7, 0xff];
    bytes.extend(packed.to_be_bytes());
    assert_eq!(
        msgpack::from_slice::<Timestamp>(&bytes)
            .unwrap_err()
            .to_string(),
        "Expected timestamp nanoseconds < 1000000000 - at `$`"
    );
    assert_eq!(
        msgpack::from_slice::<Timestamp>(&[0xd4, 0x05, 0x00])
            .unwrap_err()
            .to_string(),
        "Expected `timestamp` (ext type -1), got ext type 5 - at `$`"
    );
    assert_eq!(
        msgpack::from_slice::<Timestamp>(&[0xd5, 0xff, 0, 0])
            .unwrap_err()
            .to_string(),
        "Expected `timestamp` of 4, 8 or 12 bytes, got 2 bytes - at `$`"
    );
    assert_eq!(
        msgpack::from_slice::<Timestamp>(&[0x01])
            .unwrap_err()
            .to_string(),
        "Expected `ext`, got `int` - at `$`"
    );
    // JSON has no timestamp.
    assert_eq!(
        zerospec::json::to_vec(&t0()).unwrap_err().kind(),
        ErrorKind::Unsupported
    );
}

fn t0() -> Timestamp {
    Timestamp::default()
}

// ----- transcoding -----

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        (any::<i64>(), 0u32..64).prop_map(|(v, s)| serde_json::Value::from(v >> s)),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..20).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..20)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn json_to_msgpack_writes_what_rmp_serde_writes_for_the_document() {
    runner(512)
        .run(&json_value(), |json| {
            let text = serde_json::to_vec_pretty(&json).unwrap();
            let packed = json_to_msgpack(&text).unwrap();
            prop_assert_eq!(&packed, &rmp_serde::to_vec_named(&json).unwrap());
            // And back: serde_json's own compact text.
            prop_assert_eq!(
                msgpack_to_json(&packed).unwrap(),
                serde_json::to_vec(&json).unwrap()
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn transcoding_the_corpus_equals_going_through_value() {
    for name in zerospec_benches::CORPUS {
        let Some(json) = zerospec_benches::read_corpus(name) else {
            println!("skipped: corpus file {name}.json not found");
            continue;
        };
        let packed = json_to_msgpack(&json).unwrap();
        let tree: Value = zerospec::json::from_slice(&json).unwrap();
        assert_eq!(packed, msgpack::to_vec(&tree).unwrap(), "{name}");
        let back: Value = msgpack::from_slice(&packed).unwrap();
        assert_eq!(back, tree, "{name}");
        let text = msgpack_to_json(&packed).unwrap();
        let original: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let again: serde_json::Value = serde_json::from_slice(&text).unwrap();
        assert_eq!(again, original, "{name}");
    }
}

#[test]
fn what_json_cannot_hold_is_an_error() {
    let cases: [(Value, &str); 4] = [
        (
            Value::Array(vec![Value::Bytes(vec![1])]),
            "MessagePack binary data has no JSON form - at `$[0]`",
        ),
        (
            Value::Object(
                [("t".to_owned(), Value::Ext(-1, vec![0; 4]))]
                    .into_iter()
                    .collect(),
            ),
            r#"a MessagePack extension value has no JSON form - at `$["t"]`"#,
        ),
        (
            Value::Float(f64::NAN),
            "the float NaN has no JSON form - at `$`",
        ),
        (
            Value::Array(vec![Value::Float(f64::NEG_INFINITY)]),
            "the float -inf has no JSON form - at `$[0]`",
        ),
    ];
    for (value, message) in cases {
        let bytes = msgpack::to_vec(&value).unwrap();
        let e = msgpack_to_json(&bytes).unwrap_err();
        assert_eq!(e.to_string(), message);
        assert_eq!(e.kind(), ErrorKind::Unsupported);
    }
    // A boolean key.
    let e = msgpack_to_json(&[0x81, 0xc3, 0x01]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a map key of type `bool` cannot be transcoded: only `str` and `int` keys can - at `$`"
    );
}

#[test]
fn integer_keys_become_strings_in_json() {
    let bytes =
        rmp_serde::to_vec_named(&std::collections::BTreeMap::from([(-3i32, 1u8), (7, 2)])).unwrap();
    assert_eq!(msgpack_to_json(&bytes).unwrap(), br#"{"-3":1,"7":2}"#);
}

#[test]
fn transcoding_checks_its_input() {
    assert_eq!(
        json_to_msgpack(b"[1,]").unwrap_err().to_string(),
        zerospec::json::from_slice::<Value>(b"[1,]")
            .unwrap_err()
            .to_string()
    );
    assert!(json_to_msgpack(b"1 2").is_err());
    assert_eq!(
        msgpack_to_json(&[0x92, 0x01]).unwrap_err().to_string(),
        "MessagePack data is malformed: truncated (byte 2)"
    );
    assert!(msgpack_to_json(&[0x01, 0x02]).is_err());
    let deep = vec![b'['; 1000];
    assert_eq!(json_to_msgpack(&deep).unwrap_err().kind(), ErrorKind::Depth);
}

#[test]
fn float32_values_become_their_exact_f64_in_json() {
    assert_eq!(
        msgpack_to_json(&msgpack::to_vec(&0.5f32).unwrap()).unwrap(),
        b"0.5"
    );
}
