//! `serde_json::Value`, `Map` and `Number` (feature `serde_json`) against
//! serde_json's and rmp-serde's own handling of them: exact bytes, reading
//! what they write, generated nested values both ways, depth limits, errors.

use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use serde_json::{Map, Number, Value, json};
use zerospec::ErrorKind;

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 512;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5eed_0000_0150_0001);
    }
    config.failure_persistence = None;
    config
}

/// `value` both ways in both formats against serde_json and rmp-serde.
fn agree(value: &Value) -> Result<(String, Vec<u8>), TestCaseError> {
    let text = serde_json::to_string(value).unwrap();
    prop_assert_eq!(zerospec::json::to_string(value).unwrap(), text.clone());
    prop_assert_eq!(&zerospec::json::from_str::<Value>(&text).unwrap(), value);
    let pretty = serde_json::to_string_pretty(value).unwrap();
    prop_assert_eq!(&zerospec::json::from_str::<Value>(&pretty).unwrap(), value);
    let packed = rmp_serde::to_vec_named(value).unwrap();
    prop_assert_eq!(zerospec::msgpack::to_vec(value).unwrap(), packed.clone());
    prop_assert_eq!(
        &zerospec::msgpack::from_slice::<Value>(&packed).unwrap(),
        value
    );
    prop_assert_eq!(&rmp_serde::from_slice::<Value>(&packed).unwrap(), value);
    if let Value::Object(map) = value {
        prop_assert_eq!(zerospec::json::to_string(map).unwrap(), text.clone());
        prop_assert_eq!(
            &zerospec::json::from_str::<Map<String, Value>>(&text).unwrap(),
            map
        );
        prop_assert_eq!(zerospec::msgpack::to_vec(map).unwrap(), packed.clone());
        prop_assert_eq!(
            &zerospec::msgpack::from_slice::<Map<String, Value>>(&packed).unwrap(),
            map
        );
    }
    Ok((text, packed))
}

#[track_caller]
fn same_json(text: &str) {
    let ours = zerospec::json::from_str::<Value>(text).map_err(|e| e.to_string());
    let theirs = serde_json::from_str::<Value>(text).map_err(|e| e.to_string());
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{text}");
            // -0.0 == 0.0: compare the bytes written too.
            assert_eq!(
                serde_json::to_string(a).unwrap(),
                serde_json::to_string(b).unwrap(),
                "{text}"
            );
        }
        (Err(_), Err(_)) => {}
        _ => panic!("{text}: zerospec {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn values_write_as_serde_json_and_rmp_serde_write_them() {
    let value = json!({"b": [1, -2, 2.5, null, true, "x"], "a": {"nested": []}, "c": u64::MAX, "d": i64::MIN, "e": 1e300});
    let (text, packed) = agree(&value).unwrap();
    // serde_json's `Map` sorts keys, unless its `preserve_order` feature is on.
    assert_eq!(
        text,
        r#"{"a":{"nested":[]},"b":[1,-2,2.5,null,true,"x"],"c":18446744073709551615,"d":-9223372036854775808,"e":1e+300}"#
    );
    assert_eq!(packed[..3], [0x85, 0xa1, b'a']);
    let (_, packed) = agree(&json!([0, 127, 128, -1, -32, -33, 65536, 1.0])).unwrap();
    assert_eq!(
        packed,
        [
            0x98, 0x00, 0x7f, 0xcc, 0x80, 0xff, 0xe0, 0xd0, 0xdf, 0xce, 0x00, 0x01, 0x00, 0x00,
            0xcb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0
        ]
    );
    let (text, _) = agree(&json!(1.0)).unwrap();
    assert_eq!(text, "1.0");
}

