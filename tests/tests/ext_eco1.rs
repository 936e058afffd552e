//! Third-party types behind zerospec's crate-named features (`core/src/ext/`):
//! uuid, rust_decimal, url, semver, camino, smol_str, compact_str, smallvec,
//! arrayvec and indexmap. Each crate's own serde impl is the oracle: zerospec
//! writes exactly the bytes `serde_json::to_string` and
//! `rmp_serde::to_vec_named` write, reads what they write, and accepts and
//! refuses the documents they do (except where `docs/differences.md` says
//! otherwise); then the flat layouts, their views, and the exact errors.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Debug;

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec::flat::{self, View};
use zerospec::{DecodeOwned, Encode};

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5eed_0e0c_0001_e5a1);
    }
    config.failure_persistence = None;
    config
}

/// Values are compared by `Debug` too, which tells apart what `==` does not:
/// `1.0` and `1.00` as `Decimal`s, the order of an `IndexMap`.
fn debug<T: Debug>(value: &T) -> String {
    format!("{value:?}")
}

/// `value` is written as serde writes it, compact and pretty JSON and
/// MessagePack, and zerospec reads serde's bytes back to it.
#[track_caller]
fn agrees<T>(value: &T)
where
    T: Encode + DecodeOwned + Serialize + DeserializeOwned + Debug,
{
    let json = serde_json::to_string(value).unwrap();
    assert_eq!(zerospec::json::to_string(value).unwrap(), json, "{value:?}");
    let pretty = serde_json::to_string_pretty(value).unwrap();
    assert_eq!(
        zerospec::json::to_string_pretty(value).unwrap(),
        pretty,
        "{value:?}"
    );
    let back: T = zerospec::json::from_str(&json).unwrap_or_else(|err| panic!("{json}: {err}"));
    assert_eq!(debug(&back), debug(value), "{json}");
    let theirs: T = serde_json::from_str(&json).unwrap();
    assert_eq!(debug(&theirs), debug(value), "serde_json reads {json}");

    let packed = rmp_serde::to_vec_named(value).unwrap();
    assert_eq!(
        zerospec::msgpack::to_vec(value).unwrap(),
        packed,
        "{value:?}"
    );
    let back: T =
        zerospec::msgpack::from_slice(&packed).unwrap_or_else(|err| panic!("{packed:02x?}: {err}"));
    assert_eq!(debug(&back), debug(value), "{packed:02x?}");
}

/// zerospec and serde_json agree on `doc` as a `T`: both read the same value,
/// or both refuse it.
#[track_caller]
fn json_reads_as_serde<T>(doc: &str)
where
    T: DecodeOwned + DeserializeOwned + Debug,
{
    let ours = zerospec::json::from_str::<T>(doc);
    let theirs = serde_json::from_str::<T>(doc);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(debug(a), debug(b), "{doc}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{doc}: zerospec read {ours:?}, serde_json read {theirs:?}"),
    }
}

/// zerospec and rmp-serde agree on `bytes` as a `T` (see
/// `zerospec_tests::rmp::disagreement` for the documented exceptions).
#[track_caller]
fn msgpack_reads_as_serde<T>(bytes: &[u8])
where
    T: DecodeOwned + DeserializeOwned + Serialize + Debug,
{
    if let Some(difference) = zerospec_tests::rmp::disagreement::<T>(bytes) {
        panic!("{difference}");
    }
}

/// The flat bytes of `value`: decoded and viewed back to it (equal, and
/// writing the same bytes again, which tells apart what `==` does not), and
/// every prefix of them validated, decoded and read without a panic.
#[track_caller]
fn flat_round_trip<T>(value: &T) -> Vec<u8>
where
    T: Encode + DecodeOwned + View + Debug + PartialEq,
{
    let bytes = flat::to_vec(value).unwrap();
    let back: T = flat::from_slice(&bytes).unwrap_or_else(|err| panic!("{bytes:02x?}: {err}"));
    assert!(back == *value, "{bytes:02x?} decoded as {back:?}");
    assert_eq!(flat::to_vec(&back).unwrap(), bytes, "{back:?}");
    let view = flat::view::<T>(&bytes).unwrap_or_else(|err| panic!("{bytes:02x?}: {err}"));
    let owned = T::from_view(view);
    assert!(owned == *value, "{bytes:02x?} viewed as {owned:?}");
    assert_eq!(flat::to_vec(&owned).unwrap(), bytes, "{owned:?}");
    for len in 0..bytes.len() {
        zerospec_tests::exercise_flat::<T>(&bytes[..len]);
    }
    bytes
}

/// The message of zerospec's error on JSON `doc` as a `T`.
#[track_caller]
fn json_err<T: DecodeOwned + Debug>(doc: &str) -> String {
    match zerospec::json::from_str::<T>(doc) {
        Ok(value) => panic!("{doc} read as {value:?}"),
        Err(err) => err.to_string(),
    }
}

/// The message of zerospec's error on MessagePack `bytes` as a `T`.
#[track_caller]
fn msgpack_err<T: DecodeOwned + Debug>(bytes: &[u8]) -> String {
    match zerospec::msgpack::from_slice::<T>(bytes) {
        Ok(value) => panic!("{bytes:02x?} read as {value:?}"),
        Err(err) => err.to_string(),
    }
}

/// The message of the flat format's error on `bytes` as a `T`, which
/// validation and the owned decoder must both give.
#[track_caller]
fn flat_err<T: DecodeOwned + View + Debug>(bytes: &[u8]) -> String {
    let viewed = match flat::view::<T>(bytes) {
        Ok(view) => panic!("{bytes:02x?} validated as {view:?}"),
        Err(err) => err.to_string(),
    };
    if let Ok(value) = flat::from_slice::<T>(bytes) {
        panic!("{bytes:02x?} decoded as {value:?}");
    }
    viewed
}

/// A JSON string holding `text`.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

mod uuid_type {
    use super::*;
    use uuid::Uuid;

    const ID: Uuid = Uuid::from_u128(0x67e5_5044_10b1_426f_9247_bb68_0e5f_e0c8);
    const TEXT: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

