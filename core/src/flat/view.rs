//! [`View`]: reading a type straight out of a validated flat buffer.

use std::fmt::Debug;

use super::table::slot_at;
use super::validator::Validator;
use crate::error::Result;

/// A type that can be read in place from a flat buffer, through a borrowed
/// view, without decoding it.
///
/// Derive it with `#[derive(zerospec::View)]`: on `struct Foo` that generates
/// `FooView<'a>` with one accessor per field. zerospec implements it for the
/// standard types the flat format holds (see the table in
/// [the module docs](crate::flat)).
///
/// # The contract
///
/// A buffer is a tree of *slots*. The slot of a value of type `T` is
/// `slot_width(T::INLINE_SIZE)` bytes wide: the value itself when
/// `INLINE_SIZE` is `Some(n)`, or a 4-byte forward offset to it when it is
/// `None`. A slot of all zero bytes is the type's *absent* value.
///
/// - [`View::validate`] checks the value whose slot starts at byte `slot` of
///   [`Validator::bytes`], and everything it points to, in the order the
///   encoder wrote them: for every offset it meets it calls the validator's
///   helpers ([`Validator::byte_object`], [`Validator::sequence`],
///   [`Validator::table`], [`Validator::variant`]), which enforce that
///   offsets point forward past everything validated so far. The caller
///   guarantees that the slot's own bytes lie in the buffer (the container
///   claimed them); implementations still read them without panicking.
/// - [`View::read`] builds the view from `bytes`, the buffer *from the first
///   byte of the slot to the end of the buffer* (offsets are relative to the
///   slot, so everything the value points to lies in it). On a buffer that
///   [`View::validate`] accepted it returns the value written; on any other
///   input it must not panic, and returns [`View::absent`] (or a view built
///   from whatever bytes are there) instead.
/// - [`View::absent`] is the view of an all-zero slot: what a field the data
///   does not hold (it was written by an older version of the type) reads as.
/// - [`View::from_view`] gives back the owned value.
///
/// Implementations spell `absent`'s return type `Self::View<'a>` even when the
/// view borrows nothing (`fn absent<'a>() -> Self::View<'a>`), so that the
/// lifetime stays a parameter of the method, as the trait declares it.
///
/// `INLINE_SIZE` must equal the type's
/// [`Encode::INLINE_SIZE`](crate::Encode::INLINE_SIZE) and
/// [`Decode::INLINE_SIZE`](crate::Decode::INLINE_SIZE).
///
/// # Examples
///
/// ```
/// use zerospec::flat::View;
///
/// let bytes = zerospec::flat::to_vec(&vec!["a".to_owned(), "bc".to_owned()])?;
/// let words = zerospec::flat::view::<Vec<String>>(&bytes)?;
/// assert_eq!(words.len(), 2);
/// assert_eq!(words.get(1), Some("bc"));
/// assert_eq!(Vec::<String>::from_view(words), ["a", "bc"]);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub trait View: Sized {
    /// The borrowed view: `u32` for `u32`, `&'a str` for `String`,
    /// [`SeqView<'a, T>`](super::SeqView) for `Vec<T>`, `FooView<'a>` for a
    /// derived `Foo`.
    type View<'a>: Copy + Debug + PartialEq;

    /// The width of the type's slot when it is stored inline, or `None` when
    /// its slot is a 4-byte offset to it.
    const INLINE_SIZE: Option<usize>;

    /// True when the type's inline slot holds all of it, with no offset to
    /// data elsewhere: numbers, `bool`, `char`, unit-only enums, and fixed
    /// structs, arrays, tuples and options of them. A sequence of such
    /// values hands each element's view its slot alone. Implies
    /// `INLINE_SIZE` is `Some`.
    #[doc(hidden)]
    const INLINE_ONLY: bool = false;

    /// Validates the value whose slot starts at byte `slot`, and all it points to.
    ///
    /// # Errors
    ///
    /// Fails with the first rule the bytes break.
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()>;

    /// Validates the value whose slot starts at byte `slot`, as
    /// [`View::validate`], and returns its view: what [`view`] calls on the
    /// root. It must return what [`View::read`] would on the slot; the
    /// default validates, then reads. A derived struct builds its view from
    /// the header validation read instead of reading it again.
    ///
    /// # Errors
    ///
    /// Fails as [`View::validate`] does.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::flat::{Validator, View};
    ///
    /// let bytes = zerospec::flat::to_vec(&vec![5u32, 6])?;
    /// let mut v = Validator::new(&bytes);
    /// v.root_slot(4)?;
    /// let seq = <Vec<u32> as View>::validate_view(&mut v, 0)?;
    /// assert_eq!(seq.get(1), Some(6));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    fn validate_view<'a>(v: &mut Validator<'a>, slot: usize) -> Result<Self::View<'a>> {
        Self::validate(v, slot)?;
        Ok(Self::read(slot_at(v.bytes(), slot)))
    }

    /// Reads the view of the value whose slot starts at `bytes[0]`; `bytes`
    /// runs to the end of the buffer. Never panics.
    fn read(bytes: &[u8]) -> Self::View<'_>;

    /// The view of an absent value: the type's zero value.
    fn absent<'a>() -> Self::View<'a>;

    /// The owned value a view shows.
    fn from_view(view: Self::View<'_>) -> Self;
}

/// Validates `bytes` as a flat `T` in one pass and returns its view.
///
/// After this every accessor of the view is infallible and allocation-free
/// (except that string accessors check UTF-8 again, since the crate uses no
/// `unsafe`). Bytes after the message are ignored.
///
/// # Errors
///
/// Fails when `bytes` is not a valid flat `T`: out of bounds, an offset that
/// does not point forward, invalid UTF-8, a `bool` other than 0 or 1, an
/// invalid `char`, an unknown enum index, map keys out of order, or nesting
/// deeper than 64.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// let scores = BTreeMap::from([("ada".to_owned(), 3u32), ("bob".to_owned(), 5)]);
/// let bytes = zerospec::flat::to_vec(&scores)?;
/// let view = zerospec::flat::view::<BTreeMap<String, u32>>(&bytes)?;
/// assert_eq!(view.get("bob"), Some(5));
/// assert_eq!(view.get("eve"), None);
/// # Ok::<_, zerospec::Error>(())
/// ```
#[inline]
pub fn view<T: View>(bytes: &[u8]) -> Result<T::View<'_>> {
    Validator::new(bytes).view::<T>()
}

/// [`view`], with a limit on nesting other than 64.
///
/// # Errors
///
/// Fails as [`view`] does.
///
/// # Examples
///
/// ```
/// let bytes = zerospec::flat::to_vec(&vec![vec![vec![1u8]]])?;
/// assert!(zerospec::flat::view_with_max_depth::<Vec<Vec<Vec<u8>>>>(&bytes, 2).is_err());
/// assert!(zerospec::flat::view_with_max_depth::<Vec<Vec<Vec<u8>>>>(&bytes, 3).is_ok());
/// # Ok::<_, zerospec::Error>(())
/// ```
pub fn view_with_max_depth<T: View>(bytes: &[u8], max_depth: u32) -> Result<T::View<'_>> {
    Validator::new(bytes).with_max_depth(max_depth).view::<T>()
}
