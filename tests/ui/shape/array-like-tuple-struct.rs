use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[zerospec(array_like)]
struct Point(i32, i32);

fn main() {}
