//! `jiff` types (feature `jiff`) against jiff's own serde impls: their
//! strings in both formats, parser parity, errors, and the flat layout.

use std::fmt::Debug;

use jiff::civil::{Date, DateTime, Time};
use jiff::{SignedDuration, Span, Timestamp, ToSpan, ZonedDateTime};
use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec::{Decode, DecodeOwned, Encode, ErrorKind, View};

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 512;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5eed_0000_1ff0_0001);
    }
    config.failure_persistence = None;
    config
}

/// Checks `value` in both formats against serde: zerospec writes serde's
/// bytes and reads them as serde reads them (`same` compares; a `Span`
/// compares field by field, and reads its text back in the largest units).
fn agree_by<T>(value: &T, same: impl Fn(&T, &T) -> bool) -> Result<String, TestCaseError>
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + Debug,
{
    let json = serde_json::to_string(value).unwrap();
    prop_assert_eq!(zerospec::json::to_string(value).unwrap(), json.clone());
    let (ours, theirs) = (
        zerospec::json::from_str::<T>(&json).unwrap(),
        serde_json::from_str::<T>(&json).unwrap(),
    );
    prop_assert!(
        same(&ours, &theirs),
        "{:?} read as {:?}, by serde as {:?}",
        value,
        ours,
        theirs
    );
    let packed = rmp_serde::to_vec_named(value).unwrap();
    prop_assert_eq!(zerospec::msgpack::to_vec(value).unwrap(), packed.clone());
    let (ours, theirs) = (
        zerospec::msgpack::from_slice::<T>(&packed).unwrap(),
        rmp_serde::from_slice::<T>(&packed).unwrap(),
    );
    prop_assert!(
        same(&ours, &theirs),
        "{:?} read as {:?}, by serde as {:?}",
        value,
        ours,
        theirs
    );
    Ok(json)
}

/// [`agree_by`], and the value reads back as itself.
fn agree<T>(value: &T) -> Result<String, TestCaseError>
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + PartialEq + Debug,
{
    let json = agree_by(value, T::eq)?;
    prop_assert_eq!(&zerospec::json::from_str::<T>(&json).unwrap(), value);
    Ok(json)
}

/// zerospec and serde_json agree on `text` as a `T`; answers zerospec's
/// error message, if both refuse it.
#[track_caller]
fn same_reading<T>(text: &str, same: impl Fn(&T, &T) -> bool) -> Option<String>
where
    T: DeserializeOwned + DecodeOwned + Debug,
{
    match (
        zerospec::json::from_str::<T>(text),
        serde_json::from_str::<T>(text),
    ) {
        (Ok(a), Ok(b)) => {
            assert!(same(&a, &b), "{text}: {a:?} != {b:?}");
            None
        }
        (Err(a), Err(_)) => Some(a.to_string()),
        (a, b) => panic!("{text}: zerospec {a:?}, serde_json {b:?}"),
    }
}

fn fieldwise(a: &Span, b: &Span) -> bool {
    a.fieldwise() == b.fieldwise()
}

