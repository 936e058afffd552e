//! Reading structs and enums in place: [`Table`] and [`Variant`], the
//! runtime that generated `FooView<'a>` types are built on.

use std::fmt;

use super::varint;
use super::view::View;

/// The object an offset slot points to: the buffer from that object to the
/// end, or `None` for offset 0 (an empty value) or an offset past the end.
///
/// # Examples
///
/// ```
/// let bytes = [4, 0, 0, 0, 0xAA];
/// assert_eq!(zerospec::flat::follow(&bytes), Some(&[0xAA][..]));
/// assert_eq!(zerospec::flat::follow(&[0; 4]), None);
/// ```
#[inline]
#[must_use]
pub fn follow(slot: &[u8]) -> Option<&[u8]> {
    let offset = u32::from_le_bytes(*slot.first_chunk::<4>()?);
    if offset == 0 {
        return None;
    }
    // Lossless: usize is at least 32 bits on every supported target.
    slot.get(offset as usize..)
}

/// The bytes from `offset` on, or nothing when `bytes` is shorter: where a
/// field at a constant offset starts.
///
/// # Examples
///
/// ```
/// assert_eq!(zerospec::flat::slot_at(&[1, 2, 3], 1), &[2, 3]);
/// assert!(zerospec::flat::slot_at(&[1], 5).is_empty());
/// ```
#[inline]
#[must_use]
pub fn slot_at(bytes: &[u8], offset: usize) -> &[u8] {
    bytes.get(offset..).unwrap_or(&[])
}

/// A struct stored as a table, read in place: the slots of its fields and how
/// many fields the data holds.
///
/// A generated `FooView<'a>` for a non-`fixed` struct wraps one; each accessor
/// reads field `i` at its constant offset with [`Table::field`], which gives
/// the field's absent value when the data was written with fewer fields.
///
/// # Examples
///
/// ```
/// use zerospec::flat::Table;
///
/// // A struct of two u16 fields written with one: offset 4, count 1, then 7.
/// let bytes = [4, 0, 0, 0, 1, 7, 0];
/// let table = Table::read(&bytes);
/// assert_eq!(table.present(), 1);
/// assert_eq!(table.field::<u16>(0, 0), 7);
/// assert_eq!(table.field::<u16>(1, 2), 0, "absent: the default");
/// ```
#[derive(Clone, Copy)]
pub struct Table<'a> {
    /// The buffer from the first slot to the end.
    slots: &'a [u8],
    /// How many fields the data holds.
    present: u32,
}

impl<'a> Table<'a> {
    /// The table of an absent struct: no fields.
    pub const ABSENT: Table<'static> = Table {
        slots: &[],
        present: 0,
    };

    /// Reads the table an offset slot points to (`slot` runs from the slot to
    /// the end of the buffer); [`Table::ABSENT`] for offset 0.
    ///
    /// # Examples
    ///
    /// See [`Table`].
    #[inline]
    #[must_use]
    pub fn read(slot: &'a [u8]) -> Self {
        match follow(slot) {
            Some(object) => Table::at(object),
            None => Table::ABSENT,
        }
    }

    /// Reads a table starting at `object`: its field count, then its slots.
    ///
    /// # Examples
    ///
    /// ```
    /// let table = zerospec::flat::Table::at(&[2, 1, 2]);
    /// assert_eq!(table.present(), 2);
    /// assert_eq!(table.field::<u8>(1, 1), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn at(object: &'a [u8]) -> Self {
        match varint::read(object) {
            Some((present, len)) => Table {
                slots: slot_at(object, len),
                present,
            },
            None => Table::ABSENT,
        }
    }

    /// The table whose slots start at `slots[0]`, holding `present` fields:
    /// what validation found.
    #[inline(always)]
    pub(crate) fn validated(slots: &'a [u8], present: u32) -> Self {
        Table { slots, present }
    }

    /// How many fields the data holds.
    ///
    /// # Examples
    ///
    /// See [`Table`].
    #[inline]
    #[must_use]
    pub fn present(self) -> u32 {
        self.present
    }

    /// Reads field `index`, of type `T`, whose slot starts `offset` bytes
    /// into the table's slots; `T`'s absent value when the data does not
    /// hold the field.
    ///
    /// # Examples
    ///
    /// See [`Table`].
    #[inline]
    #[must_use]
    pub fn field<T: View>(self, index: u32, offset: usize) -> T::View<'a> {
        if index < self.present {
            T::read(slot_at(self.slots, offset))
        } else {
            T::absent()
        }
    }
}

impl fmt::Debug for Table<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("present", &self.present)
            .finish_non_exhaustive()
    }
}

/// An enum with content, read in place: its variant index and the variant's
/// content as a [`Table`].
///
/// # Examples
///
/// ```
/// use zerospec::flat::Variant;
///
/// // Offset 4; variant 1, whose content has one field: the u8 9.
/// let variant = Variant::read(&[4, 0, 0, 0, 1, 1, 9]);
/// assert_eq!(variant.index(), 1);
/// assert_eq!(variant.content().field::<u8>(0, 0), 9);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Variant<'a> {
    index: u32,
    content: Table<'a>,
}

impl<'a> Variant<'a> {
    /// The enum of an all-zero slot: variant 0 with no fields.
    pub const ABSENT: Variant<'static> = Variant {
        index: 0,
        content: Table::ABSENT,
    };

    /// Reads the enum an offset slot points to; [`Variant::ABSENT`] for offset 0.
    ///
    /// # Examples
    ///
    /// See [`Variant`].
    #[inline]
    #[must_use]
    pub fn read(slot: &'a [u8]) -> Self {
        let Some(object) = follow(slot) else {
            return Variant::ABSENT;
        };
        match varint::read(object) {
            Some((index, len)) => Variant {
                index,
                content: Table::at(slot_at(object, len)),
            },
            None => Variant::ABSENT,
        }
    }

    /// The variant's index.
    ///
    /// # Examples
    ///
    /// See [`Variant`].
    #[inline]
    #[must_use]
    pub fn index(self) -> u32 {
        self.index
    }

    /// The variant's content: its fields, as a struct's.
    ///
    /// # Examples
    ///
    /// See [`Variant`].
    #[inline]
    #[must_use]
    pub fn content(self) -> Table<'a> {
        self.content
    }
}
