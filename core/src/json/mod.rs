//! JSON (RFC 8259): the API, named as serde_json names it.

mod de;
mod escape;
mod number;
mod output;
mod read;
mod ser;
mod write;

pub use self::output::Output;
pub use self::ser::{
    append_to_vec, append_to_vec_pretty, to_string, to_string_pretty, to_vec, to_vec_pretty,
    to_writer, to_writer_pretty,
};
pub use self::write::{Compact, Formatter, JsonEncoder, JsonMap, JsonSeq, Pretty};

pub use self::de::{from_reader, from_slice, from_slice_with_max_depth, from_str};
pub use self::read::{DEFAULT_MAX_DEPTH, DecodeCheckpoint, DecodeMap, DecodeSeq, JsonDecoder};
