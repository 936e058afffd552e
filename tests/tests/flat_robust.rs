//! Hostile and damaged flat buffers: every truncation and many random byte
//! mutations of valid buffers either fail validation with an error, or give a
//! view whose every accessor works without panicking. The owned decoder never
//! panics either, and where validation passes it agrees with the view.
//!
//! The models are the hand-written reference impls of `flat_reference.rs`
//! (what the derive generates), the benchmark models, and std types.
//! Mutations come from proptest with a fixed seed; set `FLAT_ROBUST_CASES`
//! for more.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use zerospec::flat::{FlatDecoder, View};
use zerospec::{Encode, ErrorKind};
use zerospec_tests::exercise_flat as exercise;

#[allow(dead_code, unreachable_pub)]
#[path = "flat_reference.rs"]
mod reference;

use reference::{Address, Event, Item, Level, Log, LogV2};

/// Reads `bytes` as every model type: the right one and all the wrong ones.
fn exercise_all(bytes: &[u8]) {
    exercise::<Vec<Log>>(bytes);
    exercise::<Item>(bytes);
    exercise::<Vec<Event>>(bytes);
    exercise::<Vec<Level>>(bytes);
    exercise::<Vec<Address>>(bytes);
    exercise::<(Option<String>, [u16; 3], char, bool)>(bytes);
    exercise::<BTreeMap<String, Vec<u32>>>(bytes);
    exercise::<HashMap<u32, Option<String>>>(bytes);
    exercise::<Vec<Vec<String>>>(bytes);
    exercise::<Option<Box<Item>>>(bytes);
    exercise::<zerospec_benches::flat_data::Logs>(bytes);
    exercise::<zerospec_benches::flat_data::Mesh>(bytes);
    // V2 reads V1 data (and the reverse) through every mutation too; its
    // `#[serde(default)]` differs from the view's absent value on purpose,
    // so it is only required not to panic.
    let _ = zerospec::flat::from_slice::<Vec<LogV2>>(bytes);
    if let Ok(view) = zerospec::flat::view::<Vec<LogV2>>(bytes) {
        let _ = format!("{view:?}");
        let _ = <Vec<LogV2> as View>::from_view(view);
    }
}

fn log(n: u8) -> Log {
    Log {
        address: Address {
            x0: n,
            x1: 1,
            x2: 2,
            x3: 3,
        },
        identity: "-".into(),
        userid: ["alice", "-", "bob"][usize::from(n % 3)].into(),
        date: format!("{n}/Oct/2000:13:55:36 -0700"),
        request: "GET /index.html HTTP/1.1".into(),
        code: 200,
        size: u64::from(n) * 977,
    }
}

fn item() -> Item {
    Item {
        name: "wïdget".into(),
        note: Some("ünïcode".into()),
        tags: vec!["a".into(), String::new(), "ccc".into()],
        weights: vec![0.5, -1.0],
        stock: BTreeMap::from([("a".into(), 1), ("b".into(), 2)]),
        last: Some(log(7)),
        origin: Some(Address {
            x0: 9,
            x1: 8,
            x2: 7,
            x3: 6,
        }),
    }
}

/// One valid buffer of each model.
fn samples() -> Vec<(&'static str, Vec<u8>)> {
    fn encode<T: Encode + ?Sized>(value: &T) -> Vec<u8> {
        zerospec::flat::to_vec(value).expect("encodes")
    }
    vec![
        ("logs", encode(&(0..4).map(log).collect::<Vec<_>>())),
        ("item", encode(&item())),
        (
            "events",
            encode(&vec![
                Event::Ping,
                Event::Message("hi".into()),
                Event::Move(1, -1),
                Event::Login {
                    user: "u".into(),
                    admin: true,
                },
            ]),
        ),
        ("levels", encode(&vec![Level::Info, Level::Error])),
        (
            "addresses",
            encode(&vec![item().origin.unwrap(), Address::default()]),
        ),
        (
            "tuple",
            encode(&(Some("x".to_owned()), [1u16, 2, 3], 'é', true)),
        ),
        (
            "btreemap",
            encode(&BTreeMap::from([
                ("k".to_owned(), vec![1u32, 2]),
                ("l".to_owned(), vec![]),
            ])),
        ),
        (
            "hashmap",
            encode(&HashMap::from([(3u32, Some("c".to_owned())), (1, None)])),
        ),
        (
            "nested",
            encode(&vec![
                vec!["a".to_owned()],
                vec![],
                vec!["b".to_owned(), "c".to_owned()],
            ]),
        ),
        ("boxed", encode(&Some(Box::new(item())))),
        (
            "bench-logs",
            encode(&zerospec_benches::flat_data::logs(3, 7)),
        ),
        (
            "bench-mesh",
            encode(&zerospec_benches::flat_data::mesh(2, 7)),
        ),
        (
            "logs-v2",
            encode(&vec![LogV2 {
                log: log(1),
                referer: "r".into(),
                tags: vec!["t".into()],
            }]),
        ),
    ]
}

