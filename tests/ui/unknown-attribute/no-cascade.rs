use zerospec::{Decode, Encode};

// A mistake in `Inner`'s attributes is the only error: the types that hold
// it, and the code that decodes them, still compile against a stand-in impl.
#[derive(Encode, Decode)]
struct Inner {
    #[serde(renamed = "v")]
    value: u8,
}

#[derive(Encode, Decode)]
struct Outer {
    inner: Inner,
    list: Vec<Inner>,
}

fn main() {
    let outer: Outer = zerospec::json::from_str("{}").unwrap();
    let _ = zerospec::json::to_string(&outer);
}