#[test]
fn reading_json_matches_serde_json() {
    for text in [
        "0",
        "-0",
        "-0.0",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1e400",
        "1.5e-3",
        r#"{"a":1,"a":2}"#,
        r#"{"b":1,"a":2}"#,
        r#"["\u00e9\ud83d\ude00", "a\nb"]"#,
        "[1,]",
        "{\"a\" 1}",
        "",
        "nul",
        "[[[[]]]]",
    ] {
        same_json(text);
    }
    let v: Value = zerospec::json::from_str(r#"{"a":1,"a":2}"#).unwrap();
    assert_eq!(v, json!({"a": 2}));
}

#[test]
fn reading_msgpack_matches_rmp_serde() {
    // A float 32 widens; NaN and infinities read as null, as serde_json's `Value` takes them.
    for (bytes, expected) in [
        (vec![0xca, 0x3f, 0xc0, 0, 0], json!(1.5)),
        (vec![0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0], Value::Null),
        (vec![0xca, 0x7f, 0x80, 0, 0], Value::Null),
        (vec![0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0], json!(i64::MIN)),
        (
            vec![0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
            json!(u64::MAX),
        ),
        (vec![0x81, 0xa1, b'k', 0xc0], json!({"k": null})),
    ] {
        assert_eq!(
            zerospec::msgpack::from_slice::<Value>(&bytes).unwrap(),
            expected
        );
        assert_eq!(rmp_serde::from_slice::<Value>(&bytes).unwrap(), expected);
    }
    // Binary data and extension values have no `Value`.
    for (bytes, message) in [
        (
            vec![0xc4, 1, 7],
            "Expected `JSON value`, got `bytes` - at `$`",
        ),
        (
            vec![0xd4, 1, 7],
            "Expected `JSON value`, got `ext` - at `$`",
        ),
        (
            vec![0x91, 0xc4, 0],
            "Expected `JSON value`, got `bytes` - at `$[0]`",
        ),
    ] {
        let err = zerospec::msgpack::from_slice::<Value>(&bytes).unwrap_err();
        assert_eq!(err.to_string(), message);
        assert_eq!(err.kind(), ErrorKind::Type);
        assert!(rmp_serde::from_slice::<Value>(&bytes).is_err());
    }
    // Keys must be strings.
    let bytes = [0x81, 0x01, 0x02];
    assert_eq!(
        zerospec::msgpack::from_slice::<Value>(&bytes)
            .unwrap_err()
            .to_string(),
        "Expected `str`, got `int` - at `$`"
    );
    assert!(rmp_serde::from_slice::<Value>(&bytes).is_err());
}

#[test]
fn numbers_and_maps_alone() {
    for n in [
        Number::from(7u64),
        Number::from(-7i64),
        Number::from_f64(0.1).unwrap(),
    ] {
        let text = serde_json::to_string(&n).unwrap();
        assert_eq!(zerospec::json::to_string(&n).unwrap(), text);
        assert_eq!(zerospec::json::from_str::<Number>(&text).unwrap(), n);
        let packed = rmp_serde::to_vec_named(&n).unwrap();
        assert_eq!(zerospec::msgpack::to_vec(&n).unwrap(), packed);
        assert_eq!(zerospec::msgpack::from_slice::<Number>(&packed).unwrap(), n);
    }
    let nan = [0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        zerospec::msgpack::from_slice::<Number>(&nan)
            .unwrap_err()
            .to_string(),
        "Expected a finite number, which JSON can hold - at `$`"
    );
    assert!(rmp_serde::from_slice::<Number>(&nan).is_err());
    assert_eq!(
        zerospec::json::from_str::<Number>(r#""7""#)
            .unwrap_err()
            .to_string(),
        "Expected `float`, got `str` - at `$`"
    );
    // `nil` reads as an empty map in MessagePack, as rmp-serde reads it;
    // serde_json refuses `null`.
    assert_eq!(
        zerospec::msgpack::from_slice::<Map<String, Value>>(&[0xc0]).unwrap(),
        Map::new()
    );
    assert_eq!(
        rmp_serde::from_slice::<Map<String, Value>>(&[0xc0]).unwrap(),
        Map::new()
    );
    assert_eq!(
        zerospec::json::from_str::<Map<String, Value>>("null")
            .unwrap_err()
            .to_string(),
        "Expected `object`, got `null` - at `$`"
    );
    assert!(serde_json::from_str::<Map<String, Value>>("null").is_err());
    assert!(zerospec::json::from_str::<Map<String, Value>>("[]").is_err());
    let err =
        zerospec::json::from_str::<Map<String, Value>>(r#"{"a": [1, {"b": nul}]}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
}

#[test]
fn nesting_is_bounded_by_the_decoders_limit() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let err = zerospec::json::from_str::<Value>(&deep).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Depth);
    assert_eq!(
        err.to_string(),
        "JSON is malformed: nesting deeper than 128 (byte 128)"
    );
    let deep = "{\"a\":".repeat(200) + "1" + &"}".repeat(200);
    assert_eq!(
        zerospec::json::from_str::<Value>(&deep).unwrap_err().kind(),
        ErrorKind::Depth
    );
    let packed = vec![0x91; 100_000];
    let err = zerospec::msgpack::from_slice::<Value>(&packed).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Depth);
    let ok = "[".repeat(128) + &"]".repeat(128);
    assert!(zerospec::json::from_str::<Value>(&ok).is_ok());
}

#[test]
fn values_have_no_flat_form() {
    let err = zerospec::flat::to_vec(&json!({"a": 1})).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(
        err.to_string(),
        "`serde_json::Value` has no flat form: the flat format lays out a type from its \
         declaration; use JSON or MessagePack for schemaless data - at `$`"
    );
    assert!(zerospec::flat::from_slice::<Value>(&[0; 8]).is_err());
    assert!(zerospec::flat::to_vec(&Map::new()).is_err());
    assert!(zerospec::flat::to_vec(&Number::from(1)).is_err());
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (-1000i64..1000).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::vec(("[a-d\\PC]{0,4}", inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_values_agree(value in any_value()) {
        agree(&value)?;
    }

    #[test]
    fn generated_json_text_reads_alike(value in any_value(), cut in any::<prop::sample::Index>()) {
        let text = serde_json::to_string(&value).unwrap();
        same_json(&text);
        // And every prefix: malformed input fails in both.
        let end = cut.index(text.len() + 1);
        if let Some(prefix) = text.get(..end) {
            same_json(prefix);
        }
    }

    #[test]
    fn generated_msgpack_reads_alike(value in any_value(), cut in any::<prop::sample::Index>()) {
        let packed = rmp_serde::to_vec_named(&value).unwrap();
        let prefix = &packed[..cut.index(packed.len() + 1)];
        let ours = zerospec::msgpack::from_slice::<Value>(prefix).ok();
        let theirs = rmp_serde::from_slice::<Value>(prefix).ok();
        prop_assert_eq!(ours, theirs);
    }
}
