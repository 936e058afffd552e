//! Zero-copy MessagePack decoding: `&str` and `&[u8]` point into the input, and
//! with `from_bytes` every `bytes::Bytes` is a slice of the input buffer.

use zerospec::msgpack;

fn inside(input: &[u8], part: &[u8]) -> bool {
    let range = input.as_ptr_range();
    range.contains(&part.as_ptr()) && part.as_ptr_range().end <= range.end
}

#[test]
fn str_and_byte_slices_borrow_from_the_input() {
    let input = msgpack::to_vec(&(
        "hello",
        zerospec::ByteBuf::from(vec![1, 2, 3]),
        vec!["a", "bc"],
    ))
    .unwrap();
    let (s, b, list): (&str, &[u8], Vec<&str>) = msgpack::from_slice(&input).unwrap();
    assert_eq!(
        (s, b, &list[..]),
        ("hello", &[1u8, 2, 3][..], &["a", "bc"][..])
    );
    assert_eq!(s.as_ptr(), input[2..].as_ptr());
    assert!(inside(&input, b));
    assert!(list.iter().all(|s| inside(&input, s.as_bytes())));
}

#[test]
fn bytes_from_a_shared_buffer_share_its_allocation() {
    let payloads = vec![
        bytes::Bytes::from(vec![7u8; 1000]),
        bytes::Bytes::from_static(b"small"),
        bytes::Bytes::from(vec![9u8; 70_000]),
    ];
    let input = bytes::Bytes::from(msgpack::to_vec(&(1u8, &payloads)).unwrap());
    let (n, decoded): (u8, Vec<bytes::Bytes>) = msgpack::from_bytes(input.clone()).unwrap();
    assert_eq!(n, 1);
    assert_eq!(decoded, payloads);
    for part in &decoded {
        assert!(inside(&input, part), "a copy, not a slice of the input");
    }
    // The slices keep the buffer alive after the input handle is gone.
    let first = decoded[0].clone();
    drop(decoded);
    drop(input);
    assert_eq!(first.len(), 1000);
}

#[test]
fn bytes_from_a_plain_slice_are_copies() {
    let input = msgpack::to_vec(&bytes::Bytes::from_static(b"abc")).unwrap();
    let b: bytes::Bytes = msgpack::from_slice(&input).unwrap();
    assert_eq!(&b[..], b"abc");
    assert!(!inside(&input, &b));
}

#[derive(zerospec::Encode, zerospec::Decode, Debug, PartialEq)]
struct Message<'a> {
    topic: &'a str,
    body: bytes::Bytes,
    parts: Vec<bytes::Bytes>,
}

#[test]
fn derived_fields_borrow_and_share() {
    let message = Message {
        topic: "orders",
        body: bytes::Bytes::from(vec![1u8; 64]),
        parts: vec![
            bytes::Bytes::from_static(b"a"),
            bytes::Bytes::from_static(b"bc"),
        ],
    };
    let encoded = msgpack::to_vec(&message).unwrap();
    let decoded: Message = msgpack::from_slice(&encoded).unwrap();
    assert_eq!(decoded, message);
    assert!(inside(&encoded, decoded.topic.as_bytes()));

    // `from_bytes` needs an owned type: a struct of `Bytes` alone.
    #[derive(zerospec::Decode)]
    struct Owned {
        body: bytes::Bytes,
        parts: Vec<bytes::Bytes>,
    }
    let input = bytes::Bytes::from(encoded);
    let owned: Owned = msgpack::from_bytes(input.clone()).unwrap();
    assert!(inside(&input, &owned.body));
    assert!(owned.parts.iter().all(|p| inside(&input, p)));
}
