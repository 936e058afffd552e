use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
