use zerospec::{Decode, Encode};

mod via {
    pub fn encode<E: zerospec::Encoder>(_: &u8, _: &mut E) -> zerospec::Result<()> {
        Ok(())
    }
}

#[derive(Encode, Decode)]
struct User {
    #[zerospec(with = "via")]
    age: u8,
}

fn main() {}
