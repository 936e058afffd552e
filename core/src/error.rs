//! The one error type of every format, with its kind, path and position.

use std::borrow::Cow;
use std::fmt::{self, Display, Write as _};

/// A `Result` whose error is [`Error`].
///
/// # Examples
///
/// ```
/// fn parse(bytes: &[u8]) -> zerospec::Result<u32> {
///     zerospec::json::from_slice(bytes)
/// }
/// assert_eq!(parse(b"7")?, 7);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why encoding or decoding failed, what was expected and where.
///
/// The error is one pointer wide, so `Result<T>` stays small on the success path.
/// Nothing about the path is built until an error unwinds: each container that
/// sees a child fail adds one segment on the way out.
///
/// # Examples
///
/// ```
/// #[derive(zerospec::Decode, Debug)]
/// struct User { age: u8 }
///
/// let err = zerospec::json::from_slice::<Vec<User>>(br#"[{"age": 1}, {"age": "x"}]"#).unwrap_err();
/// assert_eq!(err.kind(), zerospec::ErrorKind::Type);
/// assert_eq!(err.path(), "$[1].age");
/// assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$[1].age`");
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    message: Cow<'static, str>,
    /// Segments from the innermost outwards: pushed while the error unwinds.
    path: Vec<Segment>,
    /// Byte offset into the input, for syntax errors (and kept for others when known).
    offset: Option<usize>,
    line_column: Option<(usize, usize)>,
    format: Option<Format>,
}

/// What went wrong, in a form a program can match on.
///
/// # Examples
///
/// ```
/// use zerospec::ErrorKind;
/// let err = zerospec::json::from_slice::<bool>(b"tru").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Syntax);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not well-formed in its format: bad token, truncated, invalid UTF-8.
    Syntax,
    /// The input holds a value of another type than the one asked for.
    Type,
    /// The value has the right type but breaks a constraint: a range, a length, a validator.
    Validation,
    /// An object lacks a field that has no default.
    MissingField,
    /// An object has a field the type does not know, and the type denies unknown fields.
    UnknownField,
    /// An object names the same field twice.
    DuplicateField,
    /// An enum tag names no variant of the type.
    UnknownVariant,
    /// Containers nest deeper than the decoder allows.
    Depth,
    /// The value cannot be written in the target format (a non-string map key in JSON, say).
    Unsupported,
    /// Reading or writing the underlying I/O failed.
    Io,
    /// A message from user code: a `validate` function, `try_from`, or [`Error::custom`].
    Custom,
}

/// The wire format an error was found in; it names syntax errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON, RFC 8259.
    Json,
    /// MessagePack.
    MsgPack,
    /// zerospec's flat binary format.
    Flat,
}

impl Format {
    fn malformed(self) -> &'static str {
        match self {
            Format::Json => "JSON is malformed",
            Format::MsgPack => "MessagePack data is malformed",
            Format::Flat => "Flat data is malformed",
        }
    }
}

/// One step of the path from the root to where an error happened.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Field(Cow<'static, str>),
    Index(usize),
    Key(String),
}

