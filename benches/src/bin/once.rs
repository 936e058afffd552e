//! Runs one operation on one corpus file a few times, for instruction counts
//! under `valgrind --tool=callgrind`, which stay the same however loaded the
//! machine is.
//!
//! ```text
//! cargo build --release -p zerospec-benches --bin once
//! valgrind --tool=callgrind target/release/once zerospec decode canada 3
//! ```

use zerospec_benches::models::{canada::FeatureCollection, citm::CitmCatalog, twitter::Twitter};

fn run<T>(lib: &str, op: &str, bytes: &[u8], times: usize)
where
    T: serde::Serialize + serde::de::DeserializeOwned + zerospec::Encode + zerospec::DecodeOwned,
{
    let value: T = serde_json::from_slice(bytes).expect("corpus decodes");
    for _ in 0..times {
        match (lib, op) {
            ("serde_json", "decode") => drop(std::hint::black_box(
                serde_json::from_slice::<T>(bytes).unwrap(),
            )),
            ("zerospec", "decode") => drop(std::hint::black_box(
                zerospec::json::from_slice::<T>(bytes).unwrap(),
            )),
            ("serde_json", "encode") => {
                drop(std::hint::black_box(serde_json::to_vec(&value).unwrap()))
            }
            ("zerospec", "encode") => drop(std::hint::black_box(
                zerospec::json::to_vec(&value).unwrap(),
            )),
            _ => panic!("usage: once <serde_json|zerospec> <decode|encode> <file> [times]"),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lib, op, file, rest @ ..] = args.as_slice() else {
        panic!("usage: once <serde_json|zerospec> <decode|encode> <file> [times]");
    };
    let times = rest.first().map_or(1, |t| t.parse().expect("a count"));
    let Some(bytes) = zerospec_benches::read_corpus(file) else {
        println!("skipped: {file} is absent");
        return;
    };
    match file.as_str() {
        "twitter" => run::<Twitter>(lib, op, &bytes, times),
        "citm_catalog" => run::<CitmCatalog>(lib, op, &bytes, times),
        "canada" => run::<FeatureCollection>(lib, op, &bytes, times),
        _ => panic!("unknown file {file}"),
    }
}
