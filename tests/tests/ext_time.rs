//! `time` types (feature `time`) against `time`'s own serde impls with its
//! `serde-human-readable` feature: strings in JSON, tuples in MessagePack,
//! both read in both, exact errors, and the flat layout and views.

use std::fmt::Debug;

use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use time::macros::{date, datetime, offset, time};
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};
use zerospec::{Decode, DecodeOwned, Encode, ErrorKind, View};

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 512;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5eed_0000_7133_0001);
    }
    config.failure_persistence = None;
    config
}

/// Checks `value` both ways in both formats against serde.
fn agree<T>(value: &T) -> Result<(String, Vec<u8>), TestCaseError>
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + PartialEq + Debug,
{
    let json = serde_json::to_string(value).unwrap();
    prop_assert_eq!(zerospec::json::to_string(value).unwrap(), json.clone());
    prop_assert_eq!(&zerospec::json::from_str::<T>(&json).unwrap(), value);
    prop_assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
    let packed = rmp_serde::to_vec_named(value).unwrap();
    prop_assert_eq!(zerospec::msgpack::to_vec(value).unwrap(), packed.clone());
    prop_assert_eq!(&zerospec::msgpack::from_slice::<T>(&packed).unwrap(), value);
    prop_assert_eq!(&rmp_serde::from_slice::<T>(&packed).unwrap(), value);
    // Each format reads the other's form too, as `time` does.
    let text_in_msgpack =
        rmp_serde::to_vec_named(&serde_json::from_str::<serde_json::Value>(&json).unwrap())
            .unwrap();
    prop_assert_eq!(
        &zerospec::msgpack::from_slice::<T>(&text_in_msgpack).unwrap(),
        value
    );
    prop_assert_eq!(
        &rmp_serde::from_slice::<T>(&text_in_msgpack).unwrap(),
        value
    );
    let tuple_in_json =
        serde_json::to_string(&rmp_serde::from_slice::<serde_json::Value>(&packed).unwrap())
            .unwrap();
    prop_assert_eq!(
        &zerospec::json::from_str::<T>(&tuple_in_json).unwrap(),
        value
    );
    prop_assert_eq!(&serde_json::from_str::<T>(&tuple_in_json).unwrap(), value);
    Ok((json, packed))
}

#[track_caller]
fn forms<T>(value: &T) -> (String, Vec<u8>)
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + PartialEq + Debug,
{
    agree(value).unwrap()
}

/// zerospec and serde_json agree on `text` as a `T`: the same value, or
/// both refuse it. Answers zerospec's error message, if any.
#[track_caller]
fn same_reading<T>(text: &str) -> Option<String>
where
    T: DeserializeOwned + DecodeOwned + PartialEq + Debug,
{
    let ours = zerospec::json::from_str::<T>(text);
    let theirs = serde_json::from_str::<T>(text);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{text}");
            None
        }
        (Err(a), Err(_)) => Some(a.to_string()),
        (a, b) => panic!("{text}: zerospec {a:?}, serde_json {b:?}"),
    }
}

