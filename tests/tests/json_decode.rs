//! JSON decoding: exact values, exact error messages and positions.

use std::borrow::Cow;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use zerospec::json::{JsonDecoder, from_slice, from_slice_with_max_depth, from_str};
use zerospec::{Decode, Decoder, ErrorKind, Value};

/// The message of decoding `input` as `T`, which must fail.
fn err<T: for<'de> Decode<'de> + std::fmt::Debug>(input: &str) -> String {
    from_slice::<T>(input.as_bytes()).unwrap_err().to_string()
}

// ----- numbers -----

#[test]
fn integer_edges() {
    assert_eq!(
        from_slice::<i64>(b"-9223372036854775808").unwrap(),
        i64::MIN
    );
    assert_eq!(from_slice::<i64>(b"9223372036854775807").unwrap(), i64::MAX);
    assert_eq!(
        from_slice::<u64>(b"18446744073709551615").unwrap(),
        u64::MAX
    );
    assert_eq!(from_slice::<u64>(b" 0 ").unwrap(), 0);
    assert_eq!(from_slice::<i64>(b"-0").unwrap(), 0);
    assert_eq!(from_slice::<u64>(b"-0").unwrap(), 0);
    assert_eq!(
        from_slice::<i128>(b"-170141183460469231731687303715884105728").unwrap(),
        i128::MIN
    );
    assert_eq!(
        from_slice::<u128>(b"340282366920938463463374607431768211455").unwrap(),
        u128::MAX
    );

    assert_eq!(
        err::<i64>("-9223372036854775809"),
        "Expected `int` >= -9223372036854775808 - at `$`"
    );
    assert_eq!(
        err::<i64>("9223372036854775808"),
        "Expected `int` <= 9223372036854775807 - at `$`"
    );
    assert_eq!(
        err::<u64>("18446744073709551616"),
        "Expected `int` <= 18446744073709551615 - at `$`"
    );
    assert_eq!(
        err::<u128>("340282366920938463463374607431768211456"),
        "Expected `int` <= 340282366920938463463374607431768211455 - at `$`"
    );
    assert_eq!(
        err::<i128>("-170141183460469231731687303715884105729"),
        "Expected `int` >= -170141183460469231731687303715884105728 - at `$`"
    );
    assert_eq!(err::<u64>("-1"), "Expected `int` >= 0 - at `$`");
    assert_eq!(err::<u8>("256"), "Expected `int` <= 255 - at `$`");
    assert_eq!(err::<i8>("-129"), "Expected `int` >= -128 - at `$`");
    assert_eq!(err::<u64>("1.0"), "Expected `int`, got `float` - at `$`");
    assert_eq!(err::<i64>("1e3"), "Expected `int`, got `float` - at `$`");
    assert_eq!(err::<i64>("\"1\""), "Expected `int`, got `str` - at `$`");
    assert_eq!(err::<i64>("true"), "Expected `int`, got `bool` - at `$`");
    assert_eq!(err::<u64>("null"), "Expected `int`, got `null` - at `$`");
    assert_eq!(err::<u64>("[1]"), "Expected `int`, got `array` - at `$`");
    assert_eq!(err::<u64>("{}"), "Expected `int`, got `object` - at `$`");
    // Not a number at all: a syntax error, not a type error.
    assert_eq!(
        err::<u64>("+1"),
        "JSON is malformed: expected value (byte 0)"
    );
    assert_eq!(
        err::<u64>("01"),
        "JSON is malformed: invalid number (byte 1)"
    );
    assert_eq!(
        err::<i64>("-"),
        "JSON is malformed: invalid number (byte 1)"
    );
    assert_eq!(
        err::<i64>("-01"),
        "JSON is malformed: invalid number (byte 2)"
    );
    // A malformed float is malformed before it is the wrong type.
    assert_eq!(
        err::<u64>("1."),
        "JSON is malformed: invalid number (byte 2)"
    );
    assert_eq!(
        err::<u64>("1e+"),
        "JSON is malformed: invalid number (byte 3)"
    );
    assert_eq!(
        err::<u64>("12 3"),
        "JSON is malformed: trailing characters (byte 3)"
    );
}

