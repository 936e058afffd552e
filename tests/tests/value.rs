//! `zerospec::Value`: decoding, encoding, round trips, and agreement with serde_json.

use zerospec::value::Map;
use zerospec::{Value, json};

const DOC: &str = r#"{
  "name": "zerospec",
  "version": [0, 1, 0],
  "stable": false,
  "score": -2.5e-3,
  "big": 18446744073709551615,
  "neg": -9223372036854775808,
  "huge": 1e300,
  "nothing": null,
  "nested": {"z": 1, "a": [{"deep": "\u00e9\ud83d\ude00\n"}], "m": {}},
  "empty": []
}"#;

#[test]
fn decodes_every_kind() {
    let v: Value = json::from_str(DOC).unwrap();
    assert_eq!(v["name"].as_str(), Some("zerospec"));
    assert_eq!(
        v["version"],
        Value::from(vec![0.into(), 1.into(), 0.into()])
    );
    assert_eq!(v["stable"].as_bool(), Some(false));
    assert_eq!(v["score"].as_f64(), Some(-2.5e-3));
    assert_eq!(v["big"].as_u64(), Some(u64::MAX));
    assert_eq!(v["neg"].as_i64(), Some(i64::MIN));
    assert_eq!(v["huge"], Value::Float(1e300));
    assert!(v["nothing"].is_null());
    assert_eq!(v["nested"]["a"][0]["deep"].as_str(), Some("é😀\n"));
    assert_eq!(v["nested"]["m"], Value::Object(Map::new()));
    assert_eq!(v["empty"], Value::Array(vec![]));
    // Keys keep their order.
    let keys: Vec<&str> = v["nested"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["z", "a", "m"]);
    // Missing things index to null.
    assert!(v["nope"][3]["x"].is_null());
}

#[test]
fn duplicate_keys_keep_the_last_value_in_the_first_place() {
    let v: Value = json::from_str(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
    let pairs: Vec<(&str, i64)> = v
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k, v.as_i64().unwrap()))
        .collect();
    assert_eq!(pairs, [("a", 3), ("b", 2)]);
}

#[test]
fn round_trips_through_json() {
    let v: Value = json::from_str(DOC).unwrap();
    let text = json::to_string(&v).unwrap();
    let back: Value = json::from_str(&text).unwrap();
    assert_eq!(back, v);
    // And the bytes are what serde_json writes for the same tree, key order aside.
    let theirs: serde_json::Value = serde_json::from_str(DOC).unwrap();
    let reparsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(reparsed, theirs);
    assert_eq!(
        json::to_string(&Value::from(vec![
            Value::Null,
            true.into(),
            1.5.into(),
            "s".into()
        ]))
        .unwrap(),
        r#"[null,true,1.5,"s"]"#
    );
}

#[test]
fn encoding_edge_values() {
    assert_eq!(json::to_string(&Value::Int(-1)).unwrap(), "-1");
    assert_eq!(
        json::to_string(&Value::Int(u64::MAX.into())).unwrap(),
        "18446744073709551615"
    );
    assert_eq!(
        json::to_string(&Value::Int(i128::from(u64::MAX) + 1)).unwrap(),
        "18446744073709551616"
    );
    // Bytes are an array of numbers, as serde_json writes `&[u8]`.
    assert_eq!(
        json::to_string(&Value::Bytes(vec![1, 255])).unwrap(),
        "[1,255]"
    );
    // Non-finite floats are null, as serde_json writes them.
    assert_eq!(json::to_string(&Value::Float(f64::NAN)).unwrap(), "null");
    // Extension values have no JSON form.
    let err = json::to_string(&Value::Ext(5, vec![1])).unwrap_err();
    assert_eq!(err.kind(), zerospec::ErrorKind::Unsupported);
}

#[test]
fn errors_inside_values_are_syntax_errors() {
    let err = json::from_str::<Value>(r#"{"a": [1, {"b": tru}]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON is malformed: invalid literal (byte 16)"
    );
}

#[test]
fn conversions() {
    assert_eq!(Value::from(Some(3u8)), Value::Int(3));
    assert_eq!(Value::from(None::<bool>), Value::Null);
    assert_eq!(Value::from("x"), Value::Str("x".to_owned()));
    let v: Value = vec![("k".to_owned(), Value::from(1))].into_iter().collect();
    assert_eq!(v["k"], Value::Int(1));
    let v: Value = (1..=3).map(Value::from).collect();
    assert_eq!(v[2], Value::Int(3));
    assert_eq!(format!("{:?}", v), "Array [Int(1), Int(2), Int(3)]");
}

/// Structural equality with serde_json's value (its maps sort keys; ours keep order).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::Int(a), J::Number(n)) => {
            n.as_u64().map(i128::from) == Some(*a) || n.as_i64().map(i128::from) == Some(*a)
        }
        (Value::Float(a), J::Number(n)) => {
            n.is_f64() && n.as_f64().map(f64::to_bits) == Some(a.to_bits())
        }
        (Value::Str(a), J::String(b)) => a == b,
        (Value::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), J::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

#[test]
fn agrees_with_serde_json_on_documents() {
    let docs = [
        DOC,
        "[]",
        "{}",
        r#"[1, -1, 1.0, -0.0, 1e-7, 123456789012345678901234567890, "a\"b", {"": null}]"#,
        r#"{"a": {"b": {"c": [true, false, null, 0.1, 2.5e10]}}}"#,
    ];
    for doc in docs {
        let ours: Value = json::from_str(doc).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(doc).unwrap();
        assert!(same(&ours, &theirs), "{doc}: {ours:?} vs {theirs:?}");
    }
}

#[test]
fn agrees_with_serde_json_on_the_corpus() {
    let Some(dir) = zerospec_tests::data_path("json-corpus") else {
        return;
    };
    for name in ["twitter.json", "citm_catalog.json", "canada.json"] {
        let input = std::fs::read(dir.join(name)).expect("read corpus file");
        let ours: Value = json::from_slice(&input).unwrap();
        let theirs: serde_json::Value = serde_json::from_slice(&input).unwrap();
        assert!(same(&ours, &theirs), "{name} differs");
    }
}
