//! [`Validator`]: checks a whole flat buffer in one linear pass, so that a
//! view's accessors never fail afterwards.
//!
//! The validator walks the value tree in the order the encoder wrote it (a
//! container's slots in order, following each offset as it meets it) and
//! keeps a cursor: the end of the last object it claimed. Every offset must
//! point at or after the cursor, so objects never overlap or repeat, and the
//! pass reads each byte a bounded number of times even on hostile input.

use super::error::malformed;
use super::rules;
use super::seq_view::SeqView;
use super::table::{Table, slot_at};
use super::view::View;
use crate::error::{Error, Result};

/// How deep out-of-line values may nest unless configured otherwise.
pub const DEFAULT_MAX_DEPTH: u32 = 64;

/// The state of one validation pass over a buffer: what generated
/// [`View::validate`] impls drive.
///
/// Its methods take the position of a slot that has been claimed: the root
/// slot ([`Validator::root_slot`]), or one inside a container validated
/// before it. An offset of 0 in such a slot reads as absent. On a slot not
/// yet claimed they never panic, but may read offset 0 as pointing at the
/// slot itself.
///
/// # Examples
///
/// ```
/// use zerospec::flat::Validator;
///
/// let bytes = zerospec::flat::to_vec(&vec![vec![1u8]])?;
/// assert!(Validator::new(&bytes).validate::<Vec<Vec<u8>>>().is_ok());
/// assert!(Validator::new(&bytes).with_max_depth(1).validate::<Vec<Vec<u8>>>().is_err());
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug)]
pub struct Validator<'a> {
    bytes: &'a [u8],
    /// The end of the last object claimed: the next offset must point here or later.
    cursor: usize,
    depth: u32,
    max_depth: u32,
}

/// The fields of a struct (or of an enum variant's content) being validated:
/// where its slots start, how many of the reader's fields the data holds, and
/// the offsets of the reader's fields.
///
/// # Examples
///
/// ```
/// use zerospec::flat::{Validator, View};
///
/// // A hand-written struct of two `u16` fields: offsets 0 and 2, 4 bytes in all.
/// struct Pair;
/// fn check(v: &mut Validator<'_>, slot: usize) -> zerospec::Result<()> {
///     v.table(slot, &[0, 2, 4], |v, fields| {
///         fields.field::<u16>(v, 0, "a")?;
///         fields.field::<u16>(v, 1, "b")
///     })
/// }
/// // Offset 4, then 2 fields: a = 1, b = 2.
/// let bytes = [4, 0, 0, 0, 2, 1, 0, 2, 0];
/// let mut v = Validator::new(&bytes);
/// assert!(v.root_slot(4).and_then(|()| check(&mut v, 0)).is_ok());
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FieldSlots<'p> {
    slots: usize,
    present: u32,
    offsets: &'p [usize],
    /// Whether [`Validator::open_table`] went a level deeper for it.
    entered: bool,
}

/// A sequence being validated (see [`Validator::open_sequence`]): where its
/// elements' slots are and how many there are.
///
/// # Examples
///
/// See [`Validator::open_sequence`].
#[derive(Debug, Clone, Copy)]
pub struct Elements {
    start: usize,
    count: usize,
    width: usize,
    /// Whether [`Validator::open_sequence`] went a level deeper for it.
    entered: bool,
}

impl Elements {
    /// How many elements the sequence holds.
    ///
    /// # Examples
    ///
    /// See [`Validator::open_sequence`].
    #[inline(always)]
    #[must_use]
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when the sequence holds no elements.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut v = zerospec::flat::Validator::new(&[0; 4]);
    /// v.root_slot(4)?;
    /// assert!(v.open_sequence(0, 1)?.is_empty());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// How many elements hold something to validate: all of them, or none
    /// when their slots are 0 bytes wide (each still takes a byte in the
    /// buffer, which holds nothing).
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&vec![(), ()])?;
    /// let mut v = zerospec::flat::Validator::new(&bytes);
    /// v.root_slot(4)?;
    /// let elements = v.open_sequence(0, 0)?;
    /// assert_eq!((elements.len(), elements.visits()), (2, 0));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    #[must_use]
    pub fn visits(&self) -> usize {
        if self.width == 0 { 0 } else { self.count }
    }

    /// Where element `index`'s slot starts.
    ///
    /// # Examples
    ///
    /// See [`Validator::open_sequence`].
    #[inline(always)]
    #[must_use]
    pub fn slot(&self, index: usize) -> usize {
        self.start + index * self.width
    }

    /// The sequence's view over `bytes`, the buffer validated.
    #[inline(always)]
    pub(crate) fn view<T: View>(self, bytes: &[u8]) -> SeqView<'_, T> {
        SeqView::validated(slot_at(bytes, self.start), self.count)
    }
}

