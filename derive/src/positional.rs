//! The positional branches of `Encode` and `Decode`, for formats that lay a
//! struct out by field index (the flat format): `if E::POSITIONAL { ... }`,
//! decided at compile time, so the other formats pay nothing for it.
//!
//! A struct's positional layout is its fields that are neither
//! `skip_serializing` nor `skip_deserializing`, in declaration order; enum
//! variants are numbered by declaration order. Names, tags and `rename`s play
//! no part: the flat format is read by the same type that wrote it, or by a
//! later version of it that appended fields.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};

use crate::decode::fields::{At, default_value, read};
use crate::encode::{binding, destructure, encode_value};
use crate::internals::ast::{Container, Data, Field, Style, Variant};

/// The fields in the positional layout, with their declaration positions.
pub fn layout<'f, 'a>(fields: &'f [Field<'a>]) -> Vec<(usize, &'f Field<'a>)> {
    fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.attrs.skip_serializing && !f.attrs.skip_deserializing)
        .collect()
}

/// How a field sits in a positional layout.
enum Slot {
    /// Through its type's own impls.
    Own,
    /// Through serde in both directions: its MessagePack encoding, as bytes
    /// behind an offset (`zerospec::serde::encode`).
    Serde,
    /// Through a `with` module, or serde one way and its own impl the other:
    /// no layout both directions agree on, so positional formats refuse it.
    Refused,
}

fn slot_of(field: &Field) -> Slot {
    match (&field.attrs.ser_via, &field.attrs.de_via) {
        (None, None) => Slot::Own,
        (Some(ser), Some(de)) if ser.is_serde() && de.is_serde() => Slot::Serde,
        _ => Slot::Refused,
    }
}

