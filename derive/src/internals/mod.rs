//! The derive's model of the user's type: parsed, checked, ready to generate from.

pub mod ast;
pub mod attr;
pub mod case;
pub mod check;
pub mod ctxt;
pub mod span;
pub mod symbol;
