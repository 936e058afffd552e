//! MessagePack encoding: the bytes equal `rmp_serde::to_vec_named` for the same
//! value, at every size boundary and on generated values; the encoder writes
//! into `Vec<u8>` and `BytesMut`; maps of unknown length are patched correctly.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde::Serialize;
use zerospec::msgpack::{self, MsgPackEncoder};
use zerospec::{ByteBuf, Encode, Encoder, Value};

/// Asserts zerospec and rmp-serde write the same bytes for `value`.
#[track_caller]
fn same_bytes<T: Encode + Serialize + ?Sized + std::fmt::Debug>(value: &T) {
    let ours = msgpack::to_vec(value).expect("zerospec encodes");
    let theirs = rmp_serde::to_vec_named(value).expect("rmp-serde encodes");
    assert_eq!(ours, theirs, "for {value:?}");
}

/// A runner with a fixed seed, so CI sees the same cases every run;
/// `PROPTEST_CASES` raises the count on demand.
fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    )
}

#[test]
fn integers_at_every_boundary() {
    let edges: [i128; 16] = [
        0,
        1,
        127,
        128,
        255,
        256,
        65535,
        65536,
        4_294_967_295,
        4_294_967_296,
        -1,
        -32,
        -33,
        -128,
        -129,
        -32768,
    ];
    let more: [i128; 6] = [
        -32769,
        -2_147_483_648,
        -2_147_483_649,
        i64::MIN as i128,
        i64::MAX as i128,
        u64::MAX as i128,
    ];
    for v in edges.into_iter().chain(more) {
        for d in [-1, 0, 1] {
            let v = v + d;
            if let Ok(x) = i8::try_from(v) {
                same_bytes(&x);
            }
            if let Ok(x) = u8::try_from(v) {
                same_bytes(&x);
            }
            if let Ok(x) = i16::try_from(v) {
                same_bytes(&x);
            }
            if let Ok(x) = u16::try_from(v) {
                same_bytes(&x);
            }
            if let Ok(x) = i32::try_from(v) {
                same_bytes(&x);
            }
            if let Ok(x) = u32::try_from(v) {
                same_bytes(&x);
            }
            if let Ok(x) = i64::try_from(v) {
                same_bytes(&x);
            }
            if let Ok(x) = u64::try_from(v) {
                same_bytes(&x);
            }
            same_bytes(&v);
            if let Ok(x) = u128::try_from(v) {
                same_bytes(&x);
            }
        }
    }
    same_bytes(&i128::MIN);
    same_bytes(&u128::MAX);
}

#[test]
fn exact_integer_forms() {
    let cases: [(i64, &[u8]); 8] = [
        (0, &[0x00]),
        (127, &[0x7f]),
        (128, &[0xcc, 0x80]),
        (-32, &[0xe0]),
        (-33, &[0xd0, 0xdf]),
        (256, &[0xcd, 0x01, 0x00]),
        (-129, &[0xd1, 0xff, 0x7f]),
        (1 << 32, &[0xcf, 0, 0, 0, 1, 0, 0, 0, 0]),
    ];
    for (v, bytes) in cases {
        assert_eq!(msgpack::to_vec(&v).unwrap(), bytes, "{v}");
    }
}

#[test]
fn floats_keep_their_width() {
    for v in [
        0.0f64,
        -0.0,
        1.5,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::INFINITY,
        f64::NAN,
    ] {
        same_bytes(&v);
        #[allow(clippy::cast_possible_truncation)]
        same_bytes(&(v as f32));
    }
    assert_eq!(msgpack::to_vec(&1.0f32).unwrap(), [0xca, 0x3f, 0x80, 0, 0]);
}

#[test]
fn strings_at_every_length_boundary() {
    for len in [0, 1, 31, 32, 255, 256, 65535, 65536, 70000] {
        let s = "x".repeat(len);
        same_bytes(&s);
        same_bytes(s.as_str());
    }
    same_bytes(&'é');
    same_bytes("ünïcødé 🎉");
}

