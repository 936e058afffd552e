use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(rename_all = "Camel")]
struct Point {
    x_pos: i32,
}

fn main() {}
