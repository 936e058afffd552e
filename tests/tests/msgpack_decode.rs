//! MessagePack decoding: integers from every family that fits, floats, 128-bit
//! integers, exact error messages, and agreement with rmp-serde on generated
//! and mutated inputs.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec::msgpack::{self, MsgPackDecoder};
use zerospec::{Decode, DecodeOwned, Decoder, ErrorKind};
use zerospec_tests::rmp::{self, Sample};

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
        TestRng::from_seed(RngAlgorithm::ChaCha, &[11; 32]),
    )
}

#[track_caller]
fn err<T: DecodeOwned + std::fmt::Debug>(bytes: &[u8]) -> String {
    msgpack::from_slice::<T>(bytes).unwrap_err().to_string()
}

// ----- integers -----

/// Every encoding of 200: it fits `u8`, `i16` and wider, and not `i8`.
const TWO_HUNDRED: [&[u8]; 7] = [
    &[0xcc, 200],
    &[0xcd, 0, 200],
    &[0xce, 0, 0, 0, 200],
    &[0xcf, 0, 0, 0, 0, 0, 0, 0, 200],
    &[0xd1, 0, 200],
    &[0xd2, 0, 0, 0, 200],
    &[0xd3, 0, 0, 0, 0, 0, 0, 0, 200],
];