/// An enum with content being validated: its variant index, and where the
/// variant's content (a struct) starts.
///
/// # Examples
///
/// ```
/// use zerospec::flat::Validator;
///
/// // Variant 1 of an enum whose variant 1 is a newtype of `u8`.
/// let bytes = [4, 0, 0, 0, 1, 1, 9];
/// let mut v = Validator::new(&bytes);
/// v.root_slot(4)?;
/// v.variant(0, |v, variant| match variant.index() {
///     1 => variant.content(v, &[0, 1], |v, fields| fields.element::<u8>(v, 0)),
///     _ => Err(variant.unknown()),
/// })?;
/// # Ok::<_, zerospec::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct VariantSlots {
    index: u32,
    /// The position of the content's field count; `None` for an absent enum
    /// (offset 0), which reads as variant 0 with no fields.
    content: Option<usize>,
}

impl<'a> Validator<'a> {
    /// Makes a validator over `bytes`, nesting at most 64 deep.
    ///
    /// # Examples
    ///
    /// ```
    /// let v = zerospec::flat::Validator::new(&[1, 2]);
    /// assert_eq!(v.bytes(), &[1, 2]);
    /// ```
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        Validator {
            bytes,
            cursor: 0,
            depth: 0,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }

    /// Sets how deep out-of-line values may nest.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&vec![vec![1u8]])?;
    /// let v = zerospec::flat::Validator::new(&bytes).with_max_depth(2);
    /// assert!(v.validate::<Vec<Vec<u8>>>().is_ok());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// The buffer being validated.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(zerospec::flat::Validator::new(&[]).bytes().is_empty());
    /// ```
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Validates the buffer as a flat `T`: the root slot at byte 0 and all it
    /// points to.
    ///
    /// # Errors
    ///
    /// Fails with the first rule the buffer breaks.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::flat::Validator;
    /// assert!(Validator::new(&[1]).validate::<bool>().is_ok());
    /// assert!(Validator::new(&[2]).validate::<bool>().is_err());
    /// ```
    #[inline]
    pub fn validate<T: View>(mut self) -> Result<()> {
        self.root_slot(super::slot_width(T::INLINE_SIZE))?;
        T::validate(&mut self, 0)
    }

