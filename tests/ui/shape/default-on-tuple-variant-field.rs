use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
enum Shape {
    Rect(#[serde(default)] f64, f64),
}

fn main() {}
