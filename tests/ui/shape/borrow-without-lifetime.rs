use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Text {
    #[serde(borrow)]
    value: String,
}

fn main() {}
