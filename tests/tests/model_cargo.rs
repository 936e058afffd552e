//! A build tool's package metadata, as such a crate writes it for serde, with
//! zerospec's derive added to every type and nothing else changed:
//! `Utf8PathBuf`, `semver::Version`, `BTreeMap`s, and `deserialize_with`
//! helpers that take a string or a list.

use std::collections::BTreeMap;
use std::fmt;

use camino::Utf8PathBuf;
use semver::{Version, VersionReq};
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// `"a"` or `["a", "b"]`, as manifests allow.
fn string_or_vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a list of strings")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_any(OneOrMany)
}

/// A version requirement written as a plain version means `^version`.
fn lenient_req<'de, D: Deserializer<'de>>(d: D) -> Result<VersionReq, D::Error> {
    let text = String::deserialize(d)?;
    VersionReq::parse(&text).map_err(de::Error::custom)
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Metadata {
    pub packages: Vec<Package>,
    pub workspace_members: Vec<String>,
    pub target_directory: Utf8PathBuf,
    pub version: u32,
    #[serde(default)]
    pub workspace_root: Option<Utf8PathBuf>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Package {
    pub name: String,
    pub version: Version,
    pub id: String,
    #[serde(default, deserialize_with = "string_or_vec")]
    pub authors: Vec<String>,
    pub manifest_path: Utf8PathBuf,
    pub dependencies: Vec<Dependency>,
    pub features: BTreeMap<String, Vec<String>>,
    pub targets: Vec<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(default)]
    pub metadata: Option<serde_json::Value>,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Dependency {
    pub name: String,
    #[serde(deserialize_with = "lenient_req")]
    pub req: VersionReq,
    pub kind: Option<DependencyKind>,
    pub optional: bool,
    #[serde(default)]
    pub features: Vec<String>,
    pub path: Option<Utf8PathBuf>,
}

#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, Copy, PartialEq, Eq,
)]
#[serde(rename_all = "lowercase")]
pub enum DependencyKind {
    Dev,
    Build,
}

#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, Clone, PartialEq)]
pub struct Target {
    pub name: String,
    pub kind: Vec<String>,
    pub src_path: Utf8PathBuf,
    #[serde(default = "default_true")]
    pub test: bool,
}

fn default_true() -> bool {
    true
}

#[path = "models/agree.rs"]
mod agree;

use proptest::prelude::*;

const METADATA: &str = r#"{
  "packages": [
    {
      "name": "zerospec",
      "version": "0.1.0-alpha.2+build.5",
      "id": "path+file:///work/core#zerospec@0.1.0",
      "authors": "The zerospec authors",
      "manifest_path": "/work/core/Cargo.toml",
      "dependencies": [
        {"name": "serde", "req": "^1.0.100", "kind": null, "optional": true, "features": ["std"], "path": null},
        {"name": "proptest", "req": "1", "kind": "dev", "optional": false, "path": null},
        {"name": "zerospec-derive", "req": "=0.1.0", "kind": null, "optional": false, "features": [], "path": "/work/derive"}
      ],
      "features": {"default": ["json", "msgpack"], "json": [], "serde": ["dep:serde"]},
      "targets": [
        {"name": "zerospec", "kind": ["lib"], "src_path": "/work/core/src/lib.rs"},
        {"name": "tour", "kind": ["example"], "src_path": "/work/examples/tour.rs", "test": false}
      ],
      "edition": "2024",
      "metadata": {"docs": {"rs": {"all-features": true}}}
    },
    {
      "name": "build-helper",
      "version": "2.10.0",
      "id": "registry+https://example.invalid#build-helper@2.10.0",
      "authors": ["A <a@example.invalid>", "B"],
      "manifest_path": "/home/u/.cargo/registry/build-helper-2.10.0/Cargo.toml",
      "dependencies": [],
      "features": {},
      "targets": [{"name": "build-helper", "kind": ["lib", "rlib"], "src_path": "/home/u/src/lib.rs"}]
    }
  ],
  "workspace_members": ["path+file:///work/core#zerospec@0.1.0"],
  "target_directory": "/work/target",
  "version": 1,
  "workspace_root": "/work"
}"#;