#[test]
fn dates_and_times_write_strings_in_json_and_tuples_in_msgpack() {
    let (json, packed) = forms(&date!(2024 - 05 - 17));
    assert_eq!(json, r#""2024-05-17""#);
    assert_eq!(packed, [0x92, 0xcd, 0x07, 0xe8, 0xcc, 0x8a]);
    assert_eq!(forms(&date!(-0001 - 01 - 01)).0, r#""-0001-01-01""#);
    assert_eq!(forms(&Date::MIN).0, r#""-9999-01-01""#);

    let (json, packed) = forms(&time!(02:04:59.918));
    assert_eq!(json, r#""02:04:59.918""#);
    assert_eq!(
        packed,
        [0x94, 0x02, 0x04, 0x3b, 0xce, 0x36, 0xb7, 0x91, 0x80]
    );
    assert_eq!(forms(&Time::MIDNIGHT).0, r#""00:00:00.0""#);
    assert_eq!(
        forms(&time!(23:59:59.000000001)).0,
        r#""23:59:59.000000001""#
    );

    let (json, packed) = forms(&datetime!(2024-05-17 02:04:59.5));
    assert_eq!(json, r#""2024-05-17 02:04:59.5""#);
    assert_eq!(packed[0], 0x96);

    let (json, packed) = forms(&datetime!(2024-05-17 02:04:59 -00:30));
    assert_eq!(json, r#""2024-05-17 02:04:59.0 -00:30:00""#);
    assert_eq!(
        packed,
        [
            0x99, 0xcd, 0x07, 0xe8, 0xcc, 0x8a, 0x02, 0x04, 0x3b, 0x00, 0x00, 0xe2, 0x00
        ]
    );

    let (json, packed) = forms(&offset!(+05:30:15));
    assert_eq!(json, r#""+05:30:15""#);
    assert_eq!(packed, [0x93, 0x05, 0x1e, 0x0f]);
    assert_eq!(forms(&UtcOffset::UTC).0, r#""+00:00:00""#);
    assert_eq!(forms(&offset!(-25:59:59)).0, r#""-25:59:59""#);

    let (json, packed) = forms(&Duration::milliseconds(-1500));
    assert_eq!(json, r#""-1.500000000""#);
    assert_eq!(packed, [0x92, 0xff, 0xd2, 0xe2, 0x32, 0x9b, 0x00]);
    assert_eq!(forms(&Duration::nanoseconds(-5)).0, r#""-0.000000005""#);
    assert_eq!(
        forms(&Duration::MAX).0,
        r#""9223372036854775807.999999999""#
    );
    assert_eq!(
        forms(&Duration::MIN).0,
        r#""-9223372036854775808.999999999""#
    );
}

#[test]
fn text_is_read_as_times_parser_reads_it() {
    for text in [
        r#""2024-05-17""#,
        r#""+2024-05-17""#,
        r#""-2024-05-17""#,
        r#""02024-05-17""#,
        r#""2024-5-17""#,
        r#""2024-02-30""#,
        r#""2024-13-01""#,
        r#""2024-00-01""#,
        r#""2024-05-00""#,
        r#""2024-05-17 ""#,
        r#""2024-05-17x""#,
        r#""""#,
        "[2024,138]",
        "[2024,367]",
        "[2024]",
        "[2024,1,1]",
        "[2024,-1]",
        "17",
    ] {
        same_reading::<Date>(text);
    }
    for text in [
        r#""02:04:59.918""#,
        r#""02:04:59""#,
        r#""02:04:59.""#,
        r#""02:04:59.1234567891234""#,
        r#""02:04:59.123456789012345678901234567890123""#,
        r#""02:04:60.0""#,
        r#""24:00:00.0""#,
        r#""2:04:59.0""#,
        "[2,4,59,0]",
        "[2,4,59]",
        "[2,4,59,1000000000]",
    ] {
        same_reading::<Time>(text);
    }
    for text in [
        r#""2024-05-17 02:04:59.5""#,
        r#""2024-05-17T02:04:59.5""#,
        r#""2024-05-17 02:04:59.5 +00:00:00""#,
        "[2024,138,2,4,59,0]",
    ] {
        same_reading::<PrimitiveDateTime>(text);
    }
    for text in [
        r#""2024-05-17 02:04:59.5 +02:00:00""#,
        r#""2024-05-17 02:04:59.5 02:00:00""#,
        r#""2024-05-17 02:04:59.5 +02:00""#,
        r#""2024-05-17 02:04:59.5 -00:30:00""#,
        r#""2024-05-17 02:04:59.5 +26:00:00""#,
        "[2024,138,2,4,59,0,2,0,0]",
        "[2024,138,2,4,59,0,2,-30,0]",
        "[2024,138,2,4,59,0,2,0]",
    ] {
        same_reading::<OffsetDateTime>(text);
    }
    for text in [
        r#""+02:00:00""#,
        r#""-02:30:00""#,
        r#""-00:00:01""#,
        r#""+25:59:59""#,
        r#""+26:00:00""#,
        r#""+02:60:00""#,
        r#""02:00:00""#,
        "[2]",
        "[2,30]",
        "[2,30,15]",
        "[2,30,15,0]",
        "[-2,30]",
        "[]",
    ] {
        same_reading::<UtcOffset>(text);
    }
    for text in [
        r#""1.5""#,
        r#""-1.5""#,
        r#""-0.5""#,
        r#""+3.25""#,
        r#""1.""#,
        r#""1""#,
        r#"".5""#,
        r#""1.5.5""#,
        r#""1.1234567891""#,
        r#""9223372036854775808.0""#,
        r#""1.-5""#,
        "[1,500000000]",
        "[1,-500000000]",
        "[1,1000000000]",
        "[-1,999999999]",
        "[1]",
    ] {
        same_reading::<Duration>(text);
    }
}

#[test]
fn errors_name_the_type_and_its_form() {
    let err = |text: &str| same_reading::<Date>(text).unwrap();
    assert_eq!(
        err(r#""2024-5-17""#),
        "Invalid `Date`: expected the form `2024-05-17` - at `$`"
    );
    assert_eq!(
        err(r#""2024-02-30""#),
        "Invalid `Date`: day was not in range - at `$`"
    );
    assert_eq!(
        err("[2024,367]"),
        "Invalid `Date`: ordinal was not in range - at `$`"
    );
    assert_eq!(err("[2024]"), "Expected `array` of length 2 - at `$`");
    assert_eq!(err("[2024,-1]"), "Expected `int` >= 0 - at `$[1]`");
    assert_eq!(err("17"), "Expected `str`, got `int` - at `$`");
    let e = zerospec::json::from_str::<Date>(r#""x""#).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(
        same_reading::<Time>(r#""02:04:59""#).unwrap(),
        "Invalid `Time`: expected the form `02:04:59.918` - at `$`"
    );
    assert_eq!(
        same_reading::<OffsetDateTime>(r#""2024-05-17 02:04:59.5 +02:00""#).unwrap(),
        "Invalid `OffsetDateTime`: expected the form `2024-05-17 02:04:59.918 +02:00:00` - at `$`"
    );
    assert_eq!(
        same_reading::<UtcOffset>("[2,30,15,0]").unwrap(),
        "Expected `array` of length 1 to 3 - at `$`"
    );
    assert_eq!(
        same_reading::<Duration>(r#""1""#).unwrap(),
        "Invalid `Duration`: expected the form `-1.500000000` - at `$`"
    );
    assert_eq!(
        same_reading::<Duration>("[1,1000000000]").unwrap(),
        "Expected the nanoseconds of a `Duration` within ±999999999, got 1000000000 - at `$[1]`"
    );
    let packed = rmp_serde::to_vec_named(&true).unwrap();
    assert_eq!(
        zerospec::msgpack::from_slice::<Date>(&packed)
            .unwrap_err()
            .to_string(),
        "Expected `array`, got `bool` - at `$`"
    );
    assert!(rmp_serde::from_slice::<Date>(&packed).is_err());
}

fn any_date() -> impl Strategy<Value = Date> {
    (Date::MIN.to_julian_day()..=Date::MAX.to_julian_day())
        .prop_map(|day| Date::from_julian_day(day).unwrap())
}

fn any_time() -> impl Strategy<Value = Time> {
    let nanos = prop_oneof![
        Just(0u32),
        (0u32..1000).prop_map(|ms| ms * 1_000_000),
        0u32..1_000_000_000
    ];
    (0u8..24, 0u8..60, 0u8..60, nanos)
        .prop_map(|(h, m, s, n)| Time::from_hms_nano(h, m, s, n).unwrap())
}

fn any_offset() -> impl Strategy<Value = UtcOffset> {
    (-93_599i32..=93_599).prop_map(|s| UtcOffset::from_whole_seconds(s).unwrap())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn values_agree(date in any_date(), time in any_time(), offset in any_offset(), secs in any::<i64>(), nanos in -999_999_999i32..=999_999_999) {
        agree(&date)?;
        agree(&time)?;
        agree(&offset)?;
        let local = PrimitiveDateTime::new(date, time);
        agree(&local)?;
        agree(&local.assume_offset(offset))?;
        agree(&Duration::new(secs, nanos))?;
    }

    #[test]
    fn arbitrary_text_reads_as_time_reads_it(text in "[0-9:. +-]{0,36}") {
        let json = serde_json::to_string(&text).unwrap();
        same_reading::<Date>(&json);
        same_reading::<Time>(&json);
        same_reading::<PrimitiveDateTime>(&json);
        same_reading::<OffsetDateTime>(&json);
        same_reading::<UtcOffset>(&json);
        same_reading::<Duration>(&json);
    }

    #[test]
    fn arbitrary_tuples_read_as_time_reads_them(items in proptest::collection::vec(-100i64..3000, 0..10)) {
        let json = serde_json::to_string(&items).unwrap();
        same_reading::<Date>(&json);
        same_reading::<Time>(&json);
        same_reading::<PrimitiveDateTime>(&json);
        same_reading::<OffsetDateTime>(&json);
        same_reading::<UtcOffset>(&json);
        same_reading::<Duration>(&json);
    }

    #[test]
    fn flat_round_trips(date in any_date(), time in any_time(), offset in any_offset(), secs in any::<i64>(), nanos in -999_999_999i32..=999_999_999) {
        let row = Row {
            date,
            time,
            local: PrimitiveDateTime::new(date, time),
            at: PrimitiveDateTime::new(date, time).assume_offset(offset),
            offset,
            wait: Duration::new(secs, nanos),
        };
        let bytes = zerospec::flat::to_vec(&row).unwrap();
        prop_assert_eq!(&zerospec::flat::from_slice::<Row>(&bytes).unwrap(), &row);
        let view = zerospec::flat::view::<Row>(&bytes).unwrap();
        prop_assert_eq!(view.date(), row.date);
        prop_assert_eq!(view.time(), row.time);
        prop_assert_eq!(view.local(), row.local);
        prop_assert_eq!(view.at(), row.at);
        prop_assert_eq!(view.offset(), row.offset);
        prop_assert_eq!(view.wait(), row.wait);
    }
}

#[derive(Encode, Decode, View, Debug, PartialEq)]
struct Row {
    date: Date,
    time: Time,
    local: PrimitiveDateTime,
    at: OffsetDateTime,
    offset: UtcOffset,
    wait: Duration,
}

#[test]
fn flat_slots() {
    assert_eq!(
        zerospec::flat::to_vec(&date!(1970 - 01 - 02)).unwrap(),
        [1, 0, 0, 0]
    );
    assert_eq!(
        zerospec::flat::to_vec(&time!(00:00:01.000000002)).unwrap(),
        1_000_000_002u64.to_le_bytes()
    );
    let at = datetime!(1970-01-02 00:00:01.000000002 -01:00);
    let bytes = zerospec::flat::to_vec(&at).unwrap();
    let mut expected = vec![1, 0, 0, 0];
    expected.extend_from_slice(&1_000_000_002u64.to_le_bytes());
    expected.extend_from_slice(&(-3600i32).to_le_bytes());
    assert_eq!(bytes, expected);
    assert_eq!(zerospec::flat::view::<OffsetDateTime>(&bytes).unwrap(), at);
    let wait = Duration::milliseconds(-1500);
    let mut expected = (-1i64).to_le_bytes().to_vec();
    expected.extend_from_slice(&(-500_000_000i32).to_le_bytes());
    assert_eq!(zerospec::flat::to_vec(&wait).unwrap(), expected);
    // Zero slots are the Unix epoch, midnight, UTC and no time at all.
    assert_eq!(
        <OffsetDateTime as View>::absent(),
        OffsetDateTime::UNIX_EPOCH
    );
    assert_eq!(
        zerospec::flat::view::<OffsetDateTime>(&[0; 16]).unwrap(),
        OffsetDateTime::UNIX_EPOCH
    );
    assert_eq!(
        zerospec::flat::view::<Duration>(&[0; 12]).unwrap(),
        Duration::ZERO
    );

    let err = |bytes: &[u8]| {
        zerospec::flat::view::<OffsetDateTime>(bytes)
            .unwrap_err()
            .to_string()
    };
    let mut bad = vec![0; 16];
    bad[..4].copy_from_slice(&i32::MAX.to_le_bytes());
    assert_eq!(
        err(&bad),
        "Flat data is malformed: date out of range (byte 0)"
    );
    let mut bad = vec![0; 16];
    bad[4..12].copy_from_slice(&u64::MAX.to_le_bytes());
    assert_eq!(
        err(&bad),
        "Flat data is malformed: time out of range (byte 0)"
    );
    let mut bad = vec![0; 16];
    bad[12..].copy_from_slice(&100_000i32.to_le_bytes());
    assert_eq!(
        err(&bad),
        "Flat data is malformed: UTC offset out of range (byte 0)"
    );
    let mut bad = vec![0; 12];
    bad[8..].copy_from_slice(&1_000_000_000i32.to_le_bytes());
    assert_eq!(
        zerospec::flat::from_slice::<Duration>(&bad)
            .unwrap_err()
            .to_string(),
        "Flat data is malformed: duration nanoseconds out of range (byte 0)"
    );
}
