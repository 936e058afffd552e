use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(transparent)]
#[zerospec(array_like)]
struct Id {
    value: u64,
}

fn main() {}
