//! [`View`](super::View) for the standard types the flat format holds.

mod map;
mod option;
mod pointer;
mod scalar;
mod seq;
mod text;
mod tuple;
