use zerospec::{Decode, Encode};

use std::borrow::Cow;

#[derive(Encode, Decode)]
struct Text<'a, 'b> {
    #[serde(borrow = "'b")]
    value: Cow<'a, str>,
    other: &'b str,
}

fn main() {}
