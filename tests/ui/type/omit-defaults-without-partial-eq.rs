use zerospec::{Decode, Encode};

#[derive(Default)]
struct Opaque;

#[derive(Encode, Decode)]
#[zerospec(omit_defaults)]
struct User {
    #[serde(default, skip_deserializing)]
    cache: Opaque,
    #[serde(default)]
    name: String,
}

impl zerospec::Encode for Opaque {
    fn encode<E: zerospec::Encoder>(&self, e: &mut E) -> zerospec::Result<()> {
        e.encode_null()
    }
}

fn main() {}
