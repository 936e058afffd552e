use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(transparent)]
enum Id {
    A(u64),
}

fn main() {}