#[test]
fn collections_at_every_length_boundary() {
    for len in [0usize, 1, 15, 16, 65535, 65536] {
        let seq: Vec<u8> = (0..len).map(|i| (i % 200) as u8).collect();
        same_bytes(&seq);
        same_bytes(&seq[..]);
        let map: BTreeMap<u32, bool> = (0..len as u32).map(|i| (i, i % 3 == 0)).collect();
        same_bytes(&map);
        let map: BTreeMap<String, u8> = (0..len.min(2000)).map(|i| (format!("k{i}"), 1)).collect();
        same_bytes(&map);
    }
}

#[test]
fn binary_at_every_length_boundary() {
    for len in [0usize, 1, 255, 256, 65535, 65536] {
        let data = vec![0xabu8; len];
        let ours = msgpack::to_vec(&ByteBuf::from(data.clone())).unwrap();
        let theirs = rmp_serde::to_vec_named(&serde_bytes_like(&data)).unwrap();
        assert_eq!(ours, theirs, "len {len}");
        assert_eq!(
            msgpack::to_vec(&bytes::Bytes::from(data.clone())).unwrap(),
            theirs
        );
        assert_eq!(
            msgpack::to_vec(&bytes::BytesMut::from(&data[..])).unwrap(),
            theirs
        );
    }
}

/// What serde writes through `serialize_bytes` (as `serde_bytes` would).
fn serde_bytes_like(data: &[u8]) -> impl Serialize + '_ {
    struct B<'a>(&'a [u8]);
    impl Serialize for B<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    B(data)
}

#[test]
fn std_types_match_rmp_serde() {
    same_bytes(&());
    same_bytes(&Some(5u8));
    same_bytes(&None::<String>);
    same_bytes(&(1u8, "two", 3.0f64, (true, ())));
    same_bytes(&[1i32, -2, 3]);
    same_bytes(&VecDeque::from([1u64, u64::MAX]));
    same_bytes(&BTreeSet::from(["b", "a"]));
    same_bytes(&Box::<str>::from("boxed"));
    same_bytes(&std::sync::Arc::new(vec![Some(1i8), None]));
    same_bytes(&BTreeMap::from([(-1i64, "neg"), (1, "pos")]));
    let map = HashMap::from([("a".to_owned(), 1u8), ("b".to_owned(), 2)]);
    same_bytes(&map);
    same_bytes(&vec![vec![String::new()]; 3]);
}

#[test]
fn generated_values_match_rmp_serde() {
    type Sample = (
        (bool, i8, i16, i32, i64, u8, u16, u32, u64),
        (f32, f64, char, String, Option<i32>),
        (
            Vec<u16>,
            Vec<Option<String>>,
            BTreeMap<String, i64>,
            BTreeMap<u32, Vec<bool>>,
        ),
        (i128, u128, (), Vec<u8>),
    );
    let strategy = (
        (
            any::<bool>(),
            any::<i8>(),
            any::<i16>(),
            any::<i32>(),
            any::<i64>(),
            any::<u8>(),
            any::<u16>(),
            any::<u32>(),
            any::<u64>(),
        ),
        (
            any::<f32>(),
            any::<f64>(),
            any::<char>(),
            ".{0,40}",
            any::<Option<i32>>(),
        ),
        (
            prop::collection::vec(any::<u16>(), 0..40),
            prop::collection::vec(any::<Option<String>>(), 0..20),
            prop::collection::btree_map(".{0,8}", any::<i64>(), 0..20),
            prop::collection::btree_map(
                any::<u32>(),
                prop::collection::vec(any::<bool>(), 0..4),
                0..20,
            ),
        ),
        (
            any::<i128>(),
            any::<u128>(),
            Just(()),
            prop::collection::vec(any::<u8>(), 0..300),
        ),
    );
    runner(512)
        .run(&strategy, |value: Sample| {
            let ours = msgpack::to_vec(&value).unwrap();
            let theirs = rmp_serde::to_vec_named(&value).unwrap();
            prop_assert_eq!(ours, theirs);
            Ok(())
        })
        .unwrap();
}

/// Integers spread over every width, where plain `any::<i64>()` rarely lands small.
fn any_width_i64() -> impl Strategy<Value = i64> {
    (any::<i64>(), 0u32..64).prop_map(|(v, shift)| v >> shift)
}