#[test]
fn cargo_metadata_reads_and_writes_as_with_serde() {
    let metadata = agree::agree_on_document::<Metadata>(METADATA).expect("both read it");
    assert_eq!(metadata.packages[0].authors, ["The zerospec authors"]);
    assert_eq!(metadata.packages[1].authors.len(), 2);
    assert_eq!(metadata.packages[0].version.pre.as_str(), "alpha.2");
    assert_eq!(
        metadata.packages[0].dependencies[1].kind,
        Some(DependencyKind::Dev)
    );
    assert!(!metadata.packages[0].targets[1].test);
    assert!(metadata.packages[1].targets[0].test);
}

#[test]
fn broken_manifests_are_refused_by_both() {
    let base: serde_json::Value = serde_json::from_str(METADATA).unwrap();
    for (pointer, value) in [
        ("/packages/0/version", serde_json::json!("1.0")),
        ("/packages/0/authors", serde_json::json!(7)),
        (
            "/packages/0/dependencies/0/req",
            serde_json::json!(">=1, <"),
        ),
        (
            "/packages/0/dependencies/0/kind",
            serde_json::json!("normal"),
        ),
        ("/packages/1/features", serde_json::json!({"x": "y"})),
        ("/version", serde_json::json!(-1)),
    ] {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).unwrap() = value;
        let text = serde_json::to_string(&doc).unwrap();
        assert!(
            agree::agree_on_document::<Metadata>(&text).is_none(),
            "{pointer}"
        );
    }
    let mut doc = base.clone();
    doc["packages"][0]["version"] = serde_json::json!("1.0");
    let err = zerospec::json::from_str::<Metadata>(&doc.to_string()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Invalid version `1.0`: unexpected end of input while parsing minor version number - at `$.packages[0].version`"
    );
    doc = base;
    doc["packages"][0]["authors"] = serde_json::json!(7);
    let err = zerospec::json::from_str::<Metadata>(&doc.to_string()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Expected `a string or a list of strings`, got `int` - at `$.packages[0].authors`"
    );
}

fn version() -> impl Strategy<Value = Version> {
    (
        0u64..100,
        0u64..100,
        0u64..1000,
        proptest::option::of("[a-z]{1,5}(\\.[1-9][0-9]?)?"),
    )
        .prop_map(|(a, b, c, pre)| {
            let text = match pre {
                Some(pre) => format!("{a}.{b}.{c}-{pre}"),
                None => format!("{a}.{b}.{c}"),
            };
            Version::parse(&text).unwrap()
        })
}

fn path() -> impl Strategy<Value = Utf8PathBuf> {
    prop::collection::vec("[a-z\u{e9}_-]{1,6}", 1..4)
        .prop_map(|parts| Utf8PathBuf::from(format!("/{}", parts.join("/"))))
}

prop_compose! {
    fn dependency()(name in "[a-z-]{1,8}", req in version(), kind in prop_oneof![Just(None), Just(Some(DependencyKind::Dev)), Just(Some(DependencyKind::Build))],
                    optional in any::<bool>(), features in prop::collection::vec("[a-z]{1,5}", 0..3), path in proptest::option::of(path())) -> Dependency {
        Dependency { name, req: VersionReq::parse(&format!("^{req}")).unwrap(), kind, optional, features, path }
    }
}

prop_compose! {
    fn package()(name in "[a-z-]{1,8}", version in version(), authors in prop::collection::vec("[A-Za-z ]{1,8}", 0..3),
                 manifest_path in path(), dependencies in prop::collection::vec(dependency(), 0..3),
                 features in prop::collection::btree_map("[a-z]{1,5}", prop::collection::vec("[a-z:]{1,6}", 0..3), 0..3),
                 targets in prop::collection::vec(("[a-z]{1,6}", prop::collection::vec("[a-z]{2,7}", 1..3), path(), any::<bool>())
                     .prop_map(|(name, kind, src_path, test)| Target { name, kind, src_path, test }), 0..3),
                 edition in proptest::option::of(prop_oneof![Just("2021".to_owned()), Just("2024".to_owned())]),
                 metadata in proptest::option::of(any::<u32>().prop_map(|n| serde_json::json!({"n": n, "list": [n, "x"]})))) -> Package {
        Package { id: format!("{name}@{version}"), name, version, authors, manifest_path, dependencies, features, targets, edition, metadata }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_metadata_agrees_with_serde(packages in prop::collection::vec(package(), 0..3), target_directory in path(), workspace_root in proptest::option::of(path())) {
        let workspace_members = packages.iter().map(|p| p.id.clone()).collect();
        agree::agree_on_value(&Metadata { packages, workspace_members, target_directory, version: 1, workspace_root });
    }
}
