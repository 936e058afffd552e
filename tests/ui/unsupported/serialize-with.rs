use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Event {
    #[serde(serialize_with = "as_seconds")]
    at: u64,
}

fn main() {}
