use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Text<'a> {
    #[serde(borrow = "a")]
    value: &'a str,
}

fn main() {}