#[test]
fn every_truncation_fails_or_reads_safely() {
    for (name, bytes) in samples() {
        for len in 0..=bytes.len() {
            let result = std::panic::catch_unwind(|| exercise_all(&bytes[..len]));
            assert!(
                result.is_ok(),
                "{name}: truncated to {len} of {} bytes",
                bytes.len()
            );
        }
    }
}

#[test]
fn valid_buffers_validate_as_their_own_type() {
    let samples = samples();
    let bytes = |name: &str| &samples.iter().find(|(n, _)| *n == name).unwrap().1;
    assert!(zerospec::flat::view::<Vec<Log>>(bytes("logs")).is_ok());
    assert!(zerospec::flat::view::<Item>(bytes("item")).is_ok());
    assert!(zerospec::flat::view::<Vec<Event>>(bytes("events")).is_ok());
    assert!(zerospec::flat::view::<HashMap<u32, Option<String>>>(bytes("hashmap")).is_ok());
    assert!(zerospec::flat::view::<zerospec_benches::flat_data::Mesh>(bytes("bench-mesh")).is_ok());
    // V1 data as V2 and the reverse.
    assert!(zerospec::flat::view::<Vec<LogV2>>(bytes("logs")).is_ok());
    assert!(zerospec::flat::view::<Vec<Log>>(bytes("logs-v2")).is_ok());
}

/// One change to a buffer.
#[derive(Debug, Clone)]
enum Mutation {
    /// Sets the byte at this position (modulo the length).
    Set(usize, u8),
    /// Flips one bit.
    Flip(usize, u8),
    /// Writes a little-endian `u32` (an offset, a count ...).
    Word(usize, u32),
    /// Removes a byte.
    Remove(usize),
    /// Inserts a byte.
    Insert(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set(at, byte)),
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        (
            any::<usize>(),
            prop_oneof![
                Just(0u32),
                1u32..64,
                Just(u32::MAX),
                Just(0x8000_0000),
                any::<u32>()
            ]
        )
            .prop_map(|(at, word)| Mutation::Word(at, word)),
        any::<usize>().prop_map(Mutation::Remove),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert(at, byte)),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    match *mutation {
        Mutation::Set(at, byte) => bytes[at % len] = byte,
        Mutation::Flip(at, bit) => bytes[at % len] ^= 1 << bit,
        Mutation::Word(at, word) => {
            let at = at % len;
            for (offset, byte) in word.to_le_bytes().into_iter().enumerate() {
                if let Some(slot) = bytes.get_mut(at + offset) {
                    *slot = byte;
                }
            }
        }
        Mutation::Remove(at) => {
            bytes.remove(at % len);
        }
        Mutation::Insert(at, byte) => bytes.insert(at % (len + 1), byte),
    }
}

fn cases() -> u32 {
    std::env::var("FLAT_ROBUST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(10_000)
}

/// A runner of [`cases`] cases from a fixed seed, so a failure repeats.
fn runner() -> TestRunner {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

#[test]
fn random_mutations_fail_or_read_safely() {
    let samples = samples();
    let mut runner = runner();
    let strategy = (0..samples.len(), prop::collection::vec(mutation(), 1..6));
    runner
        .run(&strategy, |(sample, mutations)| {
            let mut bytes = samples[sample].1.clone();
            for mutation in &mutations {
                apply(&mut bytes, mutation);
            }
            exercise_all(&bytes);
            Ok(())
        })
        .unwrap();
}

#[test]
fn random_bytes_fail_or_read_safely() {
    let mut runner = runner();
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..64), |bytes| {
            exercise_all(&bytes);
            Ok(())
        })
        .unwrap();
}

