//! Spans for generated code that points at the user's tokens.

use proc_macro2::Span;

/// A span at `at`'s place in the source, with the derive's own hygiene.
///
/// Generated code is spanned at a user's token (an attribute, a field's type)
/// so that an error there points at it. But a span also carries its token's
/// hygiene: when that token comes from a `macro_rules!` body and the derive
/// from its caller (or the other way round), the generated locals (`__v`,
/// `__d`) and lifetimes (`'de`) would resolve in the macro's context, apart
/// from the derive's. Taking only the location keeps them in one context.
pub fn located(at: Span) -> Span {
    Span::call_site().located_at(at)
}
