use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Wrapper<T> {
    #[serde(bound = "T: Clone")]
    value: T,
}

fn main() {}