#[test]
fn generated_integers_of_every_width_match_rmp_serde() {
    runner(2048)
        .run(&(any_width_i64(), any_width_i64()), |(a, b)| {
            let u = a.unsigned_abs() >> (b & 63);
            prop_assert_eq!(
                msgpack::to_vec(&a).unwrap(),
                rmp_serde::to_vec_named(&a).unwrap()
            );
            prop_assert_eq!(
                msgpack::to_vec(&u).unwrap(),
                rmp_serde::to_vec_named(&u).unwrap()
            );
            Ok(())
        })
        .unwrap();
}

/// JSON-shaped values: zerospec's `Value` against rmp-serde on `serde_json::Value`.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any_width_i64().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        (-1e6f64..1e6).prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z]{0,6}", inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn generated_values_as_value_match_rmp_serde() {
    runner(512)
        .run(&json_value(), |json| {
            let text = serde_json::to_vec(&json).unwrap();
            let value: Value = zerospec::json::from_slice(&text).unwrap();
            prop_assert_eq!(
                msgpack::to_vec(&value).unwrap(),
                rmp_serde::to_vec_named(&json).unwrap()
            );
            Ok(())
        })
        .unwrap();
}

/// A struct with a flattened map, written by hand as the derive writes it:
/// a map of unknown length.
struct Flattened {
    id: u32,
    extra: BTreeMap<String, u32>,
}

impl Encode for Flattened {
    fn encode<E: Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
        let mut map = e.map_begin(None)?;
        e.map_field(&mut map, "id")?;
        self.id.encode(e)?;
        for (k, v) in &self.extra {
            e.map_str_key(&mut map, k)?;
            v.encode(e)?;
        }
        e.map_end(map)
    }
}

#[derive(Serialize)]
struct SerdeFlattened<'a> {
    id: u32,
    #[serde(flatten)]
    extra: &'a BTreeMap<String, u32>,
}

#[test]
fn maps_of_unknown_length_are_patched_to_the_smallest_header() {
    for entries in [0usize, 14, 15, 16, 65534, 65535, 70000] {
        let extra: BTreeMap<String, u32> =
            (0..entries).map(|i| (format!("f{i}"), i as u32)).collect();
        let ours = msgpack::to_vec(&vec![Flattened {
            id: 9,
            extra: extra.clone(),
        }])
        .unwrap();
        let theirs = rmp_serde::to_vec_named(&vec![SerdeFlattened {
            id: 9,
            extra: &extra,
        }])
        .unwrap();
        assert_eq!(ours.len(), theirs.len(), "{entries} entries");
        assert_eq!(ours, theirs, "{entries} entries");
        // And nested: a flattened struct inside another map of unknown length.
        let nested = Nested(Flattened { id: 1, extra });
        let bytes = msgpack::to_vec(&nested).unwrap();
        let back: Value = msgpack::from_slice(&bytes).unwrap();
        assert_eq!(back["inner"]["id"].as_u64(), Some(1));
        assert_eq!(back["inner"].as_object().unwrap().len(), entries + 1);
    }
}

struct Nested(Flattened);

impl Encode for Nested {
    fn encode<E: Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
        let mut map = e.map_begin(None)?;
        e.map_field(&mut map, "inner")?;
        self.0.encode(e)?;
        e.map_end(map)
    }
}

#[test]
fn encoder_appends_to_vec_and_bytes_mut() {
    let mut buf = vec![0xee];
    let mut encoder = MsgPackEncoder::new(&mut buf);
    encoder.encode(&1u8).unwrap();
    encoder.encode("a").unwrap();
    assert_eq!(buf, [0xee, 0x01, 0xa1, b'a']);

    let mut bm = bytes::BytesMut::from(&b"\xee"[..]);
    MsgPackEncoder::new(&mut bm)
        .encode(&vec![Flattened {
            id: 2,
            extra: BTreeMap::new(),
        }])
        .unwrap();
    assert_eq!(&bm[..], [0xee, 0x91, 0x81, 0xa2, b'i', b'd', 0x02]);
    let frozen = bm.freeze();
    assert_eq!(frozen.len(), 7);

    let mut out = Vec::new();
    msgpack::to_writer(&mut out, &[1u8, 2]).unwrap();
    assert_eq!(out, [0x92, 1, 2]);
}

