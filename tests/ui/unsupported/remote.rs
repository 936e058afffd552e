use zerospec::{Decode, Encode};

mod other {
    pub struct Duration {
        pub secs: u64,
    }
}

#[derive(Encode, Decode)]
#[serde(remote = "other::Duration")]
struct DurationDef {
    secs: u64,
}

fn main() {}
