use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[zerospec(omit_defaults)]
enum Shape {
    Circle { r: f64 },
}

fn main() {}
