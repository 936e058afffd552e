//! The derive input as a typed model: container, variants, fields, each keeping
//! its syn node so errors can point at the user's tokens.

use super::attr;
use super::ctxt::Ctxt;

pub struct Container<'a> {
    pub ident: syn::Ident,
    pub vis: syn::Visibility,
    pub attrs: attr::Container,
    pub data: Data<'a>,
    pub generics: &'a syn::Generics,
}

pub enum Data<'a> {
    Enum(Vec<Variant<'a>>),
    Struct(Style, Vec<Field<'a>>),
}

pub struct Variant<'a> {
    pub ident: syn::Ident,
    pub attrs: attr::Variant,
    pub style: Style,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: syn::Member,
    pub attrs: attr::Field,
    pub ty: &'a syn::Type,
    pub original: &'a syn::Field,
}

#[derive(Copy, Clone, PartialEq, Eq)]
pub enum Style {
    /// Named fields.
    Struct,
    /// Many unnamed fields.
    Tuple,
    /// One unnamed field.
    Newtype,
    /// No fields.
    Unit,
}

impl<'a> Container<'a> {
    pub fn from_ast(cx: &Ctxt, item: &'a syn::DeriveInput) -> Option<Self> {
        let attrs = attr::Container::from_ast(cx, item);
        let mut data = match &item.data {
            syn::Data::Enum(data) => Data::Enum(
                data.variants
                    .iter()
                    .map(|v| Variant::from_ast(cx, v))
                    .collect(),
            ),
            syn::Data::Struct(data) => {
                let (style, fields) = fields_from_ast(cx, &data.fields);
                Data::Struct(style, fields)
            }
            syn::Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "zerospec does not support derive for unions",
                );
                return None;
            }
        };
        match &mut data {
            Data::Enum(variants) => {
                for variant in variants {
                    variant.attrs.name.rename_by_rules(
                        attrs.rename_all,
                        super::case::RenameRule::apply_to_variant,
                    );
                    // The variant's own rule wins, direction by direction, as in serde.
                    let rules = super::attr::RenameAll {
                        ser: variant.attrs.rename_all.ser.or(attrs.rename_all_fields.ser),
                        de: variant.attrs.rename_all.de.or(attrs.rename_all_fields.de),
                    };
                    for field in &mut variant.fields {
                        field
                            .attrs
                            .name
                            .rename_by_rules(rules, super::case::RenameRule::apply_to_field);
                    }
                }
            }
            Data::Struct(_, fields) => {
                for field in fields {
                    field
                        .attrs
                        .name
                        .rename_by_rules(attrs.rename_all, super::case::RenameRule::apply_to_field);
                }
            }
        }
        Some(Container {
            ident: item.ident.clone(),
            vis: item.vis.clone(),
            attrs,
            data,
            generics: &item.generics,
        })
    }

    /// Every field of the container, across variants.
    pub fn all_fields(&self) -> Box<dyn Iterator<Item = &Field<'a>> + '_> {
        match &self.data {
            Data::Struct(_, fields) => Box::new(fields.iter()),
            Data::Enum(variants) => Box::new(variants.iter().flat_map(|v| v.fields.iter())),
        }
    }
}

impl<'a> Variant<'a> {
    fn from_ast(cx: &Ctxt, variant: &'a syn::Variant) -> Self {
        let (style, fields) = fields_from_ast(cx, &variant.fields);
        Variant {
            ident: variant.ident.clone(),
            attrs: attr::Variant::from_ast(cx, variant),
            style,
            fields,
        }
    }
}

fn fields_from_ast<'a>(cx: &Ctxt, fields: &'a syn::Fields) -> (Style, Vec<Field<'a>>) {
    let style = match fields {
        syn::Fields::Named(_) => Style::Struct,
        syn::Fields::Unnamed(f) if f.unnamed.len() == 1 => Style::Newtype,
        syn::Fields::Unnamed(_) => Style::Tuple,
        syn::Fields::Unit => Style::Unit,
    };
    let fields = fields
        .iter()
        .enumerate()
        .map(|(i, field)| Field {
            member: match &field.ident {
                Some(ident) => syn::Member::Named(ident.clone()),
                None => syn::Member::Unnamed(i.into()),
            },
            attrs: attr::Field::from_ast(cx, i, field),
            ty: &field.ty,
            original: field,
        })
        .collect();
    (style, fields)
}
