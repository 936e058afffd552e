//! Rules that involve more than one attribute, or an attribute and the shape of the type.

use super::ast::{Container, Data, Field, Style};
use super::attr::TagType;
use super::ctxt::Ctxt;

pub fn check(cx: &Ctxt, cont: &Container) {
    check_transparent(cx, cont);
    check_struct_only(cx, cont);
    check_enum_only(cx, cont);
    check_conversions(cx, cont);
    check_flatten(cx, cont);
    check_variants(cx, cont);
    for field in cont.all_fields() {
        check_field(cx, field);
    }
}

/// `transparent` needs a struct with exactly one field that is encoded and decoded;
/// it leaves no room for a name, a tag or a layout.
fn check_transparent(cx: &Ctxt, cont: &Container) {
    if !cont.attrs.transparent {
        return;
    }
    let Data::Struct(_, fields) = &cont.data else {
        cx.error_spanned_by(&cont.ident, "`transparent` applies only to structs");
        return;
    };
    let live: Vec<_> = fields
        .iter()
        .filter(|f| !(f.attrs.skip_serializing && f.attrs.skip_deserializing))
        .collect();
    if live.len() != 1 {
        cx.error_spanned_by(
            &cont.ident,
            "`transparent` needs exactly one field that is not skipped",
        );
    }
    if cont.attrs.array_like {
        cx.error_spanned_by(
            &cont.ident,
            "`transparent` cannot be combined with `array_like`",
        );
    }
    if cont.attrs.from.is_some() || cont.attrs.try_from.is_some() || cont.attrs.into.is_some() {
        cx.error_spanned_by(
            &cont.ident,
            "`transparent` cannot be combined with `from`, `try_from` or `into`",
        );
    }
}

/// `default`, `array_like`, `omit_defaults` and `deny_unknown_fields` speak of a
/// struct's fields; `default` further needs them named or positional, not a unit.
fn check_struct_only(cx: &Ctxt, cont: &Container) {
    let Data::Struct(style, _) = &cont.data else {
        if cont.attrs.array_like {
            cx.error_spanned_by(&cont.ident, "`array_like` applies only to structs");
        }
        if cont.attrs.omit_defaults {
            cx.error_spanned_by(&cont.ident, "`omit_defaults` applies only to structs");
        }
        if !cont.attrs.default.is_none() {
            cx.error_spanned_by(
                &cont.ident,
                "`default` on a container applies only to structs",
            );
        }
        return;
    };
    if !cont.attrs.default.is_none() && *style != Style::Struct {
        cx.error_spanned_by(
            &cont.ident,
            "`default` on a container applies only to structs with named fields",
        );
    }
    if cont.attrs.array_like && *style != Style::Struct {
        cx.error_spanned_by(
            &cont.ident,
            "`array_like` applies only to structs with named fields",
        );
    }
    if matches!(cont.attrs.tag, TagType::None | TagType::Adjacent { .. }) {
        if let Some(tokens) = &cont.attrs.tag_tokens {
            cx.error_spanned_by(tokens, "`untagged` and `content` apply only to enums");
        }
    } else if matches!(cont.attrs.tag, TagType::Internal { .. }) && *style != Style::Struct {
        cx.error_spanned_by(
            cont.attrs.tag_tokens.as_ref().unwrap_or(&quote::quote!()),
            "`tag` on a struct needs named fields",
        );
    }
    if matches!(cont.attrs.tag, TagType::Internal { .. }) && cont.attrs.array_like {
        cx.error_spanned_by(&cont.ident, "`tag` cannot be combined with `array_like`");
    }
}

/// `rename_all_fields` renames the fields of enum variants.
fn check_enum_only(cx: &Ctxt, cont: &Container) {
    let renames_fields =
        cont.attrs.rename_all_fields.ser.is_some() || cont.attrs.rename_all_fields.de.is_some();
    if renames_fields && matches!(cont.data, Data::Struct(..)) {
        cx.error_spanned_by(
            &cont.ident,
            "`rename_all_fields` applies only to enums; use `rename_all` on a struct",
        );
    }
}

