use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
enum Value {
    #[serde(untagged)]
    Loose(String),
    Int(i64),
}

fn main() {}