    #[test]
    fn hyphenated_text_in_json_and_raw_bytes_in_msgpack() {
        assert_eq!(
            zerospec::json::to_string(&ID).unwrap(),
            format!("\"{TEXT}\"")
        );
        // `bin 8` of 16 bytes: what rmp-serde makes of `serialize_bytes`.
        let mut packed = vec![0xc4, 16];
        packed.extend_from_slice(ID.as_bytes());
        assert_eq!(zerospec::msgpack::to_vec(&ID).unwrap(), packed);
        for id in [ID, Uuid::nil(), Uuid::max()] {
            agrees(&id);
            agrees(&Some(id));
        }
        agrees(&vec![ID, Uuid::nil()]);
        agrees(&BTreeMap::from([(ID, 1u8), (Uuid::nil(), 2)]));
    }

    #[test]
    fn reads_every_textual_form_in_json() {
        let forms = [
            TEXT.to_owned(),
            TEXT.to_uppercase(),
            TEXT.replace('-', ""),
            format!("{{{TEXT}}}"),
            format!("urn:uuid:{TEXT}"),
        ];
        for form in forms {
            let doc = quoted(&form);
            assert_eq!(zerospec::json::from_str::<Uuid>(&doc).unwrap(), ID, "{doc}");
            json_reads_as_serde::<Uuid>(&doc);
        }
        // An escaped string is parsed from the decoder's scratch space.
        let escaped = format!("\"\\u0036{}\"", &TEXT[1..]);
        assert_eq!(zerospec::json::from_str::<Uuid>(&escaped).unwrap(), ID);
        let keys: BTreeMap<Uuid, u8> =
            zerospec::json::from_str(&format!("{{\"{}\":7}}", TEXT.to_uppercase())).unwrap();
        assert_eq!(keys, BTreeMap::from([(ID, 7)]));
    }

    #[test]
    fn errors() {
        assert_eq!(
            json_err::<Uuid>("\"67e55044\""),
            "Invalid UUID `67e55044`: invalid length: found 8 - at `$`"
        );
        assert_eq!(
            json_err::<Vec<Uuid>>(&format!("[\"{TEXT}\", \"{}x\"]", &TEXT[..35])),
            "Invalid UUID `67e55044-10b1-426f-9247-bb680e5fe0cx`: invalid character: \
             found `x` at 35 - at `$[1]`"
        );
        assert_eq!(json_err::<Uuid>("7"), "Expected `str`, got `int` - at `$`");
        // A long string is quoted in part.
        let long = "a".repeat(100);
        assert_eq!(
            json_err::<Uuid>(&quoted(&long)),
            format!(
                "Invalid UUID `{}...`: invalid length: found 100 - at `$`",
                &long[..64]
            )
        );
        assert_eq!(
            msgpack_err::<Uuid>(&[0xc4, 3, 1, 2, 3]),
            "Expected `bytes` of length 16 for a UUID - at `$`"
        );
        // rmp-serde reads only binary for a `Uuid`, as zerospec does.
        let text = rmp_serde::to_vec(TEXT).unwrap();
        assert_eq!(
            msgpack_err::<Uuid>(&text),
            "Expected `bytes`, got `str` - at `$`"
        );
        msgpack_reads_as_serde::<Uuid>(&text);
        msgpack_reads_as_serde::<Uuid>(&rmp_serde::to_vec(&[7u8; 16]).unwrap());
    }

    #[test]
    fn flat_is_sixteen_inline_bytes() {
        let bytes = flat_round_trip(&ID);
        assert_eq!(bytes, ID.as_bytes());
        assert_eq!(flat::view::<Uuid>(&bytes).unwrap(), ID);

        let ids = vec![ID, Uuid::max()];
        let bytes = flat_round_trip(&ids);
        // The offset, the count, then the slots back to back.
        assert_eq!(bytes[..5], [4, 0, 0, 0, 2]);
        assert_eq!(bytes[5..21], *ID.as_bytes());
        let view = flat::view::<Vec<Uuid>>(&bytes).unwrap();
        assert_eq!(view.get(1), Some(Uuid::max()));

        let bytes = flat_round_trip(&(Some(ID), None::<Uuid>));
        assert_eq!(bytes.len(), 34);
        assert_eq!(
            flat::view::<(Option<Uuid>, Option<Uuid>)>(&bytes).unwrap(),
            (Some(ID), None)
        );

        let map = HashMap::from([(Uuid::max(), 1u8), (ID, 2), (Uuid::nil(), 3)]);
        let bytes = flat_round_trip(&map);
        let view = flat::view::<HashMap<Uuid, u8>>(&bytes).unwrap();
        assert_eq!(view.get(&ID), Some(2));
        let keys: Vec<Uuid> = view.iter().map(|(key, _)| key).collect();
        assert_eq!(keys, [Uuid::nil(), ID, Uuid::max()]);
    }

    fn forms() -> impl Strategy<Value = String> {
        (any::<[u8; 16]>(), 0..4usize, any::<bool>()).prop_map(|(bytes, form, upper)| {
            let id = Uuid::from_bytes(bytes);
            let text = match form {
                0 => id.hyphenated().to_string(),
                1 => id.simple().to_string(),
                2 => id.braced().to_string(),
                _ => id.urn().to_string(),
            };
            if upper { text.to_uppercase() } else { text }
        })
    }

    /// Documents near a UUID's: its forms, cut, with a character changed, or
    /// other JSON values.
    fn documents() -> impl Strategy<Value = String> {
        prop_oneof![
            forms().prop_map(|text| quoted(&text)),
            (forms(), any::<prop::sample::Index>(), any::<char>()).prop_map(|(text, at, c)| {
                let mut chars: Vec<char> = text.chars().collect();
                let at = at.index(chars.len());
                chars[at] = c;
                quoted(&chars.into_iter().collect::<String>())
            }),
            (forms(), any::<prop::sample::Index>())
                .prop_map(|(text, at)| quoted(&text[..at.index(text.len())])),
            Just("[103,229,80,68,16,177,66,111,146,71,187,104,14,95,224,200]".to_owned()),
            Just("null".to_owned()),
            any::<i64>().prop_map(|n| n.to_string()),
        ]
    }

