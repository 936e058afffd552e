use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(untagged)]
enum Value {
    Int(i64),
    #[serde(other)]
    Other,
}

fn main() {}
