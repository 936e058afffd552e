//! Runs one flat-format operation a number of times, for instruction counts
//! under `valgrind --tool=callgrind`, which stay the same however loaded the
//! machine is.
//!
//! ```text
//! cargo build --release -p zerospec-benches --bin flat_once
//! valgrind --tool=callgrind target/release/flat_once zerospec serialize mesh 10
//! ```
//!
//! Libraries: `zerospec`, `rkyv`. Operations: `serialize`, `access`, `read`,
//! `strings` (`log` only), `deserialize`, as in `benches/flat.rs`. Datasets:
//! `log`, `mesh`.
//! Subtract a run with a count of 0 to leave out the set-up. With
//! `FLAT_ONCE_TIME=1` it prints the fastest of the runs' wall-clock times
//! instead, a quick A/B check steadier than a mean on a loaded machine; with
//! `FLAT_ONCE_BATCH=k` as well, each timed run repeats the operation `k` times
//! and the time printed is per operation, for operations (such as `access
//! mesh`) shorter than the clock's own overhead.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rkyv::rancor;
use zerospec_benches::flat_data::{self, ArchivedLogs, ArchivedMesh, Logs, Mesh};
use zerospec_benches::flat_ops::{
    Buffers, read_log_rkyv, read_log_strings_rkyv, read_log_strings_zerospec, read_log_zerospec,
    read_mesh_rkyv, read_mesh_zerospec,
};

const USAGE: &str = "usage: flat_once <zerospec|rkyv> <serialize|access|read|strings|deserialize> <log|mesh> [times]";

/// `fn $name(lib, op, times)`: the operations on one dataset, of type
/// `$root` (archived by rkyv as `$archived`), read by `$read_zerospec` and
/// `$read_rkyv`.
macro_rules! dataset {
    (
        $name:ident, $make:path, $root:ty, $archived:ty, $read_zerospec:path, $read_rkyv:path
        $(, $strings_zerospec:path, $strings_rkyv:path)?
    ) => {
        fn $name(lib: &str, op: &str, times: usize) {
            let value = $make();
            let bytes = zerospec::flat::to_vec(&value).expect("encodes");
            let archived = rkyv::to_bytes::<rancor::Error>(&value).expect("encodes");
            let mut buffers = Buffers::with_capacity(bytes.len().max(archived.len()));
            let timer = Timer::new();
            match (lib, op) {
                ("zerospec", "serialize") => timer.run(times, || {
                    black_box(buffers.zerospec(&value));
                }),
                ("rkyv", "serialize") => timer.run(times, || {
                    black_box(buffers.rkyv(&value));
                }),
                ("zerospec", "access") => timer.run(times, || {
                    black_box(zerospec::flat::view::<$root>(black_box(&bytes)).unwrap());
                }),
                ("rkyv", "access") => timer.run(times, || {
                    black_box(
                        rkyv::access::<$archived, rancor::Error>(black_box(&archived)).unwrap(),
                    );
                }),
                ("zerospec", "read") => timer.run(times, || $read_zerospec(&bytes)),
                ("rkyv", "read") => timer.run(times, || $read_rkyv(&archived)),
                $(
                    ("zerospec", "strings") => timer.run(times, || $strings_zerospec(&bytes)),
                    ("rkyv", "strings") => timer.run(times, || $strings_rkyv(&archived)),
                )?
                ("zerospec", "deserialize") => timer.run(times, || {
                    black_box(zerospec::flat::from_slice::<$root>(black_box(&bytes)).unwrap());
                }),
                ("rkyv", "deserialize") => timer.run(times, || {
                    black_box(
                        rkyv::from_bytes::<$root, rancor::Error>(black_box(&archived)).unwrap(),
                    );
                }),
                _ => panic!("{USAGE}"),
            }
            .report(lib, op, stringify!($name));
        }
    };
}

dataset!(
    log,
    flat_data::log_dataset,
    Logs,
    ArchivedLogs,
    read_log_zerospec,
    read_log_rkyv,
    read_log_strings_zerospec,
    read_log_strings_rkyv
);
dataset!(
    mesh,
    flat_data::mesh_dataset,
    Mesh,
    ArchivedMesh,
    read_mesh_zerospec,
    read_mesh_rkyv
);

/// The fastest run, when `FLAT_ONCE_TIME` is set.
struct Timer {
    enabled: bool,
    /// How many times each timed run repeats the operation.
    batch: usize,
    best: Duration,
}

impl Timer {
    fn new() -> Self {
        Timer {
            enabled: std::env::var_os("FLAT_ONCE_TIME").is_some(),
            batch: std::env::var("FLAT_ONCE_BATCH")
                .ok()
                .map_or(1, |k| k.parse().expect("a batch size")),
            best: Duration::MAX,
        }
    }

    /// Runs `op` `times` times (each a batch), keeping the fastest.
    fn run(mut self, times: usize, mut op: impl FnMut()) -> Self {
        for _ in 0..times {
            let started = self.enabled.then(Instant::now);
            for _ in 0..self.batch {
                op();
            }
            if let Some(started) = started {
                self.best = self.best.min(started.elapsed());
            }
        }
        self
    }

    fn report(&self, lib: &str, op: &str, data: &str) {
        if self.enabled {
            // Precision: batches are far below 2^52.
            #[allow(clippy::cast_precision_loss)]
            let per_op = self.best.as_secs_f64() / self.batch as f64;
            println!("{lib} {op} {data}: {:.4} us", per_op * 1e6);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lib, op, data, rest @ ..] = args.as_slice() else {
        panic!("{USAGE}");
    };
    let times = rest.first().map_or(1, |t| t.parse().expect("a count"));
    match data.as_str() {
        "log" => log(lib, op, times),
        "mesh" => mesh(lib, op, times),
        _ => panic!("{USAGE}"),
    }
}
