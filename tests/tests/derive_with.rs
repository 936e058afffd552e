//! `#[zerospec(with = "module")]`: a field encoded and decoded by functions
//! over zerospec's own traits.

use std::time::Duration;

use zerospec::{Decode, Encode, ErrorKind};

/// A duration as milliseconds.
mod millis {
    use std::time::Duration;

    use zerospec::{Decoder, Encoder};

    pub fn encode<E: Encoder>(v: &Duration, e: &mut E) -> zerospec::Result<()> {
        e.encode_u64(u64::try_from(v.as_millis()).unwrap_or(u64::MAX))
    }

    pub fn decode<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Duration> {
        d.decode_u64().map(Duration::from_millis)
    }
}

/// A `u32` written as a hex string, refusing anything else.
mod hex {
    use zerospec::{Decoder, Encoder, Error};

    pub fn encode<E: Encoder>(v: &u32, e: &mut E) -> zerospec::Result<()> {
        e.encode_str(&format!("{v:x}"))
    }

    pub fn decode<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<u32> {
        let s = d.decode_str()?;
        u32::from_str_radix(&s, 16).map_err(|_| Error::custom(format!("`{}` is not hex", &*s)))
    }
}

#[derive(Encode, Decode, Debug, PartialEq)]
struct Job {
    #[zerospec(with = "millis")]
    timeout: Duration,
    #[zerospec(with = "hex", rename = "flags")]
    mask: u32,
    #[zerospec(with = "millis")]
    #[serde(default)]
    delay: Duration,
}

#[test]
fn with_module_encodes_and_decodes_the_field() {
    let job = Job {
        timeout: Duration::from_millis(1500),
        mask: 255,
        delay: Duration::ZERO,
    };
    let json = zerospec::json::to_string(&job).unwrap();
    assert_eq!(json, r#"{"timeout":1500,"flags":"ff","delay":0}"#);
    assert_eq!(zerospec::json::from_str::<Job>(&json).unwrap(), job);
    let bytes = zerospec::msgpack::to_vec(&job).unwrap();
    assert_eq!(zerospec::msgpack::from_slice::<Job>(&bytes).unwrap(), job);
}

#[test]
fn with_field_missing_or_defaulted() {
    let job: Job = zerospec::json::from_str(r#"{"timeout":1,"flags":"a"}"#).unwrap();
    assert_eq!(job.delay, Duration::ZERO);
    let err = zerospec::json::from_str::<Job>(r#"{"flags":"a"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Object missing required field `timeout` - at `$`"
    );
}

#[test]
fn with_errors_carry_the_field_path() {
    let err = zerospec::json::from_str::<Job>(r#"{"timeout":1,"flags":"zz"}"#).unwrap_err();
    assert_eq!(err.to_string(), "`zz` is not hex - at `$.flags`");
    assert_eq!(err.kind(), ErrorKind::Custom);
    let err = zerospec::json::from_str::<Job>(r#"{"timeout":"1","flags":"a"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected `int`, got `str` - at `$.timeout`"
    );
}

#[test]
fn with_beside_serde_with_keeps_serde_working() {
    mod serde_millis {
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
    #[derive(Encode, Decode, serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Timer {
        #[serde(with = "serde_millis")]
        #[zerospec(with = "millis")]
        after: Duration,
    }
    let t = Timer {
        after: Duration::from_millis(20),
    };
    let ours = zerospec::json::to_string(&t).unwrap();
    assert_eq!(ours, serde_json::to_string(&t).unwrap());
    assert_eq!(ours, r#"{"after":20}"#);
    assert_eq!(zerospec::json::from_str::<Timer>(&ours).unwrap(), t);
}

#[test]
fn with_on_tuple_and_enum_fields() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    struct Mask(#[zerospec(with = "hex")] u32);
    #[derive(Encode, Decode, Debug, PartialEq)]
    enum Timeout {
        After(#[zerospec(with = "millis")] Duration),
        Pair(
            #[zerospec(with = "hex")] u32,
            #[zerospec(with = "millis")] Duration,
        ),
    }
    assert_eq!(zerospec::json::to_string(&Mask(16)).unwrap(), r#""10""#);
    assert_eq!(
        zerospec::json::from_str::<Mask>(r#""10""#).unwrap(),
        Mask(16)
    );
    let t = Timeout::After(Duration::from_millis(5));
    assert_eq!(zerospec::json::to_string(&t).unwrap(), r#"{"After":5}"#);
    assert_eq!(
        zerospec::json::from_str::<Timeout>(r#"{"After":5}"#).unwrap(),
        t
    );
    let p = Timeout::Pair(255, Duration::from_millis(1));
    assert_eq!(
        zerospec::json::to_string(&p).unwrap(),
        r#"{"Pair":["ff",1]}"#
    );
    assert_eq!(
        zerospec::json::from_str::<Timeout>(r#"{"Pair":["ff",1]}"#).unwrap(),
        p
    );
}

/// An `Option<T>` of any `T`, always written and read as `null`.
mod always_none {
    use zerospec::{Decoder, Encoder};

    #[allow(clippy::ref_option)]
    pub fn encode<T, E: Encoder>(_: &Option<T>, e: &mut E) -> zerospec::Result<()> {
        e.encode_null()
    }

    pub fn decode<'de, T, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<Option<T>> {
        d.decode_null().map(|()| None)
    }
}

#[test]
fn with_on_a_generic_field_needs_no_bound_on_it() {
    /// Neither `Encode` nor `Decode`.
    struct Opaque;
    #[derive(Encode, Decode)]
    struct Holder<T> {
        id: u8,
        #[zerospec(with = "always_none")]
        value: Option<T>,
    }
    let h: Holder<Opaque> = zerospec::json::from_str(r#"{"id":1,"value":null}"#).unwrap();
    assert!(h.value.is_none());
    let h = Holder {
        id: 1,
        value: Some(Opaque),
    };
    assert_eq!(
        zerospec::json::to_string(&h).unwrap(),
        r#"{"id":1,"value":null}"#
    );
}
