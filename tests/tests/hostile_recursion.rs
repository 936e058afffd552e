//! Recursion on hostile input: every recursive decode counts toward the
//! depth limit, even one that reads nothing, and recursive types compile and
//! round-trip in every format, views included.

use std::rc::Rc;
use std::sync::Arc;

use zerospec::flat::View;
use zerospec::{Decode, Encode, ErrorKind, Value};

/// An untagged enum whose first variant holds the enum again: on `1`,
/// `Wrap` recurses without reading a byte. serde_json overflows the stack.
#[derive(Encode, Decode, Debug, PartialEq)]
#[serde(untagged)]
enum Wrapped {
    Wrap(Box<Wrapped>),
    Leaf(u8),
}

/// A newtype around an option of itself: its only finite values are
/// `Opt(None)` nested, and `1` would again recurse reading nothing. (Its
/// view would be its field's, an `Option` of itself: an infinite type.)
#[derive(Encode, Decode, Debug, PartialEq)]
struct Opt(Option<Box<Opt>>);

#[derive(Encode, Decode, View, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Node {
    value: u32,
    next: Option<Box<Node>>,
}

#[derive(Encode, Decode, View, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
enum Expr {
    Num(i64),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
}

#[derive(Encode, Decode, View, Debug, PartialEq)]
struct Shared {
    rc: Rc<u32>,
    arc: Arc<String>,
    boxed: Box<(u8, u16)>,
}

fn depth_error<T: std::fmt::Debug>(result: zerospec::Result<T>) -> String {
    let err = result.expect_err("nesting without end must fail");
    assert_eq!(err.kind(), ErrorKind::Depth, "{err}");
    err.to_string()
}

#[test]
fn a_recursion_that_reads_nothing_hits_the_depth_limit() {
    assert_eq!(
        depth_error(zerospec::json::from_str::<Wrapped>("1")),
        "JSON is malformed: nesting deeper than 128 (byte 0)"
    );
    assert_eq!(
        depth_error(zerospec::msgpack::from_slice::<Wrapped>(&[0x01])),
        "MessagePack data is malformed: nesting deeper than 128 (byte 0)"
    );
    assert_eq!(
        depth_error(zerospec::value::from_value::<Wrapped>(Value::from(1))),
        "nesting deeper than 128 - at `$`"
    );
    assert_eq!(
        depth_error(zerospec::json::from_str::<Opt>("1")),
        "JSON is malformed: nesting deeper than 128 (byte 0)"
    );
    assert_eq!(
        depth_error(zerospec::msgpack::from_slice::<Opt>(&[0x01])),
        "MessagePack data is malformed: nesting deeper than 128 (byte 0)"
    );
}

#[test]
fn a_custom_depth_limit_bounds_it_too() {
    let mut decoder = zerospec::json::JsonDecoder::new(b"1").with_max_depth(3);
    assert_eq!(
        depth_error(Wrapped::decode(&mut decoder)),
        "JSON is malformed: nesting deeper than 3 (byte 0)"
    );
}

#[test]
fn values_that_end_still_decode() {
    assert_eq!(zerospec::json::from_str::<Opt>("null").unwrap(), Opt(None));
    assert_eq!(
        zerospec::msgpack::from_slice::<Opt>(&[0xc0]).unwrap(),
        Opt(None)
    );
    // `Wrap` comes first and always matches as far as it reads, so every
    // input nests until the limit: the error, not a crash.
    assert_eq!(
        depth_error(zerospec::json::from_str::<Wrapped>("[7]")),
        "JSON is malformed: nesting deeper than 128 (byte 0)"
    );
}

fn chain(len: u32) -> Node {
    let mut node = Node {
        value: 0,
        next: None,
    };
    for value in 1..len {
        node = Node {
            value,
            next: Some(Box::new(node)),
        };
    }
    node
}

#[test]
fn a_pointer_between_containers_costs_no_level() {
    // Objects nested through `Option<Box<Node>>`: the boxes between them
    // take no level, so 128 objects are as deep as the limit of 128 allows,
    // as for objects nested directly.
    for len in [127, 128, 129] {
        let node = chain(len);
        let json = serde_json::to_string(&node).unwrap();
        assert_eq!(zerospec::json::to_string(&node).unwrap(), json);
        let ours = zerospec::json::from_str::<Node>(&json);
        assert_eq!(ours.is_ok(), len <= 128, "{len} levels");
        let plain = "{\"a\":".repeat(len as usize - 1) + "0" + &"}".repeat(len as usize - 1);
        assert_eq!(
            zerospec::json::from_str::<Value>(&format!("{{\"b\":{plain}}}")).is_ok(),
            len <= 128
        );
        if let Ok(ours) = ours {
            assert_eq!(ours, node);
        }
        let bytes = rmp_serde::to_vec_named(&node).unwrap();
        assert_eq!(zerospec::msgpack::to_vec(&node).unwrap(), bytes);
        assert_eq!(
            zerospec::msgpack::from_slice::<Node>(&bytes).is_ok(),
            len <= 128
        );
    }
}

