use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
enum Text<'a> {
    #[serde(borrow)]
    Plain(&'a str),
}

fn main() {}
