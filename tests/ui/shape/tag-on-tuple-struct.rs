use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "type")]
struct Point(i32, i32);

fn main() {}
