use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(transparent)]
struct Id {
    value: u64,
    extra: u64,
}

fn main() {}
