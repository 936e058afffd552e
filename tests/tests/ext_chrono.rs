//! `chrono` types (feature `chrono`) against chrono's own serde impls:
//! exact bytes in JSON and MessagePack, decoding what serde writes and what
//! chrono's parser accepts, errors, the flat layout and views, and the
//! `ts_*` modules against `chrono::serde::ts_*`.

use std::fmt::Debug;

use chrono::{
    DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc,
};
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
        config.rng_seed = RngSeed::Fixed(0x5eed_c420_0000_0001);
    }
    config.failure_persistence = None;
    config
}

/// Checks `value` both ways in both formats against serde: zerospec writes
/// serde's bytes, and reads them (so serde reads zerospec's) back to `value`.
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
    Ok((json, packed))
}

#[track_caller]
fn json_of<T>(value: &T) -> String
where
    T: Serialize + DeserializeOwned + Encode + DecodeOwned + PartialEq + Debug,
{
    agree(value).unwrap().0
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

fn utc(secs: i64, nanos: u32) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, nanos).unwrap()
}

#[test]
fn datetimes_write_rfc_3339_with_z_and_auto_fraction() {
    assert_eq!(json_of(&utc(0, 0)), r#""1970-01-01T00:00:00Z""#);
    assert_eq!(json_of(&utc(1, 5_000_000)), r#""1970-01-01T00:00:01.005Z""#);
    assert_eq!(json_of(&utc(1, 5_000)), r#""1970-01-01T00:00:01.000005Z""#);
    assert_eq!(json_of(&utc(1, 5)), r#""1970-01-01T00:00:01.000000005Z""#);
    assert_eq!(json_of(&utc(-1, 0)), r#""1969-12-31T23:59:59Z""#);
    // A leap second is second 60.
    let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
        .unwrap()
        .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
        .unwrap()
        .and_utc();
    assert_eq!(json_of(&leap), r#""2016-12-31T23:59:60.500Z""#);
    // Years outside 0..=9999 take a sign and at least four digits.
    let far = NaiveDate::from_ymd_opt(-1, 3, 4)
        .unwrap()
        .and_hms_opt(5, 6, 7)
        .unwrap()
        .and_utc();
    assert_eq!(json_of(&far), r#""-0001-03-04T05:06:07Z""#);
    let far = NaiveDate::from_ymd_opt(12345, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc();
    assert_eq!(json_of(&far), r#""+12345-01-01T00:00:00Z""#);
    assert_eq!(
        json_of(&DateTime::<Utc>::MAX_UTC),
        r#""+262142-12-31T23:59:59.999999999Z""#
    );
    assert_eq!(
        json_of(&DateTime::<Utc>::MIN_UTC),
        r#""-262143-01-01T00:00:00Z""#
    );

    let (_, packed) = agree(&utc(0, 0)).unwrap();
    let mut expected = vec![0xb4];
    expected.extend_from_slice(b"1970-01-01T00:00:00Z");
    assert_eq!(packed, expected);
}

#[test]
fn offsets_are_written_to_the_minute_as_chrono_rounds_them() {
    let at = |offset: i32| {
        FixedOffset::east_opt(offset)
            .unwrap()
            .timestamp_opt(1_700_000_000, 0)
            .unwrap()
    };
    assert_eq!(json_of(&at(0)), r#""2023-11-14T22:13:20Z""#);
    assert_eq!(json_of(&at(19_800)), r#""2023-11-15T03:43:20+05:30""#);
    assert_eq!(json_of(&at(-3600)), r#""2023-11-14T21:13:20-01:00""#);
    // Seconds of an offset round to the nearest minute, as chrono writes them;
    // the text then reads back as another offset, as it does with serde.
    let odd = at(-20);
    let json = zerospec::json::to_string(&odd).unwrap();
    assert_eq!(json, serde_json::to_string(&odd).unwrap());
    assert_eq!(json, r#""2023-11-14T22:13:00-00:00""#);
    let odd = at(86_399);
    assert_eq!(
        zerospec::json::to_string(&odd).unwrap(),
        serde_json::to_string(&odd).unwrap()
    );
    assert_eq!(json_of(&at(86_340)), r#""2023-11-15T22:12:20+23:59""#);
}

#[test]
fn local_datetimes_write_the_local_offset() {
    let now = Local.timestamp_opt(1_700_000_000, 123_000_000).unwrap();
    let json = zerospec::json::to_string(&now).unwrap();
    assert_eq!(json, serde_json::to_string(&now).unwrap());
    assert_eq!(
        zerospec::msgpack::to_vec(&now).unwrap(),
        rmp_serde::to_vec_named(&now).unwrap()
    );
    let back: DateTime<Local> = zerospec::json::from_str(&json).unwrap();
    assert_eq!(back, now);
    let from_utc: DateTime<Local> = zerospec::json::from_str(r#""2023-11-14T22:13:20Z""#).unwrap();
    assert_eq!(from_utc.timestamp(), 1_700_000_000);
}

#[test]
fn naive_types_and_time_delta_write_as_chrono_does() {
    let date = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    assert_eq!(json_of(&date), r#""2024-02-29""#);
    assert_eq!(json_of(&NaiveDate::MIN), r#""-262143-01-01""#);
    let time = NaiveTime::from_hms_micro_opt(2, 4, 59, 918_355).unwrap();
    assert_eq!(json_of(&time), r#""02:04:59.918355""#);
    let leap = NaiveTime::from_hms_milli_opt(23, 59, 59, 1_000).unwrap();
    assert_eq!(json_of(&leap), r#""23:59:60""#);
    assert_eq!(
        json_of(&date.and_time(time)),
        r#""2024-02-29T02:04:59.918355""#
    );

    assert_eq!(json_of(&TimeDelta::milliseconds(-1500)), "[-2,500000000]");
    assert_eq!(json_of(&TimeDelta::seconds(3)), "[3,0]");
    assert_eq!(json_of(&TimeDelta::MAX), "[9223372036854775,807000000]");
    assert_eq!(json_of(&TimeDelta::MIN), "[-9223372036854776,193000000]");
    let (_, packed) = agree(&TimeDelta::milliseconds(-1500)).unwrap();
    assert_eq!(packed, [0x92, 0xfe, 0xce, 0x1d, 0xcd, 0x65, 0x00]);
}

#[test]
fn reading_accepts_what_chrono_parses() {
    for text in [
        r#""2024-05-17T02:04:59Z""#,
        r#""2024-05-17t02:04:59z""#,
        r#""2024-05-17 02:04:59+02:00""#,
        r#""2024-05-17T02:04:59.1234567891+0200""#,
        r#""2024-05-17T02:04:59-00:00""#,
        r#""2016-12-31T23:59:60Z""#,
        r#""+12345-01-01T00:00:00Z""#,
        r#""2024-05-17T02:04:59UTC""#,
        r#""2024-05-17T02:04:59 +02:00""#,
        r#""2024-05-17T02:04:59Z ""#,
        r#"" 2024-05-17T02:04:59Z""#,
        r#""2024-02-30T00:00:00Z""#,
        r#""2024-05-17T24:00:00Z""#,
        r#""2024-05-17""#,
        r#""""#,
        r#""2024-05-17T02:04:59\u005a""#,
    ] {
        same_reading::<DateTime<Utc>>(text);
        same_reading::<DateTime<FixedOffset>>(text);
    }
    for text in [
        r#""2024-05-17T02:04:59""#,
        r#""2024-05-17 02:04:59.5""#,
        r#""2024-05-17T02:04""#,
        r#""2024-05-17T02:04:59Z""#,
    ] {
        same_reading::<NaiveDateTime>(text);
    }
    for text in [
        r#""2024-05-17""#,
        r#""+2024-05-17""#,
        r#""2024-5-17""#,
        r#""20240517""#,
    ] {
        same_reading::<NaiveDate>(text);
    }
    for text in [
        r#""02:04""#,
        r#""02:04:59.5""#,
        r#""23:59:60""#,
        r#""2:04:59""#,
    ] {
        same_reading::<NaiveTime>(text);
    }
    for text in [
        "[1,2]",
        "[1,-2]",
        "[1]",
        "[1,2,3]",
        "[9223372036854775807,0]",
        "[1.5,0]",
    ] {
        same_reading::<TimeDelta>(text);
    }
}

#[test]
fn errors_name_the_form_and_the_reason() {
    let err = |text: &str| zerospec::json::from_str::<DateTime<Utc>>(text).unwrap_err();
    let e = err(r#""2024-05-17""#);
    assert_eq!(
        e.to_string(),
        "Invalid RFC 3339 datetime: premature end of input - at `$`"
    );
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(
        err(r#""2024-05-17T02:04:59Zx""#).to_string(),
        "Invalid RFC 3339 datetime: trailing input - at `$`"
    );
    assert_eq!(
        err(r#""2024-02-30T00:00:00Z""#).to_string(),
        "Invalid RFC 3339 datetime: input is out of range - at `$`"
    );
    assert_eq!(err("17").to_string(), "Expected `str`, got `int` - at `$`");
    assert_eq!(
        zerospec::json::from_str::<NaiveDate>(r#""2024-05""#)
            .unwrap_err()
            .to_string(),
        "Invalid ISO 8601 date: premature end of input - at `$`"
    );
    assert_eq!(
        zerospec::json::from_str::<NaiveTime>(r#""x""#)
            .unwrap_err()
            .to_string(),
        "Invalid ISO 8601 time: input contains invalid characters - at `$`"
    );
    assert_eq!(
        zerospec::json::from_str::<NaiveDateTime>(r#""2024-05-17""#)
            .unwrap_err()
            .to_string(),
        "Invalid ISO 8601 datetime: premature end of input - at `$`"
    );
    let delta = |text: &str| {
        zerospec::json::from_str::<TimeDelta>(text)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(delta("[1]"), "Expected `array` of length 2 - at `$`");
    assert_eq!(delta("[1,2,3]"), "Expected `array` of length 2 - at `$`");
    assert_eq!(delta(r#"[1,"2"]"#), "Expected `int`, got `str` - at `$[1]`");
    assert_eq!(
        delta("[1,-2]"),
        "Expected a `TimeDelta` within chrono's range, got 1 seconds and -2 nanoseconds - at `$`"
    );
    assert_eq!(
        delta("[9223372036854775807,0]"),
        "Expected a `TimeDelta` within chrono's range, got 9223372036854775807 seconds and 0 nanoseconds - at `$`"
    );
    // Inside a struct, the path leads to the field.
    #[derive(Decode, Debug)]
    struct Event {
        #[allow(dead_code)]
        at: DateTime<Utc>,
    }
    assert_eq!(
        zerospec::json::from_str::<Event>(r#"{"at": "soon"}"#)
            .unwrap_err()
            .to_string(),
        "Invalid RFC 3339 datetime: input contains invalid characters - at `$.at`"
    );
}

#[test]
fn escaped_strings_parse_from_scratch() {
    let t: DateTime<Utc> = zerospec::json::from_str(r#""2024-05-17T02:04:59\u005a""#).unwrap();
    assert_eq!(t, utc(1_715_911_499, 0));
}

fn datetime() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    let secs = prop_oneof![min..=max, -5_000_000_000i64..5_000_000_000];
    let nanos = prop_oneof![
        Just(0u32),
        (0u32..1000).prop_map(|ms| ms * 1_000_000),
        (0u32..1_000_000).prop_map(|us| us * 1000),
        0u32..1_000_000_000,
    ];
    (secs, nanos).prop_map(|(s, n)| utc(s, n))
}

fn offset() -> impl Strategy<Value = FixedOffset> {
    prop_oneof![(-24i32..=24).prop_map(|h| h * 3600 / 2), -86_399i32..86_399,]
        .prop_map(|s| FixedOffset::east_opt(s).unwrap())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn utc_datetimes_agree(t in datetime()) {
        agree(&t)?;
        agree(&t.naive_utc())?;
        agree(&t.date_naive())?;
        agree(&t.time())?;
    }

    #[test]
    fn offset_datetimes_agree(t in datetime(), offset in offset()) {
        let t = t.with_timezone(&offset);
        // Offsets with seconds read back rounded, as with serde: compare writing.
        let json = zerospec::json::to_string(&t).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&t).unwrap());
        prop_assert_eq!(zerospec::msgpack::to_vec(&t).unwrap(), rmp_serde::to_vec_named(&t).unwrap());
        let ours: DateTime<FixedOffset> = zerospec::json::from_str(&json).unwrap();
        let theirs: DateTime<FixedOffset> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(ours, theirs);
        if offset.local_minus_utc() % 60 == 0 {
            prop_assert_eq!(ours, t);
        }
    }

    #[test]
    fn time_deltas_agree(secs in i64::MIN / 1000..i64::MAX / 1000, nanos in 0u32..1_000_000_000) {
        if let Some(delta) = TimeDelta::new(secs, nanos) {
            agree(&delta)?;
        }
    }

    #[test]
    fn arbitrary_text_reads_as_chrono_reads_it(text in "[0-9T:Z.+ -]{0,30}") {
        let json = serde_json::to_string(&text).unwrap();
        same_reading::<DateTime<Utc>>(&json);
        same_reading::<NaiveDateTime>(&json);
        same_reading::<NaiveDate>(&json);
        same_reading::<NaiveTime>(&json);
    }

    #[test]
    fn flat_round_trips(t in datetime(), offset in offset()) {
        let fixed = t.with_timezone(&offset);
        let bytes = zerospec::flat::to_vec(&fixed).unwrap();
        prop_assert_eq!(bytes.len(), 16);
        prop_assert_eq!(zerospec::flat::from_slice::<DateTime<FixedOffset>>(&bytes).unwrap(), fixed);
        prop_assert_eq!(zerospec::flat::view::<DateTime<FixedOffset>>(&bytes).unwrap(), fixed);
        let row = Row { at: t, day: t.date_naive(), clock: t.time(), naive: t.naive_utc(), fixed };
        let bytes = zerospec::flat::to_vec(&row).unwrap();
        prop_assert_eq!(&zerospec::flat::from_slice::<Row>(&bytes).unwrap(), &row);
        let view = zerospec::flat::view::<Row>(&bytes).unwrap();
        prop_assert_eq!(view.at(), t);
        prop_assert_eq!(view.day(), t.date_naive());
        prop_assert_eq!(view.clock(), t.time());
        prop_assert_eq!(view.naive(), t.naive_utc());
        prop_assert_eq!(view.fixed(), fixed);
    }
}

#[derive(Encode, Decode, View, Debug, PartialEq)]
struct Row {
    at: DateTime<Utc>,
    day: NaiveDate,
    clock: NaiveTime,
    naive: NaiveDateTime,
    fixed: DateTime<FixedOffset>,
}

#[test]
fn flat_slots_are_fixed_and_inline() {
    let t = utc(1_700_000_000, 5);
    let mut expected = 1_700_000_000i64.to_le_bytes().to_vec();
    expected.extend_from_slice(&5u32.to_le_bytes());
    assert_eq!(zerospec::flat::to_vec(&t).unwrap(), expected);
    assert_eq!(zerospec::flat::view::<DateTime<Utc>>(&expected).unwrap(), t);
    let local = zerospec::flat::from_slice::<DateTime<Local>>(&expected).unwrap();
    assert_eq!(local, t.with_timezone(&Local));

    let date = NaiveDate::from_ymd_opt(1970, 1, 2).unwrap();
    assert_eq!(zerospec::flat::to_vec(&date).unwrap(), [1, 0, 0, 0]);
    assert_eq!(
        zerospec::flat::to_vec(&NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()).unwrap(),
        [0xff; 4]
    );
    let time = NaiveTime::from_hms_nano_opt(0, 0, 1, 2).unwrap();
    assert_eq!(
        zerospec::flat::to_vec(&time).unwrap(),
        [1, 0, 0, 0, 2, 0, 0, 0]
    );
    let delta = TimeDelta::milliseconds(-1500);
    let bytes = zerospec::flat::to_vec(&delta).unwrap();
    assert_eq!(
        bytes,
        [
            0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x65, 0xcd, 0x1d
        ]
    );
    assert_eq!(zerospec::flat::view::<TimeDelta>(&bytes).unwrap(), delta);
    let fixed = t.with_timezone(&FixedOffset::east_opt(-3600).unwrap());
    let bytes = zerospec::flat::to_vec(&fixed).unwrap();
    assert_eq!(&bytes[..12], &expected[..]);
    assert_eq!(&bytes[12..], (-3600i32).to_le_bytes());

    // Inside an `Option` and a `Vec`, as any inline value.
    let some = Some(t);
    let bytes = zerospec::flat::to_vec(&some).unwrap();
    assert_eq!(bytes.len(), 13);
    assert_eq!(
        zerospec::flat::view::<Option<DateTime<Utc>>>(&bytes).unwrap(),
        some
    );
    let list = vec![t, utc(0, 0)];
    let bytes = zerospec::flat::to_vec(&list).unwrap();
    assert_eq!(
        zerospec::flat::from_slice::<Vec<DateTime<Utc>>>(&bytes).unwrap(),
        list
    );
    let view = zerospec::flat::view::<Vec<DateTime<Utc>>>(&bytes).unwrap();
    assert_eq!(view.get(0), Some(t));
}

#[test]
fn flat_validation_refuses_slots_out_of_range() {
    let mut bytes = 0i64.to_le_bytes().to_vec();
    bytes.extend_from_slice(&2_000_000_000u32.to_le_bytes());
    let err = zerospec::flat::view::<DateTime<Utc>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: datetime out of range (byte 0)"
    );
    let err = zerospec::flat::from_slice::<DateTime<Utc>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: datetime out of range (byte 0)"
    );
    let mut bytes = 0i64.to_le_bytes().to_vec();
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&86_400i32.to_le_bytes());
    let err = zerospec::flat::view::<DateTime<FixedOffset>>(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: UTC offset out of range (byte 0)"
    );
    let err = zerospec::flat::view::<NaiveDate>(&i32::MAX.to_le_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: date out of range (byte 0)"
    );
    let err = zerospec::flat::view::<NaiveTime>(&[0x80, 0x51, 1, 0, 0, 0, 0, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: time out of range (byte 0)"
    );
    let err = zerospec::flat::view::<DateTime<Utc>>(&[0; 11]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flat data is malformed: truncated (byte 11)"
    );
    // The unvalidated read falls back to the zero value.
    assert_eq!(
        <NaiveDate as View>::read(&i32::MAX.to_le_bytes()),
        NaiveDate::default()
    );
}

mod stamps {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Serialize};
    use zerospec::{Decode, Encode};

    #[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
    pub struct Stamps {
        #[serde(with = "chrono::serde::ts_seconds")]
        #[zerospec(with = "zerospec::ext::chrono::ts_seconds")]
        pub s: DateTime<Utc>,
        #[serde(with = "chrono::serde::ts_milliseconds")]
        #[zerospec(with = "zerospec::ext::chrono::ts_milliseconds")]
        pub ms: DateTime<Utc>,
        #[serde(with = "chrono::serde::ts_microseconds")]
        #[zerospec(with = "zerospec::ext::chrono::ts_microseconds")]
        pub us: DateTime<Utc>,
        #[serde(with = "chrono::serde::ts_seconds_option")]
        #[zerospec(with = "zerospec::ext::chrono::ts_seconds_option")]
        pub s_opt: Option<DateTime<Utc>>,
        #[serde(with = "chrono::serde::ts_milliseconds_option")]
        #[zerospec(with = "zerospec::ext::chrono::ts_milliseconds_option")]
        pub ms_opt: Option<DateTime<Utc>>,
        #[serde(with = "chrono::serde::ts_microseconds_option")]
        #[zerospec(with = "zerospec::ext::chrono::ts_microseconds_option")]
        pub us_opt: Option<DateTime<Utc>>,
    }

    #[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
    pub struct Nanos {
        #[serde(with = "chrono::serde::ts_nanoseconds")]
        #[zerospec(with = "zerospec::ext::chrono::ts_nanoseconds")]
        pub ns: DateTime<Utc>,
        #[serde(with = "chrono::serde::ts_nanoseconds_option")]
        #[zerospec(with = "zerospec::ext::chrono::ts_nanoseconds_option")]
        pub ns_opt: Option<DateTime<Utc>>,
    }

    #[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
    pub struct Seconds {
        #[serde(with = "chrono::serde::ts_seconds")]
        #[zerospec(with = "zerospec::ext::chrono::ts_seconds")]
        pub at: DateTime<Utc>,
    }

    #[derive(Serialize, Deserialize, Encode, Decode, Debug, PartialEq)]
    pub struct Micros {
        #[serde(with = "chrono::serde::ts_microseconds")]
        #[zerospec(with = "zerospec::ext::chrono::ts_microseconds")]
        pub at: DateTime<Utc>,
    }
}

use stamps::{Micros, Nanos, Seconds, Stamps};

#[test]
fn timestamp_modules_write_as_chrono_serde() {
    let t = utc(1_526_522_699, 918_355_733);
    let stamps = Stamps {
        s: utc(1_526_522_699, 0),
        ms: utc(1_526_522_699, 918_000_000),
        us: utc(1_526_522_699, 918_355_000),
        s_opt: Some(utc(-1, 0)),
        ms_opt: None,
        us_opt: Some(utc(0, 1000)),
    };
    let (json, _) = agree(&stamps).unwrap();
    assert_eq!(
        json,
        r#"{"s":1526522699,"ms":1526522699918,"us":1526522699918355,"s_opt":-1,"ms_opt":null,"us_opt":1}"#
    );
    let nanos = Nanos {
        ns: t,
        ns_opt: Some(t),
    };
    let (json, packed) = agree(&nanos).unwrap();
    assert_eq!(
        json,
        r#"{"ns":1526522699918355733,"ns_opt":1526522699918355733}"#
    );
    assert_eq!(packed[..4], [0x82, 0xa2, b'n', b's']);
    // Sub-unit parts are dropped on the way out, as chrono drops them.
    let seconds = Seconds { at: t };
    assert_eq!(
        zerospec::json::to_string(&seconds).unwrap(),
        r#"{"at":1526522699}"#
    );
}

#[test]
fn timestamp_modules_read_as_chrono_serde() {
    for text in [
        r#"{"at":0}"#,
        r#"{"at":-9223372036854775808}"#,
        r#"{"at":9223372036854775807}"#,
        r#"{"at":9223372036854775808}"#,
        r#"{"at":8210266876799}"#,
        r#"{"at":8210266876800}"#,
        r#"{"at":1.5}"#,
        r#"{"at":"1"}"#,
        r#"{"at":null}"#,
        r#"{}"#,
    ] {
        same_reading::<Seconds>(text);
        same_reading::<Micros>(text);
    }
    // Past `i64::MAX`, chrono reads a `u64`: in range only as nanoseconds.
    for text in [
        r#"{"ns":18446744073709551615,"ns_opt":9223372036854775808}"#,
        r#"{"ns":-9223372036854775808,"ns_opt":null}"#,
        r#"{"ns":18446744073709551616,"ns_opt":null}"#,
        r#"{"ns":0}"#,
    ] {
        same_reading::<Nanos>(text);
    }
    let nanos: Nanos =
        zerospec::json::from_str(r#"{"ns":18446744073709551615,"ns_opt":null}"#).unwrap();
    assert_eq!(nanos.ns, utc(18_446_744_073, 709_551_615));
    assert!(zerospec::json::from_str::<Micros>(r#"{"at":9223372036854775808}"#).is_err());
}

#[test]
fn timestamp_module_errors() {
    let err = zerospec::json::from_str::<Seconds>(r#"{"at":9223372036854775807}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected a timestamp in seconds that `DateTime<Utc>` can hold, got 9223372036854775807 - at `$.at`"
    );
    assert_eq!(err.kind(), ErrorKind::Validation);
    let err = zerospec::json::from_str::<Seconds>(r#"{"at":"1"}"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$.at`");
    let far = Nanos {
        ns: DateTime::<Utc>::MAX_UTC,
        ns_opt: None,
    };
    let err = zerospec::json::to_string(&far).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected a `DateTime<Utc>` from 1677-09-21T00:12:43.145224192Z to \
         2262-04-11T23:47:16.854775807Z, which a timestamp in nanoseconds can hold - at `$.ns`"
    );
    assert!(serde_json::to_string(&far).is_err());
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn timestamp_modules_agree(t in datetime(), present in any::<bool>()) {
        let stamps = Stamps {
            s: utc(t.timestamp(), 0),
            ms: DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap(),
            us: DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap(),
            s_opt: present.then(|| utc(t.timestamp(), 0)),
            ms_opt: None,
            us_opt: present.then(|| DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap()),
        };
        agree(&stamps)?;
        if let Some(ns) = t.timestamp_nanos_opt() {
            let t = DateTime::from_timestamp_nanos(ns);
            agree(&Nanos { ns: t, ns_opt: present.then_some(t) })?;
        }
    }

    #[test]
    fn integers_read_as_chrono_reads_them(n in prop_oneof![any::<i64>().prop_map(i128::from), any::<u64>().prop_map(i128::from)]) {
        same_reading::<Seconds>(&format!(r#"{{"at":{n}}}"#));
        same_reading::<Micros>(&format!(r#"{{"at":{n}}}"#));
        same_reading::<Nanos>(&format!(r#"{{"ns":{n},"ns_opt":{n}}}"#));
        let number = match i64::try_from(n) {
            Ok(i) => serde_json::Value::from(i),
            Err(_) => serde_json::Value::from(u64::try_from(n).unwrap()),
        };
        let packed = rmp_serde::to_vec_named(&serde_json::json!({ "at": number })).unwrap();
        let ours = zerospec::msgpack::from_slice::<Micros>(&packed).ok();
        let theirs = rmp_serde::from_slice::<Micros>(&packed).ok();
        prop_assert_eq!(ours, theirs);
    }
}
