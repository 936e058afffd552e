//! Implementation detail of zerospec.

mod bound;
mod decode;
mod encode;
mod internals;
mod key;
mod positional;
mod view;

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use quote::quote;
use syn::{DeriveInput, parse_macro_input};

use internals::ast::Container;
use internals::ctxt::Ctxt;

#[proc_macro_derive(Encode, attributes(serde, zerospec))]
pub fn derive_encode(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, encode::expand, &quote!(::zerospec::Encode), false)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

#[proc_macro_derive(Decode, attributes(serde, zerospec))]
pub fn derive_decode(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(
        &input,
        decode::expand,
        &quote!(::zerospec::Decode<'de>),
        true,
    )
    .unwrap_or_else(syn::Error::into_compile_error)
    .into()
}

#[proc_macro_derive(View, attributes(serde, zerospec))]
pub fn derive_view(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let cx = Ctxt::new();
    let cont = Container::from_ast(&cx, &input);
    if let Some(cont) = &cont {
        internals::check::check(&cx, cont);
    }
    if let Err(err) = cx.check() {
        return err.into_compile_error().into();
    }
    let cont = cont.expect("no errors means a container");
    // The view type is named by the user, so it stands beside the type, not
    // inside an anonymous `const` block.
    match view::expand(&cont) {
        Ok(tokens) => tokens.into(),
        Err(err) => err.into_compile_error().into(),
    }
}

/// Parses and checks the input, then generates; on any mistake, returns every
/// error together with a stub impl, so the user sees the mistakes and no cascade.
fn expand(
    input: &DeriveInput,
    generate: fn(&Container) -> TokenStream2,
    trait_path: &TokenStream2,
    de: bool,
) -> syn::Result<TokenStream2> {
    let cx = Ctxt::new();
    let cont = Container::from_ast(&cx, input);
    if let Some(cont) = &cont {
        internals::check::check(&cx, cont);
    }
    if let Err(err) = cx.check() {
        let stub = fallback(input, trait_path, de);
        let mut tokens = err.into_compile_error();
        tokens.extend(stub);
        return Ok(tokens);
    }
    let cont = cont.expect("no errors means a container");
    let body = generate(&cont);
    Ok(quote! {
        #[doc(hidden)]
        #[allow(
            non_upper_case_globals,
            unused_attributes,
            unused_qualifications,
            clippy::all,
            clippy::pedantic,
            clippy::nursery
        )]
        const _: () = {
            #body
        };
    })
}

/// An impl whose body cannot be reached, standing in when the input has errors.
fn fallback(input: &DeriveInput, trait_path: &TokenStream2, de: bool) -> TokenStream2 {
    let ident = &input.ident;
    let (_, ty_generics, where_clause) = input.generics.split_for_impl();
    if de {
        let mut generics = input.generics.clone();
        generics.params.insert(0, syn::parse_quote!('de));
        let (impl_generics, _, _) = generics.split_for_impl();
        quote! {
            impl #impl_generics #trait_path for #ident #ty_generics #where_clause {
                fn decode<__D: ::zerospec::Decoder<'de>>(_: &mut __D) -> ::zerospec::Result<Self> {
                    ::core::unimplemented!()
                }
            }
        }
    } else {
        let (impl_generics, _, _) = input.generics.split_for_impl();
        quote! {
            impl #impl_generics #trait_path for #ident #ty_generics #where_clause {
                fn encode<__E: ::zerospec::Encoder>(&self, _: &mut __E) -> ::zerospec::Result<()> {
                    ::core::unimplemented!()
                }
            }
        }
    }
}
