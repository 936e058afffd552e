use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[zerospec(array_like)]
enum Shape {
    Circle { r: f64 },
}

fn main() {}
