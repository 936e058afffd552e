//! `#[derive(Encode, Decode, View)]` on the shapes `flat_reference.rs` spells
//! out by hand: fixed structs, tables, nested containers, enums with content
//! and unit-only enums; round trips, views, owned decoding and evolution.

use zerospec::flat::{self, View};
use zerospec::{Decode, Encode};
use zerospec_tests::models::{
    Address, Event, EventView, Item, Level, LevelView, Log, Triangle, Vector3, item, log,
};

#[test]
fn fixed_struct_is_inline_and_round_trips() {
    assert_eq!(<Address as Encode>::INLINE_SIZE, Some(4));
    assert_eq!(<Address as View>::INLINE_SIZE, Some(4));
    assert_eq!(<Triangle as Encode>::INLINE_SIZE, Some(48));
    let a = Address {
        x0: 1,
        x1: 2,
        x2: 3,
        x3: 4,
    };
    let bytes = flat::to_vec(&a).unwrap();
    let view = flat::view::<Address>(&bytes).unwrap();
    assert_eq!((view.x0(), view.x1(), view.x2(), view.x3()), (1, 2, 3, 4));
    assert_eq!(view.to_owned(), a);
    assert_eq!(flat::from_slice::<Address>(&bytes).unwrap(), a);
}

#[test]
fn table_struct_reads_every_field() {
    let value = log(3);
    let bytes = flat::to_vec(&value).unwrap();
    let view = flat::view::<Log>(&bytes).unwrap();
    assert_eq!(view.address().x2(), 3);
    assert_eq!(view.identity(), "-");
    assert_eq!(view.userid(), "user3");
    assert_eq!(view.request(), "GET /item/3 HTTP/1.1");
    assert_eq!(view.code(), 203);
    assert_eq!(view.size(), 3000);
    assert_eq!(view.to_owned(), value);
    assert_eq!(Log::from(view), value);
    assert_eq!(flat::from_slice::<Log>(&bytes).unwrap(), value);
    // Debug prints through the accessors.
    assert!(format!("{view:?}").starts_with("LogView { address: AddressView { x0: 10"));
}

#[test]
fn nested_containers() {
    let value = item();
    let bytes = flat::to_vec(&value).unwrap();
    let view = flat::view::<Item>(&bytes).unwrap();
    assert_eq!(view.name(), "widget é");
    assert_eq!(view.note(), Some("fragile"));
    assert_eq!(view.tags().len(), 3);
    assert_eq!(view.tags().get(1), Some("bb"));
    assert_eq!(view.tags().iter().collect::<Vec<_>>(), ["a", "bb", ""]);
    let weights: Vec<f32> = view.weights().as_slice().iter().map(|w| w.get()).collect();
    assert_eq!(weights, [1.5, -0.25, 3e7]);
    assert_eq!(view.counts().get("bob"), Some(5));
    assert_eq!(view.counts().get("eve"), None);
    assert_eq!(view.origin().userid(), "user7");
    assert_eq!(view.to_owned(), value);
    assert_eq!(flat::from_slice::<Item>(&bytes).unwrap(), value);
    // Two views of equal values compare equal.
    let again = flat::to_vec(&item()).unwrap();
    assert_eq!(flat::view::<Item>(&again).unwrap(), view);
}

#[test]
fn enums_with_content_and_unit_enums() {
    let events = vec![
        Event::Ping,
        Event::Message("hi".into()),
        Event::Move(-3, 4),
        Event::Login {
            user: "ada".into(),
            admin: true,
        },
    ];
    let bytes = flat::to_vec(&events).unwrap();
    let view = flat::view::<Vec<Event>>(&bytes).unwrap();
    assert_eq!(view.get(0), Some(EventView::Ping));
    assert_eq!(view.get(1), Some(EventView::Message("hi")));
    assert_eq!(view.get(2), Some(EventView::Move(-3, 4)));
    assert_eq!(
        view.get(3),
        Some(EventView::Login {
            user: "ada",
            admin: true
        })
    );
    assert_eq!(
        view.iter().map(EventView::to_owned).collect::<Vec<_>>(),
        events
    );
    assert_eq!(flat::from_slice::<Vec<Event>>(&bytes).unwrap(), events);

    let levels = vec![Level::Warn, Level::Debug, Level::Error];
    assert_eq!(<Level as Encode>::INLINE_SIZE, Some(4));
    let bytes = flat::to_vec(&levels).unwrap();
    let view = flat::view::<Vec<Level>>(&bytes).unwrap();
    assert_eq!(
        view.iter().collect::<Vec<_>>(),
        [LevelView::Warn, LevelView::Debug, LevelView::Error]
    );
    assert_eq!(flat::from_slice::<Vec<Level>>(&bytes).unwrap(), levels);
}

