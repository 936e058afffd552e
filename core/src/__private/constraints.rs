//! Field constraints checked while decoding, worded as msgspec words them.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;

use crate::error::{Error, Result};

/// A comparison a constraint makes.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    /// `>=`
    Ge,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `<`
    Lt,
}

impl Op {
    fn holds(self, ordering: Ordering) -> bool {
        match self {
            Op::Ge => ordering != Ordering::Less,
            Op::Gt => ordering == Ordering::Greater,
            Op::Le => ordering != Ordering::Greater,
            Op::Lt => ordering == Ordering::Less,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Lt => "<",
        }
    }
}

/// A numeric bound or value, compared exactly across integers and floats.
#[derive(Clone, Copy, Debug)]
pub enum Bound {
    /// Any integer.
    Int(i128),
    /// Any float.
    Float(f64),
}

impl Bound {
    /// The negated bound, for `ge = -1`.
    #[must_use]
    pub fn negated(self) -> Self {
        match self {
            Bound::Int(v) => Bound::Int(-v),
            Bound::Float(v) => Bound::Float(-v),
        }
    }

    fn compare(self, other: Bound) -> Option<Ordering> {
        #[allow(clippy::cast_precision_loss)]
        match (self, other) {
            (Bound::Int(a), Bound::Int(b)) => Some(a.cmp(&b)),
            (Bound::Float(a), Bound::Float(b)) => a.partial_cmp(&b),
            (Bound::Int(a), Bound::Float(b)) => (a as f64).partial_cmp(&b),
            (Bound::Float(a), Bound::Int(b)) => a.partial_cmp(&(b as f64)),
        }
    }
}

impl Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bound::Int(v) => write!(f, "{v}"),
            Bound::Float(v) => write!(f, "{v:?}"),
        }
    }
}

macro_rules! bound_from {
    ($($ty:ty => $variant:ident),*) => {$(
        impl From<$ty> for Bound {
            fn from(value: $ty) -> Self {
                Bound::$variant(value.into())
            }
        }
    )*};
}
bound_from!(i8 => Int, i16 => Int, i32 => Int, i64 => Int, i128 => Int, u8 => Int, u16 => Int, u32 => Int, u64 => Int, f32 => Float, f64 => Float);

/// A number a constraint can compare; `Option` checks only `Some`.
pub trait Numeric {
    /// The type's name in messages: `int` or `float`.
    const KIND: &'static str;
    /// The value, or `None` when there is nothing to check.
    fn as_bound(&self) -> Option<Bound>;
}

macro_rules! numeric {
    ($kind:literal, $variant:ident, $as:ty: $($ty:ty),*) => {$(
        impl Numeric for $ty {
            const KIND: &'static str = $kind;
            #[inline]
            #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
            fn as_bound(&self) -> Option<Bound> {
                Some(Bound::$variant(*self as $as))
            }
        }
    )*};
}
numeric!("int", Int, i128: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, usize);
numeric!("float", Float, f64: f32, f64);

impl Numeric for u128 {
    const KIND: &'static str = "int";
    #[inline]
    fn as_bound(&self) -> Option<Bound> {
        Some(Bound::Int(i128::try_from(*self).unwrap_or(i128::MAX)))
    }
}

impl<T: Numeric> Numeric for Option<T> {
    const KIND: &'static str = T::KIND;
    #[inline]
    fn as_bound(&self) -> Option<Bound> {
        self.as_ref().and_then(Numeric::as_bound)
    }
}

/// `ge`, `gt`, `le`, `lt`: ``Expected `int` >= 0``. `text` is the bound as
/// written (`1.5`, `-1`), or empty to show the value of a constant.
#[inline]
pub fn check_bound<T: Numeric>(value: &T, op: Op, bound: Bound, text: &'static str) -> Result<()> {
    let Some(v) = value.as_bound() else {
        return Ok(());
    };
    match v.compare(bound) {
        Some(ordering) if op.holds(ordering) => Ok(()),
        _ => Err(bound_error(T::KIND, op, bound, text)),
    }
}

