//! Attribute parsing: `#[serde(...)]` and `#[zerospec(...)]` read into one model.
//!
//! Both namespaces accept serde's attributes with serde's meaning. zerospec's own
//! options (constraints, `omit_defaults`, `array_like`, `with`, `bytes`) are read
//! from `#[zerospec(...)]` only. When the same attribute appears in both, the
//! `zerospec` one wins, so a type can keep serde's derive beside ours and still
//! give zerospec a different instruction.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Token;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;

use super::case::RenameRule;
use super::ctxt::Ctxt;
use super::symbol::{SERDE, ZEROSPEC};

/// Which namespace an attribute was read from.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Ns {
    Serde,
    Zerospec,
}

impl Ns {
    fn name(self) -> &'static str {
        match self {
            Ns::Serde => SERDE,
            Ns::Zerospec => ZEROSPEC,
        }
    }
}

/// One attribute's value, reporting a second setting in the same namespace.
struct Slot<'c, T> {
    cx: &'c Ctxt,
    name: &'static str,
    value: Option<(Ns, T)>,
    /// Where the value in force was written.
    tokens: Option<TokenStream>,
}

impl<'c, T> Slot<'c, T> {
    fn new(cx: &'c Ctxt, name: &'static str) -> Self {
        Slot {
            cx,
            name,
            value: None,
            tokens: None,
        }
    }

    fn set<A: ToTokens>(&mut self, ns: Ns, obj: A, value: T) {
        if let Some((prev, _)) = &self.value
            && *prev == ns
        {
            self.cx.error_spanned_by(
                obj,
                format!("duplicate {} attribute `{}`", ns.name(), self.name),
            );
            return;
        }
        self.value = Some((ns, value));
        self.tokens = Some(obj.into_token_stream());
    }

    fn get(self) -> Option<T> {
        self.value.map(|(_, v)| v)
    }

    /// Records where this attribute was written, if it was, under its name.
    fn record(&self, spans: &mut Spans) {
        if let Some(tokens) = &self.tokens {
            spans.0.push((self.name, tokens.clone()));
        }
    }
}

struct Flag<'c>(Slot<'c, ()>);

impl<'c> Flag<'c> {
    fn new(cx: &'c Ctxt, name: &'static str) -> Self {
        Flag(Slot::new(cx, name))
    }
    fn set<A: ToTokens>(&mut self, ns: Ns, obj: A) {
        self.0.set(ns, obj, ());
    }
    fn get(self) -> bool {
        self.0.get().is_some()
    }
    fn record(&self, spans: &mut Spans) {
        self.0.record(spans);
    }
}

/// An attribute that may differ between encoding and decoding: written
/// `name = "..."` for both, or `name(serialize = "...", deserialize = "...")`.
struct SerDe<'c, T> {
    ser: Slot<'c, T>,
    de: Slot<'c, T>,
}

impl<'c, T> SerDe<'c, T> {
    fn new(cx: &'c Ctxt, name: &'static str) -> Self {
        SerDe {
            ser: Slot::new(cx, name),
            de: Slot::new(cx, name),
        }
    }

    /// Reads the attribute's value or values; `parse` turns each literal into
    /// a value, or `None` when it has already reported why it cannot.
    fn set(
        &mut self,
        ns: Ns,
        meta: &ParseNestedMeta,
        parse: impl Fn(syn::LitStr) -> syn::Result<Option<T>>,
    ) -> syn::Result<()> {
        let (ser, de) = ser_and_de(meta)?;
        if let Some(value) = ser.map(&parse).transpose()?.flatten() {
            self.ser.set(ns, &meta.path, value);
        }
        if let Some(value) = de.map(&parse).transpose()?.flatten() {
            self.de.set(ns, &meta.path, value);
        }
        Ok(())
    }

    fn record(&self, spans: &mut Spans) {
        self.ser.record(spans);
        self.de.record(spans);
    }

    fn get(self) -> (Option<T>, Option<T>) {
        (self.ser.get(), self.de.get())
    }
}

