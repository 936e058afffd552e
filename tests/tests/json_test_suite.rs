//! JSONTestSuite (github.com/nst/JSONTestSuite) conformance, decoding into `Value`.
//!
//! Every `y_` file must decode and every `n_` file must be rejected, without a
//! panic, and the deeply nested ones with a depth error rather than a stack
//! overflow. The `i_` files leave the choice to the parser; what zerospec does
//! with each is pinned in `IMPLEMENTATION_DEFINED` below:
//!
//! - numbers: accepted when they have an `f64` value (huge integers become
//!   floats, tiny ones round to zero, as serde_json reads them), rejected with
//!   `number out of range` when they overflow `f64`;
//! - strings: lone or malformed UTF-16 surrogate escapes and invalid UTF-8 are
//!   rejected, since a Rust `String` cannot hold them;
//! - documents in UTF-16, or starting with a byte order mark, are rejected
//!   (RFC 8259 requires UTF-8 and forbids adding a BOM);
//! - 500 nested arrays exceed the default depth limit of 128 and are rejected.

use std::path::Path;

use zerospec::json::JsonDecoder;
use zerospec::{Decode, Decoder, ErrorKind, Value};

/// Decodes nothing, but skips (and so validates) one value.
struct Skip;

impl<'de> Decode<'de> for Skip {
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> zerospec::Result<Self> {
        decoder.skip_value().map(|()| Skip)
    }
}

/// What zerospec does with each implementation-defined case: `true` accepts.
const IMPLEMENTATION_DEFINED: &[(&str, bool)] = &[
    ("i_number_double_huge_neg_exp.json", true),
    ("i_number_huge_exp.json", false),
    ("i_number_neg_int_huge_exp.json", false),
    ("i_number_pos_double_huge_exp.json", false),
    ("i_number_real_neg_overflow.json", false),
    ("i_number_real_pos_overflow.json", false),
    ("i_number_real_underflow.json", true),
    ("i_number_too_big_neg_int.json", true),
    ("i_number_too_big_pos_int.json", true),
    ("i_number_very_big_negative_int.json", true),
    ("i_object_key_lone_2nd_surrogate.json", false),
    ("i_string_1st_surrogate_but_2nd_missing.json", false),
    ("i_string_1st_valid_surrogate_2nd_invalid.json", false),
    ("i_string_UTF-16LE_with_BOM.json", false),
    ("i_string_UTF-8_invalid_sequence.json", false),
    ("i_string_UTF8_surrogate_U+D800.json", false),
    ("i_string_incomplete_surrogate_and_escape_valid.json", false),
    ("i_string_incomplete_surrogate_pair.json", false),
    ("i_string_incomplete_surrogates_escape_valid.json", false),
    ("i_string_invalid_lonely_surrogate.json", false),
    ("i_string_invalid_surrogate.json", false),
    ("i_string_invalid_utf-8.json", false),
    ("i_string_inverted_surrogates_U+1D11E.json", false),
    ("i_string_iso_latin_1.json", false),
    ("i_string_lone_second_surrogate.json", false),
    ("i_string_lone_utf8_continuation_byte.json", false),
    ("i_string_not_in_unicode_range.json", false),
    ("i_string_overlong_sequence_2_bytes.json", false),
    ("i_string_overlong_sequence_6_bytes.json", false),
    ("i_string_overlong_sequence_6_bytes_null.json", false),
    ("i_string_truncated-utf-8.json", false),
    ("i_string_utf16BE_no_BOM.json", false),
    ("i_string_utf16LE_no_BOM.json", false),
    ("i_structure_500_nested_arrays.json", false),
    ("i_structure_UTF-8_BOM_empty_object.json", false),
];

fn cases(dir: &Path, prefix: &str) -> Vec<(String, Vec<u8>)> {
    let mut cases: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("read JSONTestSuite directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            (name.starts_with(prefix) && name.ends_with(".json"))
                .then(|| (name, std::fs::read(&path).expect("read case")))
        })
        .collect();
    cases.sort();
    cases
}

/// Decodes `input` as `Value` from bytes, from text when it is UTF-8, and by
/// skipping; all three must agree on acceptance.
fn accepts(name: &str, input: &[u8]) -> bool {
    let value = zerospec::json::from_slice::<Value>(input);
    if let Ok(text) = std::str::from_utf8(input) {
        let from_text = zerospec::json::from_str::<Value>(text);
        match (&value, &from_text) {
            (Ok(a), Ok(b)) => assert!(values_identical(a, b), "{name}: from_str differs"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}"),
            _ => panic!("{name}: from_slice {value:?} but from_str {from_text:?}"),
        }
    }
    let skipped = zerospec::json::from_slice::<Skip>(input);
    // Skipping checks everything but a number's range, which it never converts.
    if !name.starts_with("i_number") {
        assert_eq!(
            value.is_ok(),
            skipped.is_ok(),
            "{name}: skip_value disagrees: {:?}",
            skipped.err()
        );
    }
    value.is_ok()
}

