//! zerospec against rmp-serde on MessagePack: the JSON corpus models and the
//! log dataset, encoded with rmp-serde's named form and decoded back.
//!
//! ```text
//! cargo bench -p zerospec-benches --bench msgpack                  # everything (about a minute)
//! cargo bench -p zerospec-benches --bench msgpack -- msgpack-decode/ # only decoding
//! cargo run --release -p zerospec-benches --bin ratios             # the results as a markdown table
//! ```
//!
//! Each group (`msgpack-decode/log`, `msgpack-encode/twitter`, ...) runs both
//! libraries on the same bytes or the same value. Each decode group also
//! times a `floor`, the value cloned and dropped: the allocations any decoder
//! into the same owned types makes, with no parsing. Where a corpus file is
//! absent the benchmark prints `skipped:` and moves on.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use serde::Serialize;
use serde::de::DeserializeOwned;
use zerospec_benches::models::{canada::FeatureCollection, citm::CitmCatalog, twitter::Twitter};

fn main() {
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    bench_value(&mut c, "log", &zerospec_benches::log::dataset());
    bench_borrowed(&mut c);
    bench_corpus::<Twitter>(&mut c, "twitter");
    bench_corpus::<CitmCatalog>(&mut c, "citm_catalog");
    bench_corpus::<FeatureCollection>(&mut c, "canada");
    c.final_summary();
}

/// The log dataset decoded into `LogsRef`, whose strings borrow from the
/// input: both libraries then parse without allocating a string, which
/// separates the parser's cost from the allocator's.
fn bench_borrowed(c: &mut Criterion) {
    use zerospec_benches::log::LogsRef;
    let bytes =
        rmp_serde::to_vec_named(&zerospec_benches::log::dataset()).expect("rmp-serde encodes");
    let theirs: LogsRef<'_> = rmp_serde::from_slice(&bytes).expect("rmp-serde borrows");
    let ours: LogsRef<'_> = zerospec::msgpack::from_slice(&bytes).expect("zerospec borrows");
    assert_eq!(ours, theirs, "both read the same records");
    let mut group = c.benchmark_group("msgpack-decode/log-borrowed");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("rmp_serde", |b| {
        b.iter(|| rmp_serde::from_slice::<LogsRef<'_>>(black_box(&bytes)).unwrap());
    });
    group.bench_function("zerospec", |b| {
        b.iter(|| zerospec::msgpack::from_slice::<LogsRef<'_>>(black_box(&bytes)).unwrap());
    });
    group.finish();
}

fn bench_corpus<T>(c: &mut Criterion, name: &str)
where
    T: Serialize + DeserializeOwned + zerospec::Encode + zerospec::DecodeOwned + Clone,
{
    let Some(json) = zerospec_benches::read_corpus(name) else {
        let path = zerospec_benches::corpus_path(name);
        println!("skipped: {} not found (set ZEROSPEC_DATA)", path.display());
        return;
    };
    let value: T = serde_json::from_slice(&json).expect("serde_json decodes the corpus");
    bench_value(c, name, &value);
}

fn bench_value<T>(c: &mut Criterion, name: &str, value: &T)
where
    T: Serialize + DeserializeOwned + zerospec::Encode + zerospec::DecodeOwned + Clone,
{
    let bytes = rmp_serde::to_vec_named(value).expect("rmp-serde encodes");
    assert_eq!(
        zerospec::msgpack::to_vec(value).expect("zerospec encodes"),
        bytes,
        "{name}: zerospec and rmp-serde write the same bytes"
    );

    let mut group = c.benchmark_group(format!("msgpack-decode/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("rmp_serde", |b| {
        b.iter(|| rmp_serde::from_slice::<T>(black_box(&bytes)).unwrap());
    });
    group.bench_function("zerospec", |b| {
        b.iter(|| zerospec::msgpack::from_slice::<T>(black_box(&bytes)).unwrap());
    });
    // No parsing at all: a copy of the value, made and dropped. Any decoder
    // into these owned types makes the same allocations and copies the same
    // bytes, so this bounds how fast one can be on this machine's allocator.
    group.bench_function("floor", |b| {
        b.iter(|| black_box(value).clone());
    });
    group.finish();

    let mut group = c.benchmark_group(format!("msgpack-encode/{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("rmp_serde", |b| {
        b.iter(|| rmp_serde::to_vec_named(black_box(value)).unwrap());
    });
    group.bench_function("zerospec", |b| {
        b.iter(|| zerospec::msgpack::to_vec(black_box(value)).unwrap());
    });
    // Hot loops keep one buffer, so the allocation of the output is not measured.
    let mut buf = Vec::with_capacity(bytes.len());
    group.bench_function("rmp_serde (reused buffer)", |b| {
        b.iter(|| {
            buf.clear();
            value
                .serialize(&mut rmp_serde::Serializer::new(&mut buf).with_struct_map())
                .unwrap();
            black_box(buf.len())
        });
    });
    group.bench_function("zerospec (reused buffer)", |b| {
        b.iter(|| {
            buf.clear();
            zerospec::msgpack::MsgPackEncoder::new(&mut buf)
                .encode(black_box(value))
                .unwrap();
            black_box(buf.len())
        });
    });
    group.finish();
}
