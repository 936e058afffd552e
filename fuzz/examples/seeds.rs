//! Writes a starting corpus for each target into `<dir>/{json,msgpack,flat}`:
//! `cargo run --example seeds -- <dir>` (see `README.md`).

use std::collections::BTreeMap;
use std::path::Path;

use zerospec::{ByteBuf, Encode, Value};
use zerospec_fuzz::{Either, Inner, Kind, Record, Shape, Step};
use zerospec_tests::models::{Event, Level, item, log};

fn record(id: u64, next: Option<Box<Record<'static>>>) -> Record<'static> {
    let even = id.is_multiple_of(2);
    Record {
        id,
        small: -3,
        ratio: 0.5,
        half: 1.5,
        name: "né".into(),
        tag: "t".into(),
        note: Some("n".into()),
        flags: vec![true, false],
        scores: BTreeMap::from([("a".into(), 1)]),
        names: BTreeMap::from([(7, "seven".into())]),
        shape: if even {
            Shape::Circle { r: 2.0 }
        } else {
            Shape::Pair(-1, 2)
        },
        kind: if even {
            Kind::Point { x: 1, y: 2 }
        } else {
            Kind::Named(Inner {
                label: "l".into(),
                count: 3,
            })
        },
        step: if even {
            Step::Go(3)
        } else {
            Step::Turn { left: true }
        },
        either: Either::List(vec![Either::Number(1), Either::Text("a".into())]),
        pair: (9, 'c'),
        fixed: [1, 2, 3, 4],
        next,
        raw: vec![255, 0],
        blob: ByteBuf::from(vec![0, 1]),
        value: zerospec::json::from_slice::<Value>(br#"{"k":[1,2.5,null,true,"s"]}"#)
            .expect("valid"),
        rest: BTreeMap::from([("other".into(), Value::Bool(true))]),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).expect("corpus folder");
    std::fs::write(dir.join(name), bytes).expect("seed written");
}

fn main() {
    let root = std::env::args().nth(1).expect("usage: seeds <dir>");
    let root = Path::new(&root);
    let value = record(2, Some(Box::new(record(1, None))));
    write(
        &root.join("json"),
        "record",
        &zerospec::json::to_vec(&value).expect("json"),
    );
    write(
        &root.join("msgpack"),
        "record",
        &zerospec::msgpack::to_vec(&value).expect("msgpack"),
    );
    let item = item();
    let events = vec![
        Event::Ping,
        Event::Message("m".into()),
        Event::Move(1, -1),
        Event::Login {
            user: "u".into(),
            admin: true,
        },
    ];
    let dir = root.join("flat");
    write(&dir, "logs", &flat(&(0..3).map(log).collect::<Vec<_>>()));
    write(&dir, "item", &flat(&item));
    write(&dir, "boxed", &flat(&Some(Box::new(item.clone()))));
    write(&dir, "events", &flat(&events));
    write(&dir, "levels", &flat(&vec![Level::Info, Level::Error]));
    write(
        &dir,
        "tuple",
        &flat(&(Some("s".to_owned()), [1u16, 2, 3], 'é', true)),
    );
    let map = BTreeMap::from([(1u32, vec!["a".to_owned()]), (5, vec![])]);
    write(&dir, "map", &flat(&map));
}

fn flat<T: Encode + ?Sized>(value: &T) -> Vec<u8> {
    zerospec::flat::to_vec(value).expect("flat")
}