#[test]
fn float_edges() {
    let f = |s: &str| from_slice::<f64>(s.as_bytes()).unwrap();
    assert_eq!(f("0.1"), 0.1);
    assert_eq!(f("-0").to_bits(), (-0.0f64).to_bits());
    assert_eq!(f("-0.0").to_bits(), (-0.0f64).to_bits());
    assert_eq!(f("1e-400").to_bits(), 0.0f64.to_bits());
    assert_eq!(f("5e-324"), 5e-324);
    assert_eq!(f("2.4703282292062328e-324"), 5e-324);
    assert_eq!(f("1.7976931348623157e308"), f64::MAX);
    assert_eq!(f("-1.7976931348623157e308"), f64::MIN);
    assert_eq!(f("17"), 17.0);
    assert_eq!(f("18446744073709551616"), 18_446_744_073_709_551_616.0);
    assert_eq!(f("1E2"), 100.0);
    assert_eq!(f("1e+2"), 100.0);
    assert_eq!(f("9007199254740993"), 9_007_199_254_740_992.0);
    assert_eq!(f("0.30000000000000004"), 0.300_000_000_000_000_04);
    assert_eq!(from_slice::<f32>(b"0.1").unwrap(), 0.1f32);
    assert_eq!(from_slice::<f32>(b"3.4028235e38").unwrap(), f32::MAX);
    // Past f32's range is an error, never an infinity the input did not say.
    assert_eq!(
        err::<f32>("1e39"),
        "JSON is malformed: number out of range (byte 0)"
    );
    assert_eq!(
        err::<Vec<f32>>("[1, -1e39]"),
        "JSON is malformed: number out of range (byte 4)"
    );
    assert_eq!(
        err::<f64>("1e400"),
        "JSON is malformed: number out of range (byte 0)"
    );
    assert_eq!(
        err::<Vec<f64>>("[1, -1e400]"),
        "JSON is malformed: number out of range (byte 4)"
    );
    assert_eq!(
        err::<f64>("\"1.5\""),
        "Expected `float`, got `str` - at `$`"
    );
    assert_eq!(
        err::<f64>("1.e5"),
        "JSON is malformed: invalid number (byte 2)"
    );
    assert_eq!(
        err::<f64>(".5"),
        "JSON is malformed: expected value (byte 0)"
    );
}

#[test]
fn schemaless_numbers_stay_exact() {
    let v = |s: &str| from_slice::<Value>(s.as_bytes()).unwrap();
    assert_eq!(v("18446744073709551615"), Value::Int(u64::MAX.into()));
    assert_eq!(v("-9223372036854775808"), Value::Int(i64::MIN.into()));
    // Beyond 64 bits, a float, as serde_json reads it.
    assert_eq!(
        v("18446744073709551616"),
        Value::Float(18_446_744_073_709_551_616.0)
    );
    assert_eq!(
        v("-9223372036854775809"),
        Value::Float(-9_223_372_036_854_775_808.0)
    );
    assert_eq!(v("1.0"), Value::Float(1.0));
    assert_eq!(v("1e2"), Value::Float(100.0));
    // `-0` keeps its sign.
    assert!(matches!(v("-0"), Value::Float(x) if x.to_bits() == (-0.0f64).to_bits()));
    assert_eq!(v("0"), Value::Int(0));
}

// ----- strings -----

