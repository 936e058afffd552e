//! The datasets of the flat-format benchmark, shaped as
//! rust_serialization_benchmark defines them, generated from a fixed seed:
//!
//! - `log`: 10,000 web-server log records (an address of four `u8`, the
//!   strings identity, userid, date and request, a `u16` code and a `u64` size);
//! - `mesh`: 125,000 triangles, each three vertices and a normal of three `f32`.
//!
//! Each model derives rkyv's and bitcode's traits, and zerospec's `Encode`,
//! `Decode` and `View`, so the benchmark measures the code users get. The
//! small all-number structs are `#[zerospec(fixed)]`: stored inline, as rkyv
//! and FlatBuffers store their structs. The mesh's are also `zerocopy`
//! (`#[repr(C)]` and zerocopy's derives): a `Vec` of them is written and
//! read with one copy, as rkyv writes it; the bytes are the same.

use crate::log::Rng;

/// How many records the `log` dataset holds.
pub const LOG_RECORDS: usize = 10_000;

/// How many triangles the `mesh` dataset holds.
pub const MESH_TRIANGLES: usize = 125_000;

/// The seed both datasets are generated from.
pub const SEED: u64 = 3_141_592_653;

/// An IPv4 address, inline as its four bytes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
    bitcode::Encode,
    bitcode::Decode,
    zerospec::Encode,
    zerospec::Decode,
    zerospec::View,
)]
#[zerospec(fixed)]
pub struct Address {
    /// The first byte.
    pub x0: u8,
    /// The second byte.
    pub x1: u8,
    /// The third byte.
    pub x2: u8,
    /// The fourth byte.
    pub x3: u8,
}

/// One web-server log record.
#[derive(
    Debug,
    Clone,
    PartialEq,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
    bitcode::Encode,
    bitcode::Decode,
    zerospec::Encode,
    zerospec::Decode,
    zerospec::View,
)]
pub struct Log {
    /// The client's address.
    pub address: Address,
    /// The client's identity (always `-`).
    pub identity: String,
    /// The user, or `-`.
    pub userid: String,
    /// When the request was served.
    pub date: String,
    /// The request line.
    pub request: String,
    /// The HTTP status code.
    pub code: u16,
    /// The response's size in bytes.
    pub size: u64,
}

/// The `log` dataset's root.
#[derive(
    Debug,
    Clone,
    PartialEq,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
    bitcode::Encode,
    bitcode::Decode,
    zerospec::Encode,
    zerospec::Decode,
    zerospec::View,
)]
pub struct Logs {
    /// The records.
    pub logs: Vec<Log>,
}

/// A 3-vector of `f32`, inline.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
    bitcode::Encode,
    bitcode::Decode,
    zerospec::Encode,
    zerospec::Decode,
    zerospec::View,
    zerocopy::IntoBytes,
    zerocopy::FromBytes,
    zerocopy::Immutable,
    zerocopy::KnownLayout,
)]
#[repr(C)]
#[zerospec(fixed, zerocopy)]
pub struct Vector3 {
    /// The x coordinate.
    pub x: f32,
    /// The y coordinate.
    pub y: f32,
    /// The z coordinate.
    pub z: f32,
}

/// A triangle: three vertices and a normal, inline.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
    bitcode::Encode,
    bitcode::Decode,
    zerospec::Encode,
    zerospec::Decode,
    zerospec::View,
    zerocopy::IntoBytes,
    zerocopy::FromBytes,
    zerocopy::Immutable,
    zerocopy::KnownLayout,
)]
#[repr(C)]
#[zerospec(fixed, zerocopy)]
pub struct Triangle {
    /// The first vertex.
    pub v0: Vector3,
    /// The second vertex.
    pub v1: Vector3,
    /// The third vertex.
    pub v2: Vector3,
    /// The normal.
    pub normal: Vector3,
}

/// The `mesh` dataset's root.
#[derive(
    Debug,
    Clone,
    PartialEq,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
    bitcode::Encode,
    bitcode::Decode,
    zerospec::Encode,
    zerospec::Decode,
    zerospec::View,
)]
pub struct Mesh {
    /// The triangles.
    pub triangles: Vec<Triangle>,
}