/// `default` or `default = "path"`.
fn parse_default(meta: &ParseNestedMeta) -> syn::Result<Default> {
    if meta.input.peek(Token![=]) {
        let lit = get_lit_str(meta)?;
        Ok(Default::Path(parse_lit(&lit)?))
    } else {
        Ok(Default::Default)
    }
}

/// A literal as a wire name.
#[allow(clippy::unnecessary_wraps)]
fn name_value(lit: syn::LitStr) -> syn::Result<Option<String>> {
    Ok(Some(lit.value()))
}

/// Where each attribute was written, so that errors about it point at it.
#[derive(Default)]
pub struct Spans(Vec<(&'static str, TokenStream)>);

impl Spans {
    /// The tokens of the attribute `name`, if it was given.
    pub fn get(&self, name: &str) -> Option<&TokenStream> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, t)| t)
    }

    /// The tokens of the attribute `name`, or else `fallback`'s.
    pub fn or<T: ToTokens>(&self, name: &str, fallback: T) -> TokenStream {
        self.get(name)
            .cloned()
            .unwrap_or_else(|| fallback.into_token_stream())
    }
}

/// A name on the wire, which may differ between encoding and decoding.
#[derive(Clone, Debug)]
pub struct Name {
    pub ser: String,
    pub de: String,
    ser_renamed: bool,
    de_renamed: bool,
    pub aliases: Vec<String>,
}

impl Name {
    fn new(
        ident: String,
        (ser, de): (Option<String>, Option<String>),
        aliases: Vec<String>,
    ) -> Self {
        Name {
            ser_renamed: ser.is_some(),
            de_renamed: de.is_some(),
            ser: ser.unwrap_or_else(|| ident.clone()),
            de: de.unwrap_or(ident),
            aliases,
        }
    }

    /// Applies `rename_all` where no explicit `rename` was given.
    pub fn rename_by_rules(&mut self, rules: RenameAll, apply: fn(RenameRule, &str) -> String) {
        if !self.ser_renamed
            && let Some(rule) = rules.ser
        {
            self.ser = apply(rule, &self.ser);
        }
        if !self.de_renamed
            && let Some(rule) = rules.de
        {
            self.de = apply(rule, &self.de);
        }
    }

    /// Every name accepted when decoding: the name, then its aliases.
    pub fn de_names(&self) -> Vec<String> {
        let mut names = vec![self.de.clone()];
        for alias in &self.aliases {
            if !names.contains(alias) {
                names.push(alias.clone());
            }
        }
        names
    }
}

/// `rename_all` rules for encoding and decoding.
#[derive(Copy, Clone, Debug, Default)]
pub struct RenameAll {
    pub ser: Option<RenameRule>,
    pub de: Option<RenameRule>,
}

impl From<(Option<RenameRule>, Option<RenameRule>)> for RenameAll {
    fn from((ser, de): (Option<RenameRule>, Option<RenameRule>)) -> Self {
        RenameAll { ser, de }
    }
}

/// How a missing field gets its value.
#[derive(Clone)]
#[allow(clippy::enum_variant_names)] // `Default::Default` is serde's name for it.
pub enum Default {
    None,
    /// `default`: `Default::default()`.
    Default,
    /// `default = "path"`: calls `path()`.
    Path(syn::ExprPath),
}

impl Default {
    pub fn is_none(&self) -> bool {
        matches!(self, Default::None)
    }
}

/// The enum representation.
#[derive(Clone)]
pub enum TagType {
    External,
    Internal { tag: String },
    Adjacent { tag: String, content: String },
    None,
}

/// Constraints checked while decoding, as msgspec's `Meta`.
#[derive(Clone, Default)]
pub struct Constraints {
    pub ge: Option<syn::Expr>,
    pub gt: Option<syn::Expr>,
    pub le: Option<syn::Expr>,
    pub lt: Option<syn::Expr>,
    pub multiple_of: Option<syn::Expr>,
    pub min_len: Option<syn::Expr>,
    pub max_len: Option<syn::Expr>,
    pub validate: Option<syn::ExprPath>,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        self.ge.is_none()
            && self.gt.is_none()
            && self.le.is_none()
            && self.lt.is_none()
            && self.multiple_of.is_none()
            && self.min_len.is_none()
            && self.max_len.is_none()
            && self.validate.is_none()
    }
}

