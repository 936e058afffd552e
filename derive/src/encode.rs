//! `#[derive(Encode)]`: drives an `Encoder` with the shape of the type.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::parse_quote;
use syn::spanned::Spanned;

use crate::bound;
use crate::internals::ast::{Container, Data, Field, Style, Variant};
use crate::internals::attr::{self, TagType};
use crate::positional;

pub fn expand(cont: &Container) -> TokenStream {
    let ident = &cont.ident;
    let generics = match &cont.attrs.ser_bound {
        Some(predicates) => bound::with_where_predicates(cont.generics, predicates),
        None => {
            let encoded = |f: &Field, v: Option<&Variant>| {
                !f.attrs.skip_serializing
                    && f.attrs.ser_via.is_none()
                    && v.is_none_or(|v| !v.attrs.skip_serializing)
            };
            let by_value =
                |f: &Field, v: Option<&Variant>| encoded(f, v) && !bound::by_entries(cont, f, v);
            let generics = bound::with_bound(
                cont,
                cont.generics,
                by_value,
                &parse_quote!(::zerospec::Encode),
            );
            let generics = bound::with_key_bound(
                cont,
                &generics,
                by_value,
                &parse_quote!(::zerospec::EncodeKey),
            );
            let by_entries =
                |f: &Field, v: Option<&Variant>| encoded(f, v) && bound::by_entries(cont, f, v);
            let generics = bound::with_field_type_bound(
                cont,
                &generics,
                by_entries,
                &parse_quote!(::zerospec::__private::EncodeFields),
            );
            // Positional formats write a flattened field as a value of its own.
            bound::with_field_type_bound(
                cont,
                &generics,
                by_entries,
                &parse_quote!(::zerospec::Encode),
            )
        }
    };
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let body = encode_body(cont);
    let inline_fast_path = positional::encode_inline(cont);
    let inline_size = match &cont.attrs.into {
        Some(into) => quote!(<#into as ::zerospec::Encode>::INLINE_SIZE),
        None => positional::inline_size(cont, &quote!(::zerospec::Encode)),
    };

    let key_impl = crate::key::encode_key(cont);
    let fields_impl = match &cont.data {
        Data::Struct(Style::Struct, fields)
            if !cont.attrs.transparent && cont.attrs.into.is_none() =>
        {
            let tag = struct_tag_entry(cont);
            let count = entry_count(cont, fields, tag.is_some());
            let destructure = destructure(&quote!(Self), Style::Struct, fields);
            let entries = encode_entries(cont, fields, tag.as_ref());
            Some(quote! {
                #[automatically_derived]
                impl #impl_generics ::zerospec::__private::EncodeFields for #ident #ty_generics #where_clause {
                    #[inline(always)]
                    fn entry_count(&self) -> ::core::option::Option<usize> {
                        let #destructure = self;
                        #count
                    }
                    #[inline(always)]
                    fn encode_entries<__E: ::zerospec::Encoder>(
                        &self,
                        __e: &mut __E,
                        __m: &mut __E::Map,
                    ) -> ::zerospec::Result<()> {
                        let #destructure = self;
                        #entries
                        ::core::result::Result::Ok(())
                    }
                }
            })
        }
        Data::Enum(variants) if cont.attrs.into.is_none() => {
            enum_fields(cont, variants).map(|(count, entries)| {
                quote! {
                    #[automatically_derived]
                    impl #impl_generics ::zerospec::__private::EncodeFields for #ident #ty_generics #where_clause {
                        fn entry_count(&self) -> ::core::option::Option<usize> {
                            #count
                        }
                        fn encode_entries<__E: ::zerospec::Encoder>(
                            &self,
                            __e: &mut __E,
                            __m: &mut __E::Map,
                        ) -> ::zerospec::Result<()> {
                            #entries
                        }
                    }
                }
            })
        }
        _ => None,
    };

    // A `fixed` struct's size is computed in a const that stops the build when
    // a field is not fixed-width; evaluate it here, at the definition, rather
    // than wherever the type is first written.
    let fixed_check = (cont.attrs.fixed && cont.generics.params.is_empty()).then(|| {
        quote! {
            const _: ::core::option::Option<usize> = <#ident as ::zerospec::Encode>::INLINE_SIZE;
        }
    });
    quote! {
        #fixed_check
        #[automatically_derived]
        impl #impl_generics ::zerospec::Encode for #ident #ty_generics #where_clause {
            const INLINE_SIZE: ::core::option::Option<usize> = #inline_size;
            #inline_fast_path

            fn encode<__E: ::zerospec::Encoder>(&self, __e: &mut __E) -> ::zerospec::Result<()> {
                #body
            }
        }
        #fields_impl
        #key_impl
    }
}

