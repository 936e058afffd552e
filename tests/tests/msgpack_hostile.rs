//! Hostile MessagePack: lengths that claim more than the input holds, input cut
//! at every byte, nesting far past the limit, random bytes. Every case is an
//! error (or a value), never a panic, a hang or an allocation out of
//! proportion to the input.

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use zerospec::msgpack::{self, MsgPackDecoder};
use zerospec::{ByteBuf, Decoder, ErrorKind, Value};

/// Headers that each claim about four billion elements or bytes, with nothing after.
const HUGE: [&[u8]; 9] = [
    &[0xdd, 0xff, 0xff, 0xff, 0xff],       // array 32
    &[0xdf, 0xff, 0xff, 0xff, 0xff],       // map 32
    &[0xdb, 0xff, 0xff, 0xff, 0xff],       // str 32
    &[0xc6, 0xff, 0xff, 0xff, 0xff],       // bin 32
    &[0xc9, 0xff, 0xff, 0xff, 0xff, 0x01], // ext 32
    &[0xdc, 0xff, 0xff],                   // array 16
    &[0xde, 0xff, 0xff],                   // map 16
    &[0xda, 0xff, 0xff],                   // str 16
    &[0xc5, 0xff, 0xff],                   // bin 16
];

#[test]
fn huge_declared_lengths_fail_before_allocating() {
    // If any of these reserved what the header claims, `Vec<u64>` alone would
    // ask for 32 GiB and abort the test process.
    for bytes in HUGE {
        let truncated = format!(
            "MessagePack data is malformed: truncated (byte {})",
            bytes.len()
        );
        let check = |e: zerospec::Error| {
            assert_eq!(e.to_string(), truncated, "{bytes:02x?}");
        };
        match bytes[0] {
            0xdd | 0xdc => {
                check(msgpack::from_slice::<Vec<u64>>(bytes).unwrap_err());
                check(msgpack::from_slice::<Vec<Value>>(bytes).unwrap_err());
                check(msgpack::from_slice::<Vec<String>>(bytes).unwrap_err());
            }
            0xdf | 0xde => {
                check(msgpack::from_slice::<HashMap<String, Value>>(bytes).unwrap_err());
                check(msgpack::from_slice::<BTreeMap<u64, u64>>(bytes).unwrap_err());
            }
            0xdb | 0xda => check(msgpack::from_slice::<String>(bytes).unwrap_err()),
            0xc6 | 0xc5 => {
                check(msgpack::from_slice::<ByteBuf>(bytes).unwrap_err());
                check(msgpack::from_slice::<bytes::Bytes>(bytes).unwrap_err());
                check(msgpack::from_slice::<&[u8]>(bytes).unwrap_err());
            }
            _ => {}
        }
        check(msgpack::from_slice::<Value>(bytes).unwrap_err());
        check(MsgPackDecoder::new(bytes).skip_value().unwrap_err());
    }
}

#[test]
fn length_hints_never_exceed_the_remaining_input() {
    // 20 elements claimed, 20 bytes follow: the hint is exact and safe.
    let mut bytes = vec![0xdc, 0x00, 20];
    bytes.extend([0x01; 20]);
    let mut decoder = MsgPackDecoder::new(&bytes);
    let seq = decoder.seq_begin().unwrap();
    assert_eq!(decoder.seq_remaining(&seq), Some(20));
    // 21 claimed: refused at the header, before any element is read.
    bytes[2] = 21;
    let e = MsgPackDecoder::new(&bytes).seq_begin().unwrap_err();
    assert_eq!(
        e.to_string(),
        "MessagePack data is malformed: truncated (byte 23)"
    );
    // A map entry takes at least two bytes.
    let bytes = [0x82, 0x01, 0x02, 0x03];
    assert!(MsgPackDecoder::new(&bytes).map_begin().is_err());
    let bytes = [0x82, 0x01, 0x02, 0x03, 0x04];
    let mut decoder = MsgPackDecoder::new(&bytes);
    let map = decoder.map_begin().unwrap();
    assert_eq!(decoder.map_remaining(&map), Some(2));
}

