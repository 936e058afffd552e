//! serde's `with`, `serialize_with` and `deserialize_with`, and
//! `#[zerospec(serde)]`, called through the serde bridge with serde's
//! meaning: the same bytes as serde's derive, in every format.

use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zerospec::flat::View;
use zerospec::{Decode, Encode};

mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub fn serialize<S: Serializer>(v: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(u64::try_from(v.as_millis()).unwrap_or(u64::MAX))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

/// Text for people, a number for machines: a `with` module that asks the format.
mod level {
    use serde::{Deserialize, Deserializer, Serializer, de};

    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub fn serialize<S: Serializer>(v: &u8, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&format!("L{v}"))
        } else {
            s.serialize_u8(*v)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
        if d.is_human_readable() {
            let text = <&str>::deserialize(d)?;
            text.strip_prefix('L')
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| de::Error::custom(format!("`{text}` is not a level")))
        } else {
            u8::deserialize(d)
        }
    }
}

/// A number or a string holding one, as APIs send ids.
fn number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<'a> {
        Number(u64),
        Text(&'a str),
    }
    match Either::deserialize(d)? {
        Either::Number(n) => Ok(n),
        Either::Text(t) => t.parse().map_err(serde::de::Error::custom),
    }
}

#[allow(clippy::ptr_arg)]
fn upper<S: Serializer>(v: &String, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.to_uppercase())
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Job {
    #[serde(with = "millis")]
    timeout: Duration,
    #[serde(with = "level")]
    level: u8,
    #[serde(deserialize_with = "number_or_string")]
    id: u64,
    #[serde(serialize_with = "upper")]
    name: String,
    #[serde(with = "millis", default)]
    delay: Duration,
}

fn job() -> Job {
    Job {
        timeout: Duration::from_millis(1500),
        level: 3,
        id: 7,
        name: "QUEUE".into(),
        delay: Duration::ZERO,
    }
}

#[test]
fn serde_functions_write_what_serde_writes() {
    let job = job();
    let json = serde_json::to_string(&job).unwrap();
    assert_eq!(
        json,
        r#"{"timeout":1500,"level":"L3","id":7,"name":"QUEUE","delay":0}"#
    );
    assert_eq!(zerospec::json::to_string(&job).unwrap(), json);
    let bytes = rmp_serde::to_vec_named(&job).unwrap();
    assert_eq!(zerospec::msgpack::to_vec(&job).unwrap(), bytes);
    assert_eq!(zerospec::msgpack::from_slice::<Job>(&bytes).unwrap(), job);
    assert_eq!(zerospec::json::from_str::<Job>(&json).unwrap(), job);
}

#[test]
fn serde_functions_read_what_serde_reads() {
    let input = r#"{"timeout":20,"level":"L9","id":"42","name":"a"}"#;
    let theirs: Job = serde_json::from_str(input).unwrap();
    let ours: Job = zerospec::json::from_str(input).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(ours.id, 42);
    assert_eq!(ours.delay, Duration::ZERO);
}

