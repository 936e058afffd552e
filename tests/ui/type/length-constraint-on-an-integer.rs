use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct User {
    #[zerospec(min_len = 1)]
    age: u8,
}

fn main() {}
