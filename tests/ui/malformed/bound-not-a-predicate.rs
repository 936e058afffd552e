use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(bound = "T Clone")]
struct Wrapper<T> {
    value: T,
}

fn main() {}
