use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(content = "c")]
enum Shape {
    Circle(f64),
}

fn main() {}
