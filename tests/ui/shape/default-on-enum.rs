use zerospec::{Decode, Encode};

#[derive(Encode, Decode, Default)]
#[serde(default)]
enum Shape {
    #[default]
    Point,
}

fn main() {}
