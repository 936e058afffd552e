//! Derived types through MessagePack: the bytes equal `rmp_serde::to_vec_named`
//! for structs, enums in every representation, renames, skipped and flattened
//! fields, and each library reads the other's bytes back.

use std::collections::BTreeMap;
use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use zerospec::{Decode, DecodeOwned, Encode};

#[track_caller]
fn same<T>(value: &T)
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + PartialEq + Debug,
{
    let ours = zerospec::msgpack::to_vec(value).unwrap();
    let theirs = rmp_serde::to_vec_named(value).unwrap();
    assert_eq!(ours, theirs, "bytes of {value:?}");
    let back: T = zerospec::msgpack::from_slice(&theirs).unwrap();
    assert_eq!(&back, value, "zerospec reading rmp-serde's bytes");
    let back: T = rmp_serde::from_slice(&ours).unwrap();
    assert_eq!(&back, value, "rmp-serde reading zerospec's bytes");
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
struct User {
    user_id: u64,
    display_name: String,
    #[serde(rename = "e-mail")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    nickname: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    scores: BTreeMap<u16, f64>,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
struct Unit;

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
struct Newtype(u32);

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
struct Pair(i8, String);

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
enum External {
    Plain,
    Newtype(u8),
    Tuple(u8, bool),
    Struct { a: i32, b: Option<Unit> },
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
#[serde(tag = "type")]
enum Internal {
    Circle { radius: f64 },
    Empty,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Num(i64),
    Pair(u8, u8),
    None,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
#[serde(untagged)]
enum Untagged {
    Int(i64),
    Text(String),
    List(Vec<u8>),
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
struct Flattened {
    id: u32,
    #[serde(flatten)]
    extra: BTreeMap<String, u32>,
}

#[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
struct Everything {
    user: User,
    unit: Unit,
    newtype: Newtype,
    pair: Pair,
    external: Vec<External>,
    internal: Vec<Internal>,
    adjacent: Vec<Adjacent>,
    untagged: Vec<Untagged>,
    flattened: Flattened,
    nothing: (),
}

fn everything() -> Everything {
    Everything {
        user: User {
            user_id: 70_000,
            display_name: "Ada".into(),
            email: None,
            nickname: Some("ada".into()),
            tags: vec![],
            scores: BTreeMap::from([(1, 0.5), (300, -2.0)]),
        },
        unit: Unit,
        newtype: Newtype(7),
        pair: Pair(-3, "x".into()),
        external: vec![
            External::Plain,
            External::Newtype(1),
            External::Tuple(2, true),
            External::Struct {
                a: -70_000,
                b: Some(Unit),
            },
        ],
        internal: vec![Internal::Circle { radius: 1.5 }, Internal::Empty],
        adjacent: vec![Adjacent::Num(-1), Adjacent::Pair(1, 2), Adjacent::None],
        untagged: vec![
            Untagged::Int(5),
            Untagged::Text("t".into()),
            Untagged::List(vec![1, 2]),
        ],
        flattened: Flattened {
            id: 9,
            extra: (0..20).map(|i| (format!("k{i}"), i)).collect(),
        },
        nothing: (),
    }
}

#[test]
fn derived_types_match_rmp_serde() {
    same(&everything());
    same(&Unit);
    same(&Newtype(u32::MAX));
    same(&External::Plain);
    same(&Internal::Empty);
    same(&Adjacent::None);
    same(&Flattened {
        id: 1,
        extra: BTreeMap::new(),
    });
}

#[test]
fn unit_structs_are_empty_arrays_as_in_rmp_serde() {
    assert_eq!(zerospec::msgpack::to_vec(&Unit).unwrap(), [0x90]);
    assert_eq!(
        zerospec::msgpack::from_slice::<Unit>(&[0xc0]).unwrap(),
        Unit
    );
}

#[derive(Encode, Decode, Debug, PartialEq)]
struct Blob<'a> {
    #[zerospec(bytes)]
    owned: Vec<u8>,
    /// Zero-copy binary: read from `bin` (written with `encode_bytes` here,
    /// until `&[u8]` itself writes `bin`).
    #[zerospec(with = "borrowed_bin")]
    borrowed: &'a [u8],
    shared: bytes::Bytes,
    buf: zerospec::ByteBuf,
    plain: Vec<u8>,
}

mod borrowed_bin {
    use zerospec::{Decode, Decoder, Encoder, Result};

    pub fn encode<E: Encoder>(value: &&[u8], e: &mut E) -> Result<()> {
        e.encode_bytes(value)
    }

    pub fn decode<'de, D: Decoder<'de>>(d: &mut D) -> Result<&'de [u8]> {
        <&[u8]>::decode(d)
    }
}

#[test]
fn binary_fields() {
    let blob = Blob {
        owned: vec![1, 2],
        borrowed: &[3],
        shared: bytes::Bytes::from_static(&[4, 5]),
        buf: vec![6].into(),
        plain: vec![7],
    };
    let bytes = zerospec::msgpack::to_vec(&blob).unwrap();
    let text = zerospec::transcode::msgpack_to_json(&bytes)
        .unwrap_err()
        .to_string();
    assert_eq!(
        text,
        r#"MessagePack binary data has no JSON form - at `$["owned"]`"#
    );
    let back: Blob = zerospec::msgpack::from_slice(&bytes).unwrap();
    assert_eq!(back, blob);
    // The bytes field is `bin`; the plain `Vec<u8>` an array of integers.
    let value: zerospec::Value = zerospec::msgpack::from_slice(&bytes).unwrap();
    assert_eq!(value["owned"], zerospec::Value::Bytes(vec![1, 2]));
    assert_eq!(value["shared"], zerospec::Value::Bytes(vec![4, 5]));
    assert_eq!(value["buf"], zerospec::Value::Bytes(vec![6]));
    assert_eq!(
        value["plain"],
        zerospec::Value::Array(vec![zerospec::Value::Int(7)])
    );
}

#[test]
fn type_errors_carry_the_field_path() {
    let mut bytes = zerospec::msgpack::to_vec(&everything()).unwrap();
    // `user.userId`: replace the integer 70000 (ce 00 01 11 70) with a string.
    let at = bytes
        .windows(5)
        .position(|w| w == [0xce, 0x00, 0x01, 0x11, 0x70])
        .unwrap();
    bytes.splice(at..at + 5, [0xa1, b'x', 0xc0, 0xc0, 0xc0]);
    let err = zerospec::msgpack::from_slice::<Everything>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected `int`, got `str` - at `$.user.userId`"
    );
}

#[test]
fn borrowed_byte_slices_round_trip_as_bin() {
    let data: &[u8] = &[1, 2, 3];
    let bytes = zerospec::msgpack::to_vec(&data).unwrap();
    assert_eq!(bytes, [0xc4, 0x03, 1, 2, 3]);
    assert_eq!(
        zerospec::msgpack::from_slice::<&[u8]>(&bytes).unwrap(),
        data
    );
}

/// Only a plain `&[u8]` is binary: `Vec<u8>` and `Box<[u8]>` stay arrays of
/// integers, as serde writes them, and JSON writes all three as serde_json does.
#[test]
fn only_borrowed_byte_slices_are_binary() {
    #[derive(zerospec::Encode, zerospec::Decode, serde::Serialize, Debug, PartialEq)]
    struct Frame<'a> {
        #[serde(borrow)]
        raw: &'a [u8],
        owned: Vec<u8>,
        boxed: Box<[u8]>,
    }
    let frame = Frame {
        raw: &[1, 2],
        owned: vec![3],
        boxed: Box::new([4]),
    };
    let bytes = zerospec::msgpack::to_vec(&frame).unwrap();
    let mut expected = vec![0x83, 0xa3];
    expected.extend_from_slice(b"raw");
    expected.extend_from_slice(&[0xc4, 0x02, 1, 2, 0xa5]);
    expected.extend_from_slice(b"owned");
    expected.extend_from_slice(&[0x91, 3, 0xa5]);
    expected.extend_from_slice(b"boxed");
    expected.extend_from_slice(&[0x91, 4]);
    assert_eq!(bytes, expected);
    assert_eq!(
        zerospec::msgpack::from_slice::<Frame<'_>>(&bytes).unwrap(),
        frame
    );
    assert_eq!(
        zerospec::json::to_string(&frame).unwrap(),
        serde_json::to_string(&frame).unwrap()
    );
    let flat = zerospec::flat::to_vec(&frame).unwrap();
    assert_eq!(
        zerospec::flat::from_slice::<Frame<'_>>(&flat).unwrap(),
        frame
    );
}
