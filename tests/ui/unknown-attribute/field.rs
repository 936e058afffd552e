use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Point {
    #[serde(defualt)]
    x: i32,
}

fn main() {}
