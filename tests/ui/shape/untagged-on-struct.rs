use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(untagged)]
struct Point {
    x: i32,
}

fn main() {}