    /// MessagePack near a UUID's: its bytes, other lengths, other values.
    fn packed() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            any::<[u8; 16]>().prop_map(|bytes| rmp_serde::to_vec(&serde_bytes(&bytes)).unwrap()),
            prop::collection::vec(any::<u8>(), 0..20)
                .prop_map(|bytes| rmp_serde::to_vec(&serde_bytes(&bytes)).unwrap()),
            any::<[u8; 16]>().prop_map(|bytes| rmp_serde::to_vec(&bytes).unwrap()),
            forms().prop_map(|text| rmp_serde::to_vec(&text).unwrap()),
            any::<u64>().prop_map(|n| rmp_serde::to_vec(&n).unwrap()),
        ]
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_uuids_agree_with_serde(bytes in any::<[u8; 16]>()) {
            let id = Uuid::from_bytes(bytes);
            agrees(&id);
            let bytes = flat_round_trip(&id);
            prop_assert_eq!(flat::view::<Uuid>(&bytes).unwrap(), id);
        }

        #[test]
        fn documents_read_as_serde_reads_them(doc in documents()) {
            json_reads_as_serde::<Uuid>(&doc);
        }

        #[test]
        fn msgpack_reads_as_rmp_serde_reads_it(bytes in packed()) {
            msgpack_reads_as_serde::<Uuid>(&bytes);
        }
    }
}

/// Bytes that serde writes with `serialize_bytes`.
fn serde_bytes(bytes: &[u8]) -> SerdeBytes<'_> {
    SerdeBytes(bytes)
}

struct SerdeBytes<'a>(&'a [u8]);

impl Serialize for SerdeBytes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

mod decimal_type {
    use std::str::FromStr;

    use super::*;
    use rust_decimal::Decimal;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn a_string_with_its_scale() {
        assert_eq!(zerospec::json::to_string(&dec("1.50")).unwrap(), "\"1.50\"");
        assert_eq!(
            zerospec::msgpack::to_vec(&dec("-0.001")).unwrap(),
            b"\xa6-0.001"
        );
        for text in [
            "0",
            "1.50",
            "-0.001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "1000000",
        ] {
            agrees(&dec(text));
        }
        // A negative zero is written `"-0"`; rust_decimal reads that back as zero.
        assert_eq!(
            zerospec::json::to_string(&-Decimal::ZERO).unwrap(),
            "\"-0\""
        );
        assert_eq!(serde_json::to_string(&-Decimal::ZERO).unwrap(), "\"-0\"");
        json_reads_as_serde::<Decimal>("\"-0\"");
        json_reads_as_serde::<Decimal>("-0");
        json_reads_as_serde::<Decimal>("-0.0");
        agrees(&vec![Decimal::ONE, Decimal::MAX]);
        agrees(&BTreeMap::from([(dec("2.5"), 1u8), (dec("-1"), 2)]));
    }