#[test]
fn recursive_types_round_trip_in_every_format() {
    let expr = Expr::Add(
        Box::new(Expr::Num(1)),
        Box::new(Expr::Neg(Box::new(Expr::Num(-2)))),
    );
    let json = serde_json::to_string(&expr).unwrap();
    assert_eq!(json, r#"{"Add":[{"Num":1},{"Neg":{"Num":-2}}]}"#);
    assert_eq!(zerospec::json::to_string(&expr).unwrap(), json);
    assert_eq!(zerospec::json::from_str::<Expr>(&json).unwrap(), expr);
    let bytes = rmp_serde::to_vec_named(&expr).unwrap();
    assert_eq!(zerospec::msgpack::to_vec(&expr).unwrap(), bytes);
    assert_eq!(zerospec::msgpack::from_slice::<Expr>(&bytes).unwrap(), expr);

    let flat = zerospec::flat::to_vec(&expr).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Expr>(&flat).unwrap(), expr);
    let view = zerospec::flat::view::<Expr>(&flat).unwrap();
    assert_eq!(Expr::from_view(view), expr);

    let node = chain(5);
    let flat = zerospec::flat::to_vec(&node).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Node>(&flat).unwrap(), node);
    let view = zerospec::flat::view::<Node>(&flat).unwrap();
    assert_eq!(view.value(), 4);
    assert_eq!(view.next().map(|next| next.get().value()), Some(3));
}

#[test]
fn a_newtype_of_an_option_of_itself_has_a_layout() {
    let opt = Opt(Some(Box::new(Opt(Some(Box::new(Opt(None)))))));
    assert_eq!(<Opt as Encode>::INLINE_SIZE, Some(5));
    let flat = zerospec::flat::to_vec(&opt).unwrap();
    assert_eq!(zerospec::flat::from_slice::<Opt>(&flat).unwrap(), opt);
    // JSON cannot tell `Some(Opt(None))` from `None`, as with serde.
    assert_eq!(zerospec::json::to_string(&opt).unwrap(), "null");
}

#[test]
fn pointers_to_inline_values_sit_behind_an_offset() {
    let value = Shared {
        rc: Rc::new(7),
        arc: Arc::new("hi".to_owned()),
        boxed: Box::new((1, 2)),
    };
    let flat = zerospec::flat::to_vec(&value).unwrap();
    assert_eq!(
        flat,
        [
            // the root slot: offset to the table
            4, 0, 0, 0, //
            // the table: 3 fields, then a slot per field, each an offset
            // from the slot's own position (5, 9, 13) to 17, 22, 25
            3, 12, 0, 0, 0, 13, 0, 0, 0, 12, 0, 0, 0, //
            // `rc`: a one-field table holding the u32
            1, 7, 0, 0, 0, //
            // `arc`: the string, as a `String` field is
            2, b'h', b'i', //
            // `boxed`: a one-field table holding the tuple's slot
            1, 1, 2, 0,
        ]
    );
    assert_eq!(zerospec::flat::from_slice::<Shared>(&flat).unwrap(), value);
    let view = zerospec::flat::view::<Shared>(&flat).unwrap();
    assert_eq!(view.rc().get(), 7);
    assert_eq!(view.arc().get(), "hi");
    assert_eq!(Shared::from_view(view), value);
    // JSON and MessagePack write what the pointers hold, as serde does.
    assert_eq!(
        zerospec::json::to_string(&value).unwrap(),
        r#"{"rc":7,"arc":"hi","boxed":[1,2]}"#
    );
}

#[derive(Encode, Decode, View, Debug, PartialEq)]
struct Kids {
    kids: Vec<Kids>,
}

fn kids(depth: usize) -> Kids {
    let mut value = Kids { kids: Vec::new() };
    for _ in 1..depth {
        value = Kids { kids: vec![value] };
    }
    value
}

#[test]
fn the_flat_writer_refuses_what_its_readers_would() {
    // A table and a sequence a level, the innermost table's empty `kids`
    // taking none: 32 levels of `Kids` are 63 of the 64 readers allow.
    let bytes = zerospec::flat::to_vec(&kids(32)).unwrap();
    assert_eq!(
        zerospec::flat::from_slice::<Kids>(&bytes).unwrap(),
        kids(32)
    );
    assert!(zerospec::flat::view::<Kids>(&bytes).is_ok());
    let err = zerospec::flat::to_vec(&kids(33)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(
        err.to_string(),
        format!(
            "the value nests deeper than 64 levels, which flat readers refuse - at `${}`",
            ".kids".repeat(32)
        )
    );
    let mut encoder = zerospec::flat::FlatEncoder::new(Vec::new());
    assert!(encoder.encode(&kids(33)).is_err());
    assert!(
        encoder.encode(&kids(2)).is_ok(),
        "the encoder is usable after the error"
    );
}
