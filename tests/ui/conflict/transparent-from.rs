use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(transparent, from = "u64")]
struct Id {
    value: u64,
}

impl From<u64> for Id {
    fn from(value: u64) -> Self {
        Id { value }
    }
}

fn main() {}