impl Rng {
    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// A float in `[0, 1)`, from the top 24 bits.
    fn unit_f32(&mut self) -> f32 {
        // Lossless: 24 bits fit an f32's mantissa.
        #[allow(clippy::cast_precision_loss)]
        let top = (self.next() >> 40) as f32;
        top / (1u32 << 24) as f32
    }
}

const USERID: [&str; 9] = [
    "-", "alice", "bob", "carmen", "david", "eric", "frank", "george", "harry",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const TIMEZONE: [&str; 25] = [
    "-1200", "-1100", "-1000", "-0900", "-0800", "-0700", "-0600", "-0500", "-0400", "-0300",
    "-0200", "-0100", "+0000", "+0100", "+0200", "+0300", "+0400", "+0500", "+0600", "+0700",
    "+0800", "+0900", "+1000", "+1100", "+1200",
];
const CODES: [u16; 63] = [
    100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
    305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414,
    415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504,
    505, 506, 507, 508, 510, 511,
];
const METHODS: [&str; 5] = ["GET", "POST", "PUT", "UPDATE", "DELETE"];
const ROUTES: [&str; 7] = [
    "/favicon.ico",
    "/css/index.css",
    "/css/font-awsome.min.css",
    "/img/logo-full.svg",
    "/img/splash.jpg",
    "/api/login",
    "/api/logout",
];
const PROTOCOLS: [&str; 4] = ["HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3"];

/// Generates `count` log records from `seed`, with rust_serialization_benchmark's
/// distributions (identity always `-`, a date and request built from its tables).
///
/// # Examples
///
/// ```
/// let logs = zerospec_benches::flat_data::logs(2, 1);
/// assert_eq!(logs.logs.len(), 2);
/// assert_eq!(logs.logs[0].identity, "-");
/// assert_eq!(logs, zerospec_benches::flat_data::logs(2, 1));
/// ```
#[must_use]
pub fn logs(count: usize, seed: u64) -> Logs {
    let mut rng = Rng(seed);
    let logs = (0..count)
        .map(|_| {
            let [x0, x1, x2, x3, ..] = rng.next().to_le_bytes();
            let date = format!(
                "{}/{}/{}:{}:{}:{} {}",
                rng.between(1, 28),
                rng.pick(&MONTHS),
                rng.between(1970, 2021),
                rng.below(24),
                rng.below(60),
                rng.below(60),
                rng.pick(&TIMEZONE),
            );
            let request = format!(
                "{} {} {}",
                rng.pick(&METHODS),
                rng.pick(&ROUTES),
                rng.pick(&PROTOCOLS)
            );
            Log {
                address: Address { x0, x1, x2, x3 },
                identity: "-".into(),
                userid: rng.pick(&USERID).into(),
                date,
                request,
                code: CODES[rng.below(CODES.len() as u64) as usize],
                size: rng.below(100_000_000),
            }
        })
        .collect();
    Logs { logs }
}

/// Generates a mesh of `count` triangles from `seed`, every coordinate in `[0, 1)`.
///
/// # Examples
///
/// ```
/// let mesh = zerospec_benches::flat_data::mesh(3, 1);
/// assert_eq!(mesh.triangles.len(), 3);
/// assert!((0.0..1.0).contains(&mesh.triangles[2].normal.z));
/// ```
#[must_use]
pub fn mesh(count: usize, seed: u64) -> Mesh {
    let mut rng = Rng(seed);
    let mut vector = || Vector3 {
        x: rng.unit_f32(),
        y: rng.unit_f32(),
        z: rng.unit_f32(),
    };
    let triangles = (0..count)
        .map(|_| Triangle {
            v0: vector(),
            v1: vector(),
            v2: vector(),
            normal: vector(),
        })
        .collect();
    Mesh { triangles }
}

/// The `log` dataset: [`LOG_RECORDS`] records from [`SEED`].
#[must_use]
pub fn log_dataset() -> Logs {
    logs(LOG_RECORDS, SEED)
}

/// The `mesh` dataset: [`MESH_TRIANGLES`] triangles from [`SEED`].
#[must_use]
pub fn mesh_dataset() -> Mesh {
    mesh(MESH_TRIANGLES, SEED)
}
