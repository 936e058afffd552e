use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum Shape {
    Rect(f64, f64),
}

fn main() {}
