use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Event {
    #[serde(with = "chrono::serde::ts_seconds")]
    at: u64,
}

fn main() {}
