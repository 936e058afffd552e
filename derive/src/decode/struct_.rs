//! Decoding structs: named (as a map or `array_like`), tuple, newtype, unit
//! and `transparent`.

use proc_macro2::TokenStream;
use quote::quote;

use super::fields::{self, At, Slot};
use crate::internals::ast::{Container, Field, Style};
use crate::internals::attr::TagType;

pub fn decode_body(cont: &Container, style: Style, fields: &[Field]) -> TokenStream {
    if cont.attrs.transparent {
        return transparent(cont, fields);
    }
    let by_index = match style {
        Style::Tuple | Style::Struct => crate::positional::decode_struct(cont, fields),
        Style::Unit | Style::Newtype => quote!(),
    };
    let by_shape = match style {
        Style::Unit => quote! {
            __d.decode_unit_struct()?;
            ::core::result::Result::Ok(Self)
        },
        Style::Newtype => {
            let read = fields::read(cont, &fields[0], At::Nowhere);
            quote!(::core::result::Result::Ok(Self(#read)))
        }
        Style::Tuple => positional(cont, fields, &quote!(Self), true),
        Style::Struct if cont.attrs.array_like => positional(cont, fields, &quote!(Self), false),
        Style::Struct => named(cont, fields),
    };
    quote! {
        #by_index
        #by_shape
    }
}

fn transparent(cont: &Container, fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(|field| {
        let member = &field.member;
        if field.attrs.skip_deserializing {
            let value = match &field.attrs.default {
                crate::internals::attr::Default::Path(path) => quote!(#path()),
                _ => quote!(::core::default::Default::default()),
            };
            quote!(#member: #value)
        } else {
            let read = fields::read(cont, field, At::Nowhere);
            quote!(#member: #read)
        }
    });
    quote! {
        ::core::result::Result::Ok(Self { #(#inits),* })
    }
}

/// A struct with named fields, as a map, through its `DecodeFields` impl.
///
/// The fields are first expected in declaration order, the order every
/// encoder writes them in: each key is offered to the decoder as the next
/// field's name (`map_next_field`), and a match decodes that field directly.
/// The first key out of order (or an unknown one) is claimed as usual, and
/// the rest of the map is read by the general loop (`__private::decode_rest`).
fn named(cont: &Container, fields: &[Field]) -> TokenStream {
    let fields_trait = quote!(<Self as ::zerospec::__private::DecodeFields<'de>>);
    if let TagType::Internal { tag } = &cont.attrs.tag {
        return tagged_named(cont, tag);
    }
    let read = fields::slots(fields);
    let flattens = read.iter().any(|s| s.field.attrs.flatten);
    let own: Vec<_> = read
        .into_iter()
        .filter(|s| !s.field.attrs.flatten)
        .collect();
    if own.is_empty() {
        return quote! {
            let mut __m = __d.map_begin()?;
            ::zerospec::__private::decode_entries::<Self, __D>(__d, &mut __m, #fields_trait::builder())
        };
    }
    // The chain makes the builder only where it leaves the order.
    let in_order = in_order_chain(cont, fields, &own, flattens);
    quote! {
        let mut __m = __d.map_begin()?;
        let mut __b: #fields_trait::Builder;
        let __left: ::zerospec::__private::Left;
        #in_order
        ::zerospec::__private::decode_rest::<Self, __D>(__d, &mut __m, __b, __left)
    }
}

/// A struct with `tag`: its fields from a map, passing over the tag (once)
/// wherever it stands, with no in-order steps.
fn tagged_named(cont: &Container, tag: &str) -> TokenStream {
    let fields_trait = quote!(<Self as ::zerospec::__private::DecodeFields<'de>>);
    let unknown = if cont.attrs.deny_unknown_fields {
        quote!(return ::core::result::Result::Err(::zerospec::Error::unknown_field(&__key));)
    } else {
        quote!(__d.skip_value()?;)
    };
    let once = fields::tag_once(tag);
    quote! {
        let mut __m = __d.map_begin()?;
        let mut __b = #fields_trait::builder();
        let mut __tag_seen = false;
        while let ::core::option::Option::Some(__key) = __d.map_next_key(&mut __m)? {
            if &*__key == #tag {
                #once
                __d.skip_value()?;
                continue;
            }
            match #fields_trait::claim(&mut __b, __key)? {
                ::core::option::Option::Some(__id) => {
                    #fields_trait::decode_claimed(&mut __b, __id, __d)?;
                }
                ::core::option::Option::None => {
                    #unknown
                }
            }
        }
        #fields_trait::finish(__b)
    }
}

/// The fields read in declaration order, each into a local of its own
/// ([`fields::local`]), so that a map written in order is assembled straight
/// from them with no builder `Option`s.
///
/// Each field's step is a block nested in the previous one's. When the key
/// is not the expected one, the step leaves the order (`__private::leave`):
/// it makes the builder `__b`, claims the key and notes in `__left` what the
/// general loop is to do next (the map's end, a claimed field's value, an
/// unknown key's value), then breaks out of its block; every block on the way
/// out moves its local into the builder, so that a repeated field is still
/// caught when the loop reads the claimed one. When some field is flattened
/// (`flattens`), its builder needs the general loop's finish, so the chain
/// never assembles the value itself.
///
/// The builder is declared but not made before the chain: a map read wholly
/// in order never makes it, nor drops its empty slots.
fn in_order_chain(cont: &Container, fields: &[Field], own: &[Slot], flattens: bool) -> TokenStream {
    let mut inner = if flattens {
        // The flattened fields' builders need the general loop's finish.
        quote! {
            (__b, __left) = (
                <Self as ::zerospec::__private::DecodeFields<'de>>::builder(),
                ::zerospec::__private::Left::Open,
            );
        }
    } else {
        let assembled = fields::finish_in_order(cont, fields, &quote!(Self));
        quote! {
            match __d.map_next_key(&mut __m)? {
                ::core::option::Option::None => return #assembled,
                ::core::option::Option::Some(__key) => {
                    (__b, __left) = ::zerospec::__private::leave::<Self>(
                        ::zerospec::decode::FieldKey::Other(__key),
                    )?;
                }
            }
        }
    };
    let field_name = |name: &str| quote!(const { ::zerospec::decode::FieldName::new(#name) });
    // Walking back from the last field, so each step can wrap the next one.
    for (k, s) in own.iter().enumerate().rev() {
        let name = &s.field.attrs.name.de;
        let slot = &s.slot;
        let local = fields::local(slot);
        let label = syn::Lifetime::new(
            &format!("'__step{}", slot.index),
            proc_macro2::Span::call_site(),
        );
        let read = fields::read(cont, s.field, At::Field(name));
        let expected = field_name(name);
        // A field an encoder may leave out is held as an `Option`, and its
        // step also accepts the next field's key, so that the steps after
        // it still match in order.
        let may_be_left_out = fields::may_be_left_out(s.field);
        let following = own.get(k + 1).filter(|_| may_be_left_out);
        let mut lookup = match following {
            Some(next) => {
                let following = field_name(&next.field.attrs.name.de);
                quote!(__d.map_next_field_or(&mut __m, #expected, #following)?)
            }
            None => quote!(__d.map_next_field(&mut __m, #expected)?),
        };
        if k > 0 && fields::may_be_left_out(own[k - 1].field) {
            let ahead = ahead(k - 1);
            lookup = quote! {
                if #ahead {
                    ::zerospec::decode::FieldKey::Expected
                } else {
                    #lookup
                }
            };
        }
        // `Following` is taken only where `map_next_field_or` was asked;
        // elsewhere `leave` answers it with an error.
        let left_out = following.map(|_| {
            let ahead = ahead(k);
            quote! {
                ::zerospec::decode::FieldKey::Following => {
                    #ahead = true;
                    ::core::option::Option::None
                }
            }
        });
        let (value, store) = if may_be_left_out {
            (
                quote!(::core::option::Option::Some(#read)),
                quote!(__b.fields.#slot = #local;),
            )
        } else {
            (
                read,
                quote!(__b.fields.#slot = ::core::option::Option::Some(#local);),
            )
        };
        let declare_ahead = following.map(|_| {
            let ahead = ahead(k);
            quote!(let mut #ahead = false;)
        });
        inner = quote! {
            #label: {
                #declare_ahead
                let #local = match #lookup {
                    ::zerospec::decode::FieldKey::Expected => #value,
                    #left_out
                    __k => {
                        (__b, __left) = ::zerospec::__private::leave::<Self>(__k)?;
                        break #label;
                    }
                };
                #inner
                #store
            }
        };
    }
    inner
}

/// The flag a step sets when it has read the next field's key in place of its own.
fn ahead(k: usize) -> syn::Ident {
    quote::format_ident!("__ahead{}", k)
}

/// The `DecodeFields` impl of a struct with named fields, with the type of its
/// builder: `impl_generics` and `where_clause` are the impl's, `de_ty_generics`
/// the type's generics with `'de` first.
///
/// The builder is a struct of its own rather than a bare tuple, so that the
/// associated type names no field type: a public struct may hold a private
/// one, which a public associated type must not mention.
pub fn decode_fields_impl(
    cont: &Container,
    fields: &[Field],
    generics: &syn::Generics,
) -> TokenStream {
    let ident = &cont.ident;
    let (impl_generics, de_ty_generics, where_clause) = generics.split_for_impl();
    let (_, ty_generics, _) = cont.generics.split_for_impl();
    let markers = generics.params.iter().filter_map(|param| match param {
        syn::GenericParam::Lifetime(l) => {
            let lifetime = &l.lifetime;
            Some(quote!(&#lifetime ()))
        }
        syn::GenericParam::Type(t) => {
            let ident = &t.ident;
            Some(quote!(*const #ident))
        }
        syn::GenericParam::Const(_) => None,
    });
    let slots = fields::slots(fields);
    let builder_type = fields::builder_type(&slots);
    let builder_init = fields::builder_init(&slots);
    let span = fields::span(&slots);
    let claim = fields::claim(&slots);
    let decode_claimed = fields::decode_claimed(cont, &slots);
    let finish = fields::finish(cont, fields, &quote!(Self));
    let deny = cont.attrs.deny_unknown_fields;
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, unreachable_pub)]
        pub struct __Builder #impl_generics #where_clause {
            fields: #builder_type,
            marker: ::core::marker::PhantomData<fn() -> (#(#markers,)*)>,
        }

        #[automatically_derived]
        impl #impl_generics ::zerospec::__private::DecodeFields<'de> for #ident #ty_generics #where_clause {
            const SPAN: u32 = #span;
            const DENY_UNKNOWN: bool = #deny;
            type Builder = __Builder #de_ty_generics;

            #[inline]
            fn builder() -> Self::Builder {
                __Builder {
                    fields: #builder_init,
                    marker: ::core::marker::PhantomData,
                }
            }

            #[inline]
            fn claim(
                __b: &mut Self::Builder,
                __key: ::zerospec::decode::Str<'de, '_>,
            ) -> ::zerospec::Result<::core::option::Option<u32>> {
                let __b = &mut __b.fields;
                let _ = &__b;
                ::core::result::Result::Ok(#claim)
            }

            #[inline]
            fn decode_claimed<__D: ::zerospec::Decoder<'de>>(
                __b: &mut Self::Builder,
                __id: u32,
                __d: &mut __D,
            ) -> ::zerospec::Result<()> {
                let __b = &mut __b.fields;
                #decode_claimed
                ::core::result::Result::Ok(())
            }

            #[inline]
            fn finish(__b: Self::Builder) -> ::zerospec::Result<Self> {
                let __b = __b.fields;
                let _ = &__b;
                #finish
            }
        }
    }
}

/// Fields in order from an array: tuple structs and variants (`exact`: the
/// length must match) and `array_like` structs (trailing fields with a default
/// may be left out, as msgspec allows).
pub fn positional(
    cont: &Container,
    fields: &[Field],
    constructor: &TokenStream,
    exact: bool,
) -> TokenStream {
    let slots: Vec<Slot> = fields::slots(fields);
    let len = slots.len();
    let reads = slots.iter().enumerate().map(|(i, s)| {
        let var = quote::format_ident!("__f{}", i);
        let read = fields::read(cont, s.field, At::Index(i));
        quote! {
            let #var = if __open && { __open = __d.seq_next(&mut __s)?; __open } {
                ::core::option::Option::Some(#read)
            } else {
                ::core::option::Option::None
            };
        }
    });
    // The shortest array accepted: up to the last field that cannot be absent.
    let required = slots
        .iter()
        .rposition(|s| {
            exact
                || (s.field.attrs.default.is_none()
                    && cont.attrs.default.is_none()
                    && !crate::encode::is_option(s.field.ty))
        })
        .map_or(0, |i| i + 1);
    let too_short = if exact {
        format!("Expected `array` of length {len}")
    } else {
        format!("Expected `array` of length >= {required}")
    };
    let too_long = if exact {
        format!("Expected `array` of length {len}")
    } else {
        format!("Expected `array` of length <= {len}")
    };
    let mut slot_index: usize = 0;
    let mut uses_container_default = false;
    let inits: Vec<_> = fields
        .iter()
        .map(|field| {
            let member = &field.member;
            let default = match &field.attrs.default {
                crate::internals::attr::Default::Path(path) => Some(quote!(#path())),
                crate::internals::attr::Default::Default => Some(quote!(::core::default::Default::default())),
                crate::internals::attr::Default::None if !cont.attrs.default.is_none() => {
                    uses_container_default = true;
                    Some(quote!(__container_default.#member))
                }
                crate::internals::attr::Default::None => None,
            };
            if field.attrs.skip_deserializing {
                let value = default.unwrap_or_else(|| quote!(::core::default::Default::default()));
                return quote!(#member: #value);
            }
            let var = quote::format_ident!("__f{}", slot_index);
            slot_index += 1;
            let ty = field.ty;
            let missing = match default {
                Some(value) if !exact => value,
                _ if !exact
                    && field.attrs.de_via.is_none()
                    && !field.attrs.bytes =>
                {
                    quote! {
                    match <#ty as ::zerospec::Decode<'de>>::absent() {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => return ::core::result::Result::Err(::zerospec::Error::invalid(::std::string::String::from(#too_short))),
                    }
                    }
                }
                _ => quote!(return ::core::result::Result::Err(::zerospec::Error::invalid(::std::string::String::from(#too_short)))),
            };
            quote! {
                #member: match #var {
                    ::core::option::Option::Some(__v) => __v,
                    ::core::option::Option::None => #missing,
                }
            }
        })
        .collect();
    let container_default = if uses_container_default {
        let value = match &cont.attrs.default {
            crate::internals::attr::Default::Path(path) => quote!(#path()),
            _ => quote!(<Self as ::core::default::Default>::default()),
        };
        quote!(let __container_default: Self = #value;)
    } else {
        quote!()
    };
    let _ = len;
    quote! {
        let mut __s = __d.seq_begin()?;
        let mut __open = true;
        #(#reads)*
        if __open && __d.seq_next(&mut __s)? {
            return ::core::result::Result::Err(::zerospec::Error::invalid(::std::string::String::from(#too_long)));
        }
        #container_default
        ::core::result::Result::Ok(#constructor { #(#inits),* })
    }
}
