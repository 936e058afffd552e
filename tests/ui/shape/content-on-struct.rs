use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "t", content = "c")]
struct Point {
    x: i32,
}

fn main() {}
