//! Generic bounds and borrowed lifetimes, inferred from the fields as serde infers them.

use std::collections::BTreeSet;

use proc_macro2::Span;
use syn::visit::{self, Visit};
use syn::{parse_quote, punctuated::Punctuated};

use crate::internals::ast::{Container, Data, Field};

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

/// Adds `P: bound` for each type parameter `P` used by a field that `filter` keeps.
pub fn with_bound(
    cont: &Container,
    generics: &syn::Generics,
    filter: impl Fn(&Field) -> bool,
    bound: &syn::Path,
) -> syn::Generics {
    let params: BTreeSet<syn::Ident> = cont
        .generics
        .type_params()
        .map(|p| p.ident.clone())
        .collect();
    if params.is_empty() {
        return generics.clone();
    }
    let mut used = BTreeSet::new();
    let fields: Box<dyn Iterator<Item = &Field>> = match &cont.data {
        Data::Struct(_, fields) => Box::new(fields.iter()),
        Data::Enum(variants) => Box::new(variants.iter().flat_map(|v| v.fields.iter())),
    };
    for field in fields.filter(|f| filter(f)) {
        used.extend(type_params_in(field.ty, &params));
    }
    let mut generics = generics.clone();
    let where_clause = generics.make_where_clause();
    for param in used {
        where_clause.predicates.push(parse_quote!(#param: #bound));
    }
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