impl Error {
    #[cold]
    fn new(kind: ErrorKind, message: Cow<'static, str>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message,
                path: Vec::new(),
                offset: None,
                line_column: None,
                format: None,
            }),
        }
    }

    /// Makes an error from a message of user code, of kind [`ErrorKind::Custom`].
    ///
    /// # Examples
    ///
    /// ```
    /// let err = zerospec::Error::custom("port must not be 0");
    /// assert_eq!(err.to_string(), "port must not be 0 - at `$`");
    /// ```
    #[cold]
    pub fn custom<T: Display>(message: T) -> Self {
        Error::new(ErrorKind::Custom, Cow::Owned(message.to_string()))
    }

    /// Makes an error of the given kind with a message worded by the caller.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::{Error, ErrorKind};
    /// let err = Error::with_kind(ErrorKind::Validation, "Expected an even `int`");
    /// assert_eq!(err.kind(), ErrorKind::Validation);
    /// ```
    #[cold]
    pub fn with_kind(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        Error::new(kind, message.into())
    }

    /// What kind of failure this is.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = zerospec::json::from_slice::<u8>(b"300").unwrap_err();
    /// assert_eq!(err.kind(), zerospec::ErrorKind::Validation);
    /// ```
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The path from the root to the failing value, as `$.users[3].age`; `$` at the root.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = zerospec::json::from_slice::<Vec<u8>>(b"[1, -1]").unwrap_err();
    /// assert_eq!(err.path(), "$[1]");
    /// ```
    #[must_use]
    pub fn path(&self) -> String {
        let mut out = String::from("$");
        for segment in self.inner.path.iter().rev() {
            match segment {
                Segment::Field(name) => {
                    out.push('.');
                    out.push_str(name);
                }
                Segment::Index(index) => {
                    let _ = write!(out, "[{index}]");
                }
                Segment::Key(key) => {
                    let _ = write!(out, "[{key:?}]");
                }
            }
        }
        out
    }

    /// The byte offset into the input where a syntax error was found.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = zerospec::json::from_slice::<Vec<u8>>(b"[1,]").unwrap_err();
    /// assert_eq!(err.offset(), Some(3));
    /// ```
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        self.inner.offset
    }

    /// The 1-based line of a syntax error in a text format.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = zerospec::json::from_slice::<Vec<u8>>(b"[1,\n  x]").unwrap_err();
    /// assert_eq!((err.line(), err.column()), (Some(2), Some(3)));
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.inner.line_column.map(|(line, _)| line)
    }

    /// The 1-based column, in bytes, of a syntax error in a text format.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = zerospec::json::from_slice::<bool>(b"  nope").unwrap_err();
    /// assert_eq!(err.column(), Some(3));
    /// ```
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.inner.line_column.map(|(_, column)| column)
    }

    /// The message alone, without the path or position.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = zerospec::json::from_slice::<u8>(b"\"7\"").unwrap_err();
    /// assert_eq!(err.message(), "Expected `int`, got `str`");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    // ----- constructors used by formats and generated code (hidden from the docs) -----

    /// A syntax error at `offset` of `input`, in `format`.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn syntax(format: Format, message: &'static str, input: &[u8], offset: usize) -> Self {
        let mut err = Error::new(ErrorKind::Syntax, Cow::Borrowed(message));
        err.inner.format = Some(format);
        err.inner.offset = Some(offset);
        if format == Format::Json {
            let upto = &input[..offset.min(input.len())];
            let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = upto.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            err.inner.line_column = Some((line, column));
        }
        err
    }

    /// ``Expected `int`, got `str` ``.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn unexpected(expected: &str, found: &str) -> Self {
        Error::new(
            ErrorKind::Type,
            Cow::Owned(format!("Expected `{expected}`, got `{found}`")),
        )
    }

    /// A broken constraint: ``Expected `int` <= 255``.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn invalid(message: String) -> Self {
        Error::new(ErrorKind::Validation, Cow::Owned(message))
    }

    /// ``Expected `int` <= 255``: an integer above the range of the Rust type.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn int_above(max: impl Display) -> Self {
        Error::invalid(format!("Expected `int` <= {max}"))
    }

    /// ``Expected `int` >= -128``: an integer below the range of the Rust type.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn int_below(min: impl Display) -> Self {
        Error::invalid(format!("Expected `int` >= {min}"))
    }

    /// ``Object missing required field `email` ``.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn missing_field(name: &str) -> Self {
        Error::new(
            ErrorKind::MissingField,
            Cow::Owned(format!("Object missing required field `{name}`")),
        )
    }

    /// ``Object contains unknown field `nmae` ``.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn unknown_field(name: &str) -> Self {
        Error::new(
            ErrorKind::UnknownField,
            Cow::Owned(format!("Object contains unknown field `{name}`")),
        )
    }

    /// ``Object contains duplicate field `id` ``.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn duplicate_field(name: &str) -> Self {
        Error::new(
            ErrorKind::DuplicateField,
            Cow::Owned(format!("Object contains duplicate field `{name}`")),
        )
    }

    /// ``Invalid enum value `Purple` ``.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn unknown_variant(name: &str) -> Self {
        Error::new(
            ErrorKind::UnknownVariant,
            Cow::Owned(format!("Invalid enum value `{name}`")),
        )
    }

    /// Nesting deeper than `limit`.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn depth(format: Format, limit: u32, input: &[u8], offset: usize) -> Self {
        let mut err = Error::syntax(format, "", input, offset);
        err.inner.kind = ErrorKind::Depth;
        err.inner.message = Cow::Owned(format!("nesting deeper than {limit}"));
        err
    }

    /// Pointers nested deeper than `limit` with nothing read between them,
    /// where the input has no position to give.
    #[cold]
    #[must_use]
    pub(crate) fn nested_pointers(limit: u32) -> Self {
        Error::new(
            ErrorKind::Depth,
            Cow::Owned(format!("nesting deeper than {limit}")),
        )
    }

    /// A value the target format cannot hold.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn unsupported(message: impl Into<Cow<'static, str>>) -> Self {
        Error::new(ErrorKind::Unsupported, message.into())
    }

    /// Records the byte offset an error was found at, without making it a syntax error.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn at_offset(mut self, offset: usize) -> Self {
        if self.inner.offset.is_none() {
            self.inner.offset = Some(offset);
        }
        self
    }

    /// Adds the field `name` to the path, as the error leaves that field.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn in_field(mut self, name: &'static str) -> Self {
        if self.inner.kind != ErrorKind::Syntax {
            self.inner.path.push(Segment::Field(Cow::Borrowed(name)));
        }
        self
    }

    /// Adds an owned field name (a map key that reads as an identifier) to the path.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn in_key(mut self, key: &dyn Display) -> Self {
        if self.inner.kind != ErrorKind::Syntax {
            self.inner.path.push(Segment::Key(key.to_string()));
        }
        self
    }

    /// Adds the array index `index` to the path.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn in_index(mut self, index: usize) -> Self {
        if self.inner.kind != ErrorKind::Syntax {
            self.inner.path.push(Segment::Index(index));
        }
        self
    }

    /// True when this error came from the input's syntax, which no other reading of it can fix.
    #[doc(hidden)]
    #[must_use]
    pub fn is_fatal(&self) -> bool {
        matches!(self.inner.kind, ErrorKind::Syntax | ErrorKind::Depth)
    }
}

