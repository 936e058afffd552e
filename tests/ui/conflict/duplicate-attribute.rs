use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Point {
    #[serde(rename = "a", rename = "b")]
    x: i32,
}

fn main() {}
