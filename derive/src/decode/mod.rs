//! `#[derive(Decode)]`: pulls the type's shape from a `Decoder`, validating as it reads.

mod enum_;
pub mod fields;
mod struct_;

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse_quote;

use crate::bound;
use crate::internals::ast::{Container, Data, Field, Style, Variant};
use crate::internals::attr;

pub fn expand(cont: &Container) -> TokenStream {
    let ident = &cont.ident;
    let generics = match &cont.attrs.de_bound {
        Some(predicates) => bound::with_where_predicates(cont.generics, predicates),
        None => {
            let generics = match cont.attrs.default {
                attr::Default::Default if !cont.generics.params.is_empty() => {
                    bound::with_self_bound(
                        cont,
                        cont.generics,
                        &parse_quote!(::core::default::Default),
                    )
                }
                _ => cont.generics.clone(),
            };
            let decoded = |f: &Field, v: Option<&Variant>| {
                !f.attrs.skip_deserializing
                    && f.attrs.de_via.is_none()
                    && v.is_none_or(|v| !v.attrs.skip_deserializing)
            };
            let by_value =
                |f: &Field, v: Option<&Variant>| decoded(f, v) && !bound::by_entries(cont, f, v);
            let decode = bound::with_bound(
                cont,
                &generics,
                by_value,
                &parse_quote!(::zerospec::Decode<'de>),
            );
            let decode = bound::with_key_bound(
                cont,
                &decode,
                by_value,
                &parse_quote!(::zerospec::MapKey<'de>),
            );
            let by_entries =
                |f: &Field, v: Option<&Variant>| decoded(f, v) && bound::by_entries(cont, f, v);
            let decode = bound::with_field_type_bound(
                cont,
                &decode,
                by_entries,
                &parse_quote!(::zerospec::__private::DecodeFields<'de>),
            );
            // Positional formats read a flattened field as a value of its own.
            let decode = bound::with_field_type_bound(
                cont,
                &decode,
                by_entries,
                &parse_quote!(::zerospec::Decode<'de>),
            );
            // Fields filled by `Default::default()`: `default`, and skipped
            // fields with no other default.
            bound::with_bound(
                cont,
                &decode,
                |f, _| {
                    matches!(f.attrs.default, attr::Default::Default)
                        || (f.attrs.skip_deserializing
                            && f.attrs.default.is_none()
                            && cont.attrs.default.is_none())
                },
                &parse_quote!(::core::default::Default),
            )
        }
    };
    let de_generics = bound::with_de_lifetime(cont, &generics);
    let (impl_generics, _, where_clause) = de_generics.split_for_impl();
    let (_, ty_generics, _) = cont.generics.split_for_impl();

    let body = match &cont.data {
        _ if cont.attrs.from.is_some() || cont.attrs.try_from.is_some() => converted(cont),
        Data::Struct(style, fields) => struct_::decode_body(cont, *style, fields),
        // No variant to decode: nothing can match, and no code need look.
        Data::Enum(variants) if variants.iter().all(|v| v.attrs.skip_deserializing) => {
            let name = &cont.attrs.name.de;
            quote! {
                let _ = __d;
                ::core::result::Result::Err(::zerospec::__private::no_variant_matched(#name))
            }
        }
        Data::Enum(variants) => {
            let positional = crate::positional::decode_enum(cont, variants);
            let body = enum_::decode_body(cont, variants);
            quote! {
                #positional
                #body
            }
        }
    };

    let inline_fast_path = crate::positional::decode_inline(cont);
    let inline_size = match (&cont.attrs.from, &cont.attrs.try_from) {
        (Some(ty), _) | (None, Some(ty)) => quote!(<#ty as ::zerospec::Decode<'de>>::INLINE_SIZE),
        (None, None) => crate::positional::inline_size(cont, &quote!(::zerospec::Decode<'de>)),
    };

    let key_impl = crate::key::map_key(cont);
    let fields_impl = match &cont.data {
        Data::Struct(Style::Struct, fields)
            if !cont.attrs.transparent
                && cont.attrs.from.is_none()
                && cont.attrs.try_from.is_none() =>
        {
            Some(struct_::decode_fields_impl(cont, fields, &de_generics))
        }
        Data::Enum(variants) if cont.attrs.from.is_none() && cont.attrs.try_from.is_none() => {
            enum_::decode_fields_impl(cont, variants, &de_generics)
        }
        _ => None,
    };

    quote! {
        #[automatically_derived]
        impl #impl_generics ::zerospec::Decode<'de> for #ident #ty_generics #where_clause {
            const INLINE_SIZE: ::core::option::Option<usize> = #inline_size;
            #inline_fast_path

            fn decode<__D: ::zerospec::Decoder<'de>>(__d: &mut __D) -> ::zerospec::Result<Self> {
                #body
            }
        }
        #fields_impl
        #key_impl
    }
}

/// `from` and `try_from`, on structs and enums alike: decode the other type, then convert.
fn converted(cont: &Container) -> TokenStream {
    if let Some(from) = &cont.attrs.from {
        return quote! {
            let __value = <#from as ::zerospec::Decode<'de>>::decode(__d)?;
            ::core::result::Result::Ok(::core::convert::From::from(__value))
        };
    }
    let try_from = &cont.attrs.try_from;
    quote! {
        let __value = <#try_from as ::zerospec::Decode<'de>>::decode(__d)?;
        ::core::convert::TryFrom::try_from(__value).map_err(::zerospec::__private::conversion_error)
    }
}
