//! The flat format: a binary layout read in place, with no parse and no
//! allocation, through [`View`]s; written by the same `Encode` derive as JSON
//! and MessagePack.
//!
//! ```
//! use std::collections::BTreeMap;
//!
//! let scores = BTreeMap::from([("ada".to_owned(), vec![3u32, 9]), ("bob".to_owned(), vec![5])]);
//! let bytes = zerospec::flat::to_vec(&scores)?;
//!
//! // Validate once, then read for free: no copy, no allocation.
//! let view = zerospec::flat::view::<BTreeMap<String, Vec<u32>>>(&bytes)?;
//! assert_eq!(view.get("ada").map(|s| s.iter().sum::<u32>()), Some(12));
//!
//! // Or decode an owned value, through the ordinary `Decode`.
//! let owned: BTreeMap<String, Vec<u32>> = zerospec::flat::from_slice(&bytes)?;
//! assert_eq!(owned, scores);
//! # Ok::<_, zerospec::Error>(())
//! ```
//!
//! The byte layout is specified in `docs/flat-format.md`: little-endian, no
//! alignment requirement (any `&[u8]` at any address), written in one forward
//! pass, every offset pointing forward so validation is one linear pass, and
//! structs that record how many fields they were written with, so fields
//! added at the end read as their defaults in newer readers and are skipped
//! by older ones.
//!
//! # Representation
//!
//! Every value sits in a *slot* in its parent. Inline types fill their slot;
//! the others are written elsewhere and their slot holds a 4-byte forward
//! offset to them (0 for the empty value).
//!
//! | Rust | slot | view |
//! |---|---|---|
//! | `bool`, `u8`, `i8` / `u16`, `i16` / `u32`, `i32`, `f32`, `char` / `u64`, `i64`, `f64`, `usize`, `isize` / `u128`, `i128` | inline, 1 / 2 / 4 / 8 / 16 bytes | the value |
//! | `()`, `PhantomData` | inline, 0 bytes | the value |
//! | `Option<T>` | inline: a presence byte, then `T`'s slot | `Option<T's view>` |
//! | tuples, `[T; N]` | inline: the elements' slots | a tuple of views, [`SeqView`] |
//! | `#[zerospec(fixed)]` structs | inline: the fields' slots | `FooView<'a>` |
//! | unit-only enums | inline: the variant index as a `u32` | a view enum |
//! | `String`, `Box<str>` | offset → length, UTF-8 | `&'a str` |
//! | [`ByteBuf`](crate::ByteBuf), `bytes::Bytes` | offset → length, bytes | `&'a [u8]` |
//! | `Vec<T>`, `VecDeque<T>`, `Box<[T]>`, sets | offset → count, `T`'s slots | [`SeqView`] (and [`SeqView::as_slice`] for numbers) |
//! | `BTreeMap`, `HashMap` | offset → count, (key, value) slots sorted by key | [`MapView`] |
//! | structs | offset → field count, the fields' slots | `FooView<'a>` |
//! | enums with content | offset → variant index, the content as a struct | a view enum |
//! | `Box<T>`, `Rc<T>`, `Arc<T>` | as `T` | `T`'s view |
//! | `Duration`, `SystemTime`, IP and socket addresses, `NonZero*` | inline (`docs/flat-format.md`, section 11) | the value |
//! | `Wrapping<T>`, `Saturating<T>`, `Reverse<T>` / `Cell<T>`, `RefCell<T>`, `Mutex<T>`, `RwLock<T>`, atomics | as `T` | the wrapper around `T`'s view / `T`'s view |
//! | `Range<T>`, `RangeInclusive<T>` / `Bound<T>` / `Result<T, E>` | inline | a tuple of views / `Bound` / `Result` of views |
//! | `PathBuf`, `Box<Path>` | offset → length, UTF-8 | `&'a Path` |
//!
//! # Safety without `unsafe`
//!
//! This module forbids `unsafe`: every read is a bounds-checked copy of
//! little-endian bytes, or a zerocopy cast to its unaligned little-endian
//! types. Views never panic, even over bytes that were not validated; after
//! validation they return exactly what was written.
#![forbid(unsafe_code)]

mod decoder;
mod encoder;
mod error;
mod impls;
pub use self::impls::pointer::Boxed;
mod map_view;
mod measured;
pub(crate) mod rules;
mod scalar;
mod seq_view;
mod shared;
mod table;
mod validator;
mod varint;
mod view;

pub use self::decoder::{Checkpoint, FlatDecoder, SlotReader, from_slice};
pub use self::encoder::{FlatEncoder, SlotWriter, to_vec};
pub use self::map_view::{MapIter, MapView};
#[doc(hidden)]
pub use self::rules::keys_increase;
pub use self::scalar::Scalar;
pub use self::seq_view::{SeqIter, SeqView};
pub use self::shared::Shared;
pub use self::table::{Table, Variant, follow, slot_at};
pub use self::validator::{DEFAULT_MAX_DEPTH, Elements, FieldSlots, Validator, VariantSlots};
pub use self::view::{View, view, view_with_max_depth};
#[doc(no_inline)]
pub use crate::encode::{Shape, slot_width};
pub use crate::output::Output;
/// Derives [`View`] (and the view type `FooView<'a>`) for a struct or enum.
pub use zerospec_derive::View;
