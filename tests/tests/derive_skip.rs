//! `skip`, `skip_serializing`, `skip_deserializing` and `skip_serializing_if`
//! on fields and variants.

mod derive_util;

use derive_util::{agree, both_reject, decodes_as, encodes_as};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode, ErrorKind};

fn forty_two() -> u32 {
    42
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Fields {
    id: u32,
    #[serde(skip)]
    cache: Vec<u8>,
    #[serde(skip_serializing)]
    write_only: String,
    #[serde(skip_deserializing)]
    read_only: bool,
    #[serde(skip_deserializing, default = "forty_two")]
    computed: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    maybe: Option<u8>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    list: Vec<u8>,
}

#[test]
fn skipped_fields_are_not_written() {
    let v = Fields {
        id: 1,
        cache: vec![9],
        write_only: "w".into(),
        read_only: true,
        computed: 5,
        maybe: None,
        list: vec![],
    };
    encodes_as(&v, r#"{"id":1,"read_only":true,"computed":5}"#);
    let v = Fields {
        maybe: Some(3),
        list: vec![4],
        ..v
    };
    encodes_as(
        &v,
        r#"{"id":1,"read_only":true,"computed":5,"maybe":3,"list":[4]}"#,
    );
}

#[test]
fn skipped_fields_are_not_read_and_take_their_defaults() {
    let expected = Fields {
        id: 1,
        cache: vec![],
        write_only: "w".into(),
        read_only: false,
        computed: 42,
        maybe: Some(3),
        list: vec![],
    };
    decodes_as(
        r#"{"id":1,"cache":[1,2],"write_only":"w","read_only":true,"computed":1,"maybe":3}"#,
        &expected,
    );
    // `skip_serializing` alone still reads the field, and requires it.
    assert_eq!(
        both_reject::<Fields>(r#"{"id":1}"#),
        "Object missing required field `write_only` - at `$`"
    );
}

#[test]
fn skipped_fields_of_a_tuple_struct() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Row(u8, #[serde(skip)] u8, u8);
    encodes_as(&Row(1, 2, 3), "[1,3]");
    decodes_as("[1,3]", &Row(1, 0, 3));
}

#[test]
fn skip_serializing_if_with_a_custom_predicate() {
    fn is_zero(v: &i32) -> bool {
        *v == 0
    }
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct S {
        #[serde(skip_serializing_if = "is_zero", default)]
        n: i32,
        m: i32,
    }
    agree(&S { n: 1, m: 0 }, r#"{"n":1,"m":0}"#);
    encodes_as(&S { n: 0, m: 0 }, r#"{"m":0}"#);
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
enum Variants {
    Live(u8),
    #[serde(skip)]
    Internal(u8),
    #[serde(skip_serializing)]
    Legacy,
    #[serde(skip_deserializing)]
    Computed {
        n: u8,
    },
}

#[test]
fn skipped_variants() {
    agree(&Variants::Live(1), r#"{"Live":1}"#);
    encodes_as(&Variants::Computed { n: 1 }, r#"{"Computed":{"n":1}}"#);
    decodes_as(r#""Legacy""#, &Variants::Legacy);
    assert_eq!(
        both_reject::<Variants>(r#"{"Computed":{"n":1}}"#),
        "Invalid enum value `Computed` - at `$`"
    );
    assert_eq!(
        both_reject::<Variants>(r#"{"Internal":1}"#),
        "Invalid enum value `Internal` - at `$`"
    );
}

#[test]
fn encoding_a_variant_skipped_for_encoding_fails() {
    for value in [Variants::Legacy, Variants::Internal(1)] {
        assert!(serde_json::to_string(&value).is_err());
        let err = zerospec::json::to_string(&value).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unsupported);
        let name = if value == Variants::Legacy {
            "Legacy"
        } else {
            "Internal"
        };
        assert_eq!(
            err.to_string(),
            format!("the enum variant `Variants::{name}` cannot be encoded - at `$`")
        );
    }
}

#[test]
fn skipped_generic_field_needs_default_not_decode() {
    struct NotCodable;
    impl Default for NotCodable {
        fn default() -> Self {
            NotCodable
        }
    }
    #[derive(Encode, Decode)]
    struct S<T> {
        n: u8,
        #[serde(skip)]
        t: T,
    }
    let s: S<NotCodable> = zerospec::json::from_str(r#"{"n":1}"#).unwrap();
    assert_eq!(s.n, 1);
    let NotCodable = s.t;
    assert_eq!(zerospec::json::to_string(&s).unwrap(), r#"{"n":1}"#);
}

/// When every field that is read arrives in declaration order, the value is
/// assembled straight from them: the skipped ones still take their defaults,
/// and a container default supplies its own value for them.
#[test]
fn skipped_fields_take_their_defaults_when_the_rest_arrive_in_order() {
    // Out of order, the fields go through the builder; in order, they do not.
    let through_builder: Fields =
        zerospec::json::from_str(r#"{"list":[4],"maybe":3,"write_only":"w","id":1}"#).unwrap();
    assert_eq!(
        (through_builder.read_only, through_builder.computed),
        (false, 42)
    );
    decodes_as(
        r#"{"id":1,"write_only":"w","maybe":3,"list":[4]}"#,
        &through_builder,
    );

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(default)]
    struct Defaulted {
        a: u8,
        #[serde(skip_deserializing)]
        b: u8,
        c: u8,
    }
    impl Default for Defaulted {
        fn default() -> Self {
            Defaulted { a: 1, b: 2, c: 3 }
        }
    }
    let expected = Defaulted { a: 7, b: 2, c: 9 };
    decodes_as(r#"{"a":7,"c":9}"#, &expected);
    let bytes = rmp_serde::to_vec_named(&serde_json::json!({"a": 7, "c": 9})).unwrap();
    assert_eq!(
        zerospec::msgpack::from_slice::<Defaulted>(&bytes).unwrap(),
        expected
    );
}