/// A document using every family, for cutting short.
fn every_family() -> Vec<u8> {
    let value = Value::Array(vec![
        Value::Null,
        Value::Bool(true),
        Value::Int(-5000),
        Value::Int(u64::MAX.into()),
        Value::Float(0.25),
        Value::Str("x".repeat(40)),
        Value::Bytes(vec![1; 300]),
        Value::Ext(-1, vec![0, 0, 0, 1]),
        Value::Ext(9, vec![2; 20]),
        Value::Object(
            [("k".to_owned(), Value::Array(vec![Value::Int(1); 20]))]
                .into_iter()
                .collect(),
        ),
    ]);
    msgpack::to_vec(&value).unwrap()
}

#[test]
fn truncation_at_every_byte_is_a_syntax_error() {
    let bytes = every_family();
    assert!(msgpack::from_slice::<Value>(&bytes).is_ok());
    for cut in 0..bytes.len() {
        let e = msgpack::from_slice::<Value>(&bytes[..cut]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax, "cut at {cut}: {e}");
        assert_eq!(e.offset(), Some(cut), "cut at {cut}: {e}");
        let e = MsgPackDecoder::new(&bytes[..cut]).skip_value().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax, "skip, cut at {cut}: {e}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for opener in [
        &[0x91u8][..],
        &[0xdc, 0x00, 0x01],
        &[0x81, 0xa0],
        &[0x81, 0x00],
    ] {
        let bytes: Vec<u8> = opener
            .iter()
            .copied()
            .cycle()
            .take(opener.len() * 100_000)
            .collect();
        let e = msgpack::from_slice::<Value>(&bytes).unwrap_err();
        // Maps with integer keys fail as `Value` on the key, before the limit.
        if opener != [0x81, 0x00] {
            assert_eq!(e.kind(), ErrorKind::Depth, "{opener:02x?}: {e}");
        }
        let e = MsgPackDecoder::new(&bytes).skip_value().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Depth, "{opener:02x?}: {e}");
    }
    let bytes = vec![0x91; 100_000];
    let e = msgpack::from_slice::<Vec<Vec<Vec<Vec<Value>>>>>(&bytes).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Depth);
}

#[test]
fn a_quadrillion_empty_elements_cannot_be_claimed() {
    // Nested array 32 headers each claiming 2^32-1 elements: the first header
    // already claims more elements than bytes remain.
    let mut bytes = Vec::new();
    for _ in 0..10 {
        bytes.extend([0xdd, 0xff, 0xff, 0xff, 0xff]);
    }
    let e = MsgPackDecoder::new(&bytes).skip_value().unwrap_err();
    assert_eq!(
        e.to_string(),
        "MessagePack data is malformed: truncated (byte 50)"
    );
}

#[test]
fn random_bytes_never_panic() {
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: 4096,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &[3; 32]),
    );
    let seed = every_family();
    let strategy = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64),
        prop::collection::vec((any::<usize>(), any::<u8>()), 1..6).prop_map(move |edits| {
            let mut bytes = seed.clone();
            for (i, b) in edits {
                let n = bytes.len();
                bytes[i % n] = b;
            }
            bytes
        }),
    ];
    runner
        .run(&strategy, |bytes| {
            let _ = msgpack::from_slice::<Value>(&bytes);
            let _ = msgpack::from_slice::<Vec<(u8, String, Option<f64>)>>(&bytes);
            let _ = msgpack::from_slice::<BTreeMap<String, ByteBuf>>(&bytes);
            let _ = msgpack::from_slice::<zerospec::msgpack::Timestamp>(&bytes);
            let _ = msgpack::from_bytes::<Vec<bytes::Bytes>>(bytes::Bytes::from(bytes.clone()));
            let _ = MsgPackDecoder::new(&bytes).skip_value();
            let _ = zerospec::transcode::msgpack_to_json(&bytes);
            Ok(())
        })
        .unwrap();
}
