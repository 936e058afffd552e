use zerospec::{Decode, Encode};

#[derive(Encode, Decode, Default)]
#[serde(default)]
struct Point(i32, i32);

fn main() {}
