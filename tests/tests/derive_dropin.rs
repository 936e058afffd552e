//! Models in the shapes real crates write them, each of which once failed to
//! compile or lost information: types from `macro_rules!`, `Cow<'static, str>`,
//! newtype and enum map keys, `with` on a tuple field. Each decodes what
//! serde writes for the same model and writes the same bytes.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

/// A model generator as crates write them: the derive line from the caller,
/// the attributes inside the macro, constraint values passed as fragments.
macro_rules! model {
    ($(#[$meta:meta])* $name:ident, $max:expr, $min:literal) => {
        $(#[$meta])*
        pub struct $name {
            #[zerospec(ge = $min, le = $max)]
            pub age: u8,
            #[zerospec(max_len = $max, validate = "not_blank")]
            pub name: String,
            #[zerospec(with = "hex")]
            #[serde(default)]
            pub mask: u32,
            #[serde(flatten)]
            pub rest: BTreeMap<String, u8>,
        }
    };
}

/// And one that writes the derive line itself.
macro_rules! inner_model {
    ($name:ident) => {
        #[derive(Encode, Decode, Debug, PartialEq)]
        pub struct $name {
            #[zerospec(ge = 0, le = 150)]
            pub age: u8,
        }
    };
}

fn not_blank(s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err("blank".to_owned())
    } else {
        Ok(())
    }
}

mod hex {
    use zerospec::{Decoder, Encoder, Error};

    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub fn encode<E: Encoder>(v: &u32, e: &mut E) -> zerospec::Result<()> {
        e.encode_str(&format!("{v:x}"))
    }

    pub fn decode<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<u32> {
        let s = d.decode_str()?;
        u32::from_str_radix(&s, 16).map_err(|_| Error::custom(format!("`{}` is not hex", &*s)))
    }
}

model!(
    #[derive(Encode, Decode, Debug, PartialEq)]
    Person,
    150,
    0
);
inner_model!(Pet);

#[test]
fn models_from_macro_rules_keep_their_constraints() {
    let p: Person =
        zerospec::json::from_str(r#"{"age":3,"name":"ada","mask":"ff","x":1}"#).unwrap();
    assert_eq!(
        p,
        Person {
            age: 3,
            name: "ada".into(),
            mask: 255,
            rest: BTreeMap::from([("x".to_owned(), 1)]),
        }
    );
    assert_eq!(
        zerospec::json::to_string(&p).unwrap(),
        r#"{"age":3,"name":"ada","mask":"ff","x":1}"#
    );
    let err = zerospec::json::from_str::<Person>(r#"{"age":151,"name":"a"}"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `int` <= 150 - at `$.age`");
    let err = zerospec::json::from_str::<Person>(r#"{"age":1,"name":" "}"#).unwrap_err();
    assert_eq!(err.to_string(), "blank - at `$.name`");
    let err = zerospec::json::from_str::<Pet>(r#"{"age":200}"#).unwrap_err();
    assert_eq!(err.to_string(), "Expected `int` <= 150 - at `$.age`");
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Named {
    name: Cow<'static, str>,
    label: Label,
    nick: Option<Cow<'static, str>>,
    tags: Vec<Cow<'static, str>>,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Label(Cow<'static, str>);

#[test]
fn static_cows_decode_owned_as_serde_does() {
    let json = r#"{"name":"a\"b","label":"x","nick":"n","tags":["t","u"]}"#;
    let ours: Named = zerospec::json::from_str(json).unwrap();
    let theirs: Named = serde_json::from_str(json).unwrap();
    assert_eq!(ours, theirs);
    assert!(matches!(ours.name, Cow::Owned(_)));
    assert_eq!(
        zerospec::json::to_string(&ours).unwrap(),
        serde_json::to_string(&theirs).unwrap()
    );
    let bytes = rmp_serde::to_vec_named(&theirs).unwrap();
    assert_eq!(zerospec::msgpack::to_vec(&ours).unwrap(), bytes);
    assert_eq!(
        zerospec::msgpack::from_slice::<Named>(&bytes).unwrap(),
        theirs
    );
    assert!(matches!(ours.nick, Some(Cow::Owned(_))));
    let err = zerospec::json::from_str::<Named>(r#"{"label":"x","tags":[]}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Object missing required field `name` - at `$`"
    );
    let flat = zerospec::flat::to_vec(&ours).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Named>(&flat).unwrap(), ours);
}

#[derive(
    Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Clone, Copy,
)]
struct ItemId(u32);

#[derive(
    Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Clone,
)]
#[serde(transparent)]
struct Slug {
    text: String,
}

#[derive(
    Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Clone, Copy,
)]
#[serde(rename_all = "lowercase")]
enum Visibility {
    Public,
    #[serde(rename = "priv")]
    Private,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Index {
    items: BTreeMap<ItemId, Visibility>,
    slugs: HashMap<Slug, u8>,
    by_visibility: BTreeMap<Visibility, Vec<ItemId>>,
}

fn index() -> Index {
    Index {
        items: BTreeMap::from([
            (ItemId(1), Visibility::Public),
            (ItemId(20), Visibility::Private),
        ]),
        slugs: HashMap::from([(Slug { text: "a-b".into() }, 3)]),
        by_visibility: BTreeMap::from([(Visibility::Private, vec![ItemId(20)])]),
    }
}

#[test]
fn newtypes_and_unit_enums_are_map_keys_as_in_serde() {
    let value = index();
    let json = serde_json::to_string(&value).unwrap();
    assert_eq!(
        json,
        r#"{"items":{"1":"public","20":"priv"},"slugs":{"a-b":3},"by_visibility":{"priv":[20]}}"#
    );
    assert_eq!(zerospec::json::to_string(&value).unwrap(), json);
    assert_eq!(zerospec::json::from_str::<Index>(&json).unwrap(), value);
    let bytes = rmp_serde::to_vec_named(&value).unwrap();
    assert_eq!(zerospec::msgpack::to_vec(&value).unwrap(), bytes);
    assert_eq!(
        zerospec::msgpack::from_slice::<Index>(&bytes).unwrap(),
        value
    );
    let flat = zerospec::flat::to_vec(&value).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Index>(&flat).unwrap(), value);
}

