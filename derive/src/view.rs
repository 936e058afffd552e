//! `#[derive(View)]`: a borrowed view type that reads fields straight out of a
//! validated flat buffer, and the `View` impl behind `zerospec::flat::view`.
//!
//! The generated code follows `tests/tests/flat_reference.rs`, which spells it
//! out by hand for each shape: a table struct (`FooView { table }` reading
//! field `i` at a constant offset), a `fixed` struct (`FooView { bytes }`, its
//! slots back to back), a unit-only enum (a plain copy of the variants) and an
//! enum with content (a view enum whose fields are views).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::internals::ast::{Container, Data, Field, Style, Variant};
use crate::internals::attr::Via;
use crate::internals::ctxt::Ctxt;
use crate::positional::layout;

pub fn expand(cont: &Container) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    if cont.generics.lifetimes().next().is_some() || cont.generics.type_params().next().is_some() {
        // FIXME(#4): views of generic types need `where` bounds on every field view.
        cx.error_spanned_by(
            cont.generics,
            "`View` does not support generic types yet; derive it on a concrete type",
        );
    }
    if cont.attrs.from.is_some() || cont.attrs.try_from.is_some() || cont.attrs.into.is_some() {
        cx.error_spanned_by(
            &cont.ident,
            "`View` cannot be combined with `from`, `try_from` or `into`",
        );
    }
    for field in cont.all_fields() {
        if field.attrs.bridged() && !is_serde_impl(field) {
            cx.error_spanned_by(
                field.original,
                "`View` cannot read a field that uses `with`, `serialize_with` or `deserialize_with`; `#[zerospec(serde)]` fields have views",
            );
        }
    }
    cx.check()?;
    Ok(match &cont.data {
        Data::Struct(style, fields) if cont.attrs.transparent || *style == Style::Newtype => {
            let field = fields
                .iter()
                .find(|f| !(f.attrs.skip_serializing && f.attrs.skip_deserializing))
                .expect("checked: one live field");
            delegate(cont, fields, field)
        }
        Data::Struct(Style::Unit, _) => unit_struct(cont),
        Data::Struct(style, fields) if cont.attrs.fixed => fixed_struct(cont, *style, fields),
        Data::Struct(style, fields) => table_struct(cont, *style, fields),
        Data::Enum(variants)
            if !variants.is_empty() && variants.iter().all(|v| v.style == Style::Unit) =>
        {
            unit_enum(cont, variants)
        }
        Data::Enum(variants) => content_enum(cont, variants),
    })
}

fn view_ident(cont: &Container) -> syn::Ident {
    format_ident!("{}View", cont.ident)
}

/// An accessor's name: the field's own, or `_0`, `_1`, ... for tuple fields.
fn accessor(field: &Field, index: usize) -> syn::Ident {
    match &field.member {
        syn::Member::Named(ident) => ident.clone(),
        syn::Member::Unnamed(_) => format_ident!("_{}", index),
    }
}

fn offset_const(field: &Field, index: usize) -> syn::Ident {
    let name = accessor(field, index).to_string();
    format_ident!(
        "OFFSET_{}",
        name.trim_start_matches("r#")
            .trim_start_matches('_')
            .to_uppercase()
            .replace('.', "_")
    )
}