/// An `Encode` impl that declares more elements than it writes.
struct Liar;

impl Encode for Liar {
    fn encode<E: Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
        let seq = e.seq_begin(2)?;
        e.seq_end(seq)
    }
}

#[test]
fn a_declared_length_that_is_not_written_is_an_error() {
    let err = msgpack::to_vec(&Liar).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the MessagePack array was declared with 2 elements but 0 were written - at `$`"
    );
}

#[test]
fn extensions_use_the_smallest_header() {
    for (len, head) in [
        (0usize, vec![0xc7, 0x00]),
        (1, vec![0xd4]),
        (2, vec![0xd5]),
        (3, vec![0xc7, 0x03]),
        (4, vec![0xd6]),
        (8, vec![0xd7]),
        (16, vec![0xd8]),
        (17, vec![0xc7, 17]),
        (256, vec![0xc8, 0x01, 0x00]),
        (65536, vec![0xc9, 0x00, 0x01, 0x00, 0x00]),
    ] {
        let data = vec![0x42; len];
        let bytes = msgpack::to_vec(&Value::Ext(5, data.clone())).unwrap();
        let mut want = head;
        want.push(5);
        want.extend_from_slice(&data);
        assert_eq!(bytes, want, "len {len}");
        let back: Value = msgpack::from_slice(&bytes).unwrap();
        assert_eq!(back, Value::Ext(5, data));
    }
}

/// Float sequences and rows of floats (GeoJSON's points) are staged on the
/// stack a block at a time: every length across the block boundaries, rows
/// of every width (sixteen and up take the general path), special values,
/// and appending after other bytes must write what rmp-serde writes.
#[test]
fn float_sequences_and_rows_match_rmp_serde_at_every_length() {
    let specials = [
        0.0,
        -0.0,
        1.5,
        f64::NAN,
        f64::INFINITY,
        f64::MIN_POSITIVE,
        -1e300,
    ];
    let floats: Vec<f64> = (0..200)
        .map(|i| specials[i % specials.len()] * f64::from(u32::try_from(i).unwrap()))
        .collect();
    for len in (0..=70).chain([111, 199, 200]) {
        same_bytes(&floats[..len].to_vec());
        let rows1: Vec<[f64; 1]> = floats[..len].iter().map(|&x| [x]).collect();
        same_bytes(&rows1);
        let rows2: Vec<[f64; 2]> = floats[..len]
            .chunks_exact(2)
            .map(|c| [c[0], c[1]])
            .collect();
        same_bytes(&rows2);
        let rows15: Vec<[f64; 15]> = floats[..len]
            .chunks_exact(15)
            .map(|c| c.try_into().unwrap())
            .collect();
        same_bytes(&rows15);
        let rows16: Vec<[f64; 16]> = floats[..len]
            .chunks_exact(16)
            .map(|c| c.try_into().unwrap())
            .collect();
        same_bytes(&rows16);
    }
    let rows: Vec<[f64; 2]> = vec![[1.0, 2.0]; 40];
    let mut buf = vec![0xee];
    MsgPackEncoder::new(&mut buf).encode(&rows).unwrap();
    let mut expected = vec![0xee];
    expected.extend(rmp_serde::to_vec_named(&rows).unwrap());
    assert_eq!(buf, expected);
}

#[derive(Debug, Serialize, zerospec::Encode)]
struct Names {
    #[serde(rename = "")]
    empty: u8,
    a: u8,
    #[serde(rename = "thirty_one_bytes_long_field_nam")]
    longest_fixstr: u8,
    #[serde(rename = "thirty_two_bytes_long_field_name")]
    shortest_str8: u8,
    #[serde(rename = "é日𝄞")]
    text: u8,
}

/// Field names are written as one constant block up to 31 bytes, and as
/// `str 8` from 32: both sides of the boundary, and the empty name.
#[test]
fn field_names_of_every_form_match_rmp_serde() {
    same_bytes(&Names {
        empty: 1,
        a: 2,
        longest_fixstr: 3,
        shortest_str8: 4,
        text: 5,
    });
}