/// Equality that also tells `0.0` from `-0.0` (and would tell NaN from NaN).
fn values_identical(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| values_identical(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((ka, va), (kb, vb))| ka == kb && values_identical(va, vb))
        }
        _ => a == b,
    }
}

#[test]
fn accepts_every_y_file() {
    let Some(dir) = zerospec_tests::data_path("JSONTestSuite/test_parsing") else {
        return;
    };
    let cases = cases(&dir, "y_");
    assert!(cases.len() > 90, "found only {} y_ files", cases.len());
    let failed: Vec<String> = cases
        .iter()
        .filter(|(name, input)| !accepts(name, input))
        .map(|(name, input)| {
            format!(
                "{name}: {}",
                zerospec::json::from_slice::<Value>(input).unwrap_err()
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "rejected valid documents:\n{}",
        failed.join("\n")
    );
}

#[test]
fn rejects_every_n_file() {
    let Some(dir) = zerospec_tests::data_path("JSONTestSuite/test_parsing") else {
        return;
    };
    let cases = cases(&dir, "n_");
    assert!(cases.len() > 180, "found only {} n_ files", cases.len());
    let accepted: Vec<&str> = cases
        .iter()
        .filter(|(name, input)| accepts(name, input))
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        accepted.is_empty(),
        "accepted invalid documents: {accepted:?}"
    );
}

#[test]
fn deep_nesting_is_a_depth_error() {
    let Some(dir) = zerospec_tests::data_path("JSONTestSuite/test_parsing") else {
        return;
    };
    for name in [
        "n_structure_100000_opening_arrays.json",
        "n_structure_open_array_object.json",
        "i_structure_500_nested_arrays.json",
    ] {
        let input = std::fs::read(dir.join(name)).expect("read case");
        let err = zerospec::json::from_slice::<Value>(&input).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Depth, "{name}: {err}");
        assert_eq!(
            err.to_string(),
            format!(
                "JSON is malformed: nesting deeper than 128 (byte {})",
                err.offset().unwrap()
            )
        );
        let err = zerospec::json::from_slice::<Skip>(&input)
            .err()
            .expect("skip rejects");
        assert_eq!(err.kind(), ErrorKind::Depth, "{name}: {err}");
    }
    // With a higher limit the 500 nested arrays are fine.
    let input = std::fs::read(dir.join("i_structure_500_nested_arrays.json")).expect("read case");
    let mut decoder = JsonDecoder::new(&input).with_max_depth(500);
    Value::decode(&mut decoder).expect("500 levels within a limit of 500");
    decoder.end().expect("nothing follows");
}

#[test]
fn implementation_defined_files_are_pinned() {
    let Some(dir) = zerospec_tests::data_path("JSONTestSuite/test_parsing") else {
        return;
    };
    let cases = cases(&dir, "i_");
    let names: Vec<&str> = cases.iter().map(|(name, _)| name.as_str()).collect();
    let pinned: Vec<&str> = IMPLEMENTATION_DEFINED
        .iter()
        .map(|&(name, _)| name)
        .collect();
    assert_eq!(names, pinned, "the i_ files changed; pin the new ones");
    let differs: Vec<String> = cases
        .iter()
        .zip(IMPLEMENTATION_DEFINED)
        .filter(|((name, input), (_, expected))| accepts(name, input) != *expected)
        .map(|((name, input), (_, expected))| {
            format!(
                "{name}: expected accept={expected}, got {:?}",
                zerospec::json::from_slice::<Value>(input)
            )
        })
        .collect();
    assert!(differs.is_empty(), "{}", differs.join("\n"));
}

#[test]
fn y_values_agree_with_serde_json() {
    let Some(dir) = zerospec_tests::data_path("JSONTestSuite/test_parsing") else {
        return;
    };
    for (name, input) in cases(&dir, "y_") {
        let ours: Value = zerospec::json::from_slice(&input).expect(&name);
        let theirs: serde_json::Value = match serde_json::from_slice(&input) {
            Ok(v) => v,
            // serde_json refuses lone surrogates that we also refuse; y_ files have none.
            Err(err) => panic!("{name}: serde_json rejects: {err}"),
        };
        assert!(same(&ours, &theirs), "{name}: {ours:?} vs {theirs:?}");
    }
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
        (Value::Float(a), J::Number(n)) => n.as_f64().map(f64::to_bits) == Some(a.to_bits()),
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