#[test]
fn integers_decode_from_any_family_that_fits() {
    for bytes in TWO_HUNDRED {
        assert_eq!(msgpack::from_slice::<u8>(bytes).unwrap(), 200);
        assert_eq!(msgpack::from_slice::<i16>(bytes).unwrap(), 200);
        assert_eq!(msgpack::from_slice::<u64>(bytes).unwrap(), 200);
        assert_eq!(msgpack::from_slice::<i128>(bytes).unwrap(), 200);
        assert_eq!(err::<i8>(bytes), "Expected `int` <= 127 - at `$`");
    }
    // Negative values in every signed family.
    for bytes in [
        &[0xff][..],
        &[0xd0, 0xff],
        &[0xd1, 0xff, 0xff],
        &[0xd3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    ] {
        assert_eq!(msgpack::from_slice::<i8>(bytes).unwrap(), -1);
        assert_eq!(msgpack::from_slice::<i64>(bytes).unwrap(), -1);
        assert_eq!(err::<u8>(bytes), "Expected `int` >= 0 - at `$`");
        assert_eq!(err::<u64>(bytes), "Expected `int` >= 0 - at `$`");
        assert_eq!(err::<u128>(bytes), "Expected `int` >= 0 - at `$`");
    }
    assert_eq!(
        err::<i8>(&[0xd1, 0xff, 0x00]),
        "Expected `int` >= -128 - at `$`"
    );
    assert_eq!(
        err::<i64>(&[0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
        "Expected `int` <= 9223372036854775807 - at `$`"
    );
    assert_eq!(
        msgpack::from_slice::<u64>(&[0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
            .unwrap(),
        u64::MAX
    );
    assert_eq!(
        msgpack::from_slice::<i64>(&[0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0]).unwrap(),
        i64::MIN
    );
}

#[test]
fn a_float_never_decodes_as_an_integer() {
    let one_f32 = [0xca, 0x3f, 0x80, 0, 0];
    assert_eq!(err::<u8>(&one_f32), "Expected `int`, got `float` - at `$`");
    assert_eq!(
        err::<i128>(&one_f32),
        "Expected `int`, got `float` - at `$`"
    );
    let e = msgpack::from_slice::<u8>(&one_f32).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Type);
}

#[test]
fn floats_decode_from_floats_and_integers() {
    assert_eq!(
        msgpack::from_slice::<f64>(&[0xca, 0x3f, 0xc0, 0, 0]).unwrap(),
        1.5
    );
    assert_eq!(
        msgpack::from_slice::<f64>(&[0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]).unwrap(),
        1.5
    );
    assert_eq!(msgpack::from_slice::<f64>(&[0x07]).unwrap(), 7.0);
    assert_eq!(msgpack::from_slice::<f64>(&[0xe0]).unwrap(), -32.0);
    assert_eq!(
        msgpack::from_slice::<f64>(&[0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
            .unwrap(),
        18_446_744_073_709_551_615.0
    );
    // f32 reads a float 64 by rounding, as serde does; an integer straight to f32.
    assert_eq!(
        msgpack::from_slice::<f32>(&msgpack::to_vec(&0.1f64).unwrap()).unwrap(),
        0.1f32
    );
    assert_eq!(
        msgpack::from_slice::<f32>(&[0xce, 0x01, 0x00, 0x00, 0x01]).unwrap(),
        16_777_216.0
    );
    assert_eq!(
        err::<f64>(&[0xa1, b'1']),
        "Expected `float`, got `str` - at `$`"
    );
}

#[test]
fn wide_integers_decode_from_ints_and_from_the_bin_they_are_written_as() {
    for v in [0i128, -1, 1 << 70, i128::MIN, i128::MAX] {
        let bytes = msgpack::to_vec(&v).unwrap();
        assert_eq!(msgpack::from_slice::<i128>(&bytes).unwrap(), v);
        assert_eq!(rmp_serde::from_slice::<i128>(&bytes).unwrap(), v);
    }
    let bytes = msgpack::to_vec(&u128::MAX).unwrap();
    assert_eq!(msgpack::from_slice::<u128>(&bytes).unwrap(), u128::MAX);
    assert_eq!(msgpack::from_slice::<u128>(&[0x05]).unwrap(), 5);
    assert_eq!(
        err::<i128>(&[0xc4, 0x02, 0, 1]),
        "Expected `bytes` of length 16 for a 128-bit `int` - at `$`"
    );
    // rmp-serde wraps a negative integer into a u128; zerospec refuses it.
    assert_eq!(rmp_serde::from_slice::<u128>(&[0xff]).unwrap(), u128::MAX);
    assert_eq!(err::<u128>(&[0xff]), "Expected `int` >= 0 - at `$`");
}

// ----- errors -----

#[test]
fn type_errors_name_both_types_and_the_path() {
    assert_eq!(
        err::<u32>(&[0xa1, b'x']),
        "Expected `int`, got `str` - at `$`"
    );
    assert_eq!(err::<String>(&[0x01]), "Expected `str`, got `int` - at `$`");
    assert_eq!(err::<bool>(&[0xc0]), "Expected `bool`, got `null` - at `$`");
    assert_eq!(
        err::<Vec<u8>>(&[0x80]),
        "Expected `array`, got `object` - at `$`"
    );
    assert_eq!(
        err::<BTreeMap<String, u8>>(&[0x90]),
        "Expected `object`, got `array` - at `$`"
    );
    assert_eq!(
        err::<String>(&[0xc4, 0x00]),
        "Expected `str`, got `bytes` - at `$`"
    );
    assert_eq!(
        err::<zerospec::ByteBuf>(&[0xa0]),
        "Expected `bytes`, got `str` - at `$`"
    );
    assert_eq!(
        err::<u8>(&[0xd4, 0x01, 0x00]),
        "Expected `int`, got `ext` - at `$`"
    );
    assert_eq!(
        err::<Vec<u8>>(&[0x92, 0x01, 0xa1, b'x']),
        "Expected `int`, got `str` - at `$[1]`"
    );
    let age = [0x81, 0xa3, b'a', b'g', b'e', 0xa2, b'4', b'2'];
    assert_eq!(
        err::<BTreeMap<String, u8>>(&age),
        r#"Expected `int`, got `str` - at `$["age"]`"#
    );
    // Struct fields are `str` keys; any other key is a type error.
    let int_key = [0x81, 0x01, 0x02];
    let mut decoder = MsgPackDecoder::new(&int_key);
    let mut map = decoder.map_begin().unwrap();
    let e = decoder.map_next_key(&mut map).unwrap_err();
    assert_eq!(e.to_string(), "Expected `str`, got `int` - at `$`");
}

#[test]
fn syntax_errors_give_the_byte_offset() {
    assert_eq!(
        err::<u32>(&[]),
        "MessagePack data is malformed: truncated (byte 0)"
    );
    assert_eq!(
        err::<u32>(&[0xcd, 0x01]),
        "MessagePack data is malformed: truncated (byte 2)"
    );
    assert_eq!(
        err::<Vec<u8>>(&[0xdd, 0xff, 0xff, 0xff, 0xff]),
        "MessagePack data is malformed: truncated (byte 5)"
    );
    assert_eq!(
        err::<String>(&[0xa3, b'a']),
        "MessagePack data is malformed: truncated (byte 2)"
    );
    assert_eq!(
        err::<String>(&[0xa3, b'a', 0xff, b'c']),
        "MessagePack data is malformed: invalid UTF-8 in str (byte 2)"
    );
    assert_eq!(
        err::<zerospec::Value>(&[0x91, 0xc1]),
        "MessagePack data is malformed: reserved marker byte 0xc1 (byte 1)"
    );
    assert_eq!(
        err::<u8>(&[0xc1]),
        "MessagePack data is malformed: reserved marker byte 0xc1 (byte 0)"
    );
    assert_eq!(
        err::<u8>(&[0x01, 0x02]),
        "MessagePack data is malformed: trailing bytes after the value (byte 1)"
    );
    let e = msgpack::from_slice::<u8>(&[0xcc]).unwrap_err();
    assert_eq!((e.kind(), e.offset()), (ErrorKind::Syntax, Some(1)));
    // Syntax errors carry no path: the offset says where.
    assert_eq!(
        err::<Vec<Vec<u8>>>(&[0x92, 0x90, 0x91, 0xcd]),
        "MessagePack data is malformed: truncated (byte 4)"
    );
}

#[test]
fn nesting_is_limited() {
    let mut deep = vec![0x91; 129];
    deep.push(0xc0);
    let e = msgpack::from_slice::<zerospec::Value>(&deep).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Depth);
    assert_eq!(
        e.to_string(),
        "MessagePack data is malformed: nesting deeper than 128 (byte 128)"
    );
    // 128 levels are fine.
    assert!(msgpack::from_slice::<zerospec::Value>(&deep[1..]).is_ok());
    // And configurable, for skipping too.
    let mut decoder = MsgPackDecoder::new(&deep[120..]).with_max_depth(4);
    assert_eq!(decoder.skip_value().unwrap_err().kind(), ErrorKind::Depth);
    // Arrays read in one pass (small integers, floats) count as a level too.
    let pairs = msgpack::to_vec(&vec![[1u8, 200]]).unwrap();
    let floats = msgpack::to_vec(&vec![[1.5f64, 2.5]]).unwrap();
    let too_deep = "MessagePack data is malformed: nesting deeper than 1 (byte 1)";
    assert_eq!(
        with_depth::<Vec<[u8; 2]>>(&pairs, 1)
            .unwrap_err()
            .to_string(),
        too_deep
    );
    assert_eq!(
        with_depth::<Vec<[f64; 2]>>(&floats, 1)
            .unwrap_err()
            .to_string(),
        too_deep
    );
    assert_eq!(with_depth::<Vec<[u8; 2]>>(&pairs, 2).unwrap(), [[1, 200]]);
    // So does an empty array, which collections take in one step.
    let empty = msgpack::to_vec(&vec![Vec::<u8>::new()]).unwrap();
    assert_eq!(
        with_depth::<Vec<Vec<u8>>>(&empty, 1)
            .unwrap_err()
            .to_string(),
        too_deep
    );
    assert_eq!(
        with_depth::<Vec<Vec<u8>>>(&empty, 2).unwrap(),
        [Vec::<u8>::new()]
    );
    assert_eq!(
        with_depth::<Vec<[f64; 2]>>(&floats, 2).unwrap(),
        [[1.5, 2.5]]
    );
}

/// Decodes `bytes` as a `T` with nesting limited to `max_depth`.
fn with_depth<T: DecodeOwned>(bytes: &[u8], max_depth: u32) -> zerospec::Result<T> {
    T::decode(&mut MsgPackDecoder::new(bytes).with_max_depth(max_depth))
}

// ----- the decoder protocol -----

#[test]
fn peek_names_every_family() {
    use zerospec::decode::Peek;
    let cases: [(&[u8], Peek); 12] = [
        (&[0x00], Peek::Int),
        (&[0xe0], Peek::Int),
        (&[0xd3], Peek::Int),
        (&[0xca], Peek::Float),
        (&[0xa0], Peek::Str),
        (&[0xc5], Peek::Bytes),
        (&[0x90], Peek::Seq),
        (&[0xdf], Peek::Map),
        (&[0xd8], Peek::Ext),
        (&[0xc9], Peek::Ext),
        (&[0xc0], Peek::Null),
        (&[0xc2], Peek::Bool),
    ];
    for (bytes, kind) in cases {
        assert_eq!(
            MsgPackDecoder::new(bytes).peek().unwrap(),
            kind,
            "{bytes:02x?}"
        );
    }
}

#[test]
fn integer_map_keys_decode_as_integers() {
    let bytes = rmp_serde::to_vec_named(&BTreeMap::from([(1u16, "a"), (300, "b")])).unwrap();
    assert_eq!(&bytes[..3], [0x82, 0x01, 0xa1]);
    let map: BTreeMap<u16, String> = msgpack::from_slice(&bytes).unwrap();
    assert_eq!(
        map,
        BTreeMap::from([(1, "a".to_owned()), (300, "b".to_owned())])
    );
    assert_eq!(
        err::<BTreeMap<u16, String>>(&[0x81, 0xa1, b'1', 0xa0]),
        "Expected `int`, got `str` - at `$`"
    );
}

#[test]
fn skip_checkpoint_and_restore() {
    let bytes =
        msgpack::to_vec(&(vec![1u8, 2], "s", BTreeMap::from([(1u8, vec![0.5f64])]), ())).unwrap();
    let mut decoder = MsgPackDecoder::new(&bytes);
    let mut seq = decoder.seq_begin().unwrap();
    assert_eq!(decoder.seq_remaining(&seq), Some(4));
    assert!(decoder.seq_next(&mut seq).unwrap());
    let mark = decoder.checkpoint();
    decoder.skip_value().unwrap();
    decoder.restore(mark);
    assert_eq!(Vec::<u8>::decode(&mut decoder).unwrap(), [1, 2]);
    for _ in 0..3 {
        assert!(decoder.seq_next(&mut seq).unwrap());
        decoder.skip_value().unwrap();
    }
    assert!(!decoder.seq_next(&mut seq).unwrap());
    decoder.end().unwrap();
    // Skipping checks what it skips.
    assert!(MsgPackDecoder::new(&[0x92, 0x01]).skip_value().is_err());
    assert!(MsgPackDecoder::new(&[0xa2, b'x']).skip_value().is_err());
    assert!(MsgPackDecoder::new(&[0x91, 0xc1]).skip_value().is_err());
}

#[test]
fn unit_structs_read_nil_or_an_empty_array() {
    for bytes in [[0xc0], [0x90]] {
        MsgPackDecoder::new(&bytes).decode_unit_struct().unwrap();
    }
    assert!(MsgPackDecoder::new(&[0x91]).decode_unit_struct().is_err());
}

// ----- agreement with rmp-serde -----

/// Decodes `bytes` with zerospec and rmp-serde, and checks they agree
/// (`zerospec_tests::rmp`, which the fuzzer uses too).
fn agree<T>(bytes: &[u8]) -> Result<(), TestCaseError>
where
    T: DecodeOwned + DeserializeOwned + Serialize + std::fmt::Debug,
{
    match rmp::disagreement::<T>(bytes) {
        None => Ok(()),
        Some(why) => Err(TestCaseError::fail(why)),
    }
}

fn sample() -> impl Strategy<Value = Sample> {
    (
        (
            any::<bool>(),
            any::<i8>(),
            any::<u16>(),
            any::<i32>(),
            any::<u64>(),
            any::<i64>(),
        ),
        (any::<f32>(), any::<f64>(), ".{0,40}", any::<Option<char>>()),
        (
            prop::collection::vec(any::<u8>(), 0..40),
            prop::collection::vec(any::<Option<i16>>(), 0..20),
            prop::collection::btree_map(".{0,8}", any::<u32>(), 0..20),
            prop::collection::btree_map(
                any::<i8>(),
                prop::collection::vec(any::<bool>(), 0..4),
                0..8,
            ),
        ),
        (any::<i128>(), Just(()), any::<Option<(u8, String)>>()),
    )
}

#[test]
fn generated_documents_decode_as_rmp_serde_decodes_them() {
    runner(512)
        .run(&sample(), |value| {
            let bytes = rmp_serde::to_vec_named(&value).unwrap();
            let back: Sample = msgpack::from_slice(&bytes).unwrap();
            prop_assert_eq!(rmp_serde::to_vec_named(&back).unwrap(), bytes.clone());
            agree::<Sample>(&bytes)
        })
        .unwrap();
}

#[derive(Debug, Clone)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, u8),
    Remove(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        1 => any::<usize>().prop_map(Mutation::Remove),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        let n = bytes.len();
        match *m {
            Mutation::Set(i, b) => bytes[i % n] = b,
            Mutation::Insert(i, b) => bytes.insert(i % (n + 1), b),
            Mutation::Remove(i) => {
                bytes.remove(i % n);
            }
            Mutation::Truncate(i) => bytes.truncate(i % n),
        }
    }
    bytes
}

#[test]
fn mutated_documents_decode_as_rmp_serde_decodes_them() {
    let strategy = (sample(), prop::collection::vec(mutation(), 1..4));
    runner(4096)
        .run(&strategy, |(value, mutations)| {
            let bytes = mutate(rmp_serde::to_vec_named(&value).unwrap(), &mutations);
            agree::<Sample>(&bytes)?;
            agree::<Vec<rmp::Any>>(&bytes)
        })
        .unwrap();
}

#[test]
fn mutated_small_documents_decode_as_rmp_serde_decodes_them() {
    // Small types, so a mutation often lands on a marker or a length.
    let strategy = (
        (
            any::<Option<u16>>(),
            ".{0,4}",
            prop::collection::vec(any::<i64>(), 0..3),
        ),
        prop::collection::vec(mutation(), 1..3),
    );
    runner(4096)
        .run(&strategy, |(value, mutations)| {
            let bytes = mutate(rmp_serde::to_vec_named(&value).unwrap(), &mutations);
            agree::<(Option<u16>, String, Vec<i64>)>(&bytes)?;
            agree::<Option<u16>>(&bytes)?;
            agree::<String>(&bytes)?;
            agree::<Vec<i64>>(&bytes)?;
            agree::<BTreeMap<String, i64>>(&bytes)?;
            agree::<(f32, f64)>(&bytes)?;
            agree::<u8>(&bytes)
        })
        .unwrap();
}

/// Arrays of `f64` take a one-pass path when every element is a float 64;
/// mutations put other families, lengths and truncations in its way.
#[test]
fn mutated_float_arrays_decode_as_rmp_serde_decodes_them() {
    // Small values, so that mutations also produce small integers.
    let point = (
        prop_oneof![any::<f64>(), (-300i32..300).prop_map(f64::from)],
        prop_oneof![any::<f64>(), (0i32..300).prop_map(f64::from)],
    );
    let strategy = (
        prop::collection::vec(prop::collection::vec(point, 0..4), 0..3),
        prop::collection::vec(mutation(), 0..3),
    );
    runner(4096)
        .run(&strategy, |(lines, mutations)| {
            let lines: Vec<Vec<[f64; 2]>> = lines
                .into_iter()
                .map(|line| line.into_iter().map(|(x, y)| [x, y]).collect())
                .collect();
            let bytes = mutate(rmp_serde::to_vec_named(&lines).unwrap(), &mutations);
            agree::<Vec<Vec<[f64; 2]>>>(&bytes)?;
            agree::<Vec<[f64; 3]>>(&bytes)?;
            agree::<Vec<[u8; 2]>>(&bytes)?;
            agree::<Vec<[i16; 3]>>(&bytes)?;
            agree::<Vec<[f32; 2]>>(&bytes)?;
            agree::<[f64; 2]>(&bytes)
        })
        .unwrap();
}

#[test]
fn float_arrays_read_any_number_family_and_report_paths() {
    // float 64, float 32, fixint and int 16 elements all read as f64.
    let mixed = [
        0x93, 0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0xca, 0x40, 0x20, 0, 0, 0x07,
    ];
    assert_eq!(
        msgpack::from_slice::<[f64; 3]>(&mixed).unwrap(),
        [1.5, 2.5, 7.0]
    );
    let mixed = [
        0x93, 0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0xca, 0x40, 0x20, 0, 0, 0xd1, 0xff, 0x00,
    ];
    assert_eq!(
        msgpack::from_slice::<[f64; 3]>(&mixed).unwrap(),
        [1.5, 2.5, -256.0]
    );
    // A string in the second place of the first pair: the slow path names it.
    let bad = [0x91, 0x92, 0xcb, 0, 0, 0, 0, 0, 0, 0, 0, 0xa1, b'x'];
    assert_eq!(
        err::<Vec<[f64; 2]>>(&bad),
        "Expected `float`, got `str` - at `$[0][1]`"
    );
    assert_eq!(
        err::<Vec<[f64; 2]>>(&[0x91, 0x93, 1, 2, 3]),
        "Expected `array` of length 2 - at `$[0]`"
    );
    let truncated = [0x91, 0x92, 0xcb, 0, 0, 0, 0, 0, 0, 0, 0, 0xcb, 0];
    assert_eq!(
        err::<Vec<[f64; 2]>>(&truncated),
        "MessagePack data is malformed: truncated (byte 13)"
    );
}

/// Arbitrary bytes, short enough that the first few are all markers and lengths.
#[test]
fn random_bytes_decode_as_rmp_serde_decodes_them() {
    runner(8192)
        .run(&prop::collection::vec(any::<u8>(), 0..12), |bytes| {
            agree::<Option<u16>>(&bytes)?;
            agree::<String>(&bytes)?;
            agree::<Vec<i64>>(&bytes)?;
            agree::<(bool, i8)>(&bytes)?;
            agree::<f64>(&bytes)?;
            agree::<u64>(&bytes)?;
            agree::<(i128, u128)>(&bytes)?;
            agree::<i32>(&bytes)
        })
        .unwrap();
}

#[test]
fn map_keys_are_validated_even_when_seen_before() {
    use zerospec::Value;
    // Many distinct keys, more than the decoder caches, each read twice.
    let mut map = zerospec::value::Map::new();
    for i in 0..300 {
        map.insert(format!("key{i}"), Value::Int(i.into()));
    }
    let value = Value::Array(vec![Value::Object(map.clone()), Value::Object(map)]);
    let bytes = msgpack::to_vec(&value).unwrap();
    assert_eq!(msgpack::from_slice::<Value>(&bytes).unwrap(), value);
    // A key that differs from a cached one only in an invalid byte is refused.
    let bytes = [
        0x82, 0xa3, b'a', b'b', b'c', 0x01, 0xa3, b'a', 0xff, b'c', 0x02,
    ];
    assert_eq!(
        err::<Value>(&bytes),
        "MessagePack data is malformed: invalid UTF-8 in str (byte 8)"
    );
    let bytes = [
        0x82, 0xa3, b'a', b'b', b'c', 0x01, 0xa3, b'a', b'b', b'd', 0x02,
    ];
    let v: Value = msgpack::from_slice(&bytes).unwrap();
    assert_eq!((v["abc"].as_u64(), v["abd"].as_u64()), (Some(1), Some(2)));
}

/// Short strings take a copy-the-window path; every length, at the end of the
/// input and followed by more, ASCII or not, must read back exactly, and
/// invalid UTF-8 must still be refused.
#[test]
fn strings_of_every_short_length_read_back() {
    for len in 0..=40 {
        for text in ["x".repeat(len), "é".repeat(len / 2)] {
            let alone = msgpack::to_vec(&text).unwrap();
            assert_eq!(msgpack::from_slice::<String>(&alone).unwrap(), text);
            let followed = msgpack::to_vec(&(text.clone(), "y".repeat(40))).unwrap();
            assert_eq!(
                msgpack::from_slice::<(String, String)>(&followed)
                    .unwrap()
                    .0,
                text
            );
        }
        if len > 0 {
            let mut broken = msgpack::to_vec(&("x".repeat(len), "y".repeat(40))).unwrap();
            broken[1 + len] = 0xff; // the last byte of the first string
            assert_eq!(
                msgpack::from_slice::<(String, String)>(&broken)
                    .unwrap_err()
                    .to_string(),
                format!(
                    "MessagePack data is malformed: invalid UTF-8 in str (byte {})",
                    1 + len
                ),
                "length {len}"
            );
        }
    }
}

// ----- struct fields in and out of order -----

/// The same record, with extra container attributes.
/// The same record, with extra container attributes, and optionally an
/// attribute for the two middle fields.
macro_rules! record {
    ($name:ident $(, #[$attr:meta])* $(; middle #[$middle:meta])?) => {
        #[derive(
            Debug, PartialEq, serde::Serialize, serde::Deserialize, zerospec::Encode, zerospec::Decode,
        )]
        $(#[$attr])*
        struct $name {
            id: u8,
            name: String,
            #[serde(rename = "t")]
            $(#[$middle])?
            tags: Vec<u16>,
            $(#[$middle])?
            note: Option<String>,
            address: [u8; 4],
        }
    };
}

record!(Record);
record!(StrictRecord, #[serde(deny_unknown_fields)]);
// Two fields in a row an encoder may leave out: each step also accepts the
// next field's key.
record!(LeftOutRecord; middle #[serde(default, skip_serializing_if = "is_default")]);

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A map of `entries`, each a key and the MessagePack of its value.
fn map_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut bytes = vec![0x80 | u8::try_from(entries.len()).unwrap()];
    for (key, value) in entries {
        bytes.extend(rmp_serde::to_vec(key).unwrap());
        bytes.extend(value);
    }
    bytes
}

/// The entries of a record's map: its fields in declaration order, then
/// picked by `order` (indices into the five fields and one unknown key), so
/// fields come in order, out of order, missing, repeated, or beside keys
/// no struct knows.
fn entries(order: &[usize], id: u8, address: [u8; 4]) -> Vec<(&'static str, Vec<u8>)> {
    let fields: [(&str, Vec<u8>); 6] = [
        ("id", rmp_serde::to_vec(&id).unwrap()),
        ("name", rmp_serde::to_vec("ada").unwrap()),
        ("t", rmp_serde::to_vec(&[1u16, 300]).unwrap()),
        ("note", rmp_serde::to_vec(&Some("n")).unwrap()),
        ("address", rmp_serde::to_vec(&address).unwrap()),
        ("zz", rmp_serde::to_vec(&[true]).unwrap()),
    ];
    order.iter().map(|&i| fields[i % 6].clone()).collect()
}

/// Structs match fields in declaration order first (comparing the input
/// with each expected name), then claim keys as usual from the first one
/// out of order: both must agree with rmp-serde on every order, and on
/// mutations of it.
#[test]
fn struct_fields_in_any_order_decode_as_rmp_serde_decodes_them() {
    let order = prop_oneof![
        3 => Just(vec![0, 1, 2, 3, 4]),
        1 => Just(vec![0, 1, 2, 3, 4, 5]),
        // Middle fields left out, one or both, or left out and then given
        // out of order.
        1 => prop::sample::select(vec![
            vec![0, 1, 3, 4],
            vec![0, 1, 2, 4],
            vec![0, 1, 4],
            vec![0, 1, 3, 4, 2],
            vec![0, 1, 4, 3, 2],
            vec![0, 1, 3, 2, 4],
            vec![0, 1, 3, 3, 4],
        ]),
        4 => prop::collection::vec(0..6usize, 0..8),
    ];
    let strategy = (
        order,
        any::<u8>(),
        any::<[u8; 4]>(),
        prop::collection::vec(mutation(), 0..3),
    );
    runner(4096)
        .run(&strategy, |(order, id, address, mutations)| {
            let bytes = mutate(map_of(&entries(&order, id, address)), &mutations);
            agree::<Record>(&bytes)?;
            agree::<StrictRecord>(&bytes)?;
            agree::<LeftOutRecord>(&bytes)
        })
        .unwrap();
}

#[test]
fn struct_fields_in_order_and_out_of_order_read_the_same() {
    let expected = Record {
        id: 7,
        name: "ada".to_owned(),
        tags: vec![1, 300],
        note: Some("n".to_owned()),
        address: [10, 200, 0, 255],
    };
    for order in [
        [0, 1, 2, 3, 4],
        [4, 3, 2, 1, 0],
        [0, 1, 3, 2, 4],
        [1, 0, 2, 3, 4],
    ] {
        let bytes = map_of(&entries(&order, 7, [10, 200, 0, 255]));
        assert_eq!(msgpack::from_slice::<Record>(&bytes).unwrap(), expected);
    }
    // An unknown key before, between or after the fields.
    for order in [
        &[5, 0, 1, 2, 3, 4][..],
        &[0, 1, 5, 2, 3, 4],
        &[0, 1, 2, 3, 4, 5],
    ] {
        let bytes = map_of(&entries(order, 7, [10, 200, 0, 255]));
        assert_eq!(msgpack::from_slice::<Record>(&bytes).unwrap(), expected);
        assert_eq!(
            err::<StrictRecord>(&bytes),
            "Object contains unknown field `zz` - at `$`"
        );
    }
    let repeated = map_of(&entries(&[0, 1, 2, 3, 4, 1], 7, [10, 200, 0, 255]));
    assert_eq!(
        err::<Record>(&repeated),
        "Object contains duplicate field `name` - at `$`"
    );
    let missing = map_of(&entries(&[0, 1, 3, 4], 7, [10, 200, 0, 255]));
    assert_eq!(
        err::<Record>(&missing),
        "Object missing required field `t` - at `$`"
    );
    // Fields an encoder may leave out, left out and given late.
    let left_out = |order: &[usize]| {
        msgpack::from_slice::<LeftOutRecord>(&map_of(&entries(order, 7, [1, 2, 3, 4])))
    };
    let read = |tags: Vec<u16>, note: Option<&str>| LeftOutRecord {
        id: 7,
        name: "ada".to_owned(),
        tags,
        note: note.map(str::to_owned),
        address: [1, 2, 3, 4],
    };
    assert_eq!(left_out(&[0, 1, 3, 4]).unwrap(), read(vec![], Some("n")));
    assert_eq!(left_out(&[0, 1, 2, 4]).unwrap(), read(vec![1, 300], None));
    assert_eq!(left_out(&[0, 1, 4]).unwrap(), read(vec![], None));
    assert_eq!(
        left_out(&[0, 1, 3, 4, 2]).unwrap(),
        read(vec![1, 300], Some("n"))
    );
    assert_eq!(
        left_out(&[0, 1, 3, 3, 4]).unwrap_err().to_string(),
        "Object contains duplicate field `note` - at `$`"
    );
    let no_note = map_of(&entries(&[0, 1, 2, 4], 7, [10, 200, 0, 255]));
    assert_eq!(msgpack::from_slice::<Record>(&no_note).unwrap().note, None);
}

/// `[u8; N]` (and the wider integer arrays) at the end of the input, where
/// the one pass has no room (see the next test), read every family through
/// the general path, with its errors.
#[test]
fn small_integer_arrays_read_every_family() {
    let mixed = [0x94, 0x0a, 0xcc, 0xc8, 0x00, 0xcc, 0xff];
    assert_eq!(
        msgpack::from_slice::<[u8; 4]>(&mixed).unwrap(),
        [10, 200, 0, 255]
    );
    assert_eq!(
        msgpack::from_slice::<[u64; 4]>(&mixed).unwrap(),
        [10, 200, 0, 255]
    );
    assert_eq!(
        msgpack::from_slice::<[i16; 4]>(&mixed).unwrap(),
        [10, 200, 0, 255]
    );
    // `uint 16` and a negative fixint: the general path.
    let wide = [0x94, 0x0a, 0xcd, 0x00, 0xc8, 0x00, 0x01];
    assert_eq!(
        msgpack::from_slice::<[u8; 4]>(&wide).unwrap(),
        [10, 200, 0, 1]
    );
    let negative = [0x92, 0x01, 0xff];
    assert_eq!(msgpack::from_slice::<[i32; 2]>(&negative).unwrap(), [1, -1]);
    assert_eq!(err::<[u8; 2]>(&negative), "Expected `int` >= 0 - at `$[1]`");
    // `i8` cannot hold 200, so it never takes the `u8` pass.
    assert_eq!(err::<[i8; 4]>(&mixed), "Expected `int` <= 127 - at `$[1]`");
    assert_eq!(
        err::<[u8; 3]>(&mixed),
        "Expected `array` of length 3 - at `$`"
    );
    assert_eq!(
        err::<[u8; 4]>(&mixed[..6]),
        "MessagePack data is malformed: truncated (byte 6)"
    );
    assert_eq!(
        err::<[u8; 4]>(&mixed[..5]),
        "MessagePack data is malformed: truncated (byte 5)"
    );
}

/// Followed by enough bytes for every element's wider form, a `[u8; N]` is
/// read without a branch per element; the value that follows must start
/// exactly where the array ends, whichever forms its elements took.
#[test]
fn small_integer_arrays_with_room_after_them() {
    let then_end = |array: &[u8]| [&[0x92][..], array, &[0xa3, b'e', b'n', b'd']].concat();
    let cases: [(&[u8], [u8; 4]); 4] = [
        (
            &[0x94, 0x0a, 0xcc, 0xc8, 0x00, 0xcc, 0xff],
            [10, 200, 0, 255],
        ),
        (&[0x94, 0x01, 0x02, 0x03, 0x04], [1, 2, 3, 4]),
        (
            &[0x94, 0xcc, 0x80, 0xcc, 0x81, 0xcc, 0x82, 0xcc, 0x83],
            [128, 129, 130, 131],
        ),
        // `uint 16` is left to the general path, which takes it.
        (&[0x94, 0x0a, 0xcd, 0x00, 0xc8, 0x00, 0x01], [10, 200, 0, 1]),
    ];
    for (array, expected) in cases {
        let bytes = then_end(array);
        assert_eq!(
            msgpack::from_slice::<([u8; 4], String)>(&bytes).unwrap(),
            (expected, "end".to_owned())
        );
        assert_eq!(
            msgpack::from_slice::<([u8; 4], String)>(&bytes).unwrap(),
            rmp_serde::from_slice::<([u8; 4], String)>(&bytes).unwrap()
        );
    }
    let negative = then_end(&[0x94, 0x01, 0xff, 0x02, 0x03]);
    assert_eq!(
        err::<([u8; 4], String)>(&negative),
        "Expected `int` >= 0 - at `$[0][1]`"
    );
    let float = then_end(&[0x94, 0x01, 0x02, 0xca, 0x00, 0x00, 0x00, 0x00]);
    assert_eq!(
        err::<([u8; 4], String)>(&float),
        "Expected `int`, got `float` - at `$[0][2]`"
    );
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize, zerospec::Decode)]
struct LongNames {
    a_field_name_of_thirty_two_bytes: u8,
    short: u8,
    a_field_name_well_over_thirty_two_bytes_long: u8,
}

/// Names of 32 bytes or more are `str 8` keys, and a short name may come in a
/// wider form than it needs: both are still the expected field.
#[test]
fn long_and_wide_field_names_match() {
    let expected = LongNames {
        a_field_name_of_thirty_two_bytes: 1,
        short: 2,
        a_field_name_well_over_thirty_two_bytes_long: 3,
    };
    let bytes = rmp_serde::to_vec_named(&expected).unwrap();
    assert_eq!(bytes[1..3], [0xd9, 32]);
    assert_eq!(msgpack::from_slice::<LongNames>(&bytes).unwrap(), expected);
    // `short` as a `str 8`, then the fields out of order.
    let wide = map_of(&[
        ("a_field_name_of_thirty_two_bytes", vec![1]),
        ("a_field_name_well_over_thirty_two_bytes_long", vec![3]),
    ]);
    let mut wide = [&wide[..], &[0xd9, 5], b"short", &[2]].concat();
    wide[0] = 0x83;
    assert_eq!(msgpack::from_slice::<LongNames>(&wide).unwrap(), expected);
    assert_eq!(rmp_serde::from_slice::<LongNames>(&wide).unwrap(), expected);
    let in_order_wide = [&bytes[..36], &[0xd9, 5], b"short", &bytes[42..]].concat();
    assert_eq!(
        msgpack::from_slice::<LongNames>(&in_order_wide).unwrap(),
        expected
    );
}

/// Empty arrays, taken in one step by every collection, followed by more input.
#[test]
fn empty_arrays_read_into_every_collection() {
    type Then7 = (zerospec_tests::Collections, u8);
    let bytes = [0x92, 0x95, 0x90, 0x90, 0x90, 0x90, 0x90, 0x07];
    let (all, seven): Then7 = msgpack::from_slice(&bytes).unwrap();
    assert!(zerospec_tests::all_empty(&all));
    assert_eq!(seven, 7);
    assert_eq!(rmp_serde::from_slice::<Then7>(&bytes).unwrap().1, 7);
    // An `array 16` of no elements is read the general way.
    assert_eq!(
        msgpack::from_slice::<(Vec<u8>, u8)>(&[0x92, 0xdc, 0x00, 0x00, 0x07]).unwrap(),
        (vec![], 7)
    );
    assert_eq!(
        err::<Vec<u8>>(&[0x90, 0x90]),
        "MessagePack data is malformed: trailing bytes after the value (byte 1)"
    );
}
