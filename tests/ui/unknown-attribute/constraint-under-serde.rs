use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct User {
    #[serde(min_len = 1)]
    name: String,
}

fn main() {}