#[test]
fn hostile_counts_fail_before_allocating() {
    // A `Vec<u64>` claiming 2^32 - 1 elements in a 9-byte buffer.
    let bytes = [4, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f];
    let err = zerospec::flat::view::<Vec<u64>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: truncated (byte 9)"
    );
    let err = zerospec::flat::from_slice::<Vec<u64>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: truncated (byte 9)"
    );
    // Zero-width elements take a byte each: no free counts.
    assert!(zerospec::flat::view::<Vec<()>>(&bytes).is_err());
    assert!(zerospec::flat::from_slice::<Vec<()>>(&bytes).is_err());
    // A string claiming more bytes than there are.
    let bytes = [4, 0, 0, 0, 0x7f, b'a'];
    assert!(zerospec::flat::view::<String>(&bytes).is_err());
    assert!(zerospec::flat::from_slice::<String>(&bytes).is_err());
}

#[test]
fn text_is_checked_when_validated_and_when_read() {
    // Every length through the ASCII check's size classes (up to 3, 4 to 7,
    // 8 to 15, 16 to 32, then 64-byte blocks and 16-byte chunks), with one
    // byte that is not ASCII at every position: a valid `é`, and a lone
    // continuation byte that breaks UTF-8.
    for len in 0..=80 {
        let ascii = "x".repeat(len);
        let bytes = zerospec::flat::to_vec(&ascii).unwrap();
        assert_eq!(zerospec::flat::view::<String>(&bytes).unwrap(), ascii);
        assert_eq!(<String as View>::read(&bytes), ascii);
        assert_eq!(zerospec::flat::from_slice::<String>(&bytes).unwrap(), ascii);
        // With input after it, a short string is decoded through a window.
        let pair = (ascii.clone(), "y".repeat(40));
        let bytes = zerospec::flat::to_vec(&pair).unwrap();
        assert_eq!(
            zerospec::flat::from_slice::<(String, String)>(&bytes).unwrap(),
            pair
        );
        for at in 0..len {
            let mut text = ascii.clone().into_bytes();
            text[at] = 0xc3;
            text.insert(at + 1, 0xa9);
            let text = String::from_utf8(text).unwrap();
            let bytes = zerospec::flat::to_vec(&text).unwrap();
            assert_eq!(zerospec::flat::view::<String>(&bytes).unwrap(), text);
            assert_eq!(<String as View>::read(&bytes), text);
            assert_eq!(zerospec::flat::from_slice::<String>(&bytes).unwrap(), text);
            let pair = (text, "y".repeat(40));
            let bytes = zerospec::flat::to_vec(&pair).unwrap();
            assert_eq!(
                zerospec::flat::from_slice::<(String, String)>(&bytes).unwrap(),
                pair
            );

            let mut bytes = zerospec::flat::to_vec(&ascii).unwrap();
            let start = bytes.len() - len;
            bytes[start + at] = 0x80;
            let err = zerospec::flat::view::<String>(&bytes).unwrap_err();
            assert_eq!(
                err.to_string(),
                "Flat data is malformed: invalid UTF-8 (byte 0)",
                "length {len}, at {at}"
            );
            // Read without validating, a view hands out no invalid text.
            assert_eq!(<String as View>::read(&bytes), "", "length {len}, at {at}");
            let err = zerospec::flat::from_slice::<String>(&bytes).unwrap_err();
            assert_eq!(
                err.to_string(),
                "Flat data is malformed: invalid UTF-8 (byte 0)",
                "length {len}, at {at}"
            );
        }
    }
}

#[test]
fn empty_strings_allocate_nothing() {
    // With input after it, where a short string is copied through a window,
    // in both binary formats.
    let empty = (String::new(), "y".repeat(40));
    let flat = zerospec::flat::to_vec(&empty).unwrap();
    let flat = zerospec::flat::from_slice::<(String, String)>(&flat).unwrap();
    let msgpack = zerospec::msgpack::to_vec(&empty).unwrap();
    let msgpack = zerospec::msgpack::from_slice::<(String, String)>(&msgpack).unwrap();
    assert_eq!((flat.0.capacity(), msgpack.0.capacity()), (0, 0));
    assert_eq!((flat, msgpack), (empty.clone(), empty));
}

