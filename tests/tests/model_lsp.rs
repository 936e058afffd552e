//! A language-server protocol's messages, written as such a crate writes them
//! for serde, with zerospec's derive added on every type and nothing else
//! changed: untagged ids of `String` or number, URIs with hand-written serde
//! impls, `serde_json::Value` payloads, `flatten`, `skip_serializing_if`,
//! `rename_all`, internally tagged and unit enums.

use std::collections::HashMap;

use proptest::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A document URI: parsed on the way in, as LSP crates do with their own type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uri {
    scheme: String,
    rest: String,
}

impl Uri {
    fn parse(text: &str) -> Result<Uri, String> {
        match text.split_once(':') {
            Some((scheme, rest))
                if !scheme.is_empty()
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '+') =>
            {
                Ok(Uri {
                    scheme: scheme.to_owned(),
                    rest: rest.to_owned(),
                })
            }
            _ => Err(format!("not a URI: `{text}`")),
        }
    }
}

impl Serialize for Uri {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{}:{}", self.scheme, self.rest))
    }
}

impl<'de> Deserialize<'de> for Uri {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Uri::parse(&text).map_err(serde::de::Error::custom)
    }
}

// The one line a type with hand-written serde impls needs.
zerospec::via_serde!(Uri);

/// A request id: a number or a string, untagged as the protocol has it.
#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq, Eq, Hash,
)]
#[serde(untagged)]
pub enum RequestId {
    Number(i64),
    String(String),
}

/// A message on the wire: which one it is follows from its fields.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum Message {
    Request(Request),
    Notification(Notification),
    Response(Response),
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct InitializeParams {
    pub process_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root_uri: Option<Uri>,
    #[serde(default)]
    pub initialization_options: Option<Value>,
    /// Fields of later protocol versions, kept as they came.
    #[serde(flatten)]
    pub other: HashMap<String, Value>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Request {
    pub jsonrpc: String,
    pub id: RequestId,
    pub method: String,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub params: Value,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Response {
    pub jsonrpc: String,
    pub id: Option<RequestId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ResponseError>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct ResponseError {
    pub code: i32,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Notification {
    pub jsonrpc: String,
    pub method: String,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub params: Value,
}

#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, Copy, PartialEq, Eq,
)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, Copy, PartialEq, Eq,
)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub range: Range,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<DiagnosticSeverity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<NumberOrString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_information: Option<Vec<RelatedInformation>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

/// Written as its number, as `serde_repr` would: by hand here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosticSeverity {
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

impl Serialize for DiagnosticSeverity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(*self as u8)
    }
}

impl<'de> Deserialize<'de> for DiagnosticSeverity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match u8::deserialize(d)? {
            1 => DiagnosticSeverity::Error,
            2 => DiagnosticSeverity::Warning,
            3 => DiagnosticSeverity::Information,
            4 => DiagnosticSeverity::Hint,
            n => return Err(serde::de::Error::custom(format!("unknown severity {n}"))),
        })
    }
}

zerospec::via_serde!(DiagnosticSeverity);