#[test]
fn mesh_of_fixed_structs() {
    let v = |x: f32| Vector3(x, x + 1.0, x + 2.0);
    let mesh: Vec<Triangle> = (0..100u8)
        .map(|i| {
            let x = f32::from(i);
            Triangle {
                v0: v(x),
                v1: v(x * 2.0),
                v2: v(x * 3.0),
                normal: v(-x),
            }
        })
        .collect();
    let bytes = flat::to_vec(&mesh).unwrap();
    let view = flat::view::<Vec<Triangle>>(&bytes).unwrap();
    assert_eq!(view.len(), 100);
    let t = view.get(42).unwrap();
    assert_eq!(
        (t.v1()._0(), t.v1()._1(), t.normal()._2()),
        (84.0, 85.0, -40.0)
    );
    assert_eq!(flat::from_slice::<Vec<Triangle>>(&bytes).unwrap(), mesh);
}

#[test]
fn errors_and_validation() {
    let bytes = flat::to_vec(&log(1)).unwrap();
    for cut in 0..bytes.len() {
        assert!(
            flat::view::<Log>(&bytes[..cut]).is_err(),
            "truncated at {cut}"
        );
    }
    // A Level index past the last variant is refused.
    let bytes = flat::to_vec(&vec![7u32]).unwrap();
    assert!(flat::view::<Vec<Level>>(&bytes).is_err());
    assert!(flat::from_slice::<Vec<Level>>(&bytes).is_err());
}

mod v1 {
    use zerospec::{Decode, Encode, View};
    #[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
    pub struct Account {
        pub id: u64,
        pub name: String,
    }
}

mod v2 {
    use zerospec::{Decode, Encode, View};
    #[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
    pub struct Account {
        pub id: u64,
        pub name: String,
        pub email: String,
        #[serde(default = "default_quota")]
        pub quota: u32,
    }
    fn default_quota() -> u32 {
        10
    }
}

#[test]
fn evolution_by_appending_fields() {
    let old = v1::Account {
        id: 7,
        name: "ada".into(),
    };
    let old_bytes = flat::to_vec(&old).unwrap();
    // A newer reader sees the added fields as absent: zero in the view,
    // the declared default (or zero) when decoding.
    let view = flat::view::<v2::Account>(&old_bytes).unwrap();
    assert_eq!(
        (view.id(), view.name(), view.email(), view.quota()),
        (7, "ada", "", 0)
    );
    assert_eq!(
        flat::from_slice::<v2::Account>(&old_bytes).unwrap(),
        v2::Account {
            id: 7,
            name: "ada".into(),
            email: String::new(),
            quota: 10
        }
    );

    let new = v2::Account {
        id: 8,
        name: "bob".into(),
        email: "b@x".into(),
        quota: 3,
    };
    let new_bytes = flat::to_vec(&new).unwrap();
    // An older reader ignores what it does not know.
    let view = flat::view::<v1::Account>(&new_bytes).unwrap();
    assert_eq!((view.id(), view.name()), (8, "bob"));
    assert_eq!(
        flat::from_slice::<v1::Account>(&new_bytes).unwrap(),
        v1::Account {
            id: 8,
            name: "bob".into()
        }
    );
}

#[test]
fn shared_views_travel_between_threads() {
    let bytes = bytes::Bytes::from(flat::to_vec(&log(9)).unwrap());
    let shared = flat::Shared::<Log>::new(bytes).unwrap();
    let clone = shared.clone();
    let handle = std::thread::spawn(move || clone.view().userid().to_owned());
    assert_eq!(handle.join().unwrap(), "user9");
    assert_eq!(shared.view().code(), 209);
}

