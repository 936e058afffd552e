use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
enum Color {
    Red,
    #[serde(rename = "Red")]
    Crimson,
}

fn main() {}
