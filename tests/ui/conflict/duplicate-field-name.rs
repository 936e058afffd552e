use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct User {
    name: String,
    #[serde(rename = "name")]
    nick: String,
}

fn main() {}
