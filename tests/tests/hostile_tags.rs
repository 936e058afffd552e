//! Late tags on hostile input: internally tagged enums whose tag comes last,
//! and adjacently tagged ones whose content comes before the tag, nested at
//! any depth, cost a constant over the tag-first case. Work is counted
//! deterministically: the values the decoder skips
//! (`zerospec::__private::counters`, the `counters` feature).

use zerospec::__private::counters;
use zerospec::{Decode, Encode};

#[derive(Decode, Encode, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type")]
enum Tree {
    Branch { kid: Box<Tree>, weight: u32 },
    Leaf { value: u8 },
}

#[derive(Decode, Encode, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Wrap(Box<Adjacent>),
    Leaf(u8),
}

fn tree(depth: usize) -> Tree {
    let mut tree = Tree::Leaf { value: 7 };
    for weight in 0..depth {
        tree = Tree::Branch {
            kid: Box::new(tree),
            weight: u32::try_from(weight).unwrap(),
        };
    }
    tree
}

/// The tree as JSON with every tag last: `{"kid":...,"weight":0,"type":"Branch"}`.
fn tag_last(depth: usize) -> String {
    let mut json = r#"{"value":7,"type":"Leaf"}"#.to_owned();
    for weight in 0..depth {
        json = format!(r#"{{"kid":{json},"weight":{weight},"type":"Branch"}}"#);
    }
    json
}

fn adjacent_content_first(depth: usize) -> String {
    let mut json = r#"{"c":7,"t":"Leaf"}"#.to_owned();
    for _ in 0..depth {
        json = format!(r#"{{"c":{json},"t":"Wrap"}}"#);
    }
    json
}

/// Values skipped while `f` runs.
fn skipped<T>(f: impl FnOnce() -> T) -> (u64, T) {
    counters::reset();
    let value = f();
    (counters::skipped(), value)
}

#[test]
fn a_late_tag_costs_a_constant_per_value_at_any_depth() {
    for depth in [1, 2, 8, 32, 64, 120] {
        let json = tag_last(depth);
        let (count, ours) = skipped(|| zerospec::json::from_str::<Tree>(&json).unwrap());
        assert_eq!(ours, tree(depth));
        // The outermost level skips the whole tree once to find its tag (6
        // values a level: `kid`'s map, its `weight`, and inside it the next
        // level's values); each nested level then jumps over its `kid`,
        // which its ancestor skipped, and skips its `weight`. Linear in the
        // input; without the jumps, every level skipped all below it, and
        // the count grew with the depth squared.
        assert_eq!(count, 6 * depth as u64 + 1, "depth {depth}");
        let first = zerospec::json::to_string(&ours).unwrap();
        let (count, _) = skipped(|| zerospec::json::from_str::<Tree>(&first).unwrap());
        assert_eq!(count, 0, "tag first: nothing skipped");
    }
}

#[test]
fn late_tags_agree_with_serde() {
    for depth in [0, 1, 5] {
        let json = tag_last(depth);
        let theirs: Tree = serde_json::from_str(&json).unwrap();
        assert_eq!(zerospec::json::from_str::<Tree>(&json).unwrap(), theirs);
        assert_eq!(
            zerospec::json::to_string(&theirs).unwrap(),
            serde_json::to_string(&theirs).unwrap()
        );
    }
    let err = zerospec::json::from_str::<Tree>(
        r#"{"kid":{"value":7,"type":"Leaf"},"weight":"0","type":"Branch"}"#,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "Expected `int`, got `str` - at `$.weight`");
}

#[test]
fn late_tags_in_msgpack_too() {
    // rmp-serde writes the tag first; reorder it last by hand: a map of
    // `kid`, `weight`, `type`.
    fn encode(depth: usize, out: &mut Vec<u8>) {
        if depth == 0 {
            out.extend([0x82, 0xa5]);
            out.extend(b"value");
            out.push(7);
            out.extend([0xa4]);
            out.extend(b"type");
            out.extend([0xa4]);
            out.extend(b"Leaf");
            return;
        }
        out.extend([0x83, 0xa3]);
        out.extend(b"kid");
        encode(depth - 1, out);
        out.push(0xa6);
        out.extend(b"weight");
        out.push(u8::try_from(depth - 1).unwrap());
        out.push(0xa4);
        out.extend(b"type");
        out.push(0xa6);
        out.extend(b"Branch");
    }
    for depth in [1, 16, 120] {
        let mut bytes = Vec::new();
        encode(depth, &mut bytes);
        let (count, ours) = skipped(|| zerospec::msgpack::from_slice::<Tree>(&bytes).unwrap());
        assert_eq!(ours, tree(depth));
        // As in JSON, with each key skipped too.
        assert_eq!(count, 9 * depth as u64, "depth {depth}");
        let theirs: Tree = rmp_serde::from_slice(&bytes).unwrap();
        assert_eq!(ours, theirs);
    }
}

#[test]
fn content_before_the_tag_is_skipped_once() {
    for depth in [1, 8, 64, 120] {
        let json = adjacent_content_first(depth);
        let (count, ours) = skipped(|| zerospec::json::from_str::<Adjacent>(&json).unwrap());
        assert_eq!(count, 3 * depth as u64 + 1, "depth {depth}");
        if depth < 100 {
            // serde_json recurses twice per level here and nears its limit.
            assert_eq!(ours, serde_json::from_str::<Adjacent>(&json).unwrap());
        }
    }
}
