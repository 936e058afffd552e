use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum Event {
    Click,
    #[serde(other)]
    Unknown,
    #[serde(other)]
    Other,
}

fn main() {}
