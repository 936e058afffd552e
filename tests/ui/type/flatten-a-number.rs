use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct User {
    name: String,
    #[serde(flatten)]
    age: u8,
}

fn main() {}