/// `OFFSET_*` constants, one per field in the layout, then `SIZE`.
fn offsets(fields: &[(usize, &Field)]) -> (Vec<syn::Ident>, TokenStream) {
    let mut names = Vec::new();
    let mut consts = Vec::new();
    let mut previous: Option<(syn::Ident, TokenStream)> = None;
    for (i, field) in fields {
        let name = offset_const(field, *i);
        let value = match &previous {
            None => quote!(0),
            Some((prev, ty)) => {
                quote!(Self::#prev + ::zerospec::flat::slot_width(<#ty as ::zerospec::flat::View>::INLINE_SIZE))
            }
        };
        consts.push(quote!(const #name: usize = #value;));
        previous = Some((name.clone(), view_ty(field)));
        names.push(name);
    }
    let size = match &previous {
        None => quote!(0),
        Some((prev, ty)) => {
            quote!(Self::#prev + ::zerospec::flat::slot_width(<#ty as ::zerospec::flat::View>::INLINE_SIZE))
        }
    };
    consts.push(quote!(const SIZE: usize = #size;));
    (names, quote!(#(#consts)*))
}

/// The owned value from a view: each field in the layout through its view,
/// each other field its default.
fn from_view_fields(fields: &[Field], view: &TokenStream) -> TokenStream {
    let laid_out: Vec<usize> = layout(fields).into_iter().map(|(i, _)| i).collect();
    let inits = fields.iter().enumerate().map(|(i, field)| {
        let member = &field.member;
        let ty = view_ty(field);
        if laid_out.contains(&i) {
            let get = accessor(field, i);
            let owned = from_view(
                field,
                &quote!(<#ty as ::zerospec::flat::View>::from_view(#view.#get())),
            );
            quote!(#member: #owned)
        } else {
            let value = crate::decode::fields::default_value_or_default(field);
            quote!(#member: #value)
        }
    });
    quote!({ #(#inits),* })
}

/// Debug, PartialEq and `From<view>` for a struct view, through its accessors.
fn struct_view_impls(cont: &Container, fields: &[(usize, &Field)]) -> TokenStream {
    let ident = &cont.ident;
    let view = view_ident(cont);
    let view_name = view.to_string();
    let getters: Vec<_> = fields.iter().map(|(i, f)| accessor(f, *i)).collect();
    let names: Vec<String> = getters.iter().map(ToString::to_string).collect();
    let eq = if getters.is_empty() {
        quote!(true)
    } else {
        quote!(#(self.#getters() == other.#getters())&&*)
    };
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #view<'_> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#view_name)
                    #(.field(#names, &self.#getters()))*
                    .finish()
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq for #view<'_> {
            fn eq(&self, other: &Self) -> bool {
                #eq
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#view<'_>> for #ident {
            fn from(view: #view<'_>) -> Self {
                view.to_owned()
            }
        }
    }
}

/// The accessors' docs name the type the view is of.
fn view_doc(cont: &Container) -> String {
    format!(
        "The borrowed view of a [`{}`] in a flat buffer: each accessor reads its field where it lies.",
        cont.ident
    )
}

/// A struct laid out as a table behind an offset: `FooView { table }`.
fn table_struct(cont: &Container, style: Style, fields: &[Field]) -> TokenStream {
    let ident = &cont.ident;
    let vis = &cont.vis;
    let view = view_ident(cont);
    let doc = view_doc(cont);
    let laid = layout(fields);
    let (names, consts) = offsets(&laid);
    let getters = laid
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(index, ((i, field), offset))| {
            let index = u32::try_from(index).expect("fewer than 2^32 fields");
            let get = accessor(field, *i);
            let ty = view_ty(field);
            quote! {
                #[inline]
                #[must_use]
                #vis fn #get(&self) -> <#ty as ::zerospec::flat::View>::View<'a> {
                    self.table.field::<#ty>(#index, Self::#offset)
                }
            }
        });
    let checks = laid.iter().enumerate().map(|(index, (_, field))| {
        let index = u32::try_from(index).expect("fewer than 2^32 fields");
        let ty = view_ty(field);
        if style == Style::Struct {
            let name = &field.attrs.name.ser;
            quote!(__fields.field::<#ty>(__v, #index, #name)?;)
        } else {
            quote!(__fields.element::<#ty>(__v, #index)?;)
        }
    });
    let from_view = from_view_fields(fields, &quote!(view));
    let impls = struct_view_impls(cont, &laid);
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy)]
        #vis struct #view<'a> {
            table: ::zerospec::flat::Table<'a>,
        }

        #[automatically_derived]
        #[allow(clippy::identity_op, clippy::erasing_op)]
        impl<'a> #view<'a> {
            #consts
            /// Every field's offset, then the total, for the validator.
            const OFFSETS: &'static [usize] = &[#(Self::#names,)* Self::SIZE];

            #(#getters)*

            /// The owned value this view shows.
            #[must_use]
            #vis fn to_owned(self) -> #ident {
                <#ident as ::zerospec::flat::View>::from_view(self)
            }
        }

        #[automatically_derived]
        impl ::zerospec::flat::View for #ident {
            type View<'a> = #view<'a>;
            const INLINE_SIZE: ::core::option::Option<usize> = ::core::option::Option::None;

            #[inline]
            fn validate(__v: &mut ::zerospec::flat::Validator<'_>, __slot: usize) -> ::zerospec::Result<()> {
                <Self as ::zerospec::flat::View>::validate_view(__v, __slot).map(::core::mem::drop)
            }

            #[inline(always)]
            fn validate_view<'a>(
                __v: &mut ::zerospec::flat::Validator<'a>,
                __slot: usize,
            ) -> ::zerospec::Result<#view<'a>> {
                let __fields = __v.open_table(__slot, #view::OFFSETS)?;
                #(#checks)*
                ::core::result::Result::Ok(#view { table: __v.close_table(__fields) })
            }

            #[inline]
            fn read(bytes: &[u8]) -> #view<'_> {
                #view { table: ::zerospec::flat::Table::read(bytes) }
            }

            #[inline]
            fn absent<'a>() -> #view<'a> {
                #view { table: ::zerospec::flat::Table::ABSENT }
            }

            fn from_view(view: #view<'_>) -> Self {
                Self #from_view
            }
        }

        #impls
    }
}

/// A `fixed` struct, inline with no header: `FooView { bytes }`.
fn fixed_struct(cont: &Container, style: Style, fields: &[Field]) -> TokenStream {
    let ident = &cont.ident;
    let vis = &cont.vis;
    let view = view_ident(cont);
    let doc = view_doc(cont);
    let laid = layout(fields);
    let (names, consts) = offsets(&laid);
    let getters = laid.iter().zip(&names).map(|((i, field), offset)| {
        let get = accessor(field, *i);
        let ty = view_ty(field);
        quote! {
            #[inline]
            #[must_use]
            #vis fn #get(&self) -> <#ty as ::zerospec::flat::View>::View<'a> {
                <#ty as ::zerospec::flat::View>::read(::zerospec::flat::slot_at(self.bytes, Self::#offset))
            }
        }
    });
    let checks = laid.iter().zip(&names).enumerate().map(|(index, ((_, field), offset))| {
        let ty = view_ty(field);
        let segment = if style == Style::Struct {
            let name = &field.attrs.name.ser;
            quote!(in_field(#name))
        } else {
            quote!(in_index(#index))
        };
        quote! {
            <#ty as ::zerospec::flat::View>::validate(__v, __slot + #view::#offset).map_err(|__e| __e.#segment)?;
        }
    });
    let from_view = from_view_fields(fields, &quote!(view));
    let impls = struct_view_impls(cont, &laid);
    let inline_tys = laid.iter().map(|(_, field)| view_ty(field));
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy)]
        #vis struct #view<'a> {
            bytes: &'a [u8],
        }

        #[automatically_derived]
        #[allow(clippy::identity_op, clippy::erasing_op)]
        impl<'a> #view<'a> {
            #consts

            #(#getters)*

            /// The owned value this view shows.
            #[must_use]
            #vis fn to_owned(self) -> #ident {
                <#ident as ::zerospec::flat::View>::from_view(self)
            }
        }

        #[automatically_derived]
        impl ::zerospec::flat::View for #ident {
            type View<'a> = #view<'a>;
            const INLINE_SIZE: ::core::option::Option<usize> = ::core::option::Option::Some(#view::SIZE);
            const INLINE_ONLY: bool = true #(&& <#inline_tys as ::zerospec::flat::View>::INLINE_ONLY)*;

            #[inline]
            fn validate(__v: &mut ::zerospec::flat::Validator<'_>, __slot: usize) -> ::zerospec::Result<()> {
                #(#checks)*
                let _ = (__v, __slot);
                ::core::result::Result::Ok(())
            }

            #[inline]
            fn read(bytes: &[u8]) -> #view<'_> {
                if bytes.len() >= #view::SIZE {
                    #view { bytes }
                } else {
                    <Self as ::zerospec::flat::View>::absent()
                }
            }

            #[inline]
            fn absent<'a>() -> #view<'a> {
                #view { bytes: &[] }
            }

            fn from_view(view: #view<'_>) -> Self {
                Self #from_view
            }
        }

        #impls
    }
}

/// A newtype or `transparent` struct: its one field's view.
fn delegate(cont: &Container, fields: &[Field], field: &Field) -> TokenStream {
    let ident = &cont.ident;
    let ty = view_ty(field);
    let member = &field.member;
    let others = fields.iter().filter(|f| !std::ptr::eq(*f, field)).map(|f| {
        let member = &f.member;
        let value = crate::decode::fields::default_value_or_default(f);
        quote!(#member: #value)
    });
    quote! {
        #[automatically_derived]
        impl ::zerospec::flat::View for #ident {
            type View<'a> = <#ty as ::zerospec::flat::View>::View<'a>;
            const INLINE_SIZE: ::core::option::Option<usize> = <#ty as ::zerospec::flat::View>::INLINE_SIZE;
            const INLINE_ONLY: bool = <#ty as ::zerospec::flat::View>::INLINE_ONLY;

            #[inline]
            fn validate(__v: &mut ::zerospec::flat::Validator<'_>, __slot: usize) -> ::zerospec::Result<()> {
                <#ty as ::zerospec::flat::View>::validate(__v, __slot)
            }

            #[inline]
            fn read(bytes: &[u8]) -> Self::View<'_> {
                <#ty as ::zerospec::flat::View>::read(bytes)
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                <#ty as ::zerospec::flat::View>::absent()
            }

            fn from_view(view: Self::View<'_>) -> Self {
                Self { #member: <#ty as ::zerospec::flat::View>::from_view(view), #(#others),* }
            }
        }
    }
}

/// A unit struct: nothing to read.
fn unit_struct(cont: &Container) -> TokenStream {
    let ident = &cont.ident;
    quote! {
        #[automatically_derived]
        impl ::zerospec::flat::View for #ident {
            type View<'a> = ();
            const INLINE_SIZE: ::core::option::Option<usize> = ::core::option::Option::Some(0);
            const INLINE_ONLY: bool = true;

            #[inline]
            fn validate(__v: &mut ::zerospec::flat::Validator<'_>, __slot: usize) -> ::zerospec::Result<()> {
                let _ = (__v, __slot);
                ::core::result::Result::Ok(())
            }

            #[inline]
            fn read(bytes: &[u8]) -> Self::View<'_> {
                let _ = bytes;
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {}

            fn from_view(view: Self::View<'_>) -> Self {
                let () = view;
                Self
            }
        }
    }
}

/// A unit-only enum, inline as its variant index: a plain copy of the variants.
fn unit_enum(cont: &Container, variants: &[Variant]) -> TokenStream {
    // In errors, the name decoding gives: `Invalid enum value: `E` has no variant 7`.
    let name = &cont.attrs.name.de;
    let ident = &cont.ident;
    let vis = &cont.vis;
    let view = view_ident(cont);
    let doc = view_doc(cont);
    let live: Vec<(u32, &Variant)> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| (u32::try_from(i).expect("fewer than 2^32 variants"), v))
        .collect();
    let idents: Vec<_> = live.iter().map(|(_, v)| &v.ident).collect();
    let indices: Vec<_> = live.iter().map(|(i, _)| *i).collect();
    let first = idents[0];
    let count = u32::try_from(live.len()).expect("fewer than 2^32 variants");
    // The indices decoding accepts: all but those of `skip_deserializing`
    // variants, as in `Decode`.
    let decodable: Vec<u32> = live
        .iter()
        .filter(|(_, v)| !v.attrs.skip_deserializing)
        .map(|(i, _)| *i)
        .collect();
    let known = if decodable.len() == live.len() {
        quote!(__index < #count)
    } else if decodable.is_empty() {
        quote!(false)
    } else {
        quote!(::core::matches!(__index, #(#decodable)|*))
    };
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #vis enum #view {
            #(#idents,)*
        }

        #[automatically_derived]
        impl #view {
            /// The owned value this view shows.
            #[must_use]
            #vis fn to_owned(self) -> #ident {
                <#ident as ::zerospec::flat::View>::from_view(self)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#view> for #ident {
            fn from(view: #view) -> Self {
                view.to_owned()
            }
        }

        #[automatically_derived]
        impl ::zerospec::flat::View for #ident {
            type View<'a> = #view;
            const INLINE_SIZE: ::core::option::Option<usize> = ::core::option::Option::Some(4);
            const INLINE_ONLY: bool = true;

            #[inline]
            fn validate(__v: &mut ::zerospec::flat::Validator<'_>, __slot: usize) -> ::zerospec::Result<()> {
                let __index = u32::from_le_bytes(__v.scalar(__slot)?);
                if #known {
                    ::core::result::Result::Ok(())
                } else {
                    ::core::result::Result::Err(::zerospec::__private::unknown_variant_index(#name, __index))
                }
            }

            #[inline]
            fn read(bytes: &[u8]) -> #view {
                match <u32 as ::zerospec::flat::View>::read(bytes) {
                    #(#indices => #view::#idents,)*
                    // Anything validation would have refused.
                    _ => #view::#first,
                }
            }

            #[inline]
            fn absent<'a>() -> Self::View<'a> {
                #view::#first
            }

            fn from_view(view: #view) -> Self {
                match view {
                    #(#view::#idents => Self::#idents,)*
                }
            }
        }
    }
}

