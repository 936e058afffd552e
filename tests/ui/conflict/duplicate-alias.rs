use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct User {
    #[serde(alias = "n")]
    name: String,
    #[serde(alias = "n")]
    nick: String,
}

fn main() {}
