use zerospec::{Decode, Encode};

#[derive(Encode, Decode)]
#[serde(tag = "type")]
enum Shape {
    Circle { r: f64, r#type: String },
}

fn main() {}