    /// Validates the buffer as a flat `T`, as [`Validator::validate`], and
    /// returns the root's view, built from what validation read (a struct's
    /// header is not read a second time).
    ///
    /// # Errors
    ///
    /// Fails with the first rule the buffer breaks.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::flat::Validator;
    /// let bytes = zerospec::flat::to_vec(&vec![3u16, 4])?;
    /// let seq = Validator::new(&bytes).view::<Vec<u16>>()?;
    /// assert_eq!(seq.get(1), Some(4));
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    pub fn view<T: View>(mut self) -> Result<T::View<'a>> {
        self.root_slot(super::slot_width(T::INLINE_SIZE))?;
        T::validate_view(&mut self, 0)
    }

    /// Claims the root slot, `width` bytes at the start of the buffer.
    ///
    /// # Errors
    ///
    /// Fails when the buffer is shorter than `width`.
    ///
    /// # Examples
    ///
    /// ```
    /// let mut v = zerospec::flat::Validator::new(&[0; 3]);
    /// assert!(v.root_slot(4).is_err());
    /// ```
    #[inline(always)]
    pub fn root_slot(&mut self, width: usize) -> Result<()> {
        self.cursor = 0;
        self.depth = 0;
        self.claim(0, width)
    }

    /// A malformed-data error at byte `at`.
    ///
    /// # Examples
    ///
    /// ```
    /// let v = zerospec::flat::Validator::new(&[0]);
    /// assert_eq!(v.malformed("invalid tag", 0).to_string(), "Flat data is malformed: invalid tag (byte 0)");
    /// ```
    #[cold]
    #[must_use]
    pub fn malformed(&self, message: &'static str, at: usize) -> Error {
        malformed(message, self.bytes, at)
    }

    /// The `N` bytes of the slot at `slot`.
    ///
    /// # Errors
    ///
    /// Fails when they run past the end (never, for a slot its container claimed).
    ///
    /// # Examples
    ///
    /// ```
    /// let v = zerospec::flat::Validator::new(&[7, 0]);
    /// assert_eq!(v.scalar::<2>(0)?, [7, 0]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    pub fn scalar<const N: usize>(&self, slot: usize) -> Result<[u8; N]> {
        match self.bytes.get(slot..).and_then(<[u8]>::first_chunk::<N>) {
            Some(bytes) => Ok(*bytes),
            None => Err(malformed("truncated", self.bytes, self.bytes.len())),
        }
    }

    /// Checks that `len` bytes from `start` lie in the buffer and moves the
    /// cursor to their end.
    #[inline(always)]
    fn claim(&mut self, start: usize, len: usize) -> Result<()> {
        self.cursor = rules::claim(self.bytes, start, len)?;
        Ok(())
    }

    /// Reads the offset in the 4-byte slot at `slot`: the object it points to,
    /// or `None` for 0.
    #[inline(always)]
    fn target(&self, slot: usize) -> Result<Option<usize>> {
        let offset = u32::from_le_bytes(self.scalar(slot)?);
        rules::target(self.bytes, self.cursor, slot, offset)
    }

    /// Reads the count at `pos`: its value and the position after it.
    #[inline(always)]
    fn count(&self, pos: usize) -> Result<(u32, usize)> {
        rules::count(self.bytes, pos)
    }

    /// Goes one level deeper, into the object at `at`; [`Validator::leave`]
    /// comes back. (Not a closure-taking helper: LLVM outlines such closures,
    /// which keeps the validator's state in memory on the hot path.)
    #[inline(always)]
    fn enter(&mut self, at: usize) -> Result<()> {
        rules::enter(&mut self.depth, self.max_depth, self.bytes, at)
    }

    /// Comes back up from [`Validator::enter`].
    #[inline(always)]
    fn leave(&mut self) {
        // Saturating: a hand-written impl closing twice must not panic.
        self.depth = self.depth.saturating_sub(1);
    }

    /// Validates the length-prefixed bytes the slot at `slot` points to (a
    /// string's or a byte buffer's) and returns them; empty for offset 0.
    ///
    /// # Errors
    ///
    /// Fails on a bad offset or a length past the end.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec("hi")?;
    /// let mut v = zerospec::flat::Validator::new(&bytes);
    /// v.root_slot(4)?;
    /// assert_eq!(v.byte_object(0)?, b"hi");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    pub fn byte_object(&mut self, slot: usize) -> Result<&'a [u8]> {
        let Some(target) = self.target(slot)? else {
            return Ok(&[]);
        };
        let (len, start) = self.count(target)?;
        self.claim(start, len as usize)?;
        Ok(&self.bytes[start..self.cursor])
    }

    /// Validates the sequence the slot at `slot` points to: its count, that
    /// its `width`-byte elements lie in the buffer, then `each(validator,
    /// element_slot, index)` for every element in order. Elements of width 0
    /// hold nothing to check and are not visited (each still takes one zero
    /// byte in the buffer).
    ///
    /// # Errors
    ///
    /// Fails on a bad offset or count, or as `each` fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&vec![true, false])?;
    /// let mut v = zerospec::flat::Validator::new(&bytes);
    /// v.root_slot(4)?;
    /// let mut seen = Vec::new();
    /// v.sequence(0, 1, |_, slot, index| {
    ///     seen.push((slot, index));
    ///     Ok(())
    /// })?;
    /// assert_eq!(seen, [(5, 0), (6, 1)]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    pub fn sequence(
        &mut self,
        slot: usize,
        width: usize,
        mut each: impl FnMut(&mut Self, usize, usize) -> Result<()>,
    ) -> Result<()> {
        let elements = self.open_sequence(slot, width)?;
        for index in 0..elements.visits() {
            each(self, elements.slot(index), index)?;
        }
        self.close_sequence(elements);
        Ok(())
    }

    /// Starts validating the sequence the slot at `slot` points to, as
    /// [`Validator::sequence`] does, without a closure: checks its count and
    /// claims its `width`-byte elements. The caller validates the elements
    /// at [`Elements::slot`] for each index below [`Elements::visits`], in
    /// order, then calls [`Validator::close_sequence`].
    ///
    /// # Errors
    ///
    /// Fails on a bad offset or count, or when nesting gets too deep.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = zerospec::flat::to_vec(&vec![true, false])?;
    /// let mut v = zerospec::flat::Validator::new(&bytes);
    /// v.root_slot(4)?;
    /// let elements = v.open_sequence(0, 1)?;
    /// assert_eq!(elements.len(), 2);
    /// assert_eq!((elements.slot(0), elements.slot(1)), (5, 6));
    /// v.close_sequence(elements);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    pub fn open_sequence(&mut self, slot: usize, width: usize) -> Result<Elements> {
        let Some(target) = self.target(slot)? else {
            return Ok(Elements {
                start: 0,
                count: 0,
                width,
                entered: false,
            });
        };
        self.enter(target)?;
        let (count, start) = self.count(target)?;
        let size = rules::elements_size(self.bytes, target, count, width)?;
        self.claim(start, size)?;
        Ok(Elements {
            start,
            count: count as usize,
            width,
            entered: true,
        })
    }

    /// Finishes the sequence [`Validator::open_sequence`] started, once its
    /// elements are validated.
    ///
    /// # Examples
    ///
    /// See [`Validator::open_sequence`].
    #[inline(always)]
    pub fn close_sequence(&mut self, elements: Elements) {
        if elements.entered {
            self.leave();
        }
    }

    /// Validates the struct (table) the slot at `slot` points to: its field
    /// count, that the slots of the fields both it and the reader know lie in
    /// the buffer, then `fields`. `offsets` has one entry per field the reader
    /// knows (where its slot starts), then the total size of their slots.
    ///
    /// # Errors
    ///
    /// Fails on a bad offset or count, or as `fields` fails.
    ///
    /// # Examples
    ///
    /// See [`FieldSlots`].
    #[inline(always)]
    pub fn table(
        &mut self,
        slot: usize,
        offsets: &[usize],
        fields: impl FnOnce(&mut Self, FieldSlots<'_>) -> Result<()>,
    ) -> Result<()> {
        let slots = self.open_table(slot, offsets)?;
        fields(self, slots)?;
        self.close_table(slots);
        Ok(())
    }

    /// Starts validating the struct (table) the slot at `slot` points to, as
    /// [`Validator::table`] does, without a closure: checks its field count
    /// and claims the slots of the fields both it and the reader know. The
    /// caller then validates each field through the returned [`FieldSlots`]
    /// and finishes with [`Validator::close_table`]. This is what derived
    /// views use: the whole walk stays in one function, where the
    /// validator's state lives in registers. Validation stops at the first
    /// error: a validator is not reused after one.
    ///
    /// # Errors
    ///
    /// Fails on a bad offset or count, or when nesting gets too deep.
    ///
    /// # Examples
    ///
    /// ```
    /// use zerospec::flat::Validator;
    ///
    /// // Offset 4, then 2 fields of one byte each: 7 and 9.
    /// let bytes = [4, 0, 0, 0, 2, 7, 9];
    /// let mut v = Validator::new(&bytes);
    /// v.root_slot(4)?;
    /// let fields = v.open_table(0, &[0, 1, 2])?;
    /// fields.field::<u8>(&mut v, 0, "a")?;
    /// fields.field::<u8>(&mut v, 1, "b")?;
    /// let table = v.close_table(fields);
    /// assert_eq!(table.field::<u8>(1, 1), 9);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[inline(always)]
    pub fn open_table<'p>(&mut self, slot: usize, offsets: &'p [usize]) -> Result<FieldSlots<'p>> {
        let Some(target) = self.target(slot)? else {
            return Ok(FieldSlots {
                slots: 0,
                present: 0,
                offsets,
                entered: false,
            });
        };
        self.enter(target)?;
        let mut fields = self.content(target, offsets)?;
        fields.entered = true;
        Ok(fields)
    }

    /// Finishes the struct [`Validator::open_table`] started, once its
    /// fields are validated, and returns the [`Table`] its view reads from,
    /// built from the count validation read.
    ///
    /// # Examples
    ///
    /// See [`Validator::open_table`].
    #[inline(always)]
    pub fn close_table(&mut self, fields: FieldSlots<'_>) -> Table<'a> {
        if fields.entered {
            self.leave();
            Table::validated(slot_at(self.bytes, fields.slots), fields.present)
        } else {
            Table::ABSENT
        }
    }

    /// A table's body at `pos`: its count, then its claimed slots.
    #[inline(always)]
    fn content<'p>(&mut self, pos: usize, offsets: &'p [usize]) -> Result<FieldSlots<'p>> {
        let (count, slots) = self.count(pos)?;
        let (present, size) = rules::table_slots(count, offsets);
        self.claim(slots, size)?;
        Ok(FieldSlots {
            slots,
            present,
            offsets,
            entered: false,
        })
    }

    /// Validates the enum with content the slot at `slot` points to: reads its
    /// variant index, then `content` checks the variant's content (see
    /// [`VariantSlots::content`]). An absent enum (offset 0) is variant 0 with
    /// no fields.
    ///
    /// # Errors
    ///
    /// Fails on a bad offset, or as `content` fails.
    ///
    /// # Examples
    ///
    /// See [`VariantSlots`].
    #[inline]
    pub fn variant(
        &mut self,
        slot: usize,
        content: impl FnOnce(&mut Self, VariantSlots) -> Result<()>,
    ) -> Result<()> {
        let Some(target) = self.target(slot)? else {
            return content(
                self,
                VariantSlots {
                    index: 0,
                    content: None,
                },
            );
        };
        self.enter(target)?;
        let (index, after) = self.count(target)?;
        self.cursor = after;
        content(
            self,
            VariantSlots {
                index,
                content: Some(after),
            },
        )?;
        self.leave();
        Ok(())
    }
}