    #[test]
    fn reads_strings_integers_and_floats() {
        let cases = [
            ("\"1.50\"", "1.50"),
            ("\"1.5e3\"", "1500"),
            ("\"-2E-2\"", "-0.02"),
            ("7", "7"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("18446744073709551615", "18446744073709551615"),
            ("0.1", "0.1"),
            ("1.50", "1.5"),
            ("1e5", "100000"),
            ("2.5e-3", "0.0025"),
        ];
        for (doc, value) in cases {
            let read: Decimal = zerospec::json::from_str(doc).unwrap();
            assert_eq!(read.to_string(), value, "{doc}");
            json_reads_as_serde::<Decimal>(doc);
        }
        // MessagePack integers, floats and strings, as rmp-serde reads them.
        let packed = [
            rmp_serde::to_vec(&-3i64).unwrap(),
            rmp_serde::to_vec(&u64::MAX).unwrap(),
            rmp_serde::to_vec(&0.25f64).unwrap(),
            rmp_serde::to_vec(&0.1f32).unwrap(),
            rmp_serde::to_vec("12.340").unwrap(),
        ];
        let read: Vec<String> = packed
            .iter()
            .map(|bytes| {
                msgpack_reads_as_serde::<Decimal>(bytes);
                zerospec::msgpack::from_slice::<Decimal>(bytes)
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            read,
            [
                "-3",
                "18446744073709551615",
                "0.25",
                "0.10000000149011612",
                "12.340"
            ]
        );
        let keys: BTreeMap<Decimal, u8> = zerospec::json::from_str(r#"{"1.5e1":1}"#).unwrap();
        assert_eq!(keys, BTreeMap::from([(dec("15"), 1)]));
    }

    #[test]
    fn errors() {
        assert_eq!(
            json_err::<Decimal>("\"1.2.3\""),
            "Invalid decimal `1.2.3` - at `$`"
        );
        assert_eq!(
            json_err::<Decimal>("true"),
            "Expected `decimal`, got `bool` - at `$`"
        );
        assert_eq!(
            json_err::<Vec<Decimal>>("[1, null]"),
            "Expected `decimal`, got `null` - at `$[1]`"
        );
        assert_eq!(
            json_err::<Decimal>("1e300"),
            "Invalid decimal `1e300` - at `$`"
        );
        assert_eq!(
            json_err::<Decimal>("\"79228162514264337593543950336\""),
            "Invalid decimal `79228162514264337593543950336` - at `$`"
        );
        json_reads_as_serde::<Decimal>("1e300");
        json_reads_as_serde::<Decimal>("\"79228162514264337593543950336\"");
        assert_eq!(
            msgpack_err::<Decimal>(&[0xc4, 1, b'1']),
            "Expected `decimal`, got `bytes` - at `$`"
        );
        assert_eq!(
            msgpack_err::<Decimal>(&rmp_serde::to_vec(&f64::NAN).unwrap()),
            "Invalid decimal `NaN` - at `$`"
        );
        msgpack_reads_as_serde::<Decimal>(&rmp_serde::to_vec(&f64::NAN).unwrap());
        msgpack_reads_as_serde::<Decimal>(&[0xc4, 1, b'1']);
        msgpack_reads_as_serde::<Decimal>(&[0xc3]);
    }

    #[test]
    fn flat_is_its_sixteen_serialized_bytes() {
        let value = dec("-12.345");
        let bytes = flat_round_trip(&value);
        assert_eq!(bytes, value.serialize());
        let view = flat::view::<Decimal>(&bytes).unwrap();
        assert_eq!(view.to_string(), "-12.345");
        let values = vec![dec("1.50"), Decimal::MIN, -Decimal::ZERO];
        let bytes = flat_round_trip(&values);
        let view = flat::view::<Vec<Decimal>>(&bytes).unwrap();
        assert_eq!(debug(&view), "[1.50, -79228162514264337593543950335, -0]");

        // A scale above 28, or any flag bit but the sign's and the scale's, is refused.
        let mut bad = Decimal::ONE.serialize();
        bad[2] = 29;
        assert_eq!(
            flat_err::<Decimal>(&bad),
            "Flat data is malformed: invalid decimal (byte 0)"
        );
        let mut bad = Decimal::ONE.serialize();
        bad[0] = 1;
        assert_eq!(
            flat_err::<Decimal>(&bad),
            "Flat data is malformed: invalid decimal (byte 0)"
        );
    }

    /// Decimals of every scale and sign within the 96-bit mantissa.
    fn decimals() -> impl Strategy<Value = Decimal> {
        (any::<i128>(), 0..=28u32).prop_map(|(mantissa, scale)| {
            let mantissa = mantissa % (1i128 << 96);
            Decimal::from_i128_with_scale(mantissa, scale)
        })
    }

    /// Numbers and strings that may or may not be decimals.
    fn documents() -> impl Strategy<Value = String> {
        prop_oneof![
            decimals().prop_map(|d| quoted(&d.to_string())),
            decimals().prop_map(|d| d.to_string()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| n.to_string()),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(|f| serde_json::to_string(&f).unwrap()),
            "-?[0-9]{1,40}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?",
            "\"[-+0-9.eE_ ]{0,16}\"",
            Just("true".to_owned()),
            Just("[]".to_owned()),
        ]
    }

    /// MessagePack numbers and strings.
    fn packed() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            any::<i64>().prop_map(|n| rmp_serde::to_vec(&n).unwrap()),
            any::<u64>().prop_map(|n| rmp_serde::to_vec(&n).unwrap()),
            any::<f64>().prop_map(|n| rmp_serde::to_vec(&n).unwrap()),
            any::<f32>().prop_map(|n| rmp_serde::to_vec(&n).unwrap()),
            decimals().prop_map(|d| rmp_serde::to_vec(&d.to_string()).unwrap()),
            "[-+0-9.eE]{0,16}".prop_map(|s| rmp_serde::to_vec(&s).unwrap()),
            Just(vec![0xc0]),
        ]
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_decimals_agree_with_serde(value in decimals()) {
            agrees(&value);
            let bytes = flat_round_trip(&value);
            prop_assert_eq!(bytes, value.serialize());
        }

        #[test]
        fn documents_read_as_serde_reads_them(doc in documents()) {
            json_reads_as_serde::<Decimal>(&doc);
        }

        #[test]
        fn msgpack_reads_as_rmp_serde_reads_it(bytes in packed()) {
            msgpack_reads_as_serde::<Decimal>(&bytes);
        }
    }
}

mod url_type {
    use super::*;
    use url::Url;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn its_serialization_as_a_string() {
        let home = url("https://example.com/a b?q=1#top");
        assert_eq!(
            zerospec::json::to_string(&home).unwrap(),
            "\"https://example.com/a%20b?q=1#top\""
        );
        agrees(&home);
        agrees(&url("file:///tmp/x"));
        agrees(&url("mailto:ada@example.com"));
        agrees(&BTreeMap::from([(url("http://a/"), 1u8)]));
        // Read as `Url::parse` reads it: normalized.
        let read: Url = zerospec::json::from_str("\"HTTP://EXAMPLE.com:80/x/../y\"").unwrap();
        assert_eq!(read.as_str(), "http://example.com/y");
        json_reads_as_serde::<Url>("\"HTTP://EXAMPLE.com:80/x/../y\"");
    }

    #[test]
    fn errors() {
        assert_eq!(
            json_err::<Url>("\"no scheme\""),
            "Invalid URL `no scheme`: relative URL without a base - at `$`"
        );
        assert_eq!(
            json_err::<BTreeMap<String, Url>>(r#"{"home": "http://[::1"}"#),
            "Invalid URL `http://[::1`: invalid IPv6 address - at `$[\"home\"]`"
        );
        json_reads_as_serde::<Url>("\"no scheme\"");
    }

    #[test]
    fn flat_is_a_string_that_parses() {
        let home = url("https://example.com/");
        let bytes = flat_round_trip(&home);
        let mut expected = vec![4, 0, 0, 0, 20];
        expected.extend_from_slice(b"https://example.com/");
        assert_eq!(bytes, expected);
        assert_eq!(flat::view::<Url>(&bytes).unwrap(), "https://example.com/");
        let bytes = flat::to_vec("not a url").unwrap();
        assert_eq!(
            flat_err::<Url>(&bytes),
            "Flat data is malformed: invalid URL (byte 0)"
        );
    }

    fn urls() -> impl Strategy<Value = Url> {
        "(https?|ftp|file|ws|data|mailto|foo):(//)?[a-zA-Z0-9.-]{0,10}(:[0-9]{1,5})?\
         (/[a-zA-Z0-9%._~ -]{0,6}){0,3}(\\?[a-z0-9=&% ]{0,8})?(#[a-z é]{0,4})?"
            .prop_filter_map("a URL", |text| Url::parse(&text).ok())
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_urls_agree_with_serde(value in urls()) {
            agrees(&value);
            flat_round_trip(&value);
        }

        #[test]
        fn strings_read_as_serde_reads_them(text in "[a-zA-Z:/.\\[\\]%@ ]{0,16}") {
            json_reads_as_serde::<Url>(&quoted(&text));
        }
    }
}

mod semver_types {
    use super::*;
    use semver::{Comparator, Version, VersionReq};

