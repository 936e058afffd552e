//! zerospec's flat format against rkyv (validated access) and bitcode, on the
//! `log` and `mesh` datasets of rust_serialization_benchmark.
//!
//! ```text
//! cargo bench -p zerospec-benches --bench flat                 # everything (about a minute)
//! cargo bench -p zerospec-benches --bench flat -- flat-access/ # only opening views
//! ```
//!
//! Groups, per dataset:
//!
//! - `flat-serialize/<data>`: zerospec, rkyv and bitcode each write the value
//!   into a reused buffer;
//! - `flat-access/<data>`: validate the bytes and open the root: zerospec's
//!   `flat::view`, rkyv's `access::<Archived…, rancor::Error>`;
//! - `flat-read/<data>`: the same, then read every record (`log`: address,
//!   code and size, as rust_serialization_benchmark reads it; `mesh`: all
//!   twelve floats of every triangle);
//! - `flat-read-strings/log`: the same, reading the four strings of every
//!   record instead (a view checks text it hands out; rkyv does not);
//! - `flat-deserialize/<data>`: an owned value back, all three.
//!
//! The sizes are printed first.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use rkyv::rancor;
use rkyv::util::AlignedVec;
use zerospec_benches::flat_data::{self, ArchivedLogs, ArchivedMesh, Logs, Mesh};
use zerospec_benches::flat_ops::{
    Buffers, RkyvSerialize, read_log_rkyv, read_log_strings_rkyv, read_log_strings_zerospec,
    read_log_zerospec, read_mesh_rkyv, read_mesh_zerospec,
};

fn main() {
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let logs = flat_data::log_dataset();
    let mesh = flat_data::mesh_dataset();
    print_sizes("log", &logs);
    print_sizes("mesh", &mesh);
    bench_log(&mut c, &logs);
    bench_mesh(&mut c, &mesh);
    c.final_summary();
}

fn zerospec_bytes<T: zerospec::Encode>(value: &T) -> Vec<u8> {
    zerospec::flat::to_vec(value).expect("zerospec encodes")
}

fn rkyv_bytes<T: RkyvSerialize>(value: &T) -> AlignedVec {
    rkyv::to_bytes::<rancor::Error>(value).expect("rkyv encodes")
}

fn print_sizes<T>(name: &str, value: &T)
where
    T: zerospec::Encode + bitcode::Encode + RkyvSerialize,
{
    let zerospec = zerospec_bytes(value).len();
    let rkyv = rkyv_bytes(value).len();
    let bitcode = bitcode::encode(value).len();
    #[allow(clippy::cast_precision_loss)]
    let ratio = zerospec as f64 / rkyv as f64;
    println!(
        "size/{name}: zerospec {zerospec} bytes, rkyv {rkyv} bytes ({ratio:.3}x), bitcode {bitcode} bytes"
    );
}

/// Serializes `value` three ways, each into a buffer reused across iterations.
fn bench_serialize<T>(c: &mut Criterion, name: &str, value: &T, len: usize)
where
    T: zerospec::Encode + bitcode::Encode + RkyvSerialize,
{
    let mut group = c.benchmark_group(format!("flat-serialize/{name}"));
    group.throughput(Throughput::Bytes(len as u64));
    let mut buffers = Buffers::with_capacity(len);
    group.bench_function("zerospec", |b| {
        b.iter(|| black_box(buffers.zerospec(value)));
    });
    group.bench_function("rkyv", |b| {
        b.iter(|| black_box(buffers.rkyv(value)));
    });
    let mut buffer = bitcode::Buffer::new();
    group.bench_function("bitcode", |b| {
        b.iter(|| black_box(buffer.encode(value).len()));
    });
    group.finish();
}

