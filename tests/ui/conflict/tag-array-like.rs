use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "type")]
#[zerospec(array_like)]
struct Point {
    x: i32,
}

fn main() {}
