//! Rules that involve more than one attribute, or an attribute and the shape of the type.
//!
//! Each error points at the attribute that breaks the rule where there is one,
//! else at the variant or field.

use super::ast::{Container, Data, Field, Style, Variant};
use super::attr::TagType;
use super::ctxt::Ctxt;

pub fn check(cx: &Ctxt, cont: &Container) {
    check_transparent(cx, cont);
    check_zerocopy(cx, cont);
    check_struct_only(cx, cont);
    check_enum_only(cx, cont);
    check_conversions(cx, cont);
    check_flatten(cx, cont);
    check_variants(cx, cont);
    check_names(cx, cont);
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
    let spans = &cont.attrs.spans;
    let Data::Struct(_, fields) = &cont.data else {
        cx.error_spanned_by(
            spans.or("transparent", &cont.ident),
            "`transparent` applies only to structs",
        );
        return;
    };
    let live: Vec<_> = fields
        .iter()
        .filter(|f| !(f.attrs.skip_serializing && f.attrs.skip_deserializing))
        .collect();
    if live.len() != 1 {
        cx.error_spanned_by(
            spans.or("transparent", &cont.ident),
            "`transparent` needs exactly one field that is not skipped",
        );
    }
    if cont.attrs.array_like {
        cx.error_spanned_by(
            spans.or("array_like", &cont.ident),
            "`transparent` cannot be combined with `array_like`",
        );
    }
    if let TagType::Internal { .. } = cont.attrs.tag {
        cx.error_spanned_by(
            spans.or("tag", &cont.ident),
            "`transparent` cannot be combined with `tag`",
        );
    }
    for name in ["from", "try_from", "into"] {
        if let Some(tokens) = spans.get(name) {
            cx.error_spanned_by(
                tokens,
                "`transparent` cannot be combined with `from`, `try_from` or `into`",
            );
        }
    }
}

/// `zerocopy` is a way of writing a `fixed` struct, which holds its fields
/// itself (not through `transparent`).
fn check_zerocopy(cx: &Ctxt, cont: &Container) {
    if !cont.attrs.zerocopy {
        return;
    }
    let spans = &cont.attrs.spans;
    if !cont.attrs.fixed {
        cx.error_spanned_by(
            spans.or("zerocopy", &cont.ident),
            "`zerocopy` needs `fixed` beside it: `#[zerospec(fixed, zerocopy)]`",
        );
    } else if cont.attrs.transparent {
        cx.error_spanned_by(
            spans.or("zerocopy", &cont.ident),
            "`zerocopy` cannot be combined with `transparent`",
        );
    }
}

/// `default`, `array_like` and `omit_defaults` speak of a struct's fields;
/// `default` further needs them named, not a unit or a tuple.
fn check_struct_only(cx: &Ctxt, cont: &Container) {
    let spans = &cont.attrs.spans;
    let Data::Struct(style, _) = &cont.data else {
        if cont.attrs.array_like {
            cx.error_spanned_by(
                spans.or("array_like", &cont.ident),
                "`array_like` applies only to structs",
            );
        }
        // A fixed layout is a struct's fields back to back; enums carry a tag.
        if cont.attrs.fixed {
            cx.error_spanned_by(
                spans.or("fixed", &cont.ident),
                "`fixed` applies only to structs",
            );
        }
        if cont.attrs.omit_defaults {
            cx.error_spanned_by(
                spans.or("omit_defaults", &cont.ident),
                "`omit_defaults` applies only to structs",
            );
        }
        if !cont.attrs.default.is_none() {
            cx.error_spanned_by(
                spans.or("default", &cont.ident),
                "`default` on a container applies only to structs",
            );
        }
        return;
    };
    if !cont.attrs.default.is_none() && *style != Style::Struct {
        cx.error_spanned_by(
            spans.or("default", &cont.ident),
            "`default` on a container applies only to structs with named fields",
        );
    }
    if cont.attrs.array_like && *style != Style::Struct {
        cx.error_spanned_by(
            spans.or("array_like", &cont.ident),
            "`array_like` applies only to structs with named fields",
        );
    }
    if let Some(tokens) = spans.get("untagged") {
        cx.error_spanned_by(tokens, "`untagged` applies only to enums");
    } else if let Some(tokens) = spans.get("content") {
        cx.error_spanned_by(tokens, "`content` applies only to enums");
    } else if matches!(cont.attrs.tag, TagType::Internal { .. }) && *style != Style::Struct {
        cx.error_spanned_by(
            spans.or("tag", &cont.ident),
            "`tag` on a struct needs named fields",
        );
    }
    if matches!(cont.attrs.tag, TagType::Internal { .. }) && cont.attrs.array_like {
        cx.error_spanned_by(
            spans.or("array_like", &cont.ident),
            "`tag` cannot be combined with `array_like`",
        );
    }
}

/// `rename_all_fields` renames the fields of enum variants.
fn check_enum_only(cx: &Ctxt, cont: &Container) {
    if let Some(tokens) = cont.attrs.spans.get("rename_all_fields")
        && matches!(cont.data, Data::Struct(..))
    {
        cx.error_spanned_by(
            tokens,
            "`rename_all_fields` applies only to enums; use `rename_all` on a struct",
        );
    }
}

