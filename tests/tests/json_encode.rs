//! The JSON encoder writes the same bytes as serde_json, compact and pretty,
//! for every standard type: differential property tests plus exact cases.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use zerospec::json::{self, JsonEncoder};
use zerospec::{Encode, Encoder, ErrorKind};

/// A fixed seed and a moderate case count, so CI is deterministic; set
/// `PROPTEST_RNG_SEED` / `PROPTEST_CASES` to explore more.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x7a65_726f_7370_6563);
    }
    config.failure_persistence = None;
    config
}

/// Asserts that every zerospec encoding entry point agrees with serde_json.
fn assert_same<T: Encode + serde::Serialize + ?Sized>(value: &T) -> Result<(), TestCaseError> {
    let expected = serde_json::to_string(value).expect("serde_json encodes");
    let expected_pretty = serde_json::to_string_pretty(value).expect("serde_json encodes");
    prop_assert_eq!(
        &json::to_string(value).expect("zerospec encodes"),
        &expected
    );
    prop_assert_eq!(
        &json::to_vec(value).expect("zerospec encodes"),
        expected.as_bytes()
    );
    prop_assert_eq!(
        &json::to_string_pretty(value).expect("zerospec encodes"),
        &expected_pretty
    );
    prop_assert_eq!(
        &json::to_vec_pretty(value).expect("zerospec encodes"),
        expected_pretty.as_bytes()
    );
    let mut writer = Vec::new();
    json::to_writer(&mut writer, value).expect("zerospec encodes");
    prop_assert_eq!(&writer, expected.as_bytes());
    let mut writer = Vec::new();
    json::to_writer_pretty(&mut writer, value).expect("zerospec encodes");
    prop_assert_eq!(&writer, expected_pretty.as_bytes());
    Ok(())
}

fn same<T: Encode + serde::Serialize + ?Sized>(value: &T) {
    assert_same(value).unwrap();
}

/// Any `char`, with the ones JSON escaping cares about drawn often.
fn json_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => (0u8..0x20).prop_map(char::from),
        2 => (0x20u8..0x7f).prop_map(char::from),
        1 => prop::sample::select(vec!['"', '\\', '/', '\u{7f}', '\u{80}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{10ffff}']),
    ]
}

fn json_string() -> impl Strategy<Value = String> {
    prop::collection::vec(json_char(), 0..48).prop_map(String::from_iter)
}

/// Every `f64` bit pattern, with zeros, subnormals and round numbers drawn often.
fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => any::<u64>().prop_map(f64::from_bits),
        1 => (0u64..(1 << 52)).prop_map(f64::from_bits),
        1 => (0u64..(1 << 52)).prop_map(|bits| -f64::from_bits(bits)),
        1 => (-1_000_000i64..1_000_000).prop_map(|n| n as f64 / 100.0),
        1 => (-400i32..400).prop_map(|e| 10f64.powi(e)),
        1 => prop::sample::select(vec![0.0, -0.0, f64::MIN_POSITIVE, f64::MAX, f64::MIN, f64::EPSILON, 1e21, 1e-7, 123456789012345680.0]),
    ]
}