/// `from` and `try_from` both say how to decode: only one may.
fn check_conversions(cx: &Ctxt, cont: &Container) {
    if cont.attrs.from.is_some() && cont.attrs.try_from.is_some() {
        cx.error_spanned_by(&cont.ident, "`from` cannot be combined with `try_from`");
    }
}

/// `flatten` merges a field's entries into the enclosing object, so it needs an
/// object: named fields, not written as an array.
fn check_flatten(cx: &Ctxt, cont: &Container) {
    let check_fields = |style: Style, fields: &[Field]| {
        for field in fields.iter().filter(|f| f.attrs.flatten) {
            if style != Style::Struct {
                cx.error_spanned_by(field.original, "`flatten` applies only to named fields");
            } else if cont.attrs.array_like {
                cx.error_spanned_by(
                    field.original,
                    "`flatten` cannot be combined with `array_like`",
                );
            }
            if cont.attrs.transparent {
                cx.error_spanned_by(
                    field.original,
                    "`flatten` cannot be combined with `transparent`",
                );
            }
        }
    };
    match &cont.data {
        Data::Struct(style, fields) => check_fields(*style, fields),
        Data::Enum(variants) => {
            for variant in variants {
                check_fields(variant.style, &variant.fields);
            }
        }
    }
}

/// Variant rules: internally tagged enums hold objects, so no tuple variants;
/// `other` is a unit variant, only one, and needs a tag to compare with;
/// `untagged` variants are tried last, so they come last.
fn check_variants(cx: &Ctxt, cont: &Container) {
    let Data::Enum(variants) = &cont.data else {
        return;
    };
    let mut seen_other = false;
    let mut seen_untagged = false;
    for variant in variants {
        if matches!(cont.attrs.tag, TagType::Internal { .. }) && variant.style == Style::Tuple {
            cx.error_spanned_by(
                &variant.ident,
                "internally tagged enums cannot contain tuple variants",
            );
        }
        if variant.attrs.other {
            if variant.style != Style::Unit {
                cx.error_spanned_by(&variant.ident, "`other` must be on a unit variant");
            }
            if matches!(cont.attrs.tag, TagType::None) {
                cx.error_spanned_by(&variant.ident, "`other` cannot appear on an untagged enum");
            }
            if seen_other {
                cx.error_spanned_by(&variant.ident, "only one variant can be `other`");
            }
            seen_other = true;
        }
        if variant.attrs.untagged {
            seen_untagged = true;
        } else if seen_untagged && !matches!(cont.attrs.tag, TagType::None) {
            cx.error_spanned_by(
                &variant.ident,
                "all variants with `untagged` must come after the tagged ones",
            );
        }
        for field in &variant.fields {
            if !field.attrs.default.is_none() && variant.style != Style::Struct {
                cx.error_spanned_by(field.original, "`default` applies only to named fields");
            }
        }
    }
}

/// Field rules: `with` replaces the field's own impls, so `bytes` beside it has
/// nothing to steer; `borrow` needs a lifetime to borrow.
fn check_field(cx: &Ctxt, field: &Field) {
    if field.attrs.with.is_some() && field.attrs.bytes {
        cx.error_spanned_by(field.original, "`bytes` cannot be combined with `with`");
    }
    if field.attrs.flatten && !field.attrs.constraints.is_empty() {
        cx.error_spanned_by(
            field.original,
            "constraints cannot be placed on a `flatten` field; place them on the inner fields",
        );
    }
    if let Some(lifetimes) = &field.attrs.borrow {
        let found = super::super::bound::lifetimes_in(field.ty);
        if found.is_empty() {
            cx.error_spanned_by(
                field.original,
                "`borrow` needs a field type with a lifetime",
            );
        }
        for lifetime in lifetimes {
            if !found.contains(lifetime) {
                cx.error_spanned_by(
                    lifetime,
                    format!("field type has no lifetime `{lifetime}` to borrow"),
                );
            }
        }
    }
}
