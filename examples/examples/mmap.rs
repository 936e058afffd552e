//! A million log records in a flat file, memory-mapped and read in place.
//!
//! ```text
//! cargo run --release -p zerospec-examples --example mmap
//! ```
//!
//! It writes 1,000,000 records (a `Vec<Log>` root) to a file in the temporary
//! directory, maps the file into memory, validates it once and reads record
//! 500,000 through a view, then compares with decoding the whole file into
//! owned values.

use std::fs::File;
use std::io::Write;
use std::time::{Duration, Instant};

use memmap2::Mmap;
use zerospec::flat::FlatEncoder;
use zerospec_benches::flat_data::{self, Log};

const RECORDS: usize = 1_000_000;
const WANTED: usize = 500_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::temp_dir().join(format!("zerospec-mmap-{}.flat", std::process::id()));

    // Write: generate the records and encode them in one pass into a buffer.
    let logs = flat_data::logs(RECORDS, flat_data::SEED).logs;
    let started = Instant::now();
    let mut bytes = Vec::with_capacity(RECORDS * 100);
    FlatEncoder::new(&mut bytes).encode(&logs)?;
    let encode_time = started.elapsed();
    File::create(&path)?.write_all(&bytes)?;
    drop(bytes);
    let wanted = logs[WANTED].clone();
    drop(logs);

    let file = File::open(&path)?;
    // SAFETY: `Mmap::map` is unsafe because the mapped bytes change (or the
    // process faults) if another process modifies or truncates the file while
    // it is mapped. The file was just created by this process under a name
    // unique to it, nothing else writes it, and it is deleted only after the
    // map is dropped. Even if its bytes did change after validation, every
    // view read is bounds-checked safe code: the reads would see other values,
    // never memory outside the map.
    let map = unsafe { Mmap::map(&file)? };

    // Open: validate the whole file once, in one linear pass.
    let started = Instant::now();
    let records = zerospec::flat::view::<Vec<Log>>(&map)?;
    let open_time = started.elapsed();

    // Read: record 500,000, in place; nothing else is touched.
    let started = Instant::now();
    let record = records.get(WANTED).ok_or("record 500,000 is missing")?;
    let (address, request, code, size) = (
        record.address(),
        record.request(),
        record.code(),
        record.size(),
    );
    let read_time = started.elapsed();
    assert_eq!(record.to_owned(), wanted);

    // For comparison: decode every record into owned values.
    let started = Instant::now();
    let owned: Vec<Log> = zerospec::flat::from_slice(&map)?;
    let decode_time = started.elapsed();
    assert_eq!(owned[WANTED], wanted);
    drop(owned);

    println!(
        "{RECORDS} records, {:.1} MB, encoded in {}",
        map.len() as f64 / 1e6,
        show(encode_time)
    );
    println!(
        "record {WANTED}: {}.{}.{}.{} \"{request}\" {code} {size}",
        address.x0(),
        address.x1(),
        address.x2(),
        address.x3()
    );
    println!();
    println!("| step | time |");
    println!("|---|---|");
    println!(
        "| open: validate the mapped file, once | {} |",
        show(open_time)
    );
    println!(
        "| read record {WANTED} through the view | {} |",
        show(read_time)
    );
    println!("| open + read | {} |", show(open_time + read_time));
    println!(
        "| full owned decode (`flat::from_slice`) | {} |",
        show(decode_time)
    );
    println!(
        "\nopen + read is {:.1}x faster than a full decode",
        decode_time.as_secs_f64() / (open_time + read_time).as_secs_f64()
    );

    drop(map);
    std::fs::remove_file(&path)?;
    Ok(())
}

fn show(time: Duration) -> String {
    if time < Duration::from_micros(10) {
        format!("{} ns", time.as_nanos())
    } else if time < Duration::from_millis(10) {
        format!("{:.1} µs", time.as_secs_f64() * 1e6)
    } else {
        format!("{:.1} ms", time.as_secs_f64() * 1e3)
    }
}
