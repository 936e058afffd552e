use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(untagged, tag = "type")]
enum Shape {
    Circle { r: f64 },
}

fn main() {}
