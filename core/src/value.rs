//! Schemaless values: [`Value`], for data without a fixed type.

/// Any value of any format, for schemaless data.
///
/// # Examples
///
/// ```
/// let v = zerospec::Value::Null;
/// assert!(matches!(v, zerospec::Value::Null));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
}