#[test]
fn serde_function_errors_carry_the_path() {
    let err = zerospec::json::from_str::<Job>(r#"{"timeout":"x","level":"L1","id":1,"name":""}"#)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected `int`, got `str` - at `$.timeout`"
    );
    let err = zerospec::json::from_str::<Job>(r#"{"timeout":1,"level":"high","id":1,"name":""}"#)
        .unwrap_err();
    assert_eq!(err.to_string(), "`high` is not a level - at `$.level`");
    let err =
        zerospec::json::from_str::<Vec<Job>>(r#"[{"timeout":1,"level":"L1","id":"z","name":""}]"#)
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid digit found in string - at `$[0].id`"
    );
    let err = zerospec::json::from_str::<Job>(r#"{"level":"L1","id":1,"name":""}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Object missing required field `timeout` - at `$`"
    );
}

/// As in serde: a field read with `deserialize_with` is required even when an
/// `Option`, unless it has a default.
#[test]
fn deserialize_with_options_are_required_as_in_serde() {
    fn opt_millis<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        Option::<u64>::deserialize(d).map(|v| v.map(Duration::from_millis))
    }
    #[derive(Decode, Deserialize, Debug, PartialEq)]
    struct Timer {
        #[serde(deserialize_with = "opt_millis")]
        after: Option<Duration>,
        #[serde(deserialize_with = "opt_millis", default)]
        every: Option<Duration>,
    }
    let err = zerospec::json::from_str::<Timer>("{}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "Object missing required field `after` - at `$`"
    );
    assert!(serde_json::from_str::<Timer>("{}").is_err());
    let t: Timer = zerospec::json::from_str(r#"{"after":null}"#).unwrap();
    assert_eq!(
        t,
        Timer {
            after: None,
            every: None
        }
    );
}

/// zerospec's own `with` beside serde's wins for zerospec.
#[test]
fn zerospec_with_wins_over_serde_with() {
    mod secs {
        use std::time::Duration;

        use zerospec::{Decoder, Encoder};

        #[allow(clippy::trivially_copy_pass_by_ref)]
        pub fn encode<E: Encoder>(v: &Duration, e: &mut E) -> zerospec::Result<()> {
            e.encode_u64(v.as_secs())
        }

        pub fn decode<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Duration> {
            d.decode_u64().map(Duration::from_secs)
        }
    }
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Both {
        #[serde(with = "millis")]
        #[zerospec(with = "secs")]
        after: Duration,
    }
    let b = Both {
        after: Duration::from_secs(2),
    };
    assert_eq!(serde_json::to_string(&b).unwrap(), r#"{"after":2000}"#);
    assert_eq!(zerospec::json::to_string(&b).unwrap(), r#"{"after":2}"#);
}

/// A type that only speaks serde, as a third-party type does.
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone, Default)]
struct Legacy {
    code: u16,
    label: String,
}

#[derive(Encode, Decode, Serialize, Deserialize, View, Debug, PartialEq, Clone)]
struct Reply {
    id: u32,
    #[zerospec(serde)]
    legacy: Legacy,
    #[zerospec(serde)]
    more: Option<Vec<Legacy>>,
}

/// serde's functions in the flat format: owned decoding, no view.
#[derive(Encode, Decode, Debug, PartialEq)]
struct Timed {
    #[serde(with = "millis")]
    took: Duration,
    #[serde(with = "level")]
    level: u8,
}

fn reply() -> Reply {
    Reply {
        id: 9,
        legacy: Legacy {
            code: 404,
            label: "gone".into(),
        },
        more: Some(vec![Legacy {
            code: 1,
            label: String::new(),
        }]),
    }
}

#[test]
fn serde_fields_agree_with_serde_in_every_format() {
    let reply = reply();
    let json = serde_json::to_string(&reply).unwrap();
    assert_eq!(
        json,
        r#"{"id":9,"legacy":{"code":404,"label":"gone"},"more":[{"code":1,"label":""}]}"#
    );
    assert_eq!(zerospec::json::to_string(&reply).unwrap(), json);
    assert_eq!(zerospec::json::from_str::<Reply>(&json).unwrap(), reply);
    let bytes = rmp_serde::to_vec_named(&reply).unwrap();
    assert_eq!(zerospec::msgpack::to_vec(&reply).unwrap(), bytes);
    assert_eq!(
        zerospec::msgpack::from_slice::<Reply>(&bytes).unwrap(),
        reply
    );
    let missing: Reply =
        zerospec::json::from_str(r#"{"id":1,"legacy":{"code":1,"label":""}}"#).unwrap();
    assert_eq!(missing.more, None);
    let err = zerospec::json::from_str::<Reply>(r#"{"id":1,"legacy":{"code":"x","label":""}}"#)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected `int`, got `str` - at `$.legacy.code`"
    );
}

#[test]
fn serde_fields_in_the_flat_format_and_its_views() {
    let reply = reply();
    let flat = zerospec::flat::to_vec(&reply).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Reply>(&flat).unwrap(), reply);
    let view = zerospec::flat::view::<Reply>(&flat).unwrap();
    assert_eq!(view.id(), 9);
    let legacy = view.legacy();
    assert_eq!(
        legacy.bytes(),
        rmp_serde::to_vec_named(&reply.legacy).unwrap()
    );
    assert_eq!(legacy.get().unwrap(), reply.legacy);
    assert_eq!(view.more().get().unwrap(), reply.more);
    assert_eq!(Reply::from_view(view), reply);
    let timed = Timed {
        took: Duration::from_millis(7),
        level: 2,
    };
    let flat = zerospec::flat::to_vec(&timed).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Timed>(&flat).unwrap(), timed);
}

#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Clone)]
struct Rgb(u8, u8, u8);

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2))
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        let hex = |i: usize| u8::from_str_radix(text.get(i..i + 2).unwrap_or(""), 16);
        match (
            text.starts_with('#') && text.len() == 7,
            hex(1),
            hex(3),
            hex(5),
        ) {
            (true, Ok(r), Ok(g), Ok(b)) => Ok(Rgb(r, g, b)),
            _ => Err(serde::de::Error::custom(format!(
                "`{text}` is not a colour"
            ))),
        }
    }
}

zerospec::via_serde!(Rgb);

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Theme {
    background: Rgb,
    accent: Option<Rgb>,
    named: std::collections::BTreeMap<Rgb, String>,
}

#[test]
fn via_serde_makes_a_hand_written_serde_type_a_field_and_a_key() {
    let theme = Theme {
        background: Rgb(16, 32, 48),
        accent: None,
        named: std::collections::BTreeMap::from([(Rgb(255, 0, 0), "red".to_owned())]),
    };
    let json = serde_json::to_string(&theme).unwrap();
    assert_eq!(
        json,
        r##"{"background":"#102030","accent":null,"named":{"#ff0000":"red"}}"##
    );
    assert_eq!(zerospec::json::to_string(&theme).unwrap(), json);
    assert_eq!(zerospec::json::from_str::<Theme>(&json).unwrap(), theme);
    let bytes = rmp_serde::to_vec_named(&theme).unwrap();
    assert_eq!(zerospec::msgpack::to_vec(&theme).unwrap(), bytes);
    assert_eq!(
        zerospec::msgpack::from_slice::<Theme>(&bytes).unwrap(),
        theme
    );
    let absent: Theme =
        zerospec::json::from_str(r##"{"background":"#000000","named":{}}"##).unwrap();
    assert_eq!(absent.accent, None);
    let err = zerospec::json::from_str::<Theme>(r#"{"background":"red","named":{}}"#).unwrap_err();
    assert_eq!(err.to_string(), "`red` is not a colour - at `$.background`");
    let err =
        zerospec::json::from_str::<Theme>(r##"{"background":"#000000","named":{"blue":"x"}}"##)
            .unwrap_err();
    assert_eq!(err.to_string(), "`blue` is not a colour - at `$.named`");
}