fn any_f32() -> impl Strategy<Value = f32> {
    prop_oneof![
        4 => any::<u32>().prop_map(f32::from_bits),
        1 => (0u32..(1 << 23)).prop_map(f32::from_bits),
        1 => (-100_000i32..100_000).prop_map(|n| n as f32 / 10.0),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn floats(x in any_f64(), y in any_f32()) {
        assert_same(&x)?;
        assert_same(&y)?;
        assert_same(&vec![x, -x])?;
        assert_same(&(y, x))?;
    }

    #[test]
    fn integers(
        a in any::<i8>(), b in any::<i16>(), c in any::<i32>(), d in any::<i64>(), e in any::<i128>(),
        f in any::<isize>(), g in any::<u8>(), h in any::<u16>(), i in any::<u32>(), j in any::<u64>(),
        k in any::<u128>(), l in any::<usize>(),
    ) {
        assert_same(&(a, b, c, d, e, f, g, h, i, j, k, l))?;
        assert_same(&BTreeMap::from([(a, b)]))?;
        assert_same(&BTreeMap::from([(e, k)]))?;
        assert_same(&BTreeMap::from([(k, e)]))?;
        assert_same(&BTreeMap::from([(j, d), (j / 2, d / 2)]))?;
    }

    #[test]
    fn strings(s in json_string(), c in json_char()) {
        assert_same(&s)?;
        assert_same(s.as_str())?;
        assert_same(&c)?;
        assert_same(&Cow::Borrowed(s.as_str()))?;
        assert_same(&Box::<str>::from(s.as_str()))?;
        assert_same(&BTreeMap::from([(s.clone(), c)]))?;
        assert_same(&BTreeMap::from([(c, s.clone())]))?;
    }

    #[test]
    fn sequences(
        v in prop::collection::vec(any::<i32>(), 0..8),
        bytes in prop::collection::vec(any::<u8>(), 0..8),
        nested in prop::collection::vec(prop::collection::vec(any::<bool>(), 0..3), 0..4),
        array in any::<[i16; 3]>(),
    ) {
        assert_same(&v)?;
        assert_same(&VecDeque::from(v.clone()))?;
        assert_same(v.as_slice())?;
        assert_same(&v.clone().into_boxed_slice())?;
        assert_same(&bytes)?;
        assert_same(&nested)?;
        assert_same(&array)?;
        assert_same(&[array, array])?;
        assert_same(&v.iter().copied().collect::<BTreeSet<_>>())?;
        assert_same(&v.iter().copied().collect::<HashSet<_>>())?;
    }

    #[test]
    fn options_and_pointers(
        v in prop::collection::vec(prop::option::of(prop::option::of(any::<u16>())), 0..6),
        s in prop::option::of(json_string()),
    ) {
        assert_same(&v)?;
        assert_same(&s)?;
        assert_same(&Box::new(v.clone()))?;
        assert_same(&Rc::new(s.clone()))?;
        assert_same(&Arc::new(&s))?;
        assert_same(&&mut v.clone())?;
    }

    #[test]
    fn maps(
        by_name in prop::collection::btree_map(json_string(), prop::collection::vec(any_f64(), 0..3), 0..5),
        by_id in prop::collection::hash_map(any::<u32>(), prop::option::of(json_string()), 0..5),
        by_flag in prop::collection::btree_map(any::<bool>(), any::<i8>(), 0..3),
        nested in prop::collection::btree_map(any::<i64>(), prop::collection::btree_map(json_string(), any::<u8>(), 0..3), 0..3),
    ) {
        assert_same(&by_name)?;
        assert_same(&by_id)?;
        assert_same(&by_flag)?;
        assert_same(&nested)?;
        let borrowed: HashMap<&str, usize> = by_name.iter().map(|(k, v)| (k.as_str(), v.len())).collect();
        assert_same(&borrowed)?;
    }

    #[test]
    fn tuples(
        t in (any::<u8>(), json_string(), any_f64(), prop::option::of(any::<char>()), any::<bool>()),
        u in prop::collection::vec((any::<i64>(), (any::<u8>(), any::<bool>())), 0..4),
    ) {
        assert_same(&t)?;
        assert_same(&u)?;
        assert_same(&((), (t.0,), PhantomData::<String>))?;
    }
}

#[test]
fn integer_extremes() {
    same(&(i8::MIN, i8::MAX, i16::MIN, i16::MAX, i32::MIN, i32::MAX));
    same(&(
        i64::MIN,
        i64::MAX,
        i128::MIN,
        i128::MAX,
        isize::MIN,
        isize::MAX,
    ));
    same(&(
        u8::MAX,
        u16::MAX,
        u32::MAX,
        u64::MAX,
        u128::MAX,
        usize::MAX,
        0u8,
    ));
    same(&BTreeMap::from([
        (i128::MIN, 0),
        (i128::MAX, 1),
        (0, 2),
        (-1, 3),
    ]));
    same(&BTreeMap::from([(u64::MAX, ()), (0, ())]));
}

#[test]
fn float_special_cases() {
    for x in [
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        1e21,
        1e22,
        1e-7,
        5e-324,
        -5e-324,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        f64::MAX,
        f64::MIN,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        9007199254740993.0,
    ] {
        same(&x);
    }
    for x in [
        0.0f32,
        -0.0,
        0.1,
        1e-45,
        f32::MAX,
        f32::MIN_POSITIVE,
        f32::NAN,
        f32::INFINITY,
        16777217.0,
    ] {
        same(&x);
    }
    assert_eq!(
        json::to_string(&[f64::NAN, f64::INFINITY]).unwrap(),
        "[null,null]"
    );
    assert_eq!(json::to_string(&0.1f32).unwrap(), "0.1");
}

#[test]
fn every_control_character_and_the_escape_set() {
    let all: String = (0u32..0x80).filter_map(char::from_u32).collect();
    same(&all);
    for c in (0u32..0x20).filter_map(char::from_u32) {
        same(&c);
        same(&format!("ab{c}cdefghij{c}"));
    }
    assert_eq!(
        json::to_string("\"\\/\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}\u{2028}").unwrap(),
        "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u{7f}\u{2028}\""
    );
}

#[test]
fn long_strings_with_escapes_at_every_offset() {
    for len in [7, 8, 9, 15, 16, 17, 63, 64, 65] {
        for at in 0..len {
            for special in ['"', '\\', '\n', '\u{1}', 'é', '😀'] {
                let mut s: String = "x".repeat(len);
                s.replace_range(at..=at, &special.to_string());
                same(&s);
            }
        }
    }
}

#[test]
fn empty_and_nested_containers_pretty() {
    same(&Vec::<u8>::new());
    same(&vec![Vec::<u8>::new()]);
    same(&vec![vec![Vec::<u8>::new(), vec![1]], vec![]]);
    same(&BTreeMap::<String, u8>::new());
    same(&vec![BTreeMap::<String, u8>::new()]);
    same(&BTreeMap::from([(
        "a",
        BTreeMap::from([("b", vec![BTreeMap::<u8, u8>::new()])]),
    )]));
    same(&[(); 0]);
    same(&((), ()));
    assert_eq!(
        json::to_string_pretty(&BTreeMap::from([("a", vec![1, 2]), ("b", vec![])])).unwrap(),
        "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": []\n}"
    );
}