#[test]
fn the_same_types_still_speak_json() {
    let value = log(2);
    let json = zerospec::json::to_string(&value).unwrap();
    assert!(json.starts_with(r#"{"address":{"x0":10,"x1":0,"x2":2,"x3":255},"identity":"-""#));
    assert_eq!(zerospec::json::from_str::<Log>(&json).unwrap(), value);
    let event = Event::Login {
        user: "ada".into(),
        admin: false,
    };
    assert_eq!(
        zerospec::json::to_string(&event).unwrap(),
        r#"{"Login":{"user":"ada","admin":false}}"#
    );
}

#[derive(Encode, Decode, View, Debug, Clone, PartialEq)]
pub struct Blob {
    #[zerospec(bytes)]
    pub data: Vec<u8>,
    pub name: String,
}

#[test]
fn bytes_fields_in_every_format() {
    let blob = Blob {
        data: vec![0, 1, 255],
        name: "b".into(),
    };
    let bytes = flat::to_vec(&blob).unwrap();
    assert_eq!(flat::from_slice::<Blob>(&bytes).unwrap(), blob);
    let view = flat::view::<Blob>(&bytes).unwrap();
    assert_eq!(view.data().iter().collect::<Vec<u8>>(), [0, 1, 255]);
    assert_eq!(view.name(), "b");
    let packed = zerospec::msgpack::to_vec(&blob).unwrap();
    assert_eq!(&packed[..8], b"\x82\xa4data\xc4\x03");
    assert_eq!(
        zerospec::msgpack::from_slice::<Blob>(&packed).unwrap(),
        blob
    );
    let json = zerospec::json::to_string(&blob).unwrap();
    assert_eq!(json, r#"{"data":[0,1,255],"name":"b"}"#);
    assert_eq!(zerospec::json::from_str::<Blob>(&json).unwrap(), blob);
}

/// A string the derive does not recognise by its type's name, so a struct
/// holding it is written field by field: the reference for the measured path.
#[derive(Encode, Decode, Debug, Clone, PartialEq, Default)]
#[zerospec(transparent)]
pub struct Text(pub String);

/// Strings and inline values only: written measured first, into room grown once.
#[derive(Encode, Decode, View, Debug, Clone, PartialEq, Default)]
pub struct Measured {
    pub address: Address,
    pub name: String,
    pub boxed: Box<str>,
    #[zerospec(bytes)]
    pub data: Vec<u8>,
    pub code: u16,
    pub flag: bool,
    pub letter: char,
}

/// The same layout, written field by field.
#[derive(Encode, Debug, Clone, PartialEq, Default)]
pub struct FieldByField {
    pub address: Address,
    pub name: Text,
    pub boxed: Text,
    #[zerospec(bytes)]
    pub data: Vec<u8>,
    pub code: u16,
    pub flag: bool,
    pub letter: char,
}

#[test]
fn measured_tables_write_the_same_bytes_as_field_by_field() {
    let lengths = [
        0, 1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 127, 128, 200, 20_000,
    ];
    let mut measured = Vec::new();
    let mut reference = Vec::new();
    for (i, &len) in lengths.iter().enumerate() {
        let name: String = "é".repeat(len / 2) + &"x".repeat(len % 2);
        let boxed: String = "b".repeat(lengths[lengths.len() - 1 - i]);
        let data: Vec<u8> = (0..len).map(|b| b as u8).collect();
        let code = u16::try_from(i).unwrap();
        measured.push(Measured {
            address: Address {
                x0: 1,
                x1: 2,
                x2: 3,
                x3: code as u8,
            },
            name: name.clone(),
            boxed: boxed.clone().into(),
            data: data.clone(),
            code,
            flag: i % 2 == 0,
            letter: 'λ',
        });
        reference.push(FieldByField {
            address: Address {
                x0: 1,
                x1: 2,
                x2: 3,
                x3: code as u8,
            },
            name: Text(name),
            boxed: Text(boxed),
            data,
            code,
            flag: i % 2 == 0,
            letter: 'λ',
        });
    }
    for (one, same) in measured.iter().zip(&reference) {
        let bytes = flat::to_vec(one).unwrap();
        assert_eq!(bytes, flat::to_vec(same).unwrap(), "{one:?}");
        assert_eq!(flat::from_slice::<Measured>(&bytes).unwrap(), *one);
        assert_eq!(flat::view::<Measured>(&bytes).unwrap().to_owned(), *one);
    }
    // In a sequence, whose slots are reserved as the first table is written,
    // and appended after a message already in the buffer.
    let mut buf = flat::to_vec(&7u8).unwrap();
    flat::FlatEncoder::new(&mut buf).encode(&measured).unwrap();
    let mut expected = flat::to_vec(&7u8).unwrap();
    flat::FlatEncoder::new(&mut expected)
        .encode(&reference)
        .unwrap();
    assert_eq!(buf, expected);
    assert_eq!(
        flat::from_slice::<Vec<Measured>>(&buf[1..]).unwrap(),
        measured
    );
    // Inside a table that is not measured (it holds a sequence).
    let outer = (measured.clone(), 5u8);
    let bytes = flat::to_vec(&outer).unwrap();
    assert_eq!(bytes, flat::to_vec(&(reference.clone(), 5u8)).unwrap());
}

// `#[zerospec(fixed, zerocopy)]`: the same structs as plain `fixed` ones, whose
// sequences are written and read with one copy of their memory. The tests
// crate reaches zerocopy through zerospec's re-export, hence `crate = ...`.
mod raw {
    use zerospec::__private::zerocopy;
    use zerospec::{Decode, Encode, View};

    #[derive(
        Encode,
        Decode,
        View,
        Debug,
        Clone,
        Copy,
        PartialEq,
        zerocopy::IntoBytes,
        zerocopy::FromBytes,
        zerocopy::Immutable,
        zerocopy::KnownLayout,
    )]
    #[zerocopy(crate = "zerospec::__private::zerocopy")]
    #[repr(C)]
    #[zerospec(fixed, zerocopy)]
    pub struct Point {
        pub wide: u128,
        pub big: i64,
        pub n: usize,
        pub x: f32,
        pub id: u32,
        pub rgb: [u8; 4],
        pub k: i16,
        pub j: u16,
    }

    #[derive(Encode, Decode, View, Debug, Clone, Copy, PartialEq)]
    #[zerospec(fixed)]
    pub struct PlainPoint {
        pub wide: u128,
        pub big: i64,
        pub n: usize,
        pub x: f32,
        pub id: u32,
        pub rgb: [u8; 4],
        pub k: i16,
        pub j: u16,
    }

    /// A tuple struct of zerocopy structs.
    #[derive(
        Encode,
        Decode,
        Debug,
        Clone,
        Copy,
        PartialEq,
        zerocopy::IntoBytes,
        zerocopy::FromBytes,
        zerocopy::Immutable,
        zerocopy::KnownLayout,
    )]
    #[zerocopy(crate = "zerospec::__private::zerocopy")]
    #[repr(C)]
    #[zerospec(fixed, zerocopy)]
    pub struct Pair(pub Point, pub [f64; 2]);

    #[derive(Encode, Decode, Debug, Clone, Copy, PartialEq)]
    #[zerospec(fixed)]
    pub struct PlainPair(pub PlainPoint, pub [f64; 2]);

    /// zerocopy's derives, but not zerospec's flag: its memory is not known
    /// to be its slot, so a struct holding it is written slot by slot.
    #[derive(
        Encode,
        Decode,
        Debug,
        Clone,
        Copy,
        PartialEq,
        zerocopy::IntoBytes,
        zerocopy::FromBytes,
        zerocopy::Immutable,
        zerocopy::KnownLayout,
    )]
    #[zerocopy(crate = "zerospec::__private::zerocopy")]
    #[repr(C)]
    #[zerospec(fixed)]
    pub struct Unflagged {
        pub a: u16,
        pub b: u16,
    }

    #[derive(
        Encode,
        Decode,
        Debug,
        Clone,
        Copy,
        PartialEq,
        zerocopy::IntoBytes,
        zerocopy::FromBytes,
        zerocopy::Immutable,
        zerocopy::KnownLayout,
    )]
    #[zerocopy(crate = "zerospec::__private::zerocopy")]
    #[repr(C)]
    #[zerospec(fixed, zerocopy)]
    pub struct HoldsUnflagged {
        pub inner: Unflagged,
        pub c: u32,
    }

    #[derive(Encode, Decode, Debug, Clone, PartialEq)]
    pub struct Table {
        pub name: String,
        pub points: Vec<Point>,
        pub pairs: Vec<Pair>,
        pub floats: Vec<f32>,
        pub rows: Vec<[f64; 3]>,
        pub bytes: Vec<u8>,
        pub words: Vec<u64>,
    }

    #[derive(Encode, Decode, Debug, Clone, PartialEq)]
    pub struct PlainTable {
        pub name: String,
        pub points: Vec<PlainPoint>,
        pub pairs: Vec<PlainPair>,
        pub floats: Vec<f32>,
        pub rows: Vec<[f64; 3]>,
        pub bytes: Vec<u8>,
        pub words: Vec<u64>,
    }

    pub fn point(i: u32) -> Point {
        Point {
            x: i as f32 * 0.5 - 3.0,
            id: i.wrapping_mul(2_654_435_761),
            big: -(i64::from(i) << 40),
            rgb: [i as u8, 1, 2, 255],
            wide: u128::from(i) << 100 | 7,
            n: i as usize * 3,
            k: -(i as i16),
            j: i as u16 ^ 0x8001,
        }
    }

    pub fn plain(p: Point) -> PlainPoint {
        PlainPoint {
            x: p.x,
            id: p.id,
            big: p.big,
            rgb: p.rgb,
            wide: p.wide,
            n: p.n,
            k: p.k,
            j: p.j,
        }
    }
}

