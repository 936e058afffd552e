use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Inner {
    y: i32,
}

#[derive(Encode, Decode)]
#[zerospec(array_like)]
struct Point {
    x: i32,
    #[serde(flatten)]
    inner: Inner,
}

fn main() {}
