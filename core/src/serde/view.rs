//! [`SerdeView`]: a serde value in a flat buffer, as its embedded
//! MessagePack.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Serde;
use crate::ByteBuf;
use crate::error::Result;
use crate::flat::{Validator, View};

/// The view of a serde value in a flat buffer: the flat format holds such a
/// field as its MessagePack encoding (the bytes of
/// `rmp_serde::to_vec_named`) in one bytes value, and the view hands out
/// those bytes, or decodes them on request.
///
/// It is what a `#[zerospec(serde)]` field's accessor returns, and the
/// [`View`] of [`Serde<T>`]. A buffer that passed validation holds MessagePack
/// that decodes as `T`, so [`SerdeView::get`] succeeds on it.
///
/// # Examples
///
/// ```
/// use zerospec::serde::{Serde, SerdeView};
/// use zerospec::{Encode, Encoder};
///
/// #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq, Default)]
/// struct Legacy { id: u32 }
///
/// // A value written through the bridge, as a `with = "zerospec::serde"` field is.
/// struct Bridged<'a>(&'a Legacy);
/// impl Encode for Bridged<'_> {
///     fn encode<E: Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
///         zerospec::serde::encode(self.0, e)
///     }
/// }
///
/// let bytes = zerospec::flat::to_vec(&Bridged(&Legacy { id: 7 }))?;
/// let view: SerdeView<'_, Legacy> = zerospec::flat::view::<Serde<Legacy>>(&bytes)?;
/// assert_eq!(view.bytes(), [0x81, 0xa2, b'i', b'd', 0x07]); // {"id": 7} in MessagePack
/// assert_eq!(view.get()?, Legacy { id: 7 });
/// # Ok::<_, zerospec::Error>(())
/// ```
pub struct SerdeView<'a, T> {
    bytes: &'a [u8],
    value: PhantomData<fn() -> T>,
}

impl<'a, T> SerdeView<'a, T> {
    /// The view of the serde value whose MessagePack encoding is `bytes`.
    ///
    /// # Examples
    ///
    /// ```
    /// let view = zerospec::serde::SerdeView::<u8>::new(&[0x07]);
    /// assert_eq!(view.get()?, 7);
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    #[must_use]
    pub const fn new(bytes: &'a [u8]) -> Self {
        SerdeView {
            bytes,
            value: PhantomData,
        }
    }

    /// The embedded MessagePack, as `rmp_serde::to_vec_named` writes the
    /// value; empty for a field the buffer does not hold.
    ///
    /// # Examples
    ///
    /// ```
    /// let view = zerospec::serde::SerdeView::<bool>::new(&[0xc3]);
    /// assert_eq!(view.bytes(), [0xc3]);
    /// ```
    #[must_use]
    pub const fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Decodes the value from its MessagePack; strings in it may borrow
    /// from the buffer.
    ///
    /// # Errors
    ///
    /// Fails when the bytes are not one MessagePack value of `T`: never on a
    /// buffer that passed validation, except for a field it does not hold
    /// (the bytes are then empty). Without the `msgpack` feature, always.
    ///
    /// # Examples
    ///
    /// ```
    /// let view = zerospec::serde::SerdeView::<&str>::new(&[0xa2, b'h', b'i']);
    /// assert_eq!(view.get()?, "hi");
    /// # Ok::<_, zerospec::Error>(())
    /// ```
    pub fn get(&self) -> Result<T>
    where
        T: Deserialize<'a>,
    {
        decode_embedded(self.bytes)
    }
}

/// Decodes one MessagePack value of `T` that is the whole of `bytes`.
#[cfg(feature = "msgpack")]
fn decode_embedded<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T> {
    let mut decoder = crate::msgpack::MsgPackDecoder::new(bytes);
    let value = T::deserialize(super::Deserializer::new(&mut decoder))?;
    decoder.end()?;
    Ok(value)
}

#[cfg(not(feature = "msgpack"))]
fn decode_embedded<'a, T: Deserialize<'a>>(_bytes: &'a [u8]) -> Result<T> {
    Err(crate::Error::unsupported(
        "a serde value is embedded in the flat format as MessagePack, which needs zerospec's `msgpack` feature",
    ))
}

impl<T> Clone for SerdeView<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SerdeView<'_, T> {}

impl<T> PartialEq for SerdeView<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl<T> fmt::Debug for SerdeView<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SerdeView").field(&self.bytes).finish()
    }
}

impl<T: DeserializeOwned + Default> View for Serde<T> {
    type View<'a> = SerdeView<'a, T>;

    const INLINE_SIZE: Option<usize> = None;

    /// Validates the bytes value, then that its MessagePack decodes as `T`
    /// (a field the buffer does not hold, with no bytes, is valid).
    fn validate(v: &mut Validator<'_>, slot: usize) -> Result<()> {
        let bytes = v.byte_object(slot)?;
        if bytes.is_empty() {
            return Ok(());
        }
        decode_embedded::<T>(bytes).map(drop)
    }

    fn read(bytes: &[u8]) -> SerdeView<'_, T> {
        SerdeView::new(<ByteBuf as View>::read(bytes))
    }

    fn absent<'a>() -> SerdeView<'a, T> {
        SerdeView::new(&[])
    }

    /// The decoded value; `T::default()` for bytes that do not decode, which
    /// a validated buffer never holds but for a field it does not hold.
    fn from_view(view: SerdeView<'_, T>) -> Self {
        Serde(decode_embedded(view.bytes).unwrap_or_default())
    }
}