/// Container attributes.
pub struct Container {
    pub name: Name,
    pub rename_all: RenameAll,
    pub rename_all_fields: RenameAll,
    pub deny_unknown_fields: bool,
    pub default: Default,
    pub tag: TagType,
    pub transparent: bool,
    pub ser_bound: Option<Vec<syn::WherePredicate>>,
    pub de_bound: Option<Vec<syn::WherePredicate>>,
    pub from: Option<syn::Type>,
    pub try_from: Option<syn::Type>,
    pub into: Option<syn::Type>,
    pub omit_defaults: bool,
    pub array_like: bool,
    /// `#[zerospec(fixed)]`: stored inline in the flat format, with no header.
    pub fixed: bool,
    /// `#[zerospec(fixed, zerocopy)]`: a slice of it is its memory, copied
    /// whole through zerocopy's traits.
    pub zerocopy: bool,
    pub spans: Spans,
}

/// Variant attributes.
pub struct Variant {
    pub name: Name,
    pub rename_all: RenameAll,
    pub skip_serializing: bool,
    pub skip_deserializing: bool,
    pub other: bool,
    pub untagged: bool,
    pub spans: Spans,
}

/// Field attributes.
pub struct Field {
    pub name: Name,
    pub default: Default,
    pub flatten: bool,
    pub skip_serializing: bool,
    pub skip_deserializing: bool,
    pub skip_serializing_if: Option<syn::ExprPath>,
    pub borrow: Option<Vec<syn::Lifetime>>,
    /// How the field's value is written, when not through its own `Encode`.
    pub ser_via: Option<Via>,
    /// How the field's value is read, when not through its own `Decode`.
    pub de_via: Option<Via>,
    /// `#[zerospec(bytes)]`: a byte container written as binary.
    pub bytes: bool,
    pub constraints: Constraints,
    pub spans: Spans,
}

/// A field's value written or read by something other than its type's own
/// zerospec impl.
#[derive(Clone)]
pub enum Via {
    /// `#[zerospec(with = "module")]`: `module::encode` / `module::decode`,
    /// over zerospec's traits.
    Module(syn::ExprPath),
    /// `#[serde(with = "module")]`, `serialize_with = "f"`,
    /// `deserialize_with = "g"`: a serde function, called through the serde
    /// bridge with serde's meaning.
    SerdeFn(syn::ExprPath),
    /// `#[zerospec(serde)]`: the type's own `Serialize` / `Deserialize`,
    /// through the serde bridge.
    SerdeImpl,
}

impl Via {
    /// True when the value goes through serde's traits.
    pub fn is_serde(&self) -> bool {
        !matches!(self, Via::Module(_))
    }
}

impl Field {
    /// True when either direction goes through something other than the
    /// type's own impls, so neither may be asked of the type.
    pub fn bridged(&self) -> bool {
        self.ser_via.is_some() || self.de_via.is_some()
    }
}

/// Attributes only serde's own code generation reads: harmless to ignore.
const SERDE_ONLY_STEERING: &[&str] = &["crate", "expecting"];

/// zerospec's own options, which serde would not understand: read from
/// `#[zerospec(...)]` only.
const ZEROSPEC_ONLY: &[&str] = &[
    "omit_defaults",
    "array_like",
    "fixed",
    "zerocopy",
    "bytes",
    "ge",
    "gt",
    "le",
    "lt",
    "multiple_of",
    "min_len",
    "max_len",
    "validate",
];

/// Serde attributes zerospec does not honour, and what to do instead.
fn unsupported_advice(name: &str) -> Option<&'static str> {
    Some(match name {
        "remote" => {
            "zerospec cannot derive for a remote type; wrap the type in a newtype and implement `Encode`/`Decode` for it"
        }
        "getter" => {
            "zerospec does not support `getter`; wrap the type in a newtype with public fields"
        }
        "variant_identifier" | "field_identifier" => {
            "zerospec does not support identifier enums; use a plain unit-variant enum"
        }
        "bound" => "put the bound on the container: `#[serde(bound = \"...\")]`",
        "borrow" => "put `#[serde(borrow)]` on the fields that borrow",
        _ => return None,
    })
}

