use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Point {
    #[serde(rename)]
    x: i32,
}

fn main() {}