#[test]
fn zerocopy_structs_write_the_bytes_of_plain_fixed_ones() {
    use raw::*;
    // The flag holds only where memory and slot agree.
    assert_eq!(
        <Point as Encode>::RAW_INLINE,
        cfg!(all(target_endian = "little", target_pointer_width = "64"))
    );
    assert_eq!(<Point as Encode>::RAW_INLINE, <Point as Decode>::RAW_INLINE);
    assert_eq!(<Pair as Encode>::RAW_INLINE, <Point as Encode>::RAW_INLINE);
    const { assert!(!<PlainPoint as Encode>::RAW_INLINE) };
    const { assert!(!<HoldsUnflagged as Encode>::RAW_INLINE) };
    const { assert!(!<HoldsUnflagged as Decode>::RAW_INLINE) };
    const { assert!(!<bool as Encode>::RAW_INLINE && !<char as Decode>::RAW_INLINE) };

    for len in [0u32, 1, 2, 3, 100, 5000] {
        let points: Vec<Point> = (0..len).map(point).collect();
        let plains: Vec<PlainPoint> = points.iter().copied().map(plain).collect();
        let bytes = flat::to_vec(&points).unwrap();
        assert_eq!(bytes, flat::to_vec(&plains).unwrap(), "{len} points");
        assert_eq!(flat::from_slice::<Vec<Point>>(&bytes).unwrap(), points);
        let view = flat::view::<Vec<Point>>(&bytes).unwrap();
        assert_eq!(view.len(), points.len());
        if let Some(last) = points.last() {
            assert_eq!(view.get(points.len() - 1).unwrap().to_owned(), *last);
        }

        let pairs: Vec<Pair> = points
            .iter()
            .map(|&p| Pair(p, [p.x.into(), -1.5]))
            .collect();
        let plain_pairs: Vec<PlainPair> =
            pairs.iter().map(|p| PlainPair(plain(p.0), p.1)).collect();
        let bytes = flat::to_vec(&pairs).unwrap();
        assert_eq!(bytes, flat::to_vec(&plain_pairs).unwrap());
        assert_eq!(flat::from_slice::<Vec<Pair>>(&bytes).unwrap(), pairs);

        let held: Vec<HoldsUnflagged> = (0..len)
            .map(|i| HoldsUnflagged {
                inner: Unflagged {
                    a: i as u16,
                    b: !(i as u16),
                },
                c: i,
            })
            .collect();
        let bytes = flat::to_vec(&held).unwrap();
        let expected: Vec<(u16, u16, u32)> =
            held.iter().map(|h| (h.inner.a, h.inner.b, h.c)).collect();
        assert_eq!(bytes, flat::to_vec(&expected).unwrap());
        assert_eq!(
            flat::from_slice::<Vec<HoldsUnflagged>>(&bytes).unwrap(),
            held
        );
    }

    // Inside a table, after out-of-line values, and beside the numbers'
    // own one-copy sequences; appended after a message already in the buffer.
    let points: Vec<Point> = (0..7).map(point).collect();
    let table = Table {
        name: "mesh".into(),
        points: points.clone(),
        pairs: points.iter().map(|&p| Pair(p, [1.0, 2.0])).collect(),
        floats: vec![1.5, -2.0, f32::NAN.copysign(-1.0), 0.0],
        rows: vec![[1.0, 2.0, 3.0], [-0.0, f64::MAX, f64::MIN_POSITIVE]],
        bytes: (0..=255).collect(),
        words: vec![u64::MAX, 1, 1 << 63],
    };
    let plain_table = PlainTable {
        name: table.name.clone(),
        points: points.iter().copied().map(plain).collect(),
        pairs: points
            .iter()
            .map(|&p| PlainPair(plain(p), [1.0, 2.0]))
            .collect(),
        floats: table.floats.clone(),
        rows: table.rows.clone(),
        bytes: table.bytes.clone(),
        words: table.words.clone(),
    };
    let mut bytes = flat::to_vec(&9u16).unwrap();
    flat::FlatEncoder::new(&mut bytes).encode(&table).unwrap();
    let mut expected = flat::to_vec(&9u16).unwrap();
    flat::FlatEncoder::new(&mut expected)
        .encode(&plain_table)
        .unwrap();
    assert_eq!(bytes, expected);
    let back = flat::from_slice::<Table>(&bytes[2..]).unwrap();
    assert_eq!(back.points, table.points);
    assert_eq!(back.pairs, table.pairs);
    assert_eq!(back.rows, table.rows);
    assert_eq!(back.bytes, table.bytes);
    assert_eq!(back.words, table.words);
    let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&back.floats), bits(&table.floats));

    // The numbers' sequences are the layout the format pins.
    assert_eq!(
        flat::to_vec(&vec![1.5f32, -2.0]).unwrap(),
        [4, 0, 0, 0, 2, 0, 0, 0xc0, 0x3f, 0, 0, 0, 0xc0]
    );

    // Truncated or overlong counts fail as before, with no copy.
    let bytes = flat::to_vec(&points).unwrap();
    for cut in 0..bytes.len() {
        assert!(
            flat::from_slice::<Vec<Point>>(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }

    // Other formats are untouched.
    assert_eq!(
        zerospec::json::to_string(&points[..1]).unwrap(),
        zerospec::json::to_string(&[plain(points[0])]).unwrap()
    );
}

/// The flat format lays a type out from its declaration: a `Value` has none,
/// and says so, whole or as a field.
#[test]
fn value_has_no_flat_form() {
    let message = "`Value` has no flat form: the flat format lays out a type from its declaration; use JSON or MessagePack for schemaless data - at `$`";
    let value = zerospec::Value::from(3u8);
    assert_eq!(flat::to_vec(&value).unwrap_err().to_string(), message);
    let nested: zerospec::Value = zerospec::json::from_str(r#"{"a":[1,2]}"#).unwrap();
    assert_eq!(flat::to_vec(&nested).unwrap_err().to_string(), message);
    let bytes = flat::to_vec(&7u32).unwrap();
    let err = flat::from_slice::<zerospec::Value>(&bytes).unwrap_err();
    assert_eq!(err.to_string(), message);
    assert_eq!(err.kind(), zerospec::ErrorKind::Unsupported);
    let in_a_field = flat::to_vec(&(1u8, value)).unwrap_err();
    assert_eq!(in_a_field.to_string(), message.replace("`$`", "`$[1]`"));
}

/// Sequences of inline elements (fixed structs, numbers, zero-width ones)
/// iterate from both ends, in any mix, agreeing with `get` and counting down.
#[test]
fn inline_sequences_iterate_from_both_ends() {
    fn check<T>(values: &[T])
    where
        T: Encode + View + PartialEq + std::fmt::Debug + Clone,
        for<'a> T::View<'a>: PartialEq + std::fmt::Debug,
    {
        let bytes = flat::to_vec(&values.to_vec()).unwrap();
        let seq = flat::view::<Vec<T>>(&bytes).unwrap();
        let by_index: Vec<_> = (0..seq.len()).map(|i| seq.get(i).unwrap()).collect();
        assert_eq!(seq.iter().collect::<Vec<_>>(), by_index);
        let mut backwards = seq.iter().rev().collect::<Vec<_>>();
        backwards.reverse();
        assert_eq!(backwards, by_index);
        // Alternating ends.
        let mut iter = seq.iter();
        let (mut front, mut back) = (0, values.len());
        while front < back {
            assert_eq!(iter.len(), back - front);
            if front % 2 == 0 {
                assert_eq!(iter.next(), Some(by_index[front]));
                front += 1;
            } else {
                back -= 1;
                assert_eq!(iter.next_back(), Some(by_index[back]));
            }
        }
        assert_eq!((iter.len(), iter.next(), iter.next_back()), (0, None, None));
        assert_eq!(seq.get(values.len()), None);
        let owned: Vec<T> = seq.iter().map(T::from_view).collect();
        assert_eq!(owned, values);
    }
    let triangle = |i: u8| {
        let f = f32::from(i);
        let v = Vector3(f, f + 0.5, -f);
        Triangle {
            v0: v,
            v1: Vector3(1.0, 2.0, f),
            v2: v,
            normal: Vector3(0.0, 0.0, f),
        }
    };
    for len in [0u8, 1, 2, 3, 7] {
        check(&(0..len).map(triangle).collect::<Vec<_>>());
        check(
            &(0..len)
                .map(|i| Address {
                    x0: i,
                    x1: 200,
                    x2: 0,
                    x3: 255 - i,
                })
                .collect::<Vec<_>>(),
        );
        check(&(0..len).map(|i| u32::from(i) * 1000).collect::<Vec<_>>());
        check(&(0..len).map(|_| ()).collect::<Vec<_>>());
    }
}

/// Elements that are inline but point elsewhere (a tuple holding a `String`,
/// an `Option<String>`, an array of strings) are iterated with the
/// rest of the buffer in reach: the iterator once cut each element's view to
/// its slot, so `iter()` gave `""` where `get(i)` gave the string.
#[test]
fn iterating_inline_elements_that_point_elsewhere() {
    let pairs = vec![("ab".to_owned(), 1u8), ("cde".to_owned(), 2)];
    let bytes = flat::to_vec(&pairs).unwrap();
    let seq = flat::view::<Vec<(String, u8)>>(&bytes).unwrap();
    assert_eq!(seq.get(1), Some(("cde", 2)));
    assert_eq!(seq.iter().collect::<Vec<_>>(), [("ab", 1), ("cde", 2)]);
    assert_eq!(
        seq.iter().rev().collect::<Vec<_>>(),
        [("cde", 2), ("ab", 1)]
    );

    let names = vec![Some("x".to_owned()), None, Some("yz".to_owned())];
    let bytes = flat::to_vec(&names).unwrap();
    let seq = flat::view::<Vec<Option<String>>>(&bytes).unwrap();
    assert_eq!(
        seq.iter().collect::<Vec<_>>(),
        [Some("x"), None, Some("yz")]
    );

    let arrays = vec![["p".to_owned(), "q".to_owned()]];
    let bytes = flat::to_vec(&arrays).unwrap();
    let seq = flat::view::<Vec<[String; 2]>>(&bytes).unwrap();
    let inner = seq.iter().next().unwrap();
    assert_eq!(inner.iter().collect::<Vec<_>>(), ["p", "q"]);

    // Self-contained elements keep the exact-slot iterator.
    let flags = [
        <(u32, f64) as View>::INLINE_ONLY,
        <Option<[u16; 3]> as View>::INLINE_ONLY,
        <Vector3 as View>::INLINE_ONLY,
        <(String, u8) as View>::INLINE_ONLY,
        <Option<String> as View>::INLINE_ONLY,
    ];
    assert_eq!(flags, [true, true, true, false, false]);
}