    #[test]
    fn their_display_text() {
        let version = Version::parse("1.2.3-rc.1+build.5").unwrap();
        assert_eq!(
            zerospec::json::to_string(&version).unwrap(),
            "\"1.2.3-rc.1+build.5\""
        );
        agrees(&version);
        let req = VersionReq::parse(">=1.2, <2").unwrap();
        assert_eq!(zerospec::json::to_string(&req).unwrap(), "\">=1.2, <2\"");
        agrees(&req);
        agrees(&VersionReq::STAR);
        agrees(&Comparator::parse("~1.4").unwrap());
        agrees(&BTreeMap::from([(version, req)]));
        // A version longer than the stack buffer it is formatted in.
        let long = Version::parse(&format!("1.0.0-{}", "a".repeat(200))).unwrap();
        agrees(&long);
    }

    #[test]
    fn errors() {
        assert_eq!(
            json_err::<Version>("\"1.2\""),
            "Invalid version `1.2`: unexpected end of input while parsing minor version number \
             - at `$`"
        );
        assert_eq!(
            json_err::<VersionReq>("\">=1.2,\""),
            "Invalid version requirement `>=1.2,`: unexpected end of input while parsing \
             major version number - at `$`"
        );
        assert_eq!(
            json_err::<Comparator>("\"01\""),
            "Invalid version comparator `01`: invalid leading zero in major version number - at `$`"
        );
        json_reads_as_serde::<Version>("\"1.2\"");
        json_reads_as_serde::<VersionReq>("\">=1.2,\"");
    }

    #[test]
    fn flat_is_the_text() {
        let version = Version::new(1, 10, 0);
        let bytes = flat_round_trip(&version);
        assert_eq!(bytes, b"\x04\0\0\0\x061.10.0");
        assert_eq!(flat::view::<Version>(&bytes).unwrap(), "1.10.0");
        flat_round_trip(&VersionReq::parse("^0.3").unwrap());
        // A map of versions is sorted by their text in the flat format.
        let map = HashMap::from([(Version::new(1, 9, 0), 1u8), (version, 2)]);
        let bytes = flat_round_trip(&map);
        let view = flat::view::<HashMap<Version, u8>>(&bytes).unwrap();
        assert_eq!(debug(&view), r#"{"1.10.0": 2, "1.9.0": 1}"#);
        assert_eq!(view.get("1.9.0"), Some(1));
        // A `BTreeMap` comes in version order, but is written sorted by its
        // text too, as its readers require (docs/flat-format.md).
        let tree = BTreeMap::from([(Version::new(1, 9, 0), 1u8), (Version::new(1, 10, 0), 2)]);
        assert_eq!(flat_round_trip(&tree), bytes);
        // In version order (as a sequence of pairs writes it), both readers
        // refuse it.
        let pairs = vec![(Version::new(1, 9, 0), 1u8), (Version::new(1, 10, 0), 2)];
        let unsorted = flat::to_vec(&pairs).unwrap();
        let refused = "Flat data is malformed: map keys are not in increasing order (byte 10)";
        assert_eq!(
            flat::view::<BTreeMap<Version, u8>>(&unsorted)
                .unwrap_err()
                .to_string(),
            refused
        );
        assert_eq!(
            flat::from_slice::<BTreeMap<Version, u8>>(&unsorted)
                .unwrap_err()
                .to_string(),
            refused
        );
        let bytes = flat::to_vec("1.x").unwrap();
        assert_eq!(
            flat_err::<Version>(&bytes),
            "Flat data is malformed: invalid version (byte 0)"
        );
    }

    fn versions() -> impl Strategy<Value = Version> {
        "(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\
         (-[0-9A-Za-z-]{1,5}(\\.[0-9A-Za-z-]{1,5}){0,2})?(\\+[0-9A-Za-z-]{1,5}(\\.[0-9A-Za-z-]{1,5})?)?"
            .prop_filter_map("a version", |text| Version::parse(&text).ok())
    }

    fn requirements() -> impl Strategy<Value = VersionReq> {
        "\\*|((\\^|~|=|>|>=|<|<=)?[0-9]{1,2}(\\.([0-9]{1,2}|\\*)(\\.[0-9]{1,2})?)?(-[a-z]{1,3})?\
         (, ?(>|<|>=|<=)[0-9]{1,2}(\\.[0-9]{1,2})?){0,2})"
            .prop_filter_map("a requirement", |text| VersionReq::parse(&text).ok())
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_versions_agree_with_serde(version in versions(), req in requirements()) {
            agrees(&version);
            agrees(&req);
            flat_round_trip(&version);
            flat_round_trip(&req);
        }

        #[test]
        fn strings_read_as_serde_reads_them(text in "[0-9.^~=<>*, +a-z-]{0,12}") {
            json_reads_as_serde::<Version>(&quoted(&text));
            json_reads_as_serde::<VersionReq>(&quoted(&text));
            json_reads_as_serde::<Comparator>(&quoted(&text));
        }
    }
}

mod camino_types {
    use super::*;
    use camino::{Utf8Path, Utf8PathBuf};

