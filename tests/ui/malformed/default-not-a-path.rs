use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Point {
    #[serde(default = "1 + 2")]
    x: i32,
}

fn main() {}