fn encode_body(cont: &Container) -> TokenStream {
    if let Some(into) = &cont.attrs.into {
        return quote! {
            let __value: #into = ::core::convert::Into::into(::core::clone::Clone::clone(self));
            ::zerospec::Encode::encode(&__value, __e)
        };
    }
    match &cont.data {
        Data::Struct(style, fields) => {
            if cont.attrs.transparent {
                let field = fields
                    .iter()
                    .find(|f| !f.attrs.skip_serializing)
                    .expect("checked: one live field");
                let member = &field.member;
                let value = quote!(&self.#member);
                return encode_value(field, &value);
            }
            let destructure = destructure(&quote!(Self), *style, fields);
            let positional = match style {
                Style::Tuple | Style::Struct => positional::encode_struct(cont, fields),
                Style::Unit | Style::Newtype => quote!(),
            };
            let content = match style {
                Style::Unit => quote!(__e.encode_unit_struct()),
                Style::Newtype => encode_value(&fields[0], &binding(0)),
                Style::Tuple => encode_seq(fields),
                Style::Struct if cont.attrs.array_like => encode_seq(fields),
                // Through its `EncodeFields` impl, which writes the entries.
                Style::Struct => quote! {
                    let mut __map = __e.map_begin(
                        <Self as ::zerospec::__private::EncodeFields>::entry_count(self),
                    )?;
                    <Self as ::zerospec::__private::EncodeFields>::encode_entries(self, __e, &mut __map)?;
                    __e.map_end(__map)
                },
            };
            quote! {
                let #destructure = self;
                #positional
                #content
            }
        }
        Data::Enum(variants) => {
            let arms = variants
                .iter()
                .enumerate()
                .map(|(index, variant)| encode_variant(cont, variant, index));
            if variants.is_empty() {
                return quote! {
                    let _ = __e;
                    match *self {}
                };
            }
            let positional = positional::encode_enum(cont, variants);
            quote! {
                #positional
                match self {
                    #(#arms)*
                }
            }
        }
    }
}

/// `tag` on a struct: the struct's name under the tag key, first.
fn struct_tag_entry(cont: &Container) -> Option<(String, String)> {
    match &cont.attrs.tag {
        TagType::Internal { tag } => Some((tag.clone(), cont.attrs.name.ser.clone())),
        _ => None,
    }
}

pub fn binding(index: usize) -> TokenStream {
    let ident = format_ident!("__v{}", index);
    quote!(#ident)
}

/// A pattern binding each field to `__v{i}`: `Path { a: __v0, b: __v1 }` / `Path(__v0, __v1)`.
pub fn destructure(path: &TokenStream, style: Style, fields: &[Field]) -> TokenStream {
    match style {
        Style::Unit => quote!(#path),
        Style::Struct => {
            let pairs = fields.iter().enumerate().map(|(i, f)| {
                let member = &f.member;
                let b = binding(i);
                quote!(#member: #b)
            });
            quote!(#path { #(#pairs),* })
        }
        Style::Newtype | Style::Tuple => {
            let bindings = (0..fields.len()).map(binding);
            quote!(#path(#(#bindings),*))
        }
    }
}

/// `<T as EncodeFields>`, spanned at the field's type so that a type that
/// cannot be flattened is the one the compiler points at.
fn encode_fields(ty: &syn::Type) -> TokenStream {
    quote_spanned!(crate::internals::span::located(ty.span())=> <#ty as ::zerospec::__private::EncodeFields>)
}

/// Writes one field's value, honouring `with`, serde's functions and `bytes`.
pub fn encode_value(field: &Field, value: &TokenStream) -> TokenStream {
    let located = crate::internals::span::located;
    match &field.attrs.ser_via {
        Some(attr::Via::Module(with)) => {
            // A module may write any shape, which positional formats cannot lay out.
            let name = &field.attrs.name.ser;
            let call = quote_spanned!(located(with.span())=> #with::encode(#value, __e));
            return quote! {
                if <__E as ::zerospec::Encoder>::POSITIONAL {
                    ::zerospec::__private::positional_with::<()>(#name)
                } else {
                    #call
                }
            };
        }
        Some(attr::Via::SerdeFn(with)) => {
            return quote_spanned!(located(with.span())=>
                ::zerospec::serde::encode_with(__e, |__s| #with(#value, __s))
            );
        }
        Some(attr::Via::SerdeImpl) => {
            let ty = field.ty;
            return quote_spanned!(located(ty.span())=>
                ::zerospec::serde::encode::<#ty, __E>(#value, __e)
            );
        }
        None => {}
    }
    if field.attrs.bytes {
        quote!(::zerospec::__private::encode_bytes(#value, __e))
    } else {
        quote!(::zerospec::Encode::encode(#value, __e))
    }
}

fn error_in_field(field: &Field, call: &TokenStream) -> TokenStream {
    let name = &field.attrs.name.ser;
    quote!(::zerospec::__private::at_field(#call, #name)?;)
}

/// Fields as an array, in declaration order (tuple structs, `array_like`).
fn encode_seq(fields: &[Field]) -> TokenStream {
    let live: Vec<_> = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.attrs.skip_serializing)
        .collect();
    let len = live.len();
    let elems = live.iter().map(|(i, field)| {
        let call = encode_value(field, &binding(*i));
        let write = error_in_field(field, &call);
        quote! {
            __e.seq_elem(&mut __s)?;
            #write
        }
    });
    quote! {
        let mut __s = __e.seq_begin(#len)?;
        #(#elems)*
        __e.seq_end(__s)
    }
}

/// The condition under which a field is left out when encoding, if any.
fn skip_condition(cont: &Container, field: &Field, value: &TokenStream) -> Option<TokenStream> {
    let mut conditions = Vec::new();
    if let Some(path) = &field.attrs.skip_serializing_if {
        conditions.push(quote!(#path(#value)));
    }
    if cont.attrs.omit_defaults {
        let default = match (&field.attrs.default, &cont.attrs.default) {
            (attr::Default::Path(path), _) => Some(quote!(#path())),
            (attr::Default::Default, _) => Some(quote!(::core::default::Default::default())),
            (attr::Default::None, attr::Default::None) => None,
            (attr::Default::None, _) => {
                let member = &field.member;
                Some(quote!(__container_default.#member))
            }
        };
        if let Some(default) = default {
            let ty = field.ty;
            conditions.push(
                quote_spanned!(crate::internals::span::located(ty.span())=> ::zerospec::__private::is_default(#value, &#default)),
            );
        } else if is_option(field.ty) {
            conditions.push(quote!(::core::option::Option::is_none(#value)));
        }
    }
    if conditions.is_empty() {
        None
    } else {
        Some(quote!((#(#conditions)||*)))
    }
}

/// Whether a field needs the container's default to decide if it is left out.
fn needs_container_default(cont: &Container, fields: &[Field]) -> bool {
    cont.attrs.omit_defaults
        && !cont.attrs.default.is_none()
        && fields
            .iter()
            .any(|f| f.attrs.default.is_none() && !f.attrs.skip_serializing)
}

fn container_default(cont: &Container, fields: &[Field]) -> TokenStream {
    if !needs_container_default(cont, fields) {
        return quote!();
    }
    let value = match &cont.attrs.default {
        attr::Default::Path(path) => quote!(#path()),
        _ => quote!(<Self as ::core::default::Default>::default()),
    };
    quote!(let __container_default: Self = #value;)
}

pub fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => {
            p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Option")
        }
        syn::Type::Group(g) => is_option(&g.elem),
        _ => false,
    }
}

/// How many entries the map form writes: `Some(n)` unless a flattened field's count is unknown.
fn entry_count(cont: &Container, fields: &[Field], tagged: bool) -> TokenStream {
    let fixed = fields
        .iter()
        .filter(|f| !f.attrs.skip_serializing && !f.attrs.flatten)
        .count()
        + usize::from(tagged);
    let mut adjust = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        if field.attrs.skip_serializing {
            continue;
        }
        let value = binding(i);
        if field.attrs.flatten {
            let tr = encode_fields(field.ty);
            adjust.push(quote! {
                __len = match (__len, #tr::entry_count(#value)) {
                    (::core::option::Option::Some(__a), ::core::option::Option::Some(__b)) => ::core::option::Option::Some(__a + __b),
                    _ => ::core::option::Option::None,
                };
            });
        } else if let Some(cond) = skip_condition(cont, field, &value) {
            adjust.push(quote! {
                if #cond {
                    __len = __len.map(|__n| __n - 1);
                }
            });
        }
    }
    let default = container_default(cont, fields);
    if adjust.is_empty() {
        return quote!(::core::option::Option::Some(#fixed));
    }
    quote! {
        #default
        let mut __len: ::core::option::Option<usize> = ::core::option::Option::Some(#fixed);
        #(#adjust)*
        __len
    }
}

/// The entries of the map form, without the map's begin and end.
fn encode_entries(
    cont: &Container,
    fields: &[Field],
    tag: Option<&(String, String)>,
) -> TokenStream {
    let tag = tag.map(|(key, name)| {
        quote! {
            __e.map_field(__m, #key)?;
            __e.encode_str(#name)?;
        }
    });
    let default = container_default(cont, fields);
    let entries = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.attrs.skip_serializing)
        .map(|(i, field)| {
            let value = binding(i);
            if field.attrs.flatten {
                let tr = encode_fields(field.ty);
                return quote! {
                    #tr::encode_entries(#value, __e, __m)?;
                };
            }
            let name = &field.attrs.name.ser;
            let call = encode_value(field, &value);
            let write = error_in_field(field, &call);
            let entry = quote! {
                __e.map_field(__m, #name)?;
                #write
            };
            match skip_condition(cont, field, &value) {
                Some(cond) => quote! {
                    if !#cond {
                        #entry
                    }
                },
                None => entry,
            }
        });
    quote! {
        #default
        #tag
        #(#entries)*
    }
}

/// Named fields as a map.
fn encode_map(cont: &Container, fields: &[Field], tag: Option<&(String, String)>) -> TokenStream {
    let count = entry_count(cont, fields, tag.is_some());
    let entries = encode_entries(cont, fields, tag);
    quote! {
        let __len = { #count };
        let mut __map = __e.map_begin(__len)?;
        let __m = &mut __map;
        #entries
        __e.map_end(__map)
    }
}

/// A variant's content in untagged form: null, the value, an array, or a map.
fn variant_content(cont: &Container, variant: &Variant) -> TokenStream {
    match variant.style {
        Style::Unit => quote!(__e.encode_null()),
        Style::Newtype => encode_value(&variant.fields[0], &binding(0)),
        Style::Tuple => encode_seq(&variant.fields),
        Style::Struct => encode_map(cont, &variant.fields, None),
    }
}

fn encode_variant(cont: &Container, variant: &Variant, index: usize) -> TokenStream {
    let ident = &cont.ident;
    let variant_ident = &variant.ident;
    let pattern = destructure(
        &quote!(#ident::#variant_ident),
        variant.style,
        &variant.fields,
    );
    let name = &variant.attrs.name.ser;
    let index = u32::try_from(index).expect("fewer than 2^32 variants");

    if variant.attrs.skip_serializing {
        return skipped_variant_arm(cont, variant, &pattern);
    }
    let tag = if variant.attrs.untagged {
        &TagType::None
    } else {
        &cont.attrs.tag
    };

    let body = match tag {
        TagType::External => match variant.style {
            Style::Unit => quote!(__e.unit_variant(#name, #index)),
            _ => {
                let content = variant_content(cont, variant);
                quote! {
                    let mut __outer = __e.variant_begin(#name, #index)?;
                    if let ::core::result::Result::Err(__err) = (|| -> ::zerospec::Result<()> { #content })() {
                        return ::core::result::Result::Err(__err.in_field(#name));
                    }
                    __e.map_end(__outer)
                }
            }
        },
        TagType::Internal { tag } => match variant.style {
            Style::Unit => quote! {
                let mut __map = __e.map_begin(::core::option::Option::Some(1))?;
                __e.map_field(&mut __map, #tag)?;
                __e.encode_str(#name)?;
                __e.map_end(__map)
            },
            Style::Newtype => {
                let value = binding(0);
                let tr = encode_fields(variant.fields[0].ty);
                quote! {
                    let __len = #tr::entry_count(#value).map(|__n| __n + 1);
                    let mut __map = __e.map_begin(__len)?;
                    __e.map_field(&mut __map, #tag)?;
                    __e.encode_str(#name)?;
                    #tr::encode_entries(#value, __e, &mut __map)?;
                    __e.map_end(__map)
                }
            }
            Style::Struct => encode_map(cont, &variant.fields, Some(&(tag.clone(), name.clone()))),
            Style::Tuple => quote!(unreachable!()),
        },
        TagType::Adjacent { tag, content } => match variant.style {
            Style::Unit => quote! {
                let mut __map = __e.map_begin(::core::option::Option::Some(1))?;
                __e.map_field(&mut __map, #tag)?;
                __e.encode_str(#name)?;
                __e.map_end(__map)
            },
            _ => {
                let inner = variant_content(cont, variant);
                quote! {
                    let mut __outer = __e.map_begin(::core::option::Option::Some(2))?;
                    __e.map_field(&mut __outer, #tag)?;
                    __e.encode_str(#name)?;
                    __e.map_field(&mut __outer, #content)?;
                    if let ::core::result::Result::Err(__err) = (|| -> ::zerospec::Result<()> { #inner })() {
                        return ::core::result::Result::Err(__err.in_field(#content));
                    }
                    __e.map_end(__outer)
                }
            }
        },
        TagType::None => variant_content(cont, variant),
    };
    quote! {
        #pattern => { #body }
    }
}

/// The match arm of a `skip_serializing` variant: encoding it is an error
/// that names it, in every format.
pub fn skipped_variant_arm(
    cont: &Container,
    variant: &Variant,
    pattern: &TokenStream,
) -> TokenStream {
    let message = format!(
        "the enum variant `{}::{}` cannot be encoded",
        cont.ident, variant.ident
    );
    quote! {
        #[allow(unused_variables)]
        #pattern => ::core::result::Result::Err(::zerospec::Error::unsupported(#message)),
    }
}

/// `EncodeFields` bodies (`entry_count`, `encode_entries`) for an enum, so
/// that it can be flattened or held by an internally tagged newtype variant,
/// as serde allows: externally tagged, its one entry `"Variant": content`
/// (a unit variant's content is `null`); internally tagged, the tag and the
/// variant's fields; adjacently tagged, the tag and the content. `None` for
/// untagged enums, which have no entries of their own.
fn enum_fields(cont: &Container, variants: &[Variant]) -> Option<(TokenStream, TokenStream)> {
    if variants.is_empty()
        || matches!(cont.attrs.tag, TagType::None)
        || variants.iter().any(|v| v.attrs.untagged)
    {
        return None;
    }
    let ident = &cont.ident;
    let mut counts = Vec::new();
    let mut entries = Vec::new();
    for variant in variants {
        let variant_ident = &variant.ident;
        let pattern = destructure(
            &quote!(#ident::#variant_ident),
            variant.style,
            &variant.fields,
        );
        let name = &variant.attrs.name.ser;
        if variant.attrs.skip_serializing {
            counts.push(quote!(#pattern => ::core::option::Option::Some(0),));
            entries.push(skipped_variant_arm(cont, variant, &pattern));
            continue;
        }
        let (count, body) = match &cont.attrs.tag {
            TagType::External => {
                let content = variant_content(cont, variant);
                (
                    quote!(::core::option::Option::Some(1)),
                    quote! {
                        __e.map_field(__m, #name)?;
                        if let ::core::result::Result::Err(__err) = (|| -> ::zerospec::Result<()> { #content })() {
                            return ::core::result::Result::Err(__err.in_field(#name));
                        }
                    },
                )
            }
            TagType::Internal { tag } => match variant.style {
                Style::Unit => (
                    quote!(::core::option::Option::Some(1)),
                    quote! {
                        __e.map_field(__m, #tag)?;
                        __e.encode_str(#name)?;
                    },
                ),
                Style::Newtype => {
                    let value = binding(0);
                    let tr = encode_fields(variant.fields[0].ty);
                    (
                        quote!(#tr::entry_count(#value).map(|__n| __n + 1)),
                        quote! {
                            __e.map_field(__m, #tag)?;
                            __e.encode_str(#name)?;
                            #tr::encode_entries(#value, __e, __m)?;
                        },
                    )
                }
                Style::Struct => (
                    entry_count(cont, &variant.fields, true),
                    encode_entries(cont, &variant.fields, Some(&(tag.clone(), name.clone()))),
                ),
                Style::Tuple => (quote!(unreachable!()), quote!(unreachable!())),
            },
            TagType::Adjacent { tag, content } => {
                let inner = variant_content(cont, variant);
                match variant.style {
                    Style::Unit => (
                        quote!(::core::option::Option::Some(1)),
                        quote! {
                            __e.map_field(__m, #tag)?;
                            __e.encode_str(#name)?;
                        },
                    ),
                    _ => (
                        quote!(::core::option::Option::Some(2)),
                        quote! {
                            __e.map_field(__m, #tag)?;
                            __e.encode_str(#name)?;
                            __e.map_field(__m, #content)?;
                            if let ::core::result::Result::Err(__err) = (|| -> ::zerospec::Result<()> { #inner })() {
                                return ::core::result::Result::Err(__err.in_field(#content));
                            }
                        },
                    ),
                }
            }
            TagType::None => return None,
        };
        counts.push(quote!(#pattern => { #count }));
        entries.push(quote!(#pattern => { #body ::core::result::Result::Ok(()) }));
    }
    Some((
        quote! {
            #[allow(unused_variables)]
            match self { #(#counts)* }
        },
        quote! {
            match self { #(#entries)* }
        },
    ))
}
