//! The names of the two attribute namespaces the derive reads.

pub const SERDE: &str = "serde";
pub const ZEROSPEC: &str = "zerospec";
