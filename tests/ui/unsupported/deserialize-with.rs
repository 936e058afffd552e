use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Event {
    #[serde(deserialize_with = "from_seconds")]
    at: u64,
}

fn main() {}