impl FieldSlots<'_> {
    /// How many of the reader's fields the data holds.
    ///
    /// # Examples
    ///
    /// See [`FieldSlots`].
    #[must_use]
    pub fn present(&self) -> u32 {
        self.present
    }

    /// Validates field `index` as a `T` if the data holds it; an error in it
    /// gains `.name` in its path.
    ///
    /// # Errors
    ///
    /// Fails as `T::validate` does.
    ///
    /// # Examples
    ///
    /// See [`FieldSlots`].
    #[inline(always)]
    pub fn field<T: View>(
        &self,
        v: &mut Validator<'_>,
        index: u32,
        name: &'static str,
    ) -> Result<()> {
        if index >= self.present {
            return Ok(());
        }
        let offset = self.offsets.get(index as usize).copied().unwrap_or(0);
        T::validate(v, self.slots + offset).map_err(|err| err.in_field(name))
    }

    /// Validates the first field as a `T` if the data holds it, adding
    /// nothing to an error's path: the one field of the table an owning
    /// pointer's slot points to (`Box<T>` of an inline `T`).
    #[inline]
    pub(crate) fn pointee<T: View>(&self, v: &mut Validator<'_>) -> Result<()> {
        if self.present == 0 {
            return Ok(());
        }
        T::validate(v, self.slots)
    }

    /// Validates positional field `index` (of a tuple struct or variant) as a
    /// `T` if the data holds it; an error in it gains `[index]` in its path.
    ///
    /// # Errors
    ///
    /// Fails as `T::validate` does.
    ///
    /// # Examples
    ///
    /// See [`VariantSlots`].
    #[inline(always)]
    pub fn element<T: View>(&self, v: &mut Validator<'_>, index: u32) -> Result<()> {
        if index >= self.present {
            return Ok(());
        }
        let offset = self.offsets.get(index as usize).copied().unwrap_or(0);
        T::validate(v, self.slots + offset).map_err(|err| err.in_index(index as usize))
    }
}

