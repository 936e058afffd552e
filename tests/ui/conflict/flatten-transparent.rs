use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Inner {
    y: i32,
}

#[derive(Encode, Decode)]
#[serde(transparent)]
struct Outer {
    #[serde(flatten)]
    inner: Inner,
}

fn main() {}
