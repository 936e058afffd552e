//! The flat format's two readers agree: `flat::from_slice` accepts exactly
//! the buffers `flat::view` accepts, refuses the others with the same error
//! (message, byte and path), and where both accept, decodes the value the
//! view shows. Both apply one rule set (`core/src/flat/rules.rs`).
//!
//! The examples are the two disagreements an audit of 2,000,100 mutated
//! buffers found (offsets into a table's own slots, map keys out of order);
//! the differential test mutates random values of derived types: set
//! `FLAT_ONE_TRUTH_CASES` for more than the default 20,000 buffers.

use std::collections::{BTreeMap, HashMap};

use zerospec::flat::{self, View};
use zerospec::{Decode, Encode};
use zerospec_tests::exercise_flat;

/// The error both readers give for `bytes` as a `T`, and its path; fails
/// when they differ or either accepts.
#[track_caller]
fn refused<T>(bytes: &[u8]) -> (String, String)
where
    T: View + for<'de> Decode<'de> + std::fmt::Debug,
{
    let viewed = flat::view::<T>(bytes).map(|view| format!("{view:?}"));
    let decoded = flat::from_slice::<T>(bytes);
    match (viewed, decoded) {
        (Err(view), Err(decode)) => {
            let view = (view.to_string(), view.path());
            assert_eq!((decode.to_string(), decode.path()), view);
            view
        }
        (viewed, decoded) => panic!("view: {viewed:?}, decode: {decoded:?}"),
    }
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
struct S {
    a: String,
    n: u32,
}

#[test]
fn an_offset_into_a_tables_own_slots_is_refused_by_both() {
    // The root slot points at byte 4: count 2, `a`'s slot (offset 4, to byte
    // 9) and `n`'s (3). Byte 9 is `n`'s slot, which the table claimed: read
    // from there, `a` was "\0\0\0".
    let bytes = [4, 0, 0, 0, 2, 4, 0, 0, 0, 3, 0, 0, 0];
    assert_eq!(
        refused::<S>(&bytes),
        (
            "Flat data is malformed: offset points backwards, into data already validated (byte 5)"
                .into(),
            "$".into()
        )
    );
    // The same table with `a` after the slots is read alike by both.
    let valid = [4, 0, 0, 0, 2, 8, 0, 0, 0, 3, 0, 0, 0, 1, b'x'];
    let expected = S {
        a: "x".into(),
        n: 3,
    };
    assert_eq!(flat::from_slice::<S>(&valid).unwrap(), expected);
    assert_eq!(S::from_view(flat::view::<S>(&valid).unwrap()), expected);
    assert_eq!(flat::to_vec(&expected).unwrap(), valid);
}

#[test]
fn a_table_written_with_fewer_fields_claims_only_their_slots() {
    // Count 1: only `a`'s slot (bytes 5 to 9) is claimed, so `a` may start
    // at byte 9, where the reader's `n` would have been; `n` is absent.
    let bytes = [4, 0, 0, 0, 1, 4, 0, 0, 0, 1, b'x'];
    let expected = S {
        a: "x".into(),
        n: 0,
    };
    assert_eq!(flat::from_slice::<S>(&bytes).unwrap(), expected);
    assert_eq!(S::from_view(flat::view::<S>(&bytes).unwrap()), expected);
    // One byte back, into `a`'s own slot, is refused.
    let bytes = [4, 0, 0, 0, 1, 3, 0, 0, 0, 1, b'x'];
    assert_eq!(
        refused::<S>(&bytes),
        (
            "Flat data is malformed: offset points backwards, into data already validated (byte 5)"
                .into(),
            "$".into()
        )
    );
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
enum E {
    Unit,
    Pair(String, u32),
}

#[test]
fn an_offset_into_a_variants_own_slots_is_refused_by_both() {
    let value = E::Pair("x".into(), 3);
    let bytes = flat::to_vec(&value).unwrap();
    // Offset 4 -> byte 4: variant 1, 2 fields, the string's slot (offset 8,
    // to byte 14), the `u32`, then "x".
    assert_eq!(bytes, [4, 0, 0, 0, 1, 2, 8, 0, 0, 0, 3, 0, 0, 0, 1, b'x']);
    assert_eq!(flat::from_slice::<E>(&bytes).unwrap(), value);
    let mut bytes = bytes;
    bytes[6] = 4; // into the `u32`'s slot, which reads as a string of 3 bytes
    assert_eq!(
        refused::<E>(&bytes),
        (
            "Flat data is malformed: offset points backwards, into data already validated (byte 6)"
                .into(),
            "$".into()
        )
    );
    // An error that is not the syntax's has a path, the same in both.
    let node = Event::Node {
        inner: Inner {
            name: "n".into(),
            weight: 1,
            colour: Colour::Blue,
        },
        tags: vec![],
    };
    let mut bytes = flat::to_vec(&node).unwrap();
    // Variant 3, 2 fields: `inner` (offset 8, to byte 14) and `tags` (empty);
    // `inner`'s table: 3 fields, `name` (to byte 25), `weight`, `colour`.
    assert_eq!(
        bytes,
        [
            4, 0, 0, 0, 3, 2, 8, 0, 0, 0, 0, 0, 0, 0, 3, 10, 0, 0, 0, 1, 0, 2, 0, 0, 0, 1, b'n'
        ]
    );
    bytes[21] = 9;
    assert_eq!(
        refused::<Event>(&bytes),
        (
            "Invalid enum value: `Colour` has no variant 9 - at `$.Node.inner.colour`".into(),
            "$.Node.inner.colour".into()
        )
    );
    // An unknown variant: the same error from both.
    let bytes = [4, 0, 0, 0, 7, 0];
    assert_eq!(
        refused::<E>(&bytes),
        (
            "Invalid enum value: `E` has no variant 7 - at `$`".into(),
            "$".into()
        )
    );
}

#[test]
fn map_keys_out_of_order_are_refused_by_both() {
    let map = BTreeMap::from([("a".to_owned(), 1u8), ("b".to_owned(), 2)]);
    let bytes = flat::to_vec(&map).unwrap();
    // Count 2, then (key offset, value) twice, then "a" and "b".
    assert_eq!(
        bytes,
        [
            4, 0, 0, 0, 2, 10, 0, 0, 0, 1, 7, 0, 0, 0, 2, 1, b'a', 1, b'b'
        ]
    );
    let mut swapped = bytes.clone();
    swapped[16] = b'b';
    swapped[18] = b'a';
    let message = (
        "Flat data is malformed: map keys are not in increasing order (byte 10)".to_owned(),
        "$".to_owned(),
    );
    assert_eq!(refused::<BTreeMap<String, u8>>(&swapped), message);
    assert_eq!(refused::<HashMap<String, u8>>(&swapped), message);
    // A key repeated.
    let mut repeated = bytes;
    repeated[18] = b'a';
    assert_eq!(refused::<BTreeMap<String, u8>>(&repeated), message);
    // Integer keys compare as numbers (256 after 255), not as their bytes.
    let numbers = BTreeMap::from([(255u16, true), (256, false)]);
    let bytes = flat::to_vec(&numbers).unwrap();
    assert_eq!(bytes, [4, 0, 0, 0, 2, 255, 0, 1, 0, 1, 0]);
    assert_eq!(
        flat::from_slice::<BTreeMap<u16, bool>>(&bytes).unwrap(),
        numbers
    );
    let mut swapped = bytes;
    swapped.swap(5, 8);
    swapped.swap(6, 9);
    assert_eq!(
        refused::<BTreeMap<u16, bool>>(&swapped),
        (
            "Flat data is malformed: map keys are not in increasing order (byte 8)".into(),
            "$".into()
        )
    );
    // Keys under `Reverse` must decrease.
    let reversed = flat::to_vec(&BTreeMap::from([(std::cmp::Reverse(1u8), ())])).unwrap();
    assert!(flat::from_slice::<BTreeMap<std::cmp::Reverse<u8>, ()>>(&reversed).is_ok());
    let two = flat::to_vec(&vec![
        (std::cmp::Reverse(1u8), ()),
        (std::cmp::Reverse(2), ()),
    ])
    .unwrap();
    assert_eq!(
        refused::<BTreeMap<std::cmp::Reverse<u8>, ()>>(&two),
        (
            "Flat data is malformed: map keys are not in increasing order (byte 6)".into(),
            "$".into()
        )
    );
    let two = flat::to_vec(&vec![
        (std::cmp::Reverse(2u8), ()),
        (std::cmp::Reverse(1), ()),
    ])
    .unwrap();
    assert!(flat::from_slice::<BTreeMap<std::cmp::Reverse<u8>, ()>>(&two).is_ok());
    assert!(flat::view::<BTreeMap<std::cmp::Reverse<u8>, ()>>(&two).is_ok());
}

// The models of the differential test: tables, fixed structs, strings,
// sequences, maps, options, enums with content and without, nesting, and two
// versions of one struct read as each other.

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
#[zerospec(fixed)]
struct Point {
    x: i16,
    y: i16,
}

#[derive(Encode, Decode, View, Debug, Clone, Copy, PartialEq)]
enum Colour {
    Red,
    Green,
    Blue,
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
struct Inner {
    name: String,
    weight: u16,
    colour: Colour,
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
enum Event {
    Ping,
    Text(String),
    Pair(u32, Option<String>),
    Node { inner: Inner, tags: Vec<String> },
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
struct Model {
    title: String,
    count: u32,
    flags: Vec<bool>,
    note: Option<String>,
    scores: BTreeMap<String, u32>,
    ids: HashMap<u16, Inner>,
    events: Vec<Event>,
    at: Point,
    path: Vec<Point>,
    letters: Vec<char>,
    boxed: Option<Box<Inner>>,
    grid: Vec<Vec<u8>>,
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
struct Tree {
    label: String,
    children: Vec<Tree>,
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
struct V1 {
    name: String,
    parts: Vec<String>,
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
struct V2 {
    name: String,
    parts: Vec<String>,
    extra: String,
    level: Option<u32>,
}

/// SplitMix64: a seeded stream of numbers, so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    fn below(&mut self, n: usize) -> usize {
        // Lossless enough: `n` is small, and the bias does not matter here.
        #[allow(clippy::cast_possible_truncation)]
        let value = (self.next() % n as u64) as usize;
        value
    }

    fn byte(&mut self) -> u8 {
        self.next().to_le_bytes()[0]
    }

    fn text(&mut self) -> String {
        let len = self.below(5);
        (0..len)
            .map(|_| ['a', 'b', 'z', 'é', '€', '0'][self.below(6)])
            .collect()
    }

    fn texts(&mut self) -> Vec<String> {
        (0..self.below(4)).map(|_| self.text()).collect()
    }

    fn inner(&mut self) -> Inner {
        Inner {
            name: self.text(),
            weight: u16::from_le_bytes([self.byte(), self.byte()]),
            colour: [Colour::Red, Colour::Green, Colour::Blue][self.below(3)],
        }
    }

    fn event(&mut self) -> Event {
        match self.below(4) {
            0 => Event::Ping,
            1 => Event::Text(self.text()),
            2 => Event::Pair(self.below(1000) as u32, self.maybe_text()),
            _ => Event::Node {
                inner: self.inner(),
                tags: self.texts(),
            },
        }
    }

    fn maybe_text(&mut self) -> Option<String> {
        (self.below(2) == 0).then(|| self.text())
    }

    fn point(&mut self) -> Point {
        Point {
            x: i16::from_le_bytes([self.byte(), self.byte()]),
            y: i16::from(self.byte()),
        }
    }

    fn model(&mut self) -> Model {
        Model {
            title: self.text(),
            count: self.below(100_000) as u32,
            flags: (0..self.below(4)).map(|_| self.below(2) == 0).collect(),
            note: self.maybe_text(),
            scores: (0..self.below(4))
                .map(|_| (self.text(), self.below(50) as u32))
                .collect(),
            ids: (0..self.below(3))
                .map(|_| (self.below(300) as u16, self.inner()))
                .collect(),
            events: (0..self.below(4)).map(|_| self.event()).collect(),
            at: self.point(),
            path: (0..self.below(3)).map(|_| self.point()).collect(),
            letters: (0..self.below(3))
                .map(|_| ['x', 'ß', '😀'][self.below(3)])
                .collect(),
            boxed: (self.below(2) == 0).then(|| Box::new(self.inner())),
            grid: (0..self.below(3))
                .map(|_| (0..self.below(3)).map(|_| self.byte()).collect())
                .collect(),
        }
    }

    fn tree(&mut self, depth: u32) -> Tree {
        let children = if depth == 0 { 0 } else { self.below(3) };
        Tree {
            label: self.text(),
            children: (0..children).map(|_| self.tree(depth - 1)).collect(),
        }
    }

    /// One change to `bytes`: a byte set, a bit flipped, a little-endian
    /// `u32` written (an offset or a count), a byte removed or inserted, or
    /// the end cut off.
    fn mutate(&mut self, bytes: &mut Vec<u8>) {
        if bytes.is_empty() {
            return;
        }
        let at = self.below(bytes.len());
        match self.below(6) {
            0 => bytes[at] = self.byte(),
            1 => bytes[at] ^= 1 << self.below(8),
            2 => {
                let word: u32 = match self.below(3) {
                    0 => self.below(64) as u32,
                    1 => 0,
                    _ => self.next() as u32,
                };
                for (offset, byte) in word.to_le_bytes().into_iter().enumerate() {
                    if let Some(slot) = bytes.get_mut(at + offset) {
                        *slot = byte;
                    }
                }
            }
            3 => {
                bytes.remove(at);
            }
            4 => bytes.insert(at, self.byte()),
            _ => bytes.truncate(at),
        }
    }
}

/// Reads `bytes` as every model, the right one and the wrong ones, through
/// `exercise_flat`: both readers accept it or both refuse it with the same
/// error; when they accept, the owned value and the view's agree. Returns
/// whether `T` accepted it, and the error otherwise.
fn exercise_all<T>(bytes: &[u8]) -> Result<(), String>
where
    T: View + for<'de> Decode<'de> + Encode + std::fmt::Debug + PartialEq,
{
    exercise_flat::<Model>(bytes);
    exercise_flat::<Vec<Event>>(bytes);
    exercise_flat::<Tree>(bytes);
    exercise_flat::<V1>(bytes);
    exercise_flat::<V2>(bytes);
    exercise_flat::<Vec<V2>>(bytes);
    exercise_flat::<BTreeMap<String, Vec<u32>>>(bytes);
    exercise_flat::<HashMap<u32, Option<String>>>(bytes);
    exercise_flat::<Vec<Option<Box<S>>>>(bytes);
    match (flat::view::<T>(bytes), flat::from_slice::<T>(bytes)) {
        (Ok(_), Ok(_)) => Ok(()),
        (Err(err), Err(_)) => Err(err.message().to_owned()),
        (view, decode) => panic!("view: {view:?}, decode: {decode:?}"),
    }
}

fn cases() -> usize {
    std::env::var("FLAT_ONE_TRUTH_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(20_000)
}

#[test]
fn mutated_buffers_are_read_alike_by_both_readers() {
    let mut rng = Rng(17);
    let mut accepted = 0;
    let mut messages: BTreeMap<String, usize> = BTreeMap::new();
    let mut tally = |outcome: Result<(), String>| match outcome {
        Ok(()) => accepted += 1,
        Err(message) => *messages.entry(message).or_default() += 1,
    };
    let cases = cases();
    for case in 0..cases {
        // A fresh value every 8 buffers, of each model in turn.
        let kind = (case / 8) % 4;
        let mut bytes = match kind {
            0 => flat::to_vec(&rng.model()),
            1 => flat::to_vec(&(0..rng.below(4)).map(|_| rng.event()).collect::<Vec<_>>()),
            2 => flat::to_vec(&rng.tree(3)),
            _ => {
                let name = rng.text();
                let parts = rng.texts();
                if rng.below(2) == 0 {
                    flat::to_vec(&V1 { name, parts })
                } else {
                    flat::to_vec(&V2 {
                        name,
                        parts,
                        extra: rng.text(),
                        level: Some(3),
                    })
                }
            }
        }
        .unwrap();
        for _ in 0..=rng.below(3) {
            rng.mutate(&mut bytes);
        }
        tally(match kind {
            0 => exercise_all::<Model>(&bytes),
            1 => exercise_all::<Vec<Event>>(&bytes),
            2 => exercise_all::<Tree>(&bytes),
            _ => exercise_all::<V2>(&bytes),
        });
    }
    // The mutations reach both outcomes, and among the refusals, the rules
    // the two readers once disagreed on.
    assert!(accepted > cases / 20, "{accepted} of {cases} accepted");
    for rule in [
        "offset points backwards, into data already validated",
        "map keys are not in increasing order",
        "offset points past the end",
        "truncated",
        "invalid UTF-8",
    ] {
        assert!(messages.contains_key(rule), "{rule}: {messages:#?}");
    }
}
#[test]
fn inline_elements_that_hold_offsets_iterate_as_they_read() {
    // An inline slot that holds an offset (an `Option<String>`, a tuple of a
    // string) reads past itself: iterating hands it the rest of the buffer,
    // as `get` does. (The differential test found `Some("")` here.)
    let texts = vec![Some("ab".to_owned()), None, Some("c".to_owned())];
    let bytes = flat::to_vec(&texts).unwrap();
    let view = flat::view::<Vec<Option<String>>>(&bytes).unwrap();
    assert_eq!(
        view.iter().collect::<Vec<_>>(),
        [Some("ab"), None, Some("c")]
    );
    assert_eq!(
        view.iter().rev().collect::<Vec<_>>(),
        [Some("c"), None, Some("ab")]
    );
    assert_eq!(Vec::<Option<String>>::from_view(view), texts);
    let pairs = vec![("x".to_owned(), 1u32), ("yz".to_owned(), 2)];
    let bytes = flat::to_vec(&pairs).unwrap();
    let view = flat::view::<Vec<(String, u32)>>(&bytes).unwrap();
    assert_eq!(view.iter().collect::<Vec<_>>(), [("x", 1), ("yz", 2)]);
    let boxed = vec![
        None,
        Some(Box::new(S {
            a: "s".into(),
            n: 4,
        })),
    ];
    let bytes = flat::to_vec(&boxed).unwrap();
    let view = flat::view::<Vec<Option<Box<S>>>>(&bytes).unwrap();
    assert_eq!(Vec::<Option<Box<S>>>::from_view(view), boxed);
    assert_eq!(
        flat::from_slice::<Vec<Option<Box<S>>>>(&bytes).unwrap(),
        boxed
    );
    // Elements that hold all of themselves are cut to their slots.
    const { assert!(<Option<u32> as View>::INLINE_ONLY && <Point as View>::INLINE_ONLY) };
    const { assert!(!<Option<String> as View>::INLINE_ONLY && !<(String, u32) as View>::INLINE_ONLY) };
}

#[test]
fn skipped_variants_are_read_alike() {
    #[derive(Encode, Decode, View, Debug, Clone, Copy, PartialEq)]
    enum Unit {
        A,
        #[serde(skip_deserializing)]
        B,
        C,
    }
    #[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
    enum Content {
        A(u8),
        #[serde(skip_serializing)]
        B(String),
    }
    // Index 1 names a variant `Unit` does not read.
    assert_eq!(
        refused::<Unit>(&[1, 0, 0, 0]),
        (
            "Invalid enum value: `Unit` has no variant 1 - at `$`".into(),
            "$".into()
        )
    );
    assert_eq!(flat::from_slice::<Unit>(&[2, 0, 0, 0]).unwrap(), Unit::C);
    assert_eq!(flat::view::<Unit>(&[2, 0, 0, 0]).unwrap(), UnitView::C);
    // `Content::B` is never written, but both read it.
    let bytes = [4, 0, 0, 0, 1, 1, 4, 0, 0, 0, 1, b'b'];
    assert_eq!(
        flat::from_slice::<Content>(&bytes).unwrap(),
        Content::B("b".into())
    );
    assert_eq!(
        Content::from_view(flat::view::<Content>(&bytes).unwrap()),
        Content::B("b".into())
    );
}
