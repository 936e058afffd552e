use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Secs,
    Nanos,
}

fn main() {}