#[test]
fn offsets_must_point_forward_without_sharing() {
    // Two strings whose slots point at the same bytes: the second offset
    // points back into data already validated.
    let mut bytes = zerospec::flat::to_vec(&("ab".to_owned(), "cd".to_owned())).unwrap();
    // Layout: slot 0 (offset 8 -> byte 8), slot 4 (offset 7 -> byte 11), "ab", "cd".
    assert_eq!(
        bytes,
        [8, 0, 0, 0, 7, 0, 0, 0, 2, b'a', b'b', 2, b'c', b'd']
    );
    bytes[4] = 4; // the second slot now points at "ab" too
    let err = zerospec::flat::view::<(String, String)>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: offset points backwards, into data already validated (byte 4)"
    );
    assert!(zerospec::flat::from_slice::<(String, String)>(&bytes).is_err());
    // Offsets at the edges of the rest of the buffer: to the last byte, to
    // the end, far past it, and back to the slot itself (offset 0, absent).
    assert_eq!(
        zerospec::flat::view::<String>(&[4, 0, 0, 0, 0]).unwrap(),
        ""
    );
    let past = "Flat data is malformed: offset points past the end (byte 0)";
    for bytes in [[5, 0, 0, 0, 0], [0xff, 0xff, 0xff, 0xff, 0]] {
        let err = zerospec::flat::view::<String>(&bytes).unwrap_err();
        assert_eq!(err.to_string(), past, "{bytes:?}");
    }
    assert_eq!(zerospec::flat::view::<String>(&[0, 0, 0, 0]).unwrap(), "");
    // An offset from the second slot into the slots themselves: backwards.
    let bytes = [8, 0, 0, 0, 1, 0, 0, 0, 1, b'a'];
    let err = zerospec::flat::view::<(String, String)>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: offset points backwards, into data already validated (byte 4)"
    );
    // Invalid UTF-8, a bool of 2, a surrogate char.
    assert!(zerospec::flat::view::<String>(&[4, 0, 0, 0, 1, 0xff]).is_err());
    assert!(zerospec::flat::view::<bool>(&[2]).is_err());
    assert!(zerospec::flat::view::<char>(&0xd800u32.to_le_bytes()).is_err());
    assert!(zerospec::flat::from_slice::<char>(&0xd800u32.to_le_bytes()).is_err());
}

#[test]
fn map_keys_must_increase() {
    let mut bytes = zerospec::flat::to_vec(&BTreeMap::from([(1u8, 1u8), (2, 2)])).unwrap();
    assert_eq!(bytes, [4, 0, 0, 0, 2, 1, 1, 2, 2]);
    bytes[7] = 1; // a duplicate key
    let err = zerospec::flat::view::<BTreeMap<u8, u8>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: map keys are not in increasing order (byte 7)"
    );
}

/// A `Vec` nested `N` deep, one element at each level.
trait Deep: Sized {
    fn deep() -> Self;
}

impl Deep for u8 {
    fn deep() -> Self {
        7
    }
}

impl<T: Deep> Deep for Vec<T> {
    fn deep() -> Self {
        vec![T::deep()]
    }
}

type V8<T> = Vec<Vec<Vec<Vec<Vec<Vec<Vec<Vec<T>>>>>>>>;
type Deep72 = V8<V8<V8<V8<V8<V8<V8<V8<V8<u8>>>>>>>>>;

#[test]
fn nesting_deeper_than_the_limit_fails() {
    // The writer refuses it unless told the readers will accept it.
    let err = zerospec::flat::to_vec(&Deep72::deep()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    let mut encoder = zerospec::flat::FlatEncoder::new(Vec::new()).with_max_depth(72);
    encoder.encode(&Deep72::deep()).unwrap();
    let bytes = encoder.into_inner();
    let err = zerospec::flat::view::<Deep72>(&bytes).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Depth);
    assert_eq!(err.message(), "nesting deeper than 64");
    assert!(zerospec::flat::view_with_max_depth::<Deep72>(&bytes, 72).is_ok());
    assert!(zerospec::flat::view_with_max_depth::<Deep72>(&bytes, 71).is_err());

    let err = zerospec::flat::from_slice::<Deep72>(&bytes).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Depth);
    let decoded: Deep72 = FlatDecoder::new(&bytes)
        .with_max_depth(72)
        .decode()
        .unwrap();
    assert_eq!(decoded, Deep72::deep());
}

#[test]
fn incompatible_types_fail_or_read_in_bounds() {
    for (name, bytes) in samples() {
        let result = std::panic::catch_unwind(|| exercise_all(&bytes));
        assert!(result.is_ok(), "{name}");
    }
}