#[test]
fn values_write_their_display_strings() {
    let t = Timestamp::new(1_715_911_499, 918_000_000).unwrap();
    assert_eq!(agree(&t).unwrap(), r#""2024-05-17T02:04:59.918Z""#);
    assert_eq!(
        agree(&Timestamp::MIN).unwrap(),
        r#""-009999-01-02T01:59:59Z""#
    );
    let date = Date::constant(2024, 5, 17);
    assert_eq!(agree(&date).unwrap(), r#""2024-05-17""#);
    let time = Time::constant(2, 4, 59, 5);
    assert_eq!(agree(&time).unwrap(), r#""02:04:59.000000005""#);
    assert_eq!(
        agree(&date.to_datetime(time)).unwrap(),
        r#""2024-05-17T02:04:59.000000005""#
    );
    assert_eq!(
        agree(&SignedDuration::from_millis(-1500)).unwrap(),
        r#""-PT1.5S""#
    );
    let span = 1.year().months(2).days(3).hours(4);
    assert_eq!(agree_by(&span, fieldwise).unwrap(), r#""P1Y2M3DT4H""#);
    let zoned: ZonedDateTime = "2024-05-17T02:04:59-04:00[America/New_York]"
        .parse()
        .unwrap();
    assert_eq!(
        agree(&zoned).unwrap(),
        r#""2024-05-17T02:04:59-04:00[America/New_York]""#
    );

    let packed = zerospec::msgpack::to_vec(&date).unwrap();
    let mut expected = vec![0xaa];
    expected.extend_from_slice(b"2024-05-17");
    assert_eq!(packed, expected);
}

#[test]
fn reading_accepts_what_jiff_parses() {
    for text in [
        r#""2024-05-17T02:04:59Z""#,
        r#""2024-05-17T02:04:59+02:00""#,
        r#""2024-05-17t02:04:59z""#,
        r#""2024-05-17 02:04:59Z""#,
        r#""2024-05-17T02:04:59Z[America/New_York]""#,
        r#""2024-05-17T02:04:59""#,
        r#""2024-05-17""#,
        r#""x""#,
    ] {
        same_reading::<Timestamp>(text, Timestamp::eq);
        same_reading::<ZonedDateTime>(text, ZonedDateTime::eq);
        same_reading::<DateTime>(text, DateTime::eq);
        same_reading::<Date>(text, Date::eq);
        same_reading::<Time>(text, Time::eq);
    }
    for text in [
        r#""PT1.5S""#,
        r#""1.5s""#,
        r#""1h 30m""#,
        r#""-P1D""#,
        r#""P""#,
        r#""+""#,
        r#""""#,
        "15",
    ] {
        same_reading::<SignedDuration>(text, SignedDuration::eq);
        same_reading::<Span>(text, fieldwise);
    }
}

#[test]
fn binary_formats_also_read_the_text_from_bin() {
    let packed = rmp_serde::to_vec_named(&serde_bytes_of("2024-05-17")).unwrap();
    assert_eq!(packed[0], 0xc4);
    let ours: Date = zerospec::msgpack::from_slice(&packed).unwrap();
    let theirs: Date = rmp_serde::from_slice(&packed).unwrap();
    assert_eq!(
        (ours, theirs),
        (Date::constant(2024, 5, 17), Date::constant(2024, 5, 17))
    );
    let packed = [0xc4, 2, 0xff, 0xfe];
    let err = zerospec::msgpack::from_slice::<Date>(&packed).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Invalid `civil::Date`: invalid UTF-8 - at `$`"
    );
    assert!(rmp_serde::from_slice::<Date>(&packed).is_err());
}

/// `text`'s bytes, serialized as binary.
fn serde_bytes_of(text: &str) -> impl Serialize + '_ {
    struct Bin<'a>(&'a [u8]);
    impl Serialize for Bin<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }
    Bin(text.as_bytes())
}