    #[test]
    fn the_path_text() {
        let path = Utf8PathBuf::from("/tmp/a b/\"c\".txt");
        assert_eq!(
            zerospec::json::to_string(&path).unwrap(),
            r#""/tmp/a b/\"c\".txt""#
        );
        assert_eq!(
            zerospec::json::to_string(Utf8Path::new("x/y")).unwrap(),
            r#""x/y""#
        );
        agrees(&path);
        agrees(&Utf8PathBuf::new());
        agrees(&BTreeMap::from([(path, 1u8)]));
        let boxed: Box<Utf8Path> = zerospec::json::from_str(r#""a/b""#).unwrap();
        assert_eq!(boxed.as_str(), "a/b");
        let borrowed: &Utf8Path = zerospec::json::from_str(r#""a/b""#).unwrap();
        assert_eq!(borrowed, Utf8Path::new("a/b"));
        let packed = zerospec::msgpack::to_vec("c/d").unwrap();
        let borrowed: &Utf8Path = zerospec::msgpack::from_slice(&packed).unwrap();
        assert_eq!(borrowed.as_str(), "c/d");
    }

    #[test]
    fn errors() {
        assert_eq!(
            zerospec::json::from_str::<&Utf8Path>(r#""a\/b""#)
                .unwrap_err()
                .to_string(),
            "Expected a string without escapes, which `&Utf8Path` can borrow from the input; \
             decode into `Utf8PathBuf` to accept any string - at `$`"
        );
        // rmp-serde reads a UTF-8 `bin` as a path; zerospec reads `str` only.
        let bin = [0xc4, 1, b'a'];
        assert_eq!(
            msgpack_err::<Utf8PathBuf>(&bin),
            "Expected `str`, got `bytes` - at `$`"
        );
        msgpack_reads_as_serde::<Utf8PathBuf>(&bin);
    }

    #[test]
    fn flat_is_a_string_viewed_as_a_path() {
        let path = Utf8PathBuf::from("src/lib.rs");
        let bytes = flat_round_trip(&path);
        assert_eq!(bytes, b"\x04\0\0\0\x0asrc/lib.rs");
        let view = flat::view::<Utf8PathBuf>(&bytes).unwrap();
        assert_eq!(view.file_name(), Some("lib.rs"));
        // Map keys sort by components, as paths compare: `a/b` before `a-b`.
        let map = HashMap::from([
            (Utf8PathBuf::from("a-b"), 1u8),
            (Utf8PathBuf::from("a/b"), 2),
        ]);
        let bytes = flat_round_trip(&map);
        let view = flat::view::<HashMap<Utf8PathBuf, u8>>(&bytes).unwrap();
        assert_eq!(debug(&view), r#"{"a/b": 2, "a-b": 1}"#);
        assert_eq!(view.get(Utf8Path::new("a-b")), Some(1));
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_paths_agree_with_serde(text in "[a-z/. \\\\\"é\u{1}-]{0,16}") {
            let path = Utf8PathBuf::from(text);
            agrees(&path);
            flat_round_trip(&path);
            let map = BTreeMap::from([(path, 0u8)]);
            agrees(&map);
        }
    }
}

mod small_strings {
    use super::*;
    use arrayvec::ArrayString;
    use compact_str::CompactString;
    use smol_str::SmolStr;

    #[test]
    fn their_text() {
        for text in [
            "",
            "short",
            "a string longer than twenty-four bytes",
            "tab\there \u{1}",
        ] {
            agrees(&SmolStr::new(text));
            agrees(&CompactString::new(text));
            agrees(&BTreeMap::from([(
                SmolStr::new(text),
                CompactString::new(text),
            )]));
        }
        agrees(&ArrayString::<8>::from("é").unwrap());
        agrees(&ArrayString::<8>::from("eightbyt").unwrap());
        agrees(&BTreeMap::from([(
            ArrayString::<4>::from("k").unwrap(),
            1u8,
        )]));
        assert_eq!(
            zerospec::json::to_string(&SmolStr::new("a\"b")).unwrap(),
            r#""a\"b""#
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            json_err::<ArrayString<4>>(r#""12345""#),
            "Expected `str` of at most 4 bytes - at `$`"
        );
        // Four characters, but eight bytes.
        assert_eq!(
            json_err::<ArrayString<4>>(r#""éééé""#),
            "Expected `str` of at most 4 bytes - at `$`"
        );
        assert_eq!(
            json_err::<BTreeMap<ArrayString<2>, u8>>(r#"{"abc": 1}"#),
            "Expected `str` of at most 2 bytes - at `$`"
        );
        json_reads_as_serde::<ArrayString<4>>(r#""12345""#);
        assert_eq!(
            json_err::<SmolStr>("1"),
            "Expected `str`, got `int` - at `$`"
        );
        let bin = [0xc4, 1, b'a'];
        for message in [
            msgpack_err::<SmolStr>(&bin),
            msgpack_err::<CompactString>(&bin),
            msgpack_err::<ArrayString<4>>(&bin),
        ] {
            assert_eq!(message, "Expected `str`, got `bytes` - at `$`");
        }
        msgpack_reads_as_serde::<SmolStr>(&bin);
        msgpack_reads_as_serde::<CompactString>(&bin);
        msgpack_reads_as_serde::<ArrayString<4>>(&bin);
    }

    #[test]
    fn flat_strings() {
        for value in [SmolStr::new("hi"), SmolStr::new("x".repeat(40))] {
            let bytes = flat_round_trip(&value);
            assert_eq!(flat::view::<SmolStr>(&bytes).unwrap(), value.as_str());
        }
        let bytes = flat_round_trip(&CompactString::new("hi"));
        assert_eq!(bytes, b"\x04\0\0\0\x02hi");
        assert_eq!(flat::view::<CompactString>(&bytes).unwrap(), "hi");
        let bytes = flat_round_trip(&ArrayString::<4>::from("hi").unwrap());
        assert_eq!(bytes, b"\x04\0\0\0\x02hi");
        assert_eq!(
            flat_err::<ArrayString<1>>(&bytes),
            "Flat data is malformed: string longer than the `ArrayString` holds (byte 0)"
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_strings_agree_with_serde(text in any::<String>()) {
            let smol = SmolStr::new(&text);
            agrees(&smol);
            flat_round_trip(&smol);
            let compact = CompactString::new(&text);
            agrees(&compact);
            flat_round_trip(&compact);
            let mut cut = text.len().min(8);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let short = ArrayString::<8>::from(&text[..cut]).unwrap();
            agrees(&short);
            flat_round_trip(&short);
            json_reads_as_serde::<ArrayString<8>>(&quoted(&text));
            msgpack_reads_as_serde::<ArrayString<8>>(&rmp_serde::to_vec(&text).unwrap());
        }
    }
}

mod small_vectors {
    use super::*;
    use arrayvec::ArrayVec;
    use smallvec::SmallVec;

    #[test]
    fn sequences() {
        let small: SmallVec<[u32; 2]> = SmallVec::from_slice(&[1, 2, 3]);
        assert_eq!(zerospec::json::to_string(&small).unwrap(), "[1,2,3]");
        agrees(&small);
        agrees(&SmallVec::<[String; 1]>::from_vec(vec![
            "a".into(),
            "b".into(),
        ]));
        agrees(&SmallVec::<[f64; 4]>::from_slice(&[0.5, -1.0]));
        let array: ArrayVec<u16, 3> = [7, 8].into_iter().collect();
        assert_eq!(zerospec::msgpack::to_vec(&array).unwrap(), [0x92, 7, 8]);
        agrees(&array);
        agrees(&ArrayVec::<String, 2>::new());
    }

    #[test]
    fn errors() {
        assert_eq!(
            json_err::<ArrayVec<u8, 2>>("[1, 2, 3]"),
            "Expected `array` of length <= 2 - at `$`"
        );
        assert_eq!(
            json_err::<ArrayVec<u8, 2>>("[1, -2]"),
            "Expected `int` >= 0 - at `$[1]`"
        );
        assert_eq!(
            msgpack_err::<ArrayVec<u8, 2>>(&[0x93, 1, 2, 3]),
            "Expected `array` of length <= 2 - at `$`"
        );
        assert_eq!(
            json_err::<SmallVec<[u8; 2]>>("[1, \"x\"]"),
            "Expected `int`, got `str` - at `$[1]`"
        );
        json_reads_as_serde::<ArrayVec<u8, 2>>("[1, 2, 3]");
        msgpack_reads_as_serde::<ArrayVec<u8, 2>>(&[0x93, 1, 2, 3]);
    }

    #[test]
    fn flat_sequences() {
        let small: SmallVec<[u32; 2]> = SmallVec::from_slice(&[1, 2, 3]);
        let bytes = flat_round_trip(&small);
        assert_eq!(bytes, flat::to_vec(&vec![1u32, 2, 3]).unwrap());
        let view = flat::view::<SmallVec<[u32; 2]>>(&bytes).unwrap();
        assert_eq!(view.as_slice()[2].get(), 3);
        let array: ArrayVec<String, 3> = ["a".to_owned()].into_iter().collect();
        let bytes = flat_round_trip(&array);
        assert_eq!(
            flat::view::<ArrayVec<String, 3>>(&bytes).unwrap().get(0),
            Some("a")
        );
        // More elements than the capacity: refused by validation and decoding.
        let bytes = flat::to_vec(&vec![1u8, 2, 3]).unwrap();
        assert_eq!(
            flat_err::<ArrayVec<u8, 2>>(&bytes),
            "Flat data is malformed: more elements than the `ArrayVec` holds (byte 0)"
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_sequences_agree_with_serde(
            numbers in prop::collection::vec(any::<u32>(), 0..8),
            words in prop::collection::vec(".{0,4}", 0..4),
        ) {
            let small: SmallVec<[u32; 4]> = SmallVec::from_vec(numbers.clone());
            agrees(&small);
            flat_round_trip(&small);
            let small: SmallVec<[String; 2]> = SmallVec::from_vec(words.clone());
            agrees(&small);
            flat_round_trip(&small);
            let array: ArrayVec<u32, 8> = numbers.iter().copied().collect();
            agrees(&array);
            flat_round_trip(&array);
            let array: ArrayVec<String, 4> = words.into_iter().collect();
            agrees(&array);
            flat_round_trip(&array);
            // Past the capacity of 4, both refuse.
            let doc = serde_json::to_string(&numbers).unwrap();
            json_reads_as_serde::<ArrayVec<u32, 4>>(&doc);
            msgpack_reads_as_serde::<ArrayVec<u32, 4>>(&rmp_serde::to_vec(&numbers).unwrap());
        }
    }
}

mod index_collections {
    use super::*;
    use indexmap::{IndexMap, IndexSet};

    #[test]
    fn insertion_order_in_every_format() {
        let map: IndexMap<String, i32> = [("b".into(), 1), ("a".into(), 2), ("c".into(), 3)]
            .into_iter()
            .collect();
        assert_eq!(
            zerospec::json::to_string(&map).unwrap(),
            r#"{"b":1,"a":2,"c":3}"#
        );
        agrees(&map);
        let set: IndexSet<u8> = [3, 1, 2].into_iter().collect();
        assert_eq!(zerospec::json::to_string(&set).unwrap(), "[3,1,2]");
        agrees(&set);
        agrees(&IndexMap::<u16, Vec<bool>>::from([
            (9, vec![true]),
            (2, vec![]),
        ]));
        // A key given twice keeps its first place and its last value.
        let read: IndexMap<String, i32> =
            zerospec::json::from_str(r#"{"x":1,"y":2,"x":3}"#).unwrap();
        assert_eq!(debug(&read), r#"{"x": 3, "y": 2}"#);
        json_reads_as_serde::<IndexMap<String, i32>>(r#"{"x":1,"y":2,"x":3}"#);
    }

    #[test]
    fn errors() {
        assert_eq!(
            json_err::<IndexMap<String, u8>>(r#"{"a": 1, "b": 256}"#),
            "Expected `int` <= 255 - at `$[\"b\"]`"
        );
        assert_eq!(
            json_err::<IndexSet<u8>>("[1, true]"),
            "Expected `int`, got `bool` - at `$[1]`"
        );
    }

    #[test]
    fn flat_keeps_the_order() {
        let map: IndexMap<String, u8> = [("b".into(), 1), ("a".into(), 2)].into_iter().collect();
        let bytes = flat_round_trip(&map);
        // The bytes of the pairs in order, which are not a sorted map's.
        let pairs = vec![("b".to_owned(), 1u8), ("a".to_owned(), 2)];
        assert_eq!(bytes, flat::to_vec(&pairs).unwrap());
        let view = flat::view::<IndexMap<String, u8>>(&bytes).unwrap();
        assert_eq!((view.get(0), view.get(1)), (Some(("b", 1)), Some(("a", 2))));
        assert!(flat::view::<BTreeMap<String, u8>>(&bytes).is_err());
        let set: IndexSet<char> = ['z', 'a'].into_iter().collect();
        let bytes = flat_round_trip(&set);
        assert_eq!(
            flat::view::<IndexSet<char>>(&bytes).unwrap().get(0),
            Some('z')
        );
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn generated_collections_agree_with_serde(
            entries in prop::collection::vec((".{0,3}", any::<i32>()), 0..8),
            items in prop::collection::vec(any::<i16>(), 0..8),
        ) {
            let map: IndexMap<String, i32> = entries.iter().cloned().collect();
            agrees(&map);
            flat_round_trip(&map);
            let set: IndexSet<i16> = items.into_iter().collect();
            agrees(&set);
            flat_round_trip(&set);
            // Documents with repeated keys read as serde reads them.
            let doc = format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(key, value)| format!("{}:{value}", quoted(key)))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            json_reads_as_serde::<IndexMap<String, i32>>(&doc);
        }
    }
}

/// A record of every type, derived: its fields are read in place from the
/// flat format through the derived view.
mod derived {
    use std::str::FromStr;

    use super::*;
    use arrayvec::{ArrayString, ArrayVec};
    use camino::Utf8PathBuf;
    use compact_str::CompactString;
    use indexmap::{IndexMap, IndexSet};
    use rust_decimal::Decimal;
    use semver::{Version, VersionReq};
    use serde::Deserialize;
    use smallvec::SmallVec;
    use smol_str::SmolStr;
    use url::Url;
    use uuid::Uuid;
    use zerospec::{Decode, Encode, View};

    #[derive(Encode, Decode, View, Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Release {
        pub id: Uuid,
        pub price: Decimal,
        pub home: Url,
        pub version: Version,
        pub requires: VersionReq,
        pub path: Utf8PathBuf,
        pub name: SmolStr,
        pub label: CompactString,
        pub code: ArrayString<4>,
        pub ports: SmallVec<[u16; 2]>,
        pub few: ArrayVec<u8, 3>,
        pub deps: IndexMap<String, Version>,
        pub seen: IndexSet<Uuid>,
        pub parent: Option<Uuid>,
    }

    fn release() -> Release {
        Release {
            id: Uuid::from_u128(7),
            price: Decimal::from_str("19.90").unwrap(),
            home: Url::parse("https://example.com/r").unwrap(),
            version: Version::new(2, 0, 1),
            requires: VersionReq::parse("^1.4").unwrap(),
            path: Utf8PathBuf::from("dist/r.tar"),
            name: SmolStr::new("release"),
            label: CompactString::new("stable"),
            code: ArrayString::from("R2").unwrap(),
            ports: SmallVec::from_slice(&[80, 443, 8080]),
            few: [1, 2].into_iter().collect(),
            deps: [
                ("z".to_owned(), Version::new(1, 0, 0)),
                ("a".to_owned(), Version::new(0, 1, 0)),
            ]
            .into_iter()
            .collect(),
            seen: [Uuid::max(), Uuid::nil()].into_iter().collect(),
            parent: Some(Uuid::from_u128(1)),
        }
    }

    #[test]
    fn a_struct_of_every_type() {
        let value = release();
        agrees(&value);
        let bytes = flat_round_trip(&value);
        let view = flat::view::<Release>(&bytes).unwrap();
        assert_eq!(view.id(), Uuid::from_u128(7));
        assert_eq!(view.price().to_string(), "19.90");
        assert_eq!(view.home(), "https://example.com/r");
        assert_eq!(view.version(), "2.0.1");
        assert_eq!(view.requires(), "^1.4");
        assert_eq!(view.path().extension(), Some("tar"));
        assert_eq!(view.name(), "release");
        assert_eq!(view.label(), "stable");
        assert_eq!(view.code(), "R2");
        assert_eq!(view.ports().iter().collect::<Vec<_>>(), [80, 443, 8080]);
        assert_eq!(view.few().len(), 2);
        assert_eq!(view.deps().get(0), Some(("z", "1.0.0")));
        assert_eq!(view.seen().get(1), Some(Uuid::nil()));
        assert_eq!(view.parent(), Some(Uuid::from_u128(1)));
    }

    /// Strings and inline values only, so the flat encoder measures it first.
    #[derive(Encode, Decode, View, Serialize, Deserialize, Debug, Clone, PartialEq)]
    pub struct Measured {
        pub id: Uuid,
        pub price: Decimal,
        pub name: SmolStr,
        pub home: Url,
        pub version: Version,
    }

    /// A string the derive cannot measure, so a struct of it is written field by field.
    #[derive(Encode, Debug)]
    #[zerospec(transparent)]
    pub struct Text(pub String);

    /// `Measured`'s layout, written field by field.
    #[derive(Encode, Debug)]
    pub struct FieldByField {
        pub id: Uuid,
        pub price: Decimal,
        pub name: Text,
        pub home: Text,
        pub version: Text,
    }

    #[test]
    fn measured_tables_write_what_field_by_field_writes() {
        let value = Measured {
            id: Uuid::from_u128(3),
            price: Decimal::new(-5, 1),
            name: SmolStr::new("m"),
            home: Url::parse("http://h/").unwrap(),
            version: Version::new(0, 0, 1),
        };
        agrees(&value);
        let bytes = flat_round_trip(&value);
        let by_field = FieldByField {
            id: value.id,
            price: value.price,
            name: Text(value.name.to_string()),
            home: Text(value.home.to_string()),
            version: Text(value.version.to_string()),
        };
        assert_eq!(bytes, flat::to_vec(&by_field).unwrap());
        let view = flat::view::<Measured>(&bytes).unwrap();
        assert_eq!(view.home(), "http://h/");
        assert_eq!(view.price().to_string(), "-0.5");
    }
}
