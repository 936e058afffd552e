//! Runs one operation on one dataset a few times, for instruction counts
//! under `valgrind --tool=callgrind`, which stay the same however loaded the
//! machine is.
//!
//! ```text
//! cargo build --release -p zerospec-benches --bin once
//! valgrind --tool=callgrind target/release/once zerospec json decode canada 3
//! valgrind --tool=callgrind target/release/once peer msgpack decode log 3
//! ```
//!
//! `peer` is serde_json for `json` and rmp-serde (named form) for `msgpack`;
//! `floor` (with `decode`) clones the value instead, the allocations and
//! copies any decoder into it makes.
//! Subtract a run with a count of 0 to leave out the set-up.

use zerospec_benches::models::{canada::FeatureCollection, citm::CitmCatalog, twitter::Twitter};

const USAGE: &str =
    "usage: once <peer|zerospec|floor> <json|msgpack> <decode|encode> <file|log> [times]";

/// Runs `op` `times` times. JSON decodes the corpus file as it is (`raw`,
/// whitespace and all, as the criterion benchmark does) where there is one.
fn run<T>(lib: &str, format: &str, op: &str, value: &T, raw: Option<Vec<u8>>, times: usize)
where
    T: serde::Serialize
        + serde::de::DeserializeOwned
        + zerospec::Encode
        + zerospec::DecodeOwned
        + Clone,
{
    let bytes = match format {
        "json" => raw.unwrap_or_else(|| serde_json::to_vec(value).expect("encodes")),
        "msgpack" => rmp_serde::to_vec_named(value).expect("encodes"),
        _ => panic!("{USAGE}"),
    };
    for _ in 0..times {
        match (lib, format, op) {
            ("peer", "json", "decode") => drop(std::hint::black_box(
                serde_json::from_slice::<T>(&bytes).unwrap(),
            )),
            ("zerospec", "json", "decode") => drop(std::hint::black_box(
                zerospec::json::from_slice::<T>(&bytes).unwrap(),
            )),
            ("peer", "json", "encode") => {
                drop(std::hint::black_box(serde_json::to_vec(value).unwrap()));
            }
            ("zerospec", "json", "encode") => {
                drop(std::hint::black_box(zerospec::json::to_vec(value).unwrap()));
            }
            ("peer", "msgpack", "decode") => drop(std::hint::black_box(
                rmp_serde::from_slice::<T>(&bytes).unwrap(),
            )),
            ("zerospec", "msgpack", "decode") => drop(std::hint::black_box(
                zerospec::msgpack::from_slice::<T>(&bytes).unwrap(),
            )),
            ("peer", "msgpack", "encode") => {
                drop(std::hint::black_box(
                    rmp_serde::to_vec_named(value).unwrap(),
                ));
            }
            ("zerospec", "msgpack", "encode") => drop(std::hint::black_box(
                zerospec::msgpack::to_vec(value).unwrap(),
            )),
            // The floor of the decode benchmarks: the value copied, no parsing.
            ("floor", _, "decode") => drop(std::hint::black_box(value).clone()),
            _ => panic!("{USAGE}"),
        }
    }
}

/// Decodes the log dataset into `LogsRef`, whose strings borrow from the input.
fn borrowed(lib: &str, format: &str, times: usize) {
    use zerospec_benches::log::LogsRef;
    let logs = zerospec_benches::log::dataset();
    let bytes = match format {
        "json" => serde_json::to_vec(&logs).expect("encodes"),
        _ => rmp_serde::to_vec_named(&logs).expect("encodes"),
    };
    for _ in 0..times {
        let decoded: LogsRef<'_> = match (lib, format) {
            ("peer", "json") => serde_json::from_slice(&bytes).unwrap(),
            ("zerospec", "json") => zerospec::json::from_slice(&bytes).unwrap(),
            ("peer", _) => rmp_serde::from_slice(&bytes).unwrap(),
            _ => zerospec::msgpack::from_slice(&bytes).unwrap(),
        };
        drop(std::hint::black_box(decoded));
    }
}

fn corpus<T>(lib: &str, format: &str, op: &str, file: &str, times: usize) -> bool
where
    T: serde::Serialize
        + serde::de::DeserializeOwned
        + zerospec::Encode
        + zerospec::DecodeOwned
        + Clone,
{
    let Some(bytes) = zerospec_benches::read_corpus(file) else {
        return false;
    };
    let value: T = serde_json::from_slice(&bytes).expect("corpus decodes");
    run(lib, format, op, &value, Some(bytes), times);
    true
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lib, format, op, file, rest @ ..] = args.as_slice() else {
        panic!("{USAGE}");
    };
    let times = rest.first().map_or(1, |t| t.parse().expect("a count"));
    let (lib, format, op) = (lib.as_str(), format.as_str(), op.as_str());
    let ran = match file.as_str() {
        "log" => {
            run(
                lib,
                format,
                op,
                &zerospec_benches::log::dataset(),
                None,
                times,
            );
            true
        }
        "log-borrowed" => {
            borrowed(lib, format, times);
            true
        }
        "twitter" => corpus::<Twitter>(lib, format, op, file, times),
        "citm_catalog" => corpus::<CitmCatalog>(lib, format, op, file, times),
        "canada" => corpus::<FeatureCollection>(lib, format, op, file, times),
        _ => panic!("{USAGE}"),
    };
    if !ran {
        println!("skipped: {file} is absent");
    }
}