fn bench_log(c: &mut Criterion, logs: &Logs) {
    let bytes = zerospec_bytes(logs);
    let archived = rkyv_bytes(logs);
    let packed = bitcode::encode(logs);
    bench_serialize(c, "log", logs, bytes.len());

    // The views agree with rkyv's archive before anything is timed.
    let view = zerospec::flat::view::<Logs>(&bytes).unwrap();
    let access = rkyv::access::<ArchivedLogs, rancor::Error>(&archived).unwrap();
    assert_eq!(view.logs().len(), access.logs.len());
    for (ours, theirs) in view.logs().iter().zip(access.logs.iter()) {
        assert_eq!(ours.code(), theirs.code.to_native());
        assert_eq!(ours.request(), theirs.request.as_str());
    }
    assert_eq!(view.to_owned(), *logs);

    let mut group = c.benchmark_group("flat-access/log");
    group.bench_function("zerospec", |b| {
        b.iter(|| black_box(zerospec::flat::view::<Logs>(black_box(&bytes)).unwrap()));
    });
    group.bench_function("rkyv", |b| {
        b.iter(|| {
            black_box(rkyv::access::<ArchivedLogs, rancor::Error>(black_box(&archived)).unwrap())
        });
    });
    group.finish();

    let mut group = c.benchmark_group("flat-read/log");
    group.bench_function("zerospec", |b| b.iter(|| read_log_zerospec(&bytes)));
    group.bench_function("rkyv", |b| b.iter(|| read_log_rkyv(&archived)));
    group.finish();

    let mut group = c.benchmark_group("flat-read-strings/log");
    group.bench_function("zerospec", |b| {
        b.iter(|| read_log_strings_zerospec(&bytes));
    });
    group.bench_function("rkyv", |b| b.iter(|| read_log_strings_rkyv(&archived)));
    group.finish();

    let mut group = c.benchmark_group("flat-deserialize/log");
    group.bench_function("zerospec", |b| {
        b.iter(|| black_box(zerospec::flat::from_slice::<Logs>(black_box(&bytes)).unwrap()));
    });
    group.bench_function("rkyv", |b| {
        b.iter(|| {
            black_box(rkyv::from_bytes::<Logs, rancor::Error>(black_box(&archived)).unwrap())
        });
    });
    group.bench_function("bitcode", |b| {
        b.iter(|| black_box(bitcode::decode::<Logs>(black_box(&packed)).unwrap()));
    });
    group.finish();
}

fn bench_mesh(c: &mut Criterion, mesh: &Mesh) {
    let bytes = zerospec_bytes(mesh);
    let archived = rkyv_bytes(mesh);
    let packed = bitcode::encode(mesh);
    bench_serialize(c, "mesh", mesh, bytes.len());

    let view = zerospec::flat::view::<Mesh>(&bytes).unwrap();
    let access = rkyv::access::<ArchivedMesh, rancor::Error>(&archived).unwrap();
    assert_eq!(view.triangles().len(), access.triangles.len());
    assert_eq!(view.to_owned(), *mesh);

    let mut group = c.benchmark_group("flat-access/mesh");
    group.bench_function("zerospec", |b| {
        b.iter(|| black_box(zerospec::flat::view::<Mesh>(black_box(&bytes)).unwrap()));
    });
    group.bench_function("rkyv", |b| {
        b.iter(|| {
            black_box(rkyv::access::<ArchivedMesh, rancor::Error>(black_box(&archived)).unwrap())
        });
    });
    group.finish();

    let mut group = c.benchmark_group("flat-read/mesh");
    group.bench_function("zerospec", |b| b.iter(|| read_mesh_zerospec(&bytes)));
    group.bench_function("rkyv", |b| b.iter(|| read_mesh_rkyv(&archived)));
    group.finish();

    let mut group = c.benchmark_group("flat-deserialize/mesh");
    group.bench_function("zerospec", |b| {
        b.iter(|| black_box(zerospec::flat::from_slice::<Mesh>(black_box(&bytes)).unwrap()));
    });
    group.bench_function("rkyv", |b| {
        b.iter(|| {
            black_box(rkyv::from_bytes::<Mesh, rancor::Error>(black_box(&archived)).unwrap())
        });
    });
    group.bench_function("bitcode", |b| {
        b.iter(|| black_box(bitcode::decode::<Mesh>(black_box(&packed)).unwrap()));
    });
    group.finish();
}