#[test]
fn string_escapes() {
    let s = |input: &str| from_slice::<String>(input.as_bytes()).unwrap();
    assert_eq!(s(r#""plain""#), "plain");
    assert_eq!(
        s(r#""\" \\ \/ \b \f \n \r \t""#),
        "\" \\ / \u{8} \u{c} \n \r \t"
    );
    assert_eq!(s(r#""\u0041\u00e9\u4e2d""#), "Aé中");
    assert_eq!(s(r#""\ud83d\ude00""#), "😀");
    assert_eq!(s(r#""\uD834\uDD1E""#), "𝄞");
    assert_eq!(s("\"héllo wörld 😀\""), "héllo wörld 😀");
    assert_eq!(s(r#""\u0000""#), "\0");
    // Long strings cross the scanner's 8-byte blocks at every alignment.
    for n in 0..40 {
        let text = "x".repeat(n);
        assert_eq!(s(&format!("\"{text}\"")), text);
        assert_eq!(
            s(&format!("\"{text}\\n{text}\"")),
            format!("{text}\n{text}")
        );
    }

    assert_eq!(
        err::<String>(r#""\ud800""#),
        "JSON is malformed: invalid unicode code point (byte 1)"
    );
    assert_eq!(
        err::<String>(r#""ab\udc00""#),
        "JSON is malformed: invalid unicode code point (byte 3)"
    );
    assert_eq!(
        err::<String>(r#""\ud800\u0041""#),
        "JSON is malformed: invalid unicode code point (byte 1)"
    );
    assert_eq!(
        err::<String>(r#""\x""#),
        "JSON is malformed: invalid escape (byte 2)"
    );
    assert_eq!(
        err::<String>(r#""\u12""#),
        "JSON is malformed: invalid escape (byte 5)"
    );
    assert_eq!(
        err::<String>("\"tab\there\""),
        "JSON is malformed: control character in string (byte 4)"
    );
    assert_eq!(
        err::<String>("\"open"),
        "JSON is malformed: EOF while parsing a string (byte 5)"
    );
    assert_eq!(err::<String>("null"), "Expected `str`, got `null` - at `$`");
    assert_eq!(err::<String>("12"), "Expected `str`, got `int` - at `$`");

    let bad = from_slice::<String>(b"\"ok \xc3\x28\"").unwrap_err();
    assert_eq!(bad.to_string(), "JSON is malformed: invalid UTF-8 (byte 4)");
    let bad = from_slice::<Value>(b"[\"\\n\xff\"]").unwrap_err();
    assert_eq!(bad.to_string(), "JSON is malformed: invalid UTF-8 (byte 4)");
}

#[test]
fn strings_borrow_when_unescaped() {
    let input = br#"["plain", "esc\naped"]"#;
    // A `Cow` decodes owned, as serde's impl does (so `Cow<'static, str>`
    // decodes from any input); a derived `#[serde(borrow)]` field borrows.
    let v: Vec<Cow<'_, str>> = from_slice(input).unwrap();
    assert!(matches!(&v[0], Cow::Owned(s) if s == "plain"));
    assert!(matches!(&v[1], Cow::Owned(s) if s == "esc\naped"));

    let s: &str = from_slice(br#""zero copy""#).unwrap();
    assert_eq!(s, "zero copy");
    assert!(from_slice::<&str>(br#""needs \"copy\"""#).is_err());

    // Through the decoder directly: borrowed and transient strings.
    let mut decoder = JsonDecoder::new(br#" "abc" "#);
    assert!(matches!(
        decoder.decode_str().unwrap(),
        zerospec::decode::Str::Borrowed("abc")
    ));
    let mut decoder = JsonDecoder::new(br#" "a\tc" "#);
    assert!(matches!(
        decoder.decode_str().unwrap(),
        zerospec::decode::Str::Transient("a\tc")
    ));

    // `from_str` borrows the same way.
    let s: &str = from_str(r#""from text""#).unwrap();
    assert_eq!(s, "from text");
}

#[test]
fn bytes_are_a_strings_raw_bytes() {
    let b: &[u8] = from_slice(br#""raw""#).unwrap();
    assert_eq!(b, b"raw");
    let mut decoder = JsonDecoder::new(br#""a\u0062""#);
    assert_eq!(&*decoder.decode_bytes().unwrap(), b"ab");
    let mut decoder = JsonDecoder::new(b"[1]");
    assert_eq!(
        decoder.decode_bytes().unwrap_err().to_string(),
        "Expected `bytes`, got `array` - at `$`"
    );
}

// ----- structure -----

#[test]
fn trailing_commas_and_characters() {
    assert_eq!(
        err::<Vec<u64>>("[1, 2,]"),
        "JSON is malformed: trailing comma in array (byte 6)"
    );
    assert_eq!(
        err::<Value>("{\"a\": 1,\n}"),
        "JSON is malformed: trailing comma in object (byte 9)"
    );
    assert_eq!(
        err::<Value>("[1] [2]"),
        "JSON is malformed: trailing characters (byte 4)"
    );
    assert_eq!(
        err::<Value>("{} x"),
        "JSON is malformed: trailing characters (byte 3)"
    );
    assert_eq!(
        err::<Value>(""),
        "JSON is malformed: EOF while parsing a value (byte 0)"
    );
    assert_eq!(
        err::<Value>("   "),
        "JSON is malformed: EOF while parsing a value (byte 3)"
    );
    assert_eq!(
        err::<Value>("[1 2]"),
        "JSON is malformed: expected `,` or `]` (byte 3)"
    );
    assert_eq!(
        err::<Value>("{\"a\" 1}"),
        "JSON is malformed: expected `:` (byte 5)"
    );
    assert_eq!(
        err::<Value>("{\"a\":1 \"b\":2}"),
        "JSON is malformed: expected `,` or `}` (byte 7)"
    );
    assert_eq!(
        err::<Value>("{1: 2}"),
        "JSON is malformed: key must be a string (byte 1)"
    );
    assert_eq!(
        err::<Value>("[1,"),
        "JSON is malformed: EOF while parsing a value (byte 3)"
    );
    assert_eq!(
        err::<Value>("{\"a\":1"),
        "JSON is malformed: EOF while parsing an object (byte 6)"
    );
    assert_eq!(
        err::<Value>("[nul]"),
        "JSON is malformed: invalid literal (byte 1)"
    );
    assert_eq!(
        err::<bool>("  nope"),
        "JSON is malformed: invalid literal (byte 2)"
    );
    assert_eq!(
        err::<Vec<String>>("[trve]"),
        "JSON is malformed: invalid literal (byte 1)"
    );
    assert_eq!(
        err::<String>("-x"),
        "JSON is malformed: invalid number (byte 1)"
    );
    assert_eq!(
        err::<Value>("[nul"),
        "JSON is malformed: EOF while parsing a value (byte 4)"
    );
    assert_eq!(
        err::<Value>("\u{feff}{}"),
        "JSON is malformed: expected value (byte 0)"
    );
    // Only the four RFC 8259 whitespace bytes count.
    assert_eq!(
        err::<Value>("[1,\u{c}2]"),
        "JSON is malformed: expected value (byte 3)"
    );
    assert!(from_slice::<Value>(b" \t\r\n[ \t\r\n1 \t\r\n] \t\r\n").is_ok());
}

#[test]
fn line_and_column() {
    let e = from_slice::<Value>(b"[1,\n  x]").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Syntax);
    assert_eq!(
        (e.offset(), e.line(), e.column()),
        (Some(6), Some(2), Some(3))
    );
    let e = from_slice::<Value>(b"{\n  \"a\": [1,\n    2,\n  ]\n}").unwrap_err();
    assert_eq!(
        e.to_string(),
        "JSON is malformed: trailing comma in array (byte 22)"
    );
    assert_eq!((e.line(), e.column()), (Some(4), Some(3)));
}

#[test]
fn depth_limit() {
    let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(from_slice::<Value>(nested(128).as_bytes()).is_ok());
    let e = from_slice::<Value>(nested(129).as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Depth);
    assert_eq!(
        e.to_string(),
        "JSON is malformed: nesting deeper than 128 (byte 128)"
    );
    let objects = "{\"a\":".repeat(200) + "1" + &"}".repeat(200);
    let e = from_slice::<Value>(objects.as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "JSON is malformed: nesting deeper than 128 (byte 640)"
    );

    // A million brackets: an error, not a stack overflow.
    let e = from_slice::<Value>("[".repeat(1_000_000).as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Depth);

    assert!(from_slice_with_max_depth::<Value>(nested(300).as_bytes(), 300).is_ok());
    let e = from_slice_with_max_depth::<Value>(nested(3).as_bytes(), 2).unwrap_err();
    assert_eq!(
        e.to_string(),
        "JSON is malformed: nesting deeper than 2 (byte 2)"
    );
    let e = from_slice_with_max_depth::<Value>(b"1", 0).map(|_| ());
    assert!(e.is_ok());
    let e = from_slice_with_max_depth::<Value>(b"[]", 0).unwrap_err();
    assert_eq!(
        e.to_string(),
        "JSON is malformed: nesting deeper than 0 (byte 0)"
    );
    // An empty array, which collections take in one step, is a level too.
    for (input, at) in [("[[]]", 1), ("[[ ]]", 1), ("[ [] ]", 2)] {
        let e = from_slice_with_max_depth::<Vec<Vec<u8>>>(input.as_bytes(), 1).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Depth, "{input}");
        assert_eq!(
            e.to_string(),
            format!("JSON is malformed: nesting deeper than 1 (byte {at})"),
            "{input}"
        );
        let v = from_slice_with_max_depth::<Vec<Vec<u8>>>(input.as_bytes(), 2).unwrap();
        assert_eq!(v, [Vec::<u8>::new()], "{input}");
    }
}

/// Empty arrays, taken in one step by every collection, with or without
/// space inside, and followed by more input.
#[test]
fn empty_arrays_read_into_every_collection() {
    for input in ["[[],[],[],[],[]]", "[ [ ] , [\n] ,[],[]\t, [ ]]"] {
        let all: zerospec_tests::Collections = from_str(input).unwrap();
        assert!(zerospec_tests::all_empty(&all), "{input}");
    }
    assert_eq!(from_str::<(Vec<u8>, u8)>("[[],7]").unwrap(), (vec![], 7));
    assert_eq!(
        from_str::<Vec<u8>>("[]]").unwrap_err().to_string(),
        "JSON is malformed: trailing characters (byte 2)"
    );
    assert_eq!(
        from_str::<Vec<u8>>("[").unwrap_err().to_string(),
        "JSON is malformed: EOF while parsing an array (byte 1)"
    );
}

#[test]
fn decoder_reads_containers_by_hand() {
    let mut d = JsonDecoder::new(br#"{"a": [1, "x"], "b\u0063": null, "n": {}}"#);
    let mut map = d.map_begin().unwrap();
    assert_eq!(d.map_next_key(&mut map).unwrap().as_deref(), Some("a"));
    let mut seq = d.seq_begin().unwrap();
    assert!(d.seq_next(&mut seq).unwrap());
    assert_eq!(d.decode_u64().unwrap(), 1);
    assert!(d.seq_next(&mut seq).unwrap());
    // A checkpoint, a wrong guess, and back.
    let mark = d.checkpoint();
    assert!(d.decode_u64().is_err());
    d.restore(mark);
    assert_eq!(&*d.decode_str().unwrap(), "x");
    assert!(!d.seq_next(&mut seq).unwrap());
    assert!(d.map_next_entry(&mut map).unwrap());
    assert_eq!(d.decode_key::<String>().unwrap(), "bc");
    assert!(!d.decode_option().unwrap());
    assert!(d.map_next_entry(&mut map).unwrap());
    assert_eq!(d.decode_key::<String>().unwrap(), "n");
    d.skip_value().unwrap();
    assert!(!d.map_next_entry(&mut map).unwrap());
    d.end().unwrap();
}

#[test]
fn peek_names_what_comes_next() {
    use zerospec::decode::Peek;
    for (input, kind) in [
        ("null", Peek::Null),
        ("true", Peek::Bool),
        ("false", Peek::Bool),
        ("-1", Peek::Int),
        ("1.5", Peek::Int),
        ("\"s\"", Peek::Str),
        ("[]", Peek::Seq),
        ("{}", Peek::Map),
    ] {
        assert_eq!(
            JsonDecoder::new(input.as_bytes()).peek().unwrap(),
            kind,
            "{input}"
        );
    }
    assert_eq!(
        JsonDecoder::new(b" x").peek().unwrap_err().to_string(),
        "JSON is malformed: expected value (byte 1)"
    );
}

#[test]
fn from_reader_reads_everything() {
    let input: &[u8] = br#"{"k": [true]}"#;
    let v: Value = zerospec::json::from_reader(input).unwrap();
    assert_eq!(v["k"][0], Value::Bool(true));
    let e = zerospec::json::from_reader::<_, Value>(&b"[1] 2"[..]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "JSON is malformed: trailing characters (byte 4)"
    );
}

#[test]
fn hostile_inputs_stay_linear() {
    // A long run of escapes, of digits, and of keys: each decodes in one pass.
    let escapes = format!("\"{}\"", "\\u00e9".repeat(100_000));
    assert_eq!(
        from_slice::<String>(escapes.as_bytes())
            .unwrap()
            .chars()
            .count(),
        100_000
    );
    let digits = "1".repeat(100_000);
    assert_eq!(
        err::<u64>(&digits),
        "Expected `int` <= 18446744073709551615 - at `$`"
    );
    assert!(from_slice::<f64>(digits.as_bytes()).is_err());
    let exponent = format!("1e{}", "9".repeat(100_000));
    assert_eq!(
        err::<f64>(&exponent),
        "JSON is malformed: number out of range (byte 0)"
    );
    let keys: String = (0..100_000).map(|i| format!("\"k{i}\":{i},")).collect();
    let object = format!("{{{}\"end\":0}}", keys);
    let v: Value = from_slice(object.as_bytes()).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 100_001);
    assert_eq!(v["k99999"].as_i64(), Some(99_999));
    let dupes = format!("{{{}\"a\":2}}", "\"a\":1,".repeat(100_000));
    let v: Value = from_slice(dupes.as_bytes()).unwrap();
    assert_eq!(v["a"].as_i64(), Some(2));
}

// ----- properties -----

/// A fixed seed unless `PROPTEST_RNG_SEED` is set; `PROPTEST_CASES` for more cases.
fn config(cases: u32) -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x2e50_5ec0);
    }
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config.failure_persistence = None;
    config
}

/// A document with a bit of everything, for mutation.
const SAMPLE: &str = r#"{"id": 12, "neg": -3.5e-7, "big": 18446744073709551615,
 "s": "a\"b\u00e9\ud83d\ude00 é", "list": [true, false, null, 0, -0.0, 1E2],
 "nested": {"k": [[], {}], "": ""}}"#;

/// Pieces of JSON, right and wrong, that random documents are made of.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        " ",
        "\n",
        "\"a\"",
        "\"k\":",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "\"\\x\"",
        "\"",
        "0",
        "-0",
        "12",
        "-3.5e7",
        "1e400",
        "01",
        "1.",
        "-",
        "18446744073709551616",
        "true",
        "false",
        "null",
        "nul",
        "\u{e9}",
        "\t",
        "x",
    ])
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn finite_f64_round_trips(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let text = serde_json::to_string(&x).unwrap();
        let back: f64 = from_slice(text.as_bytes()).unwrap();
        prop_assert_eq!(back.to_bits(), x.to_bits(), "{}", text);
        // Rust's own shortest form, which is also valid JSON.
        let text = format!("{x:?}");
        let back: f64 = from_slice(text.as_bytes()).unwrap();
        prop_assert_eq!(back.to_bits(), x.to_bits(), "{}", text);
    }

    #[test]
    fn decimal_text_rounds_like_the_standard_library(
        text in "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?"
    ) {
        let expected: f64 = text.parse().unwrap();
        match from_slice::<f64>(text.as_bytes()) {
            Ok(got) => prop_assert_eq!(got.to_bits(), expected.to_bits(), "{}", text),
            Err(err) => {
                prop_assert!(expected.is_infinite(), "{}: {}", text, err);
                prop_assert_eq!(err.message(), "number out of range");
            }
        }
    }

    #[test]
    fn mutated_documents_agree_with_serde_json(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6)
    ) {
        let mut doc = SAMPLE.as_bytes().to_vec();
        for (at, byte, op) in edits {
            let i = at.index(doc.len() + 1);
            match op {
                0 if i < doc.len() => doc[i] = byte,
                1 => doc.insert(i, byte),
                _ if i < doc.len() => {
                    doc.remove(i);
                }
                _ => {}
            }
        }
        let ours = from_slice::<Value>(&doc);
        let theirs = serde_json::from_slice::<serde_json::Value>(&doc);
        prop_assert_eq!(
            ours.is_ok(),
            theirs.is_ok(),
            "{:?}: {:?} vs {:?}",
            String::from_utf8_lossy(&doc),
            ours,
            theirs.map(|_| ())
        );
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            let back: serde_json::Value = serde_json::from_str(&to_json(&ours)).unwrap();
            prop_assert_eq!(back, theirs);
        }
        // Skipping checks everything but the range of numbers, which it never
        // converts (serde_json's `IgnoredAny` does the same).
        let mut decoder = JsonDecoder::new(&doc);
        let skipped = decoder.skip_value().and_then(|()| decoder.end());
        let decoded = from_slice::<Value>(&doc);
        let out_of_range = decoded.as_ref().is_err_and(|e| e.message() == "number out of range");
        if !out_of_range {
            prop_assert_eq!(
                skipped.is_ok(),
                decoded.is_ok(),
                "{:?}: {:?}",
                String::from_utf8_lossy(&doc),
                skipped
            );
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = from_slice::<Value>(&bytes);
        let mut decoder = JsonDecoder::new(&bytes);
        let _ = decoder.skip_value();
    }

    #[test]
    fn acceptance_agrees_with_serde_json(tokens in prop::collection::vec(token(), 0..24)) {
        let doc = tokens.concat();
        let ours = from_slice::<Value>(doc.as_bytes());
        let theirs = serde_json::from_slice::<serde_json::Value>(doc.as_bytes());
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} vs {:?}", doc, ours, theirs.map(|_| ()));
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            let back: serde_json::Value = serde_json::from_str(&to_json(&ours)).unwrap();
            prop_assert_eq!(back, theirs, "{:?}", doc);
        }
    }
}

/// Writes a `Value` as JSON by hand, so this test needs only the decoder.
fn to_json(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => serde_json::to_string(f).unwrap(),
        Value::Str(s) => serde_json::to_string(s).unwrap(),
        Value::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(to_json).collect::<Vec<_>>().join(",")
            )
        }
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), to_json(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Value::Bytes(_) | Value::Ext(..) => unreachable!("JSON has neither"),
    }
}

#[derive(Debug, PartialEq, serde::Deserialize, zerospec::Decode)]
struct Ordered {
    id: u8,
    #[serde(rename = "a\"b")]
    quoted: u8,
    name: String,
}

/// Each input decodes to the same value as serde_json decodes it, or both fail.
fn reads_as_serde_json<T>(inputs: &[&str])
where
    T: zerospec::DecodeOwned + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for input in inputs {
        let ours = from_str::<T>(input);
        let theirs = serde_json::from_str::<T>(input);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{input}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{input}: zerospec {ours:?}, serde_json {theirs:?}"),
        }
    }
}

/// `Ordered` with its middle field one an encoder may leave out.
#[derive(Debug, PartialEq, serde::Deserialize, zerospec::Decode)]
struct LeftOut {
    id: u8,
    #[serde(rename = "a\"b", default, skip_serializing_if = "Option::is_none")]
    quoted: Option<u8>,
    name: String,
}

/// Structs compare each key in place with the next field's name; escaped
/// keys, names with a quote, whitespace around the colon, keys out of order
/// and unknown keys must read as serde_json reads them.
#[test]
fn struct_fields_in_any_order_and_form_read_as_serde_json_reads_them() {
    let inputs = [
        r#"{"id":1,"a\"b":2,"name":"x"}"#,
        r#"{ "id" : 1 , "a\"b" : 2 , "name" : "x" }"#,
        r#"{"name":"x","a\"b":2,"id":1}"#,
        r#"{"\u0069d":1,"a\u0022b":2,"n\u0061me":"x"}"#,
        r#"{"id":1,"zz":[1,{"id":2}],"a\"b":2,"name":"x"}"#,
        r#"{"idx":1,"id":1,"a\"b":2,"name":"x"}"#,
        r#"{"id":1,"a\"b":2,"name":"x","id":3}"#,
        r#"{"id":1,"a\"b":2}"#,
        r#"{"id":1,"a\"b":2,"name":"x",}"#,
        r#"{"id" 1}"#,
        r#"{"id":1,"a\"b":2,"name":"x""#,
    ];
    reads_as_serde_json::<Ordered>(&inputs);
    let left_out = [
        r#"{"id":1,"name":"x"}"#,
        r#"{"id":1,"a\"b":2,"name":"x"}"#,
        r#"{"id":1,"name":"x","a\"b":2}"#,
        r#"{"id":1,"name":"x","name":"y"}"#,
        r#"{"id":1,"n\u0061me":"x"}"#,
        r#"{"id":1,"zz":0,"name":"x"}"#,
        r#"{"id":1}"#,
    ];
    reads_as_serde_json::<LeftOut>(&left_out);
    assert_eq!(
        from_str::<LeftOut>(r#"{"id":1,"name":"x"}"#).unwrap(),
        LeftOut {
            id: 1,
            quoted: None,
            name: "x".to_owned()
        }
    );
    assert_eq!(
        from_str::<Ordered>(r#"{"id":1,"a\"b":2,"name":"x"}"#).unwrap(),
        Ordered {
            id: 1,
            quoted: 2,
            name: "x".to_owned()
        }
    );
}

/// A record whose middle fields an encoder may leave out, and the same
/// record that requires every field and refuses unknown ones.
#[derive(Debug, PartialEq, serde::Deserialize, zerospec::Decode)]
struct Optional {
    id: u8,
    #[serde(default, skip_serializing_if = "Vec::is_empty", rename = "t")]
    tags: Vec<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    name: String,
}

#[derive(Debug, PartialEq, serde::Deserialize, zerospec::Decode)]
#[serde(deny_unknown_fields)]
struct Required {
    id: u8,
    #[serde(rename = "t")]
    tags: Vec<u16>,
    note: Option<String>,
    name: String,
}

proptest! {
    #![proptest_config(config(1000))]

    /// Objects of the records' keys in any order, missing, repeated, escaped,
    /// beside unknown keys and with any spacing read as serde_json reads them:
    /// the in-order steps, the fields left out and the general loop agree.
    #[test]
    fn struct_keys_in_any_order_read_as_serde_json_reads_them(
        order in prop::collection::vec(0..7usize, 0..9),
        space in prop::collection::vec(prop::sample::select(vec!["", " ", "\n  "]), 9),
    ) {
        let entries = [
            r#""id":7"#,
            r#""t":[1,300]"#,
            r#""note":"n""#,
            r#""name":"ada""#,
            r#""zz":{"id":1}"#,
            r#""n\u0061me":"esc""#,
            r#""note":null"#,
        ];
        let body: Vec<String> = order
            .iter()
            .zip(&space)
            .map(|(&i, s)| format!("{s}{}{s}", entries[i]))
            .collect();
        let doc = format!("{{{}}}", body.join(","));
        reads_as_serde_json::<Optional>(&[doc.as_str()]);
        reads_as_serde_json::<Required>(&[doc.as_str()]);
    }
}
