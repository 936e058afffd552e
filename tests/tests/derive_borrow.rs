//! Lifetimes: `&'de str`, `&'de [u8]` and `Cow` with `borrow`, borrowed from the input.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use zerospec::{Decode, Encode};

fn inside(input: &[u8], part: &[u8]) -> bool {
    let Range { start, end } = input.as_ptr_range();
    let part = part.as_ptr_range();
    start <= part.start && part.end <= end
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Event<'a> {
    kind: &'a str,
    raw: &'a [u8],
    #[serde(borrow)]
    note: Cow<'a, str>,
    owned: Cow<'a, str>,
    tags: Vec<&'a str>,
    parent: Option<&'a str>,
}

const EVENT: &str =
    r#"{"kind":"click","raw":"xyz","note":"plain","owned":"o","tags":["a","b"],"parent":"p"}"#;

#[test]
fn strings_and_bytes_borrow_from_the_input() {
    let ours: Event = zerospec::json::from_str(EVENT).unwrap();
    let theirs: Event = serde_json::from_str(EVENT).unwrap();
    assert_eq!(ours, theirs);
    assert_eq!(
        ours,
        Event {
            kind: "click",
            raw: b"xyz",
            note: Cow::Borrowed("plain"),
            owned: Cow::Borrowed("o"),
            tags: vec!["a", "b"],
            parent: Some("p"),
        }
    );
    let input = EVENT.as_bytes();
    assert!(inside(input, ours.kind.as_bytes()));
    assert!(inside(input, ours.raw));
    assert!(matches!(ours.note, Cow::Borrowed(s) if inside(input, s.as_bytes())));
    assert!(ours.tags.iter().all(|t| inside(input, t.as_bytes())));
    assert!(inside(input, ours.parent.unwrap().as_bytes()));
    // Without `borrow`, a `Cow` is owned, as serde decodes it.
    assert!(matches!(ours.owned, Cow::Owned(_)));
    assert!(matches!(theirs.owned, Cow::Owned(_)));
}

#[test]
fn borrowed_values_encode_as_serde_does() {
    let event: Event = zerospec::json::from_str(EVENT).unwrap();
    let ours = zerospec::json::to_string(&event).unwrap();
    assert_eq!(ours, serde_json::to_string(&event).unwrap());
    assert_eq!(
        ours,
        r#"{"kind":"click","raw":[120,121,122],"note":"plain","owned":"o","tags":["a","b"],"parent":"p"}"#
    );
}

#[test]
fn from_slice_borrows_too() {
    let input = br#"{"kind":"k","raw":"r","note":"n","owned":"o","tags":[],"parent":null}"#;
    let event: Event = zerospec::json::from_slice(input).unwrap();
    assert!(inside(input, event.kind.as_bytes()));
    assert!(inside(input, event.raw));
    assert_eq!(event.parent, None);
}

#[test]
fn escaped_strings_cannot_be_borrowed_but_a_cow_copies_them() {
    let input = r#"{"kind":"k","raw":"r","note":"a\nb","owned":"o","tags":[],"parent":null}"#;
    let event: Event = zerospec::json::from_str(input).unwrap();
    assert_eq!(event.note, "a\nb");
    assert!(matches!(event.note, Cow::Owned(_)));

    let input = r#"{"kind":"a\nb","raw":"r","note":"n","owned":"o","tags":[],"parent":null}"#;
    assert!(serde_json::from_str::<Event>(input).is_err());
    let err = zerospec::json::from_str::<Event>(input).unwrap_err();
    assert_eq!(err.path(), "$.kind");
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Inner<'a> {
    name: &'a str,
}

#[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
struct Outer<'a, 'b> {
    #[serde(borrow)]
    inner: Inner<'a>,
    #[serde(borrow = "'b")]
    list: Vec<Cow<'b, str>>,
    id: u32,
}

#[test]
fn borrowed_structs_nest_and_name_their_lifetimes() {
    let input = r#"{"inner":{"name":"n"},"list":["x","y"],"id":1}"#;
    let ours: Outer = zerospec::json::from_str(input).unwrap();
    let theirs: Outer = serde_json::from_str(input).unwrap();
    assert_eq!(ours, theirs);
    assert!(inside(input.as_bytes(), ours.inner.name.as_bytes()));
    // A `Cow` inside a container decodes owned, as serde's impl does: only a
    // field that is itself a `Cow` borrows (serde's own rule).
    assert!(ours.list.iter().all(|s| matches!(s, Cow::Owned(_))));
    assert!(theirs.list.iter().all(|s| matches!(s, Cow::Owned(_))));
    assert_eq!(
        zerospec::json::to_string(&ours).unwrap(),
        serde_json::to_string(&ours).unwrap()
    );
}

