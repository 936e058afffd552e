//! Decoding enums in serde's four representations, in one pass.
//!
//! Internally tagged enums read the tag in place when it comes first; when it
//! comes later, the decoder scans ahead for it, returns to the start of the
//! object and decodes with the variant known. Adjacently tagged enums whose
//! content precedes the tag do the same for the content. Untagged enums try each
//! variant from a checkpoint. None of them buffers the input.

use proc_macro2::TokenStream;
use quote::quote;

use super::fields;
use super::struct_::positional;
use crate::internals::ast::{Container, Style, Variant};
use crate::internals::attr::TagType;

pub fn decode_body(cont: &Container, variants: &[Variant]) -> TokenStream {
    let live: Vec<(u32, &Variant)> = variants
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.attrs.skip_deserializing)
        .map(|(i, v)| (u32::try_from(i).expect("fewer than 2^32 variants"), v))
        .collect();
    let (tagged, untagged): (Vec<_>, Vec<_>) =
        live.iter().copied().partition(|(_, v)| !v.attrs.untagged);

    let tagged_body = match &cont.attrs.tag {
        // Every variant untagged: nothing to look up by tag.
        _ if tagged.is_empty() => None,
        TagType::External => Some(external(cont, &tagged)),
        TagType::Internal { tag } => Some(internal(cont, &tagged, tag)),
        TagType::Adjacent { tag, content } => Some(adjacent(cont, &tagged, tag, content)),
        TagType::None => None,
    };
    let untagged_variants: Vec<_> = if tagged_body.is_some() {
        untagged
    } else {
        live.clone()
    };

    match tagged_body {
        Some(body) if untagged_variants.is_empty() => body,
        Some(body) => {
            let attempts = untagged_attempts(cont, &untagged_variants);
            let name = &cont.attrs.name.de;
            quote! {
                let __cp = __d.checkpoint();
                let __ty = ::core::any::type_name::<Self>();
                if let ::core::option::Option::Some(__r) = ::zerospec::__private::attempt(__d, __cp, __ty, ::core::primitive::u32::MAX, |__d| -> ::zerospec::Result<Self> { #body }) {
                    return __r;
                }
                #attempts
                ::core::result::Result::Err(::zerospec::__private::no_variant_matched(#name))
            }
        }
        None => {
            let attempts = untagged_attempts(cont, &untagged_variants);
            let name = &cont.attrs.name.de;
            quote! {
                let __cp = __d.checkpoint();
                let __ty = ::core::any::type_name::<Self>();
                #attempts
                ::core::result::Result::Err(::zerospec::__private::no_variant_matched(#name))
            }
        }
    }
}

fn constructor(cont: &Container, variant: &Variant) -> TokenStream {
    let _ = cont;
    let ident = &variant.ident;
    quote!(Self::#ident)
}

/// An expression of type `Result<Self>` reading a variant's content where the
/// decoder stands: null, the value, an array, or a map.
fn content(cont: &Container, variant: &Variant) -> TokenStream {
    let ctor = constructor(cont, variant);
    match variant.style {
        Style::Unit => quote! {{
            __d.decode_null()?;
            ::core::result::Result::Ok(#ctor)
        }},
        Style::Newtype => {
            let read = fields::decode_checked(cont, &variant.fields[0], &quote!());
            quote! {{
                #read
                ::core::result::Result::Ok(#ctor(__v))
            }}
        }
        Style::Tuple => {
            let body = positional(cont, &variant.fields, &ctor, true);
            quote! {{ #body }}
        }
        Style::Struct => {
            let body = struct_variant_fields(cont, variant, None);
            quote! {{
                let mut __m = __d.map_begin()?;
                #body
            }}
        }
    }
}

/// The fields of a struct variant read from the map `__m`, then the value.
fn struct_variant_fields(
    cont: &Container,
    variant: &Variant,
    skip_key: Option<&str>,
) -> TokenStream {
    let slots = fields::slots(&variant.fields);
    let builder_type = fields::builder_type(&slots);
    let builder_init = fields::builder_init(&slots);
    let map_loop = fields::map_loop(cont, &slots, skip_key);
    let finish = fields::finish(cont, &variant.fields, &constructor(cont, variant));
    quote! {
        let mut __b: #builder_type = #builder_init;
        #map_loop
        #finish
    }
}

/// `content` wrapped so that its errors carry `segment` in their path.
fn content_in(cont: &Container, variant: &Variant, segment: &str) -> TokenStream {
    let content = content(cont, variant);
    quote! {
        match (|| -> ::zerospec::Result<Self> { #content })() {
            ::core::result::Result::Ok(__v) => __v,
            ::core::result::Result::Err(__err) => return ::core::result::Result::Err(__err.in_field(#segment)),
        }
    }
}

/// `match &*name { "A" | "alias" => 0, ... }` over `variants`, with `fallback` for the rest.
fn name_match(
    variants: &[(u32, &Variant)],
    name: &TokenStream,
    fallback: &TokenStream,
) -> TokenStream {
    let arms = variants.iter().map(|(index, variant)| {
        let names = variant.attrs.name.de_names();
        quote!(#(#names)|* => #index,)
    });
    quote! {
        match &*#name {
            #(#arms)*
            _ => #fallback,
        }
    }
}

fn other_variant<'v, 'a>(variants: &[(u32, &'v Variant<'a>)]) -> Option<(u32, &'v Variant<'a>)> {
    variants.iter().copied().find(|(_, v)| v.attrs.other)
}

fn unknown_or_other(variants: &[(u32, &Variant)], name: &TokenStream) -> TokenStream {
    match other_variant(variants) {
        Some((index, _)) => quote!(#index),
        None => {
            quote!(return ::core::result::Result::Err(::zerospec::Error::unknown_variant(&#name)))
        }
    }
}

/// Externally tagged: `"Unit"` or `{"Variant": content}`.
fn external(cont: &Container, variants: &[(u32, &Variant)]) -> TokenStream {
    let has_unit = variants.iter().any(|(_, v)| v.style == Style::Unit);
    let has_content = variants.iter().any(|(_, v)| v.style != Style::Unit);
    let expected = match (has_unit, has_content) {
        (true, true) => "str | object",
        (true, false) => "str",
        _ => "object",
    };
    let name = quote!(__name);

    let str_arm = has_unit.then(|| {
        let choose = name_match(variants, &name, &unknown_or_other(variants, &name));
        let arms = variants.iter().map(|(index, variant)| {
            let ctor = constructor(cont, variant);
            if variant.style == Style::Unit {
                quote!(#index => ::core::result::Result::Ok(#ctor),)
            } else {
                quote!(#index => ::core::result::Result::Err(::zerospec::Error::unexpected("object", "str")),)
            }
        });
        quote! {
            ::zerospec::decode::Peek::Str => {
                let __index: u32 = {
                    let #name = __d.decode_str()?;
                    #choose
                };
                match __index {
                    #(#arms)*
                    _ => ::core::result::Result::Err(::zerospec::Error::unknown_variant("")),
                }
            }
        }
    });

    let choose = name_match(variants, &name, &unknown_or_other(variants, &name));
    let arms = variants.iter().map(|(index, variant)| {
        if variant.attrs.other {
            let ident = &variant.ident;
            return quote!(#index => {
                __d.skip_value()?;
                Self::#ident
            });
        }
        let value = content_in(cont, variant, &variant.attrs.name.de);
        quote!(#index => #value,)
    });
    quote! {
        match __d.peek()? {
            #str_arm
            ::zerospec::decode::Peek::Map => {
                let mut __m = __d.map_begin()?;
                let __index: u32 = match __d.map_next_key(&mut __m)? {
                    ::core::option::Option::Some(#name) => #choose,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(::zerospec::__private::single_key_expected());
                    }
                };
                let __value: Self = match __index {
                    #(#arms)*
                    #[allow(unreachable_patterns)]
                    _ => return ::core::result::Result::Err(::zerospec::__private::single_key_expected()),
                };
                if __d.map_next_key(&mut __m)?.is_some() {
                    return ::core::result::Result::Err(::zerospec::__private::single_key_expected());
                }
                ::core::result::Result::Ok(__value)
            }
            __found => ::core::result::Result::Err(::zerospec::Error::unexpected(#expected, __found.name())),
        }
    }
}

/// Reads the tag's value where the decoder stands, as a variant index.
fn read_tag(variants: &[(u32, &Variant)], tag: &str) -> TokenStream {
    let name = quote!(__name);
    let choose = name_match(variants, &name, &unknown_or_other(variants, &name));
    quote! {{
        let #name = match __d.decode_str() {
            ::core::result::Result::Ok(__n) => __n,
            ::core::result::Result::Err(__err) => return ::core::result::Result::Err(__err.in_field(#tag)),
        };
        (|| -> ::zerospec::Result<u32> { ::core::result::Result::Ok(#choose) })()
            .map_err(|__err| __err.in_field(#tag))?
    }}
}

/// Internally tagged: `{"tag": "Variant", ...fields}`, the tag anywhere.
fn internal(cont: &Container, variants: &[(u32, &Variant)], tag: &str) -> TokenStream {
    let read_tag = read_tag(variants, tag);
    let deny = cont.attrs.deny_unknown_fields;
    let once = fields::tag_once(tag);
    let unknown = if deny {
        quote!(return ::core::result::Result::Err(::zerospec::Error::unknown_field(&__key));)
    } else {
        quote!()
    };
    let rest_of_unit = quote! {
        while let ::core::option::Option::Some(__key) = __d.map_next_key(&mut __m)? {
            if &*__key == #tag {
                #once
            } else {
                #unknown
            }
            __d.skip_value()?;
        }
    };
    let arms = variants.iter().map(|(index, variant)| {
        let ctor = constructor(cont, variant);
        match variant.style {
            Style::Unit => quote!(#index => {
                #rest_of_unit
                ::core::result::Result::Ok(#ctor)
            }),
            Style::Struct => {
                let body = struct_variant_fields(cont, variant, Some(tag));
                quote!(#index => { #body })
            }
            Style::Newtype => {
                let ty = variant.fields[0].ty;
                let tr = fields::decode_fields(ty);
                quote!(#index => {
                    let mut __b = #tr::builder();
                    while let ::core::option::Option::Some(__key) = __d.map_next_key(&mut __m)? {
                        if &*__key == #tag {
                            #once
                            __d.skip_value()?;
                            continue;
                        }
                        match #tr::claim(&mut __b, __key)? {
                            ::core::option::Option::Some(__id) => {
                                #tr::decode_claimed(&mut __b, __id, __d)?;
                            }
                            ::core::option::Option::None => {
                                if #deny || #tr::DENY_UNKNOWN {
                                    return ::core::result::Result::Err(::zerospec::Error::unknown_field(&__key));
                                }
                                __d.skip_value()?;
                            }
                        }
                    }
                    #tr::finish(__b).map(#ctor)
                })
            }
            Style::Tuple => quote!(#index => unreachable!()),
        }
    });
    quote! {
        let __start = __d.checkpoint();
        let mut __m = __d.map_begin()?;
        let mut __scanned = false;
        let __index: u32 = loop {
            match __d.map_next_key(&mut __m)? {
                ::core::option::Option::Some(__key) if &*__key == #tag => break #read_tag,
                ::core::option::Option::Some(_) => {
                    __d.skip_scanned()?;
                    __scanned = true;
                }
                ::core::option::Option::None => {
                    return ::core::result::Result::Err(::zerospec::Error::missing_field(#tag));
                }
            }
        };
        if __scanned {
            // The tag came late: decode again from the start, the variant known.
            __d.restore(__start);
            __m = __d.map_begin()?;
        }
        // Whether the tag has been passed; meeting it again is a duplicate.
        #[allow(unused_mut)]
        let mut __tag_seen = !__scanned;
        match __index {
            #(#arms)*
            _ => ::core::result::Result::Err(::zerospec::Error::unknown_variant("")),
        }
    }
}

/// Adjacently tagged: `{"tag": "Variant", "content": content}`, in either order.
fn adjacent(
    cont: &Container,
    variants: &[(u32, &Variant)],
    tag: &str,
    content_key: &str,
) -> TokenStream {
    let read_tag = read_tag(variants, tag);
    let arms = variants.iter().map(|(index, variant)| {
        let value = content(cont, variant);
        quote!(#index => #value,)
    });
    let unit_arms =
        variants
            .iter()
            .filter(|(_, v)| v.style == Style::Unit)
            .map(|(index, variant)| {
                let ctor = constructor(cont, variant);
                quote!(#index => ::core::result::Result::Ok(#ctor),)
            });
    let unknown = if cont.attrs.deny_unknown_fields {
        quote!(return ::core::result::Result::Err(::zerospec::Error::unknown_field(&__key));)
    } else {
        quote!(__d.skip_value()?;)
    };
    quote! {
        let __read_content = |__d: &mut __D, __index: u32| -> ::zerospec::Result<Self> {
            match __index {
                #(#arms)*
                _ => ::core::result::Result::Err(::zerospec::Error::unknown_variant("")),
            }
        };
        let mut __m = __d.map_begin()?;
        let mut __index: ::core::option::Option<u32> = ::core::option::Option::None;
        let mut __content_at: ::core::option::Option<__D::Checkpoint> = ::core::option::Option::None;
        let mut __seen_content = false;
        let mut __value: ::core::option::Option<Self> = ::core::option::Option::None;
        while let ::core::option::Option::Some(__key) = __d.map_next_key(&mut __m)? {
            if &*__key == #tag {
                if __index.is_some() {
                    return ::core::result::Result::Err(::zerospec::Error::duplicate_field(#tag));
                }
                let __i: u32 = #read_tag;
                __index = ::core::option::Option::Some(__i);
                if let ::core::option::Option::Some(__at) = __content_at {
                    // The content came first: go back for it, then on from here.
                    let __resume = __d.checkpoint();
                    __d.restore(__at);
                    __value = ::core::option::Option::Some(
                        __read_content(__d, __i).map_err(|__err| __err.in_field(#content_key))?,
                    );
                    __d.restore(__resume);
                }
            } else if &*__key == #content_key {
                if __seen_content {
                    return ::core::result::Result::Err(::zerospec::Error::duplicate_field(#content_key));
                }
                __seen_content = true;
                match __index {
                    ::core::option::Option::Some(__i) => {
                        __value = ::core::option::Option::Some(
                            __read_content(__d, __i).map_err(|__err| __err.in_field(#content_key))?,
                        );
                    }
                    ::core::option::Option::None => {
                        __content_at = ::core::option::Option::Some(__d.checkpoint());
                        __d.skip_scanned()?;
                    }
                }
            } else {
                #unknown
            }
        }
        match (__index, __value) {
            (::core::option::Option::Some(_), ::core::option::Option::Some(__v)) => ::core::result::Result::Ok(__v),
            (::core::option::Option::Some(__i), ::core::option::Option::None) => match __i {
                #(#unit_arms)*
                _ => ::core::result::Result::Err(::zerospec::Error::missing_field(#content_key)),
            },
            (::core::option::Option::None, _) => ::core::result::Result::Err(::zerospec::Error::missing_field(#tag)),
        }
    }
}

/// Tries each variant's untagged form from the checkpoint `__cp`; returns on the
/// first that decodes. A syntax error ends the search: no variant can fix it.
/// An attempt that failed at this position before in the same decode is not
/// made again (`core/src/memo.rs`), which keeps nested untagged enums linear.
fn untagged_attempts(cont: &Container, variants: &[(u32, &Variant)]) -> TokenStream {
    let attempts = variants.iter().map(|(index, variant)| {
        let value = content(cont, variant);
        quote! {
            if let ::core::option::Option::Some(__r) = ::zerospec::__private::attempt(__d, __cp, __ty, #index, |__d| -> ::zerospec::Result<Self> { #value }) {
                return __r;
            }
        }
    });
    quote!(#(#attempts)*)
}

/// `DecodeFields` for an externally tagged enum, so that it can be flattened
/// or held by an internally tagged newtype variant as serde allows: its one
/// entry is `"Variant": content` among the surrounding object's keys, and a
/// unit variant's content is `null`. `None` for enums with an `other` or
/// untagged variant, which serde's flattening does not reach either.
pub fn decode_fields_impl(
    cont: &Container,
    variants: &[Variant],
    generics: &syn::Generics,
) -> Option<TokenStream> {
    if !matches!(cont.attrs.tag, TagType::External)
        || variants.iter().any(|v| v.attrs.other || v.attrs.untagged)
    {
        return None;
    }
    let live: Vec<(u32, &Variant)> = variants
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.attrs.skip_deserializing)
        .map(|(i, v)| (u32::try_from(i).expect("fewer than 2^32 variants"), v))
        .collect();
    if live.is_empty() {
        return None;
    }
    let ident = &cont.ident;
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let (_, ty_generics, _) = cont.generics.split_for_impl();
    let name = quote!(__key);
    let none = quote!(return ::core::result::Result::Ok(::core::option::Option::None));
    let choose = name_match(&live, &name, &none);
    let arms = live.iter().map(|(index, variant)| {
        let value = content_in(cont, variant, &variant.attrs.name.de);
        quote!(#index => #value,)
    });
    let type_name = &cont.attrs.name.de;
    Some(quote! {
        #[automatically_derived]
        impl #impl_generics ::zerospec::__private::DecodeFields<'de> for #ident #ty_generics #where_clause {
            const SPAN: u32 = 1;
            const DENY_UNKNOWN: bool = false;
            /// The value once its entry is read, and the variant its key named.
            type Builder = (::core::option::Option<Self>, u32);

            #[inline]
            fn builder() -> Self::Builder {
                (::core::option::Option::None, 0)
            }

            #[inline]
            fn claim(
                __b: &mut Self::Builder,
                __key: ::zerospec::decode::Str<'de, '_>,
            ) -> ::zerospec::Result<::core::option::Option<u32>> {
                __b.1 = #choose;
                ::core::result::Result::Ok(::core::option::Option::Some(0))
            }

            #[inline]
            fn decode_claimed<__D: ::zerospec::Decoder<'de>>(
                __b: &mut Self::Builder,
                _: u32,
                __d: &mut __D,
            ) -> ::zerospec::Result<()> {
                if __b.0.is_some() {
                    return ::core::result::Result::Err(::zerospec::__private::second_variant(#type_name));
                }
                let __value: Self = match __b.1 {
                    #(#arms)*
                    _ => return ::core::result::Result::Err(::zerospec::Error::unknown_variant("")),
                };
                __b.0 = ::core::option::Option::Some(__value);
                ::core::result::Result::Ok(())
            }

            #[inline]
            fn finish(__b: Self::Builder) -> ::zerospec::Result<Self> {
                __b.0.ok_or_else(|| ::zerospec::__private::no_variant_key(#type_name))
            }
        }
    })
}
