//! zerospec against serde_json, sonic-rs and simd-json on the JSON corpus,
//! decoding into the typed models of `zerospec_benches::models` and encoding
//! them back. serde_json is the peer the JSON issue set targets against;
//! sonic-rs and simd-json are the fastest serde-compatible decoders in Rust,
//! used through their serde APIs on the same types. simd-json parses in place,
//! so each of its runs first copies the input into a buffer kept from run to
//! run, as a caller holding only `&[u8]` must.
//!
//! ```text
//! cargo bench -p zerospec-benches --bench json              # everything (about 2.5 minutes)
//! cargo bench -p zerospec-benches --bench json -- decode/    # only decoding
//! cargo run --release -p zerospec-benches --bin ratios       # the results as a markdown table
//! ```
//!
//! sonic-rs uses SIMD only when built for the running CPU, so the README also
//! gives a second build, the same for every library:
//!
//! ```text
//! CARGO_TARGET_DIR=target/native RUSTFLAGS="-C target-cpu=native" \
//!     cargo bench -p zerospec-benches --bench json
//! cargo run --release -p zerospec-benches --bin ratios target/native/criterion
//! ```
//!
//! Each group (`decode/twitter`, `encode/canada`, ...) runs every library on the
//! same bytes or the same value, so criterion's report compares them directly.
//! Function ids are `<library>` or `<library> (<variant>)`; the `ratios` binary
//! pairs zerospec with each peer by variant. Where a corpus file is absent the
//! benchmark prints `skipped:` and moves on.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec_benches::models::{canada::FeatureCollection, citm::CitmCatalog, twitter::Twitter};

fn main() {
    // Short runs: the corpus is large enough that 20 samples give tight intervals.
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    bench_file::<Twitter>(&mut c, "twitter");
    bench_file::<CitmCatalog>(&mut c, "citm_catalog");
    bench_file::<FeatureCollection>(&mut c, "canada");
    c.final_summary();
}

fn bench_file<T>(c: &mut Criterion, name: &str)
where
    T: Serialize + DeserializeOwned + PartialEq + zerospec::Encode + zerospec::DecodeOwned,
{
    let Some(bytes) = zerospec_benches::read_corpus(name) else {
        let path = zerospec_benches::corpus_path(name);
        println!("skipped: {} not found (set ZEROSPEC_DATA)", path.display());
        return;
    };
    let value: T = serde_json::from_slice(&bytes).expect("serde_json decodes the corpus");
    // The peers are timed on the same work: each decodes the file to the
    // value zerospec decodes. serde_json's default float parser is not
    // correctly rounded (its `float_roundtrip` feature is), and on
    // `canada.json` about one float in nine comes out a unit in the last
    // place off, so its value is only reported when it differs.
    let ours = zerospec::json::from_slice::<T>(&bytes).unwrap();
    assert!(sonic_rs::from_slice::<T>(&bytes).unwrap() == ours);
    assert!(simd_json::serde::from_slice::<T>(&mut bytes.clone()).unwrap() == ours);
    if value != ours {
        println!("note: serde_json decodes {name} to a different value (float rounding)");
    }

    let mut group = c.benchmark_group(format!("decode/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("serde_json", |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(&bytes)).unwrap());
    });
    group.bench_function("zerospec", |b| {
        b.iter(|| zerospec::json::from_slice::<T>(black_box(&bytes)).unwrap());
    });
    group.bench_function("sonic-rs", |b| {
        b.iter(|| sonic_rs::from_slice::<T>(black_box(&bytes)).unwrap());
    });
    let mut scratch = bytes.clone();
    group.bench_function("simd-json", |b| {
        b.iter(|| {
            scratch.copy_from_slice(black_box(&bytes));
            simd_json::serde::from_slice::<T>(&mut scratch).unwrap()
        });
    });
    group.finish();

    // Throughput of encoding counts the bytes written.
    let encoded_len = serde_json::to_vec(&value).unwrap().len();
    let mut group = c.benchmark_group(format!("encode/{name}"));
    group.throughput(Throughput::Bytes(encoded_len as u64));
    group.bench_function("serde_json", |b| {
        b.iter(|| serde_json::to_vec(black_box(&value)).unwrap());
    });
    group.bench_function("zerospec", |b| {
        b.iter(|| zerospec::json::to_vec(black_box(&value)).unwrap());
    });
    group.bench_function("sonic-rs", |b| {
        b.iter(|| sonic_rs::to_vec(black_box(&value)).unwrap());
    });
    group.bench_function("simd-json", |b| {
        b.iter(|| simd_json::serde::to_vec(black_box(&value)).unwrap());
    });
    // `to_string`, the API most serde_json callers use, writes through the
    // `String` buffer's own paths.
    group.bench_function("serde_json (String)", |b| {
        b.iter(|| serde_json::to_string(black_box(&value)).unwrap());
    });
    group.bench_function("zerospec (String)", |b| {
        b.iter(|| zerospec::json::to_string(black_box(&value)).unwrap());
    });
    // Hot loops keep one buffer, so the allocation of the output is not measured.
    let mut buf = Vec::with_capacity(encoded_len);
    group.bench_function("serde_json (reused buffer)", |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&value)).unwrap();
            black_box(buf.len())
        });
    });
    group.bench_function("zerospec (reused buffer)", |b| {
        b.iter(|| {
            buf.clear();
            zerospec::json::append_to_vec(&mut buf, black_box(&value)).unwrap();
            black_box(buf.len())
        });
    });
    group.finish();
}