#[test]
fn borrowed_enum_variants() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(tag = "type")]
    enum Token<'a> {
        Word { text: &'a str },
        Bytes { raw: &'a [u8] },
    }
    for input in [
        r#"{"type":"Word","text":"hello"}"#,
        r#"{"text":"hello","type":"Word"}"#,
    ] {
        let ours: Token = zerospec::json::from_str(input).unwrap();
        assert_eq!(ours, serde_json::from_str::<Token>(input).unwrap());
        let Token::Word { text } = ours else {
            panic!("expected a word")
        };
        assert_eq!(text, "hello");
        assert!(inside(input.as_bytes(), text.as_bytes()));
    }

    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(untagged)]
    enum Loose<'a> {
        Num(u64),
        Text(&'a str),
    }
    let input = r#""abc""#;
    let ours: Loose = zerospec::json::from_str(input).unwrap();
    assert_eq!(ours, serde_json::from_str::<Loose>(input).unwrap());
    let Loose::Text(text) = ours else {
        panic!("expected text")
    };
    assert!(inside(input.as_bytes(), text.as_bytes()));
}

#[test]
fn borrowed_from_messagepack() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Packet<'a> {
        kind: &'a str,
        #[serde(borrow)]
        note: Cow<'a, str>,
        tags: Vec<&'a str>,
    }
    let packet = Packet {
        kind: "k",
        note: Cow::Borrowed("n"),
        tags: vec!["t"],
    };
    let bytes = zerospec::msgpack::to_vec(&packet).unwrap();
    assert_eq!(bytes, rmp_serde::to_vec_named(&packet).unwrap());
    let back: Packet = zerospec::msgpack::from_slice(&bytes).unwrap();
    assert_eq!(back, packet);
    assert!(inside(&bytes, back.kind.as_bytes()));
    assert!(matches!(back.note, Cow::Borrowed(s) if inside(&bytes, s.as_bytes())));
    assert!(inside(&bytes, back.tags[0].as_bytes()));

    // `&[u8]` borrows a `bin` (rmp-serde writes a byte slice as an array of
    // numbers, which cannot be borrowed).
    #[derive(Decode, Debug)]
    struct Raw<'a> {
        raw: &'a [u8],
    }
    let bytes = [0x81, 0xa3, b'r', b'a', b'w', 0xc4, 3, 1, 2, 3];
    let raw: Raw = zerospec::msgpack::from_slice(&bytes).unwrap();
    assert_eq!(raw.raw, [1, 2, 3]);
    assert!(inside(&bytes, raw.raw));
}

#[test]
fn transparent_borrowed_newtype() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    #[serde(transparent)]
    struct Name<'a>(&'a str);
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Named<'a>(#[serde(borrow)] Cow<'a, str>);
    let input = r#""ada""#;
    let name: Name = zerospec::json::from_str(input).unwrap();
    assert!(inside(input.as_bytes(), name.0.as_bytes()));
    let named: Named = zerospec::json::from_str(input).unwrap();
    assert!(matches!(named.0, Cow::Borrowed(s) if inside(input.as_bytes(), s.as_bytes())));
}

#[test]
fn flattened_borrowed_struct() {
    #[derive(Encode, Decode, Serialize, Deserialize, Debug, PartialEq)]
    struct Page<'a> {
        #[serde(flatten, borrow)]
        inner: Inner<'a>,
        n: u8,
    }
    let input = r#"{"n":1,"name":"x"}"#;
    let page: Page = zerospec::json::from_str(input).unwrap();
    assert_eq!(
        page,
        Page {
            inner: Inner { name: "x" },
            n: 1
        }
    );
    assert!(inside(input.as_bytes(), page.inner.name.as_bytes()));
    assert_eq!(
        zerospec::json::to_string(&page).unwrap(),
        serde_json::to_string(&page).unwrap()
    );
}
