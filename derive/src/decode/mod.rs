//! `#[derive(Decode)]`: pulls the type's shape from a `Decoder`, validating as it reads.

mod enum_;
mod fields;
mod struct_;

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse_quote;

use crate::bound;
use crate::internals::ast::{Container, Data, Style};

pub fn expand(cont: &Container) -> TokenStream {
    let ident = &cont.ident;
    let generics = match &cont.attrs.de_bound {
        Some(predicates) => bound::with_where_predicates(cont.generics, predicates),
        None => {
            let decode = bound::with_bound(
                cont,
                cont.generics,
                |f| !f.attrs.skip_deserializing && f.attrs.with.is_none(),
                &parse_quote!(::zerospec::Decode<'de>),
            );
            bound::with_bound(
                cont,
                &decode,
                |f| {
                    f.attrs.skip_deserializing
                        && f.attrs.default.is_none()
                        && cont.attrs.default.is_none()
                },
                &parse_quote!(::core::default::Default),
            )
        }
    };
    let de_generics = bound::with_de_lifetime(cont, &generics);
    let (impl_generics, _, where_clause) = de_generics.split_for_impl();
    let (_, ty_generics, _) = cont.generics.split_for_impl();

    let body = match &cont.data {
        Data::Struct(style, fields) => struct_::decode_body(cont, *style, fields),
        Data::Enum(variants) if variants.is_empty() => {
            let name = &cont.attrs.name.de;
            quote! {
                let _ = __d;
                ::core::result::Result::Err(::zerospec::__private::no_variant_matched(#name))
            }
        }
        Data::Enum(variants) => enum_::decode_body(cont, variants),
    };

    let fields_impl = match &cont.data {
        Data::Struct(Style::Struct, fields)
            if !cont.attrs.transparent
                && cont.attrs.from.is_none()
                && cont.attrs.try_from.is_none() =>
        {
            let items = struct_::decode_fields_impl(cont, fields);
            Some(quote! {
                #[automatically_derived]
                impl #impl_generics ::zerospec::__private::DecodeFields<'de> for #ident #ty_generics #where_clause {
                    #items
                }
            })
        }
        _ => None,
    };

    quote! {
        #[automatically_derived]
        impl #impl_generics ::zerospec::Decode<'de> for #ident #ty_generics #where_clause {
            fn decode<__D: ::zerospec::Decoder<'de>>(__d: &mut __D) -> ::zerospec::Result<Self> {
                #body
            }
        }
        #fields_impl
    }
}
