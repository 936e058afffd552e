use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum Event {
    Click,
    #[serde(other)]
    Unknown(String),
}

fn main() {}
