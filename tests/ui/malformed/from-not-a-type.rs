use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(from = "Vec<")]
struct Wrapper {
    value: u8,
}

fn main() {}
