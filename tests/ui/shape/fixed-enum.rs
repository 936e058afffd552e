use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[zerospec(fixed)]
enum Level {
    Low,
    High,
}

fn main() {}
