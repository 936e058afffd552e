//! The serde bridge (`zerospec::serde`): serde-derived types through
//! zerospec's encoders and decoders, byte for byte against serde_json and
//! `rmp_serde::to_vec_named`, with zerospec's error messages and paths; the
//! flat format's embedded MessagePack; `Value` and `Serde<T>` in serde.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;

use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use zerospec::json::{JsonDecoder, JsonEncoder};
use zerospec::msgpack::{MsgPackDecoder, MsgPackEncoder};
use zerospec::serde::{Serde, SerdeView};
use zerospec::{Decode, Decoder, Encode, Encoder, Value};

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5e4d_e0b4_1d9e_0001);
    }
    config.failure_persistence = None;
    config
}

// ----- helpers -----

fn to_json<T: Serialize + ?Sized>(value: &T) -> zerospec::Result<String> {
    let mut out = Vec::new();
    zerospec::serde::encode(value, &mut JsonEncoder::new(&mut out))?;
    Ok(String::from_utf8(out).expect("JSON is UTF-8"))
}

fn to_msgpack<T: Serialize + ?Sized>(value: &T) -> zerospec::Result<Vec<u8>> {
    let mut out = Vec::new();
    zerospec::serde::encode(value, &mut MsgPackEncoder::new(&mut out))?;
    Ok(out)
}

fn from_json<'de, T: Deserialize<'de>>(input: &'de [u8]) -> zerospec::Result<T> {
    let mut decoder = JsonDecoder::new(input);
    let value = zerospec::serde::decode(&mut decoder)?;
    decoder.end()?;
    Ok(value)
}

fn from_msgpack<'de, T: Deserialize<'de>>(input: &'de [u8]) -> zerospec::Result<T> {
    let mut decoder = MsgPackDecoder::new(input);
    let value = zerospec::serde::decode(&mut decoder)?;
    decoder.end()?;
    Ok(value)
}

/// The bridge writes serde_json's and rmp-serde's bytes for `value`, and
/// reads them back to `value`.
#[track_caller]
fn agrees<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) {
    let json = to_json(value).unwrap();
    assert_eq!(
        json,
        serde_json::to_string(value).unwrap(),
        "JSON of {value:?}"
    );
    let msgpack = to_msgpack(value).unwrap();
    assert_eq!(
        msgpack,
        rmp_serde::to_vec_named(value).unwrap(),
        "MessagePack of {value:?}"
    );
    assert_eq!(
        &from_json::<T>(json.as_bytes()).unwrap(),
        value,
        "from {json}"
    );
    assert_eq!(
        &from_msgpack::<T>(&msgpack).unwrap(),
        value,
        "from {msgpack:x?}"
    );
}

fn json_err<T: DeserializeOwned + Debug>(input: &str) -> String {
    from_json::<T>(input.as_bytes()).unwrap_err().to_string()
}

fn msgpack_err<T: DeserializeOwned + Debug>(input: &[u8]) -> String {
    from_msgpack::<T>(input).unwrap_err().to_string()
}

