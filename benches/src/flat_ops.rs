//! The operations the flat benchmark times, written once for the criterion
//! bench (`benches/flat.rs`) and the one-shot profiling binary
//! (`src/bin/flat_once.rs`), so that both measure exactly the same work.

use std::hint::black_box;

use rkyv::rancor;
use rkyv::util::AlignedVec;
use zerospec::flat::FlatEncoder;

use crate::flat_data::{ArchivedLogs, ArchivedMesh, Logs, Mesh};

/// What rkyv's high-level serializer asks of a value.
pub trait RkyvSerialize:
    for<'a> rkyv::Serialize<
        rkyv::api::high::HighSerializer<
            AlignedVec,
            rkyv::ser::allocator::ArenaHandle<'a>,
            rancor::Error,
        >,
    >
{
}

impl<T> RkyvSerialize for T where
    T: for<'a> rkyv::Serialize<
            rkyv::api::high::HighSerializer<
                AlignedVec,
                rkyv::ser::allocator::ArenaHandle<'a>,
                rancor::Error,
            >,
        >
{
}

/// The buffers the serializers write into, reused from one run to the next.
#[derive(Default)]
pub struct Buffers {
    zerospec: Vec<u8>,
    rkyv: AlignedVec,
}

impl Buffers {
    /// Buffers with room for `len` bytes each.
    #[must_use]
    pub fn with_capacity(len: usize) -> Self {
        Buffers {
            zerospec: Vec::with_capacity(len),
            rkyv: AlignedVec::with_capacity(len),
        }
    }

    /// Writes `value` in zerospec's flat format; answers the length.
    ///
    /// # Panics
    ///
    /// If the value cannot be encoded.
    pub fn zerospec<T: zerospec::Encode>(&mut self, value: &T) -> usize {
        self.zerospec.clear();
        FlatEncoder::new(&mut self.zerospec)
            .encode(value)
            .expect("zerospec encodes");
        self.zerospec.len()
    }

    /// Writes `value` with rkyv; answers the length.
    ///
    /// # Panics
    ///
    /// If the value cannot be serialized.
    pub fn rkyv<T: RkyvSerialize>(&mut self, value: &T) -> usize {
        let mut reused = std::mem::take(&mut self.rkyv);
        reused.clear();
        self.rkyv = rkyv::api::high::to_bytes_in::<_, rancor::Error>(value, reused)
            .expect("rkyv serializes");
        self.rkyv.len()
    }
}

/// Opens the `log` view and reads what rust_serialization_benchmark reads:
/// the address, code and size of every record.
///
/// # Panics
///
/// If the bytes do not validate.
pub fn read_log_zerospec(bytes: &[u8]) {
    let view = zerospec::flat::view::<Logs>(black_box(bytes)).expect("valid");
    for log in view.logs() {
        let a = log.address();
        black_box((a.x0(), a.x1(), a.x2(), a.x3()));
        black_box(log.code());
        black_box(log.size());
    }
}

/// [`read_log_zerospec`] through rkyv's validated `access`.
///
/// # Panics
///
/// If the bytes do not validate.
pub fn read_log_rkyv(archived: &[u8]) {
    let archive = rkyv::access::<ArchivedLogs, rancor::Error>(black_box(archived)).expect("valid");
    for log in archive.logs.iter() {
        let a = &log.address;
        black_box((a.x0, a.x1, a.x2, a.x3));
        black_box(log.code.to_native());
        black_box(log.size.to_native());
    }
}

/// Opens the `log` view and reads the four strings of every record, which
/// rust_serialization_benchmark's read leaves alone: the path where a view
/// checks text it hands out.
///
/// # Panics
///
/// If the bytes do not validate.
pub fn read_log_strings_zerospec(bytes: &[u8]) {
    let view = zerospec::flat::view::<Logs>(black_box(bytes)).expect("valid");
    for log in view.logs() {
        black_box((log.identity(), log.userid(), log.date(), log.request()));
    }
}

/// [`read_log_strings_zerospec`] through rkyv's validated `access`.
///
/// # Panics
///
/// If the bytes do not validate.
pub fn read_log_strings_rkyv(archived: &[u8]) {
    let archive = rkyv::access::<ArchivedLogs, rancor::Error>(black_box(archived)).expect("valid");
    for log in archive.logs.iter() {
        black_box((
            log.identity.as_str(),
            log.userid.as_str(),
            log.date.as_str(),
            log.request.as_str(),
        ));
    }
}

/// Opens the `mesh` view and reads all twelve floats of every triangle.
///
/// # Panics
///
/// If the bytes do not validate.
pub fn read_mesh_zerospec(bytes: &[u8]) {
    let view = zerospec::flat::view::<Mesh>(black_box(bytes)).expect("valid");
    for t in view.triangles() {
        for v in [t.v0(), t.v1(), t.v2(), t.normal()] {
            black_box((v.x(), v.y(), v.z()));
        }
    }
}

/// [`read_mesh_zerospec`] through rkyv's validated `access`.
///
/// # Panics
///
/// If the bytes do not validate.
pub fn read_mesh_rkyv(archived: &[u8]) {
    let archive = rkyv::access::<ArchivedMesh, rancor::Error>(black_box(archived)).expect("valid");
    for t in archive.triangles.iter() {
        for v in [&t.v0, &t.v1, &t.v2, &t.normal] {
            black_box((v.x.to_native(), v.y.to_native(), v.z.to_native()));
        }
    }
}
