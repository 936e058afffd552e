//! The std types serde supports beyond the basics (time, paths, addresses,
//! number wrappers, ranges, `Result`, cells and locks, atomics, more
//! collections, C and OS strings): the exact bytes zerospec writes in JSON
//! and MessagePack equal serde_json's and rmp-serde's, each reads what the
//! other writes, errors are worded exactly, generated values agree both
//! ways, and the flat format round-trips them and reads them in place.

use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, LinkedList, VecDeque};
use std::ffi::{CStr, CString, OsString};
use std::fmt::Debug;
use std::marker::PhantomData;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::num::{
    NonZeroI8, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI128, NonZeroIsize, NonZeroU8,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroUsize, Saturating, Wrapping,
};
use std::ops::{Bound, Range, RangeFrom, RangeInclusive, RangeTo};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec::{DecodeOwned, Encode, ErrorKind};

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x57d5_e4de_0a11_7e55);
    }
    config.failure_persistence = None;
    config
}

/// MessagePack bytes as spaced hex, for readable assertions.
fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts the JSON and MessagePack zerospec writes for `value`: `json`
/// and `msgpack` (hex), and that serde writes the same.
#[track_caller]
fn writes<T: Encode + Serialize + ?Sized>(value: &T, json: &str, msgpack: &str) {
    assert_eq!(zerospec::json::to_string(value).unwrap(), json);
    assert_eq!(serde_json::to_string(value).unwrap(), json, "serde_json");
    assert_eq!(hex(&zerospec::msgpack::to_vec(value).unwrap()), msgpack);
    assert_eq!(
        hex(&rmp_serde::to_vec_named(value).unwrap()),
        msgpack,
        "rmp-serde"
    );
}

/// Differential check of one value through `view`, a projection that can
/// be compared (for types without `PartialEq`): both encoders write the
/// same bytes, and each decoder reads the other's bytes back to the value.
fn agree_by<T, K>(value: &T, view: impl Fn(&T) -> K) -> Result<(), TestCaseError>
where
    T: Encode + Serialize + DecodeOwned + DeserializeOwned,
    K: PartialEq + Debug,
{
    let json = zerospec::json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&json, &serde_json::to_string(value).unwrap());
    let ours: T =
        zerospec::json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(view(&ours), view(value));
    let theirs: T = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(view(&theirs), view(value));

    let packed =
        zerospec::msgpack::to_vec(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&packed, &rmp_serde::to_vec_named(value).unwrap());
    let ours: T =
        zerospec::msgpack::from_slice(&packed).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(view(&ours), view(value));
    let theirs: T = rmp_serde::from_slice(&packed).unwrap();
    prop_assert_eq!(view(&theirs), view(value));
    Ok(())
}

fn agree<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Encode + Serialize + DecodeOwned + DeserializeOwned + PartialEq + Debug + Clone,
{
    agree_by(value, T::clone)
}

#[track_caller]
fn check<T>(value: T)
where
    T: Encode + Serialize + DecodeOwned + DeserializeOwned + PartialEq + Debug + Clone,
{
    if let Err(err) = agree(&value) {
        panic!("{value:?}: {err}");
    }
}

/// The whole error message of decoding `input` as `T` from JSON.
#[track_caller]
fn json_err<T: DecodeOwned + Debug>(input: &str) -> String {
    match zerospec::json::from_str::<T>(input) {
        Ok(value) => panic!("{input:?} decoded as {value:?}"),
        Err(err) => err.to_string(),
    }
}

/// The whole error message of decoding `input` as `T` from MessagePack.
#[track_caller]
fn msgpack_err<T: DecodeOwned + Debug>(input: &[u8]) -> String {
    match zerospec::msgpack::from_slice::<T>(input) {
        Ok(value) => panic!("{input:?} decoded as {value:?}"),
        Err(err) => err.to_string(),
    }
}

/// The value flat-encoded and decoded back.
#[track_caller]
fn flat_round_trip<T: Encode + DecodeOwned>(value: &T) -> (Vec<u8>, T) {
    let bytes = zerospec::flat::to_vec(value).unwrap();
    let back = zerospec::flat::from_slice(&bytes).unwrap();
    (bytes, back)
}

// ----- time -----