#[test]
fn sixteen_tuple() {
    let t = (
        1u8,
        2i16,
        3u32,
        4i64,
        5u128,
        "6",
        '7',
        8.5f64,
        9.5f32,
        true,
        (),
        Some(12),
        None::<u8>,
        [14],
        (15,),
        vec![16],
    );
    same(&t);
}

/// Binary data, written by `encode_bytes` and by serde_json's `serialize_bytes`.
struct Blob(Vec<u8>);

impl Encode for Blob {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> zerospec::Result<()> {
        encoder.encode_bytes(&self.0)
    }
}

impl serde::Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

#[test]
fn bytes_are_arrays_of_numbers() {
    same(&Blob(vec![]));
    same(&Blob(vec![0, 1, 127, 128, 255]));
    same(&vec![Blob(vec![7]), Blob(vec![])]);
    same(&BTreeMap::from([("bin", Blob((0..=255).collect()))]));
}

/// An enum written through the default variant methods, beside serde's derive.
#[derive(serde::Serialize)]
enum Shape {
    Empty,
    Circle(f64),
    Rect { w: u32, h: u32 },
}

impl Encode for Shape {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> zerospec::Result<()> {
        match self {
            Shape::Empty => encoder.unit_variant("Empty", 0),
            Shape::Circle(r) => {
                let map = encoder.variant_begin("Circle", 1)?;
                r.encode(encoder)?;
                encoder.map_end(map)
            }
            Shape::Rect { w, h } => {
                let outer = encoder.variant_begin("Rect", 2)?;
                let mut inner = encoder.map_begin(Some(2))?;
                encoder.map_field(&mut inner, "w")?;
                w.encode(encoder)?;
                encoder.map_field(&mut inner, "h")?;
                h.encode(encoder)?;
                encoder.map_end(inner)?;
                encoder.map_end(outer)
            }
        }
    }
}

#[test]
fn enum_variants_as_serde_writes_them() {
    same(&Shape::Empty);
    same(&Shape::Circle(1.5));
    same(&Shape::Rect { w: 2, h: 3 });
    same(&vec![
        Shape::Empty,
        Shape::Circle(-0.0),
        Shape::Rect { w: 0, h: u32::MAX },
    ]);
}