#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq, Eq,
)]
#[serde(untagged)]
pub enum NumberOrString {
    Number(i32),
    String(String),
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Location {
    pub uri: Uri,
    pub range: Range,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct RelatedInformation {
    pub location: Location,
    pub message: String,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PublishDiagnosticsParams {
    pub uri: Uri,
    pub diagnostics: Vec<Diagnostic>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceEdit {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<HashMap<Uri, Vec<TextEdit>>>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TextEdit {
    pub range: Range,
    pub new_text: String,
}

#[path = "models/agree.rs"]
mod agree;

const SESSION: &[&str] = &[
    r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":4242,"rootUri":"file:///work","capabilities":{},"trace":"off"}}"#,
    r#"{"jsonrpc":"2.0","id":"req-2","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.rs"},"position":{"line":3,"character":7}}}"#,
    r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    r#"{"jsonrpc":"2.0","method":"exit"}"#,
    r#"{"jsonrpc":"2.0","id":1,"result":{"capabilities":{"hoverProvider":true}}}"#,
    r#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#,
    r#"{"jsonrpc":"2.0","id":"x","error":{"code":-32601,"message":"no such method","data":["a",1,{"b":null}]}}"#,
];

#[test]
fn a_session_of_messages_reads_and_writes_as_with_serde() {
    let messages: Vec<Message> = SESSION
        .iter()
        .map(|doc| agree::agree_on_document::<Message>(doc).expect("both read it"))
        .collect();
    assert!(matches!(&messages[0], Message::Request(r) if r.id == RequestId::Number(1)));
    assert!(
        matches!(&messages[1], Message::Request(r) if r.id == RequestId::String("req-2".into()))
    );
    assert!(matches!(&messages[3], Message::Notification(n) if n.params.is_null()));
    assert!(matches!(&messages[5], Message::Response(r) if r.id.is_none()));
    let Message::Request(init) = &messages[0] else {
        unreachable!()
    };
    let params = agree::agree_on_document::<InitializeParams>(&init.params.to_string()).unwrap();
    assert_eq!(params.root_uri, Some(Uri::parse("file:///work").unwrap()));
    assert_eq!(params.other.len(), 2);
}

#[test]
fn diagnostics_and_edits_read_and_write_as_with_serde() {
    let doc = r#"{"uri":"file:///src/main.rs","version":3,"diagnostics":[
        {"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":4}},"severity":1,"code":"E0425","source":"rustc","message":"cannot find value","relatedInformation":[{"location":{"uri":"file:///src/lib.rs","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}}},"message":"defined here"}]},
        {"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":1}},"severity":4,"code":12,"message":"hint","data":{"fix":[1,2]}}]}"#;
    let params = agree::agree_on_document::<PublishDiagnosticsParams>(doc).unwrap();
    assert_eq!(
        params.diagnostics[0].severity,
        Some(DiagnosticSeverity::Error)
    );
    assert_eq!(params.diagnostics[1].code, Some(NumberOrString::Number(12)));
    let edit = WorkspaceEdit {
        changes: Some(HashMap::from([(
            Uri::parse("file:///a.rs").unwrap(),
            vec![TextEdit {
                range: params.diagnostics[0].range,
                new_text: "x".into(),
            }],
        )])),
    };
    agree::agree_on_value(&edit);
    assert_eq!(
        zerospec::json::to_string(&edit).unwrap(),
        r#"{"changes":{"file:///a.rs":[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":4}},"newText":"x"}]}}"#
    );
    let err =
        zerospec::json::from_str::<PublishDiagnosticsParams>(r#"{"uri":"nope","diagnostics":[]}"#)
            .unwrap_err();
    assert_eq!(err.to_string(), "not a URI: `nope` - at `$.uri`");
    let bad = doc.replace(r#""severity":4"#, r#""severity":9"#);
    assert!(agree::agree_on_document::<PublishDiagnosticsParams>(&bad).is_none());
    let err = zerospec::json::from_str::<PublishDiagnosticsParams>(&bad).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown severity 9 - at `$.diagnostics[1].severity`"
    );
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e10f64..1e10).prop_map(Value::from),
        "[a-z/\u{3b1} ]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn request_id() -> impl Strategy<Value = RequestId> {
    prop_oneof![
        any::<i64>().prop_map(RequestId::Number),
        "[a-z0-9-]{0,6}".prop_map(RequestId::String)
    ]
}

fn message() -> impl Strategy<Value = Message> {
    prop_oneof![
        (request_id(), "[a-z/]{1,10}", json_value()).prop_map(|(id, method, params)| {
            Message::Request(Request {
                jsonrpc: "2.0".into(),
                id,
                method,
                params,
            })
        }),
        ("[a-z/]{1,10}", json_value()).prop_map(|(method, params)| {
            Message::Notification(Notification {
                jsonrpc: "2.0".into(),
                method,
                params,
            })
        }),
        (
            proptest::option::of(request_id()),
            proptest::option::of(json_value()),
            proptest::option::of((
                any::<i32>(),
                "[a-z ]{0,8}",
                proptest::option::of(json_value())
            ))
        )
            .prop_map(|(id, result, error)| {
                // A result of `null` reads back as `None`, in serde as here.
                let result = result.filter(|r| !r.is_null());
                let error = error.map(|(code, message, data)| ResponseError {
                    code,
                    message,
                    data: data.filter(|d| !d.is_null()),
                });
                Message::Response(Response {
                    jsonrpc: "2.0".into(),
                    id,
                    result,
                    error,
                })
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_messages_agree_with_serde(message in message()) {
        let json = serde_json::to_string(&message).unwrap();
        prop_assert_eq!(zerospec::json::to_string(&message).unwrap(), json.clone());
        // Untagged: both pick the same variant for the same document.
        let theirs: Message = serde_json::from_str(&json).unwrap();
        let ours: Message = zerospec::json::from_str(&json).unwrap();
        prop_assert_eq!(&ours, &theirs);
        let bytes = rmp_serde::to_vec_named(&message).unwrap();
        prop_assert_eq!(zerospec::msgpack::to_vec(&message).unwrap(), bytes.clone());
        prop_assert_eq!(zerospec::msgpack::from_slice::<Message>(&bytes).unwrap(), rmp_serde::from_slice::<Message>(&bytes).unwrap());
    }
}
