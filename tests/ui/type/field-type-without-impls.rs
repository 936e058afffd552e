use zerospec::{Decode, Encode};

pub struct Opaque;

#[derive(Encode, Decode)]
struct Order {
    id: u64,
    at: Opaque,
}

fn main() {}
