use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum Shape {
    Circle(f64),
}

fn main() {}
