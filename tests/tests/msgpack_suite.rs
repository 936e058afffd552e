//! The msgpack-test-suite conformance cases: every listed encoding of a value
//! decodes to it (as `Value`, and as the matching Rust type), and encoding the
//! value gives one of the listed encodings.
//!
//! Integer values are also listed in float encodings (`1` as `ca 3f 80 00 00`).
//! Those decode to `Value::Float` with the same numeric value, and as `f64`;
//! typed integer decoding refuses them (a float never decodes as an integer).

use std::collections::BTreeMap;

use serde_json::Value as Json;
use zerospec::msgpack::{self, Timestamp};
use zerospec::value::Map;
use zerospec::{ByteBuf, DecodeOwned, Encode, Value};

fn hex(s: &str) -> Vec<u8> {
    if s.is_empty() {
        return Vec::new();
    }
    s.split('-')
        .map(|b| u8::from_str_radix(b, 16).expect("hex byte"))
        .collect()
}

/// A JSON value of the suite as the `Value` it stands for.
fn to_value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Value::Int(u.into()),
            (_, Some(i)) => Value::Int(i.into()),
            _ => Value::Float(n.as_f64().expect("number")),
        },
        Json::String(s) => Value::Str(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), to_value(v)))
                .collect::<Map>(),
        ),
    }
}

/// Equal as the suite means it: numbers compare by value across int and float.
fn same(actual: &Value, expected: &Value) -> bool {
    #[allow(clippy::cast_precision_loss)]
    match (actual, expected) {
        (Value::Float(f), Value::Int(i)) | (Value::Int(i), Value::Float(f)) => *f == *i as f64,
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b.iter())
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => actual == expected,
    }
}

struct Case {
    file: String,
    expected: Value,
    kind: String,
    raw: Json,
    encodings: Vec<Vec<u8>>,
}

fn cases() -> Option<Vec<Case>> {
    let path = zerospec_tests::data_path("msgpack-test-suite/msgpack-test-suite.json")?;
    let suite: BTreeMap<String, Vec<serde_json::Map<String, Json>>> =
        serde_json::from_slice(&std::fs::read(path).expect("read suite")).expect("parse suite");
    let mut out = Vec::new();
    for (file, group) in suite {
        for case in group {
            let encodings = case["msgpack"]
                .as_array()
                .expect("msgpack list")
                .iter()
                .map(|h| hex(h.as_str().expect("hex string")))
                .collect();
            // "bignum" (a decimal string) is exact where "number" may be rounded.
            let (kind, raw) = if let Some(big) = case.get("bignum") {
                ("bignum", big.clone())
            } else {
                case.iter()
                    .find(|(k, _)| k.as_str() != "msgpack")
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .expect("a value")
            };
            let expected = match kind {
                "bignum" => Value::Int(raw.as_str().expect("bignum").parse().expect("integer")),
                "binary" => Value::Bytes(hex(raw.as_str().expect("hex"))),
                "ext" => Value::Ext(
                    i8::try_from(raw[0].as_i64().expect("tag")).expect("i8 tag"),
                    hex(raw[1].as_str().expect("hex")),
                ),
                "timestamp" => Value::Null, // checked through `Timestamp` below
                _ => to_value(&raw),
            };
            out.push(Case {
                file: file.clone(),
                expected,
                kind: kind.to_owned(),
                raw,
                encodings,
            });
        }
    }
    Some(out)
}

/// Decodes every encoding as `T` and compares with `expected`, then checks
/// that encoding `expected` gives one of the encodings.
fn typed<T>(case: &Case, expected: &T)
where
    T: DecodeOwned + Encode + PartialEq + std::fmt::Debug,
{
    for bytes in &case.encodings {
        let got: T = msgpack::from_slice(bytes).unwrap_or_else(|e| {
            panic!(
                "{}: {bytes:02x?} as {}: {e}",
                case.file,
                std::any::type_name::<T>()
            )
        });
        assert_eq!(&got, expected, "{}: {bytes:02x?}", case.file);
    }
    let encoded = msgpack::to_vec(expected).expect("encode");
    assert!(
        case.encodings.contains(&encoded),
        "{}: encoded {expected:?} as {encoded:02x?}, not one of {:02x?}",
        case.file,
        case.encodings
    );
}

fn is_float_encoding(bytes: &[u8]) -> bool {
    matches!(bytes[0], 0xca | 0xcb)
}

