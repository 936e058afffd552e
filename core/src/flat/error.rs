//! Errors of the flat format: malformed data, worded as the other formats word theirs.

use crate::error::{Error, Format};

/// ``Flat data is malformed: <message> (byte <offset>)``.
#[cold]
pub(crate) fn malformed(message: &'static str, input: &[u8], offset: usize) -> Error {
    Error::syntax(Format::Flat, message, input, offset)
}