fn attrs_in(attrs: &[syn::Attribute]) -> impl Iterator<Item = (Ns, &syn::Attribute)> {
    // serde's first, so that a zerospec attribute read later overrides it.
    let serde = attrs
        .iter()
        .filter(|a| a.path().is_ident(SERDE))
        .map(|a| (Ns::Serde, a));
    let zerospec = attrs
        .iter()
        .filter(|a| a.path().is_ident(ZEROSPEC))
        .map(|a| (Ns::Zerospec, a));
    serde.chain(zerospec)
}

fn meta_name(meta: &ParseNestedMeta) -> String {
    meta.path.get_ident().map_or_else(
        || meta.path.to_token_stream().to_string(),
        ToString::to_string,
    )
}

/// Reports an attribute the derive does not know, or cannot honour.
fn unknown(cx: &Ctxt, ns: Ns, what: &str, meta: &ParseNestedMeta) -> syn::Result<()> {
    let name = meta_name(meta);
    skip_meta_value(meta)?;
    if ns == Ns::Serde && SERDE_ONLY_STEERING.contains(&name.as_str()) {
        return Ok(());
    }
    if ns == Ns::Serde && ZEROSPEC_ONLY.contains(&name.as_str()) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{name}` is a zerospec attribute: write it inside `#[zerospec(...)]`"),
        );
        return Ok(());
    }
    if ns == Ns::Serde
        && let Some(advice) = unsupported_advice(&name)
    {
        cx.error_spanned_by(
            &meta.path,
            format!("`#[serde({name})]` is not supported: {advice}"),
        );
        return Ok(());
    }
    cx.error_spanned_by(
        &meta.path,
        format!("unknown {} {what} attribute `{name}`", ns.name()),
    );
    Ok(())
}

/// Skips over an attribute's value so that parsing goes on to the next one.
fn skip_meta_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        let _: syn::Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip_meta_value(&inner))?;
    }
    Ok(())
}

fn get_lit_str(meta: &ParseNestedMeta) -> syn::Result<syn::LitStr> {
    let mut expr: syn::Expr = meta.value()?.parse()?;
    // A literal passed through a `macro_rules!` fragment arrives wrapped in an
    // invisible group.
    while let syn::Expr::Group(group) = expr {
        expr = *group.expr;
    }
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Ok(s),
        other => Err(syn::Error::new_spanned(
            other,
            format!("expected `{} = \"...\"`", meta_name(meta)),
        )),
    }
}

fn parse_lit<T: syn::parse::Parse>(lit: &syn::LitStr) -> syn::Result<T> {
    lit.parse::<T>()
}

/// `name = "x"` or `name(serialize = "x", deserialize = "y")`.
fn ser_and_de(meta: &ParseNestedMeta) -> syn::Result<(Option<syn::LitStr>, Option<syn::LitStr>)> {
    if meta.input.peek(Token![=]) {
        let lit = get_lit_str(meta)?;
        return Ok((Some(lit.clone()), Some(lit)));
    }
    if !meta.input.peek(syn::token::Paren) {
        return Err(syn::Error::new_spanned(
            &meta.path,
            format!("expected `{} = \"...\"`", meta_name(meta)),
        ));
    }
    let (mut ser, mut de) = (None, None);
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("serialize") {
            ser = Some(get_lit_str(&inner)?);
        } else if inner.path.is_ident("deserialize") {
            de = Some(get_lit_str(&inner)?);
        } else {
            return Err(inner.error("expected `serialize` or `deserialize`"));
        }
        Ok(())
    })?;
    Ok((ser, de))
}

fn rename_rule(cx: &Ctxt, lit: Option<syn::LitStr>) -> Option<RenameRule> {
    let lit = lit?;
    let rule = RenameRule::from_str(&lit.value());
    if rule.is_none() {
        cx.error_spanned_by(
            &lit,
            format!(
                "unknown rename rule `rename_all = {:?}`, expected one of {}",
                lit.value(),
                RenameRule::names()
            ),
        );
    }
    rule
}

