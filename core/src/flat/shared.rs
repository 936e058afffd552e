//! [`Shared`]: a validated flat buffer that owns its bytes and hands out views.

use std::fmt;
use std::marker::PhantomData;

use super::validator::Validator;
use super::view::View;
use crate::error::Result;

/// A flat `T` held in a `bytes::Bytes`, validated once, handing out `T`'s
/// view on demand.
///
/// Cloning it shares the bytes (a reference count, no copy); it is `Send`,
/// `Sync` and `'static` (for `T: 'static`), so a view's data can be stored in
/// a struct or passed between tasks and threads, and viewed there.
///
/// # Examples
///
/// ```
/// use zerospec::flat::Shared;
///
/// let bytes = bytes::Bytes::from(zerospec::flat::to_vec(&vec!["a".to_owned(), "b".to_owned()])?);
/// let shared = Shared::<Vec<String>>::new(bytes)?;
/// let copy = shared.clone();
/// let from_thread = std::thread::spawn(move || copy.view().get(1).map(str::to_owned))
///     .join()
///     .unwrap();
/// assert_eq!(from_thread.as_deref(), Some("b"));
/// assert_eq!(shared.view().len(), 2);
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct Shared<T> {
    // INVARIANT: `bytes` holds a flat `T` that `Validator::validate::<T>` accepted.
    bytes: bytes::Bytes,
    value: PhantomData<fn() -> T>,
}

impl<T: View> Shared<T> {
    /// Validates `bytes` as a flat `T` and keeps them.
    ///
    /// # Errors
    ///
    /// Fails as [`view`](super::view()) does.
    ///
    /// # Examples
    ///
    /// ```
    /// let shared = zerospec::flat::Shared::<u16>::new(bytes::Bytes::from_static(&[1, 0]))?;
    /// assert_eq!(shared.view(), 1);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn new(bytes: bytes::Bytes) -> Result<Self> {
        Validator::new(&bytes).validate::<T>()?;
        Ok(Shared {
            bytes,
            value: PhantomData,
        })
    }

    /// [`Shared::new`], with a limit on nesting other than 64.
    ///
    /// # Errors
    ///
    /// Fails as [`view`](super::view()) does.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = bytes::Bytes::from(zerospec::flat::to_vec(&vec![vec![1u8]])?);
    /// assert!(zerospec::flat::Shared::<Vec<Vec<u8>>>::with_max_depth(bytes, 1).is_err());
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn with_max_depth(bytes: bytes::Bytes, max_depth: u32) -> Result<Self> {
        Validator::new(&bytes)
            .with_max_depth(max_depth)
            .validate::<T>()?;
        Ok(Shared {
            bytes,
            value: PhantomData,
        })
    }

    /// The view of the value; free, since the bytes were validated.
    ///
    /// # Examples
    ///
    /// See [`Shared`].
    #[inline]
    #[must_use]
    pub fn view(&self) -> T::View<'_> {
        T::read(&self.bytes)
    }

    /// The owned value, decoded from the view.
    ///
    /// # Examples
    ///
    /// ```
    /// let bytes = bytes::Bytes::from(zerospec::flat::to_vec("hi")?);
    /// let shared = zerospec::flat::Shared::<String>::new(bytes)?;
    /// assert_eq!(shared.to_value(), "hi");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn to_value(&self) -> T {
        T::from_view(self.view())
    }

    /// The validated bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// let shared = zerospec::flat::Shared::<u8>::new(bytes::Bytes::from_static(&[7]))?;
    /// assert_eq!(&shared.bytes()[..], &[7]);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn bytes(&self) -> &bytes::Bytes {
        &self.bytes
    }

    /// Gives back the bytes.
    ///
    /// # Examples
    ///
    /// ```
    /// let shared = zerospec::flat::Shared::<u8>::new(bytes::Bytes::from_static(&[7]))?;
    /// assert_eq!(shared.into_bytes().len(), 1);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> bytes::Bytes {
        self.bytes
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared {
            bytes: self.bytes.clone(),
            value: PhantomData,
        }
    }
}

impl<T: View> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Shared").field(&self.view()).finish()
    }
}

impl<T: View> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        self.view() == other.view()
    }
}