/// A struct whose field names need escaping, written through `map_field`.
#[derive(serde::Serialize)]
struct OddNames {
    #[serde(rename = "plain")]
    a: u8,
    #[serde(rename = "quote\"d")]
    b: u8,
    #[serde(rename = "tab\there")]
    c: u8,
}

impl Encode for OddNames {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> zerospec::Result<()> {
        let mut map = encoder.map_begin(Some(3))?;
        encoder.map_field(&mut map, "plain")?;
        self.a.encode(encoder)?;
        encoder.map_field(&mut map, "quote\"d")?;
        self.b.encode(encoder)?;
        encoder.map_field(&mut map, "tab\there")?;
        self.c.encode(encoder)?;
        encoder.map_end(map)
    }
}

#[test]
fn field_names_are_escaped_when_needed() {
    same(&OddNames { a: 1, b: 2, c: 3 });
    same(&vec![OddNames { a: 1, b: 2, c: 3 }]);
}

#[test]
fn reusable_encoder_appends_and_reuses_the_buffer() {
    let mut buf = b"prefix ".to_vec();
    vec![1u8, 2]
        .encode(&mut JsonEncoder::new(&mut buf))
        .unwrap();
    assert_eq!(buf, b"prefix [1,2]");

    let mut buf = Vec::new();
    let mut capacity = 0;
    for i in 0..100u32 {
        buf.clear();
        json::append_to_vec(&mut buf, &BTreeMap::from([("i", i)])).unwrap();
        assert_eq!(buf, format!("{{\"i\":{i}}}").as_bytes());
        if i == 1 {
            capacity = buf.capacity();
        }
    }
    assert_eq!(buf.capacity(), capacity, "steady state does not reallocate");

    let mut text = String::from(">");
    (1, "a")
        .encode(&mut JsonEncoder::pretty(&mut text))
        .unwrap();
    assert_eq!(text, ">[\n  1,\n  \"a\"\n]");

    let mut buf = Vec::new();
    json::append_to_vec_pretty(&mut buf, &[[1]]).unwrap();
    assert_eq!(buf, b"[\n  [\n    1\n  ]\n]");
}

/// A value whose encoding fails halfway, to show a failed append leaves the buffer as it was.
struct FailsLate;

impl Encode for FailsLate {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> zerospec::Result<()> {
        let mut seq = encoder.seq_begin(2)?;
        encoder.seq_elem(&mut seq)?;
        encoder.encode_str("written")?;
        Err(zerospec::Error::custom("no second element"))
    }
}

#[test]
fn failed_append_leaves_the_buffer_untouched() {
    let mut buf = b"kept".to_vec();
    let err = json::append_to_vec(&mut buf, &FailsLate).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Custom);
    assert_eq!(buf, b"kept");
    let err = json::to_vec(&vec![FailsLate]).unwrap_err();
    assert_eq!(err.message(), "no second element");
    let mut out = Vec::new();
    assert!(json::to_writer(&mut out, &FailsLate).is_err());
    assert!(out.is_empty(), "nothing is written when encoding fails");
}

#[test]
fn pretty_with_custom_indent() {
    let mut buf = Vec::new();
    BTreeMap::from([("k", [1, 2])])
        .encode(&mut JsonEncoder::with_formatter(
            &mut buf,
            json::Pretty::with_indent("\t"),
        ))
        .unwrap();
    let mut expected = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut expected, formatter);
    serde::Serialize::serialize(&BTreeMap::from([("k", [1, 2])]), &mut ser).unwrap();
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        String::from_utf8(expected).unwrap()
    );
}

/// A MessagePack extension value, which JSON cannot hold.
struct Ext;

impl Encode for Ext {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> zerospec::Result<()> {
        encoder.encode_ext(1, b"\x01")
    }
}

#[test]
fn extension_values_have_no_json_form() {
    let err = json::to_vec(&vec![Ext]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    let mut buf = b"[".to_vec();
    assert!(json::append_to_vec(&mut buf, &Ext).is_err());
    assert_eq!(buf, b"[");
}
