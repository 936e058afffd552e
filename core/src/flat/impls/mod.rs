//! [`View`](super::View) for the standard types the flat format holds.

mod inline;
mod map;
mod ops;
mod option;
mod path;
pub(crate) mod pointer;
mod scalar;
mod seq;
mod text;
mod tuple;
mod wrapper;
