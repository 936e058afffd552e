use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Inner {
    y: i32,
}

#[derive(Encode, Decode)]
struct Outer(#[serde(flatten)] Inner);

fn main() {}