/// `<T as Trait>::INLINE_SIZE` of a field's slot: a field through `with` or
/// serde takes an offset.
fn field_inline_size(field: &Field, trait_path: &TokenStream) -> TokenStream {
    if field.attrs.bridged() {
        return quote!(::core::option::Option::None);
    }
    let ty = field.ty;
    quote!(<#ty as #trait_path>::INLINE_SIZE)
}

/// `<T as Trait>::NAME` for one of the boolean layout constants
/// (`INLINE_ONLY`, `RAW_INLINE`): false for a field through `with` or serde.
fn field_flag(field: &Field, trait_path: &TokenStream, name: &str) -> TokenStream {
    if field.attrs.bridged() {
        return quote!(false);
    }
    let ty = field.ty;
    let name = format_ident!("{}", name);
    quote!(<#ty as #trait_path>::#name)
}

/// The `Shape` of `fields`, a constant, with slot widths from the given
/// trait's `INLINE_SIZE`.
fn shape(fields: &[(usize, &Field)], fixed: bool, trait_path: &TokenStream) -> TokenStream {
    let sizes = fields.iter().map(|(_, f)| field_inline_size(f, trait_path));
    let len = fields.len() + 1;
    quote!(const {
        ::zerospec::__private::shape(
            const { &::zerospec::__private::slot_offsets::<#len>(&[#(#sizes),*]) },
            #fixed,
        )
    })
}

fn unit_only(variants: &[Variant]) -> bool {
    !variants.is_empty() && variants.iter().all(|v| v.style == Style::Unit)
}

/// The `INLINE_SIZE` of the type, for the trait at `trait_path`.
pub fn inline_size(cont: &Container, trait_path: &TokenStream) -> TokenStream {
    let none = quote!(::core::option::Option::None);
    if cont.attrs.transparent {
        if let Data::Struct(_, fields) = &cont.data
            && let Some(field) = fields
                .iter()
                .find(|f| !(f.attrs.skip_serializing && f.attrs.skip_deserializing))
        {
            return field_inline_size(field, trait_path);
        }
        return none;
    }
    match &cont.data {
        Data::Struct(Style::Unit, _) => quote!(::core::option::Option::Some(0)),
        Data::Struct(Style::Newtype, fields) => field_inline_size(&fields[0], trait_path),
        Data::Struct(_, fields) if cont.attrs.fixed => {
            let sizes = layout(fields)
                .into_iter()
                .map(|(_, f)| field_inline_size(f, trait_path));
            quote!(::zerospec::__private::fixed_size(&[#(#sizes),*]))
        }
        Data::Enum(variants) if unit_only(variants) => quote!(::core::option::Option::Some(4)),
        _ => none,
    }
}

/// `if __E::POSITIONAL { ... }` for a struct with fields bound to `__v{i}`.
pub fn encode_struct(cont: &Container, fields: &[Field]) -> TokenStream {
    let body = encode_fields(fields, cont.attrs.fixed);
    // A fixed struct of plain numbers is written in one go, as one slot.
    let whole = (cont.attrs.fixed && !cont.attrs.transparent).then(|| {
        quote! {
            if <Self as ::zerospec::Encode>::INLINE_ONLY {
                return __e.encode_inline_value(self);
            }
        }
    });
    let measured = (!cont.attrs.fixed).then(|| measured(fields)).flatten();
    quote! {
        if __E::POSITIONAL {
            #whole
            #measured
            #body
        }
    }
}

/// For a table struct whose fields are all strings or `INLINE_ONLY` values
/// (each type says so with `Encode::MEASURABLE`; `bytes` fields are
/// binary, which the encoder measures too): `encode_measured` first, which
/// measures it and writes it into room grown once. Anything the encoder
/// cannot measure makes it decline, and the fields are written one by one.
fn measured(fields: &[Field]) -> Option<TokenStream> {
    let laid = layout(fields);
    if laid.is_empty() || laid.iter().any(|(_, field)| field.attrs.bridged()) {
        return None;
    }
    let terms = laid
        .iter()
        .filter(|(_, field)| !field.attrs.bytes)
        .map(|(_, field)| {
            let ty = field.ty;
            quote!(&& <#ty as ::zerospec::Encode>::MEASURABLE)
        });
    Some(quote! {
        if __E::MEASURES #(#terms)* && __e.encode_measured(self)? {
            return ::core::result::Result::Ok(());
        }
    })
}

/// Writes the positional fields as a struct, returning from the function.
fn encode_fields(fields: &[Field], fixed: bool) -> TokenStream {
    let layout = layout(fields);
    let shape = shape(&layout, fixed, &quote!(::zerospec::Encode));
    let writes = field_writes(&layout);
    quote! {
        let mut __s = __e.struct_begin(#shape)?;
        #writes
        return __e.struct_end(__s);
    }
}

/// `struct_field` and the value, for each positional field, into `__s`.
fn field_writes(layout: &[(usize, &Field)]) -> TokenStream {
    let writes = layout.iter().enumerate().map(|(index, (i, field))| {
        let index = u32::try_from(index).expect("fewer than 2^32 fields");
        let name = &field.attrs.name.ser;
        if let Slot::Refused = slot_of(field) {
            let refused = with_refused(name, &quote!(()));
            return quote!(#refused;);
        }
        let value = binding(*i);
        let call = encode_value(field, &value);
        quote! {
            __e.struct_field(&mut __s, #index)?;
            ::zerospec::__private::at_field(#call, #name)?;
        }
    });
    quote!(#(#writes)*)
}

/// `if __E::POSITIONAL { match self { ... } }` for an enum: a unit-only enum
/// as its variant index; otherwise the index and the variant's content laid
/// out as a struct (no fields for a unit variant, one for a newtype variant).
pub fn encode_enum(cont: &Container, variants: &[Variant]) -> TokenStream {
    let ident = &cont.ident;
    let unit_only = unit_only(variants);
    let arms = variants.iter().enumerate().map(|(index, variant)| {
        let index = u32::try_from(index).expect("fewer than 2^32 variants");
        let variant_ident = &variant.ident;
        let pattern = destructure(
            &quote!(#ident::#variant_ident),
            variant.style,
            &variant.fields,
        );
        if variant.attrs.skip_serializing {
            return crate::encode::skipped_variant_arm(cont, variant, &pattern);
        }
        if unit_only {
            return quote!(#pattern => __e.encode_u32(#index),);
        }
        let layout = layout(&variant.fields);
        let shape = shape(&layout, false, &quote!(::zerospec::Encode));
        let writes = field_writes(&layout);
        quote! {
            #pattern => {
                let mut __s = __e.enum_begin(#index, #shape)?;
                #writes
                __e.enum_end(__s)
            }
        }
    });
    quote! {
        if __E::POSITIONAL {
            return match self {
                #(#arms)*
            };
        }
    }
}

/// Reads the positional fields from the struct `__s` into `__f{i}`, then
/// builds `constructor { ... }`. An error in a field gains its name, or for
/// the fields of a tuple (`named` false) its index, as in the view's.
fn field_reads(
    cont: &Container,
    fields: &[Field],
    named: bool,
    constructor: &TokenStream,
) -> (TokenStream, TokenStream) {
    let layout = layout(fields);
    let reads = layout.iter().enumerate().map(|(position, (i, field))| {
        let index = u32::try_from(position).expect("fewer than 2^32 fields");
        let at = if named {
            At::Field(&field.attrs.name.de)
        } else {
            At::Index(position)
        };
        let var = format_ident!("__f{}", i);
        let name = &field.attrs.name.de;
        if let Slot::Refused = slot_of(field) {
            let refused = with_refused(name, &field.ty.to_token_stream());
            return quote!(let #var = #refused;);
        }
        // Absent (written by an older version of the type): the field's default
        // if it declares one, else whatever the decoder yields for an absent
        // value, which is the type's zero value.
        match default_value(cont, field) {
            Some(value) => {
                let read = read(cont, field, at);
                quote! {
                    let #var = if __d.struct_field(&mut __s, #index)? {
                        #read
                    } else {
                        #value
                    };
                }
            }
            None => {
                let read = read(cont, field, at);
                quote! {
                    __d.struct_field(&mut __s, #index)?;
                    let #var = #read;
                }
            }
        }
    });
    let inits = fields.iter().enumerate().map(|(i, field)| {
        let member = &field.member;
        if field.attrs.skip_serializing || field.attrs.skip_deserializing {
            let value = default_value(cont, field)
                .unwrap_or_else(|| quote!(::core::default::Default::default()));
            quote!(#member: #value)
        } else {
            let var = format_ident!("__f{}", i);
            quote!(#member: #var)
        }
    });
    let container_default = crate::decode::fields::container_default_binding(cont, fields);
    (
        quote! {
            #container_default
            #(#reads)*
        },
        quote!(#constructor { #(#inits),* }),
    )
}

/// Reads the positional fields as a struct, returning from the function.
fn decode_fields(
    cont: &Container,
    fields: &[Field],
    constructor: &TokenStream,
    fixed: bool,
) -> TokenStream {
    let layout = layout(fields);
    let shape = shape(&layout, fixed, &quote!(::zerospec::Decode<'de>));
    let named = matches!(cont.data, Data::Struct(Style::Struct, _));
    let (reads, value) = field_reads(cont, fields, named, constructor);
    quote! {
        let mut __s = __d.struct_begin(#shape)?;
        #reads
        __d.struct_end(__s)?;
        return ::core::result::Result::Ok(#value);
    }
}

/// `if __D::POSITIONAL { ... }` for a struct.
pub fn decode_struct(cont: &Container, fields: &[Field]) -> TokenStream {
    let body = decode_fields(cont, fields, &quote!(Self), cont.attrs.fixed);
    quote! {
        if __D::POSITIONAL {
            #body
        }
    }
}

/// `if __D::POSITIONAL { ... }` for an enum.
pub fn decode_enum(cont: &Container, variants: &[Variant]) -> TokenStream {
    let name = &cont.attrs.name.de;
    let live = variants
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.attrs.skip_deserializing)
        .map(|(i, v)| (u32::try_from(i).expect("fewer than 2^32 variants"), v));
    if unit_only(variants) {
        let arms = live.map(|(index, variant)| {
            let ident = &variant.ident;
            quote!(#index => ::core::result::Result::Ok(Self::#ident),)
        });
        return quote! {
            if __D::POSITIONAL {
                let __index = __d.decode_u32()?;
                return match __index {
                    #(#arms)*
                    _ => ::core::result::Result::Err(::zerospec::__private::unknown_variant_index(#name, __index)),
                };
            }
        };
    }
    let arms = live.map(|(index, variant)| {
        let ident = &variant.ident;
        let shape = shape(
            &layout(&variant.fields),
            false,
            &quote!(::zerospec::Decode<'de>),
        );
        let named = variant.style == Style::Struct;
        let (reads, value) = field_reads(cont, &variant.fields, named, &quote!(Self::#ident));
        if variant.fields.is_empty() {
            return quote!(#index => {
                __d.variant_fields(&mut __s, #shape)?;
                #value
            });
        }
        // An error in a field gains the variant's name, as in the view's.
        let vname = &variant.attrs.name.de;
        quote!(#index => {
            __d.variant_fields(&mut __s, #shape)?;
            match (|| -> ::zerospec::Result<Self> {
                #reads
                ::core::result::Result::Ok(#value)
            })() {
                ::core::result::Result::Ok(__v) => __v,
                ::core::result::Result::Err(__err) => {
                    return ::core::result::Result::Err(__err.in_field(#vname));
                }
            }
        })
    });
    quote! {
        if __D::POSITIONAL {
            let (__index, mut __s) = __d.enum_begin()?;
            let __value = match __index {
                #(#arms)*
                _ => return ::core::result::Result::Err(::zerospec::__private::unknown_variant_index(#name, __index)),
            };
            __d.enum_end(__s)?;
            return ::core::result::Result::Ok(__value);
        }
    }
}

/// A `with` field in a positional format: its module may write any shape, so
/// its slot cannot be laid out ahead. FIXME(#4): let `with` modules declare it.
fn with_refused(name: &str, ty: &TokenStream) -> TokenStream {
    quote!(::zerospec::__private::positional_with::<#ty>(#name)?)
}

/// For a `fixed` struct: `INLINE_ONLY` and `encode_inline`, which writes each
/// field into its slot so a run of such structs is written in one go.
pub fn encode_inline(cont: &Container) -> TokenStream {
    let Data::Struct(Style::Struct | Style::Tuple, fields) = &cont.data else {
        return quote!();
    };
    if !cont.attrs.fixed || cont.attrs.transparent {
        return quote!();
    }
    let laid = layout(fields);
    let only = inline_only(&laid, &quote!(::zerospec::Encode));
    let writes = laid.iter().map(|(_, field)| {
        let ty = field.ty;
        let member = &field.member;
        quote! {
            let __w = ::zerospec::encode::slot_width(<#ty as ::zerospec::Encode>::INLINE_SIZE);
            if let ::core::option::Option::Some(__slot) = __out.get_mut(__at..__at + __w) {
                ::zerospec::Encode::encode_inline(&self.#member, __slot);
            }
            __at += __w;
        }
    });
    let size = total_width(&laid, &quote!(::zerospec::Encode));
    let raw = raw_encode(cont, fields, &laid);
    quote! {
        const INLINE_ONLY: bool = #only;
        #raw

        #[inline]
        fn encode_inline(&self, __out: &mut [u8]) {
            // One length check up front lets the compiler drop the fields' own.
            let ::core::option::Option::Some(__out) = __out.get_mut(..#size) else {
                return;
            };
            let mut __at = 0usize;
            #(#writes)*
            let _ = (__at, __out);
        }
    }
}

/// For a `fixed` struct: `INLINE_ONLY` and `decode_inline`, the mirror of
/// [`encode_inline`].
pub fn decode_inline(cont: &Container) -> TokenStream {
    let Data::Struct(Style::Struct | Style::Tuple, fields) = &cont.data else {
        return quote!();
    };
    if !cont.attrs.fixed || cont.attrs.transparent {
        return quote!();
    }
    let laid = layout(fields);
    let only = inline_only(&laid, &quote!(::zerospec::Decode<'de>));
    let laid_idx: Vec<usize> = laid.iter().map(|(i, _)| *i).collect();
    let reads = laid.iter().map(|(i, field)| {
        let ty = field.ty;
        let var = format_ident!("__f{}", i);
        quote! {
            let __w = ::zerospec::encode::slot_width(<#ty as ::zerospec::Decode<'de>>::INLINE_SIZE);
            let #var = <#ty as ::zerospec::Decode<'de>>::decode_inline(
                __bytes.get(__at..__at + __w).ok_or("truncated")?,
            )?;
            __at += __w;
        }
    });
    let inits = fields.iter().enumerate().map(|(i, field)| {
        let member = &field.member;
        if laid_idx.contains(&i) {
            let var = format_ident!("__f{}", i);
            quote!(#member: #var)
        } else {
            let value = crate::decode::fields::default_value_or_default(field);
            quote!(#member: #value)
        }
    });
    let size = total_width(&laid, &quote!(::zerospec::Decode<'de>));
    let raw = raw_decode(cont, fields, &laid);
    quote! {
        const INLINE_ONLY: bool = #only;
        #raw

        #[inline]
        fn decode_inline(__bytes: &[u8]) -> ::core::result::Result<Self, &'static str> {
            // One length check up front lets the compiler drop the fields' own.
            let ::core::option::Option::Some(__bytes) = __bytes.get(..#size) else {
                return ::core::result::Result::Err("truncated");
            };
            let mut __at = 0usize;
            #(#reads)*
            let _ = (__at, __bytes);
            ::core::result::Result::Ok(Self { #(#inits),* })
        }
    }
}

/// The sum of the fields' slot widths, for the trait at `trait_path`.
fn total_width(laid: &[(usize, &Field)], trait_path: &TokenStream) -> TokenStream {
    let widths = laid.iter().map(|(_, f)| {
        let size = field_inline_size(f, trait_path);
        quote!(+ ::zerospec::encode::slot_width(#size))
    });
    quote!((0usize #(#widths)*))
}

/// True when every field is `INLINE_ONLY` and none has constraints, which
/// the one-go path would not check.
fn inline_only(laid: &[(usize, &Field)], trait_path: &TokenStream) -> TokenStream {
    if laid
        .iter()
        .any(|(_, f)| !f.attrs.constraints.is_empty() || f.attrs.bridged() || f.attrs.bytes)
    {
        return quote!(false);
    }
    let terms = laid.iter().map(|(_, f)| {
        let ty = f.ty;
        quote!(&& <#ty as #trait_path>::INLINE_ONLY)
    });
    quote!(true #(#terms)*)
}

/// For a `#[zerospec(fixed, zerocopy)]` struct: `RAW_INLINE` (true when its
/// memory is its slot on this target, checked field by field at compile
/// time) and `raw_bytes`, which hands a slice of it over as its memory
/// through zerocopy's `IntoBytes`.
fn raw_encode(cont: &Container, fields: &[Field], laid: &[(usize, &Field)]) -> TokenStream {
    if !cont.attrs.zerocopy {
        return quote!();
    }
    let trait_path = quote!(::zerospec::Encode);
    let raw = raw_inline(fields, laid, &trait_path);
    let call = zerocopy_call(cont, &quote!(raw_bytes::<Self>(__items)));
    quote! {
        const RAW_INLINE: bool = #raw;

        #[inline]
        fn raw_bytes(__items: &[Self]) -> ::core::option::Option<&[u8]> {
            if <Self as ::zerospec::Encode>::RAW_INLINE {
                ::core::option::Option::Some(#call)
            } else {
                ::core::option::Option::None
            }
        }
    }
}

/// The mirror of [`raw_encode`]: `RAW_INLINE` and `raw_vec`, which copies a
/// run of slots into a `Vec` through zerocopy's `FromBytes`.
fn raw_decode(cont: &Container, fields: &[Field], laid: &[(usize, &Field)]) -> TokenStream {
    if !cont.attrs.zerocopy {
        return quote!();
    }
    let trait_path = quote!(::zerospec::Decode<'de>);
    let raw = raw_inline(fields, laid, &trait_path);
    let call = zerocopy_call(cont, &quote!(raw_vec::<Self>(__bytes)));
    quote! {
        const RAW_INLINE: bool = #raw;

        #[inline]
        fn raw_vec(__bytes: &[u8]) -> ::core::option::Option<::std::vec::Vec<Self>> {
            if <Self as ::zerospec::Decode<'de>>::RAW_INLINE {
                #call
            } else {
                ::core::option::Option::None
            }
        }
    }
}

/// `::zerospec::__private::call`, spanned at the `zerocopy` attribute, so a
/// type that lacks zerocopy's derives is reported there.
fn zerocopy_call(cont: &Container, call: &TokenStream) -> TokenStream {
    let span = cont
        .attrs
        .spans
        .get("zerocopy")
        .and_then(|tokens| tokens.clone().into_iter().next())
        .map_or_else(proc_macro2::Span::call_site, |token| {
            crate::internals::span::located(token.span())
        });
    let call = call.clone().into_iter().map(|mut token| {
        token.set_span(span);
        token
    });
    quote_spanned!(span=> ::zerospec::__private::#(#call)*)
}

/// Whether a fixed struct's memory is its slot: a little-endian target,
/// every field's memory its slot and at the offset of its slot, and the
/// struct exactly as large as its slot (no padding). A skipped field, a
/// `with` or `bytes` field, or a constraint rules it out.
fn raw_inline(fields: &[Field], laid: &[(usize, &Field)], trait_path: &TokenStream) -> TokenStream {
    if laid.len() != fields.len() {
        return quote!(false);
    }
    let only = inline_only(laid, trait_path);
    let size = total_width(laid, trait_path);
    let mut before = quote!(0usize);
    let mut terms = Vec::new();
    for (_, field) in laid {
        let member = &field.member;
        let raw = field_flag(field, trait_path, "RAW_INLINE");
        terms.push(quote! {
            && #raw
            && ::core::mem::offset_of!(Self, #member) == #before
        });
        let size = field_inline_size(field, trait_path);
        before = quote!(#before + ::zerospec::encode::slot_width(#size));
    }
    quote! {
        ::core::cfg!(target_endian = "little")
            && (#only)
            && ::core::mem::size_of::<Self>() == #size
            #(#terms)*
    }
}