fn bounds(lit: Option<syn::LitStr>) -> syn::Result<Option<Vec<syn::WherePredicate>>> {
    let Some(lit) = lit else { return Ok(None) };
    let preds = lit.parse_with(Punctuated::<syn::WherePredicate, Token![,]>::parse_terminated)?;
    Ok(Some(preds.into_iter().collect()))
}

fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map_or(s.clone(), str::to_owned)
}

impl Container {
    pub fn from_ast(cx: &Ctxt, item: &syn::DeriveInput) -> Self {
        let mut name = SerDe::new(cx, "rename");
        let mut rename_all = SerDe::new(cx, "rename_all");
        let mut rename_all_fields = SerDe::new(cx, "rename_all_fields");
        let mut deny_unknown_fields = Flag::new(cx, "deny_unknown_fields");
        let mut default = Slot::new(cx, "default");
        let mut tag = Slot::new(cx, "tag");
        let mut content = Slot::new(cx, "content");
        let mut untagged = Flag::new(cx, "untagged");
        let mut transparent = Flag::new(cx, "transparent");
        let mut bound = SerDe::new(cx, "bound");
        let mut from = Slot::new(cx, "from");
        let mut try_from = Slot::new(cx, "try_from");
        let mut into = Slot::new(cx, "into");
        let mut omit_defaults = Flag::new(cx, "omit_defaults");
        let mut array_like = Flag::new(cx, "array_like");
        let mut fixed = Flag::new(cx, "fixed");
        let mut zerocopy = Flag::new(cx, "zerocopy");

        for (ns, attr) in attrs_in(&item.attrs) {
            let result = attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                if path.is_ident("rename") {
                    // #[serde(rename = "name")], #[serde(rename(serialize = "a", deserialize = "b"))]
                    name.set(ns, &meta, name_value)?;
                } else if path.is_ident("rename_all") {
                    // #[serde(rename_all = "camelCase")]
                    rename_all.set(ns, &meta, |lit| Ok(rename_rule(cx, Some(lit))))?;
                } else if path.is_ident("rename_all_fields") {
                    // #[serde(rename_all_fields = "camelCase")]
                    rename_all_fields.set(ns, &meta, |lit| Ok(rename_rule(cx, Some(lit))))?;
                } else if path.is_ident("deny_unknown_fields") {
                    // #[serde(deny_unknown_fields)]
                    deny_unknown_fields.set(ns, path);
                } else if path.is_ident("default") {
                    // #[serde(default)], #[serde(default = "path")]
                    default.set(ns, path, parse_default(&meta)?);
                } else if path.is_ident("tag") {
                    // #[serde(tag = "type")]
                    tag.set(ns, path, get_lit_str(&meta)?.value());
                } else if path.is_ident("content") {
                    // #[serde(content = "c")]
                    content.set(ns, path, get_lit_str(&meta)?.value());
                } else if path.is_ident("untagged") {
                    // #[serde(untagged)]
                    untagged.set(ns, path);
                } else if path.is_ident("transparent") {
                    // #[serde(transparent)]
                    transparent.set(ns, path);
                } else if path.is_ident("bound") {
                    // #[serde(bound = "T: Trait")], #[serde(bound(serialize = "...", deserialize = "..."))]
                    bound.set(ns, &meta, |lit| bounds(Some(lit)))?;
                } else if path.is_ident("from") {
                    // #[serde(from = "Type")]
                    from.set(ns, path, parse_lit(&get_lit_str(&meta)?)?);
                } else if path.is_ident("try_from") {
                    // #[serde(try_from = "Type")]
                    try_from.set(ns, path, parse_lit(&get_lit_str(&meta)?)?);
                } else if path.is_ident("into") {
                    // #[serde(into = "Type")]
                    into.set(ns, path, parse_lit(&get_lit_str(&meta)?)?);
                } else if ns == Ns::Zerospec && path.is_ident("omit_defaults") {
                    // #[zerospec(omit_defaults)]
                    omit_defaults.set(ns, path);
                } else if ns == Ns::Zerospec && path.is_ident("array_like") {
                    // #[zerospec(array_like)]
                    array_like.set(ns, path);
                } else if ns == Ns::Zerospec && path.is_ident("fixed") {
                    // #[zerospec(fixed)]
                    fixed.set(ns, path);
                } else if ns == Ns::Zerospec && path.is_ident("zerocopy") {
                    // #[zerospec(zerocopy)]
                    zerocopy.set(ns, path);
                } else {
                    unknown(cx, ns, "container", &meta)?;
                }
                Ok(())
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }

        let mut spans = Spans::default();
        for slot in [
            &transparent,
            &untagged,
            &omit_defaults,
            &array_like,
            &fixed,
            &zerocopy,
        ] {
            slot.record(&mut spans);
        }
        for slot in [&tag, &content] {
            slot.record(&mut spans);
        }
        for slot in [&from, &try_from, &into] {
            slot.record(&mut spans);
        }
        default.record(&mut spans);
        rename_all_fields.record(&mut spans);

        let ident = unraw(&item.ident);
        let tag = tag.get();
        let content = content.get();
        let untagged = untagged.get();
        let tag_type = match (untagged, tag, content) {
            (true, None, None) => TagType::None,
            (false, None, None) => TagType::External,
            (false, Some(tag), None) => TagType::Internal { tag },
            (false, Some(tag), Some(content)) => TagType::Adjacent { tag, content },
            (true, ..) => {
                cx.error_spanned_by(
                    spans.or("untagged", &item.ident),
                    "`untagged` cannot be combined with `tag` or `content`",
                );
                TagType::None
            }
            (false, None, Some(_)) => {
                cx.error_spanned_by(
                    spans.or("content", &item.ident),
                    "`content` needs `tag` beside it",
                );
                TagType::External
            }
        };

        let (ser_bound, de_bound) = bound.get();
        Container {
            name: Name::new(ident, name.get(), Vec::new()),
            rename_all: RenameAll::from(rename_all.get()),
            rename_all_fields: RenameAll::from(rename_all_fields.get()),
            deny_unknown_fields: deny_unknown_fields.get(),
            default: default.get().unwrap_or(Default::None),
            tag: tag_type,
            transparent: transparent.get(),
            ser_bound,
            de_bound,
            from: from.get(),
            try_from: try_from.get(),
            into: into.get(),
            omit_defaults: omit_defaults.get(),
            array_like: array_like.get(),
            fixed: fixed.get(),
            zerocopy: zerocopy.get(),
            spans,
        }
    }
}

