use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(rename_all_fields = "camelCase")]
struct Point {
    x_pos: i32,
}

fn main() {}