/// `text` is the bound as written, or empty to show its value.
#[cold]
fn bound_error(kind: &str, op: Op, bound: Bound, text: &str) -> Error {
    if text.is_empty() {
        Error::invalid(format!("Expected `{kind}` {} {bound}", op.symbol()))
    } else {
        Error::invalid(format!("Expected `{kind}` {} {text}", op.symbol()))
    }
}

/// `multiple_of`: ``Expected `int` that's a multiple of 5``; `text` as for [`check_bound`].
#[inline]
pub fn check_multiple_of<T: Numeric>(value: &T, bound: Bound, text: &'static str) -> Result<()> {
    let Some(v) = value.as_bound() else {
        return Ok(());
    };
    #[allow(clippy::cast_precision_loss, clippy::float_cmp)]
    let ok = match (v, bound) {
        (Bound::Int(a), Bound::Int(b)) => b != 0 && a % b == 0,
        (Bound::Int(a), Bound::Float(b)) => (a as f64) % b == 0.0,
        (Bound::Float(a), Bound::Int(b)) => a % (b as f64) == 0.0,
        (Bound::Float(a), Bound::Float(b)) => a % b == 0.0,
    };
    if ok {
        Ok(())
    } else {
        Err(multiple_error(T::KIND, bound, text))
    }
}

#[cold]
fn multiple_error(kind: &str, bound: Bound, text: &str) -> Error {
    if text.is_empty() {
        Error::invalid(format!("Expected `{kind}` that's a multiple of {bound}"))
    } else {
        Error::invalid(format!("Expected `{kind}` that's a multiple of {text}"))
    }
}

/// A value with a length a constraint can check: strings in characters,
/// sequences and maps in elements; `Option` checks only `Some`.
pub trait HasLen {
    /// The type's name in messages: `str`, `array` or `object`.
    const KIND: &'static str;
    /// The length, or `None` when there is nothing to check.
    fn length(&self) -> Option<usize>;
}

macro_rules! has_len {
    ($kind:literal, |$v:ident| $len:expr; $($ty:ty),* $(,)?) => {$(
        impl HasLen for $ty {
            const KIND: &'static str = $kind;
            #[inline]
            fn length(&self) -> Option<usize> {
                let $v = self;
                Some($len)
            }
        }
    )*};
}
has_len!("str", |s| s.chars().count(); String, &str, Box<str>, Cow<'_, str>);
impl<T> HasLen for Vec<T> {
    const KIND: &'static str = "array";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T> HasLen for VecDeque<T> {
    const KIND: &'static str = "array";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T> HasLen for Box<[T]> {
    const KIND: &'static str = "array";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T> HasLen for &[T] {
    const KIND: &'static str = "array";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T, S> HasLen for HashSet<T, S> {
    const KIND: &'static str = "array";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T> HasLen for BTreeSet<T> {
    const KIND: &'static str = "array";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<K, V, S> HasLen for HashMap<K, V, S> {
    const KIND: &'static str = "object";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<K, V> HasLen for BTreeMap<K, V> {
    const KIND: &'static str = "object";
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}
impl<T: HasLen> HasLen for Option<T> {
    const KIND: &'static str = T::KIND;
    fn length(&self) -> Option<usize> {
        self.as_ref().and_then(HasLen::length)
    }
}

/// `min_len` and `max_len`: ``Expected `str` of length >= 1``.
#[inline]
pub fn check_len<T: HasLen>(value: &T, op: Op, bound: usize) -> Result<()> {
    let Some(len) = value.length() else {
        return Ok(());
    };
    if op.holds(len.cmp(&bound)) {
        Ok(())
    } else {
        Err(len_error(T::KIND, op, bound))
    }
}

#[cold]
fn len_error(kind: &str, op: Op, bound: usize) -> Error {
    Error::invalid(format!(
        "Expected `{kind}` of length {} {bound}",
        op.symbol()
    ))
}

/// `validate = "path"`: runs the user's check; its error's text becomes the message.
#[inline]
pub fn run_validator<T, E: Display>(
    value: &T,
    check: impl FnOnce(&T) -> std::result::Result<(), E>,
) -> Result<()> {
    check(value).map_err(|err| Error::invalid(err.to_string()))
}