impl Variant {
    pub fn from_ast(cx: &Ctxt, variant: &syn::Variant) -> Self {
        let mut name = SerDe::new(cx, "rename");
        let mut aliases = Vec::new();
        let mut rename_all = SerDe::new(cx, "rename_all");
        let mut skip_ser = Flag::new(cx, "skip_serializing");
        let mut skip_de = Flag::new(cx, "skip_deserializing");
        let mut other = Flag::new(cx, "other");
        let mut untagged = Flag::new(cx, "untagged");

        for (ns, attr) in attrs_in(&variant.attrs) {
            let result = attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                if path.is_ident("rename") {
                    // #[serde(rename = "name")]
                    name.set(ns, &meta, name_value)?;
                } else if path.is_ident("alias") {
                    // #[serde(alias = "name")]
                    aliases.push(get_lit_str(&meta)?.value());
                } else if path.is_ident("rename_all") {
                    // #[serde(rename_all = "camelCase")]
                    rename_all.set(ns, &meta, |lit| Ok(rename_rule(cx, Some(lit))))?;
                } else if path.is_ident("skip") {
                    // #[serde(skip)]
                    skip_ser.set(ns, path);
                    skip_de.set(ns, path);
                } else if path.is_ident("skip_serializing") {
                    // #[serde(skip_serializing)]
                    skip_ser.set(ns, path);
                } else if path.is_ident("skip_deserializing") {
                    // #[serde(skip_deserializing)]
                    skip_de.set(ns, path);
                } else if path.is_ident("other") {
                    // #[serde(other)]
                    other.set(ns, path);
                } else if path.is_ident("untagged") {
                    // #[serde(untagged)]
                    untagged.set(ns, path);
                } else {
                    unknown(cx, ns, "variant", &meta)?;
                }
                Ok(())
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }

        let mut spans = Spans::default();
        other.record(&mut spans);
        untagged.record(&mut spans);
        Variant {
            name: Name::new(unraw(&variant.ident), name.get(), aliases),
            rename_all: RenameAll::from(rename_all.get()),
            skip_serializing: skip_ser.get(),
            skip_deserializing: skip_de.get(),
            other: other.get(),
            untagged: untagged.get(),
            spans,
        }
    }
}

