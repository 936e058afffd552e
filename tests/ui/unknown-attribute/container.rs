use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(renam = "point")]
struct Point {
    x: i32,
}

fn main() {}
