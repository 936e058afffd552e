//! Turns criterion's saved results into a markdown table of zerospec against its
//! peers, with the speed-up of zerospec over each.
//!
//! ```text
//! cargo bench -p zerospec-benches --bench json
//! cargo run --release -p zerospec-benches --bin ratios [CRITERION_DIR]
//! ```
//!
//! `CRITERION_DIR` defaults to `$CARGO_TARGET_DIR/criterion`, else the workspace's
//! `target/criterion`. Each `<group>/<function>/new/` directory there holds
//! `benchmark.json` (ids and throughput) and `estimates.json` (timings). Function
//! ids are `<library>` or `<library> (<variant>)`; zerospec is compared with
//! every other library that ran the same group and variant. The time used is
//! criterion's headline estimate: the slope of the linear fit, else the mean.
//!
//! A group may also hold a `floor`: the least work any library could do there
//! (for decoding into owned types, a copy of the value, which makes the same
//! allocations). Floors are not peers: a second table gives, for each, how
//! many times the peer's time it is (the most any speed-up there can be) and
//! how many times zerospec's time is the floor's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// One measured function of one group.
struct Measurement {
    /// Seconds per iteration.
    seconds: f64,
    /// Bytes per iteration, when the group declared a throughput.
    bytes: Option<u64>,
}

/// The function id of a group's floor.
const FLOOR: &str = "floor";

/// `(group, variant)` → library → measurement.
type Results = BTreeMap<(String, String), BTreeMap<String, Measurement>>;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(default_dir, PathBuf::from);
    let results = match load(&dir) {
        Ok(results) if !results.is_empty() => results,
        Ok(_) => {
            eprintln!(
                "no criterion results under {}; run `cargo bench -p zerospec-benches` first",
                dir.display()
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("cannot read {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    print!("{}", table(&results));
    let floors = floors(&results);
    if !floors.is_empty() {
        print!("\n{floors}");
    }
    ExitCode::SUCCESS
}

fn default_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(target) => PathBuf::from(target).join("criterion"),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/criterion")),
    }
}

fn load(dir: &Path) -> std::io::Result<Results> {
    let mut results = Results::new();
    for group in std::fs::read_dir(dir)? {
        let group = group?.path();
        if !group.is_dir() {
            continue;
        }
        for function in std::fs::read_dir(&group)? {
            let new = function?.path().join("new");
            let (Some(id), Some(estimates)) = (
                read_json(&new.join("benchmark.json")),
                read_json(&new.join("estimates.json")),
            ) else {
                continue; // criterion's own `report` directories, or an interrupted run
            };
            let Some(group_id) = id["group_id"].as_str() else {
                continue;
            };
            let function_id = id["function_id"].as_str().unwrap_or("");
            let (library, variant) = match function_id.split_once(" (") {
                Some((library, variant)) => (library, variant.trim_end_matches(')')),
                None => (function_id, ""),
            };
            let typical = if estimates["slope"].is_null() {
                &estimates["mean"]
            } else {
                &estimates["slope"]
            };
            let Some(nanos) = typical["point_estimate"].as_f64() else {
                continue;
            };
            let bytes = id["throughput"]["Bytes"]
                .as_u64()
                .or_else(|| id["throughput"]["BytesDecimal"].as_u64());
            results
                .entry((group_id.to_owned(), variant.to_owned()))
                .or_default()
                .insert(
                    library.to_owned(),
                    Measurement {
                        seconds: nanos * 1e-9,
                        bytes,
                    },
                );
        }
    }
    Ok(results)
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

fn table(results: &Results) -> String {
    let mut out = String::from(
        "| benchmark | peer | peer time | zerospec time | zerospec speed-up |\n|---|---|---:|---:|---:|\n",
    );
    for ((group, variant), libraries) in results {
        let Some(ours) = libraries.get("zerospec") else {
            continue;
        };
        let name = if variant.is_empty() {
            group.clone()
        } else {
            format!("{group} ({variant})")
        };
        for (peer, theirs) in peers(libraries) {
            out += &format!(
                "| {name} | {peer} | {} | {} | {:.2}× |\n",
                cell(theirs),
                cell(ours),
                theirs.seconds / ours.seconds
            );
        }
    }
    out
}

/// The libraries of a group that zerospec is compared with: all but
/// zerospec and the floor.
fn peers(
    libraries: &BTreeMap<String, Measurement>,
) -> impl Iterator<Item = (&String, &Measurement)> {
    libraries
        .iter()
        .filter(|(library, _)| !matches!(library.as_str(), "zerospec" | FLOOR))
}

/// The floors, with the peer's and zerospec's times as multiples of each.
fn floors(results: &Results) -> String {
    let mut out = String::new();
    for ((group, _), libraries) in results {
        let (Some(floor), Some(ours)) = (libraries.get(FLOOR), libraries.get("zerospec")) else {
            continue;
        };
        if out.is_empty() {
            out += "| benchmark | floor time | peer | peer ÷ floor (most speed-up possible) | zerospec ÷ floor |\n|---|---:|---|---:|---:|\n";
        }
        for (peer, theirs) in peers(libraries) {
            out += &format!(
                "| {group} | {} | {peer} | {:.2}× | {:.2}× |\n",
                duration(floor.seconds),
                theirs.seconds / floor.seconds,
                ours.seconds / floor.seconds
            );
        }
    }
    out
}

/// `1.23 ms · 512 MiB/s`
fn cell(m: &Measurement) -> String {
    let time = duration(m.seconds);
    match m.bytes {
        #[allow(clippy::cast_precision_loss)] // sizes of test files, far below 2^52
        Some(bytes) => format!(
            "{time} · {:.0} MiB/s",
            bytes as f64 / m.seconds / (1024.0 * 1024.0)
        ),
        None => time,
    }
}

fn duration(seconds: f64) -> String {
    let (value, unit) = match seconds {
        s if s < 1e-6 => (s * 1e9, "ns"),
        s if s < 1e-3 => (s * 1e6, "µs"),
        s if s < 1.0 => (s * 1e3, "ms"),
        s => (s, "s"),
    };
    let decimals = if value < 10.0 {
        2
    } else if value < 100.0 {
        1
    } else {
        0
    };
    format!("{value:.decimals$} {unit}")
}
