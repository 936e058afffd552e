//! Named fields read from a map in one pass: the key match, the per-field decode
//! with its constraints, and the final assembly with defaults and missing-field errors.
//!
//! The same pieces serve a struct's `DecodeFields` impl (so it can be flattened
//! into another struct or be an internally tagged variant's content) and the
//! inline loop of an enum's struct variant.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::bound;
use crate::internals::ast::{Container, Field};
use crate::internals::attr::{self, Via};

/// A named field's place in the decoding builder.
pub struct Slot<'f, 'a> {
    pub field: &'f Field<'a>,
    /// Position in the builder tuple.
    pub slot: syn::Index,
}

/// The fields that take part in decoding, with their builder slots.
pub fn slots<'f, 'a>(fields: &'f [Field<'a>]) -> Vec<Slot<'f, 'a>> {
    fields
        .iter()
        .filter(|f| !f.attrs.skip_deserializing)
        .enumerate()
        .map(|(i, field)| Slot {
            field,
            slot: syn::Index::from(i),
        })
        .collect()
}

/// `<T as DecodeFields<'de>>`, spanned at the field's type so that a type
/// that cannot be flattened is the one the compiler points at.
pub fn decode_fields(ty: &syn::Type) -> TokenStream {
    quote_spanned!(crate::internals::span::located(ty.span())=> <#ty as ::zerospec::__private::DecodeFields<'de>>)
}

/// The builder type: `Option<T>` per field, the inner builder per flattened field.
pub fn builder_type(slots: &[Slot]) -> TokenStream {
    let types = slots.iter().map(|s| {
        let ty = s.field.ty;
        let tr = decode_fields(ty);
        if s.field.attrs.flatten {
            quote_spanned!(crate::internals::span::located(ty.span())=> #tr::Builder)
        } else {
            quote!(::core::option::Option<#ty>)
        }
    });
    quote!((#(#types,)*))
}

pub fn builder_init(slots: &[Slot]) -> TokenStream {
    let inits = slots.iter().map(|s| {
        let ty = s.field.ty;
        let tr = decode_fields(ty);
        if s.field.attrs.flatten {
            quote!(#tr::builder())
        } else {
            quote!(::core::option::Option::None)
        }
    });
    quote!((#(#inits,)*))
}

fn own(slots: &[Slot]) -> usize {
    slots.iter().filter(|s| !s.field.attrs.flatten).count()
}

/// The id span: own fields, then each flattened field's span in turn.
pub fn span(slots: &[Slot]) -> TokenStream {
    let own = u32::try_from(own(slots)).expect("fewer than 2^32 fields");
    let inner = slots.iter().filter(|s| s.field.attrs.flatten).map(|s| {
        let ty = s.field.ty;
        let tr = decode_fields(ty);
        quote_spanned!(crate::internals::span::located(ty.span())=> + #tr::SPAN)
    });
    quote!(#own #(#inner)*)
}

/// The first claim id of each flattened field, in order.
fn flatten_bases<'s, 'f, 'a>(slots: &'s [Slot<'f, 'a>]) -> Vec<(&'s Slot<'f, 'a>, TokenStream)> {
    let own = u32::try_from(own(slots)).expect("fewer than 2^32 fields");
    let mut base = quote!(#own);
    let mut out = Vec::new();
    for s in slots.iter().filter(|s| s.field.attrs.flatten) {
        out.push((s, base.clone()));
        let ty = s.field.ty;
        let tr = decode_fields(ty);
        base = quote_spanned!(crate::internals::span::located(ty.span())=> #base + #tr::SPAN);
    }
    out
}

/// An expression mapping `__key` to `Option<u32>`, a claim id: own fields
/// first, then flattened ones in order (which may fail, on a bad map key).
pub fn claim(slots: &[Slot]) -> TokenStream {
    if slots.iter().all(|s| !s.field.attrs.flatten) {
        let arms = slots.iter().enumerate().map(|(id, s)| {
            let id = u32::try_from(id).expect("fewer than 2^32 fields");
            let names = s.field.attrs.name.de_names();
            quote!(#(#names)|* => ::core::option::Option::Some(#id),)
        });
        return quote! {
            match &*__key {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        };
    }
    let mut arms = Vec::new();
    for (id, s) in slots.iter().filter(|s| !s.field.attrs.flatten).enumerate() {
        let id = u32::try_from(id).expect("fewer than 2^32 fields");
        let names = s.field.attrs.name.de_names();
        arms.push(quote!(#(#names)|* => break '__claim ::core::option::Option::Some(#id),));
    }
    let own_match = if arms.is_empty() {
        quote!()
    } else {
        quote! {
            match &*__key {
                #(#arms)*
                _ => {}
            }
        }
    };
    let flattened = flatten_bases(slots).into_iter().map(|(s, base)| {
        let ty = s.field.ty;
        let tr = decode_fields(ty);
        let slot = &s.slot;
        quote! {
            if let ::core::option::Option::Some(__id) =
                #tr::claim(&mut __b.#slot, __key)?
            {
                break '__claim ::core::option::Option::Some(#base + __id);
            }
        }
    });
    quote! {
        '__claim: {
            #own_match
            #(#flattened)*
            ::core::option::Option::None
        }
    }
}

/// Reads one field's value from `__d`, honouring `with`, `bytes` and owned `Cow`s.
pub fn decode_value(field: &Field) -> TokenStream {
    let ty = field.ty;
    let located = crate::internals::span::located;
    match &field.attrs.de_via {
        Some(Via::Module(with)) => {
            let name = &field.attrs.name.de;
            let call = quote_spanned!(located(with.span())=> #with::decode(__d));
            return quote! {
                if <__D as ::zerospec::Decoder<'de>>::POSITIONAL {
                    ::zerospec::__private::positional_with(#name)
                } else {
                    #call
                }
            };
        }
        Some(Via::SerdeFn(with)) => {
            return quote_spanned!(located(with.span())=>
                ::zerospec::serde::decode_with(__d, |__s| #with(__s))
            );
        }
        Some(Via::SerdeImpl) => {
            return quote_spanned!(located(ty.span())=>
                ::zerospec::serde::decode::<#ty, __D>(__d)
            );
        }
        None => {}
    }
    if field.attrs.bytes {
        quote!(::zerospec::__private::decode_byte_buf::<#ty, __D>(__d))
    } else if is_borrowed_cow(field) {
        quote!(<#ty as ::zerospec::__private::BorrowCow<'de>>::decode_borrowed(__d))
    } else {
        quote!(<#ty as ::zerospec::Decode<'de>>::decode(__d))
    }
}

/// A `Cow<'a, _>` field marked `#[serde(borrow)]`: it borrows from the input.
/// Without the mark a `Cow` decodes owned, as serde's does, through its own
/// `Decode`.
pub fn is_borrowed_cow(field: &Field) -> bool {
    let syn::Type::Path(path) = field.ty else {
        return false;
    };
    if path.qself.is_some() || path.path.segments.last().is_none_or(|s| s.ident != "Cow") {
        return false;
    }
    !bound::borrowed_lifetimes(field).is_empty()
}

/// Constraint checks on `__v`, each an expression of type `Result<()>`.
pub fn constraints(field: &Field) -> Vec<TokenStream> {
    let c = &field.attrs.constraints;
    // Each check is spanned at its attribute, so that a constraint on a type it
    // cannot apply to is reported there.
    let at = |name: &str| {
        field
            .attrs
            .spans
            .get(name)
            .and_then(|tokens| tokens.clone().into_iter().next())
            .map_or_else(proc_macro2::Span::call_site, |token| token.span())
    };
    let mut checks = Vec::new();
    let numeric = [
        (&c.ge, "ge", quote!(Ge)),
        (&c.gt, "gt", quote!(Gt)),
        (&c.le, "le", quote!(Le)),
        (&c.lt, "lt", quote!(Lt)),
    ];
    for (expr, name, op) in numeric {
        if let Some(expr) = expr {
            let bound = bound_expr(expr);
            let text = expr_text(expr);
            checks.push(quote_spanned!(crate::internals::span::located(at(name))=> ::zerospec::__private::check_bound(&__v, ::zerospec::__private::Op::#op, #bound, #text)));
        }
    }
    if let Some(expr) = &c.multiple_of {
        let bound = bound_expr(expr);
        let text = expr_text(expr);
        checks.push(quote_spanned!(crate::internals::span::located(at("multiple_of"))=> ::zerospec::__private::check_multiple_of(&__v, #bound, #text)));
    }
    if let Some(expr) = &c.min_len {
        checks.push(
            quote_spanned!(crate::internals::span::located(at("min_len"))=>
                ::zerospec::__private::check_len(&__v, ::zerospec::__private::Op::Ge, #expr)
            ),
        );
    }
    if let Some(expr) = &c.max_len {
        checks.push(
            quote_spanned!(crate::internals::span::located(at("max_len"))=>
                ::zerospec::__private::check_len(&__v, ::zerospec::__private::Op::Le, #expr)
            ),
        );
    }
    if let Some(path) = &c.validate {
        // Called, not passed, so that `&String` coerces to a `fn(&str)`'s argument.
        checks.push(
            quote_spanned!(crate::internals::span::located(path.span())=>
                ::zerospec::__private::run_validator(&__v, |__x| #path(__x))
            ),
        );
    }
    checks
}

/// Reads a field's value into `__v` and checks its constraints; on failure
/// returns the error with the field's name added to its path.
pub fn decode_checked(cont: &Container, field: &Field, in_path: &TokenStream) -> TokenStream {
    let _ = cont;
    let value = decode_value(field);
    let checks = constraints(field);
    let err = if in_path.is_empty() {
        quote!(__err)
    } else {
        quote!(__err.#in_path)
    };
    quote! {
        let __v = match #value {
            ::core::result::Result::Ok(__v) => __v,
            ::core::result::Result::Err(__err) => return ::core::result::Result::Err(#err),
        };
        #(
            if let ::core::result::Result::Err(__err) = #checks {
                return ::core::result::Result::Err(#err);
            }
        )*
    }
}

/// Where a value read sits in its container, for the error's path.
#[derive(Clone, Copy)]
pub enum At<'n> {
    /// The container adds nothing (a newtype's field, an untagged variant's content).
    Nowhere,
    /// The named field.
    Field(&'n str),
    /// The element at this index of an array.
    Index(usize),
}

/// The path to `<ty as Decode<'de>>::function`, a function item to hand
/// to a helper, spanned at the type, so that a type without the impl is
/// reported there, once, as where the old code called it.
pub fn decode_fn(ty: &syn::Type, function: &str) -> TokenStream {
    let function = syn::Ident::new(function, proc_macro2::Span::call_site());
    quote_spanned!(crate::internals::span::located(ty.span())=> <#ty as ::zerospec::Decode<'de>>::#function)
}

/// True when a field is read by its type's own `Decode` and checks nothing
/// after, so that one call of a helper in `__private` reads it.
pub fn is_plain(field: &Field) -> bool {
    field.attrs.de_via.is_none()
        && !field.attrs.bytes
        && !is_borrowed_cow(field)
        && field.attrs.constraints.is_empty()
}

/// An expression reading a field's value from `__d` and checking its
/// constraints; on failure it returns the error from the function around,
/// with the field's place (`at`) added to its path.
pub fn read(cont: &Container, field: &Field, at: At) -> TokenStream {
    if !field.attrs.constraints.is_empty() {
        let in_path = match at {
            At::Nowhere => quote!(),
            At::Field(name) => quote!(in_field(#name)),
            At::Index(i) => quote!(in_index(#i)),
        };
        let checked = decode_checked(cont, field, &in_path);
        return quote!({ #checked __v });
    }
    match at {
        At::Field(name) => {
            let value = decode_value(field);
            quote!(::zerospec::__private::at_field(#value, #name)?)
        }
        At::Index(i) => {
            let value = decode_value(field);
            quote! {
                match #value {
                    ::core::result::Result::Ok(__v) => __v,
                    ::core::result::Result::Err(__err) => return ::core::result::Result::Err(__err.in_index(#i)),
                }
            }
        }
        At::Nowhere => {
            let value = decode_value(field);
            quote!(#value?)
        }
    }
}

/// A bound as a `__private::Bound`: integer literals as `Int`, float literals as
/// `Float`, anything else (a const) through `From`.
fn bound_expr(expr: &syn::Expr) -> TokenStream {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(lit),
            ..
        }) => {
            let digits = lit.base10_digits();
            let lit = proc_macro2::Literal::i128_unsuffixed(digits.parse().unwrap_or(0));
            quote!(::zerospec::__private::Bound::Int(#lit))
        }
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Float(lit),
            ..
        }) => {
            let value: f64 = lit.base10_parse().unwrap_or(0.0);
            let lit = proc_macro2::Literal::f64_unsuffixed(value);
            quote!(::zerospec::__private::Bound::Float(#lit))
        }
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => {
            let inner = bound_expr(expr);
            quote!(::zerospec::__private::Bound::negated(#inner))
        }
        other => quote!(::zerospec::__private::Bound::from(#other)),
    }
}

/// The bound as the user wrote it, for the error message, when it is a
/// literal; empty for a constant or other expression, whose value the
/// message then shows.
fn expr_text(expr: &syn::Expr) -> String {
    let is_literal = match expr {
        syn::Expr::Lit(_) => true,
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => matches!(**expr, syn::Expr::Lit(_)),
        _ => false,
    };
    if is_literal {
        quote!(#expr).to_string().replace(' ', "")
    } else {
        String::new()
    }
}

/// Statements reading the value of one own field into the builder.
fn decode_own_field(cont: &Container, s: &Slot) -> TokenStream {
    let field = s.field;
    let slot = &s.slot;
    let name = &field.attrs.name.de;
    if is_plain(field) {
        let ty = field.ty;
        let read = decode_fn(ty, "decode");
        return quote!(::zerospec::__private::read_claimed(&mut __b.#slot, __d, #name, #read)?;);
    }
    let read = read(cont, field, At::Field(name));
    quote! {
        if __b.#slot.is_some() {
            return ::core::result::Result::Err(::zerospec::Error::duplicate_field(#name));
        }
        __b.#slot = ::core::option::Option::Some(#read);
    }
}

/// Statements decoding the value for claim id `__id` from `__d` into `__b`.
/// Valid in any function returning `zerospec::Result<_>`.
pub fn decode_claimed(cont: &Container, slots: &[Slot]) -> TokenStream {
    let arms = slots
        .iter()
        .filter(|s| !s.field.attrs.flatten)
        .enumerate()
        .map(|(id, s)| {
            let id = u32::try_from(id).expect("fewer than 2^32 fields");
            let body = decode_own_field(cont, s);
            quote!(#id => { #body })
        });
    let flattened = flatten_bases(slots).into_iter().map(|(s, base)| {
        let ty = s.field.ty;
        let tr = decode_fields(ty);
        let slot = &s.slot;
        quote! {
            if __id >= #base && __id - (#base) < #tr::SPAN {
                #tr::decode_claimed(&mut __b.#slot, __id - (#base), __d)?;
            }
        }
    });
    quote! {
        match __id {
            #(#arms)*
            _ => {
                #(#flattened)*
            }
        }
    }
}

/// The value of a field that takes no part in decoding, or is missing.
pub fn default_value(cont: &Container, field: &Field) -> Option<TokenStream> {
    match &field.attrs.default {
        attr::Default::Path(path) => Some(quote!(#path())),
        attr::Default::Default => Some(quote!(::core::default::Default::default())),
        attr::Default::None => match &cont.attrs.default {
            attr::Default::None => None,
            _ => {
                let member = &field.member;
                Some(quote!(__container_default.#member))
            }
        },
    }
}

/// An expression assembling the value from `__b`: `Ok(Path { ... })`, or the
/// first missing required field as an error.
pub fn finish(cont: &Container, fields: &[Field], constructor: &TokenStream) -> TokenStream {
    assemble(cont, fields, constructor, false)
}

/// True for a field an encoder may leave out (`skip_serializing_if`, or
/// `skip_serializing` alone), which the in-order path holds as an `Option`.
pub fn may_be_left_out(field: &Field) -> bool {
    field.attrs.skip_serializing_if.is_some() || field.attrs.skip_serializing
}

/// The local that holds the value of the field in builder slot `slot` while
/// the fields are read in declaration order.
pub fn local(slot: &syn::Index) -> syn::Ident {
    quote::format_ident!("__f{}", slot.index)
}

/// An expression assembling the value, `Ok(Path { ... })`, from the locals
/// named by [`local`] when every field was read in order (no field may be
/// flattened), or else as [`finish`] does.
pub fn finish_in_order(
    cont: &Container,
    fields: &[Field],
    constructor: &TokenStream,
) -> TokenStream {
    assemble(cont, fields, constructor, true)
}

/// The value of a field that is read but missing from the input: its default,
/// `absent()` (`None` for an `Option`), or a missing-field error returned from
/// the function around. May use the container default, `__container_default`.
fn missing_value(cont: &Container, field: &Field) -> TokenStream {
    let ty = field.ty;
    let name = &field.attrs.name.de;
    match default_value(cont, field) {
        Some(value) => value,
        None if matches!(field.attrs.de_via, Some(Via::SerdeImpl)) => quote! {
            match ::zerospec::__private::serde_absent::<#ty>() {
                ::core::option::Option::Some(__v) => __v,
                ::core::option::Option::None => return ::core::result::Result::Err(::zerospec::Error::missing_field(#name)),
            }
        },
        None if field.attrs.de_via.is_none() && !field.attrs.bytes => {
            quote! {
                match <#ty as ::zerospec::Decode<'de>>::absent() {
                    ::core::option::Option::Some(__v) => __v,
                    ::core::option::Option::None => return ::core::result::Result::Err(::zerospec::Error::missing_field(#name)),
                }
            }
        }
        None => quote!(return ::core::result::Result::Err(::zerospec::Error::missing_field(#name))),
    }
}

/// The value of a field held as an `Option` (`held`) once the map has ended,
/// through one call, where the field's missing value allows: its type's
/// absent value or a missing-field error, or its `Default`. `None` for the
/// other cases, which [`missing_value`] writes out.
fn taken_or_missing(cont: &Container, field: &Field, held: &TokenStream) -> Option<TokenStream> {
    let name = &field.attrs.name.de;
    match &field.attrs.default {
        attr::Default::Default => Some(quote!(::core::option::Option::unwrap_or_default(#held))),
        attr::Default::None
            if cont.attrs.default.is_none()
                && field.attrs.de_via.is_none()
                && !field.attrs.bytes =>
        {
            let ty = field.ty;
            let absent = decode_fn(ty, "absent");
            Some(quote!(::zerospec::__private::required(#held, #name, #absent)?))
        }
        _ => None,
    }
}

/// True when `value` reads the container default, which must then be made first.
fn uses_container_default_value(value: &TokenStream) -> bool {
    value.to_string().contains("__container_default")
}

fn assemble(
    cont: &Container,
    fields: &[Field],
    constructor: &TokenStream,
    in_order: bool,
) -> TokenStream {
    let slots = slots(fields);
    let mut uses_container_default = false;
    let inits = fields.iter().map(|field| {
        let member = &field.member;
        if field.attrs.skip_deserializing {
            let value = default_value(cont, field)
                .unwrap_or_else(|| quote!(::core::default::Default::default()));
            uses_container_default |= uses_container_default_value(&value);
            return quote!(#member: #value);
        }
        let s = slots
            .iter()
            .find(|s| std::ptr::eq(s.field, field))
            .expect("slot for live field");
        let slot = &s.slot;
        let ty = field.ty;
        let tr = decode_fields(ty);
        if field.attrs.flatten {
            return quote! {
                #member: #tr::finish(__b.#slot)?
            };
        }
        let local = local(slot);
        if in_order && !may_be_left_out(field) {
            return quote!(#member: #local);
        }
        let held = if in_order {
            quote!(#local)
        } else {
            quote!(__b.#slot)
        };
        if let Some(value) = taken_or_missing(cont, field, &held) {
            return quote!(#member: #value);
        }
        let missing = missing_value(cont, field);
        uses_container_default |= uses_container_default_value(&missing);
        quote! {
            #member: match #held {
                ::core::option::Option::Some(__v) => __v,
                ::core::option::Option::None => #missing,
            }
        }
    });
    let inits: Vec<_> = inits.collect();
    let container_default = if uses_container_default {
        let value = match &cont.attrs.default {
            attr::Default::Path(path) => quote!(#path()),
            _ => quote!(<Self as ::core::default::Default>::default()),
        };
        quote!(let __container_default: Self = #value;)
    } else {
        quote!()
    };
    quote! {{
        #container_default
        ::core::result::Result::Ok(#constructor { #(#inits),* })
    }}
}

/// The loop over a map already begun as `__m`, filling `__b`: the body shared by
/// struct decoding and struct-variant decoding. `skip_key` is a key to pass over
/// (an internal tag), once: the code around declares `__tag_seen`, true when the
/// tag was read before the loop began.
pub fn map_loop(cont: &Container, slots: &[Slot], skip_key: Option<&str>) -> TokenStream {
    let claim = claim(slots);
    let decode_claimed = decode_claimed(cont, slots);
    let unknown = if cont.attrs.deny_unknown_fields {
        quote!(return ::core::result::Result::Err(::zerospec::Error::unknown_field(&__key));)
    } else {
        quote!(__d.skip_value()?;)
    };
    let skip = skip_key.map(|key| {
        let once = tag_once(key);
        quote! {
            if &*__key == #key {
                #once
                __d.skip_value()?;
                continue;
            }
        }
    });
    quote! {
        while let ::core::option::Option::Some(__key) = __d.map_next_key(&mut __m)? {
            #skip
            let __claimed: ::core::option::Option<u32> = #claim;
            match __claimed {
                ::core::option::Option::Some(__id) => {
                    #decode_claimed
                }
                ::core::option::Option::None => {
                    #unknown
                }
            }
        }
    }
}

/// Statements run on meeting the internal tag `key` in an object: a second
/// time is a duplicate field. Expects `let mut __tag_seen: bool` in scope.
pub fn tag_once(key: &str) -> TokenStream {
    quote! {
        if __tag_seen {
            return ::core::result::Result::Err(::zerospec::Error::duplicate_field(#key));
        }
        __tag_seen = true;
    }
}

/// `let __container_default: Self = ...;` when some field may take its value
/// from the container's `default`.
pub fn container_default_binding(cont: &Container, fields: &[Field]) -> TokenStream {
    if cont.attrs.default.is_none() || fields.iter().all(|f| !f.attrs.default.is_none()) {
        return quote!();
    }
    let value = match &cont.attrs.default {
        attr::Default::Path(path) => quote!(#path()),
        _ => quote!(<Self as ::core::default::Default>::default()),
    };
    quote!(let __container_default: Self = #value;)
}

/// A field's own default (`default`, `default = "path"`), else `Default::default()`.
pub fn default_value_or_default(field: &Field) -> TokenStream {
    match &field.attrs.default {
        attr::Default::Path(path) => quote!(#path()),
        _ => quote!(::core::default::Default::default()),
    }
}
