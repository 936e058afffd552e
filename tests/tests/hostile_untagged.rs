//! Untagged enums on hostile input: nested untagged enums whose variants
//! fail late take time linear in the input. The work is counted
//! deterministically, by a leaf type that counts how often it is decoded.

use std::cell::Cell;

use zerospec::{Decode, Decoder, Encode, Encoder};

thread_local! {
    static DECODES: Cell<u64> = const { Cell::new(0) };
    /// Past this many, a leaf fails to decode, so that a decode doing far
    /// more work than the bound fails at once instead of running for hours.
    static LIMIT: Cell<u64> = const { Cell::new(u64::MAX) };
}

/// A `u8` that counts its decodes: every time the decoder reads a leaf,
/// whether the value is kept or thrown away by a failed attempt.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Tick(u8);

impl<'de> Decode<'de> for Tick {
    fn decode<D: Decoder<'de>>(decoder: &mut D) -> zerospec::Result<Self> {
        let count = DECODES.with(|count| {
            count.set(count.get() + 1);
            count.get()
        });
        if count > LIMIT.with(Cell::get) {
            return Err(zerospec::Error::custom("work limit reached"));
        }
        u8::decode(decoder).map(Tick)
    }
}

impl Encode for Tick {
    fn encode<E: Encoder>(&self, encoder: &mut E) -> zerospec::Result<()> {
        self.0.encode(encoder)
    }
}

/// The issue's shape: three variants that share their first field and
/// differ in the last, so each fails only after reading the whole subtree.
#[derive(Decode, Encode, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
enum U3 {
    A { n: Box<U3>, a: Tick },
    B { n: Box<U3>, b: Tick },
    C { n: Box<U3>, c: Tick },
    Leaf(Tick),
}

/// `{"n":` `depth` times, `0`, then `,"c":0}` `depth` times: only `C`
/// matches at every level, and only once its last key is read.
fn nested(depth: usize) -> String {
    format!(
        "{}0{}",
        r#"{"n":"#.repeat(depth),
        r#","c":0}"#.repeat(depth)
    )
}

/// Leaves decoded while `f` runs, which may decode 100 times more than
/// `bound` before every further leaf fails.
fn decodes<T>(bound: u64, f: impl FnOnce() -> T) -> (u64, T) {
    DECODES.with(|count| count.set(0));
    LIMIT.with(|limit| limit.set(bound.saturating_mul(100)));
    let value = f();
    LIMIT.with(|limit| limit.set(u64::MAX));
    (DECODES.with(Cell::get), value)
}

/// The bound of `core/src/memo.rs`: each byte is read at most
/// `1 + (V - 1) * d` times, for `d` nested enums of `V` variants; here in
/// leaves, of which the input holds `d + 1`.
fn bound(depth: u64) -> u64 {
    (1 + 3 * depth) * (depth + 1)
}

#[test]
fn the_issues_input_decodes_at_once() {
    // 169 bytes, which took 1.6 s before attempts were remembered (3^14
    // attempts at the innermost level).
    let json = nested(14);
    assert_eq!(json.len(), 169);
    let (count, value) = decodes(bound(14), || zerospec::json::from_str::<U3>(&json).unwrap());
    assert!(count <= bound(14), "{count} leaves decoded");
    eprintln!("depth 14: {count} leaves decoded, bound {}", bound(14));
    assert_eq!(zerospec::json::to_string(&value).unwrap(), json);
}

#[test]
fn work_grows_with_the_input_not_with_the_variants_tried() {
    for depth in [1_u64, 2, 4, 8, 16, 32, 64, 100] {
        let json = nested(depth as usize);
        let (count, value) = decodes(bound(depth), || {
            zerospec::json::from_str::<U3>(&json).unwrap()
        });
        assert!(
            count <= bound(depth),
            "depth {depth}: {count} leaves decoded"
        );
        let bytes = zerospec::msgpack::to_vec(&value).unwrap();
        let (count, again) = decodes(bound(depth), || {
            zerospec::msgpack::from_slice::<U3>(&bytes).unwrap()
        });
        assert!(
            count <= bound(depth),
            "MessagePack, depth {depth}: {count} leaves decoded"
        );
        assert_eq!(again, value);
    }
}

#[test]
fn values_agree_with_serde() {
    for depth in [0, 1, 3, 6] {
        let json = nested(depth);
        let ours: U3 = zerospec::json::from_str(&json).unwrap();
        let theirs: U3 = serde_json::from_str(&json).unwrap();
        assert_eq!(ours, theirs);
        let bytes = rmp_serde::to_vec_named(&theirs).unwrap();
        assert_eq!(zerospec::msgpack::from_slice::<U3>(&bytes).unwrap(), theirs);
    }
    // `A` where its key comes: the first variant that matches wins.
    let json = r#"{"n":{"n":0,"b":1},"a":2}"#;
    let ours: U3 = zerospec::json::from_str(json).unwrap();
    assert_eq!(ours, serde_json::from_str::<U3>(json).unwrap());
    let err = zerospec::json::from_str::<U3>(r#"{"n":{"n":0,"d":1},"a":2}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Data did not match any variant of untagged enum `U3` - at `$`"
    );
}

#[test]
fn many_nested_values_cost_in_proportion_to_their_bytes() {
    // From about 1 KB to 1 MB: the leaves decoded per input byte stay the
    // same, however many values of the same depth there are.
    let one = nested(12);
    let mut per_byte = Vec::new();
    for copies in [5_usize, 50, 500, 5000] {
        let json = format!("[{}]", vec![one.as_str(); copies].join(","));
        let (count, values) = decodes(bound(12) * copies as u64, || {
            zerospec::json::from_str::<Vec<U3>>(&json).unwrap()
        });
        assert_eq!(values.len(), copies);
        assert!(
            count <= bound(12) * copies as u64,
            "{copies} copies: {count}"
        );
        per_byte.push(count as f64 / json.len() as f64);
    }
    let (first, last) = (per_byte[0], per_byte[per_byte.len() - 1]);
    assert!((last - first).abs() / first < 0.01, "{per_byte:?}");
}
