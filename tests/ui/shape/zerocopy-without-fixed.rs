use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[zerospec(zerocopy)]
struct Point {
    x: f32,
    y: f32,
}

fn main() {}