#[test]
fn error_paths_name_keys_of_every_key_type() {
    let err = zerospec::json::from_str::<Index>(
        r#"{"items":{"7":"publik"},"slugs":{},"by_visibility":{}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"Invalid enum value `publik` - at `$.items["7"]`"#
    );
    let err =
        zerospec::json::from_str::<Index>(r#"{"items":{},"slugs":{"s":-1},"by_visibility":{}}"#)
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"Expected `int` >= 0 - at `$.slugs["s"]`"#
    );
    let err = zerospec::json::from_str::<Index>(
        r#"{"items":{},"slugs":{},"by_visibility":{"public":["x"]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"Expected `int`, got `str` - at `$.by_visibility["public"][0]`"#
    );
    let err = zerospec::json::from_str::<Index>(
        r#"{"items":{},"slugs":{},"by_visibility":{"secret":[]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Invalid enum value `secret` - at `$.by_visibility`"
    );
}

/// No key impl for this newtype's field: it still derives, and is only refused
/// where it is used as a key.
#[derive(Encode, Decode, Debug, PartialEq)]
struct Blob(Vec<u8>);

pub struct Opaque(u8);

mod opaque {
    use zerospec::{Decoder, Encoder};

    pub fn encode<E: Encoder>(v: &super::Opaque, e: &mut E) -> zerospec::Result<()> {
        e.encode_u8(v.0)
    }

    pub fn decode<'de, D: Decoder<'de>>(d: &mut D) -> zerospec::Result<super::Opaque> {
        d.decode_u8().map(super::Opaque)
    }
}

