use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct User {
    #[zerospec(min_length = 1)]
    name: String,
}

fn main() {}
