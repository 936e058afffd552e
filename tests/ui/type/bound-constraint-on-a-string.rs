use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct User {
    #[zerospec(ge = 0)]
    name: String,
}

fn main() {}