/// `from` and `try_from` both say how to decode: only one may.
fn check_conversions(cx: &Ctxt, cont: &Container) {
    if cont.attrs.from.is_some()
        && let Some(tokens) = cont.attrs.spans.get("try_from")
    {
        cx.error_spanned_by(tokens, "`from` cannot be combined with `try_from`");
    }
}

/// `flatten` merges a field's entries into the enclosing object, so it needs an
/// object: named fields, not written as an array.
fn check_flatten(cx: &Ctxt, cont: &Container) {
    let check_fields = |style: Style, fields: &[Field]| {
        for field in fields.iter().filter(|f| f.attrs.flatten) {
            let at = field.attrs.spans.or("flatten", field.original);
            if style != Style::Struct {
                cx.error_spanned_by(&at, "`flatten` applies only to named fields");
            } else if cont.attrs.array_like {
                cx.error_spanned_by(&at, "`flatten` cannot be combined with `array_like`");
            }
            if cont.attrs.transparent {
                cx.error_spanned_by(&at, "`flatten` cannot be combined with `transparent`");
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
        if matches!(cont.attrs.tag, TagType::Internal { .. })
            && variant.style == Style::Tuple
            && !variant.attrs.untagged
        {
            cx.error_spanned_by(
                &variant.ident,
                "internally tagged enums cannot contain tuple variants",
            );
        }
        if variant.attrs.other {
            let at = variant.attrs.spans.or("other", &variant.ident);
            if variant.style != Style::Unit {
                cx.error_spanned_by(&variant.ident, "`other` must be on a unit variant");
            }
            if matches!(cont.attrs.tag, TagType::None) {
                cx.error_spanned_by(&at, "`other` cannot appear on an untagged enum");
            }
            if seen_other {
                cx.error_spanned_by(&at, "only one variant can be `other`");
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
                cx.error_spanned_by(
                    field.attrs.spans.or("default", field.original),
                    "`default` applies only to named fields",
                );
            }
        }
    }
}

/// Two fields (or variants) that answer to the same name when decoding would
/// make one of them unreachable; a field named like the internal tag would
/// never be read.
fn check_names(cx: &Ctxt, cont: &Container) {
    let tag = match &cont.attrs.tag {
        TagType::Internal { tag } => Some(tag.as_str()),
        _ => None,
    };
    let check_fields = |fields: &[Field], tag: Option<&str>| {
        let mut seen: Vec<String> = Vec::new();
        for field in fields
            .iter()
            .filter(|f| !f.attrs.skip_deserializing && !f.attrs.flatten)
        {
            for name in field.attrs.name.de_names() {
                if tag == Some(name.as_str()) {
                    cx.error_spanned_by(
                        &field.member,
                        format!("field name `{name}` is also the name of the tag"),
                    );
                } else if seen.contains(&name) {
                    cx.error_spanned_by(
                        &field.member,
                        format!("another field is already decoded from `{name}`"),
                    );
                } else {
                    seen.push(name);
                }
            }
        }
    };
    match &cont.data {
        Data::Struct(Style::Struct, fields) => check_fields(fields, tag),
        Data::Struct(..) => {}
        Data::Enum(variants) => {
            let mut seen: Vec<String> = Vec::new();
            let tagged = !matches!(cont.attrs.tag, TagType::None);
            for variant in variants
                .iter()
                .filter(|v| tagged && !v.attrs.skip_deserializing && !v.attrs.untagged)
            {
                for name in variant.attrs.name.de_names() {
                    if seen.contains(&name) {
                        cx.error_spanned_by(
                            &variant.ident,
                            format!("another variant is already decoded from `{name}`"),
                        );
                    } else {
                        seen.push(name);
                    }
                }
            }
            for variant in variants.iter().filter(|v| v.style == Style::Struct) {
                check_fields(&variant.fields, tag_of(cont, variant));
            }
        }
    }
}

/// The internal tag a struct variant's own fields share their object with.
fn tag_of<'c>(cont: &'c Container, variant: &Variant) -> Option<&'c str> {
    match &cont.attrs.tag {
        TagType::Internal { tag } if !variant.attrs.untagged => Some(tag),
        _ => None,
    }
}

/// Field rules: `with` replaces the field's own impls, so `bytes` or `flatten`
/// beside it have nothing to steer; `borrow` needs a lifetime to borrow.
fn check_field(cx: &Ctxt, field: &Field) {
    let spans = &field.attrs.spans;
    if field.attrs.bridged() && field.attrs.bytes {
        cx.error_spanned_by(
            spans.or("bytes", field.original),
            "`bytes` cannot be combined with `with`",
        );
    }
    if field.attrs.bridged() && field.attrs.flatten {
        cx.error_spanned_by(
            spans.or("flatten", field.original),
            "`flatten` cannot be combined with `with`",
        );
    }
    if field.attrs.flatten && !field.attrs.constraints.is_empty() {
        cx.error_spanned_by(
            spans.or("flatten", field.original),
            "constraints cannot be placed on a `flatten` field; place them on the inner fields",
        );
    }
    if let Some(lifetimes) = &field.attrs.borrow {
        let found = super::super::bound::lifetimes_in(field.ty);
        if found.is_empty() {
            cx.error_spanned_by(
                spans.or("borrow", field.original),
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
