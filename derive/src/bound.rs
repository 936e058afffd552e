//! Generic bounds and borrowed lifetimes, inferred from the fields as serde infers them.

use std::collections::BTreeSet;

use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{parse_quote, punctuated::Punctuated};

use crate::internals::ast::{Container, Data, Field, Style, Variant};
use crate::internals::attr::TagType;

/// Every lifetime named in `ty`.
pub fn lifetimes_in(ty: &syn::Type) -> Vec<syn::Lifetime> {
    struct Lifetimes(Vec<syn::Lifetime>);
    impl<'ast> Visit<'ast> for Lifetimes {
        fn visit_lifetime(&mut self, lifetime: &'ast syn::Lifetime) {
            if lifetime.ident != "static" && !self.0.contains(lifetime) {
                self.0.push(lifetime.clone());
            }
        }
    }
    let mut found = Lifetimes(Vec::new());
    found.visit_type(ty);
    found.0
}

/// The lifetimes a field borrows from the input: those named by `borrow`, all of
/// the field's lifetimes for a bare `borrow`, and otherwise those of every
/// `&'a str` and `&'a [u8]` inside its type, which can only ever borrow.
pub fn borrowed_lifetimes(field: &Field) -> Vec<syn::Lifetime> {
    match &field.attrs.borrow {
        Some(listed) if !listed.is_empty() => listed.clone(),
        Some(_) => lifetimes_in(field.ty),
        None => {
            struct Refs(Vec<syn::Lifetime>);
            impl<'ast> Visit<'ast> for Refs {
                fn visit_type_reference(&mut self, reference: &'ast syn::TypeReference) {
                    let borrows = match &*reference.elem {
                        syn::Type::Path(p) => p.path.is_ident("str"),
                        syn::Type::Slice(s) => {
                            matches!(&*s.elem, syn::Type::Path(p) if p.path.is_ident("u8"))
                        }
                        _ => false,
                    };
                    if borrows
                        && let Some(lifetime) = &reference.lifetime
                        && !self.0.contains(lifetime)
                    {
                        self.0.push(lifetime.clone());
                    }
                    visit::visit_type_reference(self, reference);
                }
            }
            let mut refs = Refs(Vec::new());
            refs.visit_type(field.ty);
            refs.0
        }
    }
}

/// Type parameters of `generics` that appear in `ty`, outside `PhantomData`.
fn type_params_in(ty: &syn::Type, params: &BTreeSet<syn::Ident>) -> BTreeSet<syn::Ident> {
    struct Finder<'p> {
        params: &'p BTreeSet<syn::Ident>,
        found: BTreeSet<syn::Ident>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_path(&mut self, path: &'ast syn::Path) {
            if path
                .segments
                .last()
                .is_some_and(|s| s.ident == "PhantomData")
            {
                return;
            }
            if let Some(first) = path.segments.first()
                && self.params.contains(&first.ident)
            {
                self.found.insert(first.ident.clone());
            }
            visit::visit_path(self, path);
        }
        fn visit_macro(&mut self, _: &'ast syn::Macro) {}
    }
    let mut finder = Finder {
        params,
        found: BTreeSet::new(),
    };
    finder.visit_type(ty);
    finder.found
}

/// Every field with the variant it belongs to, if any.
fn fields_of<'c, 'a>(
    cont: &'c Container<'a>,
) -> Box<dyn Iterator<Item = (&'c Field<'a>, Option<&'c Variant<'a>>)> + 'c> {
    match &cont.data {
        Data::Struct(_, fields) => Box::new(fields.iter().map(|f| (f, None))),
        Data::Enum(variants) => Box::new(
            variants
                .iter()
                .flat_map(|v| v.fields.iter().map(move |f| (f, Some(v)))),
        ),
    }
}

fn type_param_set(cont: &Container) -> BTreeSet<syn::Ident> {
    cont.generics
        .type_params()
        .map(|p| p.ident.clone())
        .collect()
}

