//! A log-like dataset: web-server access log records, generated from a fixed
//! seed so every run (and every machine) measures the same bytes.
//!
//! Each record is one line of a common-log-format access log: client address,
//! identity, user id, date, request line, status code and response size.

use serde::{Deserialize, Serialize};

/// The number of records in the benchmark dataset.
pub const RECORDS: usize = 10_000;

/// The seed the benchmark dataset is generated from.
pub const SEED: u64 = 0x5eed_1095;

/// A batch of access log records, as one message.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Logs {
    /// The records, oldest first.
    pub logs: Vec<Log>,
}

/// One request served.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Log {
    /// The client's IPv4 address.
    pub address: [u8; 4],
    /// The RFC 1413 identity of the client; almost always `-`.
    pub identity: String,
    /// The authenticated user, or `-`.
    pub userid: String,
    /// When the request was received, as `10/Oct/2000:13:55:36 -0700`.
    pub date: String,
    /// The request line, as `GET /index.html HTTP/1.1`.
    pub request: String,
    /// The HTTP status code.
    pub code: u16,
    /// The size of the response body in bytes.
    pub size: u64,
}

/// A small, fast, seeded generator (SplitMix64): enough to make varied but
/// reproducible data without a dependency.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const USERS: [&str; 8] = [
    "-",
    "-",
    "-",
    "frank",
    "alice",
    "bob",
    "carol",
    "svc-backup",
];
const METHODS: [&str; 6] = ["GET", "GET", "GET", "POST", "PUT", "DELETE"];
const SECTIONS: [&str; 7] = [
    "", "api/v1/", "static/", "images/", "blog/", "docs/", "users/",
];
const PAGES: [&str; 8] = [
    "index.html",
    "items",
    "logo.png",
    "style.css",
    "search",
    "login",
    "feed.xml",
    "about",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const CODES: [u16; 10] = [200, 200, 200, 200, 200, 304, 301, 404, 403, 500];

/// Generates `count` records from `seed`: the same seed gives the same records.
///
/// # Examples
///
/// ```
/// let logs = zerospec_benches::log::generate(3, 1);
/// assert_eq!(logs.logs.len(), 3);
/// assert_eq!(logs, zerospec_benches::log::generate(3, 1));
/// ```
#[must_use]
pub fn generate(count: usize, seed: u64) -> Logs {
    let mut rng = Rng(seed);
    let mut seconds = 970_000_000 + rng.below(1_000_000);
    let logs = (0..count)
        .map(|_| {
            seconds += rng.below(3);
            let [a, b, c, d, ..] = rng.next().to_le_bytes();
            let day = seconds / 86_400;
            let date = format!(
                "{:02}/{}/{}:{:02}:{:02}:{:02} -0700",
                day % 28 + 1,
                MONTHS[(day / 28 % 12) as usize],
                2000 + day / 336 % 30,
                seconds / 3600 % 24,
                seconds / 60 % 60,
                seconds % 60,
            );
            let request = match rng.below(4) {
                0 => format!(
                    "{} /{}{} HTTP/1.1",
                    rng.pick(&METHODS),
                    rng.pick(&SECTIONS),
                    rng.pick(&PAGES)
                ),
                1 => format!(
                    "{} /{}{}?id={} HTTP/1.1",
                    rng.pick(&METHODS),
                    rng.pick(&SECTIONS),
                    rng.pick(&PAGES),
                    rng.below(100_000)
                ),
                _ => format!(
                    "GET /{}{}-{}.html HTTP/1.0",
                    rng.pick(&SECTIONS),
                    rng.pick(&PAGES),
                    rng.below(1000)
                ),
            };
            Log {
                address: [a, b, c, d],
                identity: if rng.below(50) == 0 {
                    "ident".to_owned()
                } else {
                    "-".to_owned()
                },
                userid: rng.pick(&USERS).to_owned(),
                date,
                request,
                code: CODES[rng.below(CODES.len() as u64) as usize],
                size: match rng.below(8) {
                    0 => 0,
                    1 => rng.below(1 << 32),
                    _ => rng.below(100_000),
                },
            }
        })
        .collect();
    Logs { logs }
}

/// The benchmark dataset: [`RECORDS`] records from [`SEED`].
///
/// # Examples
///
/// ```
/// assert_eq!(zerospec_benches::log::dataset().logs.len(), 10_000);
/// ```
#[must_use]
pub fn dataset() -> Logs {
    generate(RECORDS, SEED)
}

/// A batch of access log records that borrows its strings from the input: the
/// zero-copy way to read [`Logs`].
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct LogsRef<'a> {
    /// The records, oldest first.
    #[serde(borrow)]
    pub logs: Vec<LogRef<'a>>,
}

/// One request served, with its strings borrowed from the input.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct LogRef<'a> {
    /// The client's IPv4 address.
    pub address: [u8; 4],
    /// The RFC 1413 identity of the client; almost always `-`.
    pub identity: &'a str,
    /// The authenticated user, or `-`.
    pub userid: &'a str,
    /// When the request was received.
    pub date: &'a str,
    /// The request line.
    pub request: &'a str,
    /// The HTTP status code.
    pub code: u16,
    /// The size of the response body in bytes.
    pub size: u64,
}
