use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
struct Age {
    #[zerospec(ge = )]
    years: u8,
}

fn main() {}