/// Integers: each integer encoding decodes as the Rust types that hold the
/// value; float encodings decode as `f64` and are refused by integer types.
fn integer(case: &Case, value: i128) {
    for bytes in &case.encodings {
        if is_float_encoding(bytes) {
            #[allow(clippy::cast_precision_loss)]
            let want = value as f64;
            assert_eq!(
                msgpack::from_slice::<f64>(bytes).unwrap(),
                want,
                "{bytes:02x?}"
            );
            let err = msgpack::from_slice::<i64>(bytes).unwrap_err();
            assert_eq!(err.to_string(), "Expected `int`, got `float` - at `$`");
            continue;
        }
        assert_eq!(
            msgpack::from_slice::<i128>(bytes).unwrap(),
            value,
            "{bytes:02x?}"
        );
        match i64::try_from(value) {
            Ok(v) => assert_eq!(msgpack::from_slice::<i64>(bytes).unwrap(), v),
            Err(_) => assert!(msgpack::from_slice::<i64>(bytes).is_err()),
        }
        match u64::try_from(value) {
            Ok(v) => assert_eq!(msgpack::from_slice::<u64>(bytes).unwrap(), v),
            Err(_) => assert!(msgpack::from_slice::<u64>(bytes).is_err()),
        }
        match u8::try_from(value) {
            Ok(v) => assert_eq!(msgpack::from_slice::<u8>(bytes).unwrap(), v),
            Err(_) => assert!(msgpack::from_slice::<u8>(bytes).is_err()),
        }
        match i16::try_from(value) {
            Ok(v) => assert_eq!(msgpack::from_slice::<i16>(bytes).unwrap(), v),
            Err(_) => assert!(msgpack::from_slice::<i16>(bytes).is_err()),
        }
    }
    // Every Rust type that holds the value writes the same smallest form.
    let mut written = Vec::new();
    if let Ok(v) = i64::try_from(value) {
        written.push(msgpack::to_vec(&v).unwrap());
    }
    if let Ok(v) = u64::try_from(value) {
        written.push(msgpack::to_vec(&v).unwrap());
    }
    if let Ok(v) = i32::try_from(value) {
        written.push(msgpack::to_vec(&v).unwrap());
    }
    written.push(msgpack::to_vec(&Value::Int(value)).unwrap());
    for encoded in written {
        assert!(case.encodings.contains(&encoded), "{value}: {encoded:02x?}");
        let smallest = case
            .encodings
            .iter()
            .filter(|b| !is_float_encoding(b))
            .map(Vec::len)
            .min()
            .unwrap();
        assert_eq!(
            encoded.len(),
            smallest,
            "{value}: {encoded:02x?} is not the smallest form"
        );
    }
}

#[test]
fn msgpack_test_suite() {
    let Some(cases) = cases() else { return };
    let mut checked = 0;
    for case in &cases {
        // Schemaless: every encoding decodes to the value, and the value encodes to one of them.
        if case.kind != "timestamp" {
            for bytes in &case.encodings {
                let got: Value = msgpack::from_slice(bytes)
                    .unwrap_or_else(|e| panic!("{}: {bytes:02x?}: {e}", case.file));
                assert!(
                    same(&got, &case.expected),
                    "{}: {bytes:02x?}: {got:?}",
                    case.file
                );
            }
            let encoded = msgpack::to_vec(&case.expected).unwrap();
            assert!(
                case.encodings.contains(&encoded),
                "{}: {:?} encoded as {encoded:02x?}",
                case.file,
                case.expected
            );
        }

        match (case.kind.as_str(), &case.expected) {
            ("nil", _) => {
                typed(case, &());
                typed(case, &None::<u8>);
            }
            ("bool", Value::Bool(b)) => typed(case, b),
            ("binary", Value::Bytes(b)) => {
                typed(case, &ByteBuf::from(b.clone()));
                typed(case, &bytes::Bytes::from(b.clone()));
                for bytes in &case.encodings {
                    assert_eq!(msgpack::from_slice::<&[u8]>(bytes).unwrap(), &b[..]);
                }
            }
            ("number" | "bignum", Value::Int(i)) => integer(case, *i),
            ("number", Value::Float(f)) => {
                typed(case, f);
                #[allow(clippy::cast_possible_truncation)]
                let narrow = *f as f32;
                for bytes in &case.encodings {
                    assert_eq!(msgpack::from_slice::<f32>(bytes).unwrap(), narrow);
                }
            }
            ("string", Value::Str(s)) => {
                typed(case, s);
                for bytes in &case.encodings {
                    assert_eq!(msgpack::from_slice::<&str>(bytes).unwrap(), s);
                }
            }
            ("array", Value::Array(items)) => {
                let ints: Option<Vec<i64>> = items.iter().map(Value::as_i64).collect();
                let strs: Option<Vec<String>> = items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect();
                match (ints, strs) {
                    (Some(ints), _) => typed(case, &ints),
                    (_, Some(strs)) => typed(case, &strs),
                    _ => typed(case, items),
                }
            }
            ("map", Value::Object(map)) => {
                let typed_map: BTreeMap<String, Value> =
                    map.iter().map(|(k, v)| (k.to_owned(), v.clone())).collect();
                typed(case, &typed_map);
            }
            ("ext", Value::Ext(tag, data)) => {
                for bytes in &case.encodings {
                    let mut decoder = msgpack::MsgPackDecoder::new(bytes);
                    let (got_tag, got) = zerospec::Decoder::decode_ext(&mut decoder).unwrap();
                    assert_eq!((got_tag, &*got), (*tag, &data[..]));
                }
            }
            ("timestamp", _) => {
                let seconds = case.raw[0].as_i64().expect("seconds");
                let nanoseconds = u32::try_from(case.raw[1].as_u64().expect("nanos")).unwrap();
                let t = Timestamp {
                    seconds,
                    nanoseconds,
                };
                typed(case, &t);
                for bytes in &case.encodings {
                    // Schemaless, a timestamp is extension -1 with its raw data.
                    let got: Value = msgpack::from_slice(bytes).unwrap();
                    let Value::Ext(-1, data) = &got else {
                        panic!("{bytes:02x?}: {got:?}")
                    };
                    assert_eq!(&bytes[bytes.len() - data.len()..], &data[..]);
                    assert_eq!(msgpack::to_vec(&got).unwrap(), *bytes);
                }
            }
            (kind, value) => panic!("{}: unexpected case {kind}: {value:?}", case.file),
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} cases");
}
