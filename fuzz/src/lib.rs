//! Coverage-guided fuzzing of every reader: JSON, MessagePack, the flat
//! format's validator, views and owned decoder, and the transcoder.
//!
//! Each target feeds arbitrary bytes to the readers and checks what must hold
//! for any input: no panic, no hang, no allocation beyond what the input's
//! length allows (run with `-malloc_limit_mb`), and for input that is
//! accepted, that writing the value out and reading it back gives the same
//! bytes again. See `README.md` beside this file for the commands.

use std::borrow::Cow;
use std::collections::BTreeMap;

use zerospec::{ByteBuf, Decode, Encode, Value};
use zerospec_tests::models::{Event, Item, Level, Log, Triangle};
use zerospec_tests::rmp::{Any, Sample, disagreement};
use zerospec_tests::{exercise_flat, rewrites_the_same};

/// A struct with most of what the derive supports: renamed fields, every
/// kind of enum, borrowed and optional fields, maps with text and integer
/// keys, bytes, a recursive box, a schemaless value and a flattened rest.
#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Record<'a> {
    pub id: u64,
    pub small: i8,
    pub ratio: f64,
    pub half: f32,
    pub name: String,
    #[serde(borrow)]
    pub tag: Cow<'a, str>,
    pub note: Option<String>,
    #[serde(default)]
    pub flags: Vec<bool>,
    pub scores: BTreeMap<String, i32>,
    pub names: BTreeMap<u32, String>,
    pub shape: Shape,
    pub kind: Kind,
    pub step: Step,
    pub either: Either,
    pub pair: (u16, char),
    pub fixed: [u8; 4],
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub next: Option<Box<Record<'a>>>,
    #[zerospec(bytes)]
    pub raw: Vec<u8>,
    pub blob: ByteBuf,
    pub value: Value,
    #[serde(flatten)]
    pub rest: BTreeMap<String, Value>,
}

/// Externally tagged, with every shape of variant.
#[derive(Encode, Decode, Debug, PartialEq)]
pub enum Shape {
    Empty,
    Square(f32),
    Pair(i64, u8),
    Circle { r: f64 },
}

/// Internally tagged.
#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    Plain,
    Point { x: i32, y: i32 },
    Named(Inner),
}

/// Adjacently tagged.
#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(tag = "t", content = "c")]
pub enum Step {
    Stop,
    Go(u32),
    Turn { left: bool },
}

/// Untagged, recursive.
#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(untagged)]
pub enum Either {
    Number(i64),
    Text(String),
    List(Vec<Either>),
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Inner {
    pub label: String,
    #[serde(default = "seven")]
    pub count: u8,
}

fn seven() -> u8 {
    7
}

/// JSON: `Value`, the model (borrowed and owned), and the transcoder.
pub fn json(data: &[u8]) {
    use zerospec::json::{from_slice, to_vec};
    let value = from_slice::<Value>(data);
    if let Ok(value) = &value {
        rewrites_the_same(value, to_vec::<Value>, |b| from_slice::<Value>(b));
    }
    if let Ok(record) = from_slice::<Record<'_>>(data) {
        let written = to_vec(&record);
        if let Ok(written) = written {
            let again = from_slice::<Record<'_>>(&written)
                .unwrap_or_else(|err| panic!("{record:?} wrote {written:?}: {err}"));
            assert_eq!(to_vec(&again).ok(), Some(written));
        }
    }
    // serde_json reads what `Value` reads, as the same value.
    let theirs = serde_json::from_slice::<serde_json::Value>(data);
    assert_eq!(
        theirs.is_ok(),
        value.is_ok(),
        "serde_json: {theirs:?}, zerospec: {value:?}"
    );
    if let (Ok(theirs), Ok(value)) = (&theirs, &value) {
        let written = to_vec(value).expect("a JSON value writes");
        let read =
            serde_json::from_slice::<serde_json::Value>(&written).expect("serde_json reads it");
        assert_eq!(&read, theirs);
    }
    // The transcoder reads what `Value` reads, and its MessagePack reads as the same value.
    let transcoded = zerospec::transcode::json_to_msgpack(data);
    assert_eq!(
        transcoded.is_ok(),
        value.is_ok(),
        "{transcoded:?} / {value:?}"
    );
    if let (Ok(msgpack), Ok(value)) = (transcoded, value) {
        let back =
            zerospec::msgpack::from_slice::<Value>(&msgpack).expect("transcoded MessagePack reads");
        assert_eq!(back, value);
        let json = zerospec::transcode::msgpack_to_json(&msgpack).expect("and goes back to JSON");
        assert_eq!(from_slice::<Value>(&json).ok(), Some(value));
    }
}

/// MessagePack: `Value`, the model from a slice and from `Bytes`, and the
/// transcoder to JSON.
pub fn msgpack(data: &[u8]) {
    use zerospec::msgpack::{from_bytes, from_slice, to_vec};
    let value = from_slice::<Value>(data);
    if let Ok(value) = &value {
        rewrites_the_same(value, to_vec::<Value>, |b| from_slice::<Value>(b));
    }
    let record = from_slice::<Record<'_>>(data);
    if let Ok(record) = &record {
        let written = to_vec(record).expect("a record read writes");
        let again = from_slice::<Record<'_>>(&written)
            .unwrap_or_else(|err| panic!("{record:?} wrote {written:?}: {err}"));
        assert_eq!(to_vec(&again).ok(), Some(written));
    }
    // Owned decoding from `Bytes` reads what decoding from a slice reads.
    let shared = bytes::Bytes::copy_from_slice(data);
    let owned = from_bytes::<Vec<(String, ByteBuf, Option<u64>)>>(shared.clone());
    assert_eq!(
        owned.as_ref().ok(),
        from_slice::<Vec<(String, ByteBuf, Option<u64>)>>(data)
            .as_ref()
            .ok()
    );
    if let Ok(json) = zerospec::transcode::msgpack_to_json(data) {
        let read = zerospec::json::from_slice::<Value>(&json);
        assert!(read.is_ok(), "{json:?}: {read:?}");
    }
    // rmp-serde reads the bytes as zerospec does, on the property tests'
    // types, but where zerospec is stricter by design.
    let disagreements = [
        disagreement::<Sample>(data),
        disagreement::<Vec<Any>>(data),
        disagreement::<(Option<u16>, String, Vec<i64>)>(data),
        disagreement::<BTreeMap<String, i64>>(data),
        disagreement::<Vec<[f64; 2]>>(data),
        disagreement::<(f32, i128, u128)>(data),
    ];
    if let Some(why) = disagreements.into_iter().flatten().next() {
        panic!("{why}");
    }
}

/// The flat format: the derived models of the tests, and std types, each
/// read from `data` ([`exercise_flat`]).
pub fn flat(data: &[u8]) {
    exercise_flat::<Vec<Log>>(data);
    exercise_flat::<Item>(data);
    exercise_flat::<Vec<Event>>(data);
    exercise_flat::<Vec<Level>>(data);
    exercise_flat::<Vec<Triangle>>(data);
    exercise_flat::<(Option<String>, [u16; 3], char, bool)>(data);
    exercise_flat::<BTreeMap<u32, Vec<String>>>(data);
    exercise_flat::<Option<Box<Item>>>(data);
}
