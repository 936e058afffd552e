//! Map-key impls the derive adds beside `Encode` and `Decode`, as serde's
//! key serializers accept the same shapes: a newtype struct is a key when
//! its field is (`HashMap<UserId, User>`), and a unit-only enum is a key by
//! its variant names.
//!
//! Their bounds name the field's type under a `for<'__k>` binder, so that a
//! newtype around a type that is no key (`struct Blob(Vec<u8>)`) still
//! compiles, and fails only where it is used as a key.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ast::{Container, Data, Field, Style};

/// The field a newtype key forwards to: a tuple struct's one field, or a
/// transparent struct's live field; `None` for other shapes.
fn newtype_field<'a>(cont: &'a Container) -> Option<&'a Field<'a>> {
    if cont.attrs.from.is_some() || cont.attrs.try_from.is_some() || cont.attrs.into.is_some() {
        return None;
    }
    let Data::Struct(style, fields) = &cont.data else {
        return None;
    };
    let field = if cont.attrs.transparent {
        fields
            .iter()
            .find(|f| !(f.attrs.skip_serializing && f.attrs.skip_deserializing))?
    } else if *style == Style::Newtype {
        &fields[0]
    } else {
        return None;
    };
    (!field.attrs.bridged() && !field.attrs.bytes && field.attrs.constraints.is_empty())
        .then_some(field)
}

/// The unit-only enum's variants as `(ident, name)` pairs, when every variant
/// is a unit with no `other` or `untagged` catch-all.
fn unit_variants<'a>(cont: &'a Container<'a>, ser: bool) -> Option<Vec<(&'a syn::Ident, &'a str)>> {
    let Data::Enum(variants) = &cont.data else {
        return None;
    };
    let all_units = !variants.is_empty()
        && variants
            .iter()
            .all(|v| v.style == Style::Unit && !v.attrs.other && !v.attrs.untagged);
    if !all_units
        || cont.attrs.into.is_some()
        || cont.attrs.from.is_some()
        || cont.attrs.try_from.is_some()
    {
        return None;
    }
    Some(
        variants
            .iter()
            .filter(|v| {
                if ser {
                    !v.attrs.skip_serializing
                } else {
                    !v.attrs.skip_deserializing
                }
            })
            .map(|v| {
                let name = if ser {
                    &v.attrs.name.ser
                } else {
                    &v.attrs.name.de
                };
                (&v.ident, name.as_str())
            })
            .collect(),
    )
}

/// `EncodeKey` for a newtype or unit-only enum, beside its `Encode`.
pub fn encode_key(cont: &Container) -> TokenStream {
    if !cont.generics.params.is_empty() {
        // FIXME(#16): generic newtype keys need the key bound on their parameters.
        return quote!();
    }
    let ident = &cont.ident;
    if let Some(field) = newtype_field(cont) {
        let ty = field.ty;
        let member = &field.member;
        return quote! {
            #[automatically_derived]
            impl ::zerospec::EncodeKey for #ident where for<'__k> #ty: ::zerospec::EncodeKey {
                #[inline]
                fn with_key_str<__R>(
                    &self,
                    __f: impl ::core::ops::FnOnce(&str) -> ::zerospec::Result<__R>,
                ) -> ::zerospec::Result<__R> {
                    ::zerospec::EncodeKey::with_key_str(&self.#member, __f)
                }
                #[inline]
                fn cmp_key(&self, __other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                    ::zerospec::EncodeKey::cmp_key(&self.#member, &__other.#member)
                }
            }
        };
    }
    let Some(variants) = unit_variants(cont, true) else {
        return quote!();
    };
    let arms = variants
        .iter()
        .map(|(variant, name)| quote!(Self::#variant => #name,));
    let skipped = if let Data::Enum(all) = &cont.data
        && all.len() > variants.len()
    {
        let message = format!("a skipped variant of `{ident}` cannot be written as a key");
        quote!(_ => return ::core::result::Result::Err(::zerospec::Error::custom(#message)),)
    } else {
        quote!()
    };
    quote! {
        #[automatically_derived]
        impl ::zerospec::EncodeKey for #ident {
            #[inline]
            fn with_key_str<__R>(
                &self,
                __f: impl ::core::ops::FnOnce(&str) -> ::zerospec::Result<__R>,
            ) -> ::zerospec::Result<__R> {
                #[allow(unreachable_patterns)]
                let __name: &'static str = match self {
                    #(#arms)*
                    #skipped
                };
                __f(__name)
            }
        }
    }
}

/// `MapKey` for a newtype or unit-only enum, beside its `Decode`.
pub fn map_key(cont: &Container) -> TokenStream {
    if !cont.generics.params.is_empty() {
        return quote!();
    }
    let ident = &cont.ident;
    if let Some(field) = newtype_field(cont) {
        let ty = field.ty;
        let member = &field.member;
        let Data::Struct(_, fields) = &cont.data else {
            return quote!();
        };
        let others = fields.iter().filter(|f| f.member != field.member).map(|f| {
            let member = &f.member;
            quote!(#member: ::core::default::Default::default(),)
        });
        return quote! {
            #[automatically_derived]
            impl<'de> ::zerospec::MapKey<'de> for #ident where #ty: ::zerospec::MapKey<'de> {
                #[inline]
                fn from_key_str(__key: ::zerospec::decode::Str<'de, '_>) -> ::zerospec::Result<Self> {
                    <#ty as ::zerospec::MapKey<'de>>::from_key_str(__key)
                        .map(|__v| Self { #member: __v, #(#others)* })
                }
                #[inline]
                fn key_display(&self) -> ::core::option::Option<&dyn ::core::fmt::Display> {
                    ::zerospec::MapKey::key_display(&self.#member)
                }
                #[inline]
                fn flat_key_after(__bytes: &[u8], __earlier: usize, __later: usize) -> bool {
                    <#ty as ::zerospec::MapKey<'de>>::flat_key_after(__bytes, __earlier, __later)
                }
            }
        };
    }
    let Some(variants) = unit_variants(cont, false) else {
        return quote!();
    };
    let arms = variants
        .iter()
        .map(|(variant, name)| quote!(#name => Self::#variant,));
    let display = variants
        .iter()
        .map(|(variant, name)| quote!(Self::#variant => &#name,));
    quote! {
        #[automatically_derived]
        impl<'de> ::zerospec::MapKey<'de> for #ident {
            #[inline]
            fn from_key_str(__key: ::zerospec::decode::Str<'de, '_>) -> ::zerospec::Result<Self> {
                ::core::result::Result::Ok(match &*__key {
                    #(#arms)*
                    __other => return ::core::result::Result::Err(::zerospec::Error::unknown_variant(__other)),
                })
            }
            #[inline]
            fn key_display(&self) -> ::core::option::Option<&dyn ::core::fmt::Display> {
                #[allow(unreachable_patterns)]
                ::core::option::Option::Some(match self {
                    #(#display)*
                    _ => return ::core::option::Option::None,
                })
            }
        }
    }
}
