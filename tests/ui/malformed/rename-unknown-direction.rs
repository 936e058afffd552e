use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Point {
    #[serde(rename(encode = "X"))]
    x: i32,
}

fn main() {}
