use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Inner {
    y: Vec<i32>,
}

#[derive(Encode, Decode)]
struct Outer {
    #[serde(flatten)]
    #[zerospec(min_len = 1)]
    inner: Inner,
}

fn main() {}