impl From<std::io::Error> for Error {
    #[cold]
    fn from(err: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, Cow::Owned(err.to_string()))
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        match inner.kind {
            // A depth error from a tree (`from_value`) has no input to
            // point into: it is told by its path, as a type error is.
            ErrorKind::Depth if inner.format.is_none() => {
                write!(f, "{} - at `{}`", inner.message, self.path())
            }
            ErrorKind::Syntax | ErrorKind::Depth => {
                let format = inner.format.unwrap_or(Format::Json);
                write!(f, "{}: {}", format.malformed(), inner.message)?;
                if let Some(offset) = inner.offset {
                    write!(f, " (byte {offset})")?;
                }
                Ok(())
            }
            ErrorKind::Io => write!(f, "I/O error: {}", inner.message),
            _ => write!(f, "{} - at `{}`", inner.message, self.path()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("message", &self.to_string())
            .finish()
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_renders_fields_indices_and_keys() {
        let err = Error::unexpected("int", "str")
            .in_field("age")
            .in_index(3)
            .in_field("users")
            .in_key(&"alice")
            .in_field("scores");
        assert_eq!(err.path(), r#"$.scores["alice"].users[3].age"#);
        assert_eq!(
            err.to_string(),
            r#"Expected `int`, got `str` - at `$.scores["alice"].users[3].age`"#
        );
    }

    #[test]
    fn syntax_errors_carry_offset_line_and_column() {
        let input = b"[1,\n 2,]";
        let err = Error::syntax(Format::Json, "trailing comma in array", input, 7);
        assert_eq!(
            err.to_string(),
            "JSON is malformed: trailing comma in array (byte 7)"
        );
        assert_eq!((err.line(), err.column()), (Some(2), Some(4)));
        // Syntax errors do not gather a path: the offset says where.
        assert_eq!(err.in_field("x").path(), "$");
    }

    #[test]
    fn error_is_send_sync_static_and_one_pointer() {
        fn assert_bounds<T: std::error::Error + Send + Sync + 'static>() {}
        assert_bounds::<Error>();
        assert_eq!(size_of::<Error>(), size_of::<usize>());
    }
}
