use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Point {
    #[serde(rename = 1)]
    x: i32,
}

fn main() {}
