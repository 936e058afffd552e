use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(array_like)]
struct Point {
    x: i32,
}

fn main() {}