impl VariantSlots {
    /// The variant's index.
    ///
    /// # Examples
    ///
    /// See [`VariantSlots`].
    #[must_use]
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Validates the variant's content, a struct whose reader-side field
    /// offsets are `offsets` (as in [`Validator::table`]; `&[0]` for a unit
    /// variant).
    ///
    /// # Errors
    ///
    /// Fails on a bad count, or as `fields` fails.
    ///
    /// # Examples
    ///
    /// See [`VariantSlots`].
    #[inline]
    pub fn content(
        &self,
        v: &mut Validator<'_>,
        offsets: &[usize],
        fields: impl FnOnce(&mut Validator<'_>, FieldSlots<'_>) -> Result<()>,
    ) -> Result<()> {
        let slots = match self.content {
            Some(pos) => v.content(pos, offsets)?,
            None => FieldSlots {
                slots: 0,
                present: 0,
                offsets,
                entered: false,
            },
        };
        fields(v, slots)
    }

    /// The error for an index no variant of the reader's enum has:
    /// ``Invalid enum value `7` ``.
    ///
    /// # Examples
    ///
    /// See [`VariantSlots`].
    #[cold]
    #[must_use]
    pub fn unknown(&self) -> Error {
        Error::unknown_variant(&self.index.to_string())
    }
}
