use zerospec::{Decode, Encode};

fn positive(n: i64) -> bool {
    n > 0
}

#[derive(Encode, Decode)]
struct User {
    #[zerospec(validate = "positive")]
    age: i64,
}

fn main() {}
