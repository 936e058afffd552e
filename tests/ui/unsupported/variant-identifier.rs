use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(variant_identifier)]
enum Kind {
    A,
    B,
}

fn main() {}