#[test]
fn errors_carry_jiffs_reason() {
    let err = zerospec::json::from_str::<Date>(r#""2024-13-01""#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
    let reason = "2024-13-01".parse::<Date>().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("Invalid `civil::Date`: {reason} - at `$`")
    );
    let err = zerospec::json::from_str::<Timestamp>("17").unwrap_err();
    assert_eq!(err.to_string(), "Expected `str`, got `int` - at `$`");
    let reason = "soon".parse::<SignedDuration>().unwrap_err();
    assert_eq!(
        zerospec::json::from_str::<SignedDuration>(r#""soon""#)
            .unwrap_err()
            .to_string(),
        format!("Invalid `SignedDuration`: {reason} - at `$`")
    );
}

fn any_timestamp() -> impl Strategy<Value = Timestamp> {
    let (min, max) = (Timestamp::MIN.as_second(), Timestamp::MAX.as_second());
    let nanos = prop_oneof![
        Just(0i32),
        (0i32..1000).prop_map(|ms| ms * 1_000_000),
        0i32..1_000_000_000
    ];
    (min + 1..max, nanos).prop_map(|(s, n)| Timestamp::new(s, n).unwrap())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn values_agree(t in any_timestamp(), secs in any::<i64>(), nanos in -999_999_999i32..=999_999_999, offset in -1559i32..=1559) {
        agree(&t)?;
        let civil = t.to_zoned_datetime(jiff::tz::TimeZone::UTC).datetime();
        agree(&civil)?;
        agree(&civil.date())?;
        agree(&civil.time())?;
        // Whole minutes: jiff prints an offset to the minute.
        let offset = jiff::tz::Offset::from_seconds(offset * 60).unwrap();
        agree(&t.to_zoned_datetime(jiff::tz::TimeZone::fixed(offset)))?;
        if secs.signum() * i64::from(nanos.signum()) >= 0 {
            agree(&SignedDuration::new(secs, nanos))?;
        }
        if let Ok(span) = Span::new().try_seconds(secs % 631_107_417_600).and_then(|s| s.try_nanoseconds(nanos)) {
            agree_by(&span, fieldwise)?;
        }
    }

    #[test]
    fn arbitrary_text_reads_as_jiff_reads_it(text in "[0-9PTYMDHSZ:.+ -]{0,30}") {
        let json = serde_json::to_string(&text).unwrap();
        same_reading::<Timestamp>(&json, Timestamp::eq);
        same_reading::<DateTime>(&json, DateTime::eq);
        same_reading::<SignedDuration>(&json, SignedDuration::eq);
        same_reading::<Span>(&json, fieldwise);
    }

    #[test]
    fn flat_round_trips(t in any_timestamp(), secs in any::<i64>(), nanos in 0i32..=999_999_999) {
        let civil = t.to_zoned_datetime(jiff::tz::TimeZone::UTC).datetime();
        let row = Row { at: t, civil, date: civil.date(), time: civil.time(), wait: SignedDuration::new(secs, nanos) };
        let bytes = zerospec::flat::to_vec(&row).unwrap();
        prop_assert_eq!(&zerospec::flat::from_slice::<Row>(&bytes).unwrap(), &row);
        let view = zerospec::flat::view::<Row>(&bytes).unwrap();
        prop_assert_eq!(view.at(), row.at);
        prop_assert_eq!(view.civil(), row.civil);
        prop_assert_eq!(view.date(), row.date);
        prop_assert_eq!(view.time(), row.time);
        prop_assert_eq!(view.wait(), row.wait);
    }
}

#[derive(Encode, Decode, View, Debug, PartialEq)]
struct Row {
    at: Timestamp,
    civil: DateTime,
    date: Date,
    time: Time,
    wait: SignedDuration,
}

#[test]
fn flat_slots() {
    let t = Timestamp::new(-1, -5).unwrap();
    let mut expected = (-1i64).to_le_bytes().to_vec();
    expected.extend_from_slice(&(-5i32).to_le_bytes());
    assert_eq!(zerospec::flat::to_vec(&t).unwrap(), expected);
    assert_eq!(zerospec::flat::view::<Timestamp>(&expected).unwrap(), t);
    assert_eq!(
        zerospec::flat::to_vec(&Date::constant(1970, 1, 2)).unwrap(),
        [1, 0, 0, 0]
    );
    assert_eq!(
        zerospec::flat::to_vec(&Date::constant(1969, 12, 31)).unwrap(),
        [0xff; 4]
    );
    assert_eq!(
        zerospec::flat::view::<Date>(&[0; 4]).unwrap(),
        Date::constant(1970, 1, 1)
    );
    assert_eq!(<Date as View>::absent(), Date::constant(1970, 1, 1));
    assert_eq!(
        zerospec::flat::to_vec(&Time::constant(0, 0, 1, 2)).unwrap(),
        1_000_000_002u64.to_le_bytes()
    );
    let err = zerospec::flat::view::<Date>(&i32::MAX.to_le_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: date out of range (byte 0)"
    );
    let err = zerospec::flat::view::<Time>(&u64::MAX.to_le_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: time out of range (byte 0)"
    );

    let span = 1.hour();
    let err = zerospec::flat::to_vec(&span).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(
        err.to_string(),
        "`Span` has no flat form: it is kept as text in JSON and MessagePack only - at `$`"
    );
    let zoned = Timestamp::UNIX_EPOCH.to_zoned_datetime(jiff::tz::TimeZone::UTC);
    assert!(zerospec::flat::to_vec(&zoned).is_err());
    assert!(zerospec::flat::from_slice::<ZonedDateTime>(&[0; 4]).is_err());
}