#[test]
fn duration_bytes_and_forms() {
    writes(
        &Duration::new(1, 5),
        r#"{"secs":1,"nanos":5}"#,
        "82 a4 73 65 63 73 01 a5 6e 61 6e 6f 73 05",
    );
    let d = |s: &str| zerospec::json::from_str::<Duration>(s).unwrap();
    // Any order, the array form, and nanoseconds that carry, as serde reads them.
    assert_eq!(d(r#"{"nanos":5,"secs":1}"#), Duration::new(1, 5));
    assert_eq!(d("[1, 1500000000]"), Duration::new(2, 500_000_000));
    assert_eq!(
        serde_json::from_str::<Duration>("[1, 1500000000]").unwrap(),
        d("[1, 1500000000]")
    );
    assert_eq!(
        zerospec::msgpack::from_slice::<Duration>(&[0x92, 0x01, 0x05]).unwrap(),
        Duration::new(1, 5)
    );
    check(Duration::MAX);
    check(Duration::ZERO);
}

#[test]
fn duration_errors() {
    assert_eq!(
        json_err::<Duration>("[18446744073709551615, 1500000000]"),
        "Duration out of range: `nanos` carries `secs` past 18446744073709551615 - at `$`"
    );
    assert!(serde_json::from_str::<Duration>("[18446744073709551615, 1500000000]").is_err());
    assert_eq!(
        json_err::<Duration>(r#"{"secs":1,"nanos":2,"x":3}"#),
        "Object contains unknown field `x` - at `$`"
    );
    assert_eq!(
        json_err::<Duration>(r#"{"secs":1,"secs":2,"nanos":0}"#),
        "Object contains duplicate field `secs` - at `$`"
    );
    assert_eq!(
        json_err::<Duration>(r#"{"secs":1}"#),
        "Object missing required field `nanos` - at `$`"
    );
    assert_eq!(
        json_err::<Duration>(r#"{"secs":1,"nanos":-1}"#),
        "Expected `int` >= 0 - at `$.nanos`"
    );
    assert_eq!(
        json_err::<Duration>("[1, 2, 3]"),
        "Expected `array` of length 2 - at `$`"
    );
    assert_eq!(
        json_err::<Duration>("[1]"),
        "Expected `array` of length 2 - at `$`"
    );
    assert_eq!(
        json_err::<Duration>(r#"[1, "x"]"#),
        "Expected `int`, got `str` - at `$[1]`"
    );
    assert_eq!(
        json_err::<Duration>("5"),
        "Expected `object`, got `int` - at `$`"
    );
    // A field holding a Duration puts its own name on the path.
    assert_eq!(
        json_err::<BTreeMap<String, Duration>>(r#"{"a":{"secs":"1","nanos":0}}"#),
        r#"Expected `int`, got `str` - at `$["a"].secs`"#
    );
}

#[test]
fn system_time_bytes_and_errors() {
    let time = UNIX_EPOCH + Duration::new(1, 5);
    writes(
        &time,
        r#"{"secs_since_epoch":1,"nanos_since_epoch":5}"#,
        "82 b0 73 65 63 73 5f 73 69 6e 63 65 5f 65 70 6f 63 68 01 \
         b1 6e 61 6e 6f 73 5f 73 69 6e 63 65 5f 65 70 6f 63 68 05",
    );
    check(time);
    check(UNIX_EPOCH);
    assert_eq!(
        zerospec::json::from_str::<SystemTime>("[1, 5]").unwrap(),
        time
    );
    let before = UNIX_EPOCH - Duration::from_secs(1);
    let err = zerospec::json::to_string(&before).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(
        err.to_string(),
        "SystemTime before the Unix epoch cannot be written: its form counts seconds since then - at `$`"
    );
    assert!(serde_json::to_string(&before).is_err());
    assert!(zerospec::msgpack::to_vec(&before).is_err());
    assert!(zerospec::flat::to_vec(&before).is_err());
    assert_eq!(
        json_err::<SystemTime>(
            r#"{"secs_since_epoch":18446744073709551615,"nanos_since_epoch":1000000000}"#
        ),
        "SystemTime out of range: `nanos_since_epoch` carries `secs_since_epoch` past 18446744073709551615 - at `$`"
    );
    assert_eq!(
        json_err::<SystemTime>(
            r#"{"secs_since_epoch":18446744073709551615,"nanos_since_epoch":0}"#
        ),
        "SystemTime out of range: 18446744073709551615 seconds after the epoch is past what this platform holds - at `$`"
    );
    assert!(
        serde_json::from_str::<SystemTime>(
            r#"{"secs_since_epoch":18446744073709551615,"nanos_since_epoch":0}"#
        )
        .is_err()
    );
    assert_eq!(
        json_err::<SystemTime>(r#"{"secs":1,"nanos":0}"#),
        "Object contains unknown field `secs` - at `$`"
    );
}

// ----- addresses -----

#[test]
fn ip_addresses_bytes() {
    let v4 = Ipv4Addr::new(127, 0, 0, 1);
    writes(&v4, r#""127.0.0.1""#, "94 7f 00 00 01");
    writes(
        &Ipv6Addr::LOCALHOST,
        r#""::1""#,
        "dc 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01",
    );
    writes(
        &IpAddr::V4(v4),
        r#""127.0.0.1""#,
        "81 a2 56 34 94 7f 00 00 01",
    );
    writes(
        &IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        r#""::""#,
        "81 a2 56 36 dc 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
    );
    writes(
        &SocketAddr::from(([127, 0, 0, 1], 80)),
        r#""127.0.0.1:80""#,
        "81 a2 56 34 92 94 7f 00 00 01 50",
    );
    writes(
        &SocketAddrV4::new(v4, 65535),
        r#""127.0.0.1:65535""#,
        "92 94 7f 00 00 01 cd ff ff",
    );
    // The scope id is in the text; neither it nor the flow info is in the binary form.
    let v6 = SocketAddrV6::new(Ipv6Addr::LOCALHOST, 80, 7, 3);
    writes(
        &v6,
        r#""[::1%3]:80""#,
        "92 dc 00 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 50",
    );
    let back: SocketAddrV6 =
        zerospec::msgpack::from_slice(&zerospec::msgpack::to_vec(&v6).unwrap()).unwrap();
    assert_eq!(back, SocketAddrV6::new(Ipv6Addr::LOCALHOST, 80, 0, 0));
    let back: SocketAddrV6 = zerospec::json::from_str(r#""[::1%3]:80""#).unwrap();
    assert_eq!(back, SocketAddrV6::new(Ipv6Addr::LOCALHOST, 80, 0, 3));
}

#[test]
fn ip_address_errors() {
    assert_eq!(
        json_err::<IpAddr>(r#""1.2.3""#),
        "Invalid IP address `1.2.3` - at `$`"
    );
    assert_eq!(
        json_err::<Ipv4Addr>(r#""::1""#),
        "Invalid IPv4 address `::1` - at `$`"
    );
    assert_eq!(
        json_err::<Ipv6Addr>(r#""1.2.3.4""#),
        "Invalid IPv6 address `1.2.3.4` - at `$`"
    );
    assert_eq!(
        json_err::<SocketAddr>(r#""1.2.3.4""#),
        "Invalid socket address `1.2.3.4` - at `$`"
    );
    assert_eq!(
        json_err::<SocketAddrV4>(r#""1.2.3.4:70000""#),
        "Invalid IPv4 socket address `1.2.3.4:70000` - at `$`"
    );
    assert_eq!(
        json_err::<SocketAddrV6>(r#""[::1]""#),
        "Invalid IPv6 socket address `[::1]` - at `$`"
    );
    assert_eq!(
        json_err::<Ipv4Addr>("[127, 0, 0, 1]"),
        "Expected `str`, got `array` - at `$`"
    );
    // Binary formats: the octets, and the variants by name.
    assert_eq!(
        msgpack_err::<Ipv4Addr>(&[0x93, 1, 2, 3]),
        "Expected `array` of length 4 - at `$`"
    );
    assert_eq!(
        msgpack_err::<IpAddr>(&[0x81, 0xa2, b'V', b'5', 0x94, 1, 2, 3, 4]),
        "Invalid enum value `V5` - at `$`"
    );
    assert_eq!(
        msgpack_err::<IpAddr>(&[0xa2, b'V', b'4']),
        "Expected `object`, got `str` - at `$`"
    );
    assert_eq!(
        msgpack_err::<IpAddr>(&[0x81, 0xa2, b'V', b'4', 0x94, 1, 2, 3, 0xcd, 1, 0]),
        "Expected `int` <= 255 - at `$.V4[3]`"
    );
}

#[test]
fn addresses_as_map_keys() {
    let map = BTreeMap::from([(IpAddr::V4(Ipv4Addr::LOCALHOST), 1u8)]);
    writes(
        &map,
        r#"{"127.0.0.1":1}"#,
        "81 81 a2 56 34 94 7f 00 00 01 01",
    );
    check(map);
    check(BTreeMap::from([
        (Ipv6Addr::LOCALHOST, 1u8),
        (Ipv6Addr::UNSPECIFIED, 2),
    ]));
    check(BTreeMap::from([(
        SocketAddr::from(([10, 0, 0, 1], 443)),
        'a',
    )]));
    check(BTreeMap::from([(
        SocketAddrV4::new(Ipv4Addr::BROADCAST, 1),
        'a',
    )]));
    check(BTreeMap::from([(
        SocketAddrV6::new(Ipv6Addr::LOCALHOST, 1, 0, 0),
        'a',
    )]));
    check(HashMap::from([(Ipv4Addr::new(1, 2, 3, 4), true)]));
    assert_eq!(
        json_err::<BTreeMap<Ipv4Addr, u8>>(r#"{"1.2.3":1}"#),
        "Invalid IPv4 address `1.2.3` - at `$`"
    );
    assert_eq!(
        json_err::<BTreeMap<Ipv4Addr, u8>>(r#"{"1.2.3.4":"x"}"#),
        r#"Expected `int`, got `str` - at `$["1.2.3.4"]`"#
    );
}

// ----- paths -----

#[test]
fn paths() {
    writes(Path::new("a/b"), r#""a/b""#, "a3 61 2f 62");
    writes(
        &PathBuf::from("/tmp/x"),
        r#""/tmp/x""#,
        "a6 2f 74 6d 70 2f 78",
    );
    check(PathBuf::from("dir/é.txt"));
    let boxed: Box<Path> = zerospec::json::from_str(r#""a/b""#).unwrap();
    assert_eq!(&*boxed, Path::new("a/b"));
    let borrowed: &Path = zerospec::json::from_str(r#""a/b""#).unwrap();
    assert_eq!(borrowed, Path::new("a/b"));
    let input = zerospec::msgpack::to_vec(Path::new("p")).unwrap();
    let borrowed: &Path = zerospec::msgpack::from_slice(&input).unwrap();
    assert_eq!(borrowed, Path::new("p"));
    let err = zerospec::json::from_str::<&Path>(r#""a\/b""#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected a string without escapes, which `&str` can borrow from the input; \
         decode into `String` or `Cow<str>` to accept any string - at `$`"
    );
    assert_eq!(
        json_err::<PathBuf>("[104]"),
        "Expected `str`, got `array` - at `$`"
    );
    let map = BTreeMap::from([(PathBuf::from("a/b"), 1u8)]);
    writes(&map, r#"{"a/b":1}"#, "81 a3 61 2f 62 01");
    check(map);
}

#[cfg(unix)]
#[test]
fn non_utf8_path_is_an_encoding_error() {
    use std::os::unix::ffi::OsStrExt;
    let path = Path::new(std::ffi::OsStr::from_bytes(b"a\xffb"));
    let err = zerospec::json::to_string(path).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(
        err.to_string(),
        "path contains invalid UTF-8 characters, so it has no string form - at `$`"
    );
    assert!(serde_json::to_string(path).is_err());
    assert!(zerospec::msgpack::to_vec(path).is_err());
}

// ----- numbers -----

#[test]
fn nonzero_bytes_and_errors() {
    writes(&NonZeroU8::new(3).unwrap(), "3", "03");
    writes(&NonZeroI64::new(-300).unwrap(), "-300", "d1 fe d4");
    writes(
        &NonZeroU128::MAX,
        "340282366920938463463374607431768211455",
        "c4 10 ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff",
    );
    assert_eq!(json_err::<NonZeroU8>("0"), "Expected `int` != 0 - at `$`");
    assert_eq!(json_err::<NonZeroI32>("0"), "Expected `int` != 0 - at `$`");
    assert_eq!(
        json_err::<NonZeroU8>("256"),
        "Expected `int` <= 255 - at `$`"
    );
    assert_eq!(json_err::<NonZeroU8>("-1"), "Expected `int` >= 0 - at `$`");
    assert_eq!(
        msgpack_err::<NonZeroU16>(&[0x00]),
        "Expected `int` != 0 - at `$`"
    );
    assert_eq!(
        json_err::<Vec<NonZeroUsize>>("[1, 0]"),
        "Expected `int` != 0 - at `$[1]`"
    );
    let map = BTreeMap::from([(NonZeroU8::new(3).unwrap(), 1u8)]);
    writes(&map, r#"{"3":1}"#, "81 03 01");
    check(map);
    assert_eq!(
        json_err::<BTreeMap<NonZeroU8, u8>>(r#"{"0":1}"#),
        "Expected `int` != 0 - at `$`"
    );
}

#[test]
fn wrapping_and_saturating() {
    writes(&Wrapping(7u16), "7", "07");
    writes(&Saturating(-7i8), "-7", "f9");
    let sat = |s: &str| zerospec::json::from_str::<Saturating<u8>>(s).unwrap().0;
    assert_eq!(sat("300"), 255);
    assert_eq!(sat("-3"), 0);
    assert_eq!(
        serde_json::from_str::<Saturating<u8>>("300").unwrap().0,
        255
    );
    assert_eq!(serde_json::from_str::<Saturating<u8>>("-3").unwrap().0, 0);
    assert_eq!(
        zerospec::json::from_str::<Saturating<i8>>("-18446744073709551615")
            .map(|s| s.0)
            .ok(),
        None
    );
    assert_eq!(
        zerospec::json::from_str::<Saturating<i32>>("18446744073709551615")
            .unwrap()
            .0,
        i32::MAX
    );
    assert_eq!(
        zerospec::msgpack::from_slice::<Saturating<i16>>(&[0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0])
            .unwrap()
            .0,
        i16::MIN
    );
    assert_eq!(
        json_err::<Saturating<u8>>("1.5"),
        "Expected `int`, got `float` - at `$`"
    );
    assert_eq!(
        json_err::<Saturating<u8>>(r#""1""#),
        "Expected `int`, got `str` - at `$`"
    );
    assert_eq!(
        zerospec::json::from_str::<Saturating<u128>>("5").unwrap().0,
        5
    );
    let keys: BTreeMap<Saturating<u8>, u8> = zerospec::json::from_str(r#"{"300":1}"#).unwrap();
    assert_eq!(keys, BTreeMap::from([(Saturating(255), 1)]));
    check(BTreeMap::from([(Wrapping(5i64), Wrapping(6u8))]));
}

// ----- ranges and bounds -----

#[test]
fn ranges() {
    writes(
        &(1u8..3),
        r#"{"start":1,"end":3}"#,
        "82 a5 73 74 61 72 74 01 a3 65 6e 64 03",
    );
    writes(
        &(1u8..=3),
        r#"{"start":1,"end":3}"#,
        "82 a5 73 74 61 72 74 01 a3 65 6e 64 03",
    );
    writes(&(5i32..), r#"{"start":5}"#, "81 a5 73 74 61 72 74 05");
    writes(&(..5i32), r#"{"end":5}"#, "81 a3 65 6e 64 05");
    check(String::from("a")..String::from("b"));
    check(-1i64..=1);
    assert_eq!(
        zerospec::json::from_str::<Range<u8>>("[1, 2]").unwrap(),
        1..2
    );
    assert_eq!(
        zerospec::json::from_str::<RangeFrom<u8>>("[1]").unwrap(),
        1..
    );
    assert_eq!(
        json_err::<RangeTo<u8>>(r#"{"start":1}"#),
        "Object contains unknown field `start` - at `$`"
    );
    assert_eq!(
        json_err::<RangeInclusive<u8>>(r#"{"start":1}"#),
        "Object missing required field `end` - at `$`"
    );
    assert_eq!(
        json_err::<Range<u8>>(r#"{"end":1,"start":1000}"#),
        "Expected `int` <= 255 - at `$.start`"
    );
}

#[test]
fn bounds() {
    writes(
        &Bound::<u8>::Unbounded,
        r#""Unbounded""#,
        "a9 55 6e 62 6f 75 6e 64 65 64",
    );
    writes(
        &Bound::Included(3u8),
        r#"{"Included":3}"#,
        "81 a8 49 6e 63 6c 75 64 65 64 03",
    );
    writes(
        &Bound::Excluded(3u8),
        r#"{"Excluded":3}"#,
        "81 a8 45 78 63 6c 75 64 65 64 03",
    );
    let b = |s: &str| zerospec::json::from_str::<Bound<u8>>(s).unwrap();
    assert_eq!(b(r#"{"Unbounded":null}"#), Bound::Unbounded);
    assert_eq!(
        json_err::<Bound<u8>>(r#""Included""#),
        "Expected `object`, got `str` - at `$`"
    );
    assert_eq!(
        json_err::<Bound<u8>>(r#""Open""#),
        "Invalid enum value `Open` - at `$`"
    );
    assert_eq!(
        json_err::<Bound<u8>>(r#"{"Included":1,"Excluded":2}"#),
        "Expected `object` with a single key - at `$`"
    );
    assert_eq!(
        json_err::<Bound<u8>>(r#"{"Excluded":"x"}"#),
        "Expected `int`, got `str` - at `$.Excluded`"
    );
    assert_eq!(
        json_err::<Bound<u8>>("3"),
        "Expected `str | object`, got `int` - at `$`"
    );
}

#[test]
fn results() {
    writes(&Ok::<u8, String>(3), r#"{"Ok":3}"#, "81 a2 4f 6b 03");
    writes(
        &Err::<u8, String>("no".into()),
        r#"{"Err":"no"}"#,
        "81 a3 45 72 72 a2 6e 6f",
    );
    assert_eq!(
        json_err::<Result<u8, String>>(r#""Ok""#),
        "Expected `object`, got `str` - at `$`"
    );
    assert_eq!(
        json_err::<Result<u8, String>>(r#"{"Fine":1}"#),
        "Invalid enum value `Fine` - at `$`"
    );
    assert_eq!(
        json_err::<Result<u8, String>>(r#"{}"#),
        "Expected `object` with a single key - at `$`"
    );
    assert_eq!(
        json_err::<Result<u8, String>>(r#"{"Err":1}"#),
        "Expected `str`, got `int` - at `$.Err`"
    );
}

// ----- cells, locks, atomics, wrappers -----

#[test]
fn cells_locks_and_reverse() {
    writes(&Cell::new(5u8), "5", "05");
    writes(&RefCell::new(vec![1u8]), "[1]", "91 01");
    writes(&Mutex::new("m"), r#""m""#, "a1 6d");
    writes(&RwLock::new(-1i8), "-1", "ff");
    writes(&Reverse(4u32), "4", "04");
    let mutex: Mutex<u8> = zerospec::json::from_str("7").unwrap();
    assert_eq!(*mutex.lock().unwrap(), 7);
    let lock: RwLock<String> = zerospec::msgpack::from_slice(&[0xa1, b'x']).unwrap();
    assert_eq!(*lock.read().unwrap(), "x");
    check(Cell::new(3.5f64));
    check(RefCell::new(String::from("r")));
    check(Reverse(vec![1u8, 2]));
    check(BTreeMap::from([(Reverse(1u8), 'a'), (Reverse(2), 'b')]));
    writes(
        &BTreeMap::from([(Reverse(1u8), 'a'), (Reverse(2), 'b')]),
        r#"{"2":"b","1":"a"}"#,
        "82 02 a1 62 01 a1 61",
    );
}

#[test]
fn borrowed_ref_cell_is_an_encoding_error() {
    let cell = RefCell::new(1u8);
    let _guard = cell.borrow_mut();
    let err = zerospec::json::to_string(&cell).unwrap_err();
    assert_eq!(
        err.to_string(),
        "RefCell is mutably borrowed while encoding - at `$`"
    );
    assert!(serde_json::to_string(&cell).is_err());
}

#[test]
fn poisoned_locks_are_encoding_errors() {
    let mutex = Mutex::new(1u8);
    let lock = RwLock::new(1u8);
    let _ = std::panic::catch_unwind(|| {
        let _m = mutex.lock().unwrap();
        let _l = lock.write().unwrap();
        panic!("poison both");
    });
    assert!(mutex.is_poisoned() && lock.is_poisoned());
    for err in [
        zerospec::json::to_string(&mutex).unwrap_err(),
        zerospec::msgpack::to_vec(&lock).unwrap_err(),
        zerospec::flat::to_vec(&mutex).unwrap_err(),
    ] {
        assert_eq!(err.kind(), ErrorKind::Unsupported);
        assert_eq!(
            err.to_string(),
            "lock poison error while serializing - at `$`"
        );
    }
    assert_eq!(
        serde_json::to_string(&mutex).unwrap_err().to_string(),
        "lock poison error while serializing"
    );
}

#[test]
fn atomics() {
    writes(&AtomicBool::new(true), "true", "c3");
    writes(&AtomicI32::new(-5), "-5", "fb");
    writes(
        &AtomicU64::new(u64::MAX),
        "18446744073709551615",
        "cf ff ff ff ff ff ff ff ff",
    );
    let a: AtomicUsize = zerospec::json::from_str("9").unwrap();
    assert_eq!(a.load(Ordering::Relaxed), 9);
    assert_eq!(
        json_err::<AtomicBool>("1"),
        "Expected `bool`, got `int` - at `$`"
    );
}

// ----- collections -----

#[test]
fn heaps_lists_deques_phantoms() {
    let heap = BinaryHeap::from(vec![1u8, 5, 3]);
    let json = zerospec::json::to_string(&heap).unwrap();
    assert_eq!(json, serde_json::to_string(&heap).unwrap());
    assert_eq!(json, "[5,1,3]");
    let back: BinaryHeap<u8> = zerospec::json::from_str(&json).unwrap();
    assert_eq!(back.into_sorted_vec(), [1, 3, 5]);
    writes(&LinkedList::from([1u8, 2]), "[1,2]", "92 01 02");
    check(LinkedList::from([String::from("a")]));
    writes(&VecDeque::from([3u8]), "[3]", "91 03");
    writes(&PhantomData::<String>, "null", "90");
    assert_eq!(
        json_err::<LinkedList<u8>>("[1, -1]"),
        "Expected `int` >= 0 - at `$[1]`"
    );
}

// ----- C and OS strings -----

#[test]
fn c_strings() {
    let c = CString::new("hi").unwrap();
    writes(&c, "[104,105]", "c4 02 68 69");
    writes(c.as_c_str(), "[104,105]", "c4 02 68 69");
    check(c.clone());
    let boxed: Box<CStr> = zerospec::json::from_str("[104,105]").unwrap();
    assert_eq!(&*boxed, c.as_c_str());
    // serde_json also reads a string's bytes.
    assert_eq!(zerospec::json::from_str::<CString>(r#""hi""#).unwrap(), c);
    assert_eq!(serde_json::from_str::<CString>(r#""hi""#).unwrap(), c);
    assert_eq!(
        json_err::<CString>("[97, 0]"),
        "Invalid C string: nul byte at index 1 - at `$`"
    );
    assert_eq!(
        json_err::<CString>(r#""a\u0000b""#),
        "Invalid C string: nul byte at index 1 - at `$`"
    );
    assert_eq!(
        msgpack_err::<CString>(&[0xc4, 0x01, 0x00]),
        "Invalid C string: nul byte at index 0 - at `$`"
    );
}

#[cfg(unix)]
#[test]
fn os_strings() {
    use std::os::unix::ffi::OsStringExt;
    let os = OsString::from("hi");
    writes(&os, r#"{"Unix":[104,105]}"#, "81 a4 55 6e 69 78 92 68 69");
    writes(
        os.as_os_str(),
        r#"{"Unix":[104,105]}"#,
        "81 a4 55 6e 69 78 92 68 69",
    );
    check(OsString::from_vec(vec![0xff, 0, b'a']));
    let boxed: Box<std::ffi::OsStr> = zerospec::json::from_str(r#"{"Unix":[104]}"#).unwrap();
    assert_eq!(&*boxed, "h");
    assert_eq!(
        json_err::<OsString>(r#"{"Windows":[104]}"#),
        "a Windows OS string cannot be read on Unix - at `$.Windows`"
    );
    assert_eq!(
        json_err::<OsString>(r#"{"Mac":[104]}"#),
        "Invalid enum value `Mac` - at `$`"
    );
}

// ----- generated values, both directions, both formats -----

fn any_ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|o| IpAddr::V4(o.into())),
        any::<[u8; 16]>().prop_map(|o| IpAddr::V6(o.into())),
    ]
}

fn any_socket() -> impl Strategy<Value = SocketAddr> {
    prop_oneof![
        (any::<[u8; 4]>(), any::<u16>()).prop_map(|(o, p)| SocketAddr::from((o, p))),
        // The binary forms carry neither flow info nor scope id, the text only the scope.
        (any::<[u8; 16]>(), any::<u16>()).prop_map(|(o, p)| SocketAddr::V6(SocketAddrV6::new(
            o.into(),
            p,
            0,
            0
        ))),
    ]
}

fn any_bound() -> impl Strategy<Value = Bound<i32>> {
    prop_oneof![
        Just(Bound::Unbounded),
        any::<i32>().prop_map(Bound::Included),
        any::<i32>().prop_map(Bound::Excluded),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn durations_agree(secs: u64, nanos in 0u32..1_000_000_000) {
        agree(&Duration::new(secs, nanos))?;
    }

    #[test]
    fn durations_written_by_serde_with_carries(secs in 0u64..u64::MAX / 2, nanos: u32) {
        // Any `nanos`, as a hand-written document may hold: both carry alike.
        let json = format!(r#"{{"secs":{secs},"nanos":{nanos}}}"#);
        let ours: Duration = zerospec::json::from_str(&json).unwrap();
        prop_assert_eq!(ours, serde_json::from_str::<Duration>(&json).unwrap());
    }

    #[test]
    fn system_times_agree(secs in 0u64..(i64::MAX as u64), nanos in 0u32..1_000_000_000) {
        agree(&(UNIX_EPOCH + Duration::new(secs, nanos)))?;
    }

    #[test]
    fn ip_addresses_agree(ip in any_ip()) {
        agree(&ip)?;
        match ip {
            IpAddr::V4(v4) => agree(&v4)?,
            IpAddr::V6(v6) => agree(&v6)?,
        }
        agree(&BTreeMap::from([(ip, 0u8)]))?;
    }

    #[test]
    fn socket_addresses_agree(addr in any_socket(), scope: u32) {
        agree(&addr)?;
        match addr {
            SocketAddr::V4(v4) => agree(&v4)?,
            SocketAddr::V6(v6) => agree(&v6)?,
        }
        // With a scope id, the text keeps it.
        if let SocketAddr::V6(v6) = addr {
            let scoped = SocketAddrV6::new(*v6.ip(), v6.port(), 0, scope);
            let json = zerospec::json::to_string(&scoped).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&scoped).unwrap());
            prop_assert_eq!(zerospec::json::from_str::<SocketAddrV6>(&json).unwrap(), scoped);
        }
    }

    #[test]
    fn nonzero_agree(a: NonZeroU8, b: NonZeroU16, c: NonZeroU32, d: NonZeroU64, e: NonZeroU128,
                     f: NonZeroUsize, g: NonZeroI8, h: NonZeroI16, i: NonZeroI32, j: NonZeroI64,
                     k: NonZeroI128, l: NonZeroIsize) {
        agree(&(a, b, c, d, e, f))?;
        agree(&(g, h, i, j, k, l))?;
        agree(&BTreeMap::from([(c, j)]))?;
    }

    #[test]
    fn number_wrappers_agree(a: u8, b: i64, c: i16) {
        agree(&(Wrapping(a), Saturating(b), Reverse(c)))?;
    }

    #[test]
    fn saturating_clamps_as_serde_does(value: i64, wide: u64) {
        for json in [value.to_string(), wide.to_string()] {
            let ours = zerospec::json::from_str::<Saturating<i16>>(&json).unwrap();
            prop_assert_eq!(ours, serde_json::from_str::<Saturating<i16>>(&json).unwrap());
            let ours = zerospec::json::from_str::<Saturating<u32>>(&json).unwrap();
            prop_assert_eq!(ours, serde_json::from_str::<Saturating<u32>>(&json).unwrap());
        }
        let packed = rmp_serde::to_vec(&value).unwrap();
        let ours = zerospec::msgpack::from_slice::<Saturating<u8>>(&packed).unwrap();
        prop_assert_eq!(ours, rmp_serde::from_slice::<Saturating<u8>>(&packed).unwrap());
    }

    #[test]
    fn ranges_and_bounds_agree(a: i32, b: i32, bound in any_bound()) {
        agree(&(a..b))?;
        agree(&(a..=b))?;
        agree(&(a..))?;
        agree(&(..b))?;
        agree(&bound)?;
    }

    #[test]
    fn results_agree(value: Result<u16, String>) {
        agree(&value)?;
    }

    #[test]
    fn cells_and_locks_agree(value: String, n: i64, flag: bool) {
        agree(&Cell::new(n))?;
        agree(&RefCell::new(value.clone()))?;
        agree_by(&Mutex::new(value.clone()), |m| m.lock().unwrap().clone())?;
        agree_by(&RwLock::new(value), |m| m.read().unwrap().clone())?;
        agree_by(&AtomicBool::new(flag), |a| a.load(Ordering::Relaxed))?;
        agree_by(&AtomicI32::new(n as i32), |a| a.load(Ordering::Relaxed))?;
    }

    #[test]
    fn collections_agree(items: Vec<u16>) {
        agree(&items.iter().copied().collect::<LinkedList<_>>())?;
        agree_by(&BinaryHeap::from(items), |h| h.clone().into_sorted_vec())?;
    }

    #[test]
    fn strings_agree(bytes in proptest::collection::vec(1u8.., 0..20), text: String) {
        agree(&CString::new(bytes.clone()).unwrap())?;
        agree(&PathBuf::from(text))?;
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            agree(&OsString::from_vec(bytes))?;
        }
    }
}

// ----- the flat format -----

/// The flat bytes of `value`, its owned decode and its view, which must
/// give back `value` (compared through `key`).
#[track_caller]
fn flat_views<T, K>(value: &T, key: impl Fn(&T) -> K) -> Vec<u8>
where
    T: Encode + DecodeOwned + zerospec::flat::View,
    K: PartialEq + Debug,
{
    let (bytes, back) = flat_round_trip(value);
    assert_eq!(key(&back), key(value));
    let view = zerospec::flat::view::<T>(&bytes).unwrap();
    assert_eq!(key(&T::from_view(view)), key(value));
    bytes
}

#[test]
fn flat_slots_of_inline_values() {
    use zerospec::flat::View;
    let d = Duration::new(0x0102, 7);
    let bytes = flat_views(&d, Duration::clone);
    assert_eq!(bytes, [2, 1, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0]);
    assert_eq!(zerospec::flat::view::<Duration>(&bytes).unwrap(), d);
    let t = UNIX_EPOCH + d;
    assert_eq!(flat_views(&t, SystemTime::clone), bytes);
    assert_eq!(<Duration as View>::INLINE_SIZE, Some(12));
    assert_eq!(<SystemTime as Encode>::INLINE_SIZE, Some(12));

    let v4 = Ipv4Addr::new(10, 0, 0, 1);
    assert_eq!(flat_views(&v4, Ipv4Addr::clone), [10, 0, 0, 1]);
    assert_eq!(flat_views(&Ipv6Addr::LOCALHOST, Ipv6Addr::clone).len(), 16);
    let ip = IpAddr::V4(v4);
    assert_eq!(
        flat_views(&ip, IpAddr::clone),
        [0, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    );
    let ip6 = IpAddr::V6(Ipv6Addr::LOCALHOST);
    assert_eq!(flat_views(&ip6, IpAddr::clone)[..2], [1, 0]);
    let s4 = SocketAddrV4::new(v4, 0x1f90);
    assert_eq!(
        flat_views(&s4, SocketAddrV4::clone),
        [10, 0, 0, 1, 0x90, 0x1f]
    );
    // Flow info and scope id are kept here.
    let s6 = SocketAddrV6::new(Ipv6Addr::LOCALHOST, 80, 5, 6);
    let bytes = flat_views(&s6, SocketAddrV6::clone);
    assert_eq!(bytes[16..], [80, 0, 5, 0, 0, 0, 6, 0, 0, 0]);
    flat_views(&SocketAddr::V6(s6), SocketAddr::clone);
    flat_views(&SocketAddr::V4(s4), SocketAddr::clone);

    let nz = NonZeroU32::new(0x0304).unwrap();
    assert_eq!(flat_views(&nz, NonZeroU32::clone), [4, 3, 0, 0]);
    assert_eq!(flat_views(&NonZeroUsize::MAX, NonZeroUsize::clone).len(), 8);
    assert_eq!(
        flat_views(&NonZeroI8::new(-1).unwrap(), NonZeroI8::clone),
        [0xff]
    );
    assert_eq!(flat_views(&Wrapping(5u16), Wrapping::clone), [5, 0]);
    assert_eq!(
        flat_views(&Saturating(-1i16), Saturating::clone),
        [0xff, 0xff]
    );
    assert_eq!(flat_views(&Reverse(1u8), Reverse::clone), [1]);
    assert_eq!(flat_views(&Cell::new(2u8), Cell::get), [2]);
    assert_eq!(
        flat_views(&AtomicU64::new(3), |a| a.load(Ordering::Relaxed)).len(),
        8
    );
    assert_eq!(flat_views(&Mutex::new(4u8), |m| *m.lock().unwrap()), [4]);
    assert_eq!(flat_views(&RwLock::new(4u8), |m| *m.read().unwrap()), [4]);
    assert_eq!(flat_views(&RefCell::new(4u8), |m| *m.borrow()), [4]);
}

#[test]
fn flat_ranges_bounds_results() {
    assert_eq!(flat_views(&(1u16..2), Range::clone), [1, 0, 2, 0]);
    assert_eq!(flat_views(&(1u16..=2), RangeInclusive::clone), [1, 0, 2, 0]);
    assert_eq!(flat_views(&(1u16..), RangeFrom::clone), [1, 0]);
    assert_eq!(flat_views(&(..2u16), |r: &RangeTo<u16>| *r), [2, 0]);
    assert_eq!(
        flat_views(&Bound::<u16>::Unbounded, Bound::clone),
        [0, 0, 0, 0]
    );
    assert_eq!(
        flat_views(&Bound::Included(7u16), Bound::clone),
        [1, 0, 7, 0]
    );
    assert_eq!(
        flat_views(&Bound::Excluded(7u16), Bound::clone),
        [1, 1, 7, 0]
    );
    assert_eq!(
        flat_views(&Ok::<u8, u16>(9), Result::clone),
        [1, 9, 0, 0, 0]
    );
    assert_eq!(
        flat_views(&Err::<u8, u16>(9), Result::clone),
        [0, 0, 1, 9, 0]
    );
    // Out-of-line contents work as in any inline slot.
    flat_views(&Err::<u8, String>("bad".into()), Result::clone);
    flat_views(&(String::from("a")..String::from("b")), Range::clone);
    let bytes = zerospec::flat::to_vec(&Bound::Excluded(String::from("x"))).unwrap();
    let view = zerospec::flat::view::<Bound<String>>(&bytes).unwrap();
    assert_eq!(view, Bound::Excluded("x"));
}

#[test]
fn flat_paths_collections_strings() {
    let path = PathBuf::from("a/b");
    let bytes = flat_views(&path, PathBuf::clone);
    assert_eq!(bytes, [4, 0, 0, 0, 3, b'a', b'/', b'b']);
    assert_eq!(
        zerospec::flat::view::<PathBuf>(&bytes).unwrap(),
        Path::new("a/b")
    );
    let borrowed: &Path = zerospec::flat::from_slice(&bytes).unwrap();
    assert_eq!(borrowed, Path::new("a/b"));
    flat_views(&LinkedList::from([1u8, 2]), LinkedList::clone);
    flat_views(&BinaryHeap::from([3u8, 1, 2]), |h| {
        h.clone().into_sorted_vec()
    });
    flat_views(&vec![Mutex::new(1u32), Mutex::new(2)], |v| {
        v.iter().map(|m| *m.lock().unwrap()).collect::<Vec<_>>()
    });
    let (bytes, back) = flat_round_trip(&CString::new("hi").unwrap());
    assert_eq!(bytes, [4, 0, 0, 0, 2, b'h', b'i']);
    assert_eq!(back, CString::new("hi").unwrap());
    #[cfg(unix)]
    {
        let (bytes, back) = flat_round_trip(&OsString::from("hi"));
        assert_eq!(bytes, [4, 0, 0, 0, 2, b'h', b'i']);
        assert_eq!(back, OsString::from("hi"));
    }
    // Map keys keep the order the view searches by.
    let map = BTreeMap::from([(Reverse(1u8), 'a'), (Reverse(2), 'b')]);
    let bytes = flat_views(&map, BTreeMap::clone);
    let view = zerospec::flat::view::<BTreeMap<Reverse<u8>, char>>(&bytes).unwrap();
    assert_eq!(view.get(&Reverse(1)), Some('a'));
    let map = HashMap::from([(Ipv4Addr::new(9, 9, 9, 9), 1u8), (Ipv4Addr::LOCALHOST, 2)]);
    let bytes = flat_views(&map, HashMap::clone);
    let view = zerospec::flat::view::<HashMap<Ipv4Addr, u8>>(&bytes).unwrap();
    assert_eq!(view.get(&Ipv4Addr::LOCALHOST), Some(2));
    flat_views(
        &BTreeMap::from([(PathBuf::from("a/b"), 1u8), (PathBuf::from("a-b"), 2)]),
        BTreeMap::clone,
    );
    flat_views(
        &HashMap::from([(PathBuf::from("a/b"), 1u8), (PathBuf::from("a-b"), 2)]),
        HashMap::clone,
    );
}

#[test]
fn flat_rejects_invalid_slots() {
    let malformed =
        |message: &str, byte: usize| format!("Flat data is malformed: {message} (byte {byte})");
    let bad_nanos = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0xca, 0x9a, 0x3b];
    let expected = malformed("invalid Duration (nanoseconds of 10^9 or more)", 0);
    assert_eq!(
        zerospec::flat::view::<Duration>(&bad_nanos)
            .unwrap_err()
            .to_string(),
        expected
    );
    assert_eq!(
        zerospec::flat::from_slice::<Duration>(&bad_nanos)
            .unwrap_err()
            .to_string(),
        expected
    );
    assert_eq!(
        zerospec::flat::view::<SystemTime>(&bad_nanos)
            .unwrap_err()
            .to_string(),
        expected
    );
    assert_eq!(
        zerospec::flat::from_slice::<SystemTime>(&bad_nanos)
            .unwrap_err()
            .to_string(),
        "SystemTime out of range: `nanos_since_epoch` of 10^9 or more - at `$`"
    );
    let expected = malformed("zero in a `NonZero` slot", 0);
    assert_eq!(
        zerospec::flat::view::<NonZeroU16>(&[0, 0])
            .unwrap_err()
            .to_string(),
        expected
    );
    assert_eq!(
        zerospec::flat::from_slice::<NonZeroU16>(&[0, 0])
            .unwrap_err()
            .to_string(),
        expected
    );
    let mut ip = [0u8; 17];
    ip[0] = 2;
    let expected = malformed("invalid address variant (expected 0 or 1)", 0);
    assert_eq!(
        zerospec::flat::view::<IpAddr>(&ip).unwrap_err().to_string(),
        expected
    );
    assert_eq!(
        zerospec::flat::from_slice::<IpAddr>(&ip)
            .unwrap_err()
            .to_string(),
        expected
    );
    let neither = [0u8; 4];
    assert_eq!(
        zerospec::flat::view::<Result<u8, u8>>(&neither)
            .unwrap_err()
            .to_string(),
        malformed(
            "invalid Result (exactly one of `Ok` and `Err` must be present)",
            0
        )
    );
    assert_eq!(
        zerospec::flat::from_slice::<Result<u8, u8>>(&neither)
            .unwrap_err()
            .to_string(),
        "invalid Result (exactly one of `Ok` and `Err` must be present) - at `$`"
    );
    assert_eq!(
        zerospec::flat::view::<Bound<u8>>(&[1, 2, 0])
            .unwrap_err()
            .to_string(),
        malformed("invalid bool (expected 0 or 1)", 1)
    );
    assert_eq!(
        zerospec::flat::from_slice::<Bound<u8>>(&[1, 2, 0])
            .unwrap_err()
            .to_string(),
        malformed("invalid bool (expected 0 or 1)", 1)
    );
}

#[derive(zerospec::Encode, zerospec::Decode, zerospec::View, Debug, PartialEq)]
struct Visit {
    at: SystemTime,
    took: Duration,
    from: IpAddr,
    id: NonZeroU32,
    pages: Range<u16>,
    limit: Bound<u8>,
    outcome: Result<u8, String>,
    path: PathBuf,
    rank: Reverse<i8>,
}

fn visit() -> Visit {
    Visit {
        at: UNIX_EPOCH + Duration::new(1_700_000_000, 5),
        took: Duration::from_millis(1500),
        from: IpAddr::V6(Ipv6Addr::LOCALHOST),
        id: NonZeroU32::new(7).unwrap(),
        pages: 3..9,
        limit: Bound::Excluded(4),
        outcome: Err("timeout".into()),
        path: PathBuf::from("/index.html"),
        rank: Reverse(-2),
    }
}

#[test]
fn derived_struct_of_std_types_in_every_format() {
    let value = visit();
    let bytes = zerospec::flat::to_vec(&value).unwrap();
    let view = zerospec::flat::view::<Visit>(&bytes).unwrap();
    assert_eq!(view.at(), value.at);
    assert_eq!(view.took(), Duration::from_millis(1500));
    assert_eq!(view.from(), IpAddr::V6(Ipv6Addr::LOCALHOST));
    assert_eq!(view.id().get(), 7);
    assert_eq!(view.pages(), (3, 9));
    assert_eq!(view.limit(), Bound::Excluded(4));
    assert_eq!(view.outcome(), Err("timeout"));
    assert_eq!(view.path(), Path::new("/index.html"));
    assert_eq!(view.rank(), Reverse(-2));
    assert_eq!(zerospec::flat::from_slice::<Visit>(&bytes).unwrap(), value);
    let json = zerospec::json::to_string(&value).unwrap();
    assert_eq!(
        json,
        r#"{"at":{"secs_since_epoch":1700000000,"nanos_since_epoch":5},"took":{"secs":1,"nanos":500000000},"from":"::1","id":7,"pages":{"start":3,"end":9},"limit":{"Excluded":4},"outcome":{"Err":"timeout"},"path":"/index.html","rank":-2}"#
    );
    assert_eq!(zerospec::json::from_str::<Visit>(&json).unwrap(), value);
    let packed = zerospec::msgpack::to_vec(&value).unwrap();
    assert_eq!(
        zerospec::msgpack::from_slice::<Visit>(&packed).unwrap(),
        value
    );
}

fn any_visit() -> impl Strategy<Value = Visit> {
    (
        (0u64..1 << 40, 0u32..1_000_000_000),
        any::<u64>(),
        any_ip(),
        any::<NonZeroU32>(),
        (any::<u16>(), any::<u16>()),
        prop_oneof![
            Just(Bound::Unbounded),
            any::<u8>().prop_map(Bound::Included)
        ],
        any::<Result<u8, String>>(),
        "[a-z/]{0,12}",
        any::<i8>(),
    )
        .prop_map(
            |((secs, nanos), took, from, id, (a, b), limit, outcome, path, rank)| Visit {
                at: UNIX_EPOCH + Duration::new(secs, nanos),
                took: Duration::from_nanos(took),
                from,
                id,
                pages: a..b,
                limit,
                outcome,
                path: PathBuf::from(path),
                rank: Reverse(rank),
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn flat_round_trips_and_views_generated(value in any_visit(), socket in any_socket(), d: u64) {
        let bytes = zerospec::flat::to_vec(&value).unwrap();
        prop_assert_eq!(&zerospec::flat::from_slice::<Visit>(&bytes).unwrap(), &value);
        let view = zerospec::flat::view::<Visit>(&bytes).unwrap();
        prop_assert_eq!(&view.to_owned(), &value);
        let (_, back) = flat_round_trip(&socket);
        prop_assert_eq!(back, socket);
        let items = vec![Duration::from_nanos(d); 3];
        let bytes = zerospec::flat::to_vec(&items).unwrap();
        prop_assert_eq!(zerospec::flat::from_slice::<Vec<Duration>>(&bytes).unwrap(), items);
    }
}