/// An enum with content, out of line: a view enum whose fields are views.
fn content_enum(cont: &Container, variants: &[Variant]) -> TokenStream {
    // In errors, the name decoding gives: `Invalid enum value: `E` has no variant 7`.
    let name = &cont.attrs.name.de;
    let ident = &cont.ident;
    let vis = &cont.vis;
    let view = view_ident(cont);
    let doc = view_doc(cont);
    // Variants in the positional layout, with their indices.
    let live: Vec<(u32, &Variant)> = variants
        .iter()
        .enumerate()
        // Those `Decode` reads: a `skip_serializing` variant is never
        // written, but is read.
        .filter(|(_, v)| !v.attrs.skip_deserializing)
        .map(|(i, v)| (u32::try_from(i).expect("fewer than 2^32 variants"), v))
        .collect();

    let view_variants = live.iter().map(|(_, variant)| {
        let vident = &variant.ident;
        let laid = layout(&variant.fields);
        let tys = laid.iter().map(|(_, f)| {
            let ty = view_ty(f);
            quote!(<#ty as ::zerospec::flat::View>::View<'a>)
        });
        match variant.style {
            Style::Unit => quote!(#vident),
            Style::Struct => {
                let names = laid.iter().map(|(_, f)| &f.member);
                quote!(#vident { #(#names: #tys),* })
            }
            Style::Newtype | Style::Tuple => quote!(#vident(#(#tys),*)),
        }
    });

    let offsets_name =
        |variant: &Variant| format_ident!("{}_OFFSETS", variant.ident.to_string().to_uppercase());
    let offset_consts = live.iter().map(|(_, variant)| {
        let name = offsets_name(variant);
        let laid = layout(&variant.fields);
        let mut acc = quote!(0);
        let mut items = vec![acc.clone()];
        for (_, field) in &laid {
            let ty = view_ty(field);
            acc = quote!(#acc + ::zerospec::flat::slot_width(<#ty as ::zerospec::flat::View>::INLINE_SIZE));
            items.push(acc.clone());
        }
        quote!(const #name: &'static [usize] = &[#(#items),*];)
    });

    let validate_arms = live.iter().map(|(index, variant)| {
        let name = offsets_name(variant);
        let laid = layout(&variant.fields);
        let vname = &variant.attrs.name.ser;
        let checks = laid.iter().enumerate().map(|(i, (_, field))| {
            let i = u32::try_from(i).expect("fewer than 2^32 fields");
            let ty = view_ty(field);
            if variant.style == Style::Struct {
                let fname = &field.attrs.name.ser;
                quote!(__fields.field::<#ty>(__v, #i, #fname)?;)
            } else {
                quote!(__fields.element::<#ty>(__v, #i)?;)
            }
        });
        quote! {
            #index => __variant
                .content(__v, #view::#name, |__v, __fields| {
                    let _ = (&__v, &__fields);
                    #(#checks)*
                    ::core::result::Result::Ok(())
                })
                .map_err(|__e| __e.in_field(#vname)),
        }
    });

    let read_arms = live.iter().map(|(index, variant)| {
        let vident = &variant.ident;
        let name = offsets_name(variant);
        let laid = layout(&variant.fields);
        let reads = laid.iter().enumerate().map(|(i, (_, field))| {
            let iu = u32::try_from(i).expect("fewer than 2^32 fields");
            let ty = view_ty(field);
            quote!(__content.field::<#ty>(#iu, #view::#name[#i]))
        });
        let value = match variant.style {
            Style::Unit => quote!(#view::#vident),
            Style::Struct => {
                let names = laid.iter().map(|(_, f)| &f.member);
                quote!(#view::#vident { #(#names: #reads),* })
            }
            Style::Newtype | Style::Tuple => quote!(#view::#vident(#(#reads),*)),
        };
        quote!(#index => #value,)
    });

    let from_arms = live.iter().map(|(_, variant)| {
        let vident = &variant.ident;
        let laid = layout(&variant.fields);
        let laid_idx: Vec<usize> = laid.iter().map(|(i, _)| *i).collect();
        let binds: Vec<_> = laid
            .iter()
            .map(|(i, _)| format_ident!("__v{}", i))
            .collect();
        let inits = variant.fields.iter().enumerate().map(|(i, field)| {
            let member = &field.member;
            let ty = view_ty(field);
            if laid_idx.contains(&i) {
                let b = format_ident!("__v{}", i);
                let owned = from_view(
                    field,
                    &quote!(<#ty as ::zerospec::flat::View>::from_view(#b)),
                );
                quote!(#member: #owned)
            } else {
                let value = crate::decode::fields::default_value_or_default(field);
                quote!(#member: #value)
            }
        });
        let pattern = match variant.style {
            Style::Unit => quote!(#view::#vident),
            Style::Struct => {
                let names = laid.iter().map(|(_, f)| &f.member);
                quote!(#view::#vident { #(#names: #binds),* })
            }
            Style::Newtype | Style::Tuple => quote!(#view::#vident(#(#binds),*)),
        };
        quote!(#pattern => Self::#vident { #(#inits),* },)
    });

    let absent = match live.first() {
        Some((_, variant)) => {
            let vident = &variant.ident;
            let laid = layout(&variant.fields);
            let absents = laid.iter().map(|(_, f)| {
                let ty = view_ty(f);
                quote!(<#ty as ::zerospec::flat::View>::absent())
            });
            match variant.style {
                Style::Unit => quote!(#view::#vident),
                Style::Struct => {
                    let names = laid.iter().map(|(_, f)| &f.member);
                    quote!(#view::#vident { #(#names: #absents),* })
                }
                Style::Newtype | Style::Tuple => quote!(#view::#vident(#(#absents),*)),
            }
        }
        None => quote!(unreachable!("an enum with no variant has no view")),
    };

    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, PartialEq)]
        #vis enum #view<'a> {
            #(#view_variants,)*
            #[doc(hidden)]
            __Phantom(::core::marker::PhantomData<&'a ()>, ::core::convert::Infallible),
        }

        #[automatically_derived]
        #[allow(clippy::identity_op, clippy::erasing_op)]
        impl #view<'_> {
            #(#offset_consts)*

            /// The owned value this view shows.
            #[must_use]
            #vis fn to_owned(self) -> #ident {
                <#ident as ::zerospec::flat::View>::from_view(self)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#view<'_>> for #ident {
            fn from(view: #view<'_>) -> Self {
                view.to_owned()
            }
        }

        #[automatically_derived]
        impl ::zerospec::flat::View for #ident {
            type View<'a> = #view<'a>;
            const INLINE_SIZE: ::core::option::Option<usize> = ::core::option::Option::None;

            #[inline]
            fn validate(__v: &mut ::zerospec::flat::Validator<'_>, __slot: usize) -> ::zerospec::Result<()> {
                __v.variant(__slot, |__v, __variant| match __variant.index() {
                    #(#validate_arms)*
                    _ => ::core::result::Result::Err(::zerospec::__private::unknown_variant_index(#name, __variant.index())),
                })
            }

            fn read(bytes: &[u8]) -> #view<'_> {
                let __variant = ::zerospec::flat::Variant::read(bytes);
                let __content = __variant.content();
                let _ = &__content;
                match __variant.index() {
                    #(#read_arms)*
                    _ => <Self as ::zerospec::flat::View>::absent(),
                }
            }

            fn absent<'a>() -> #view<'a> {
                #absent
            }

            fn from_view(view: #view<'_>) -> Self {
                match view {
                    #(#from_arms)*
                    #view::__Phantom(_, never) => match never {},
                }
            }
        }
    }
}

/// The type whose `View` reads a field: its own, or for a field written
/// through serde both ways, `zerospec::serde::Serde<T>`, whose view is a
/// `SerdeView` of the embedded MessagePack.
fn view_ty(field: &Field) -> TokenStream {
    let ty = field.ty;
    if is_serde_impl(field) {
        quote!(::zerospec::serde::Serde<#ty>)
    } else {
        quote!(#ty)
    }
}

/// The owned value `View::from_view` gives for a field, out of the
/// `Serde<T>` wrapper where [`view_ty`] put one.
fn from_view(field: &Field, call: &TokenStream) -> TokenStream {
    if is_serde_impl(field) {
        quote!(#call.0)
    } else {
        call.clone()
    }
}

/// A field written and read through its type's own serde impls
/// (`#[zerospec(serde)]`), whose embedded MessagePack a `SerdeView` decodes.
fn is_serde_impl(field: &Field) -> bool {
    matches!(
        (&field.attrs.ser_via, &field.attrs.de_via),
        (Some(Via::SerdeImpl), Some(Via::SerdeImpl))
    )
}