impl Field {
    pub fn from_ast(cx: &Ctxt, index: usize, field: &syn::Field) -> Self {
        let mut name = SerDe::new(cx, "rename");
        let mut aliases = Vec::new();
        let mut default = Slot::new(cx, "default");
        let mut flatten = Flag::new(cx, "flatten");
        let mut skip_ser = Flag::new(cx, "skip_serializing");
        let mut skip_de = Flag::new(cx, "skip_deserializing");
        let mut skip_ser_if = Slot::new(cx, "skip_serializing_if");
        let mut borrow = Slot::new(cx, "borrow");
        let mut ser_via = Slot::new(cx, "serialize_with");
        let mut de_via = Slot::new(cx, "deserialize_with");
        let mut with = Flag::new(cx, "with");
        let mut serde = Flag::new(cx, "serde");
        let mut bytes = Flag::new(cx, "bytes");
        let mut ge = Slot::new(cx, "ge");
        let mut gt = Slot::new(cx, "gt");
        let mut le = Slot::new(cx, "le");
        let mut lt = Slot::new(cx, "lt");
        let mut multiple_of = Slot::new(cx, "multiple_of");
        let mut min_len = Slot::new(cx, "min_len");
        let mut max_len = Slot::new(cx, "max_len");
        let mut validate = Slot::new(cx, "validate");

        for (ns, attr) in attrs_in(&field.attrs) {
            let result = attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                if path.is_ident("rename") {
                    // #[serde(rename = "name")]
                    name.set(ns, &meta, name_value)?;
                } else if path.is_ident("alias") {
                    // #[serde(alias = "name")]
                    aliases.push(get_lit_str(&meta)?.value());
                } else if path.is_ident("default") {
                    // #[serde(default)], #[serde(default = "path")]
                    default.set(ns, path, parse_default(&meta)?);
                } else if path.is_ident("flatten") {
                    // #[serde(flatten)]
                    flatten.set(ns, path);
                } else if path.is_ident("skip") {
                    // #[serde(skip)]
                    skip_ser.set(ns, path);
                    skip_de.set(ns, path);
                } else if path.is_ident("skip_serializing") {
                    // #[serde(skip_serializing)]
                    skip_ser.set(ns, path);
                } else if path.is_ident("skip_deserializing") {
                    // #[serde(skip_deserializing)]
                    skip_de.set(ns, path);
                } else if path.is_ident("skip_serializing_if") {
                    // #[serde(skip_serializing_if = "path")]
                    skip_ser_if.set(ns, path, parse_lit(&get_lit_str(&meta)?)?);
                } else if path.is_ident("borrow") {
                    // #[serde(borrow)], #[serde(borrow = "'a + 'b")]
                    if meta.input.peek(Token![=]) {
                        let lit = get_lit_str(&meta)?;
                        let lifetimes = lit.parse_with(
                            Punctuated::<syn::Lifetime, Token![+]>::parse_separated_nonempty,
                        )?;
                        borrow.set(ns, path, lifetimes.into_iter().collect());
                    } else {
                        borrow.set(ns, path, Vec::new());
                    }
                } else if ns == Ns::Zerospec && path.is_ident("with") {
                    // #[zerospec(with = "module")]
                    let module: syn::ExprPath = parse_lit(&get_lit_str(&meta)?)?;
                    ser_via.set(ns, path, Via::Module(module.clone()));
                    de_via.set(ns, path, Via::Module(module));
                    with.set(ns, path);
                } else if path.is_ident("with") {
                    // #[serde(with = "module")]
                    let module: syn::ExprPath = parse_lit(&get_lit_str(&meta)?)?;
                    let ser = syn::parse_quote!(#module::serialize);
                    let de = syn::parse_quote!(#module::deserialize);
                    ser_via.set(ns, path, Via::SerdeFn(ser));
                    de_via.set(ns, path, Via::SerdeFn(de));
                    with.set(ns, path);
                } else if path.is_ident("serialize_with") {
                    // #[serde(serialize_with = "path")]
                    ser_via.set(ns, path, Via::SerdeFn(parse_lit(&get_lit_str(&meta)?)?));
                } else if path.is_ident("deserialize_with") {
                    // #[serde(deserialize_with = "path")]
                    de_via.set(ns, path, Via::SerdeFn(parse_lit(&get_lit_str(&meta)?)?));
                } else if ns == Ns::Zerospec && path.is_ident("serde") {
                    // #[zerospec(serde)]
                    ser_via.set(ns, path, Via::SerdeImpl);
                    de_via.set(ns, path, Via::SerdeImpl);
                    serde.set(ns, path);
                } else if ns == Ns::Zerospec && path.is_ident("bytes") {
                    // #[zerospec(bytes)]
                    bytes.set(ns, path);
                } else if ns == Ns::Zerospec && path.is_ident("ge") {
                    // #[zerospec(ge = 0)]
                    ge.set(ns, path, meta.value()?.parse()?);
                } else if ns == Ns::Zerospec && path.is_ident("gt") {
                    // #[zerospec(gt = 0)]
                    gt.set(ns, path, meta.value()?.parse()?);
                } else if ns == Ns::Zerospec && path.is_ident("le") {
                    // #[zerospec(le = 100)]
                    le.set(ns, path, meta.value()?.parse()?);
                } else if ns == Ns::Zerospec && path.is_ident("lt") {
                    // #[zerospec(lt = 100)]
                    lt.set(ns, path, meta.value()?.parse()?);
                } else if ns == Ns::Zerospec && path.is_ident("multiple_of") {
                    // #[zerospec(multiple_of = 5)]
                    multiple_of.set(ns, path, meta.value()?.parse()?);
                } else if ns == Ns::Zerospec && path.is_ident("min_len") {
                    // #[zerospec(min_len = 1)]
                    min_len.set(ns, path, meta.value()?.parse()?);
                } else if ns == Ns::Zerospec && path.is_ident("max_len") {
                    // #[zerospec(max_len = 64)]
                    max_len.set(ns, path, meta.value()?.parse()?);
                } else if ns == Ns::Zerospec && path.is_ident("validate") {
                    // #[zerospec(validate = "path::to::fn")]
                    validate.set(ns, path, parse_lit(&get_lit_str(&meta)?)?);
                } else {
                    unknown(cx, ns, "field", &meta)?;
                }
                Ok(())
            });
            if let Err(err) = result {
                cx.syn_error(err);
            }
        }

        let mut spans = Spans::default();
        for slot in [&flatten, &bytes] {
            slot.record(&mut spans);
        }
        default.record(&mut spans);
        with.record(&mut spans);
        serde.record(&mut spans);
        ser_via.record(&mut spans);
        de_via.record(&mut spans);
        borrow.record(&mut spans);
        for slot in [&ge, &gt, &le, &lt, &multiple_of, &min_len, &max_len] {
            slot.record(&mut spans);
        }
        validate.record(&mut spans);

        let ident = match &field.ident {
            Some(ident) => unraw(ident),
            None => index.to_string(),
        };
        Field {
            name: Name::new(ident, name.get(), aliases),
            default: default.get().unwrap_or(Default::None),
            flatten: flatten.get(),
            skip_serializing: skip_ser.get(),
            skip_deserializing: skip_de.get(),
            skip_serializing_if: skip_ser_if.get(),
            borrow: borrow.get(),
            ser_via: ser_via.get(),
            de_via: de_via.get(),
            bytes: bytes.get(),
            constraints: Constraints {
                ge: ge.get(),
                gt: gt.get(),
                le: le.get(),
                lt: lt.get(),
                multiple_of: multiple_of.get(),
                min_len: min_len.get(),
                max_len: max_len.get(),
                validate: validate.get(),
            },
            spans,
        }
    }
}
