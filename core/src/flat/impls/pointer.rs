//! `Box<T>`, `Rc<T>`, `Arc<T>`: an offset, to the value's own object when it
//! is out of line, else to a one-field table holding its slot, so that a
//! recursive type has a finite layout; viewed as a [`Boxed`], which reads
//! the value's view when asked, so that a recursive type's view is a finite
//! type too.

use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::Arc;

use crate::error::Result;
use crate::flat::{Table, Validator, View};

/// The view of a `Box<T>`, `Rc<T>` or `Arc<T>` in a flat buffer: the
/// pointer's slot, whose value [`Boxed::get`] reads. It holds the slot
/// rather than the value's view, so that a recursive type (an
/// `enum Expr { Num(i64), Neg(Box<Expr>) }`) has a view of finite size.
///
/// # Examples
///
/// ```
/// use zerospec::flat::View;
///
/// #[derive(zerospec::Encode, zerospec::Decode, View, Debug, PartialEq)]
/// enum Expr {
///     Num(i64),
///     Neg(Box<Expr>),
/// }
///
/// let bytes = zerospec::flat::to_vec(&Expr::Neg(Box::new(Expr::Num(3))))?;
/// let ExprView::Neg(inner) = zerospec::flat::view::<Expr>(&bytes)? else {
///     panic!("written as `Neg`");
/// };
/// assert_eq!(inner.get(), ExprView::Num(3));
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct Boxed<'a, T> {
    slot: &'a [u8],
    marker: PhantomData<fn() -> T>,
}

impl<'a, T: View> Boxed<'a, T> {
    /// The view of the value the pointer holds.
    ///
    /// # Examples
    ///
    /// See [`Boxed`].
    #[inline]
    #[must_use]
    pub fn get(self) -> T::View<'a> {
        match T::INLINE_SIZE {
            Some(_) => Table::read(self.slot).field::<T>(0, 0),
            None => T::read(self.slot),
        }
    }
}

impl<T> Clone for Boxed<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Boxed<'_, T> {}

impl<T: View> fmt::Debug for Boxed<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

impl<T: View> PartialEq for Boxed<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

macro_rules! pointers {
    ($($ptr:ident),* $(,)?) => {$(
        impl<T: View> View for $ptr<T> {
            type View<'a> = Boxed<'a, T>;

            const INLINE_SIZE: Option<usize> = None;

            #[inline]
            fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
                match T::INLINE_SIZE {
                    Some(width) => {
                        let offsets = [0, width];
                        let fields = v.open_table(slot, &offsets)?;
                        fields.pointee::<T>(v)?;
                        v.close_table(fields);
                        Ok(())
                    }
                    None => T::validate(v, slot),
                }
            }

            #[inline]
            fn read(bytes: &[u8]) -> Boxed<'_, T> {
                Boxed { slot: bytes, marker: PhantomData }
            }

            #[inline]
            fn absent<'a>() -> Boxed<'a, T> {
                Boxed { slot: &[], marker: PhantomData }
            }

            #[inline]
            fn from_view(view: Boxed<'_, T>) -> Self {
                $ptr::new(T::from_view(view.get()))
            }
        }
    )*};
}

pointers!(Box, Rc, Arc);
