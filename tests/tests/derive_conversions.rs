//! `from`, `try_from`, `into` and `transparent`.

mod derive_util;

use derive_util::{agree, both_reject, decodes_as, encodes_as, rejects};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode, ErrorKind};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(from = "String", into = "String")]
struct Email {
    user: String,
    domain: String,
}

impl From<String> for Email {
    fn from(s: String) -> Self {
        let (user, domain) = s.split_once('@').unwrap_or((&s, ""));
        Email {
            user: user.into(),
            domain: domain.into(),
        }
    }
}

impl From<Email> for String {
    fn from(e: Email) -> Self {
        format!("{}@{}", e.user, e.domain)
    }
}

#[test]
fn from_and_into_go_through_another_type() {
    agree(
        &Email {
            user: "ada".into(),
            domain: "x.org".into(),
        },
        r#""ada@x.org""#,
    );
    assert_eq!(
        both_reject::<Email>(r#"{"user":"a","domain":"b"}"#),
        "Expected `str`, got `object` - at `$`"
    );
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(try_from = "i64", into = "i64")]
struct Even(i64);

impl TryFrom<i64> for Even {
    type Error = String;
    fn try_from(n: i64) -> Result<Self, String> {
        if n % 2 == 0 {
            Ok(Even(n))
        } else {
            Err(format!("{n} is odd"))
        }
    }
}

impl From<Even> for i64 {
    fn from(e: Even) -> Self {
        e.0
    }
}

#[test]
fn try_from_reports_the_conversion_error_with_its_path() {
    agree(&Even(4), "4");
    agree(&vec![Even(2), Even(-2)], "[2,-2]");
    let err = zerospec::json::from_str::<Vec<Even>>("[2,3]").unwrap_err();
    assert!(serde_json::from_str::<Vec<Even>>("[2,3]").is_err());
    assert_eq!(err.to_string(), "3 is odd - at `$[1]`");
    assert_eq!(err.kind(), ErrorKind::Validation);
    assert_eq!(
        both_reject::<Even>(r#""4""#),
        "Expected `int`, got `str` - at `$`"
    );
}

#[derive(Debug, PartialEq, Clone, Copy, Serialize, Deserialize, Encode, Decode)]
enum Level {
    Low,
    High,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(from = "u8", into = "u8")]
enum Gate {
    Off,
    On(Level),
}

impl From<u8> for Gate {
    fn from(n: u8) -> Self {
        match n {
            0 => Gate::Off,
            1 => Gate::On(Level::Low),
            _ => Gate::On(Level::High),
        }
    }
}

impl From<Gate> for u8 {
    fn from(g: Gate) -> Self {
        match g {
            Gate::Off => 0,
            Gate::On(Level::Low) => 1,
            Gate::On(Level::High) => 2,
        }
    }
}

#[test]
fn from_and_into_on_an_enum() {
    agree(&Gate::Off, "0");
    agree(&Gate::On(Level::High), "2");
    decodes_as("7", &Gate::On(Level::High));
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(try_from = "String")]
enum Mode {
    Fast,
    Safe,
}

impl TryFrom<String> for Mode {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, &'static str> {
        match s.as_str() {
            "fast" => Ok(Mode::Fast),
            "safe" => Ok(Mode::Safe),
            _ => Err("unknown mode"),
        }
    }
}

#[test]
fn try_from_on_an_enum() {
    decodes_as(r#""safe""#, &Mode::Safe);
    encodes_as(&Mode::Fast, r#""Fast""#);
    assert_eq!(both_reject::<Mode>(r#""Fast""#), "unknown mode - at `$`");
}

#[test]
fn transparent_structs_are_their_one_field() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(transparent)]
    struct UserId(u64);

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(transparent)]
    struct Tags {
        tags: Vec<String>,
    }

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(transparent)]
    struct WithSkipped<T> {
        value: T,
        #[serde(skip)]
        note: String,
    }

    agree(&UserId(9), "9");
    agree(
        &Tags {
            tags: vec!["a".into()],
        },
        r#"["a"]"#,
    );
    agree(
        &WithSkipped {
            value: 5u8,
            note: String::new(),
        },
        "5",
    );
    assert_eq!(
        both_reject::<Tags>(r#"{"tags":[]}"#),
        "Expected `array`, got `object` - at `$`"
    );
    assert_eq!(both_reject::<UserId>("-1"), "Expected `int` >= 0 - at `$`");

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Holder {
        id: UserId,
    }
    assert_eq!(
        both_reject::<Holder>(r#"{"id":"x"}"#),
        "Expected `int`, got `str` - at `$.id`"
    );
}

#[test]
fn transparent_field_keeps_its_constraints() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[serde(transparent)]
    struct Port(#[zerospec(gt = 0)] u16);
    assert_eq!(rejects::<Port>("0"), "Expected `int` > 0 - at `$`");
    let p: Port = zerospec::json::from_str("80").unwrap();
    assert_eq!(p, Port(80));
}
