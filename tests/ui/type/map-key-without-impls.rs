use std::collections::BTreeMap;

use zerospec::{Decode, Encode};

#[derive(Encode, Decode, PartialEq, Eq, PartialOrd, Ord)]
struct Point {
    x: i32,
}

#[derive(Encode, Decode)]
struct Grid {
    cells: BTreeMap<Point, u8>,
}

fn main() {}