// ----- the battery of serde types -----

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone, Default)]
struct Plain {
    id: u32,
    name: String,
    score: Option<f64>,
    tags: Vec<i16>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct TupleStruct(u8, String, bool);

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Newtype(u64);

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct UnitStruct;

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
enum External {
    Unit,
    Newtype(u32),
    Tuple(u8, i8),
    Struct { x: i32, y: Option<String> },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Inner {
    v: u16,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "type")]
enum Internal {
    A { x: u32 },
    B(Inner),
    C,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    A(u32),
    B { y: String },
    C,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum Untagged {
    Int(i64),
    Text(String),
    Pair(u8, u8),
    Object { k: bool },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Renamed {
    user_id: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    nick_name: Option<String>,
    #[serde(default)]
    is_admin: bool,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Flattened {
    id: u32,
    #[serde(flatten)]
    rest: BTreeMap<String, u32>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Binary {
    #[serde(with = "serde_bytes")]
    raw: Vec<u8>,
    buf: serde_bytes::ByteBuf,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Wide {
    big: i128,
    huge: u128,
    letter: char,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Nested {
    grid: Vec<Vec<u32>>,
    by_name: BTreeMap<String, External>,
    by_id: BTreeMap<u32, String>,
    negative: BTreeMap<i64, bool>,
}

#[test]
fn structs_tuples_newtypes_and_units() {
    agrees(&Plain {
        id: 7,
        name: "ada \"lovelace\"\n".into(),
        score: Some(-1.5),
        tags: vec![1, -2, 300],
    });
    agrees(&Plain {
        id: 0,
        name: String::new(),
        score: None,
        tags: vec![],
    });
    agrees(&TupleStruct(255, "x".into(), true));
    agrees(&Newtype(u64::MAX));
    agrees(&UnitStruct);
    agrees(&());
    agrees(&(1u8, "two".to_owned(), 3.5f32));
}

#[test]
fn unit_structs_are_null_in_json_and_an_empty_array_in_messagepack() {
    assert_eq!(to_json(&UnitStruct).unwrap(), "null");
    assert_eq!(to_msgpack(&UnitStruct).unwrap(), [0x90]);
    // rmp-serde reads nil too.
    assert_eq!(from_msgpack::<UnitStruct>(&[0xc0]).unwrap(), UnitStruct);
}

#[test]
fn every_enum_tagging() {
    for value in [
        External::Unit,
        External::Newtype(9),
        External::Tuple(1, -1),
        External::Struct { x: -5, y: None },
        External::Struct {
            x: 5,
            y: Some("y".into()),
        },
    ] {
        agrees(&value);
    }
    agrees(&Internal::A { x: 1 });
    agrees(&Internal::B(Inner { v: 2 }));
    agrees(&Internal::C);
    agrees(&Adjacent::A(1));
    agrees(&Adjacent::B { y: "b".into() });
    agrees(&Adjacent::C);
    agrees(&Untagged::Int(-3));
    agrees(&Untagged::Text("t".into()));
    agrees(&Untagged::Pair(1, 2));
    agrees(&Untagged::Object { k: true });
}

#[test]
fn enum_bytes_are_externally_tagged_as_zerospec_writes_them() {
    assert_eq!(to_json(&External::Unit).unwrap(), r#""Unit""#);
    assert_eq!(to_json(&External::Newtype(9)).unwrap(), r#"{"Newtype":9}"#);
    assert_eq!(
        to_json(&External::Tuple(1, -1)).unwrap(),
        r#"{"Tuple":[1,-1]}"#
    );
    assert_eq!(
        to_json(&External::Struct { x: 1, y: None }).unwrap(),
        r#"{"Struct":{"x":1,"y":null}}"#
    );
    assert_eq!(
        to_msgpack(&External::Newtype(9)).unwrap(),
        [0x81, 0xa7, b'N', b'e', b'w', b't', b'y', b'p', b'e', 0x09]
    );
    // A unit variant in the map form reads too, as serde_json and rmp-serde read it.
    assert_eq!(
        from_json::<External>(br#"{"Unit": null}"#).unwrap(),
        External::Unit
    );
    assert_eq!(
        from_msgpack::<External>(&[0x81, 0xa4, b'U', b'n', b'i', b't', 0xc0]).unwrap(),
        External::Unit
    );
    // And by index in MessagePack, as rmp-serde reads it.
    assert_eq!(from_msgpack::<External>(&[0x00]).unwrap(), External::Unit);
}

#[test]
fn options_renames_skips_and_flatten() {
    agrees(&Some(Some(3u8)));
    agrees(&None::<u8>);
    agrees(&Renamed {
        user_id: 1,
        nick_name: None,
        is_admin: true,
    });
    agrees(&Renamed {
        user_id: 2,
        nick_name: Some("n".into()),
        is_admin: false,
    });
    assert_eq!(
        to_json(&Renamed {
            user_id: 1,
            nick_name: None,
            is_admin: false
        })
        .unwrap(),
        r#"{"userId":1,"isAdmin":false}"#
    );
    // Flatten writes a map of unknown length: MessagePack's header is patched.
    agrees(&Flattened {
        id: 1,
        rest: BTreeMap::from([("a".into(), 2), ("b".into(), 3)]),
    });
    let many: BTreeMap<String, u32> = (0..20).map(|i| (format!("k{i}"), i)).collect();
    agrees(&Flattened { id: 1, rest: many });
}

#[test]
fn maps_with_string_and_integer_keys() {
    agrees(&BTreeMap::from([
        ("a".to_owned(), 1u8),
        ("\u{e9}".to_owned(), 2),
    ]));
    agrees(&BTreeMap::from([
        (1u32, "one".to_owned()),
        (u32::MAX, "max".into()),
    ]));
    agrees(&BTreeMap::from([(-1i64, true), (i64::MIN, false)]));
    agrees(&BTreeMap::from([(true, 1u8), (false, 0)]));
    agrees(&BTreeMap::from([('c', 1u8)]));
    agrees(&BTreeMap::from([(u128::MAX, 1u8)]));
    let hashed: HashMap<u32, Vec<String>> =
        (0..40).map(|i| (i * 7919, vec![i.to_string()])).collect();
    agrees(&hashed);
    // Integer keys are quoted in JSON and integers in MessagePack.
    assert_eq!(
        to_json(&BTreeMap::from([(7u32, 1u8)])).unwrap(),
        r#"{"7":1}"#
    );
    assert_eq!(
        to_msgpack(&BTreeMap::from([(7u32, 1u8)])).unwrap(),
        [0x81, 0x07, 0x01]
    );
    // Float keys are quoted as serde_json quotes them.
    let float_keys = to_json(&Float2Key).unwrap();
    assert_eq!(float_keys, serde_json::to_string(&Float2Key).unwrap());
    assert_eq!(float_keys, r#"{"1.5":1}"#);
}

/// A map with a float key, which serde_json writes quoted.
struct Float2Key;

impl Serialize for Float2Key {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry(&1.5f64, &1u8)?;
        map.end()
    }
}

#[test]
fn keys_json_cannot_hold_are_refused_as_serde_json_refuses_them() {
    let by_pair = BTreeMap::from([((1u8, 2u8), true)]);
    assert!(serde_json::to_string(&by_pair).is_err());
    let err = to_json(&by_pair).unwrap_err();
    assert_eq!(err.message(), "key must be a string");
    assert_eq!(err.kind(), zerospec::ErrorKind::Unsupported);
    // MessagePack keys are values: the pair is an array key, as in rmp-serde.
    assert_eq!(
        to_msgpack(&by_pair).unwrap(),
        rmp_serde::to_vec_named(&by_pair).unwrap()
    );
    assert_eq!(
        from_msgpack::<BTreeMap<(u8, u8), bool>>(&to_msgpack(&by_pair).unwrap()).unwrap(),
        by_pair
    );
}

#[test]
fn nested_collections() {
    agrees(&Nested {
        grid: vec![vec![1, 2], vec![], vec![3]],
        by_name: BTreeMap::from([
            ("u".into(), External::Unit),
            ("s".into(), External::Struct { x: 1, y: None }),
        ]),
        by_id: BTreeMap::from([(3, "three".into())]),
        negative: BTreeMap::from([(-7, true)]),
    });
    let long: Vec<u32> = (0..70_000).collect();
    agrees(&long);
}

#[test]
fn bytes_wide_integers_and_chars() {
    agrees(&Binary {
        raw: vec![0, 1, 255],
        buf: serde_bytes::ByteBuf::from(vec![9; 300]),
    });
    // JSON writes bytes as numbers; MessagePack as `bin`.
    let small = Binary {
        raw: vec![1],
        buf: serde_bytes::ByteBuf::from(vec![2]),
    };
    assert_eq!(to_json(&small).unwrap(), r#"{"raw":[1],"buf":[2]}"#);
    assert_eq!(
        to_msgpack(&small).unwrap(),
        [
            0x82, 0xa3, b'r', b'a', b'w', 0xc4, 1, 1, 0xa3, b'b', b'u', b'f', 0xc4, 1, 2
        ]
    );
    agrees(&Wide {
        big: i128::MIN,
        huge: u128::MAX,
        letter: '\u{1f600}',
    });
    agrees(&Wide {
        big: -1,
        huge: 0,
        letter: '"',
    });
}

#[test]
fn float_special_values_as_serde_json_writes_them() {
    let specials = vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -0.0,
        1e300,
        5e-324,
    ];
    assert_eq!(
        to_json(&specials).unwrap(),
        serde_json::to_string(&specials).unwrap()
    );
    assert_eq!(
        to_json(&specials).unwrap(),
        "[null,null,null,-0.0,1e+300,5e-324]"
    );
    assert_eq!(
        to_msgpack(&specials).unwrap(),
        rmp_serde::to_vec_named(&specials).unwrap()
    );
    let narrow = vec![f32::NAN, f32::MAX, 0.1f32];
    assert_eq!(
        to_json(&narrow).unwrap(),
        serde_json::to_string(&narrow).unwrap()
    );
    assert_eq!(
        to_msgpack(&narrow).unwrap(),
        rmp_serde::to_vec_named(&narrow).unwrap()
    );
    agrees(&vec![0.1f32, -2.5, f32::MIN_POSITIVE]);
    agrees(&vec![0.1f64, 1e-7, 123_456_789.012]);
}

#[derive(Deserialize, Debug, PartialEq)]
struct Borrowed<'a> {
    text: &'a str,
    #[serde(borrow)]
    cow: Cow<'a, str>,
    #[serde(borrow, with = "serde_bytes")]
    raw: &'a [u8],
}

fn within(inner: &[u8], outer: &[u8]) -> bool {
    let range = outer.as_ptr_range();
    range.contains(&inner.as_ptr()) && inner.len() <= outer.len()
}

#[test]
fn borrowed_strings_really_borrow() {
    let input = br#"{"text": "plain", "cow": "also plain", "raw": "bytes"}"#;
    let value: Borrowed<'_> = from_json(input).unwrap();
    assert_eq!(value.text, "plain");
    assert!(within(value.text.as_bytes(), input));
    assert!(matches!(value.cow, Cow::Borrowed(_)));
    assert!(within(value.cow.as_bytes(), input));
    assert!(within(value.raw, input));

    // An escaped string cannot be borrowed: `Cow` copies it, `&str` refuses.
    let input = br#"{"text": "plain", "cow": "esc\"aped", "raw": "r"}"#;
    let value: Borrowed<'_> = from_json(input).unwrap();
    assert_eq!(value.cow, "esc\"aped");
    assert!(matches!(value.cow, Cow::Owned(_)));
    let input = br#"{"text": "esc\"aped", "cow": "", "raw": ""}"#;
    let err = from_json::<Borrowed<'_>>(input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected a string without escapes, which `&str` can borrow from the input; \
         decode into `String` or `Cow<str>` to accept any string - at `$.text`"
    );

    // MessagePack strings and bins always borrow.
    #[derive(Serialize)]
    struct Owned {
        text: String,
        cow: String,
        #[serde(with = "serde_bytes")]
        raw: Vec<u8>,
    }
    let bytes = rmp_serde::to_vec_named(&Owned {
        text: "t".into(),
        cow: "c".into(),
        raw: vec![1, 2],
    })
    .unwrap();
    let value: Borrowed<'_> = from_msgpack(&bytes).unwrap();
    assert!(within(value.text.as_bytes(), &bytes));
    assert!(matches!(value.cow, Cow::Borrowed(_)));
    assert!(within(value.raw, &bytes));
}

// ----- is_human_readable -----

/// Serializes as whether its serializer is human-readable.
#[derive(Debug, PartialEq)]
struct Readable(bool);

impl Serialize for Readable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let human = s.is_human_readable();
        s.serialize_bool(human)
    }
}

impl<'de> Deserialize<'de> for Readable {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let human = d.is_human_readable();
        IgnoredAny::deserialize(d)?;
        Ok(Readable(human))
    }
}

/// Encodes as whether its zerospec encoder is human-readable.
#[derive(Debug, PartialEq)]
struct ZsReadable(bool);

impl Encode for ZsReadable {
    fn encode<E: Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
        e.encode_bool(E::HUMAN_READABLE)
    }
}

impl<'de> Decode<'de> for ZsReadable {
    fn decode<D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Self> {
        d.skip_value()?;
        Ok(ZsReadable(D::HUMAN_READABLE))
    }
}

#[test]
fn is_human_readable_follows_the_format() {
    assert_eq!(to_json(&Readable(false)).unwrap(), "true");
    assert_eq!(to_msgpack(&Readable(false)).unwrap(), [0xc2]);
    assert_eq!(from_json::<Readable>(b"1").unwrap(), Readable(true));
    assert_eq!(from_msgpack::<Readable>(&[0x01]).unwrap(), Readable(false));
    // Nested values see the same answer.
    assert_eq!(to_msgpack(&vec![Readable(true)]).unwrap(), [0x91, 0xc2]);
    assert_eq!(
        from_msgpack::<Vec<Readable>>(&[0x91, 0x01]).unwrap(),
        [Readable(false)]
    );
    // `Serde<T>` passes it on to `T`'s zerospec impls.
    assert_eq!(
        serde_json::to_string(&Serde(ZsReadable(false))).unwrap(),
        "true"
    );
    assert_eq!(
        rmp_serde::to_vec_named(&Serde(ZsReadable(true))).unwrap(),
        [0xc2]
    );
    let Serde(read) = serde_json::from_str::<Serde<ZsReadable>>("0").unwrap();
    assert_eq!(read, ZsReadable(true));
    let Serde(read) = rmp_serde::from_slice::<Serde<ZsReadable>>(&[0x00]).unwrap();
    assert_eq!(read, ZsReadable(false));
}

// ----- errors: zerospec's wording, with paths -----

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Leaf {
    b: u32,
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Tree {
    a: Vec<Leaf>,
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Pair {
    a: u32,
    b: String,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    a: u32,
}

/// The zerospec-derived twins, whose messages the bridge must match.
mod twins {
    #[derive(zerospec::Decode, Debug)]
    #[allow(dead_code)]
    pub struct Pair {
        pub a: u32,
        pub b: String,
    }

    #[derive(zerospec::Decode, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    pub struct Strict {
        pub a: u32,
    }

    #[derive(zerospec::Decode, Debug)]
    #[allow(dead_code)]
    pub enum External {
        Unit,
        Newtype(u32),
        Tuple(u8, i8),
        Struct { x: i32, y: Option<String> },
    }
}

#[test]
fn type_errors_carry_the_path() {
    assert_eq!(
        json_err::<Pair>(r#"{"a": "1", "b": "x"}"#),
        "Expected `int`, got `str` - at `$.a`"
    );
    assert_eq!(
        json_err::<Tree>(r#"{"a": [{"b": 1}, {"b": "2"}]}"#),
        "Expected `int`, got `str` - at `$.a[1].b`"
    );
    let tree = [
        0x81, 0xa1, b'a', 0x92, 0x81, 0xa1, b'b', 0x01, 0x81, 0xa1, b'b', 0xa1, b'2',
    ];
    assert_eq!(
        msgpack_err::<Tree>(&tree),
        "Expected `int`, got `str` - at `$.a[1].b`"
    );
    assert_eq!(
        json_err::<BTreeMap<String, u8>>(r#"{"k": 1, "big": 300}"#),
        r#"Expected `int` <= 255 - at `$["big"]`"#
    );
    assert_eq!(
        json_err::<BTreeMap<u32, u8>>(r#"{"7": -1}"#),
        r#"Expected `int` >= 0 - at `$["7"]`"#
    );
    // MessagePack keys are values: an integer key is named by its digits.
    assert_eq!(
        msgpack_err::<BTreeMap<u32, u8>>(&[0x81, 0x07, 0xcd, 0x01, 0x00]),
        r#"Expected `int` <= 255 - at `$["7"]`"#
    );
    assert_eq!(
        json_err::<External>(r#"{"Struct": {"x": "a", "y": null}}"#),
        "Expected `int`, got `str` - at `$.Struct.x`"
    );
    assert_eq!(
        msgpack_err::<External>(&[0x81, 0xa7, b'N', b'e', b'w', b't', b'y', b'p', b'e', 0xc2]),
        "Expected `int`, got `bool` - at `$.Newtype`"
    );
    assert_eq!(
        json_err::<Vec<char>>(r#"["ab"]"#),
        "Expected `str` of length 1 - at `$[0]`"
    );
}

/// The bridge reports a serde type's failure as zerospec reports its twin's.
#[track_caller]
fn same_error<S: DeserializeOwned + Debug, Z: zerospec::DecodeOwned + Debug>(input: &str) {
    let bridged = json_err::<S>(input);
    let native = zerospec::json::from_str::<Z>(input)
        .unwrap_err()
        .to_string();
    assert_eq!(bridged, native, "on {input}");
}

#[test]
fn errors_read_as_the_zerospec_derive_reports_them() {
    same_error::<Pair, twins::Pair>(r#"{"a": 1}"#);
    same_error::<Pair, twins::Pair>(r#"{"a": true, "b": ""}"#);
    same_error::<Pair, twins::Pair>(r#"{"a": 1, "b": 2}"#);
    same_error::<Pair, twins::Pair>(r#"{"a": 4294967296, "b": ""}"#);
    same_error::<Pair, twins::Pair>(r#"{"a": 1, "a": 2, "b": ""}"#);
    same_error::<Strict, twins::Strict>(r#"{"a": 1, "z": 2}"#);
    same_error::<External, twins::External>(r#""Nope""#);
    same_error::<External, twins::External>(r#"{"Nope": 1}"#);
    same_error::<External, twins::External>(r#"{"Newtype": "x"}"#);
    same_error::<External, twins::External>(r#"{"Tuple": [1, "x"]}"#);
    same_error::<External, twins::External>(r#"{"Struct": {"x": 1, "y": 2}}"#);
    same_error::<External, twins::External>(r#"7"#);
    same_error::<External, twins::External>(r#"{}"#);
    same_error::<External, twins::External>(r#"{"Unit": null, "Newtype": 1}"#);
    same_error::<(u8, u8), (u8, u8)>(r#"[1]"#);
    same_error::<(u8, u8), (u8, u8)>(r#"[1, 2, 3]"#);
    same_error::<Vec<u8>, Vec<u8>>(r#"[1, 256]"#);
    same_error::<Vec<u8>, Vec<u8>>(r#"[1, 2"#);
    same_error::<String, String>(r#"[]"#);
}

#[test]
fn exact_messages_for_serde_s_own_checks() {
    assert_eq!(
        json_err::<Pair>(r#"{"a": 1}"#),
        "Object missing required field `b` - at `$`"
    );
    assert_eq!(
        json_err::<Strict>(r#"{"a": 1, "z": 2}"#),
        "Object contains unknown field `z` - at `$`"
    );
    assert_eq!(
        json_err::<Pair>(r#"{"a": 1, "a": 2, "b": ""}"#),
        "Object contains duplicate field `a` - at `$`"
    );
    assert_eq!(
        json_err::<External>(r#""Nope""#),
        "Invalid enum value `Nope` - at `$`"
    );
    assert_eq!(
        json_err::<(u8, u8)>("[1]"),
        "Expected `array` of length 2 - at `$`"
    );
    assert_eq!(
        json_err::<External>("{}"),
        "Expected `object` with a single key - at `$`"
    );
    // Inside a value serde buffers (internally tagged, untagged), serde's
    // checks still read as zerospec's, without a path below the buffer.
    assert_eq!(
        json_err::<Internal>(r#"{"type": "A", "x": "1"}"#),
        "Expected `int`, got `str` - at `$`"
    );
    // serde reads the tag through `deserialize_map`, whose keys are named
    // as a map's are.
    assert_eq!(
        json_err::<Internal>(r#"{"type": "Z"}"#),
        r#"Invalid enum value `Z` - at `$["type"]`"#
    );
    // A struct reads from an array too, as serde_json and rmp-serde read it
    // (zerospec's derive needs `array_like` for that).
    assert_eq!(
        json_err::<Pair>("[1]"),
        "Expected `array` of length 2 - at `$`"
    );
    assert_eq!(from_json::<Pair>(br#"[1, "b"]"#).unwrap().b, "b");
    assert_eq!(
        json_err::<Internal>(r#"{"x": 1}"#),
        "Object missing required field `type` - at `$`"
    );
    let err = from_json::<Internal>(br#"{"type": "A", "x": 300000000000}"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `int` <= 4294967295 - at `$`");
}

#[test]
fn escaped_keys_are_named_too() {
    assert_eq!(
        json_err::<Pair>(r#"{"\u0061": "1", "b": ""}"#),
        "Expected `int`, got `str` - at `$.a`"
    );
    assert_eq!(
        json_err::<BTreeMap<String, u8>>(r#"{"k\"ey": -1}"#),
        r#"Expected `int` >= 0 - at `$["k\"ey"]`"#
    );
    assert_eq!(
        from_json::<BTreeMap<u32, bool>>(br#"{"\u0037": true}"#).unwrap(),
        BTreeMap::from([(7, true)])
    );
}

#[test]
fn hostile_nesting_is_bounded_by_the_decoder() {
    let deep = "[".repeat(100_000);
    let err = from_json::<Value>(deep.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON is malformed: nesting deeper than 128 (byte 128)"
    );
    // serde's buffer for untagged enums reads through the same decoder.
    let err = from_json::<Untagged>(deep.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON is malformed: nesting deeper than 128 (byte 128)"
    );
    let deep = vec![0x91; 100_000];
    let err = from_msgpack::<Untagged>(&deep).unwrap_err();
    assert_eq!(
        err.to_string(),
        "MessagePack data is malformed: nesting deeper than 128 (byte 128)"
    );
}

#[test]
fn syntax_errors_keep_their_offsets() {
    let err = from_json::<Vec<u8>>(b"[1,]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON is malformed: trailing comma in array (byte 3)"
    );
    let err = from_msgpack::<Plain>(&[0x84, 0xa2, b'i', b'd']).unwrap_err();
    assert_eq!(
        err.to_string(),
        "MessagePack data is malformed: truncated (byte 4)"
    );
}

// ----- the flat format: embedded MessagePack -----

/// A serde value written and read through the bridge, as a `with =
/// "zerospec::serde"` field is.
#[derive(Debug, PartialEq)]
struct Bridged<T>(T);

impl<T: Serialize> Encode for Bridged<T> {
    fn encode<E: Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
        zerospec::serde::encode(&self.0, e)
    }
}

impl<'de, T: Deserialize<'de>> Decode<'de> for Bridged<T> {
    fn decode<D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Self> {
        zerospec::serde::decode(d).map(Bridged)
    }
}

#[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
struct Row {
    id: u32,
    legacy: Bridged<Plain>,
    label: String,
}

fn plain() -> Plain {
    Plain {
        id: 3,
        name: "n".into(),
        score: Some(0.5),
        tags: vec![-1, 2],
    }
}

#[test]
fn flat_embeds_serde_values_as_messagepack() {
    let row = Row {
        id: 1,
        legacy: Bridged(plain()),
        label: "l".into(),
    };
    let bytes = zerospec::flat::to_vec(&row).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Row>(&bytes).unwrap(), row);

    // At the root, the bytes value holds exactly rmp-serde's encoding.
    let bytes = zerospec::flat::to_vec(&Bridged(plain())).unwrap();
    let view: SerdeView<'_, Plain> = zerospec::flat::view::<Serde<Plain>>(&bytes).unwrap();
    assert_eq!(view.bytes(), rmp_serde::to_vec_named(&plain()).unwrap());
    assert_eq!(view.get().unwrap(), plain());
    assert_eq!(
        zerospec::flat::from_slice::<Bridged<Plain>>(&bytes).unwrap(),
        Bridged(plain())
    );
    assert_eq!(
        <Serde<Plain> as zerospec::flat::View>::from_view(view),
        Serde(plain())
    );
}

#[test]
fn flat_validation_decodes_the_embedded_value() {
    // Bytes that are MessagePack, but not a `Plain`: validation refuses them.
    let bytes = zerospec::flat::to_vec(&Bridged("text")).unwrap();
    let err = zerospec::flat::view::<Serde<Plain>>(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "Expected `object`, got `str` - at `$`");
    // Bytes that are not one MessagePack value.
    let bytes = zerospec::flat::to_vec(&zerospec::ByteBuf::from(vec![0x01, 0x02])).unwrap();
    let err = zerospec::flat::view::<Serde<u8>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "MessagePack data is malformed: trailing bytes after the value (byte 1)"
    );
    let err = zerospec::flat::from_slice::<Bridged<u8>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "MessagePack data is malformed: trailing bytes after the value (byte 1)"
    );
    // A view read from unvalidated bytes never panics.
    let view = <Serde<Plain> as zerospec::flat::View>::read(&[0xff; 3]);
    assert!(view.get().is_err());
}

#[derive(Deserialize, Serialize, Debug, PartialEq)]
struct WithBorrow<'a> {
    text: &'a str,
}

#[test]
fn flat_serde_values_borrow_from_the_buffer() {
    let bytes = zerospec::flat::to_vec(&Bridged(WithBorrow { text: "t" })).unwrap();
    let Bridged(owned) = zerospec::flat::from_slice::<Bridged<WithBorrow<'_>>>(&bytes).unwrap();
    assert_eq!(owned.text, "t");
    assert!(within(owned.text.as_bytes(), &bytes));
    let view = zerospec::flat::view::<Serde<Plain>>(&bytes);
    assert!(view.is_err(), "a `WithBorrow` is no `Plain`");
    let embedded = rmp_serde::to_vec_named(&WithBorrow { text: "t" }).unwrap();
    let borrowed: WithBorrow<'_> = SerdeView::new(&embedded).get().unwrap();
    assert!(within(borrowed.text.as_bytes(), &embedded));
}

// ----- encode_with / decode_with -----

mod hex {
    pub fn serialize<S: serde::Serializer>(v: &u32, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{v:x}"))
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
        let text = <&str as serde::Deserialize>::deserialize(d)?;
        u32::from_str_radix(text, 16).map_err(serde::de::Error::custom)
    }
}

/// A `u32` written by `hex` through the bridge.
#[derive(Debug, PartialEq)]
struct Hex(u32);

impl Encode for Hex {
    fn encode<E: Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
        zerospec::serde::encode_with(e, |s| hex::serialize(&self.0, s))
    }
}

impl<'de> Decode<'de> for Hex {
    fn decode<D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Self> {
        zerospec::serde::decode_with(d, |de| hex::deserialize(de)).map(Hex)
    }
}

#[test]
fn with_functions_run_in_every_format() {
    assert_eq!(zerospec::json::to_string(&Hex(255)).unwrap(), r#""ff""#);
    assert_eq!(
        zerospec::json::from_str::<Hex>(r#""ff""#).unwrap(),
        Hex(255)
    );
    let msgpack = zerospec::msgpack::to_vec(&Hex(255)).unwrap();
    assert_eq!(msgpack, [0xa2, b'f', b'f']);
    assert_eq!(
        zerospec::msgpack::from_slice::<Hex>(&msgpack).unwrap(),
        Hex(255)
    );
    let flat = zerospec::flat::to_vec(&Hex(255)).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Hex>(&flat).unwrap(), Hex(255));
    let err = zerospec::json::from_str::<Hex>(r#""zz""#).unwrap_err();
    assert_eq!(err.to_string(), "invalid digit found in string - at `$`");
}

// ----- Value in serde -----

#[test]
fn value_round_trips_through_serde_json() {
    let text = r#"{"a":[1,-2,18446744073709551615,-9223372036854775808,0.5,"s",true,null,{}],"b":{"c":[]}}"#;
    let value: Value = zerospec::json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&value).unwrap(), text);
    assert_eq!(serde_json::from_str::<Value>(text).unwrap(), value);
    // Through the bridge too, in both formats.
    assert_eq!(to_json(&value).unwrap(), text);
    assert_eq!(from_json::<Value>(text.as_bytes()).unwrap(), value);
    let msgpack = to_msgpack(&value).unwrap();
    assert_eq!(msgpack, zerospec::msgpack::to_vec(&value).unwrap());
    assert_eq!(from_msgpack::<Value>(&msgpack).unwrap(), value);
}

#[test]
fn value_keeps_bytes_wide_integers_and_extensions() {
    // An i128 is 16 bytes in MessagePack, written alike by all three.
    let wide = Value::Int(i128::MIN);
    let native = zerospec::msgpack::to_vec(&wide).unwrap();
    assert_eq!(rmp_serde::to_vec_named(&wide).unwrap(), native);
    assert_eq!(to_msgpack(&wide).unwrap(), native);
    let mut map = zerospec::value::Map::new();
    map.insert("bin".into(), Value::Bytes(vec![1, 2]));
    map.insert("ext".into(), Value::Ext(5, vec![9, 8, 7]));
    let value = Value::Object(map);
    // rmp-serde writes what zerospec's MessagePack writes, extension included.
    let native = zerospec::msgpack::to_vec(&value).unwrap();
    assert_eq!(rmp_serde::to_vec_named(&value).unwrap(), native);
    assert_eq!(to_msgpack(&value).unwrap(), native);
    assert_eq!(rmp_serde::from_slice::<Value>(&native).unwrap(), value);
    assert_eq!(from_msgpack::<Value>(&native).unwrap(), value);
    // serde_json has no extension values: the newtype is its pair.
    assert_eq!(
        serde_json::to_string(&Value::Ext(5, vec![9])).unwrap(),
        "[5,[9]]"
    );
    // MessagePack integer keys become their digits, as in a JSON object.
    let keyed = rmp_serde::to_vec_named(&BTreeMap::from([(7u8, true)])).unwrap();
    assert_eq!(
        from_msgpack::<Value>(&keyed).unwrap()["7"],
        Value::Bool(true)
    );
}

// ----- Serde<T> -----

#[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
struct Native {
    id: u32,
    tags: Vec<String>,
    by_id: BTreeMap<u32, bool>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Host {
    name: String,
    native: Serde<Native>,
}

#[test]
fn serde_wrapper_inside_a_serde_struct() {
    let host = Host {
        name: "h".into(),
        native: Serde(Native {
            id: 1,
            tags: vec!["t".into()],
            by_id: BTreeMap::from([(2, true)]),
        }),
    };
    let json = serde_json::to_string(&host).unwrap();
    assert_eq!(
        json,
        r#"{"name":"h","native":{"id":1,"tags":["t"],"by_id":{"2":true}}}"#
    );
    assert_eq!(serde_json::from_str::<Host>(&json).unwrap(), host);
    // The same bytes as zerospec writes the field itself.
    assert_eq!(
        zerospec::json::to_string(&host.native.0).unwrap(),
        r#"{"id":1,"tags":["t"],"by_id":{"2":true}}"#
    );
    let msgpack = rmp_serde::to_vec_named(&host).unwrap();
    assert_eq!(rmp_serde::from_slice::<Host>(&msgpack).unwrap(), host);
    // And through the bridge.
    assert_eq!(to_json(&host).unwrap(), json);
    assert_eq!(from_json::<Host>(json.as_bytes()).unwrap(), host);
    // A zerospec error inside reaches serde_json as its message.
    let err =
        serde_json::from_str::<Host>(r#"{"name":"h","native":{"id":"x","tags":[],"by_id":{}}}"#)
            .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Expected `int`, got `str` - at `$.id`"),
        "{err}"
    );
}

#[test]
fn to_value_and_from_value() {
    let native = Native {
        id: 9,
        tags: vec![],
        by_id: BTreeMap::from([(1, false)]),
    };
    let value = zerospec::value::to_value(&native).unwrap();
    assert_eq!(value["by_id"]["1"], Value::Bool(false));
    assert_eq!(
        zerospec::value::from_value::<Native>(value).unwrap(),
        native
    );
}

// ----- differential properties -----

fn external() -> impl Strategy<Value = External> {
    prop_oneof![
        Just(External::Unit),
        any::<u32>().prop_map(External::Newtype),
        (any::<u8>(), any::<i8>()).prop_map(|(a, b)| External::Tuple(a, b)),
        (any::<i32>(), proptest::option::of(".{0,8}")).prop_map(|(x, y)| External::Struct { x, y }),
    ]
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Generated {
    int: i64,
    uint: u64,
    float: f64,
    text: String,
    list: Vec<u16>,
    maybe: Option<bool>,
    by_id: BTreeMap<u32, String>,
    by_name: BTreeMap<String, i8>,
    variant: External,
    wide: i128,
    letter: char,
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        any::<i64>(),
        any::<u64>(),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        ".{0,40}",
        proptest::collection::vec(any::<u16>(), 0..20),
        any::<Option<bool>>(),
        proptest::collection::btree_map(any::<u32>(), ".{0,6}", 0..6),
        proptest::collection::btree_map(".{0,6}", any::<i8>(), 0..6),
        external(),
        any::<i128>(),
        any::<char>(),
    )
        .prop_map(
            |(int, uint, float, text, list, maybe, by_id, by_name, variant, wide, letter)| {
                Generated {
                    int,
                    uint,
                    float,
                    text,
                    list,
                    maybe,
                    by_id,
                    by_name,
                    variant,
                    wide,
                    letter,
                }
            },
        )
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::Float),
        ".{0,10}".prop_map(Value::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((".{0,6}", inner), 0..6)
                .prop_map(|entries| entries.into_iter().collect::<Value>()),
        ]
    })
}

fn check<T: PartialEq + Debug>(left: T, right: T, what: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(left, right, "{}", what);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_values_agree_with_serde(value in generated()) {
        let json = to_json(&value).unwrap();
        check(&json, &serde_json::to_string(&value).unwrap(), "JSON bytes")?;
        let msgpack = to_msgpack(&value).unwrap();
        check(&msgpack, &rmp_serde::to_vec_named(&value).unwrap(), "MessagePack bytes")?;
        check(&from_json::<Generated>(json.as_bytes()).unwrap(), &value, "from JSON")?;
        check(&from_msgpack::<Generated>(&msgpack).unwrap(), &value, "from MessagePack")?;
    }

    #[test]
    fn values_agree_with_serde_json(value in json_value()) {
        let text = zerospec::json::to_string(&value).unwrap();
        check(&serde_json::to_string(&value).unwrap(), &text, "serde_json writes")?;
        check(&to_json(&value).unwrap(), &text, "the bridge writes")?;
        check(&serde_json::from_str::<Value>(&text).unwrap(), &value, "serde_json reads")?;
        check(&from_json::<Value>(text.as_bytes()).unwrap(), &value, "the bridge reads")?;
        let msgpack = zerospec::msgpack::to_vec(&value).unwrap();
        check(&rmp_serde::to_vec_named(&value).unwrap(), &msgpack, "rmp-serde writes")?;
        check(&from_msgpack::<Value>(&msgpack).unwrap(), &value, "the bridge reads MessagePack")?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = from_msgpack::<Value>(&bytes);
        let _ = from_msgpack::<Generated>(&bytes);
        let _ = from_msgpack::<Internal>(&bytes);
        let _ = from_msgpack::<Untagged>(&bytes);
        let _ = from_msgpack::<Adjacent>(&bytes);
        let _ = from_msgpack::<BTreeMap<u32, External>>(&bytes);
        let _ = from_json::<Value>(&bytes);
        let _ = from_json::<Nested>(&bytes);
        let _ = zerospec::flat::view::<Serde<Plain>>(&bytes);
        let _ = zerospec::flat::from_slice::<Bridged<Plain>>(&bytes);
    }

    #[test]
    fn bridge_and_serde_json_accept_the_same_documents(value in json_value()) {
        // Any document, read as a serde type: both accept it or both refuse.
        let text = zerospec::json::to_string(&value).unwrap();
        let ours = from_json::<Generated>(text.as_bytes()).is_ok();
        let theirs = serde_json::from_str::<Generated>(&text).is_ok();
        check(ours, theirs, "acceptance")?;
        let ours = from_json::<BTreeMap<String, Vec<Option<i64>>>>(text.as_bytes()).ok();
        let theirs = serde_json::from_str::<BTreeMap<String, Vec<Option<i64>>>>(&text).ok();
        check(ours, theirs, "maps of lists")?;
    }
}
