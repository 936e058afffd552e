//! `flatten`: a struct's or a map's entries merged into the enclosing object,
//! read in the same single pass, also under `deny_unknown_fields`.

mod derive_util;

use std::collections::{BTreeMap, HashMap};

use derive_util::{agree, both_reject, decodes_as, encodes_as, rejects, zerospec_decodes_as};
use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone, Default)]
struct Paging {
    page: u32,
    #[serde(default)]
    per_page: Option<u32>,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone, Default)]
struct Meta {
    version: u8,
    #[serde(flatten)]
    paging: Paging,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Request {
    query: String,
    #[serde(flatten)]
    meta: Meta,
    #[serde(flatten)]
    rest: BTreeMap<String, i64>,
}

fn request() -> Request {
    Request {
        query: "q".into(),
        meta: Meta {
            version: 2,
            paging: Paging {
                page: 1,
                per_page: Some(10),
            },
        },
        rest: BTreeMap::from([("a".into(), 1), ("z".into(), -1)]),
    }
}

#[test]
fn nested_flatten_with_a_map_catching_the_rest() {
    let json = r#"{"query":"q","version":2,"page":1,"per_page":10,"a":1,"z":-1}"#;
    encodes_as(&request(), json);
    // serde hands a nested flattened struct's keys to the map as well
    // (`rest` would also hold `version`, `page` and `per_page`); zerospec gives
    // each key to the first field that claims it.
    zerospec_decodes_as(json, &request());
}

#[test]
fn keys_in_any_order() {
    zerospec_decodes_as(
        r#"{"z":-1,"per_page":10,"a":1,"page":1,"query":"q","version":2}"#,
        &request(),
    );
}

#[test]
fn flattened_struct_takes_its_defaults() {
    let mut expected = request();
    expected.meta.paging.per_page = None;
    expected.rest.clear();
    zerospec_decodes_as(r#"{"query":"q","version":2,"page":1}"#, &expected);
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Simple {
    query: String,
    #[serde(flatten)]
    paging: Paging,
    #[serde(flatten)]
    rest: BTreeMap<String, i64>,
}

#[test]
fn flattened_struct_and_map_agree_with_serde() {
    let v = Simple {
        query: "q".into(),
        paging: Paging {
            page: 1,
            per_page: None,
        },
        rest: BTreeMap::from([("a".into(), 1), ("z".into(), -1)]),
    };
    agree(&v, r#"{"query":"q","page":1,"per_page":null,"a":1,"z":-1}"#);
    decodes_as(r#"{"z":-1,"page":1,"a":1,"query":"q"}"#, &v);
}

#[test]
fn errors_inside_flattened_fields_name_the_inner_field() {
    assert_eq!(
        rejects::<Request>(r#"{"query":"q","version":2,"page":"1"}"#),
        "Expected `int`, got `str` - at `$.page`"
    );
    assert_eq!(
        rejects::<Request>(r#"{"query":"q","version":2}"#),
        "Object missing required field `page` - at `$`"
    );
    assert_eq!(
        both_reject::<Request>(r#"{"query":"q","version":2,"page":1,"x":"no"}"#),
        r#"Expected `int`, got `str` - at `$["x"]`"#
    );
    assert_eq!(
        both_reject::<Request>(r#"{"query":"q","version":2,"page":1,"page":2}"#),
        "Object contains duplicate field `page` - at `$`"
    );
}

#[test]
fn flattened_hash_map() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Labels {
        name: String,
        #[serde(flatten)]
        labels: HashMap<String, String>,
    }
    let v = Labels {
        name: "n".into(),
        labels: HashMap::from([("k".into(), "v".into())]),
    };
    agree(&v, r#"{"name":"n","k":"v"}"#);
    decodes_as(
        r#"{"a":"1","name":"n","b":"2"}"#,
        &Labels {
            name: "n".into(),
            labels: HashMap::from([("a".into(), "1".into()), ("b".into(), "2".into())]),
        },
    );
}

#[test]
fn flattened_map_with_integer_keys() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Scores {
        total: u32,
        #[serde(flatten)]
        by_id: BTreeMap<u32, u32>,
    }
    let v = Scores {
        total: 3,
        by_id: BTreeMap::from([(1, 1), (2, 2)]),
    };
    encodes_as(&v, r#"{"total":3,"1":1,"2":2}"#);
    // serde_json cannot read integer keys through `flatten`; zerospec can.
    zerospec_decodes_as(r#"{"2":2,"total":3,"1":1}"#, &v);
    assert_eq!(
        rejects::<Scores>(r#"{"total":3,"x":1}"#),
        "Expected `int`, got `str` - at `$`"
    );
}

#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Strict {
    query: String,
    #[serde(flatten)]
    meta: Meta,
}

#[test]
fn deny_unknown_fields_knows_the_flattened_fields() {
    // serde refuses this combination at run time; zerospec reads it in one pass.
    zerospec_decodes_as(
        r#"{"page":1,"version":2,"query":"q","per_page":5}"#,
        &Strict {
            query: "q".into(),
            meta: Meta {
                version: 2,
                paging: Paging {
                    page: 1,
                    per_page: Some(5),
                },
            },
        },
    );
    assert_eq!(
        rejects::<Strict>(r#"{"page":1,"version":2,"query":"q","pgae":5}"#),
        "Object contains unknown field `pgae` - at `$`"
    );
}

#[test]
fn deny_unknown_fields_with_a_flattened_map_accepts_everything() {
    #[derive(Encode, Decode, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Open {
        id: u8,
        #[serde(flatten)]
        rest: BTreeMap<String, u8>,
    }
    zerospec_decodes_as(
        r#"{"x":1,"id":2}"#,
        &Open {
            id: 2,
            rest: BTreeMap::from([("x".into(), 1)]),
        },
    );
}

#[test]
fn renamed_and_aliased_fields_inside_a_flattened_struct() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        #[serde(alias = "uid")]
        user_id: u8,
    }
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        #[serde(rename = "n")]
        count: u8,
    }
    let v = Outer {
        inner: Inner { user_id: 1 },
        count: 2,
    };
    agree(&v, r#"{"userId":1,"n":2}"#);
    decodes_as(r#"{"n":2,"uid":1}"#, &v);
}

#[test]
fn flatten_in_an_enum_struct_variant() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    enum Cmd {
        Fetch {
            url: String,
            #[serde(flatten)]
            paging: Paging,
        },
    }
    let v = Cmd::Fetch {
        url: "u".into(),
        paging: Paging {
            page: 3,
            per_page: None,
        },
    };
    agree(&v, r#"{"Fetch":{"url":"u","page":3,"per_page":null}}"#);
    decodes_as(r#"{"Fetch":{"page":3,"url":"u"}}"#, &v);
}

#[test]
fn flatten_in_an_internally_tagged_variant() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type")]
    enum Cmd {
        Fetch {
            url: String,
            #[serde(flatten)]
            paging: Paging,
        },
        List(Paging),
    }
    let fetch = Cmd::Fetch {
        url: "u".into(),
        paging: Paging {
            page: 3,
            per_page: Some(1),
        },
    };
    agree(
        &fetch,
        r#"{"type":"Fetch","url":"u","page":3,"per_page":1}"#,
    );
    decodes_as(
        r#"{"page":3,"url":"u","per_page":1,"type":"Fetch"}"#,
        &fetch,
    );
    let list = Cmd::List(Paging {
        page: 1,
        per_page: None,
    });
    agree(&list, r#"{"type":"List","page":1,"per_page":null}"#);
    decodes_as(r#"{"page":1,"type":"List"}"#, &list);
}

#[test]
fn skip_serializing_if_inside_a_flattened_struct() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Inner {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<u8>,
        b: u8,
    }
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        c: u8,
    }
    encodes_as(
        &Outer {
            inner: Inner { a: None, b: 1 },
            c: 2,
        },
        r#"{"b":1,"c":2}"#,
    );
    encodes_as(
        &Outer {
            inner: Inner { a: Some(0), b: 1 },
            c: 2,
        },
        r#"{"a":0,"b":1,"c":2}"#,
    );
}

#[test]
fn flattened_generic_field() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Envelope<T> {
        id: u8,
        #[serde(flatten)]
        body: T,
    }
    agree(
        &Envelope {
            id: 1,
            body: Paging {
                page: 2,
                per_page: None,
            },
        },
        r#"{"id":1,"page":2,"per_page":null}"#,
    );
    agree(
        &Envelope {
            id: 1,
            body: BTreeMap::from([("k".to_owned(), true)]),
        },
        r#"{"id":1,"k":true}"#,
    );
}
