use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[zerospec(omit_default)]
struct User {
    name: String,
}

fn main() {}
