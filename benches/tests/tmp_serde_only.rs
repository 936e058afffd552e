use zerospec_benches::models::{canada::FeatureCollection, citm::CitmCatalog, twitter::Twitter};

fn check<T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug>(
    name: &str,
) {
    let bytes = zerospec_benches::read_corpus(name).expect("corpus present");
    let v: T = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let out = serde_json::to_vec(&v).unwrap();
    let v2: T = serde_json::from_slice(&out).unwrap();
    assert_eq!(v, v2);
    let pretty = serde_json::to_vec_pretty(&v).unwrap();
    let v3: T = serde_json::from_slice(&pretty).unwrap();
    assert_eq!(v, v3);
    // Same data as the original, as an untyped tree (numbers compared as f64).
    let a: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(same(&a, &b), "{name}: tree differs");
    std::fs::write(format!("/tmp/c/{name}.out.json"), &out).unwrap();
    println!("{name}: ok ({} -> {} bytes)", bytes.len(), out.len());
}

fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    match (a, b) {
        (Number(x), Number(y)) => x.as_f64() == y.as_f64(),
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Object(x), Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn serde_only() {
    check::<Twitter>("twitter");
    check::<CitmCatalog>("citm_catalog");
    check::<FeatureCollection>("canada");
}
