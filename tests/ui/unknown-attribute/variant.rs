use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
enum Shape {
    #[serde(skip_serialising)]
    Circle,
}

fn main() {}