/// Adds `P: bound` for each type parameter `P` used by a field that `filter`
/// keeps; `filter` also sees the variant a field belongs to.
pub fn with_bound(
    cont: &Container,
    generics: &syn::Generics,
    filter: impl Fn(&Field, Option<&Variant>) -> bool,
    bound: &syn::Path,
) -> syn::Generics {
    let params = type_param_set(cont);
    if params.is_empty() {
        return generics.clone();
    }
    let mut used = BTreeSet::new();
    for (field, _) in fields_of(cont).filter(|(f, v)| filter(f, *v)) {
        used.extend(type_params_in(field.ty, &params));
    }
    let mut generics = generics.clone();
    let where_clause = generics.make_where_clause();
    for param in used {
        where_clause.predicates.push(parse_quote!(#param: #bound));
    }
    generics
}

/// Adds `K: bound` for each type parameter `K` that is the key type of a
/// `BTreeMap` or `HashMap` in a field `filter` keeps: a map needs more of its
/// keys (`EncodeKey`, `MapKey`) than of its values.
pub fn with_key_bound(
    cont: &Container,
    generics: &syn::Generics,
    filter: impl Fn(&Field, Option<&Variant>) -> bool,
    bound: &syn::Path,
) -> syn::Generics {
    struct Keys<'p> {
        params: &'p BTreeSet<syn::Ident>,
        found: BTreeSet<syn::Ident>,
    }
    impl<'ast> Visit<'ast> for Keys<'_> {
        fn visit_path_segment(&mut self, segment: &'ast syn::PathSegment) {
            if (segment.ident == "BTreeMap" || segment.ident == "HashMap")
                && let syn::PathArguments::AngleBracketed(args) = &segment.arguments
                && let Some(syn::GenericArgument::Type(syn::Type::Path(key))) = args.args.first()
                && key.qself.is_none()
                && let Some(ident) = key.path.get_ident()
                && self.params.contains(ident)
            {
                self.found.insert(ident.clone());
            }
            visit::visit_path_segment(self, segment);
        }
        fn visit_macro(&mut self, _: &'ast syn::Macro) {}
    }
    let params = type_param_set(cont);
    if params.is_empty() {
        return generics.clone();
    }
    let mut keys = Keys {
        params: &params,
        found: BTreeSet::new(),
    };
    for (field, _) in fields_of(cont).filter(|(f, v)| filter(f, *v)) {
        keys.visit_type(field.ty);
    }
    let mut generics = generics.clone();
    let where_clause = generics.make_where_clause();
    for param in keys.found {
        where_clause.predicates.push(parse_quote!(#param: #bound));
    }
    generics
}

/// Adds `FieldType: bound` for each field `filter` keeps: for traits a derived
/// impl asks of the field's type as a whole (`EncodeFields` of a flattened
/// `Inner<T>`), which no bound on `T` implies. On a concrete type that lacks
/// the trait, the bound is also where the compiler reports it, once, at the
/// field's type.
pub fn with_field_type_bound(
    cont: &Container,
    generics: &syn::Generics,
    filter: impl Fn(&Field, Option<&Variant>) -> bool,
    bound: &syn::Path,
) -> syn::Generics {
    let mut generics = generics.clone();
    let where_clause = generics.make_where_clause();
    for (field, _) in fields_of(cont).filter(|(f, v)| filter(f, *v)) {
        let ty = field.ty;
        let bound = respan(
            bound.to_token_stream(),
            crate::internals::span::located(ty.span()),
        );
        where_clause.predicates.push(
            syn::parse_quote_spanned!(crate::internals::span::located(ty.span())=> #ty: #bound),
        );
    }
    generics
}

/// `tokens` with every span set to `span`.
fn respan(tokens: proc_macro2::TokenStream, span: Span) -> proc_macro2::TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = proc_macro2::TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// Whether a field is read and written entry by entry, through `DecodeFields`
/// and `EncodeFields` rather than `Decode` and `Encode`: a flattened field, or
/// the content of a newtype variant of an internally tagged enum.
pub fn by_entries(cont: &Container, field: &Field, variant: Option<&Variant>) -> bool {
    field.attrs.flatten
        || variant.is_some_and(|v| {
            v.style == Style::Newtype
                && !v.attrs.untagged
                && matches!(cont.attrs.tag, TagType::Internal { .. })
        })
}

/// Adds `Type<...>: bound` for the container's own type: `default` on a
/// generic container calls `Default::default()` for the whole value.
pub fn with_self_bound(
    cont: &Container,
    generics: &syn::Generics,
    bound: &syn::Path,
) -> syn::Generics {
    let ident = &cont.ident;
    let (_, ty_generics, _) = cont.generics.split_for_impl();
    let mut generics = generics.clone();
    generics
        .make_where_clause()
        .predicates
        .push(parse_quote!(#ident #ty_generics: #bound));
    generics
}

/// Replaces inferred bounds by the container's `bound` attribute, when given.
pub fn with_where_predicates(
    generics: &syn::Generics,
    predicates: &[syn::WherePredicate],
) -> syn::Generics {
    let mut generics = generics.clone();
    generics
        .make_where_clause()
        .predicates
        .extend(predicates.iter().cloned());
    generics
}

/// The container's generics with `'de` added first, outliving every borrowed lifetime.
pub fn with_de_lifetime(cont: &Container, generics: &syn::Generics) -> syn::Generics {
    let mut borrowed = BTreeSet::new();
    for field in cont.all_fields().filter(|f| !f.attrs.skip_deserializing) {
        borrowed.extend(borrowed_lifetimes(field));
    }
    let mut de = syn::LifetimeParam::new(syn::Lifetime::new("'de", Span::call_site()));
    de.bounds = borrowed.into_iter().collect::<Punctuated<_, _>>();
    let mut generics = generics.clone();
    generics.params.insert(0, syn::GenericParam::Lifetime(de));
    generics
}
