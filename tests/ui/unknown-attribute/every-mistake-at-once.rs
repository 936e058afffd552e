use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(renam = "point")]
struct Point {
    #[serde(rename = 1)]
    x: i32,
    #[zerospec(minimum = 0)]
    y: i32,
}

fn main() {}
