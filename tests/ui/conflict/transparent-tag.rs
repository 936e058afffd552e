use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(transparent, tag = "type")]
struct Id {
    value: u64,
}

fn main() {}