/// `with` on a tuple field: the field's type has no impl of its own.
#[derive(Encode, Decode)]
struct Wrapped(#[zerospec(with = "opaque")] Opaque, u8);

#[derive(Encode, Decode)]
struct WrappedOne(#[zerospec(with = "opaque")] Opaque);

#[test]
fn with_on_tuple_fields_needs_no_impl_of_the_type() {
    assert_eq!(zerospec::json::to_string(&Blob(vec![1])).unwrap(), "[1]");
    let w: Wrapped = zerospec::json::from_str("[7, 8]").unwrap();
    assert_eq!((w.0.0, w.1), (7, 8));
    assert_eq!(zerospec::json::to_string(&w).unwrap(), "[7,8]");
    let w: WrappedOne = zerospec::json::from_str("9").unwrap();
    assert_eq!(zerospec::json::to_string(&w).unwrap(), "9");
    let err = zerospec::flat::to_vec(&w).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the field `0` uses `with`, which positional formats cannot lay out - at `$.0`"
    );
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
enum Shape {
    Dot,
    Circle(f64),
    Rect { w: u8, h: u8 },
    Pair(u8, u8),
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "type")]
enum Edge {
    Plain { n: u8 },
    Nested(Shape),
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Drawing {
    id: u8,
    #[serde(flatten)]
    shape: Shape,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Graph {
    edges: Vec<Edge>,
    drawings: Vec<Drawing>,
}

#[test]
fn enums_inside_internally_tagged_variants_and_flattened_as_serde_does() {
    let graph = Graph {
        edges: vec![
            Edge::Plain { n: 1 },
            Edge::Nested(Shape::Dot),
            Edge::Nested(Shape::Circle(1.5)),
            Edge::Nested(Shape::Rect { w: 2, h: 3 }),
            Edge::Nested(Shape::Pair(4, 5)),
        ],
        drawings: vec![
            Drawing {
                id: 1,
                shape: Shape::Dot,
            },
            Drawing {
                id: 2,
                shape: Shape::Rect { w: 1, h: 1 },
            },
        ],
    };
    let json = serde_json::to_string(&graph).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"edges":[{"type":"Plain","n":1},{"type":"Nested","Dot":null},"#,
            r#"{"type":"Nested","Circle":1.5},{"type":"Nested","Rect":{"w":2,"h":3}},"#,
            r#"{"type":"Nested","Pair":[4,5]}],"#,
            r#""drawings":[{"id":1,"Dot":null},{"id":2,"Rect":{"w":1,"h":1}}]}"#
        )
    );
    assert_eq!(zerospec::json::to_string(&graph).unwrap(), json);
    assert_eq!(zerospec::json::from_str::<Graph>(&json).unwrap(), graph);
    let bytes = rmp_serde::to_vec_named(&graph).unwrap();
    assert_eq!(zerospec::msgpack::to_vec(&graph).unwrap(), bytes);
    assert_eq!(
        zerospec::msgpack::from_slice::<Graph>(&bytes).unwrap(),
        graph
    );
    // The variant's key may come anywhere among the object's keys.
    let late: Drawing = zerospec::json::from_str(r#"{"Circle":2.0,"id":3}"#).unwrap();
    assert_eq!(
        late,
        Drawing {
            id: 3,
            shape: Shape::Circle(2.0)
        }
    );
    let err = zerospec::json::from_str::<Drawing>(r#"{"id":3}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Object has no key naming a variant of `Shape` - at `$`"
    );
    let err = zerospec::json::from_str::<Drawing>(r#"{"id":3,"Dot":null,"Circle":1}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Object has more than one key naming a variant of `Shape` - at `$`"
    );
    let err = zerospec::json::from_str::<Edge>(r#"{"type":"Nested","Rect":{"w":"x","h":1}}"#)
        .unwrap_err();
    assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$.Rect.w`");
}
